"""Cooperative health from the registry: registered, active, inactive per area.

The active rule (Permen KUKM 25/2015, Pasal 1 angka 3-4): a cooperative is
active in year Y when it held its RAT in each of the N years up to Y
(``Filters.window``, default 3; ``Filters.as_of_year`` gives Y). Stored RAT rows
carry ``run_length`` (consecutive years ending there), so the rule is one
comparison: ``run_length >= N`` on the row of year Y. Dissolved cooperatives
and those founded after Y are not counted as registered.

How the counts are taken matters at national scale (200,000 cooperatives, 1.3
million RAT rows). Counts for a year start from the cooperatives in scope —
one pass over the table, or an area's few thousand found through
``ix_cooperative_regency_jenis`` — and reach each one's RAT row of the year by
primary key (cooperative LEFT JOIN RAT: the LEFT JOIN also keeps SQLite's
planner from starting at the RAT index and looking up a cooperative per RAT
row, which is slower for an area). ``regency`` is joined only when the query
needs it (a province filter, kab/kota names): at national scale the join
costs as much as the scan. A province is ``substr(regency_code, 1, 2)`` (the
Kemendagri code; the schema checks it). The trend over the whole registry
counts RAT rows from ``ix_cooperative_rat_year_run`` alone and takes off the
few that must not count (``_active_by_year_whole_registry``).

Reported figures (``CooperativeCount``) are read as reported, beside the
registry: ``reported_counts``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, Integer, Select, and_, case, cast, extract, func, literal, or_, select, true

from data_access import filters as flt
from data_access.engine import get_engine
from data_access.models import (
    COOPERATIVE_JENIS,
    Cooperative,
    CooperativeCount,
    CooperativeRat,
    Province,
    Regency,
    Source,
)

HEALTH_COLUMNS = ["area_code", "area_name", "province_code", "registered", "active", "inactive", "pct_active"]
TREND_COLUMNS = ["year", "registered", "active", "inactive", "pct_active"]
JENIS_COLUMNS = ["jenis", "registered", "active", "inactive", "pct_active"]
REGISTRY_COLUMNS = ["id", "name", "nik", "regency_code", "regency_name", "jenis", "kelompok",
                    "last_rat_year", "active"]
REPORTED_COLUMNS = ["id", "area_code", "area_name", "province_code", "as_of", "as_of_precision", "total",
                    "active", "inactive", "approximate", "inconsistent", "note", "source_kind", "outlet",
                    "headline", "url", "published_on"]
TREND_START_YEAR = 2015
REGISTRY_PAGE_SIZE = 500
SEARCH_MAX_CHARS = 100
PROVINCE_OF_COOPERATIVE = func.substr(Cooperative.regency_code, 1, 2)


# --- clauses -------------------------------------------------------------------

def _from_cooperatives(stmt: Select, filters: flt.Filters, *, with_regency: bool = False) -> Select:
    """``stmt`` over ``cooperative``, joined to ``regency`` when asked or when a province filter needs it."""
    stmt = stmt.select_from(Cooperative)
    if with_regency or (filters.provinces and not filters.regencies):
        stmt = stmt.join(Regency, Regency.code == Cooperative.regency_code)
    return stmt


def _scope_clause(filters: flt.Filters) -> list:
    """Cooperatives in the chosen area and provenance, not dissolved (see ``_from_cooperatives``)."""
    return [
        Cooperative.dissolved.is_(False),
        flt.area_clause(filters, Regency.province_code, Cooperative.regency_code),
        flt.real_only_clause(filters, Cooperative.source_id),
    ]


def _founded_by(year: int):
    return or_(Cooperative.founded_on.is_(None), Cooperative.founded_on <= dt.date(year, 12, 31))


def _registered_clause(filters: flt.Filters) -> list:
    """Registered in ``as_of_year``: in scope, not dissolved, founded by the year's end (or date unknown)."""
    return [*_scope_clause(filters), _founded_by(filters.as_of_year)]


def _founded_year():
    return cast(extract("year", Cooperative.founded_on), Integer)


def _with_ratios(frame: pd.DataFrame) -> pd.DataFrame:
    frame[["registered", "active"]] = frame[["registered", "active"]].fillna(0).astype("int64")
    frame["inactive"] = frame["registered"] - frame["active"]
    frame["pct_active"] = (frame["active"] / frame["registered"].where(frame["registered"] > 0)).astype("float64")
    return frame


