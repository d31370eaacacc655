"""``python -m data_access backup DEST``: a consistent copy while the dashboard keeps writing.

- SQLite: the online backup API (``sqlite3.Connection.backup`` in one step, which reads one
  snapshot of the WAL database: a transaction still being written is not in it), then the
  manifest is computed from the copy and sealed into it (``backup_file``).
- PostgreSQL: ``pg_dump`` in its custom format on an exported snapshot, the manifest beside it
  (``pgdump``), where the client tools are installed and new enough; otherwise the same portable
  SQLite backup file as above, written from a ``REPEATABLE READ`` snapshot by ``transfer`` (its data
  version one above the source's: the copy's own commit raised it).

``DEST`` is a file, or a folder (an existing one, or a path ending in ``/``) in which the file is
named ``pantau-rakor-<UTC time>.<sqlite|pgdump>``; ``keep`` then keeps only that many newest
backups in the folder. The file is written under a temporary name and renamed when complete, so
a failed backup leaves no file that looks whole.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url

from data_access import engine as engine_module
from data_access.portability import PortabilityError, backup_file, pgdump, transfer

PREFIX = "pantau-rakor-"
SUFFIXES = (".sqlite", ".pgdump")


def destination(dest: str | Path, suffix: str) -> Path:
    """The backup's file name for ``dest`` (see the module docstring)."""
    text = str(dest)
    path = Path(dest)
    if path.is_dir() or text.endswith(("/", os.sep)):
        path.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        return path / f"{PREFIX}{stamp}{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest backups named by ``destination`` in ``folder``; returns the deleted."""
    found = sorted(p for p in folder.iterdir() if p.name.startswith(PREFIX) and p.suffix in SUFFIXES)
    deleted = found[:-keep] if keep > 0 else found
    for path in deleted:
        path.unlink()
        pgdump.manifest_path(path).unlink(missing_ok=True)
    return deleted


def _sqlite(engine: Engine, path: Path) -> dict:
    source_path = make_url(str(engine.url)).database
    if not source_path or not Path(source_path).is_file():
        raise PortabilityError(f"{source_path}: basis data tidak ada / no such database file")
    source = sqlite3.connect(source_path, timeout=engine_module.sqlite_busy_timeout_ms() / 1000)
    target = sqlite3.connect(path)
    try:
        source.backup(target)  # pages=-1: the whole database in one step, from one read snapshot
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()
    copy = create_engine(f"sqlite:///{path}")
    try:
        with transfer.snapshot(copy) as conn:
            manifest = backup_file.new_manifest(conn, "sqlite")
    finally:
        copy.dispose()
    backup_file.seal(path, manifest)
    return manifest


def _portable(engine: Engine, path: Path) -> dict:
    url = f"sqlite:///{path}"
    try:
        with transfer.snapshot(engine) as conn:
            transfer.transfer(conn, engine_module.get_engine(url), exact=True)
    finally:
        engine_module.dispose(url)
    return _seal_copy(path, engine.dialect.name)


def _seal_copy(path: Path, source: str) -> dict:
    """Compute the manifest of the copy at ``path`` and seal it in (the copy is what a restore reads)."""
    copy = create_engine(f"sqlite:///{path}")
    try:
        with transfer.snapshot(copy) as conn:
            manifest = backup_file.new_manifest(conn, source)
    finally:
        copy.dispose()
    backup_file.seal(path, manifest)
    return manifest


def backup(engine: Engine, dest: str | Path, *, keep: int | None = None, use_pg_dump: bool | None = None) -> dict:
    """Back up the database of ``engine`` to ``dest``; returns ``{"file", "format", "revision",
    "tables": {name: rows}, "seconds", "pruned"}``. ``use_pg_dump``: ``None`` = when usable."""
    started = time.perf_counter()
    postgres = engine.dialect.name == "postgresql"
    if postgres and use_pg_dump is None:
        use_pg_dump = pgdump.usable(engine)
    dumped = bool(postgres and use_pg_dump)
    path = destination(dest, ".pgdump" if dumped else ".sqlite")
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    beside = pgdump.manifest_path(path)
    try:
        if dumped:
            manifest = pgdump.dump(engine, partial)
        elif postgres:
            manifest = _portable(engine, partial)
        else:
            manifest = _sqlite(engine, partial)
        if manifest["revision"] is None:
            raise PortabilityError("basis data belum di-init, tidak ada yang dicadangkan / the database was never "
                                   "initialised, nothing was backed up")
        if dumped:
            pgdump.write_manifest(beside, manifest)
        os.replace(partial, path)
    except BaseException:
        for leftover in (partial, Path(str(partial) + "-journal"), beside if dumped else None):
            if leftover is not None:
                leftover.unlink(missing_ok=True)
        raise
    pruned = prune(path.parent, keep) if keep else []
    return {"file": str(path), "format": "pg_dump custom" if dumped else "sqlite",
            "revision": manifest["revision"], "tables": {n: t["rows"] for n, t in manifest["tables"].items()},
            "seconds": round(time.perf_counter() - started, 2), "pruned": [str(p) for p in pruned]}
