"""``python -m data_access backup`` / ``restore``: a consistent copy while a write is under way, restored
into an empty database of either backend (an older revision migrated), and refusals with nothing
changed: a database holding data (unless ``--replace``, which keeps a backup of it), a truncated,
altered or foreign file, a schema newer than the program."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest
from pg_server import _create_pg_database, _pg_server_url
from portability_helpers import EDITOR, fill_small_office
from sqlalchemy import make_url

from data_access import data_version, imports
from data_access import engine as engine_module
from data_access.portability import PortabilityError, backup, move, pgdump, restore, tables, transfer
from data_access.portability.backup_file import APPLICATION_ID

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def office(prepared_templates, tmp_path_factory) -> str:
    url = prepared_templates.sqlite_copy(tmp_path_factory.mktemp("office") / "office.sqlite")
    fill_small_office(url)
    with engine_module.get_engine(url).connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine_module.dispose(url)
    return url


@pytest.fixture(scope="module")
def office_backup(office, tmp_path_factory) -> Path:
    return Path(backup.backup(engine_module.get_engine(office), tmp_path_factory.mktemp("bk") / "office.sqlite")["file"])


def _copy(url: str, folder: Path) -> str:
    path = folder / "copy.sqlite"
    shutil.copyfile(make_url(url).database, path)
    return f"sqlite:///{path}"


def manifest(url: str) -> dict:
    with transfer.snapshot(engine_module.get_engine(url)) as conn:
        return tables.manifest(conn)


def facts(url: str) -> dict:
    return {n: d for n, d in manifest(url)["tables"].items() if n != "data_version"}


def test_a_backup_restores_into_an_empty_database(office, office_backup, empty_db_url):
    with sqlite3.connect(office_backup) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert not Path(str(office_backup) + "-wal").exists()
    report = restore.restore(office_backup, engine_module.get_engine(empty_db_url))
    assert report["replaced_backup"] is None
    assert facts(empty_db_url) == facts(office)


def test_a_backup_taken_while_an_import_is_written_holds_all_of_it_or_none(office, tmp_path, monkeypatch):
    """The import is held inside its transaction, after its batch, rows and audit entry were written."""
    from data_access.imports import apply

    url = _copy(office, tmp_path)
    eng = engine_module.get_engine(url)
    written, go = threading.Event(), threading.Event()
    record = apply.audit.record

    def held_record(session, **kwargs):
        record(session, **kwargs)
        session.flush()
        written.set()
        assert go.wait(60)

    monkeypatch.setattr(apply.audit, "record", held_record)
    data = (b"Provinsi;Kabupaten/Kota;Per Tanggal;Jumlah Koperasi;Aktif;Tidak Aktif\r\n"
            b"NTT;Kota Kupang;31/12/2023;321;300;21\r\n")
    before = backup.backup(eng, tmp_path / "before.sqlite")["tables"]
    worker = threading.Thread(target=lambda: imports.commit("counts", data, "kota.csv", user=EDITOR, engine=eng))
    worker.start()
    try:
        assert written.wait(60)
        during = backup.backup(eng, tmp_path / "during.sqlite")["tables"]
    finally:
        go.set()
        worker.join(60)
    after = backup.backup(eng, tmp_path / "after.sqlite")["tables"]
    batch_tables = ("import_batch", "import_batch_row", "audit_entry", "cooperative_count", "source")
    assert {t: during[t] for t in batch_tables} == {t: before[t] for t in batch_tables}
    assert after["import_batch"] == before["import_batch"] + 1
    assert after["cooperative_count"] == before["cooperative_count"] + 1
    assert after["audit_entry"] == before["audit_entry"] + 1


def test_postgresql_backups_with_and_without_pg_dump(office, tmp_path):
    server = _create_pg_database(_pg_server_url())
    move.move(office, server)
    eng = engine_module.get_engine(server)
    # a write under way in PostgreSQL is not in the dump either
    writer = psycopg.connect(make_url(server).set(drivername="postgresql").render_as_string(hide_password=False))
    writer.execute("INSERT INTO source (key, kind, outlet) VALUES ('half', 'manual', 'Tertulis separuh')")
    dumped = backup.backup(eng, f"{tmp_path}/pg/", use_pg_dump=True)
    portable = backup.backup(eng, f"{tmp_path}/pg/", use_pg_dump=False)
    writer.commit()
    writer.close()
    assert dumped["format"] == "pg_dump custom" and portable["format"] == "sqlite"
    assert pgdump.manifest_path(Path(dumped["file"])).exists()
    expected = {n: d for n, d in facts(office).items()}
    assert dumped["tables"]["source"] == portable["tables"]["source"] == expected["source"]["rows"]
    for made in (dumped, portable):
        target = _create_pg_database(_pg_server_url())
        restore.restore(made["file"], engine_module.get_engine(target))
        assert facts(target) == expected
    into_sqlite = f"sqlite:///{tmp_path / 'from_pg.sqlite'}"
    restore.restore(portable["file"], engine_module.get_engine(into_sqlite))
    assert facts(into_sqlite) == expected
    with pytest.raises(PortabilityError, match="only be restored into PostgreSQL"):
        restore.restore(dumped["file"], engine_module.get_engine(f"sqlite:///{tmp_path / 'no.sqlite'}"))
    damaged = Path(dumped["file"])
    damaged.write_bytes(damaged.read_bytes()[:-100])
    with pytest.raises(PortabilityError, match="damaged, truncated or altered"):
        restore.restore(damaged, engine_module.get_engine(_create_pg_database(_pg_server_url())))


@pytest.fixture
def held_url(office, tmp_path) -> str:
    """A database holding data other than the office backup's: a copy of the office with one more source."""
    url = _copy(office, tmp_path)
    with engine_module.get_engine(url).begin() as conn:
        conn.exec_driver_sql("INSERT INTO source (key, kind, outlet) VALUES ('lain', 'manual', 'Catatan lain')")
    return url


