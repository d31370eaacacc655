"""``python -m data_access export --real FOLDER``: every real record as a Frictionless Data Package.

``FOLDER`` (new or empty) receives ``datapackage.json`` and ``data/<table>.csv`` per record table
(``package_schema``): UTF-8, a header of column names, rows in primary-key order, one consistent
read of the database. Cells: the empty cell is a missing value; booleans ``true``/``false``;
dates and times ISO 8601; numbers as stored. The descriptor names the licence of the compilation
(``DEFAULT_LICENSE`` unless told otherwise), every real source with its URL (``sources``; the
``source`` resource has outlet, headline, author, publication date and URL of each), and the
schema revision the package was written from (``pantau_rakor.schema_revision``), which
``package_import`` checks. Nothing depends on the time of export, so the same records give the
same files (an export → import → export round trip is byte for byte).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, select

from data_access import engine as engine_module
from data_access.portability import PortabilityError, package_schema, tables, transfer

NAME = "pantau-rakor-real-records"
DEFAULT_LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                   "path": "https://creativecommons.org/licenses/by/4.0/"}
DESCRIPTION = ("Catatan nyata Pantau Rakor: rapat koordinasi dengan sumbernya, angka koperasi seperti dilaporkan, "
               "status register seperti dilaporkan, tahap Pokja/Satgas dan KDMP dengan buktinya, dan sumbernya. Data "
               "demo (sintetis) tidak disertakan. Lisensi berlaku untuk kompilasi ini; teks sumber tetap milik "
               "penerbitnya. / Pantau Rakor's real records: coordination meetings with their sources, cooperative "
               "figures as reported, the register's status as reported, Pokja/Satgas and KDMP stages with their "
               "evidence, and the sources. Demo (synthetic) data is not included. The licence covers this "
               "compilation; the source texts remain their publishers'.")


def cell(value) -> str:
    """One CSV cell (see the module docstring)."""
    if value is None:
        return package_schema.MISSING
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _sources(conn, table) -> list[dict]:
    rows = conn.execute(select(table.c.outlet, table.c.headline, table.c.url)
                        .where(package_schema.row_filter(table)).order_by(table.c.id)).all()
    listed = []
    for outlet, headline, url in rows:
        entry = {"title": f"{outlet}: {headline}" if headline else outlet}
        if url:
            entry["path"] = url
        listed.append(entry)
    return listed


def _write_table(conn, table, path: Path) -> int:
    stmt = select(table)
    condition = package_schema.row_filter(table)
    if condition is not None:
        stmt = stmt.where(condition)
    keys = [i for i, c in enumerate(table.columns) if c.primary_key]
    rows = sorted(conn.execute(stmt).all(), key=lambda r: tuple(r[i] for i in keys))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([c.name for c in table.columns])
        writer.writerows([cell(v) for v in row] for row in rows)
    return len(rows)


def export(engine: Engine, folder: str | Path, *, license: dict | None = None) -> dict:
    """Write the package into ``folder``; returns ``{"folder", "resources": {name: rows}}``.
    Refuses a folder that holds files, and a database not at the newest schema revision."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise PortabilityError(f"{folder}: folder tidak kosong / the folder is not empty")
    head = ScriptDirectory.from_config(engine_module.alembic_config()).get_current_head()
    chosen = package_schema.exported_tables()
    names = {t.name for t in chosen}
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    (partial / "data").mkdir(parents=True)
    try:
        with transfer.snapshot(engine) as conn:
            revision = tables.revision(conn)
            if revision != head:
                raise PortabilityError(f"skema basis data {revision}, bukan {head}: jalankan init dulu / the database "
                                       f"schema is {revision}, not {head}: run init first")
            counts = {t.name: _write_table(conn, t, partial / "data" / f"{t.name}.csv") for t in chosen}
            sources = _sources(conn, package_schema.Base.metadata.tables["source"])
        descriptor = {"profile": "tabular-data-package", "name": NAME, "title": "Pantau Rakor — catatan nyata / "
                      "real records", "description": DESCRIPTION, "licenses": [license or DEFAULT_LICENSE],
                      "sources": sources, "pantau_rakor": {"schema_revision": revision},
                      "resources": [package_schema.resource(t, names) for t in chosen]}
        (partial / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")
        if folder.exists():
            folder.rmdir()
        partial.rename(folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return {"folder": str(folder), "revision": revision, "resources": counts}
