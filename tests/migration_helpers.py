"""A demo database taken back to an earlier schema revision, for the migration tests."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine

from data_access import demo, preparation
from data_access import engine as engine_module


def demo_database_at(url: str, revision: str) -> Engine:
    """A database at ``url`` with the small demo data set, downgraded to Alembic ``revision``."""
    eng = preparation.prepare_database(engine_module.get_engine(url), with_demo=False)
    demo.generate(eng, "small")
    cfg = engine_module.alembic_config()
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)
    return eng