def _registered_and_active(conn, filters: flt.Filters, key, *, with_regency: bool = False) -> pd.DataFrame:
    """Columns ``key``, ``registered``, ``active`` in ``as_of_year``, grouped by the expression ``key``."""
    active = func.sum(case((CooperativeRat.run_length >= filters.window, 1), else_=0))
    stmt = (
        _from_cooperatives(select(key.label("key"), func.count().label("registered"), active.label("active")),
                           filters, with_regency=with_regency)
        .outerjoin(CooperativeRat, and_(CooperativeRat.cooperative_id == Cooperative.id,
                                        CooperativeRat.year == filters.as_of_year))
        .where(*_registered_clause(filters))
        .group_by(key)
    )
    return pd.DataFrame(conn.execute(stmt).all(), columns=["key", "registered", "active"])


# --- registry-derived figures -------------------------------------------------

def health_by_area(filters: flt.Filters, level: str = "provinsi", engine: Engine | None = None) -> pd.DataFrame:
    """Registered / active / inactive cooperatives per province or kab/kota.

    ``level``: ``"provinsi"`` or ``"kabupaten_kota"``. Every area in scope is
    listed, with zeros where the registry has no cooperative. Columns:
    ``HEALTH_COLUMNS``; ``pct_active`` is a fraction (0–1) or NaN.
    """
    engine = engine or get_engine()
    if level == "provinsi":
        key, with_regency = PROVINCE_OF_COOPERATIVE, False
        areas = select(Province.code, Province.name, Province.code)
        if filters.provinces:
            areas = areas.where(Province.code.in_(filters.provinces))
    else:
        key, with_regency = Regency.code, True
        areas = select(Regency.code, Regency.name, Regency.province_code).where(
            flt.area_clause(filters, Regency.province_code, Regency.code))
    with engine.connect() as conn:
        counts = _registered_and_active(conn, filters, key, with_regency=with_regency)
        names = pd.DataFrame(conn.execute(areas.order_by(areas.selected_columns[0])).all(),
                             columns=["area_code", "area_name", "province_code"])
    out = _with_ratios(names.merge(counts.rename(columns={"key": "area_code"}), on="area_code", how="left"))
    return out[HEALTH_COLUMNS]


def health_by_jenis(filters: flt.Filters, engine: Engine | None = None) -> pd.DataFrame:
    """Registered / active / inactive per jenis koperasi, in ``as_of_year``.

    Columns: ``JENIS_COLUMNS``. One row for each of the five jenis
    (``models.COOPERATIVE_JENIS``, zeros where none), then a row with
    ``jenis`` None for registry rows without a jenis, if there are any.
    ``pct_active`` is a fraction (0–1) or NaN.
    """
    with (engine or get_engine()).connect() as conn:
        counts = _registered_and_active(conn, filters, Cooperative.jenis)
    counts = counts.rename(columns={"key": "jenis"})
    known = pd.DataFrame({"jenis": list(COOPERATIVE_JENIS)})
    out = known.merge(counts, on="jenis", how="left")
    unknown = counts[counts["jenis"].isna()]
    if not unknown.empty:
        out = pd.concat([out, unknown], ignore_index=True)
    return _with_ratios(out)[JENIS_COLUMNS]


def trend_by_year(filters: flt.Filters, start_year: int = TREND_START_YEAR,
                  engine: Engine | None = None) -> pd.DataFrame:
    """Registered and active cooperatives in each year ``start_year`` … ``as_of_year``.

    A cooperative is *registered* in year Y when it is in scope, not dissolved
    and founded by 31 December of Y (or its founding date is unknown); it is
    *active* in Y when also its RAT row for Y has ``run_length >= window``.
    Columns: ``TREND_COLUMNS`` (one row per year, oldest first; empty when
    ``start_year > as_of_year``); ``pct_active`` is a fraction (0–1) or NaN.
    """
    end = filters.as_of_year
    years = list(range(start_year, end + 1))
    if not years:
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in TREND_COLUMNS[:-1]}
                            | {"pct_active": pd.Series(dtype="float64")})[TREND_COLUMNS]
    founded_year = _founded_year()
    # registered: count per founding year (founded up to start_year, or unknown, in one bucket), summed up below
    bucket = case((or_(Cooperative.founded_on.is_(None), Cooperative.founded_on < dt.date(start_year + 1, 1, 1)),
                   literal(start_year)), else_=founded_year)
    registered = (
        _from_cooperatives(select(bucket.label("year"), func.count().label("n")), filters)
        .where(*_scope_clause(filters), _founded_by(end))
        .group_by(bucket)
    )
    rule = [CooperativeRat.year.between(start_year, end), CooperativeRat.run_length >= filters.window]
    with (engine or get_engine()).connect() as conn:
        founded = pd.DataFrame(conn.execute(registered).all(), columns=["year", "n"])
        if _whole_registry(filters):
            active = _active_by_year_whole_registry(conn, filters, rule, start_year)
        else:
            active = _rat_rows_per_year(
                conn, filters, [*_scope_clause(filters), _founded_by(end)],
                # founded before the first year: true for most, and spares computing the year per RAT row
                [*rule, or_(Cooperative.founded_on.is_(None), Cooperative.founded_on < dt.date(start_year + 1, 1, 1),
                            founded_year <= CooperativeRat.year)])
    per_year = founded.astype({"year": "int64"}).groupby("year")["n"].sum()
    out = pd.DataFrame({"year": years})
    out["registered"] = per_year.reindex(years, fill_value=0).cumsum().to_numpy()
    out["active"] = [int(active.get(y, 0)) for y in years]
    return _with_ratios(out)[TREND_COLUMNS]


