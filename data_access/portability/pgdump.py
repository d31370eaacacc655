"""PostgreSQL backups through ``pg_dump`` (custom format) where the client tools are installed.

``usable(engine)``: ``pg_dump`` and ``pg_restore`` are on ``PATH`` and at least as new as the
server (an older ``pg_dump`` refuses a newer server). ``dump`` runs ``pg_dump --snapshot`` on the
snapshot of a ``REPEATABLE READ`` transaction that also computes the manifest, so the dump and its
row counts and checksums describe the same state while the dashboard keeps writing. The manifest
is written beside the dump (``FILE.manifest.json``) with the dump's SHA-256, so a truncated or
altered dump is refused before anything is touched.

``scratch_copy`` restores a dump into a new, temporary database on the target's server (so a
restore can be verified, migrated and copied in one transaction like any other backup, then the
temporary database is dropped). The password, if any, goes to the tools through ``PGPASSWORD``,
never the command line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url, text

from data_access.portability import PortabilityError, backup_file
from data_access.portability.transfer import known_revision


def manifest_path(path: Path) -> Path:
    return path.with_name(path.name + ".manifest.json")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _major(version_text: str) -> int:
    """The major version in ``pg_dump --version``'s "pg_dump (PostgreSQL) 15.18 (Debian …)"; 0 if none."""
    found = re.search(r"\(PostgreSQL\)\s+(\d+)", version_text)
    return int(found.group(1)) if found else 0


def _libpq(engine_url) -> tuple[str, dict]:
    """A libpq URL without the password, and the environment carrying it."""
    url = make_url(engine_url) if isinstance(engine_url, str) else engine_url
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def usable(engine: Engine) -> bool:
    tools = [shutil.which(t) for t in ("pg_dump", "pg_restore")]
    if not all(tools):
        return False
    client = subprocess.run([tools[0], "--version"], capture_output=True, text=True, check=False).stdout
    with engine.connect() as conn:
        server = int(conn.exec_driver_sql("SHOW server_version_num").scalar()) // 10000
    return _major(client) >= server


def dump(engine: Engine, path: Path) -> dict:
    """``pg_dump -Fc`` of the database into ``path`` and its manifest (not yet written beside it)."""
    conninfo, env = _libpq(engine.url)
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn, conn.begin():
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        snapshot = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar()
        manifest = backup_file.new_manifest(conn, "postgresql")
        done = subprocess.run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", "--no-owner",
                               "--no-privileges", "--file", str(path), "--dbname", conninfo],
                              env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PortabilityError(f"pg_dump gagal / failed: {done.stderr.strip()[:500]}")
    manifest["dump_sha256"] = sha256_file(path)
    manifest["dump_format"] = "pg_dump custom"
    return manifest


def check(path: Path) -> dict:
    """The manifest beside the dump at ``path``, after checking the dump's SHA-256 against it."""
    beside = manifest_path(path)
    try:
        manifest = json.loads(beside.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PortabilityError(f"{beside}: manifes cadangan tidak ada atau rusak / the backup's manifest is "
                               "missing or damaged") from error
    if manifest.get("format") != backup_file.FORMAT:
        raise PortabilityError(f"{beside}: bukan manifes cadangan Pantau Rakor / not a Pantau Rakor backup manifest")
    if sha256_file(path) != manifest.get("dump_sha256"):
        raise PortabilityError(f"{path}: berkas cadangan rusak, terpotong atau diubah, tidak ada yang diubah / "
                               "the backup file is damaged, truncated or altered, nothing was changed")
    known_revision(manifest.get("revision"))
    return manifest


@contextmanager
def scratch_copy(path: Path, server: Engine) -> Iterator[Engine]:
    """The dump at ``path`` restored into a temporary database on ``server``'s PostgreSQL (dropped after)."""
    if server.dialect.name != "postgresql":
        raise PortabilityError("cadangan pg_dump hanya dapat dipulihkan ke PostgreSQL / a pg_dump backup can only "
                               "be restored into PostgreSQL (move it to SQLite afterwards)")
    name = f"pantau_restore_{uuid.uuid4().hex[:12]}"  # generated here, never input
    admin = create_engine(server.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    scratch_url = server.url.set(database=name)
    scratch = create_engine(scratch_url)
    try:
        conninfo, env = _libpq(scratch_url)
        done = subprocess.run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                               "--dbname", conninfo, str(path)], env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PortabilityError(f"pg_restore gagal, tidak ada yang diubah / failed, nothing was changed: "
                                   f"{done.stderr.strip()[:500]}")
        yield scratch
    finally:
        scratch.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def write_manifest(path: Path, manifest: dict) -> None:
    """Write the manifest beside a dump (under a temporary name, then renamed)."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(partial, path)
