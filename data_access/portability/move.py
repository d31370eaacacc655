"""``python -m data_access move --to URL``: the whole database to another backend (or server).

The source is read in one snapshot and left as it was (never migrated, never written: an SQLite
source is opened read-only); the target must be empty (a new SQLite file, or a new PostgreSQL
database, migrated or not) and receives every row at the source's schema revision, verified per
table, then migrated to the newest revision (``transfer``). After the move the target is
analysed, so its planner knows the table sizes.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url

from data_access import config
from data_access import engine as engine_module
from data_access.portability import PortabilityError, transfer


def read_only_engine(url: str) -> Engine:
    """An engine that cannot write to ``url``: an SQLite file opened ``mode=ro``; PostgreSQL as given
    (its reads are ``READ ONLY`` transactions in ``transfer.snapshot``)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return engine_module.get_engine(url)
    database = parsed.database or ""
    if not database or database == ":memory:" or not Path(database).is_file():
        raise PortabilityError(f"{database}: sumber SQLite harus berupa berkas yang ada / an SQLite source must be "
                               "an existing file")
    return create_engine(f"sqlite:///file:{database}?mode=ro&uri=true")


def same_database(first: str, second: str) -> bool:
    a, b = make_url(config.normalise_url(first)), make_url(config.normalise_url(second))
    return (a.get_backend_name(), a.host, a.port, a.database) == (b.get_backend_name(), b.host, b.port, b.database)


def move(source_url: str, target_url: str) -> dict:
    """Copy the database at ``source_url`` into the empty one at ``target_url``; returns ``transfer``'s
    report. Raises ``PortabilityError`` (nothing changed) when the target holds data or is the source."""
    if same_database(source_url, target_url):
        raise PortabilityError("sumber dan tujuan adalah basis data yang sama / source and target are the same database")
    source = read_only_engine(config.normalise_url(source_url))
    target = engine_module.get_engine(target_url)
    try:
        with transfer.snapshot(source) as conn:
            report = transfer.transfer(conn, target, replace=False)
    finally:
        if source.url.get_backend_name() == "sqlite":
            source.dispose()
    engine_module.analyze(target)
    return report
