"""Where the figures in view come from: sources behind the filtered rows.

Every page shows, under its figures, the latest source date, how many sources
and how many of the rows are synthetic — computed from the same filters.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from data_access import cooperative_summaries, pokja_rules
from data_access import filters as flt
from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.models_cooperatives import CooperativeCount, CooperativeRegistered
from data_access.models_kdmp import Kdmp
from data_access.models_meetings import Meeting
from data_access.models_pokja import Mandate, Pokja
from data_access.models_reference import Regency, Source

TASK_FORCE_FACTS = {"pokja": "pokja_pmi", "satgas_kdmp": "satgas_kdmp"}
"""Fact name → the task-force programme (``Mandate.programme``) whose records it counts."""
PROVENANCE_COLUMNS = ["source_id", "kind", "outlet", "headline", "url", "published_on", "rows"]


def _registered_counts(filters: flt.Filters):
    """Registered cooperatives in view per source, from the summary table (the registry as of ``as_of_year``)."""
    table = CooperativeRegistered
    return (select(table.source_id.label("source_id"), func.sum(table.cooperatives).label("rows"))
            .where(*cooperative_summaries.registered_in(filters, filters.as_of_year))
            .group_by(table.source_id))


def _fact_stmt(fact: str, filters: flt.Filters):
    if fact == "meetings":
        return select(Meeting.source_id.label("source_id")).where(flt.meeting_clause(filters))
    if fact == "cooperative_counts":
        return (select(CooperativeCount.source_id.label("source_id"))
                .where(flt.area_clause(filters, CooperativeCount.province_code, CooperativeCount.regency_code),
                       flt.date_clause(filters, CooperativeCount.as_of),
                       flt.real_only_clause(filters, CooperativeCount.source_id)))
    if fact in TASK_FORCE_FACTS:
        return (select(Pokja.source_id.label("source_id"))
                .join(Regency, Regency.code == Pokja.regency_code)
                .join(Mandate, Mandate.id == Pokja.mandate_id)
                .where(flt.area_clause(filters, Regency.province_code, Pokja.regency_code),
                       Mandate.programme == TASK_FORCE_FACTS[fact],
                       flt.real_only_clause(filters, Pokja.source_id), pokja_rules.not_beside_real()))
    if fact == "kdmp":
        return (select(Kdmp.source_id.label("source_id"))
                .where(flt.village_area_clause(filters, Kdmp.regency_code, Kdmp.district_code),
                       flt.real_only_clause(filters, Kdmp.source_id)))
    raise ValueError(f"unknown fact kind {fact!r}")


def sources_in_view(filters: flt.Filters, fact: str, engine: Engine | None = None) -> pd.DataFrame:
    """One row per source behind the filtered ``fact`` rows (``meetings``,
    ``cooperatives``, ``cooperative_counts``, ``pokja`` (the migrant-worker Pokja), ``satgas_kdmp``,
    ``kdmp``), with the row count.

    For ``cooperatives`` the rows are the cooperatives registered in
    ``as_of_year`` (the figures and register in view), counted from the
    summary table. Columns: ``PROVENANCE_COLUMNS``; newest source first."""
    if fact == "cooperatives":
        counts = _registered_counts(filters).subquery()
    else:
        rows = _fact_stmt(fact, filters).subquery()
        counts = (select(rows.c.source_id, func.count().label("rows"))
                  .group_by(rows.c.source_id).subquery())
    stmt = (
        select(Source.id, Source.kind, Source.outlet, Source.headline, Source.url, Source.published_on,
               counts.c.rows)
        .join(counts, counts.c.source_id == Source.id)
        .order_by(Source.published_on.desc().nulls_last(), Source.id)
    )
    with (engine or get_engine()).connect() as conn:
        return read_frame(conn, stmt, PROVENANCE_COLUMNS)


def mandate_kinds(engine: Engine | None = None) -> pd.DataFrame:
    """Every mandate with whether it is demo data: columns ``mandate_id`` (int), ``synthetic`` (bool,
    its source is of kind ``synthetic``). Forms use it to list real mandates first and never
    pre-select a demo one (``demo_guard`` refuses a real record under a demo mandate)."""
    stmt = (select(Mandate.id, Source.kind == "synthetic")
            .join(Source, Source.id == Mandate.source_id).order_by(Mandate.id))
    with (engine or get_engine()).connect() as conn:
        frame = read_frame(conn, stmt, ["mandate_id", "synthetic"])
    return frame.astype({"mandate_id": "int64", "synthetic": "bool"})
