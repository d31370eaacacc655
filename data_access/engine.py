"""One engine per database URL per process, sessions, and the Alembic migrations.

First-start preparation (gazetteer, real facts, demo) is ``data_access.preparation``: it sits above
this module, so nothing that fills the database is imported here.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

from data_access import (  # noqa: F401 - data_version hooks every write into the version
    config,
    data_version,
    models,  # noqa: F401 - every table on the one metadata, and the demo guard on every flush
)

_engines: dict[str, Engine] = {}
_lock = threading.Lock()
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


BUSY_TIMEOUT_ENV = "PANTAU_SQLITE_BUSY_TIMEOUT_MS"
DEFAULT_BUSY_TIMEOUT_MS = 10_000


def sqlite_busy_timeout_ms() -> int:
    """How long an SQLite write waits for another writer's lock before failing (milliseconds).

    10 s unless ``PANTAU_SQLITE_BUSY_TIMEOUT_MS`` says otherwise (the fault tests shorten it);
    read when an engine is created.
    """
    try:
        value = int(os.environ.get(BUSY_TIMEOUT_ENV, DEFAULT_BUSY_TIMEOUT_MS))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_MS
    return value if 0 <= value <= 600_000 else DEFAULT_BUSY_TIMEOUT_MS


def _sqlite_pragmas(busy_timeout_ms: int):
    def on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()
    return on_connect


def _sqlite_folder(url: str) -> Path | None:
    """The folder to create for an SQLite file URL; ``None`` for memory and for URI
    filenames (``sqlite:///file:…?mode=ro&uri=true``), which name an existing file."""
    database = make_url(url).database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).parent


def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for ``url`` (default: ``config.database_url()``)."""
    url = config.normalise_url(url) if url else config.database_url()
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            if url.startswith("sqlite"):
                folder = _sqlite_folder(url)
                if folder is not None:
                    folder.mkdir(parents=True, exist_ok=True)
                busy_ms = sqlite_busy_timeout_ms()
                engine = create_engine(url, connect_args={"timeout": busy_ms / 1000})
                event.listen(engine, "connect", _sqlite_pragmas(busy_ms))
                with engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            else:
                engine = create_engine(url, **config.postgres_pool())
            _engines[url] = engine
        return engine


def dispose(url: str) -> None:
    """Close and forget this process's engine for ``url`` (no connection stays open to it)."""
    url = config.normalise_url(url)
    with _lock:
        engine = _engines.pop(url, None)
    if engine is not None:
        engine.dispose()


def dispose_all() -> None:
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session in one transaction: committed on success, rolled back on error."""
    factory = sessionmaker(bind=engine or get_engine(), expire_on_commit=False)
    with factory.begin() as session:
        yield session


def open_ddl_transaction(connection) -> None:
    """Make the schema changes that follow part of the connection's transaction.

    pysqlite opens its transaction only before the first INSERT/UPDATE/DELETE,
    so DDL before it runs outside any transaction: a migration failing half-way
    would leave tables dropped or created but the revision unchanged. An
    explicit ``BEGIN`` makes the whole upgrade commit or roll back as one.
    PostgreSQL's DDL is transactional already.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN")


def alembic_config() -> Config:
    """Alembic's configuration for this project's migrations (``migrations/``)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision.

    After an upgrade of a database that already had a schema, the planner's
    statistics are refreshed (``analyze``): a new index without statistics can
    make SQLite pick a worse plan than before it existed.
    """
    cfg = alembic_config()
    with engine.begin() as connection:
        open_ddl_transaction(connection)
        before = MigrationContext.configure(connection).get_current_revision()
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
        after = MigrationContext.configure(connection).get_current_revision()
    if before is not None and after != before:
        analyze(engine)


def analyze(engine: Engine) -> None:
    """Refresh the planner's statistics after bulk writes (demo data, imports, schema upgrades).

    Without them SQLite has no row estimates at all and guesses its join order.
    PostgreSQL gets ``VACUUM (ANALYZE)``: after a bulk load its visibility map is
    empty, so index-only scans still read the table, and autovacuum would do the
    same work later, in the middle of whoever is reading (VACUUM cannot run in a
    transaction, hence the autocommit connection).
    """
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM (ANALYZE)")
        return
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
