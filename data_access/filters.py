"""The shared filters: parsed from URL parameters, turned into WHERE clauses.

A pure module (no database, no Streamlit), so it is tested on its own in
``tests/test_filters.py``. URL parameters use Kemendagri codes and ISO dates::

    ?prov=53&kab=53.04&kec=53.04.01&dari=2019-01-01&sampai=2024-12-31&sektor=koperasi&nyata=1&n=3

``kec`` (kecamatan) narrows the pages whose rows belong to a kecamatan (the KDMP page); a
kecamatan is kept only inside the chosen kab/kota (when some are chosen) and provinces, and a
kecamatan without any ``kab`` brings its kab/kota into the filters.

``parse`` never raises: an unknown or malformed value is dropped and reported
in the returned notes, so a bad link shows a note instead of crashing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from sqlalchemy import ColumnElement, and_, exists, or_, select, true, union
from sqlalchemy.orm import aliased

from data_access.models_meetings import Meeting, MeetingRegency, MeetingSector
from data_access.models_reference import SECTORS, Source

PROVINCE_CODE = re.compile(r"^\d{2}$")
REGENCY_CODE = re.compile(r"^\d{2}\.\d{2}$")
DISTRICT_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
MAX_VALUES = 60  # more codes than a province has kab/kota is not a real filter
MIN_WINDOW, MAX_WINDOW, DEFAULT_WINDOW = 1, 10, 3


@dataclass(frozen=True)
class Filters:
    """What the user chose. Hashable, so it can key ``st.cache_data``."""

    provinces: tuple[str, ...] = ()
    regencies: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sectors: tuple[str, ...] = ()
    real_only: bool = False
    window: int = DEFAULT_WINDOW
    today: dt.date = field(default_factory=dt.date.today, compare=True)

    @property
    def as_of_year(self) -> int:
        """The last calendar year completed by the end of the period.

        The active rule looks back ``window`` years from here: RAT held in each
        of ``as_of_year - window + 1 … as_of_year``.
        """
        end = min(self.date_to or self.today, self.today)
        return (end + dt.timedelta(days=1)).year - 1

    def with_(self, **changes) -> Filters:
        return replace(self, **changes)


def _split(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [part.strip() for v in values for part in str(v).split(",") if part.strip()]


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def district_codes(params: Mapping[str, str | list[str]]) -> tuple[str, ...]:
    """The well-formed ``kec`` codes of the URL (to look up before ``parse``)."""
    return tuple(v for v in _split(params.get("kec"))[:MAX_VALUES] if DISTRICT_CODE.match(v))


def parse(params: Mapping[str, str | list[str]], *, known_provinces: set[str],
          known_regencies: set[str], known_districts: set[str] = frozenset(),
          today: dt.date | None = None) -> tuple[Filters, list[str]]:
    """Filters from URL parameters, plus a note for every value dropped.

    ``known_*`` are the codes in the gazetteer (``known_districts`` need only hold those of
    ``district_codes(params)``); a regency outside the chosen provinces is dropped too, and a
    kecamatan outside the chosen kab/kota or provinces (the cascade province → kab/kota → kecamatan).
    """
    notes: list[str] = []

    def codes(name: str, pattern: re.Pattern, known: set[str]) -> tuple[str, ...]:
        kept = []
        for value in _split(params.get(name))[:MAX_VALUES]:
            if pattern.match(value) and value in known:
                kept.append(value)
            else:
                notes.append(f"{name}={value[:40]!r}: kode wilayah tidak dikenal / unknown region code")
        return tuple(dict.fromkeys(kept))

    provinces = codes("prov", PROVINCE_CODE, known_provinces)
    regencies = codes("kab", REGENCY_CODE, known_regencies)
    if provinces:
        outside = [r for r in regencies if r[:2] not in provinces]
        for r in outside:
            notes.append(f"kab={r}: di luar provinsi terpilih / outside the chosen provinces")
        regencies = tuple(r for r in regencies if r[:2] in provinces)
    districts = codes("kec", DISTRICT_CODE, set(known_districts))
    outside = [d for d in districts if (regencies and d[:5] not in regencies)
               or (provinces and d[:2] not in provinces)]
    for d in outside:
        notes.append(f"kec={d}: di luar wilayah terpilih / outside the chosen area")
    districts = tuple(d for d in districts if d not in outside)
    if districts and not regencies:  # a kecamatan link names its kab/kota too
        regencies = tuple(dict.fromkeys(d[:5] for d in districts if d[:5] in known_regencies))

    dates = {}
    for name in ("dari", "sampai"):
        raw = _split(params.get(name))
        if not raw:
            continue
        parsed = _parse_date(raw[0])
        if parsed is None or not (1900 <= parsed.year <= 2100):
            notes.append(f"{name}={raw[0][:40]!r}: tanggal tidak sah (YYYY-MM-DD) / invalid date")
        else:
            dates[name] = parsed
    if "dari" in dates and "sampai" in dates and dates["dari"] > dates["sampai"]:
        notes.append("dari > sampai: rentang tanggal dibalik / date range swapped")
        dates["dari"], dates["sampai"] = dates["sampai"], dates["dari"]

    sectors = []
    for value in _split(params.get("sektor"))[:MAX_VALUES]:
        if value in SECTORS:
            sectors.append(value)
        else:
            notes.append(f"sektor={value[:40]!r}: sektor tidak dikenal / unknown sector")

    real_only = False
    raw_real = _split(params.get("nyata"))
    if raw_real:
        if raw_real[0] in ("1", "0"):
            real_only = raw_real[0] == "1"
        else:
            notes.append(f"nyata={raw_real[0][:40]!r}: harus 0 atau 1 / must be 0 or 1")

    window = DEFAULT_WINDOW
    raw_window = _split(params.get("n"))
    if raw_window:
        if re.fullmatch(r"[0-9]{1,2}", raw_window[0]) and MIN_WINDOW <= int(raw_window[0]) <= MAX_WINDOW:
            window = int(raw_window[0])
        else:
            notes.append(f"n={raw_window[0][:40]!r}: jendela RAT harus {MIN_WINDOW}–{MAX_WINDOW} / window out of range")

    filters = Filters(provinces=provinces, regencies=regencies, districts=districts, date_from=dates.get("dari"),
                      date_to=dates.get("sampai"), sectors=tuple(dict.fromkeys(sectors)),
                      real_only=real_only, window=window, today=today or dt.date.today())
    return filters, notes


def to_params(filters: Filters) -> dict[str, str]:
    """URL parameters that ``parse`` turns back into the same filters."""
    params: dict[str, str] = {}
    if filters.provinces:
        params["prov"] = ",".join(filters.provinces)
    if filters.regencies:
        params["kab"] = ",".join(filters.regencies)
    if filters.districts:
        params["kec"] = ",".join(filters.districts)
    if filters.date_from:
        params["dari"] = filters.date_from.isoformat()
    if filters.date_to:
        params["sampai"] = filters.date_to.isoformat()
    if filters.sectors:
        params["sektor"] = ",".join(filters.sectors)
    if filters.real_only:
        params["nyata"] = "1"
    if filters.window != DEFAULT_WINDOW:
        params["n"] = str(filters.window)
    return params


# --- WHERE clauses -------------------------------------------------------------

def area_clause(filters: Filters, province_col, regency_col) -> ColumnElement[bool]:
    """Rows inside the chosen kab/kota, else inside the chosen provinces, else all."""
    if filters.regencies:
        return regency_col.in_(filters.regencies)
    if filters.provinces:
        return province_col.in_(filters.provinces)
    return true()


def village_area_clause(filters: Filters, regency_col, district_col) -> ColumnElement[bool]:
    """Rows of a desa-level table inside the chosen kecamatan, else kab/kota, else provinces.

    ``regency_col`` holds the dotted kab/kota code (its first two digits are the province), so
    a province filter is a range on the same index: ``regency_code >= '53' AND < '53/'``
    (``/`` sorts right after ``.``).
    """
    if filters.districts:
        return district_col.in_(filters.districts)
    if filters.regencies:
        return regency_col.in_(filters.regencies)
    if filters.provinces:
        return or_(*(and_(regency_col > f"{p}.", regency_col < f"{p}/") for p in filters.provinces))
    return true()


def date_clause(filters: Filters, date_col) -> ColumnElement[bool]:
    parts = []
    if filters.date_from:
        parts.append(date_col >= filters.date_from)
    if filters.date_to:
        parts.append(date_col <= filters.date_to)
    return and_(true(), *parts)


def real_only_clause(filters: Filters, source_id_col) -> ColumnElement[bool]:
    """Hide rows hanging off a synthetic source when "real data only" is on.

    Written as ``IN (real sources)`` rather than ``NOT IN (synthetic ones)``:
    PostgreSQL estimates the positive form well and keeps using indexes.
    """
    if not filters.real_only:
        return true()
    real = select(Source.id).where(Source.kind != "synthetic")
    return source_id_col.in_(real)


def meeting_sector_clause(filters: Filters) -> ColumnElement[bool]:
    if not filters.sectors:
        return true()
    return exists().where(MeetingSector.meeting_id == Meeting.id,
                          MeetingSector.sector_code.in_(filters.sectors))


def meeting_clause(filters: Filters) -> ColumnElement[bool]:
    """Meetings in the area (host regency or a regency taking part), period and sectors.

    A kab/kota filter is written as ``id IN (hosted there UNION taking part
    there)``: each half is one index look-up, where ``host OR EXISTS (…)`` made
    the database visit every meeting.
    """
    if filters.regencies:
        hosted = aliased(Meeting)  # its own FROM, never correlated with the outer query's meeting
        area = Meeting.id.in_(union(
            select(hosted.id).where(hosted.regency_code.in_(filters.regencies)),
            select(MeetingRegency.meeting_id).where(MeetingRegency.regency_code.in_(filters.regencies))))
    else:
        area = area_clause(filters, Meeting.province_code, Meeting.regency_code)
    return and_(area, date_clause(filters, Meeting.held_on), meeting_sector_clause(filters),
                real_only_clause(filters, Meeting.source_id))
