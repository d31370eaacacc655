"""Queries of the meeting calendar ("Kalender Rakor").

Every function takes the shared ``Filters`` and selects meetings through
``filters.meeting_clause`` (area incl. regencies taking part, period, sectors,
real data only), aggregates in SQL and returns a DataFrame with the columns its
docstring names.

Sectors of one meeting travel as a bit mask summed in SQL (``SECTOR_BITS``:
koperasi 1, ketenagakerjaan 2, transmigrasi 4, perlindungan_pmi 8; a meeting
has each sector at most once, so the sum is exact on every backend) and are
decoded to comma-separated codes in the fixed ``SECTORS`` order.

"Upcoming" means status ``planned`` and a last day (``ends_on``, else ``held_on``) on or after
``filters.today`` — a planned meeting still running is upcoming; every
other meeting in scope (held, cancelled, or planned but already past) is
"past". The two lists are a partition of the meetings in scope.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd
from sqlalchemy import Date, Engine, and_, case, extract, func, literal, not_, select, true, union, union_all
from sqlalchemy.orm import aliased

from data_access import filters as flt
from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.models_meetings import Meeting, MeetingRegency, MeetingSector, MeetingSource
from data_access.models_reference import SECTORS, Province, Regency, Source

SECTOR_BITS = {code: 1 << i for i, code in enumerate(SECTORS)}
LIST_LIMIT = 200
TIMELINE_POINT_LIMIT = 1_000

SUMMARY_COLUMNS = ["total", "held", "planned", "cancelled", "upcoming", "past", "provinces"]
MONTH_COLUMNS = ["year", "month", "meetings"]
DAY_COLUMNS = ["day", "sector", "meetings", "day_total"]
POINT_COLUMNS = ["id", "held_on", "province_code", "province", "title", "organizer", "status", "sectors"]
MONTHLY_COLUMNS = ["month", "province_code", "province", "meetings"]
LIST_COLUMNS = ["id", "held_on", "ends_on", "title", "kind", "level", "status", "province_code", "province",
                "regency_code", "regency", "city", "venue", "organizer", "opened_by_name", "opened_by_role",
                "participants", "theme", "date_inferred", "sectors", "source_kind", "source_outlet",
                "source_headline", "source_published_on", "source_url"]
REGENCY_COLUMNS = ["code", "name"]
FURTHER_SOURCE_COLUMNS = ["kind", "outlet", "headline", "published_on", "url"]


def decode_sectors(mask: int | None) -> str:
    """The bit mask of ``SECTOR_BITS`` as comma-separated codes in ``SECTORS`` order."""
    mask = int(mask or 0)
    return ",".join(code for code, bit in SECTOR_BITS.items() if mask & bit)


def _decoded(masks: pd.Series) -> pd.Series:
    """``decode_sectors`` of each mask, computed once per distinct mask (at most 16)."""
    return masks.map({mask: decode_sectors(mask) for mask in masks.unique()}).astype(object)


def _sector_mask():
    """Correlated scalar subquery: the meeting's sectors as a bit mask."""
    bit = case(SECTOR_BITS, value=MeetingSector.sector_code, else_=0)
    return (select(func.coalesce(func.sum(bit), 0)).where(MeetingSector.meeting_id == Meeting.id)
            .scalar_subquery())


def _upcoming(filters: flt.Filters):
    return and_(Meeting.status == "planned", func.coalesce(Meeting.ends_on, Meeting.held_on) >= filters.today)


def _frame(engine: Engine | None, stmt, columns: list[str]) -> pd.DataFrame:
    with (engine or get_engine()).connect() as conn:
        return read_frame(conn, stmt, columns)


