"""Migrations build the schema from empty on both backends, and match the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from data_access import engine as engine_module
from data_access import preparation
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
    preparation.prepare_database(eng, with_demo=False)
    preparation.prepare_database(eng, with_demo=False)
    from data_access.stats import table_counts
    assert table_counts(eng)["meeting"] == 5


def test_a_failing_upgrade_changes_nothing(empty_db_url):
    """All of an upgrade commits or none does, on SQLite too (DDL included)."""
    from sqlalchemy import text

    from tests.migration_helpers import demo_database_at

    eng = demo_database_at(empty_db_url, "0003")
    with eng.begin() as conn:  # in the way of the index migration 0004 creates last
        conn.execute(text("CREATE INDEX ix_cooperative_regency_name ON cooperative (name)"))
    columns_before = {c["name"] for c in inspect(eng).get_columns("cooperative_activity")}
    try:
        engine_module.migrate(eng)
    except Exception:  # noqa: BLE001 - the failure is the point; what it left behind is checked below
        pass
    else:
        raise AssertionError("the upgrade should have failed on the existing index")
    with eng.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0003"
        assert conn.execute(text("SELECT COUNT(*) FROM cooperative")).scalar() == 5000
    assert {c["name"] for c in inspect(eng).get_columns("cooperative_activity")} == columns_before
    assert "run_length" in columns_before


def test_villages_and_kdmp_revision_down_and_up(prepared_db_url):
    """0007 down drops the KDMP tables and the Satgas KDMP records; up again and a start reload them."""
    from alembic import command
    from sqlalchemy import text

    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    cfg = engine_module.alembic_config()
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0004")
    assert {"village", "district", "kdmp"}.isdisjoint(inspect(eng).get_table_names())
    assert "programme" not in {c["name"] for c in inspect(eng).get_columns("mandate")}
    with eng.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM mandate")).scalar() == 2  # the two migrant-worker ones
    preparation.prepare_database(eng, with_demo=False)
    with eng.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM village")).scalar() == 83_762
        assert conn.execute(text("SELECT COUNT(*) FROM kdmp_figure")).scalar() > 0
        assert conn.execute(text("SELECT COUNT(*) FROM mandate WHERE programme = 'satgas_kdmp'")).scalar() == 1
