"""What the extractor proposes: ``Extraction`` and its parts, JSON-ready."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class OpenedBy:
    """A person as the report names them: ``name`` without titles or degrees ("Maria Rekaan", not
    "Ir. Maria Rekaan, M.Si"), ``role`` their office, ``on_behalf_of`` the office they stood in for
    ("dibuka oleh A, mewakili Gubernur NTB" → A, on behalf of "Gubernur NTB")."""

    name: str | None
    role: str | None
    on_behalf_of: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "on_behalf_of": self.on_behalf_of}


@dataclass
class CooperativeCounts:
    """Cooperative figures of one area as the report states them (counts of cooperatives).

    ``area_code``: the Kemendagri code of the area they are of (a kab/kota or a province), ``None``
    when the text leaves it unclear; ``as_of``: the figures' own date ("per 31 Desember 2023"),
    apart from the meeting's; ``derived``: values the text only implies (inactive = total − active),
    never put in ``total``/``active``/``inactive``.
    """

    total: int | None = None
    active: int | None = None
    inactive: int | None = None
    as_of: dt.date | None = None
    area_code: str | None = None
    derived: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"total": self.total, "active": self.active, "inactive": self.inactive,
                "as_of": self.as_of.isoformat() if self.as_of else None, "area": self.area_code,
                "derived": dict(self.derived)}


KDMP_STAGES = ("formed", "notarial_deed", "legal_entity", "operational")


@dataclass
class KdmpFigures:
    """Koperasi Desa/Kelurahan Merah Putih figures as a report states them — never cooperative figures.

    Counts of KDMP ``formed`` (musdesus held, cooperative established), with a ``notarial_deed``
    (akta pendirian), with ``legal_entity`` status (SK AHU, badan hukum), ``operational``; the
    ``villages`` (desa/kelurahan) in scope; ``area_code`` (a kab/kota or province code, ``None``
    when unclear); ``as_of`` the figures' own date; ``evidence`` per key the snippet stating it.
    """

    formed: int | None = None
    notarial_deed: int | None = None
    legal_entity: int | None = None
    operational: int | None = None
    villages: int | None = None
    area_code: str | None = None
    as_of: dt.date | None = None
    evidence: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"formed": self.formed, "notarial_deed": self.notarial_deed, "legal_entity": self.legal_entity,
                "operational": self.operational, "villages": self.villages, "area": self.area_code,
                "as_of": self.as_of.isoformat() if self.as_of else None, "evidence": dict(self.evidence)}


@dataclass(frozen=True)
class Notice:
    """A warning as data: ``code`` names its kind (the page translates ``ex_warn_<code>`` with
    ``params``), ``field`` the extracted field it concerns, ``text`` the English sentence."""

    code: str
    field: str | None
    params: dict
    text: str


@dataclass
class Candidate:
    """A value the text offers that was not assigned (or was, ``chosen``), for a person to decide.

    ``kind``: figure / date / place; ``value``: as text ("530", "2024-02-14", "53.13"); ``role``: for a
    figure the role its words suggest (total / active / inactive) or ``None``; ``reason``: a code
    (``ingest.figure_proof.REASONS``, ``ingest.candidates.REASONS``); ``sentence``: the sentence it
    stands in, with ``start``/``end`` the offsets of the value inside it (for highlighting).
    """

    kind: str
    value: str
    role: str | None
    reason: str
    sentence: str
    start: int
    end: int
    chosen: bool = False
    sentence_start: int = -1  # the value's offset in the whole text (dedup only; not exported)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "value": self.value, "role": self.role, "reason": self.reason,
                "sentence": self.sentence, "start": self.start, "end": self.end, "chosen": self.chosen}


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
    # How the province was found (not exported): "regency" (the kab/kota's), "venue" (the venue's or the
    # dateline's city), "stated" (named in the organiser or the title), "named" (the one the text names most).
    province_basis: str | None = None
    organizer: str | None = None
    opened_by: OpenedBy | None = None
    chaired_by: OpenedBy | None = None
    participants: int | None = None
    sectors: list[str] = field(default_factory=list)
    cooperatives: CooperativeCounts | None = None
    kdmp_figures: KdmpFigures | None = None
    pokja_stage: str | None = None
    pokja_name: str | None = None
    pokja_regency_code: str | None = None
    sk_number: str | None = None
    sk_date: dt.date | None = None
    regencies_involved: list[str] = field(default_factory=list)
    kind: str | None = None
    level: str | None = None
    headline: str | None = None
    outlet: str | None = None
    published_on: dt.date | None = None
    notices: list[Notice] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    evidence: dict[str, str | None] = field(default_factory=dict)
    file: str | None = None

    @property
    def warnings(self) -> list[str]:
        """The notices as English sentences (command line, JSON)."""
        return [n.text for n in self.notices]

    def warn(self, code: str, field: str | None, text: str, **params) -> None:
        """Add a warning: ``text`` is an English template filled from ``params``."""
        self.notices.append(Notice(code, field, params, text.format(**params)))

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
            "opened_by": self.opened_by.to_dict() if self.opened_by else None,
            "chaired_by": self.chaired_by.to_dict() if self.chaired_by else None,
            "participants": self.participants,
            "sectors": list(self.sectors),
            "cooperatives": self.cooperatives.to_dict() if self.cooperatives else None,
            "kdmp_figures": self.kdmp_figures.to_dict() if self.kdmp_figures else None,
            "pokja_stage": self.pokja_stage,
            "pokja_name": self.pokja_name,
            "pokja_regency_code": self.pokja_regency_code,
            "sk_number": self.sk_number,
            "sk_date": self.sk_date.isoformat() if self.sk_date else None,
            "regencies_involved": list(self.regencies_involved),
            "kind": self.kind,
            "level": self.level,
            "headline": self.headline,
            "outlet": self.outlet,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "warnings": self.warnings,
            "notices": [{"code": n.code, "field": n.field, "params": dict(n.params)} for n in self.notices],
            "evidence": {key: self.evidence.get(key) for key in EVIDENCE_KEYS},
            "candidates": [c.to_dict() for c in self.candidates],
        }


EVIDENCE_KEYS = (
    "title", "date", "date_text", "date_inferred", "weekday_ok", "venue", "city", "regency_code",
    "regency_name", "province_code", "province_name", "organizer", "opened_by", "chaired_by", "participants",
    "sectors", "cooperatives", "pokja_stage", "regencies_involved", "kind", "level", "headline",
    "outlet", "published_on",
)
