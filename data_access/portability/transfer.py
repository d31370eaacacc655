"""Every row of one database into another, verified, in one transaction on the target.

``transfer(source, target_engine)`` is what ``move`` and ``restore`` share. ``source`` is a
connection held in one consistent read (``snapshot``), so rows written meanwhile by the running
dashboard are either all in or all out. On the target, in one transaction (SQLite with an
explicit ``BEGIN``, as ``engine.open_ddl_transaction``; PostgreSQL's DDL is transactional):

1. a target holding data is refused unless ``replace`` (its tables are then dropped); an empty
   one (never migrated, or migrated without rows) is used as it is;
2. the schema is built at the *source's* revision, every row is copied with its own keys (real
   and demo rows as they are flagged, accounts, audit trail, import batches with what undo needs),
   and the row count and checksum of every table are compared with the source's (``tables``);
3. PostgreSQL's id sequences are set past the copied ids, the schema is migrated to the newest
   revision (an older backup is upgraded like the office's own database would have been), and the
   data version is raised above both databases' versions, so no process serves a cached figure of
   what the target held before.

Any failure rolls the whole transaction back: the target is as it was.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, MetaData, Table, bindparam, false, func, insert, select, text, update

from data_access import data_version
from data_access import engine as engine_module
from data_access.portability import PortabilityError, tables


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection reading one consistent state of the database (rolled back afterwards, so nothing
    is written): SQLite's deferred transaction, PostgreSQL's ``REPEATABLE READ READ ONLY``."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn, conn.begin() as tx:
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            yield conn
            tx.rollback()
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("BEGIN")
        try:
            yield conn
        finally:
            conn.rollback()


def known_revision(revision: str | None) -> None:
    """Refuse a schema this program does not know (made by a newer version) or none at all."""
    if revision is None:
        raise PortabilityError("sumber tidak memiliki skema Pantau Rakor (belum pernah di-init) / "
                               "the source has no Pantau Rakor schema (never initialised)")
    try:
        found = ScriptDirectory.from_config(engine_module.alembic_config()).get_revision(revision)
    except CommandError:
        found = None
    if found is None:
        raise PortabilityError(
            f"skema {revision!r} lebih baru dari program ini; perbarui Pantau Rakor dulu / schema {revision!r} "
            "was made by a newer Pantau Rakor than this one; upgrade the program first")


def _migrate(conn: Connection, revision: str) -> None:
    cfg = engine_module.alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def _drop_everything(conn: Connection) -> None:
    everything = MetaData()
    everything.reflect(conn)
    everything.drop_all(conn)


def _version(conn: Connection, metadata: MetaData) -> int:
    table = metadata.tables.get("data_version")
    if table is None:
        return 0
    return int(conn.scalar(table.select().with_only_columns(table.c.version)) or 0)


def insert_rows(conn: Connection, table: Table, names: list[str], batch: list) -> None:
    """Insert ``batch`` (tuples of ``names``) into ``table``: COPY on PostgreSQL, the driver's executemany on SQLite."""
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        from psycopg import sql

        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(c) for c in names))
        with conn.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in batch:
                copy.write_row(row)
        data_version.note_write(conn)  # COPY bypasses SQLAlchemy's execute
        return
    # SQLite: the driver's executemany on the compiled INSERT, values bound by each column's own type
    statement = str(insert(table).values({n: bindparam(n) for n in names}).compile(dialect=conn.dialect))
    processors = [(i, table.c[n].type.bind_processor(conn.dialect)) for i, n in enumerate(names)]
    processors = [(i, p) for i, p in processors if p is not None]
    if processors:
        rows = []
        for row in batch:
            row = list(row)
            for position, process in processors:
                if row[position] is not None:
                    row[position] = process(row[position])
            rows.append(row)
        batch = rows
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.executemany(statement, batch)
    finally:
        cursor.close()
    data_version.note_write(conn)


def copy_table(source: Connection, table: Table, target: Connection, target_table: Table, where=None) -> dict:
    """Copy the rows of ``table`` (``where``: only these) into ``target_table``; returns the digest
    (``tables.Digest``) of the rows read."""
    names = [c.name for c in table.columns]
    running, batch = tables.Digest(table), []
    for row in tables.rows(source, table, where):
        running.add(row)
        batch.append(tuple(row))
        if len(batch) >= tables.CHUNK:
            insert_rows(target, target_table, names, batch)
            batch = []
    if batch:
        insert_rows(target, target_table, names, batch)
    return running.result()


