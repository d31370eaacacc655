"""A meeting read from a news report as the editor confirmed it on the "Ekstraksi" page, with the
cooperative figures and Pokja stage the report states, and the checks it must pass before
``news.save`` stores it.

``item_problems`` names the fields that cannot be stored (``SaveResult.problems``); the Koperasi
Merah Putih figures are checked by ``news_kdmp.KdmpReported.problems``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from data_access.gazetteer import normalise
from data_access.imports.news_kdmp import KdmpReported
from data_access.imports.parsing import ImportProblem
from data_access.imports.regions import Gazetteer
from data_access.models_meetings import MEETING_KINDS, MEETING_LEVELS, MEETING_STATUSES
from data_access.models_pokja import POKJA_STAGES
from data_access.models_reference import SECTORS


@dataclass
class Figures:
    as_of: dt.date
    total: int | None = None
    active: int | None = None
    inactive: int | None = None
    approximate: bool = False
    area_code: str | None = None  # the figures' own area (a kab/kota or the province); default: the meeting's


@dataclass
class Stage:
    regency_code: str
    mandate_id: int
    stage: str
    on: dt.date
    sk_number: str | None = None


@dataclass
class NewsMeeting:
    """A meeting as the editor confirmed it, with the report it comes from."""

    title: str
    held_on: dt.date
    province_code: str
    outlet: str
    kind: str = "rakor"
    level: str = "provinsi"
    status: str = "held"
    date_inferred: bool = False
    regency_code: str | None = None
    venue: str | None = None
    city: str | None = None
    organizer: str | None = None
    opened_by_name: str | None = None
    opened_by_role: str | None = None
    participants: int | None = None
    theme: str | None = None
    sectors: list[str] = field(default_factory=list)
    regencies: list[str] = field(default_factory=list)
    headline: str | None = None
    url: str | None = None
    published_on: dt.date | None = None
    author: str | None = None
    text: str = ""
    figures: Figures | None = None
    stage: Stage | None = None
    kdmp: KdmpReported | None = None

    def source_key(self) -> str:
        """The report's natural key: its URL, or outlet + headline (or the text's hash) + date."""
        if self.url:
            return self.url[:300]
        what = normalise(self.headline) if self.headline else hashlib.sha256(self.text.encode()).hexdigest()[:16]
        day = self.published_on.isoformat() if self.published_on else self.held_on.isoformat()
        return f"berita:{normalise(self.outlet)}:{what}:{day}"[:300]


@dataclass
class SaveResult:
    action: str = ""              # "created" | "merged" | "unchanged"
    meeting_id: int | None = None
    batch_id: int | None = None
    error: ImportProblem | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.error is None and not self.problems


def item_problems(item: NewsMeeting, gazetteer: Gazetteer) -> list[str]:
    """The fields of ``item`` that cannot be stored, sorted, each once (empty when it can be saved)."""
    problems = []
    if not (item.title or "").strip():
        problems.append("title")
    if not (item.outlet or "").strip():
        problems.append("outlet")
    if item.province_code not in gazetteer.provinces:
        problems.append("province_code")
    for code in filter(None, [item.regency_code, *item.regencies]):
        if code not in gazetteer.regencies or not code.startswith(item.province_code + "."):
            problems.append("regency_code" if code == item.regency_code else "regencies")
    if item.kind not in MEETING_KINDS:
        problems.append("kind")
    if item.level not in MEETING_LEVELS:
        problems.append("level")
    if item.status not in MEETING_STATUSES:
        problems.append("status")
    if any(s not in SECTORS for s in item.sectors):
        problems.append("sectors")
    if item.participants is not None and item.participants < 0:
        problems.append("participants")
    if item.url and not item.url.lower().startswith(("http://", "https://")):
        problems.append("url")
    if item.kdmp is not None:
        problems += item.kdmp.problems({*gazetteer.provinces, *gazetteer.regencies})
    if item.figures is not None:
        f = item.figures
        if all(v is None for v in (f.total, f.active, f.inactive)) or any(
                v is not None and v < 0 for v in (f.total, f.active, f.inactive)):
            problems.append("figures")
        area = f.area_code
        if area is not None and (area not in gazetteer.regencies and area not in gazetteer.provinces
                                 or not (area == item.province_code or area.startswith(item.province_code + "."))):
            problems.append("figures")
    if item.stage is not None:
        if item.stage.stage not in POKJA_STAGES or item.stage.regency_code not in gazetteer.regencies:
            problems.append("stage")
    return sorted(set(problems))
