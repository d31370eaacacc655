"""Cooperative health from the registry: registered, active, inactive per area.

The active rule (Permen KUKM 25/2015, Pasal 1 angka 3-4): a cooperative is
active in year Y when it held its RAT in each of the N years up to Y
(``Filters.window``, default 3; ``Filters.as_of_year`` gives Y). Stored RAT rows
carry ``run_length`` (consecutive years ending there), so the rule is one
comparison: ``run_length >= N`` on the row of year Y. Dissolved cooperatives
and those founded after Y are not counted as registered.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, and_, case, func, or_, select

from data_access import filters as flt
from data_access.engine import get_engine
from data_access.models import Cooperative, CooperativeRat, Province, Regency

HEALTH_COLUMNS = ["area_code", "area_name", "province_code", "registered", "active", "inactive", "pct_active"]


def _registered_clause(filters: flt.Filters) -> list:
    year_end = dt.date(filters.as_of_year, 12, 31)
    return [
        Cooperative.dissolved.is_(False),
        or_(Cooperative.founded_on.is_(None), Cooperative.founded_on <= year_end),
        flt.area_clause(filters, Regency.province_code, Cooperative.regency_code),
        flt.real_only_clause(filters, Cooperative.source_id),
    ]


def health_by_area(filters: flt.Filters, level: str = "provinsi", engine: Engine | None = None) -> pd.DataFrame:
    """Registered / active / inactive cooperatives per province or kab/kota.

    ``level``: ``"provinsi"`` or ``"kabupaten_kota"``. Every area in scope is
    listed, with zeros where the registry has no cooperative. Columns:
    ``HEALTH_COLUMNS``; ``pct_active`` is a fraction (0–1) or NaN.
    """
    engine = engine or get_engine()
    if level == "provinsi":
        key, areas = Regency.province_code, select(Province.code, Province.name, Province.code)
        if filters.provinces:
            areas = areas.where(Province.code.in_(filters.provinces))
    else:
        key = Cooperative.regency_code
        areas = select(Regency.code, Regency.name, Regency.province_code).where(
            flt.area_clause(filters, Regency.province_code, Regency.code))
    active = func.sum(case((CooperativeRat.run_length >= filters.window, 1), else_=0))
    stmt = (
        select(key.label("area_code"), func.count().label("registered"), active.label("active"))
        .select_from(Cooperative)
        .join(Regency, Regency.code == Cooperative.regency_code)
        .outerjoin(CooperativeRat, and_(CooperativeRat.cooperative_id == Cooperative.id,
                                        CooperativeRat.year == filters.as_of_year))
        .where(*_registered_clause(filters))
        .group_by(key)
    )
    with engine.connect() as conn:
        counts = pd.DataFrame(conn.execute(stmt).all(), columns=["area_code", "registered", "active"])
        names = pd.DataFrame(conn.execute(areas.order_by(areas.selected_columns[0])).all(),
                             columns=["area_code", "area_name", "province_code"])
    out = names.merge(counts, on="area_code", how="left").fillna({"registered": 0, "active": 0})
    out[["registered", "active"]] = out[["registered", "active"]].astype("int64")
    out["inactive"] = out["registered"] - out["active"]
    out["pct_active"] = (out["active"] / out["registered"].where(out["registered"] > 0)).astype("float64")
    return out[HEALTH_COLUMNS]


def is_active(rat_years: set[int], year: int, window: int) -> bool:
    """The rule in plain Python, for explaining and cross-checking the SQL."""
    return all(y in rat_years for y in range(year - window + 1, year + 1))
