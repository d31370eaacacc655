"""One number that says "the facts changed": raised in the same transaction as every write.

Every server process keys its cached query results by ``current(engine)``, so a figure written
by another process (a page in another replica, ``python -m data_access import``, an undo, a demo
build, a migration) shows on that process's next script run; no time-to-live is needed.

The raise is hooked centrally on SQLAlchemy's ``Engine`` class, so no writer can forget it:

- ``before_cursor_execute`` notes, on the connection, that the transaction wrote: a statement
  starting with one of ``WRITE_VERBS`` (DDL included), unless it only touches a table in
  ``UNVERSIONED_TABLES`` (the version itself; the sign-in counters, which are not facts shown
  anywhere — counting a wrong password must not empty every cache).
- ``commit`` (fired just before the DBAPI commit) runs ``UPDATE data_version SET version =
  version + 1`` on the same DBAPI connection, so the raise commits or rolls back with the
  write. Writes that bypass SQLAlchemy's execute (psycopg ``COPY`` in ``bulk``) call
  ``note_write(connection)`` themselves.
- ``rollback`` and the pool's check-in forget the note.

A database whose schema predates migration 0006 has no ``data_version`` table; its writes
are not counted (checked with one catalogue read per writing transaction).
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Engine, event, select
from sqlalchemy.pool import Pool

from data_access.models_runtime import DataVersion

WRITE_VERBS = frozenset({"INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "COPY", "TRUNCATE",
                         "REPLACE", "MERGE"})
UNVERSIONED_TABLES = frozenset({"data_version", "sign_in_throttle", "briefing_snapshot"})
_NOTE = "pantau_wrote"
_FIRST_WORD = re.compile(r"\s*(\w+)")
_DML_TARGET = re.compile(r"\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)
_BUMP = "UPDATE data_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP WHERE id = 1"
_EXISTS = {
    "postgresql": "SELECT to_regclass('data_version') IS NOT NULL",
    "sqlite": "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'data_version')",
}


def is_write(statement: str) -> bool:
    """Whether ``statement`` (SQL text) changes a versioned table or the schema."""
    first = _FIRST_WORD.match(statement)
    if first is None:
        return False
    verb = first.group(1).upper()
    if verb == "WITH":
        return bool(re.search(r"\b(INSERT|UPDATE|DELETE)\b", statement, re.IGNORECASE))
    if verb not in WRITE_VERBS:
        return False
    target = _DML_TARGET.match(statement)
    return target is None or target.group(1).lower() not in UNVERSIONED_TABLES


def note_write(connection: Connection) -> None:
    """Mark ``connection``'s transaction as writing (for writes SQLAlchemy does not execute)."""
    connection.info[_NOTE] = True


def current(connection_or_engine: Connection | Engine) -> int:
    """The data version: one primary-key read. Raises if migration 0006 has not run."""
    stmt = select(DataVersion.version).where(DataVersion.id == 1)
    if isinstance(connection_or_engine, Engine):
        with connection_or_engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())
    return int(connection_or_engine.execute(stmt).scalar_one())


@event.listens_for(Engine, "before_cursor_execute")
def _note_statement(conn, _cursor, statement, _parameters, _context, executemany) -> None:
    if _NOTE not in conn.info and is_write(statement):
        conn.info[_NOTE] = True


@event.listens_for(Engine, "commit")
def _raise_version(conn) -> None:
    if not conn.info.pop(_NOTE, False):
        return
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(_EXISTS.get(conn.dialect.name, _EXISTS["sqlite"]))
        if cursor.fetchone()[0]:
            cursor.execute(_BUMP)
    finally:
        cursor.close()


@event.listens_for(Engine, "rollback")
def _forget_on_rollback(conn) -> None:
    conn.info.pop(_NOTE, None)


@event.listens_for(Pool, "checkin")
def _forget_on_checkin(_dbapi_connection, connection_record) -> None:
    if connection_record is not None:
        connection_record.info.pop(_NOTE, None)
