"""Database-wide figures for the landing page and the provenance banner."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, case, func, select

from data_access.engine import get_engine
from data_access.models import Cooperative, Meeting, Pokja, Province, Regency, Source


def database_summary(engine: Engine | None = None) -> pd.DataFrame:
    """One row per fact kind.

    Columns: ``kind`` (provinces, regencies, meetings, cooperatives, pokja,
    sources), ``total``, ``synthetic`` (rows hanging off a synthetic source).
    """
    engine = engine or get_engine()
    synthetic = func.sum(case((Source.kind == "synthetic", 1), else_=0))
    rows = []
    with engine.connect() as conn:
        rows.append(("provinces", conn.scalar(select(func.count()).select_from(Province)), 0))
        rows.append(("regencies", conn.scalar(select(func.count()).select_from(Regency)), 0))
        for kind, model in (("meetings", Meeting), ("cooperatives", Cooperative), ("pokja", Pokja)):
            total, synth = conn.execute(
                select(func.count(), synthetic).select_from(model).join(Source, Source.id == model.source_id)
            ).one()
            rows.append((kind, total, synth or 0))
        total, synth = conn.execute(select(func.count(), synthetic).select_from(Source)).one()
        rows.append(("sources", total, synth or 0))
    return pd.DataFrame(rows, columns=["kind", "total", "synthetic"])
