"""The shared filters: parsed from URL parameters, turned into WHERE clauses.

A pure module (no database, no Streamlit), so it is tested on its own in
``tests/test_filters.py``. URL parameters use Kemendagri codes and ISO dates::

    ?prov=53&kab=53.04&kec=53.04.01&dari=2019-01-01&sampai=2024-12-31&sektor=koperasi&nyata=1&n=3

``kec`` (kecamatan) narrows the pages whose rows belong to a kecamatan (the KDMP page); a
kecamatan is kept only inside the chosen kab/kota (when some are chosen) and provinces, and a
kecamatan without any ``kab`` brings its kab/kota into the filters.

Each parameter is declared once in ``data_access.url_params``. ``parse`` never raises: an unknown or malformed value is dropped and reported
in the returned notes, so a bad link shows a note instead of crashing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from sqlalchemy import ColumnElement, and_, exists, or_, select, true, union
from sqlalchemy.orm import aliased

from data_access import url_params
from data_access.models_meetings import Meeting, MeetingRegency, MeetingSector
from data_access.models_reference import Source

MAX_VALUES = url_params.MAX_VALUES
MIN_WINDOW, DEFAULT_WINDOW = url_params.WINDOW_MIN, url_params.WINDOW_DEFAULT
MAX_WINDOW = 10  # the longest RAT window the summary tables hold (a link may ask for up to url_params.WINDOW_MAX)


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


def district_codes(params: Mapping[str, str | list[str]]) -> tuple[str, ...]:
    """The well-formed ``kec`` codes of the URL (to look up before ``parse``)."""
    return url_params.read(url_params.get("kec"), params.get("kec"))[0]


def parse(params: Mapping[str, str | list[str]], *, known_provinces: set[str],
          known_regencies: set[str], known_districts: set[str] = frozenset(),
          today: dt.date | None = None) -> tuple[Filters, list[str]]:
    """Filters from URL parameters, plus a note for every value dropped.

    Each value is read by its declaration in ``url_params.FILTERS`` (bounds, pattern, default).
    ``known_*`` are the codes in the gazetteer (``known_districts`` need only hold those of
    ``district_codes(params)``); a regency outside the chosen provinces is dropped too, and a
    kecamatan outside the chosen kab/kota or provinces (the cascade province → kab/kota → kecamatan).
    Dates given the wrong way round are swapped, with a note.
    """
    notes: list[str] = []
    values = {}
    for param in url_params.FILTERS:
        value, dropped = url_params.read(param, params.get(param.name))
        values[param.field], notes = value, notes + dropped
    known = {"provinces": known_provinces, "regencies": known_regencies, "districts": set(known_districts)}
    for name, field_name in (("prov", "provinces"), ("kab", "regencies"), ("kec", "districts")):
        for code in values[field_name]:
            if code not in known[field_name]:
                notes.append(url_params.note(url_params.get(name), code))
        values[field_name] = tuple(c for c in values[field_name] if c in known[field_name])

    provinces, regencies = values["provinces"], values["regencies"]
    if provinces:
        for r in regencies:
            if r[:2] not in provinces:
                notes.append(url_params.note("kab", r, "di luar provinsi terpilih", "outside the chosen provinces"))
        regencies = tuple(r for r in regencies if r[:2] in provinces)
    districts = values["districts"]
    outside = [d for d in districts if (regencies and d[:5] not in regencies)
               or (provinces and d[:2] not in provinces)]
    for d in outside:
        notes.append(url_params.note("kec", d, "di luar wilayah terpilih", "outside the chosen area"))
    districts = tuple(d for d in districts if d not in outside)
    if districts and not regencies:  # a kecamatan link names its kab/kota too
        regencies = tuple(dict.fromkeys(d[:5] for d in districts if d[:5] in known_regencies))
    values.update(provinces=provinces, regencies=regencies, districts=districts)

    if values["date_from"] and values["date_to"] and values["date_from"] > values["date_to"]:
        notes.append(url_params.note("dari > sampai", None, "rentang tanggal dibalik", "date range swapped"))
        values["date_from"], values["date_to"] = values["date_to"], values["date_from"]
    return Filters(**values, today=today or dt.date.today()), notes


def to_params(filters: Filters) -> dict[str, str]:
    """URL parameters that ``parse`` turns back into the same filters (defaults left out)."""
    params: dict[str, str] = {}
    for param in url_params.FILTERS:
        text = url_params.write(param, getattr(filters, param.field))
        if text is not None:
            params[param.name] = text
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
