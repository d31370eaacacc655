"""Cooperative health from the registry: registered, active, inactive per area.

The active rule (Permen KUKM 25/2015, Pasal 1 angka 3-4): a cooperative is
active in year Y when it held its RAT in each of the N years up to Y
(``Filters.window``, default 3; ``Filters.as_of_year`` gives Y). Stored RAT rows
carry ``run_length`` (consecutive years ending there), so the rule is one
comparison: ``run_length >= N`` on the row of year Y. Dissolved cooperatives
and those founded after Y are not counted as registered.

How the counts are taken matters at national scale (200,000 cooperatives, 1.3
million RAT rows): counting the raw tables for a page costs seconds. The health
figures (``health_by_area``, ``health_by_jenis``, ``trend_by_year``) and the
register's size therefore read two derived summary tables (see
``cooperative_summaries``): ``cooperative_registered`` (cooperatives registered
by the end of each year) and ``cooperative_activity`` (cooperatives active at
each window in each year), both per kab/kota, jenis and source. A figure for one
year reads one row per kab/kota, jenis and source, so its cost depends on the
number of kab/kota, not on the registry's size. They are rebuilt in the same
transaction as every write to the registry (``cooperative_summaries.refresh``).
A province is ``substr(regency_code, 1, 2)`` (the Kemendagri code; the schema
checks it). The register's rows and a searched register's size are read from the raw
tables in ``cooperative_register``.

Reported figures (``CooperativeCount``) are read as reported, beside the
registry, in ``cooperative_reported``.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, case, func, select

from data_access import filters as flt
from data_access.cooperative_summaries import in_view, integers, registered_in, registered_year_key
from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.models_cooperatives import (
    COOPERATIVE_JENIS,
    CooperativeActivity,
    CooperativeRat,
    CooperativeRegistered,
)
from data_access.models_reference import Province, Regency, Source

HEALTH_COLUMNS = ["area_code", "area_name", "province_code", "registered", "active", "inactive", "pct_active",
                  "registered_synthetic"]
TREND_COLUMNS = ["year", "registered", "active", "inactive", "pct_active", "registered_synthetic"]
JENIS_COLUMNS = ["jenis", "registered", "active", "inactive", "pct_active", "registered_synthetic"]
"""``registered_synthetic``: how many of ``registered`` hang off a synthetic (demo) source — what the
pages mark as demo, read in the same query instead of a second one with "real data only"."""
TREND_START_YEAR = 2015


# --- clauses -------------------------------------------------------------------

def _synthetic_part(table):
    """``sum(cooperatives)`` of a summary table's rows hanging off a synthetic (demo) source."""
    synthetic = select(Source.id).where(Source.kind == "synthetic")
    return func.sum(case((table.source_id.in_(synthetic), table.cooperatives), else_=0))


def _with_ratios(frame: pd.DataFrame) -> pd.DataFrame:
    counts = ["registered", "active", "registered_synthetic"]
    frame[counts] = frame[counts].fillna(0).astype("int64")
    frame["inactive"] = frame["registered"] - frame["active"]
    frame["pct_active"] = (frame["active"] / frame["registered"].where(frame["registered"] > 0)).astype("float64")
    return frame


def _active_in(filters: flt.Filters) -> list:
    """``cooperative_activity`` rows of the filters' window in scope (add the year)."""
    return [CooperativeActivity.window_years == filters.window, *in_view(filters, CooperativeActivity)]


def _registered_and_active(conn, filters: flt.Filters, key_of) -> pd.DataFrame:
    """Columns ``key``, ``registered``, ``registered_synthetic``, ``active`` in ``as_of_year``, from the
    summary tables.

    ``key_of(table)`` gives the grouping expression over a summary table
    (kab/kota code, province code or jenis).
    """
    year = filters.as_of_year
    reg_key = key_of(CooperativeRegistered).label("key")
    registered = (
        select(reg_key, func.sum(CooperativeRegistered.cooperatives), _synthetic_part(CooperativeRegistered))
        .where(*registered_in(filters, year))
        .group_by(reg_key)
    )
    act_key = key_of(CooperativeActivity).label("key")
    active = (
        select(act_key, func.sum(CooperativeActivity.cooperatives))
        .where(CooperativeActivity.year == year, *_active_in(filters))
        .group_by(act_key)
    )
    reg = read_frame(conn, registered, ["key", "registered", "registered_synthetic"])
    act = read_frame(conn, active, ["key", "active"])
    return reg.merge(act, on="key", how="outer")


# --- registry-derived figures -------------------------------------------------