def summary(filters: flt.Filters, engine: Engine | None = None) -> pd.DataFrame:
    """One row for the meetings in scope.

    Columns: ``total``; ``held``, ``planned``, ``cancelled`` (by status);
    ``upcoming`` (planned, on or after ``filters.today``) and ``past`` (the
    rest); ``provinces`` (distinct host provinces). All integers, 0 when empty.
    """
    def count_if(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    stmt = select(
        func.count(),
        count_if(Meeting.status == "held"),
        count_if(Meeting.status == "planned"),
        count_if(Meeting.status == "cancelled"),
        count_if(_upcoming(filters)),
        count_if(not_(_upcoming(filters))),
        func.count(Meeting.province_code.distinct()),
    ).where(flt.meeting_clause(filters))
    frame = _frame(engine, stmt, SUMMARY_COLUMNS)
    return frame.astype("int64")


def months(filters: flt.Filters, engine: Engine | None = None) -> pd.DataFrame:
    """Months that have meetings in scope, oldest first; each meeting counted once, in the month
    of its first day (so the months add up to ``summary``'s total).

    Columns: ``year``, ``month`` (1–12), ``meetings`` (meetings held_on in that month).
    """
    year, month = extract("year", Meeting.held_on), extract("month", Meeting.held_on)
    stmt = (select(year.label("y"), month.label("m"), func.count())
            .where(flt.meeting_clause(filters))
            .group_by(year, month).order_by(year, month))
    return _frame(engine, stmt, MONTH_COLUMNS).astype("int64")


def calendar_months(filters: flt.Filters, engine: Engine | None = None) -> pd.DataFrame:
    """The months the calendar offers: months with a day of a meeting in scope, oldest first.

    Columns: ``MONTH_COLUMNS``; ``meetings`` counts the meetings on a day of that month: one over
    several days counts in the month of its first and of its last day (agenda ranges span days,
    so no month lies between the two).
    """
    def month_of(day):
        return (select(Meeting.id.label("id"), extract("year", day).label("y"), extract("month", day).label("m"))
                .where(flt.meeting_clause(filters)))

    touched = union(month_of(Meeting.held_on),
                    month_of(Meeting.ends_on).where(Meeting.ends_on.is_not(None))).subquery()
    stmt = (select(touched.c.y, touched.c.m, func.count())
            .group_by(touched.c.y, touched.c.m).order_by(touched.c.y, touched.c.m))
    return _frame(engine, stmt, MONTH_COLUMNS).astype("int64")


def _last_day():
    """A meeting's last day: ``ends_on`` for one over several days, else ``held_on``."""
    return func.coalesce(Meeting.ends_on, Meeting.held_on)


def month_days(filters: flt.Filters, year: int, month: int, engine: Engine | None = None) -> pd.DataFrame:
    """Meetings per day and sector in one calendar month, for the calendar grid.

    A meeting over several days (``held_on`` to ``ends_on``) counts on each of its days in
    the month. One row per day with meetings and sector of those meetings. Columns: ``day``
    (date), ``sector`` (code), ``meetings`` (meetings that day with that sector;
    a meeting of two sectors counts once for each), ``day_total`` (distinct
    meetings that day). With a sector filter only the chosen sectors get rows.
    Ordered by day, then ``SECTORS`` order.
    """
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    # the month's days as a derived table (bound parameters; VALUES with column names is not SQLite)
    calendar_days = union_all(*(select(literal(first + dt.timedelta(days=n), Date).label("day"))
                                for n in range((last - first).days + 1))).subquery("calendar_days")
    day = calendar_days.c.day
    # A lower bound on ``held_on`` as well, so each day reads only the month's meetings from the
    # ``held_on`` index: the month's first day, or the first day of an earlier meeting still going
    # on then (one uncorrelated subquery, run once). With ``held_on <= day`` alone every day walked
    # the index back to the first meeting ever: 31 × all meetings, 430 ms at national scale.
    earlier = aliased(Meeting)
    still_going = (select(func.min(earlier.held_on))
                   .where(earlier.held_on < first, earlier.ends_on >= first).scalar_subquery())
    on_day = and_(flt.meeting_clause(filters), Meeting.held_on >= func.coalesce(still_going, first),
                  Meeting.held_on <= day, _last_day() >= day)
    totals = (select(day.label("day"), func.count().label("day_total"))
              .select_from(calendar_days).join(Meeting, on_day).group_by(day).subquery())
    # An alias, so the EXISTS of the sector filter keeps its own meeting_sector.
    ms = aliased(MeetingSector)
    sector_ok = ms.sector_code.in_(filters.sectors) if filters.sectors else true()
    per_sector = (select(day.label("day"), ms.sector_code.label("sector"), func.count().label("meetings"))
                  .select_from(calendar_days).join(Meeting, on_day)
                  .join(ms, ms.meeting_id == Meeting.id)
                  .where(sector_ok)
                  .group_by(day, ms.sector_code).subquery())
    stmt = (select(per_sector.c.day, per_sector.c.sector, per_sector.c.meetings, totals.c.day_total)
            .join(totals, totals.c.day == per_sector.c.day)
            .order_by(per_sector.c.day, per_sector.c.sector))
    frame = _frame(engine, stmt, DAY_COLUMNS)
    frame["day"] = pd.to_datetime(frame["day"]).dt.date
    order = {code: i for i, code in enumerate(SECTORS)}
    frame = frame.sort_values(["day", "sector"], key=lambda s: s.map(order) if s.name == "sector" else s)
    return frame.reset_index(drop=True)


def timeline_points(filters: flt.Filters, limit: int = TIMELINE_POINT_LIMIT,
                    engine: Engine | None = None) -> pd.DataFrame:
    """One row per meeting in scope (at most ``limit``, oldest first), for the timeline.

    Columns: ``id``, ``held_on`` (date), ``province_code``, ``province`` (name),
    ``title``, ``organizer``, ``status``, ``sectors`` (comma-separated codes).
    """
    stmt = (select(Meeting.id, Meeting.held_on, Meeting.province_code, Province.name, Meeting.title,
                   Meeting.organizer, Meeting.status, _sector_mask())
            .join(Province, Province.code == Meeting.province_code)
            .where(flt.meeting_clause(filters))
            .order_by(Meeting.held_on, Meeting.id).limit(limit))
    frame = _frame(engine, stmt, POINT_COLUMNS)
    frame["sectors"] = _decoded(frame["sectors"])
    return frame


def timeline_monthly(filters: flt.Filters, engine: Engine | None = None) -> pd.DataFrame:
    """Meetings in scope counted per host province and month (for large scopes).

    Columns: ``month`` (date, first day of the month), ``province_code``,
    ``province`` (name), ``meetings``. Ordered by province code, then month.
    """
    year, month = extract("year", Meeting.held_on), extract("month", Meeting.held_on)
    counts = (select(Meeting.province_code.label("code"), year.label("y"), month.label("m"),
                     func.count().label("meetings"))
              .where(flt.meeting_clause(filters))
              .group_by(Meeting.province_code, year, month).subquery())
    stmt = (select(counts.c.y, counts.c.m, counts.c.code, Province.name, counts.c.meetings)
            .join(Province, Province.code == counts.c.code)
            .order_by(counts.c.code, counts.c.y, counts.c.m))
    rows = _frame(engine, stmt, ["year", "month_no", "province_code", "province", "meetings"])
    # one date per distinct month (a few hundred at most), not per row
    keys = rows["year"].astype("int64") * 100 + rows["month_no"].astype("int64")
    firsts = {key: dt.date(key // 100, key % 100, 1) for key in keys.unique().tolist()}
    frame = rows.assign(month=keys.map(firsts).astype(object))
    return frame[MONTHLY_COLUMNS]


def _listed():
    """SELECT of ``LIST_COLUMNS`` (meeting with province, host kab/kota and source)."""
    host = aliased(Regency)
    return (select(Meeting.id, Meeting.held_on, Meeting.ends_on, Meeting.title, Meeting.kind, Meeting.level, Meeting.status,
                   Meeting.province_code, Province.name, Meeting.regency_code, host.name, Meeting.city,
                   Meeting.venue, Meeting.organizer, Meeting.opened_by_name, Meeting.opened_by_role,
                   Meeting.participants, Meeting.theme, Meeting.date_inferred, _sector_mask(), Source.kind,
                   Source.outlet, Source.headline, Source.published_on, Source.url)
            .join(Province, Province.code == Meeting.province_code)
            .outerjoin(host, host.code == Meeting.regency_code)
            .join(Source, Source.id == Meeting.source_id))


def _list_frame(engine: Engine | None, stmt) -> pd.DataFrame:
    frame = _frame(engine, stmt, LIST_COLUMNS)
    frame["sectors"] = _decoded(frame["sectors"])
    frame["date_inferred"] = frame["date_inferred"].astype(bool)
    frame["participants"] = frame["participants"].astype("Int64")
    return frame


def meeting_list(filters: flt.Filters, when: str, limit: int | None = LIST_LIMIT,
                 engine: Engine | None = None, offset: int = 0) -> pd.DataFrame:
    """Upcoming (``when="upcoming"``, soonest first) or past (``"past"``, latest
    first) meetings in scope: ``limit`` rows from row ``offset`` (a page of the list; ``limit=None``:
    every row, for the files); totals are in ``summary``.

    Columns (``LIST_COLUMNS``): ``id``, ``held_on`` (date, the first day), ``ends_on`` (date, the
    last day of a meeting over several days such as "18-20 Mei 2022"; None for one day), ``title``, ``kind``,
    ``level``, ``status``, ``province_code``, ``province`` (name),
    ``regency_code``, ``regency`` (host kab/kota name or None), ``city``,
    ``venue``, ``organizer``, ``opened_by_name``, ``opened_by_role``,
    ``participants``, ``theme``, ``date_inferred`` (bool), ``sectors``
    (comma-separated codes), ``source_kind`` (``synthetic`` marks demo rows),
    ``source_outlet``, ``source_headline``, ``source_published_on``, ``source_url``.
    """
    if when == "upcoming":
        part, order = _upcoming(filters), (Meeting.held_on.asc(), Meeting.id.asc())
    elif when == "past":
        part, order = not_(_upcoming(filters)), (Meeting.held_on.desc(), Meeting.id.desc())
    else:
        raise ValueError(f"when must be 'upcoming' or 'past', not {when!r}")
    chosen = (select(Meeting.id.label("id")).where(flt.meeting_clause(filters), part)
              .order_by(*order).offset(offset).limit(limit).subquery())
    stmt = _listed().join(chosen, chosen.c.id == Meeting.id).order_by(*order)
    return _list_frame(engine, stmt)


def meeting_detail(filters: flt.Filters, meeting_id: int, engine: Engine | None = None) -> pd.DataFrame:
    """One meeting (``LIST_COLUMNS``), or no row when it is outside the filters."""
    return _list_frame(engine, _listed().where(Meeting.id == meeting_id, flt.meeting_clause(filters)))


def meeting_regencies(filters: flt.Filters, meeting_id: int, engine: Engine | None = None) -> pd.DataFrame:
    """The kab/kota taking part in one meeting (in scope), ordered by code.

    Columns: ``code``, ``name``.
    """
    mr = aliased(MeetingRegency)  # the regency filter's EXISTS keeps its own meeting_regency
    stmt = (select(Regency.code, Regency.name)
            .join(mr, mr.regency_code == Regency.code)
            .join(Meeting, Meeting.id == mr.meeting_id)
            .where(Meeting.id == meeting_id, flt.meeting_clause(filters))
            .order_by(Regency.code))
    return _frame(engine, stmt, REGENCY_COLUMNS)


def further_sources(filters: flt.Filters, meeting_id: int, engine: Engine | None = None) -> pd.DataFrame:
    """Further reports of one meeting (in scope) besides its first source (``MeetingSource`` rows).

    The same meeting reported by two outlets is stored once; the second report
    is kept as a further source. Oldest report first. Columns:
    ``FURTHER_SOURCE_COLUMNS``.
    """
    stmt = (select(Source.kind, Source.outlet, Source.headline, Source.published_on, Source.url)
            .join(MeetingSource, MeetingSource.source_id == Source.id)
            .join(Meeting, Meeting.id == MeetingSource.meeting_id)
            .where(Meeting.id == meeting_id, flt.meeting_clause(filters))
            .order_by(Source.published_on.asc().nulls_last(), Source.id))
    return _frame(engine, stmt, FURTHER_SOURCE_COLUMNS)
