"""Database-wide figures for the landing page and the provenance banner."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from data_access.engine import get_engine
from data_access.models_cooperatives import Cooperative
from data_access.models_meetings import Meeting
from data_access.models_pokja import Pokja
from data_access.models_reference import Province, Regency, Source


def database_summary(engine: Engine | None = None) -> pd.DataFrame:
    """One row per fact kind.

    Columns: ``kind`` (provinces, regencies, meetings, cooperatives, pokja,
    sources), ``total``, ``synthetic`` (rows hanging off a synthetic source).

    One statement of scalar counts. Fact rows are counted as ``total`` and
    ``real`` (``source_id`` in the non-synthetic sources, an index range per
    source); ``synthetic = total - real``, exact because every fact row has a
    source. Neither count joins the fact table to ``source`` row by row, so the
    large synthetic registry is counted from its ``source_id`` index alone.
    """
    real_sources = select(Source.id).where(Source.kind != "synthetic")

    def count(model, *where):
        return select(func.count()).select_from(model).where(*where).scalar_subquery()

    facts = {"meetings": Meeting, "cooperatives": Cooperative, "pokja": Pokja}
    columns = [count(Province), count(Regency)]
    for model in facts.values():
        columns += [count(model), count(model, model.source_id.in_(real_sources))]
    columns += [count(Source), count(Source, Source.kind == "synthetic")]
    with (engine or get_engine()).connect() as conn:
        values = list(conn.execute(select(*columns)).one())
    provinces, regencies, *fact_counts, sources, synthetic_sources = values
    rows = [("provinces", provinces, 0), ("regencies", regencies, 0)]
    for i, kind in enumerate(facts):
        total, real = fact_counts[2 * i], fact_counts[2 * i + 1]
        rows.append((kind, total, total - real))
    rows.append(("sources", sources, synthetic_sources))
    frame = pd.DataFrame(rows, columns=["kind", "total", "synthetic"])
    return frame.astype({"total": "int64", "synthetic": "int64"})
