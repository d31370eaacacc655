"""What the extractor proposes: ``Extraction`` and its parts, JSON-ready."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class OpenedBy:
    name: str | None
    role: str | None


@dataclass
class CooperativeCounts:
    total: int | None = None
    active: int | None = None
    inactive: int | None = None


@dataclass
class Extraction:
    """What the extractor proposes for one report. ``None`` means the text does not say."""

    title: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    date_inferred: bool = False
    weekday_ok: bool | None = None
    venue: str | None = None
    city: str | None = None
    regency_code: str | None = None
    regency_name: str | None = None
    province_code: str | None = None
    province_name: str | None = None
    organizer: str | None = None
    opened_by: OpenedBy | None = None
    participants: int | None = None
    sectors: list[str] = field(default_factory=list)
    cooperatives: CooperativeCounts | None = None
    pokja_stage: str | None = None
    regencies_involved: list[str] = field(default_factory=list)
    kind: str | None = None
    level: str | None = None
    headline: str | None = None
    outlet: str | None = None
    published_on: dt.date | None = None
    warnings: list[str] = field(default_factory=list)
    evidence: dict[str, str | None] = field(default_factory=dict)
    file: str | None = None

    def to_dict(self) -> dict:
        """JSON-ready: dates as ISO strings, nested values as plain dicts."""
        return {
            "file": self.file,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "date_inferred": self.date_inferred,
            "weekday_ok": self.weekday_ok,
            "venue": self.venue,
            "city": self.city,
            "regency_code": self.regency_code,
            "regency_name": self.regency_name,
            "province_code": self.province_code,
            "province_name": self.province_name,
            "organizer": self.organizer,
            "opened_by": {"name": self.opened_by.name, "role": self.opened_by.role} if self.opened_by else None,
            "participants": self.participants,
            "sectors": list(self.sectors),
            "cooperatives": (
                {"total": self.cooperatives.total, "active": self.cooperatives.active,
                 "inactive": self.cooperatives.inactive} if self.cooperatives else None
            ),
            "pokja_stage": self.pokja_stage,
            "regencies_involved": list(self.regencies_involved),
            "kind": self.kind,
            "level": self.level,
            "headline": self.headline,
            "outlet": self.outlet,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "warnings": list(self.warnings),
            "evidence": {key: self.evidence.get(key) for key in EVIDENCE_KEYS},
        }


EVIDENCE_KEYS = (
    "title", "date", "date_text", "date_inferred", "weekday_ok", "venue", "city", "regency_code",
    "regency_name", "province_code", "province_name", "organizer", "opened_by", "participants",
    "sectors", "cooperatives", "pokja_stage", "regencies_involved", "kind", "level", "headline",
    "outlet", "published_on",
)
