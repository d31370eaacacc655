"""The cooperative register itself: one page of its rows (searched by name or NIK) and how many
rows a search matches, read from the raw tables (``cooperative``, ``cooperative_rat``), and the
clause saying which cooperatives are in view (also used by ``register_status``).

A cooperative is registered in ``Filters.as_of_year`` when it is in the chosen area and
provenance, not dissolved, and founded by the end of that year (or its founding date is unknown);
it is active under the rule of ``data_access.cooperatives`` (RAT in each of the ``Filters.window``
years up to the year).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, func, or_, select, true

from data_access import filters as flt
from data_access.cooperative_summaries import registered_in
from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.models_cooperatives import Cooperative, CooperativeRat, CooperativeRegistered
from data_access.models_reference import Regency, Source

REGISTRY_COLUMNS = ["id", "name", "nik", "regency_code", "regency_name", "jenis", "kelompok",
                    "last_rat_year", "active", "synthetic"]
REGISTRY_PAGE_SIZE = 500
SEARCH_MAX_CHARS = 100


def scope_clause(filters: flt.Filters) -> list:
    """Cooperatives in the chosen area and provenance, not dissolved; over ``cooperative`` alone.

    A province is ``regency_code IN (its kab/kota)``: the register's index
    (``regency_code``, ``name``, ``id``) then yields its rows already in order.
    """
    if filters.regencies:
        area = Cooperative.regency_code.in_(filters.regencies)
    elif filters.provinces:
        area = Cooperative.regency_code.in_(select(Regency.code).where(Regency.province_code.in_(filters.provinces)))
    else:
        area = true()
    return [Cooperative.dissolved.is_(False), area, flt.real_only_clause(filters, Cooperative.source_id)]


def _founded_by(year: int):
    return or_(Cooperative.founded_on.is_(None), Cooperative.founded_on <= dt.date(year, 12, 31))


def _registered_clause(filters: flt.Filters) -> list:
    """Registered in ``as_of_year``: in scope, not dissolved, founded by the year's end (or date unknown)."""
    return [*scope_clause(filters), _founded_by(filters.as_of_year)]


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
    ``as_of_year`` (NA when none), ``active`` the rule in ``as_of_year``,
    ``synthetic`` whether the row is demo data (its source is synthetic).
    """
    # the page from the register's index alone (no sort of the whole area), then names and RAT look-ups
    page = (
        select(Cooperative.id, Cooperative.name, Cooperative.nik, Cooperative.regency_code, Cooperative.jenis,
               Cooperative.kelompok, Cooperative.source_id)
        .where(*_registered_clause(filters), _search_clause(search))
        .order_by(Cooperative.regency_code, Cooperative.name, Cooperative.id)
        .limit(max(0, int(limit))).offset(max(0, int(offset)))
        .subquery()
    )
    coop_page = page.c
    stmt = select(
        coop_page.id, coop_page.name, coop_page.nik, coop_page.regency_code, Regency.name, coop_page.jenis,
        coop_page.kelompok,
        select(func.max(CooperativeRat.year)).where(
            CooperativeRat.cooperative_id == coop_page.id, CooperativeRat.year <= filters.as_of_year
        ).scalar_subquery(),
        func.coalesce(select(CooperativeRat.run_length).where(
            CooperativeRat.cooperative_id == coop_page.id, CooperativeRat.year == filters.as_of_year
        ).scalar_subquery(), 0) >= filters.window,
        Source.kind == "synthetic",
    ).join(Regency, Regency.code == coop_page.regency_code).join(Source, Source.id == coop_page.source_id).order_by(
        coop_page.regency_code, coop_page.name, coop_page.id)
    with (engine or get_engine()).connect() as conn:
        frame = read_frame(conn, stmt, REGISTRY_COLUMNS)
    frame["last_rat_year"] = frame["last_rat_year"].astype("Int64")
    frame["active"] = frame["active"].astype(bool)
    frame["synthetic"] = frame["synthetic"].astype(bool)
    return frame


def registry_size(filters: flt.Filters, search: str = "", engine: Engine | None = None) -> pd.DataFrame:
    """How many registered cooperatives in scope match ``search`` (as in ``registry``).

    Without a search term this is the registered count of the summary table
    (the same rule, one row per kab/kota, jenis and source); a search counts the
    matching registry rows. Columns: ``rows`` (one row).
    """
    if not (search or "").strip():
        stmt = select(func.coalesce(func.sum(CooperativeRegistered.cooperatives), 0)).where(
            *registered_in(filters, filters.as_of_year))
    else:
        stmt = select(func.count()).select_from(Cooperative).where(*_registered_clause(filters),
                                                                   _search_clause(search))
    with (engine or get_engine()).connect() as conn:
        return pd.DataFrame({"rows": [int(conn.scalar(stmt) or 0)]})
