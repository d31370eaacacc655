"""Migration 0008 (import kind kdmp, measure notarial_deed) goes down and up on both backends:
down removes the kdmp batches (the KDMP rows they wrote stay) and the notarial_deed figures."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from data_access import auth, imports, preparation
from data_access import engine as engine_module
from tests.test_import_kdmp import DINAS_FILE, PASSWORD


def _to(eng, revision: str, *, down: bool) -> None:
    cfg = engine_module.alembic_config()
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _count(eng, sql: str) -> int:
    with eng.connect() as conn:
        return conn.execute(text(sql)).scalar()


def test_0008_down_and_up(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    auth.add_user("dinas", role="editor", password=PASSWORD, province_code="53", actor="test", engine=eng)
    assert imports.commit("kdmp", DINAS_FILE, "kdmp-tts.csv", user="dinas", engine=eng).committed
    with eng.begin() as conn:
        conn.execute(text("INSERT INTO kdmp_figure (level, area_code, province_code, as_of, measure, value, approximate,"
                          " source_id) SELECT 'provinsi', '53', '53', '2025-09-01', 'notarial_deed', 10, false, MIN(id)"
                          " FROM source"))
    kdmp_rows = _count(eng, "SELECT COUNT(*) FROM kdmp")
    _to(eng, "0007", down=True)
    assert _count(eng, "SELECT COUNT(*) FROM import_batch WHERE kind = 'kdmp'") == 0
    assert _count(eng, "SELECT COUNT(*) FROM kdmp_figure WHERE measure = 'notarial_deed'") == 0
    assert _count(eng, "SELECT COUNT(*) FROM kdmp") == kdmp_rows
    with pytest.raises(IntegrityError), eng.begin() as conn:
        conn.execute(text("INSERT INTO import_batch (kind, file_name, file_sha256, user_id, created_at, status, strict,"
                          " rows_new, rows_changed, rows_unchanged, rows_rejected) SELECT 'kdmp', 'x', 'x', MIN(id),"
                          " '2026-11-30 12:00:00', 'committed', false, 0, 0, 0, 0 FROM app_user"))
    _to(eng, "head", down=False)
    assert imports.commit("kdmp", DINAS_FILE + b"\r\n", "again.csv", user="dinas", engine=eng).counts["unchanged"] == 7