def health_by_area(filters: flt.Filters, level: str = "provinsi", engine: Engine | None = None) -> pd.DataFrame:
    """Registered / active / inactive cooperatives per province or kab/kota.

    ``level``: ``"provinsi"`` or ``"kabupaten_kota"``. Every area in scope is
    listed, with zeros where the registry has no cooperative. Columns:
    ``HEALTH_COLUMNS``; ``pct_active`` is a fraction (0–1) or NaN. Counted from
    the summary tables (see the module docstring).
    """
    engine = engine or get_engine()
    if level == "provinsi":
        def key_of(table):
            return func.substr(table.regency_code, 1, 2)
        areas = select(Province.code, Province.name, Province.code)
        if filters.provinces:
            areas = areas.where(Province.code.in_(filters.provinces))
    else:
        def key_of(table):
            return table.regency_code
        areas = select(Regency.code, Regency.name, Regency.province_code).where(
            flt.area_clause(filters, Regency.province_code, Regency.code))
    with engine.connect() as conn:
        counts = _registered_and_active(conn, filters, key_of)
        names = read_frame(conn, areas.order_by(areas.selected_columns[0]), ["area_code", "area_name", "province_code"])
    out = _with_ratios(names.merge(counts.rename(columns={"key": "area_code"}), on="area_code", how="left"))
    return out[HEALTH_COLUMNS]


def health_by_jenis(filters: flt.Filters, engine: Engine | None = None) -> pd.DataFrame:
    """Registered / active / inactive per jenis koperasi, in ``as_of_year``.

    Columns: ``JENIS_COLUMNS``. One row for each of the five jenis
    (``models_cooperatives.COOPERATIVE_JENIS``, zeros where none), then a row with
    ``jenis`` None for registry rows without a jenis, if there are any.
    ``pct_active`` is a fraction (0–1) or NaN. Counted from the summary tables
    (see the module docstring), where an unknown jenis is stored as ``''``.
    """
    with (engine or get_engine()).connect() as conn:
        counts = _registered_and_active(conn, filters, lambda table: table.jenis)
    counts = counts.rename(columns={"key": "jenis"})
    known = pd.DataFrame({"jenis": list(COOPERATIVE_JENIS)})
    out = known.merge(counts, on="jenis", how="left")
    unknown = counts[counts["jenis"] == ""].assign(jenis=None)
    if not unknown.empty:
        out = pd.concat([out, unknown], ignore_index=True)
    return _with_ratios(out)[JENIS_COLUMNS]


def trend_by_year(filters: flt.Filters, start_year: int = TREND_START_YEAR,
                  engine: Engine | None = None) -> pd.DataFrame:
    """Registered and active cooperatives in each year ``start_year`` … ``as_of_year``.

    A cooperative is *registered* in year Y when it is in scope, not dissolved
    and founded by 31 December of Y (or its founding date is unknown); it is
    *active* in Y when also its RAT row for Y has ``run_length >= window``.
    One summary row per kab/kota, jenis and source is read for each year.
    Columns: ``TREND_COLUMNS`` (one row per year, oldest first; empty when
    ``start_year > as_of_year``); ``pct_active`` is a fraction (0–1) or NaN.
    Counted from the summary tables (see the module docstring).
    """
    end = filters.as_of_year
    years = list(range(start_year, end + 1))
    if not years:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c == "pct_active" else "int64")
                             for c in TREND_COLUMNS})
    trend_years = integers("trend_years", start_year, end)
    registered = (
        select(trend_years.c.n, func.sum(CooperativeRegistered.cooperatives), _synthetic_part(CooperativeRegistered))
        .join_from(trend_years, CooperativeRegistered, CooperativeRegistered.year == registered_year_key(trend_years.c.n))
        .where(*in_view(filters, CooperativeRegistered))
        .group_by(trend_years.c.n)
    )
    active = (
        select(CooperativeActivity.year, func.sum(CooperativeActivity.cooperatives))
        .where(CooperativeActivity.year.between(start_year, end), *_active_in(filters))
        .group_by(CooperativeActivity.year)
    )
    with (engine or get_engine()).connect() as conn:
        registered_by_year = {int(y): (int(n), int(demo)) for y, n, demo in conn.execute(registered).all()}
        active_by_year = {int(y): int(n) for y, n in conn.execute(active).all()}
    out = pd.DataFrame({"year": years})
    out["registered"] = [registered_by_year.get(y, (0, 0))[0] for y in years]
    out["registered_synthetic"] = [registered_by_year.get(y, (0, 0))[1] for y in years]
    out["active"] = [active_by_year.get(y, 0) for y in years]
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


def is_active(rat_years: set[int], year: int, window: int) -> bool:
    """The rule in plain Python, for explaining and cross-checking the SQL."""
    return all(y in rat_years for y in range(year - window + 1, year + 1))