def reset_sequences(conn: Connection, metadata: MetaData) -> None:
    """PostgreSQL: every serial/identity sequence continues after the largest copied id."""
    if conn.dialect.name != "postgresql":
        return
    quote = conn.dialect.identifier_preparer.quote
    for table in tables.data_tables(metadata):
        keys = list(table.primary_key.columns)
        if len(keys) != 1:
            continue
        column = keys[0].name
        sequence = conn.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": quote(table.name), "c": column})
        if sequence:
            largest = select(func.coalesce(func.max(table.c[column]), 0)).scalar_subquery()
            conn.execute(select(func.setval(sequence, largest + 1, false())))


def prepare_target(conn: Connection, revision: str, *, replace: bool) -> tuple[MetaData, int]:
    """The target's schema at ``revision`` without a row; returns its tables and its data version before."""
    existing = tables.reflect(conn)
    before = _version(conn, existing)
    if existing.tables:
        if tables.holds_data(conn, existing) and not replace:
            raise PortabilityError(
                "basis data tujuan sudah berisi data; tidak ada yang diubah (pakai --replace untuk menggantinya) / "
                "the target database already holds data; nothing was changed (use --replace to replace it)")
        _drop_everything(conn)
    _migrate(conn, revision)
    metadata = tables.reflect(conn)
    for table in reversed(tables.data_tables(metadata)):  # rows a migration inserted (the data version)
        conn.execute(table.delete())
    return metadata, before


def finish_target(conn: Connection, metadata: MetaData, before: int) -> None:
    """Sequences past the copied ids, the newest schema, and a data version above every earlier one."""
    reset_sequences(conn, metadata)
    _migrate(conn, "head")
    metadata = tables.reflect(conn)
    version = metadata.tables.get("data_version")
    if version is not None:
        copied = _version(conn, metadata)
        conn.execute(update(version).where(version.c.id == 1).values(version=max(before, copied) + 1))
    data_version.note_write(conn)


def transfer(source: Connection, target_engine: Engine, *, replace: bool = False, exact: bool = False,
             expected: dict | None = None) -> dict:
    """Copy the database read on ``source`` into ``target_engine`` (see the module docstring).

    ``exact``: a copy as it is (a backup): neither migrated to the newest revision nor given a new data
    version. ``expected``: the manifest the source must also match (a backup's own). The rows read are
    checksummed as they are copied, and the target's tables are read back and compared. Returns ``{"revision", "from_revision", "tables":
    {name: rows}, "digests": {name: {"rows", "sha256"}}, "seconds"}``. Raises ``PortabilityError`` (nothing changed) on a refusal or a mismatch.
    """
    started = time.perf_counter()
    source_tables = tables.reflect(source)
    revision = tables.revision(source)
    known_revision(revision)
    with target_engine.begin() as target:
        engine_module.open_ddl_transaction(target)
        target_tables, before = prepare_target(target, revision, replace=replace)
        missing = sorted(set(source_tables.tables) - set(target_tables.tables))
        if missing:
            raise PortabilityError(f"tabel tidak dikenal skema {revision}: {', '.join(missing)} / "
                                   f"tables unknown to schema {revision}: {', '.join(missing)}")
        read = {t.name: copy_table(source, t, target, target_tables.tables[t.name])
                for t in tables.data_tables(source_tables)}
        found = tables.manifest(target, target_tables)["tables"]
        wrong = tables.differences(read, found)
        if expected is not None:
            wrong += [f"backup: {line}" for line in tables.differences(expected["tables"], read)]
        if wrong:
            raise PortabilityError("salinan tidak sama dengan sumbernya, tidak ada yang diubah / the copy differs "
                                   "from its source, nothing was changed:\n" + "\n".join(wrong))
        if exact:
            reset_sequences(target, target_tables)
        else:
            finish_target(target, target_tables, before)
        after = tables.revision(target)
    return {"revision": after, "from_revision": revision, "tables": {name: d["rows"] for name, d in read.items()}, "digests": read,
            "seconds": round(time.perf_counter() - started, 2)}
