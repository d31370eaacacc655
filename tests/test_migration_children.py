"""Migrations that rebuild a table on SQLite (0010 ``kdmp``, 0011 ``pokja``) keep the rows that
reference it: the Pokja and KDMP stage histories survive going down to 0009 and up again (with
foreign keys on, the rebuild's DROP once cascaded and deleted every history row).
SQLite on a copy of the fixture database (demo + real facts); PostgreSQL alters in place."""

from __future__ import annotations

import shutil

from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import make_url

from data_access import engine as engine_module

HISTORIES = ("pokja_stage_change", "kdmp_stage_change", "import_batch_row")


def _counts(eng) -> dict[str, int]:
    with eng.connect() as conn:
        return {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in HISTORIES}  # noqa: S608


def _to(eng, revision: str, *, down: bool) -> None:
    cfg = engine_module.alembic_config()
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(cfg, revision)


def test_histories_survive_the_rebuilds(sqlite_url, tmp_path):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(make_url(sqlite_url).database, copy)
    eng = engine_module.get_engine(f"sqlite:///{copy}")
    with eng.begin() as conn:  # 0011 goes down only without a real Pokja beside a demo one
        conn.execute(text("DELETE FROM pokja WHERE NOT synthetic AND EXISTS (SELECT 1 FROM pokja d WHERE d.synthetic"
                          " AND d.regency_code = pokja.regency_code AND d.mandate_id = pokja.mandate_id)"))
    before = _counts(eng)
    assert before["pokja_stage_change"] > 0 and before["kdmp_stage_change"] > 0
    _to(eng, "0009", down=True)
    assert _counts(eng) == before
    _to(eng, "head", down=False)
    assert _counts(eng) == before