def rat_year_span(engine: Engine | None = None) -> pd.DataFrame:
    """The first and last year with any RAT row in the database (from the index alone).

    Before ``first_year + window - 1`` the active rule cannot be judged: a
    trend starting earlier would show every cooperative as inactive. Columns:
    ``first_year``, ``last_year`` (one row; NA when there is no RAT row).
    """
    # two scalar subqueries: each is one index probe, where min() and max() side by side scan the index
    stmt = select(select(func.min(CooperativeRat.year)).scalar_subquery(),
                  select(func.max(CooperativeRat.year)).scalar_subquery())
    with (engine or get_engine()).connect() as conn:
        first, last = conn.execute(stmt).one()
    return pd.DataFrame({"first_year": [first], "last_year": [last]}, dtype="Int64")


def _whole_registry(filters: flt.Filters) -> bool:
    """No area and no provenance filter: every cooperative is in scope."""
    return not filters.provinces and not filters.regencies and not filters.real_only


def _rat_rows_per_year(conn, filters: flt.Filters, cooperative_where: list, rat_on: list) -> dict[int, int]:
    """RAT rows meeting ``rat_on`` of the cooperatives meeting ``cooperative_where``, per year.

    Cooperative LEFT JOIN RAT: the database starts from the cooperatives (an
    area's few thousand through their index) and reaches each one's RAT rows
    by primary key, instead of walking every RAT row of the period.
    """
    stmt = (
        _from_cooperatives(select(CooperativeRat.year, func.count(CooperativeRat.year)), filters)
        .outerjoin(CooperativeRat, and_(CooperativeRat.cooperative_id == Cooperative.id, *rat_on))
        .where(*cooperative_where)
        .group_by(CooperativeRat.year)
    )
    return {int(year): n for year, n in conn.execute(stmt).all() if year is not None}


def _active_by_year_whole_registry(conn, filters: flt.Filters, rule: list, start_year: int) -> dict[int, int]:
    """Active per year over the whole registry, without visiting each active cooperative.

    Every RAT row meeting the rule is counted from ``ix_cooperative_rat_year_run``
    alone; then the rows that must not count are taken off, found from the few
    cooperatives concerned: those of dissolved cooperatives, and those dated
    before the cooperative's founding year (bad data; the rule must not count
    a cooperative as active before it is registered).
    """
    counted = dict(conn.execute(
        select(CooperativeRat.year, func.count()).where(*rule).group_by(CooperativeRat.year)).all())
    dissolved = _rat_rows_per_year(conn, filters, [Cooperative.dissolved.is_(True)], rule)
    too_early = _rat_rows_per_year(
        conn, filters, [Cooperative.dissolved.is_(False), Cooperative.founded_on >= dt.date(start_year + 1, 1, 1)],
        [*rule, CooperativeRat.year < _founded_year()])
    return {int(year): n - dissolved.get(year, 0) - too_early.get(year, 0) for year, n in counted.items()}


# --- the registry itself ------------------------------------------------------

def _search_clause(search: str | None):
    term = (search or "").strip()[:SEARCH_MAX_CHARS]
    if not term:
        return true()
    # icontains with autoescape: a bound parameter, % and _ in the term match literally
    return or_(Cooperative.name.icontains(term, autoescape=True),
               Cooperative.nik.icontains(term, autoescape=True))


