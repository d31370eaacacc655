"""Migration 0010 (quarter/semester precision, KDMP stage stated by a listing) goes down to its own
``down_revision`` and up again on both backends."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import command
from sqlalchemy import inspect

from data_access import engine as engine_module
from data_access import preparation

_PATH = Path(engine_module.__file__).parent / "migrations" / "versions" / "0010_import_periods.py"
_SPEC = importlib.util.spec_from_file_location("migration_0010", _PATH)
MIGRATION = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(MIGRATION)


def _columns(eng, table: str) -> dict[str, object]:
    return {c["name"]: c["type"] for c in inspect(eng).get_columns(table)}


def test_0010_down_and_up(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    assert "stage_listed_on" in _columns(eng, "kdmp")
    assert _columns(eng, "cooperative_count")["as_of_precision"].length == 10
    cfg = engine_module.alembic_config()
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, MIGRATION.down_revision)
    assert "stage_listed_on" not in _columns(eng, "kdmp")
    assert "import_format" not in inspect(eng).get_table_names()
    assert _columns(eng, "cooperative_count")["as_of_precision"].length == 5
    engine_module.migrate(eng)
    assert "stage_listed_on" in _columns(eng, "kdmp")
    assert "import_format" in inspect(eng).get_table_names()
    checks = {c["name"]: c["sqltext"] for c in inspect(eng).get_check_constraints("kdmp")}
    assert "stage_listed_on" in str(checks["ck_kdmp_stage_dated"])
