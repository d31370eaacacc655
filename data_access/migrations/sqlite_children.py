"""Keep the rows that reference a table while a SQLite migration rebuilds it.

On SQLite, Alembic's batch mode changes a constraint or a column by rebuilding the table (create a
copy, copy the rows, ``DROP`` the old one, rename). With ``PRAGMA foreign_keys=ON`` (set on every
connection by ``data_access.engine``, and not changeable inside the migration's transaction) the
``DROP`` first runs an implicit ``DELETE``, which fires ``ON DELETE CASCADE``: rebuilding ``pokja``
deleted every ``pokja_stage_change`` row, rebuilding ``kdmp`` every ``kdmp_stage_change`` row
(SQLite documentation, "DROP TABLE": "the implicit DELETE FROM does cause any configured foreign key
actions to take place"). ``cascade_children_kept(table)`` copies the rows of every table that
cascades from ``table`` (transitively) aside before the rebuild and puts them back after it, ids
unchanged. On PostgreSQL (``ALTER TABLE`` in place) it does nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import op


def _cascading(connection, table: str) -> list[str]:
    """Tables whose rows an implicit ``DELETE FROM table`` removes, nearest first."""
    tables = [row[0] for row in connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    found: list[str] = []
    frontier = [table]
    while frontier:
        parent = frontier.pop(0)
        for child in tables:
            if child in found or child == table:
                continue
            keys = connection.exec_driver_sql(f'PRAGMA foreign_key_list("{child}")').all()  # names from sqlite_master
            if any(key[2] == parent and str(key[6]).upper() == "CASCADE" for key in keys):
                found.append(child)
                frontier.append(child)
    return found


@contextmanager
def cascade_children_kept(table: str) -> Iterator[None]:
    """Around a batch rebuild of ``table``: its cascading children's rows survive (SQLite only)."""
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        yield
        return
    children = _cascading(connection, table)
    for child in children:
        connection.exec_driver_sql(f'CREATE TEMP TABLE "kept_{child}" AS SELECT * FROM "{child}"')  # noqa: S608 - names from sqlite_master
    yield
    for child in children:  # parents before their own children
        connection.exec_driver_sql(f'INSERT OR IGNORE INTO "{child}" SELECT * FROM temp."kept_{child}"')  # noqa: S608
        connection.exec_driver_sql(f'DROP TABLE temp."kept_{child}"')
