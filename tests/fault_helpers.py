"""Helpers for the fault, load and hostile-input tests.

- ``fresh_app_caches`` (fixture): the app's cached engine and query results cleared around a test.
- ``in_own_thread`` / ``chromium_or_skip``: drive a Chromium of the test's own in a fresh thread.
- ``registry_csv`` / ``counts_csv``: import files whose effect is known in advance.
- ``registry_deltas`` / ``counts_deltas`` / ``plus``: what a committed import adds, per table;
  ``fact_counts`` / ``summaries_match``: row counts without the derived summary tables, and a
  check that those summaries add up to the registry.
- ``PostgresCluster``: a throwaway PostgreSQL cluster of its own (initdb into a temporary
  folder, another free port) that a test may stop and start; never the shared test server.
- ``unavailable``: skip locally, fail in CI (``CI=true``), as the browser tests do.
- Run as ``python -m tests.fault_helpers import-with-marker URL KIND FILE USER``: an import that
  prints ``WRITING`` once its first rows are in the database (inside the still-open transaction),
  so a test knows when to kill it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

import pytest

from deploy.serve import free_port

REPO_ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "kata-sandi-uji-123"
MARKER = "WRITING"
REGISTRY_HEADER = "Koperasi;NIK;Kode Wilayah;Jenis Koperasi;Total Anggota"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str):
    """Skip locally; in CI (``CI=true``) the test must run, so fail."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: this test may not be skipped)", pytrace=False)
    pytest.skip(reason)



