"""Migration 0005 (meeting end date, the register's own status, jenis serba usaha) goes up and
down on both backends, keeping the rows and enforcing its rules."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from data_access import engine as engine_module
from data_access import preparation


def _to(eng, revision: str, *, down: bool) -> None:
    cfg = engine_module.alembic_config()
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(cfg, revision)


def test_0005_up_and_down(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    with eng.begin() as conn:
        meeting = conn.execute(text("SELECT id, held_on FROM meeting ORDER BY id")).first()
        conn.execute(text("UPDATE meeting SET ends_on = held_on WHERE id = :m"), {"m": meeting.id})
        conn.execute(text(
            "INSERT INTO cooperative (name, regency_code, jenis, dissolved, source_id, register_status) "
            "SELECT 'KSU Uji', '53.01', 'serba_usaha', false, MIN(id), 'Non Aktif' FROM source"))
    with pytest.raises(IntegrityError), eng.begin() as conn:  # a meeting cannot end before it starts
        conn.execute(text("UPDATE meeting SET ends_on = '1999-01-01' WHERE id = :m"), {"m": meeting.id})
    _to(eng, "0004", down=True)
    assert "ends_on" not in {c["name"] for c in inspect(eng).get_columns("meeting")}
    assert "register_status" not in {c["name"] for c in inspect(eng).get_columns("cooperative")}
    with eng.connect() as conn:  # the row stays; its jenis the old schema does not know is left empty
        assert conn.execute(text("SELECT jenis FROM cooperative WHERE name = 'KSU Uji'")).all() == [(None,)]
    _to(eng, "head", down=False)
    with eng.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM meeting WHERE ends_on IS NOT NULL")).scalar() == 0
