"""The tables a database holds, their rows, and a count and SHA-256 per table (the manifest).

Tables are reflected from the database itself, not taken from ``Base.metadata``: a backup made
before the last migration has the columns of its own revision, and a table another issue adds
is carried along without a change here. ``alembic_version`` is not data (its revision is the
manifest's ``revision``), nor is the manifest table a backup file carries.

A table's checksum does not depend on the backend, the row order or the column order: each row
becomes one canonical line (``Digest``: values in the order of the sorted column names; dates and
times in ISO 8601, floats by ``repr``), hashed with SHA-256, and the table's digest is the sum of the row
hashes and of the hash of its column names modulo 2**256 (rows are unique by primary key, so none
cancel), read in one pass without sorting.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json

from alembic.migration import MigrationContext
from sqlalchemy import Connection, MetaData, Table, func, select

MANIFEST_TABLE = "pantau_backup_manifest"
NOT_DATA = frozenset({"alembic_version", MANIFEST_TABLE})
# rows a freshly migrated database holds already (migration 0006 inserts the one data version row)
BOOKKEEPING = frozenset({"data_version"})
CHUNK = 5_000
_MODULUS = 2 ** 256


def reflect(conn: Connection) -> MetaData:
    """The database's own tables (without ``NOT_DATA``), reflected on ``conn``."""
    metadata = MetaData()
    metadata.reflect(conn)
    for name in NOT_DATA & set(metadata.tables):
        metadata.remove(metadata.tables[name])
    return metadata


def data_tables(metadata: MetaData) -> list[Table]:
    """Every table in foreign-key order (a referenced table before the tables referring to it)."""
    return [t for t in metadata.sorted_tables if t.name not in NOT_DATA]


def revision(conn: Connection) -> str | None:
    """The Alembic revision of the database on ``conn`` (``None``: never migrated)."""
    return MigrationContext.configure(conn).get_current_revision()


_PLAIN = (int, str, bool)


def canonical(value):
    """A JSON-ready value that is the same for the same fact on SQLite and PostgreSQL."""
    if value is None or type(value) in _PLAIN:
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    return str(value)


def rows(conn: Connection, table: Table, where=None):
    """The rows of ``table`` as tuples in ``table.columns`` order, read in chunks of ``CHUNK``
    (``where``: an optional clause)."""
    stmt = select(table)
    if where is not None:
        stmt = stmt.where(where)
    result = conn.execute(stmt, execution_options={"stream_results": True, "yield_per": CHUNK})
    for partition in result.partitions(CHUNK):
        yield from partition


def _converted(table: Table) -> list[int]:
    """Positions (in ``table.columns``) whose values are not plain ints, strings, booleans."""
    found = []
    for position, column in enumerate(table.columns):
        try:
            plain = column.type.python_type in _PLAIN
        except NotImplementedError:
            plain = False
        if not plain:
            found.append(position)
    return found


class Digest:
    """The running checksum of one table's rows (``add`` each row tuple, in ``table.columns`` order).

    A row's line is the ``repr`` of its values in sorted column order, dates, times, floats and
    decimals first turned into their ``canonical`` text (what is left are ints, strings, booleans
    and ``None``, whose ``repr`` is the same on every backend)."""

    def __init__(self, table: Table):
        names = [c.name for c in table.columns]
        self._order = sorted(range(len(names)), key=names.__getitem__)
        self._converted = _converted(table)
        self._total = int.from_bytes(hashlib.sha256(json.dumps(sorted(names)).encode()).digest(), "big")
        self.rows = 0

    def add(self, row) -> None:
        if self._converted:
            row = list(row)
            for position in self._converted:
                if row[position] is not None:
                    row[position] = canonical(row[position])
        line = repr(tuple(row[i] for i in self._order))
        self._total = (self._total + int.from_bytes(hashlib.sha256(line.encode()).digest(), "big")) % _MODULUS
        self.rows += 1

    def result(self) -> dict:
        return {"rows": self.rows, "sha256": f"{self._total:064x}"}


def digest(conn: Connection, table: Table) -> dict:
    """``{"rows": n, "sha256": hex}`` of ``table`` (see the module docstring)."""
    running = Digest(table)
    for row in rows(conn, table):
        running.add(row)
    return running.result()


def manifest(conn: Connection, metadata: MetaData | None = None) -> dict:
    """``{"revision": str | None, "tables": {name: {"rows", "sha256"}}}`` of the database on ``conn``."""
    metadata = metadata if metadata is not None else reflect(conn)
    return {"revision": revision(conn),
            "tables": {t.name: digest(conn, t) for t in sorted(data_tables(metadata), key=lambda t: t.name)}}


def counts(conn: Connection, metadata: MetaData) -> dict[str, int]:
    """Rows per table (one ``COUNT(*)`` each)."""
    return {t.name: conn.scalar(select(func.count()).select_from(t)) for t in data_tables(metadata)}


def holds_data(conn: Connection, metadata: MetaData | None = None) -> bool:
    """Whether any table other than ``BOOKKEEPING`` has a row (a migrated but empty database holds none)."""
    metadata = metadata if metadata is not None else reflect(conn)
    return any(n for name, n in counts(conn, metadata).items() if name not in BOOKKEEPING)


def differences(expected: dict, found: dict) -> list[str]:
    """Tables whose count or checksum differ between two manifests' ``tables``, one line each."""
    lines = []
    for name in sorted(set(expected) | set(found)):
        want, got = expected.get(name), found.get(name)
        if want != got:
            lines.append(f"{name}: {want or 'absent'} / {got or 'absent'}")
    return lines
