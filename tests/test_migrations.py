"""Migrations build the schema from empty on both backends, and match the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from data_access import engine as engine_module
from data_access.models import Base


def test_upgrade_from_empty_creates_every_table(empty_db_url):
    eng = engine_module.get_engine(empty_db_url)
    engine_module.migrate(eng)
    tables = set(inspect(eng).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_migrations_match_models(empty_db_url):
    eng = engine_module.get_engine(empty_db_url)
    engine_module.migrate(eng)
    with eng.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_upgrade_twice_is_harmless(empty_db_url):
    eng = engine_module.get_engine(empty_db_url)
    engine_module.prepare_database(eng, with_demo=False)
    engine_module.prepare_database(eng, with_demo=False)
    from data_access.stats import table_counts
    assert table_counts(eng)["meeting"] == 5
