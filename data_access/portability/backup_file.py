"""The backup file: an SQLite database file that carries its own manifest, and how it is checked.

A backup is an ordinary SQLite file (openable by any SQLite tool), marked as Pantau Rakor's by
``PRAGMA application_id`` = ``APPLICATION_ID`` ("PANT") and by one table, ``pantau_backup_manifest`` (``tables.MANIFEST_TABLE``), whose
single row holds the manifest as JSON: ``{"format": FORMAT, "format_version": 1, "revision",
"created_at" (UTC ISO 8601), "source" (backend name), "tables": {name: {"rows", "sha256"}}}``
(``tables.manifest``). A PostgreSQL backup made by ``pg_dump`` (custom format, see ``pgdump``)
carries the same manifest beside it, as ``FILE.manifest.json``, with the dump's own SHA-256.

``check`` refuses, with a message naming the reason, a file that is not SQLite, not Pantau
Rakor's, damaged (``PRAGMA integrity_check``) or truncated, or made by a newer schema; rows
altered after the backup are caught when they are copied (``transfer`` compares every table's
checksum with this manifest).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Connection

from data_access.portability import PortabilityError, tables
from data_access.portability.transfer import known_revision

APPLICATION_ID = int.from_bytes(b"PANT", "big")
FORMAT = "pantau-rakor-backup"
SQLITE_HEADER = b"SQLite format 3\x00"
PGDUMP_HEADER = b"PGDMP"


def new_manifest(conn: Connection, source: str) -> dict:
    """The manifest of the database on ``conn`` (read in one snapshot by the caller)."""
    found = tables.manifest(conn)
    return {"format": FORMAT, "format_version": 1, "revision": found["revision"],
            "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            "source": source, "tables": found["tables"]}


def seal(path: Path, manifest: dict) -> None:
    """Write ``manifest`` into the SQLite backup at ``path`` and make it one self-contained file."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
        connection.execute("CREATE TABLE pantau_backup_manifest (id INTEGER PRIMARY KEY, manifest TEXT NOT NULL)")
        connection.execute("INSERT INTO pantau_backup_manifest (id, manifest) VALUES (1, ?)",
                           (json.dumps(manifest, sort_keys=True),))
        connection.commit()
    finally:
        connection.close()


def kind(path: Path) -> str:
    """``"sqlite"`` or ``"pgdump"`` by the file's first bytes; refuses anything else."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise PortabilityError(f"{path}: {error.strerror}") from error
    if head == SQLITE_HEADER:
        return "sqlite"
    if head.startswith(PGDUMP_HEADER):
        return "pgdump"
    raise PortabilityError(f"{path}: bukan cadangan Pantau Rakor / not a Pantau Rakor backup")


def read_only_url(path: Path) -> str:
    """An SQLAlchemy URL opening ``path`` read-only and immutable (nothing written beside it)."""
    return f"sqlite:///file:{Path(path).resolve()}?mode=ro&immutable=1&uri=true"


def check(path: Path) -> dict:
    """The manifest of the SQLite backup at ``path``, after checking it is whole and ours (see the
    module docstring); raises ``PortabilityError`` otherwise."""
    broken = f"{path}: berkas cadangan rusak atau terpotong, tidak ada yang diubah / " \
             "the backup file is damaged or truncated, nothing was changed"
    size = os.path.getsize(path)
    try:
        connection = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as error:
        raise PortabilityError(broken) from error
    try:
        page_size, page_count = (connection.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_size", "page_count"))
        if page_size * page_count != size:
            raise PortabilityError(broken)
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise PortabilityError(broken)
        ours = connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        row = None
        if ours:
            exists = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                        (tables.MANIFEST_TABLE,)).fetchone()
            row = connection.execute("SELECT manifest FROM pantau_backup_manifest WHERE id = 1").fetchone() \
                if exists else None
    except sqlite3.DatabaseError as error:
        raise PortabilityError(broken) from error
    finally:
        connection.close()
    if not ours or row is None:
        raise PortabilityError(f"{path}: berkas SQLite ini bukan cadangan Pantau Rakor / "
                               "this SQLite file is not a Pantau Rakor backup")
    manifest = json.loads(row[0])
    if manifest.get("format") != FORMAT:
        raise PortabilityError(f"{path}: bukan cadangan Pantau Rakor / not a Pantau Rakor backup")
    known_revision(manifest.get("revision"))
    return manifest
