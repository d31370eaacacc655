"""Row counts per table, for ``python -m data_access stats`` and the first page."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from data_access.models import Base


def table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: conn.scalar(select(func.count()).select_from(table))
            for name, table in sorted(Base.metadata.tables.items())
        }
