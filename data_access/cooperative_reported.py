"""Cooperative figures as sources reported them for a province or kab/kota (``CooperativeCount``),
read as reported beside the registry: never derived from it, reconciled with it or corrected.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from data_access import filters as flt
from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.models_cooperatives import CooperativeCount
from data_access.models_reference import Province, Regency, Source

REPORTED_COLUMNS = ["id", "area_code", "area_name", "province_code", "as_of", "as_of_precision", "total",
                    "active", "inactive", "approximate", "inconsistent", "note", "source_kind", "outlet",
                    "headline", "url", "published_on"]


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
        frame = read_frame(conn, stmt, REPORTED_COLUMNS)
    for column in ("total", "active", "inactive"):
        frame[column] = frame[column].astype("Int64")
    frame[["approximate", "inconsistent"]] = frame[["approximate", "inconsistent"]].astype(bool)
    return frame
