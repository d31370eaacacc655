"""Region lists for filters, labels and maps (small tables: 38 + 514 rows)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.models_reference import Province, Regency


def provinces(engine: Engine | None = None) -> pd.DataFrame:
    """Columns: ``code``, ``name``, ``latitude``, ``longitude``; ordered by code."""
    stmt = select(Province.code, Province.name, Province.latitude, Province.longitude).order_by(Province.code)
    with (engine or get_engine()).connect() as conn:
        return read_frame(conn, stmt, ["code", "name", "latitude", "longitude"])


def regencies(engine: Engine | None = None) -> pd.DataFrame:
    """Columns: ``code``, ``province_code``, ``name``, ``kind``, ``seat``, ``latitude``, ``longitude``."""
    stmt = select(Regency.code, Regency.province_code, Regency.name, Regency.kind, Regency.seat,
                  Regency.latitude, Regency.longitude).order_by(Regency.code)
    with (engine or get_engine()).connect() as conn:
        return read_frame(conn, stmt, ["code", "province_code", "name", "kind", "seat", "latitude", "longitude"])