def test_a_database_holding_data_is_replaced_only_when_told(office, office_backup, held_url, tmp_path):
    eng = engine_module.get_engine(held_url)
    held = facts(held_url)
    with pytest.raises(PortabilityError, match="already holds data"):
        restore.restore(office_backup, eng)
    assert facts(held_url) == held
    kept = tmp_path / "replaced"
    version = data_version.current(eng)
    report = restore.restore(office_backup, eng, replace=True, replaced_to=kept, keep=1)
    assert facts(held_url) == facts(office)
    assert data_version.current(eng) > version  # every process's cached figures of the replaced data expire
    # what was replaced is in the backup kept of it
    back = f"sqlite:///{tmp_path / 'was.sqlite'}"
    restore.restore(report["replaced_backup"], engine_module.get_engine(back))
    assert facts(back) == held
    restore.restore(office_backup, eng, replace=True, replaced_to=kept, keep=1)
    assert len(list(kept.iterdir())) == 1


def _refused(path: Path, url: str, message: str) -> None:
    eng = engine_module.get_engine(url)
    held = facts(url)
    with pytest.raises(PortabilityError, match=message):
        restore.restore(path, eng, replace=True)
    assert facts(url) == held


def test_a_truncated_or_altered_backup_is_refused_with_nothing_changed(office_backup, held_url, tmp_path):
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(office_backup.read_bytes()[: office_backup.stat().st_size // 2])
    _refused(truncated, held_url, "damaged or truncated")
    altered = tmp_path / "altered.sqlite"
    shutil.copyfile(office_backup, altered)
    with sqlite3.connect(altered) as conn:
        conn.execute("UPDATE source SET outlet = outlet || ' (diubah)' WHERE id = (SELECT MIN(id) FROM source)")
    _refused(altered, held_url, "differs from its source")
    assert not (Path(make_url(held_url).database).parent / "replaced").exists()


def test_a_foreign_file_or_a_newer_schema_is_refused(office, held_url, tmp_path):
    text_file = tmp_path / "notes.txt"
    text_file.write_text("bukan cadangan\n")
    _refused(text_file, held_url, "not a Pantau Rakor backup")
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE x (a)")
    _refused(foreign, held_url, "not a Pantau Rakor backup")
    newer = _copy(office, tmp_path)
    with engine_module.get_engine(newer).begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    made = backup.backup(engine_module.get_engine(newer), tmp_path / "newer.sqlite")
    _refused(Path(made["file"]), held_url, "newer Pantau Rakor")


def test_a_backup_from_before_the_last_migration_is_migrated(tmp_path, empty_db_url):
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(engine_module.alembic_config()).get_current_head()
    previous = ScriptDirectory.from_config(engine_module.alembic_config()).get_revision(head).down_revision
    old = f"sqlite:///{tmp_path / 'old.sqlite'}"
    cfg = engine_module.alembic_config()
    with engine_module.get_engine(old).begin() as conn:
        cfg.attributes["connection"] = conn
        from alembic import command

        command.upgrade(cfg, previous)
        conn.exec_driver_sql("INSERT INTO province (code, name) VALUES ('53', 'Nusa Tenggara Timur')")
        conn.exec_driver_sql("INSERT INTO source (key, kind, outlet) VALUES ('lama', 'manual', 'Catatan lama')")
    made = backup.backup(engine_module.get_engine(old), tmp_path / "old-backup.sqlite")
    assert made["revision"] == previous
    report = restore.restore(made["file"], engine_module.get_engine(empty_db_url))
    assert report["from_revision"] == previous and report["revision"] == head
    with engine_module.get_engine(empty_db_url).connect() as conn:
        assert conn.exec_driver_sql("SELECT outlet FROM source").scalars().all() == ["Catatan lama"]


def test_the_command_line_keeps_the_newest_backups(office, tmp_path):
    folder = tmp_path / "nightly"
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "data_access", "--database-url", office, "backup", f"{folder}/",
                               "--keep", "1"], cwd=REPO, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert [p.name for p in folder.iterdir()] == [Path(json.loads(done.stdout)["file"]).name]
    refused = subprocess.run([sys.executable, "-m", "data_access", "--database-url", office, "restore",
                              str(next(folder.iterdir()))], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "already holds data" in refused.stderr