def registry(filters: flt.Filters, search: str = "", limit: int = REGISTRY_PAGE_SIZE, offset: int = 0,
             engine: Engine | None = None) -> pd.DataFrame:
    """One page of the registered cooperatives in scope, ordered by kab/kota code, name and id.

    ``search`` matches name or NIK, case-insensitive, as plain text (``%`` and
    ``_`` match themselves). At most ``limit`` rows from ``offset``. Columns:
    ``REGISTRY_COLUMNS``: ``last_rat_year`` is the latest RAT year up to
    ``as_of_year`` (NA when none), ``active`` the rule in ``as_of_year``.
    """
    page = (
        _from_cooperatives(select(Cooperative.id, Cooperative.name, Cooperative.nik, Cooperative.regency_code,
                                  Regency.name.label("regency_name"), Cooperative.jenis, Cooperative.kelompok),
                           filters, with_regency=True)
        .where(*_registered_clause(filters), _search_clause(search))
        .order_by(Regency.code, Cooperative.name, Cooperative.id)
        .limit(max(0, int(limit))).offset(max(0, int(offset)))
        .subquery()
    )
    # RAT look-ups only for the rows of the page (correlated on the page, not on the registry)
    coop_page = page.c
    stmt = select(
        *coop_page,
        select(func.max(CooperativeRat.year)).where(
            CooperativeRat.cooperative_id == coop_page.id, CooperativeRat.year <= filters.as_of_year
        ).scalar_subquery(),
        func.coalesce(select(CooperativeRat.run_length).where(
            CooperativeRat.cooperative_id == coop_page.id, CooperativeRat.year == filters.as_of_year
        ).scalar_subquery(), 0) >= filters.window,
    ).order_by(coop_page.regency_code, coop_page.name, coop_page.id)
    with (engine or get_engine()).connect() as conn:
        frame = pd.DataFrame(conn.execute(stmt).all(), columns=REGISTRY_COLUMNS)
    frame["last_rat_year"] = frame["last_rat_year"].astype("Int64")
    frame["active"] = frame["active"].astype(bool)
    return frame


def registry_size(filters: flt.Filters, search: str = "", engine: Engine | None = None) -> pd.DataFrame:
    """How many registered cooperatives in scope match ``search`` (as in ``registry``).

    Columns: ``rows`` (one row).
    """
    stmt = (
        _from_cooperatives(select(func.count()), filters)
        .where(*_registered_clause(filters), _search_clause(search))
    )
    with (engine or get_engine()).connect() as conn:
        return pd.DataFrame({"rows": [int(conn.scalar(stmt) or 0)]})


# --- figures as reported ------------------------------------------------------

def reported_counts(filters: flt.Filters, engine: Engine | None = None) -> pd.DataFrame:
    """Cooperative figures as sources reported them, for the area, dates and provenance in view.

    Province rows and kab/kota rows both appear (a chosen kab/kota shows only
    its own rows). Figures are as reported: any of ``total``, ``active``,
    ``inactive`` may be NA; ``inconsistent`` marks rows where the three do not
    add up, ``approximate`` rows the source gave as "about". Columns:
    ``REPORTED_COLUMNS`` (``area_name`` from the gazetteer, ``source_kind``,
    ``outlet``, ``headline``, ``url``, ``published_on`` from the source);
    ordered by area code, then date.
    """
    stmt = (
        select(CooperativeCount.id, CooperativeCount.area_code, func.coalesce(Regency.name, Province.name),
               CooperativeCount.province_code, CooperativeCount.as_of, CooperativeCount.as_of_precision,
               CooperativeCount.total, CooperativeCount.active, CooperativeCount.inactive,
               CooperativeCount.approximate, CooperativeCount.inconsistent, CooperativeCount.note,
               Source.kind, Source.outlet, Source.headline, Source.url, Source.published_on)
        .join(Source, Source.id == CooperativeCount.source_id)
        .join(Province, Province.code == CooperativeCount.province_code)
        .outerjoin(Regency, Regency.code == CooperativeCount.regency_code)
        .where(flt.area_clause(filters, CooperativeCount.province_code, CooperativeCount.regency_code),
               flt.date_clause(filters, CooperativeCount.as_of),
               flt.real_only_clause(filters, CooperativeCount.source_id))
        .order_by(CooperativeCount.area_code, CooperativeCount.as_of, CooperativeCount.id)
    )
    with (engine or get_engine()).connect() as conn:
        frame = pd.DataFrame(conn.execute(stmt).all(), columns=REPORTED_COLUMNS)
    for column in ("total", "active", "inactive"):
        frame[column] = frame[column].astype("Int64")
    frame[["approximate", "inconsistent"]] = frame[["approximate", "inconsistent"]].astype(bool)
    return frame


def is_active(rat_years: set[int], year: int, window: int) -> bool:
    """The rule in plain Python, for explaining and cross-checking the SQL."""
    return all(y in rat_years for y in range(year - window + 1, year + 1))
