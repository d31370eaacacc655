"""Where the figures in view come from: sources behind the filtered rows.

Every page shows, under its figures, the latest source date, how many sources
and how many of the rows are synthetic — computed from the same filters.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from data_access import filters as flt
from data_access.engine import get_engine
from data_access.models import Cooperative, CooperativeCount, Meeting, Pokja, Regency, Source

PROVENANCE_COLUMNS = ["source_id", "kind", "outlet", "headline", "url", "published_on", "rows"]


def _fact_stmt(fact: str, filters: flt.Filters):
    if fact == "meetings":
        return select(Meeting.source_id.label("source_id")).where(flt.meeting_clause(filters))
    if fact == "cooperatives":
        stmt = select(Cooperative.source_id.label("source_id")).where(
            flt.real_only_clause(filters, Cooperative.source_id))
        if filters.regencies or not filters.provinces:  # no join needed for these scopes
            return stmt.where(flt.area_clause(filters, Cooperative.regency_code, Cooperative.regency_code))
        return (stmt.join(Regency, Regency.code == Cooperative.regency_code)
                .where(Regency.province_code.in_(filters.provinces)))
    if fact == "cooperative_counts":
        return (select(CooperativeCount.source_id.label("source_id"))
                .where(flt.area_clause(filters, CooperativeCount.province_code, CooperativeCount.regency_code),
                       flt.date_clause(filters, CooperativeCount.as_of),
                       flt.real_only_clause(filters, CooperativeCount.source_id)))
    if fact == "pokja":
        return (select(Pokja.source_id.label("source_id"))
                .join(Regency, Regency.code == Pokja.regency_code)
                .where(flt.area_clause(filters, Regency.province_code, Pokja.regency_code),
                       flt.real_only_clause(filters, Pokja.source_id)))
    raise ValueError(f"unknown fact kind {fact!r}")


def sources_in_view(filters: flt.Filters, fact: str, engine: Engine | None = None) -> pd.DataFrame:
    """One row per source behind the filtered ``fact`` rows (``meetings``,
    ``cooperatives``, ``cooperative_counts``, ``pokja``), with the row count.
    Columns: ``PROVENANCE_COLUMNS``; newest source first."""
    facts = _fact_stmt(fact, filters).subquery()
    stmt = (
        select(Source.id, Source.kind, Source.outlet, Source.headline, Source.url, Source.published_on,
               func.count().label("rows"))
        .join(facts, facts.c.source_id == Source.id)
        .group_by(Source.id, Source.kind, Source.outlet, Source.headline, Source.url, Source.published_on)
        .order_by(Source.published_on.desc().nulls_last(), Source.id)
    )
    with (engine or get_engine()).connect() as conn:
        return pd.DataFrame(conn.execute(stmt).all(), columns=PROVENANCE_COLUMNS)