def in_own_thread(fn: Callable[[], object], *, timeout: float, name: str):
    """``fn()`` in a thread of its own, bounded by ``timeout``; its exception is raised here.

    Playwright allows one sync instance per thread, and the browser tests keep theirs open for
    the whole session: a test that drives its own Chromium does it in a fresh thread.
    """
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as error:  # re-raised in the caller, pytest skips and fails included
            outcome["error"] = error

    thread = threading.Thread(target=target, name=name, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        pytest.fail(f"{name} did not finish within {timeout:.0f} s", pytrace=False)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


@pytest.fixture
def fresh_app_caches():
    """The app's process-wide caches (engine, query results) start and end empty, so a test's
    own database never leaks into another test's app run."""
    from ui import db as ui_db
    from ui import queries as ui_queries

    ui_db._prepared_engine.clear()
    ui_queries.forget_all()
    yield
    ui_db._prepared_engine.clear()
    ui_queries.forget_all()


def chromium_or_skip() -> None:
    """Debian's Chromium and the playwright package, or skip (fail in CI) like the browser tests."""
    from deploy.serve import CHROMIUM

    if not Path(CHROMIUM).exists():
        unavailable(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test does as root)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        unavailable("the playwright package is not installed (requirements-dev.txt)")


# --- import files ----------------------------------------------------------------------------------

def registry_csv(n: int, *, nik_prefix: str = "5304777", regency: str = "53.04", name: str = "Koperasi Uji") -> bytes:
    """``n`` cooperatives with distinct NIKs ``<nik_prefix><serial>`` in one regency."""
    lines = [REGISTRY_HEADER]
    width = 13 - len(nik_prefix)
    for i in range(n):
        lines.append(f"{name} {i:05d};{nik_prefix}{i:0{width}d};{regency};Produsen;{10 + i % 90}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def counts_csv(rows: list[tuple[str, str, int]]) -> bytes:
    """Reported counts: ``(region code, ISO date, total)`` per row."""
    lines = ["Kode Wilayah;Per Tanggal;Jumlah Koperasi"]
    lines += [f"{code};{day};{total}" for code, day, total in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def registry_deltas(n: int) -> dict[str, int]:
    """Rows a committed import of ``n`` new registry rows (no RAT date) adds, per table: the
    cooperatives, one source for the file, one batch recording each row it created (the
    cooperatives and the source) and one audit entry. Every other table is unchanged."""
    return {"cooperative": n, "source": 1, "import_batch": 1, "import_batch_row": n + 1, "audit_entry": 1}


def counts_deltas(n: int) -> dict[str, int]:
    return {"cooperative_count": n, "source": 1, "import_batch": 1, "import_batch_row": n + 1, "audit_entry": 1}


# Summary tables rebuilt from the registry on every registry write (data_access/cooperative_summaries.py):
# their row counts follow the grouping, not the rows imported, so they are checked by
# ``summaries_match`` instead of by count.
DERIVED_TABLES = ("cooperative_activity", "cooperative_registered")


def fact_counts(engine) -> dict[str, int]:
    """``table_counts`` without the derived summary tables."""
    from data_access.stats import table_counts

    return {name: n for name, n in table_counts(engine).items() if name not in DERIVED_TABLES}


def summaries_match(engine) -> bool:
    """The registered-cooperatives summary of its latest year (everyone founded by then) adds up to the
    cooperatives in the registry (not dissolved); true when the database has no such summary."""
    from sqlalchemy import inspect, text

    if not inspect(engine).has_table("cooperative_registered"):
        return True
    with engine.connect() as conn:
        summed = conn.scalar(text("SELECT COALESCE(SUM(cooperatives), 0) FROM cooperative_registered "
                                  "WHERE year = (SELECT MAX(year) FROM cooperative_registered)"))
        counted = conn.scalar(text("SELECT COUNT(*) FROM cooperative WHERE NOT dissolved"))
    return int(summed) == int(counted)


def plus(before: dict[str, int], *deltas: dict[str, int]) -> dict[str, int]:
    out = dict(before)
    for delta in deltas:
        for table, n in delta.items():
            out[table] += n
    return out


# --- a PostgreSQL cluster of the test's own ----------------------------------------------------------

def postgres_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` with ``initdb`` and ``pg_ctl``, or ``None``."""
    found = [p for p in Path("/usr/lib/postgresql").glob("*/bin") if (p / "initdb").exists() and (p / "pg_ctl").exists()]
    found.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    return found[-1] if found else None


class PostgresCluster:
    """initdb + pg_ctl on a free loopback port in a temporary folder; as ``postgres`` when root."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self._owner = pwd.getpwnam("postgres") if os.geteuid() == 0 else None  # KeyError: no such user
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="pantau-fault-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        if self._owner is not None:
            os.chown(self.root, self._owner.pw_uid, self._owner.pw_gid)

    @property
    def server_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._owner is not None:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}\n"
                               f"{self.log.read_text() if self.log.exists() else ''}")
        return done

    def init(self) -> PostgresCluster:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
        return self

    def start(self) -> None:
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-l", str(self.log), "-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-m", mode, "stop")

    def running(self) -> bool:
        command = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "status"]
        if self._owner is not None:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, timeout=30).returncode == 0

    def create_database(self, name: str) -> str:
        from sqlalchemy import create_engine, text

        admin = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))  # name chosen by the test, not input
        finally:
            admin.dispose()
        return self.url(name)

    def destroy(self) -> None:
        with suppress(Exception):
            if self.data.exists() and self.running():
                self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


# --- an import that says when it is writing --------------------------------------------------------

def _import_with_marker(url: str, kind: str, path: str, user: str) -> int:
    from sqlalchemy import event

    from data_access import engine as engine_module
    from data_access import imports

    engine = engine_module.get_engine(url)
    said = []

    @event.listens_for(engine, "after_cursor_execute")
    def _written(_conn, _cursor, statement, _params, _context, _executemany):
        if not said and statement.lstrip().upper().startswith("INSERT INTO COOPERATIVE "):
            said.append(True)
            print(MARKER, flush=True)
            time.sleep(0.05)  # let the parent see it while the transaction is still open

    data = Path(path).read_bytes()
    report = imports.commit(kind, data, Path(path).name, user=user, engine=engine)
    print(f"DONE {report.batch_id}", flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "import-with-marker":
        sys.exit(_import_with_marker(*sys.argv[2:]))
    sys.exit(f"usage: python -m tests.fault_helpers import-with-marker URL KIND FILE USER (got {sys.argv[1:]})")
