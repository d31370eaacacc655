"""Faults: a database that goes away, cannot be written, is locked, or loses a writer mid-import.

The page shows a clear message, never a traceback; nothing is ever half-written; and the
same session recovers once the database is back, without restarting the app.
"""

from __future__ import annotations

import json
import os
import select as io_select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from streamlit.testing.v1 import AppTest

from data_access import auth, imports, preparation
from data_access import engine as engine_module
from data_access.auth import Identity
from data_access.models_cooperatives import Cooperative
from data_access.models_reference import Province
from data_access.models_users import ImportBatch, ImportBatchRow
from data_access.stats import table_counts
from tests.apptest_helpers import app
from tests.conftest import REPO_ROOT
from tests.fault_helpers import (  # noqa: F401 - fresh_app_caches is a fixture
    MARKER,
    PASSWORD,
    PostgresCluster,
    fact_counts,
    fresh_app_caches,
    plus,
    postgres_bin,
    registry_csv,
    registry_deltas,
    summaries_match,
    unavailable,
)
from ui import db as ui_db

EDITOR = Identity("editor", None, "editor", None)


def _errors(at) -> list[str]:
    return [e.value for e in at.error]


def _no_traceback(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _signed_in_import_preview(data: bytes, name: str):
    """/impor as an editor: choose the registry kind and upload ``data`` (which previews it)."""
    at = app()
    at.session_state["auth_user"] = EDITOR
    at.switch_page("pages/imports.py").run()
    _no_traceback(at)
    at.selectbox(key="imp_kind").set_value("registry").run()
    at.file_uploader(key="imp_file").set_value((name, data, "text/csv"))
    at.run()
    return at


def test_unreachable_postgresql_shows_message(monkeypatch):
    # Port 1 on loopback refuses connections at once.
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/pantau")
    at = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert any("tidak dapat dihubungi" in e.value for e in at.error)


# --- PostgreSQL stopped while the dashboard runs ---------------------------------------------------

@pytest.fixture
def own_postgres():
    """A PostgreSQL cluster of this test's own (never the shared server on 54329)."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        unavailable("PostgreSQL server binaries (/usr/lib/postgresql/*/bin) are not installed")
    try:
        cluster = PostgresCluster(bin_dir)
    except KeyError:
        unavailable("running as root, but there is no 'postgres' user to own a PostgreSQL cluster")
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.destroy()


@pytest.mark.usefixtures("fresh_app_caches")
def test_postgresql_stopped_then_started_same_session_recovers(own_postgres, monkeypatch):
    url = own_postgres.create_database("pantau_fault")
    preparation.prepare_database(engine_module.get_engine(url), with_demo=False)
    monkeypatch.setenv("DATABASE_URL", url)

    at = app()
    _no_traceback(at)
    assert not _errors(at), _errors(at)
    assert at.metric, "the overview shows no figure while the database is up"

    own_postgres.stop()
    # A view not seen before must be read from the database: choosing a province does that.
    at.multiselect(key="f_prov").set_value(["53"]).run()
    _no_traceback(at)
    assert ui_db.UNREACHABLE["id"] in _errors(at), _errors(at)
    assert not at.metric, "figures shown although the database is down"
    at.multiselect(key="f_prov").set_value(["62"]).run()  # still down: still the message
    _no_traceback(at)
    assert ui_db.UNREACHABLE["id"] in _errors(at)

    own_postgres.start()
    at.run()  # the same session, the same app process: no restart
    _no_traceback(at)
    assert not _errors(at), _errors(at)
    assert at.metric, "no figures after the database came back"
    assert at.multiselect(key="f_prov").value == ["62"]
    at.multiselect(key="f_prov").set_value(["53"]).run()
    _no_traceback(at)
    assert not _errors(at) and at.metric


# --- read-only and locked ------------------------------------------------------------------------

def _prepared(url: str):
    engine = engine_module.get_engine(url)
    preparation.prepare_database(engine, with_demo=False)
    auth.add_user("editor", role="editor", password=PASSWORD, actor="test", engine=engine)
    return engine


@pytest.fixture
def read_only_url(prepared_db_url):
    """The same database opened read-only: SQLite through ``?mode=ro``, PostgreSQL with
    ``default_transaction_read_only`` for the database."""
    engine = _prepared(prepared_db_url)
    if prepared_db_url.startswith("sqlite"):
        path = make_url(prepared_db_url).database
        yield f"sqlite:///file:{path}?mode=ro&uri=true"
        return
    name = make_url(prepared_db_url).database
    admin = create_engine(make_url(prepared_db_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
    admin.dispose()
    engine.dispose()  # the setting applies to new connections
    yield prepared_db_url


@pytest.mark.usefixtures("fresh_app_caches")
def test_read_only_database_reads_work_and_a_write_fails_clearly(read_only_url, monkeypatch):
    engine = engine_module.get_engine(read_only_url)
    before = table_counts(engine)  # a read
    assert before["province"] == 38
    data = registry_csv(3)

    with pytest.raises(DBAPIError) as refused:
        imports.commit("registry", data, "ro.csv", user="editor", engine=engine)
    assert any(word in str(refused.value.orig).lower() for word in ("readonly", "read-only")), refused.value
    assert table_counts(engine) == before

    monkeypatch.setenv("DATABASE_URL", read_only_url)
    at = app()
    _no_traceback(at)
    assert not _errors(at) and at.metric, "reading a read-only database should work"
    at = _signed_in_import_preview(data, "ro.csv")
    _no_traceback(at)
    assert ui_db.READ_ONLY["id"] in _errors(at), _errors(at)
    assert ui_db.UNREACHABLE["id"] not in _errors(at)
    assert table_counts(engine) == before
    if not read_only_url.startswith("sqlite"):
        return
    for folder in (Path("file:"), REPO_ROOT / "file:"):  # the URI read as a path, relative to the cwd
        assert not folder.exists(), f"get_engine made a folder {folder.resolve()} for an SQLite URI filename"


@pytest.fixture
def locked_sqlite(tmp_path, monkeypatch):
    """An SQLite database (WAL) with a 1.5 s busy timeout and a writer holding its lock with an
    uncommitted change: yields ``(url, path, holder)``; the holder rolls back at the end."""
    monkeypatch.setenv(engine_module.BUSY_TIMEOUT_ENV, "1500")
    path = tmp_path / "locked.sqlite"
    url = f"sqlite:///{path}"
    _prepared(url)
    holder = sqlite3.connect(path, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE province SET name = 'DIKUNCI' WHERE code = '53'")
    try:
        yield url, path, holder
    finally:
        holder.rollback()  # a no-op when the test rolled back already
        holder.close()


@pytest.mark.usefixtures("fresh_app_caches")
def test_locked_sqlite_reads_keep_working_and_a_write_waits_then_fails(locked_sqlite, monkeypatch):
    url, path, holder = locked_sqlite
    engine = engine_module.get_engine(url)
    before, facts_before = table_counts(engine), fact_counts(engine)
    with engine.connect() as conn:  # WAL: a reader sees the last committed state, without waiting
        assert conn.scalar(select(Province.name).where(Province.code == "53")) == "Nusa Tenggara Timur"
    data = registry_csv(5)

    started = time.monotonic()
    with pytest.raises(OperationalError, match="database is locked"):
        imports.commit("registry", data, "locked.csv", user="editor", engine=engine)
    waited = time.monotonic() - started
    assert 1.4 <= waited < 8, f"the write gave up after {waited:.1f} s (busy timeout 1.5 s)"
    assert table_counts(engine) == before

    monkeypatch.setenv("DATABASE_URL", url)
    at = app()
    _no_traceback(at)
    assert not _errors(at) and at.metric, "reading while another connection writes should work"
    at = _signed_in_import_preview(data, "locked.csv")
    _no_traceback(at)
    assert ui_db.BUSY["id"] in _errors(at), _errors(at)
    assert table_counts(engine) == before

    holder.rollback()  # the other writer gives up its change: nothing of it, nothing of ours
    after = table_counts(engine)
    assert after == before
    with engine.connect() as conn:
        assert conn.scalar(select(Province.name).where(Province.code == "53")) == "Nusa Tenggara Timur"
    report = imports.commit("registry", data, "locked.csv", user="editor", engine=engine)
    assert report.committed
    assert fact_counts(engine) == plus(facts_before, registry_deltas(5))
    assert summaries_match(engine)


# --- a crash in the middle of an import ------------------------------------------------------------

CRASH_ROWS = 4_000  # two flushes of 2,000: the kill lands while the second is written
CRASH_PREFIX = "5304666"


def _batch_state(engine) -> dict[str, int]:
    """Batch rows without their batch (orphans), cooperatives of the crash file, batches."""
    with engine.connect() as conn:
        return {
            "orphan_batch_rows": conn.scalar(select(func.count()).select_from(ImportBatchRow).where(
                ImportBatchRow.batch_id.not_in(select(ImportBatch.id)))),
            "cooperatives": conn.scalar(select(func.count()).select_from(Cooperative).where(
                Cooperative.nik.like(f"{CRASH_PREFIX}%"))),
            "batches": conn.scalar(select(func.count()).select_from(ImportBatch)),
        }


def _run(*args: str, url: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([sys.executable, *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def test_import_killed_mid_write_leaves_all_or_nothing(prepared_db_url, tmp_path):
    engine = _prepared(prepared_db_url)
    path = tmp_path / "register.csv"
    path.write_bytes(registry_csv(CRASH_ROWS, nik_prefix=CRASH_PREFIX))
    before, facts_before = table_counts(engine), fact_counts(engine)

    process = subprocess.Popen(
        [sys.executable, "-m", "tests.fault_helpers", "import-with-marker", prepared_db_url, "registry", str(path),
         "editor"], cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        line = ""
        while (remaining := deadline - time.monotonic()) > 0:
            if not io_select.select([process.stdout], [], [], remaining)[0]:
                break  # nothing within the deadline
            line = process.stdout.readline()  # the child flushes one whole line at a time
            if not line or line.strip() == MARKER or line.startswith("DONE"):
                break
        assert line.strip() == MARKER, f"no {MARKER} from the import: {line!r} {process.stderr.read()[-2000:]}"
        os.kill(process.pid, signal.SIGKILL)  # mid-transaction: rows are written, nothing committed
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL, f"the import ended by itself ({process.returncode})"

    # "Restart": fresh connections, as a new app process would open them.
    engine.dispose()
    after_crash = table_counts(engine)
    assert after_crash == before, ("the batch was killed before its commit, so none of it may remain: "
                                   f"{ {t: after_crash[t] - before[t] for t in before if after_crash[t] != before[t]} }")
    assert _batch_state(engine) == {"orphan_batch_rows": 0, "cooperatives": 0, "batches": 0}

    again = _run("-m", "data_access", "import", "registry", str(path), "--user", "editor", "--json", url=prepared_db_url)
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
    assert json.loads(again.stdout)["counts"]["new"] == CRASH_ROWS
    assert fact_counts(engine) == plus(facts_before, registry_deltas(CRASH_ROWS))
    assert summaries_match(engine)
    assert _batch_state(engine) == {"orphan_batch_rows": 0, "cooperatives": CRASH_ROWS, "batches": 1}
    unchanged = imports.commit("registry", path.read_bytes(), path.name, user="editor", engine=engine)
    assert not unchanged.committed and unchanged.counts["unchanged"] == CRASH_ROWS
    assert fact_counts(engine) == plus(facts_before, registry_deltas(CRASH_ROWS))

