"""``python -m data_access import package FOLDER``: a Data Package written by ``export --real`` into an
empty database.

Map or refuse: the descriptor must be Pantau Rakor's (``pantau_rakor.schema_revision`` a revision
this program knows); every resource must be a record table (``package_schema.exported_tables``) and
every column of its CSV header a column of that table, else nothing is written and the message
names the resource and the column. Each cell is read by its column's type (a cell that is not one
is refused naming resource, row and column); the empty cell is a missing value, except in a text
column that cannot be missing, where it is the empty text (``package_schema``). Rows keep their
own keys, so references inside the package hold and a second export gives the same files.

All in one transaction on a database migrated to the newest revision and holding no data: the
rows in foreign-key order, the derived cooperative summaries rebuilt
(``cooperative_summaries.refresh``), PostgreSQL's id sequences set past the imported ids; the data
version is raised by the write itself (``data_version``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from sqlalchemy import Engine

from data_access import cooperative_summaries
from data_access import engine as engine_module
from data_access.portability import PortabilityError, package_schema, tables, transfer
from data_access.portability.package_export import NAME

_PARSE = {"integer": int, "number": float, "date": dt.date.fromisoformat, "datetime": dt.datetime.fromisoformat,
          "string": str}


def _boolean(text: str) -> bool:
    if text in ("true", "false"):
        return text == "true"
    raise ValueError(text)


def _descriptor(folder: Path) -> dict:
    path = folder / "datapackage.json"
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PortabilityError(f"{path}: tidak ada atau bukan JSON / missing or not JSON") from error
    if descriptor.get("name") != NAME or "schema_revision" not in (descriptor.get("pantau_rakor") or {}):
        raise PortabilityError(f"{path}: bukan paket data Pantau Rakor / not a Pantau Rakor data package")
    transfer.known_revision(descriptor["pantau_rakor"]["schema_revision"])
    return descriptor


def _read(folder: Path, resource: dict, table) -> tuple[list[str], list[tuple]]:
    name = resource["name"]
    path = folder / resource.get("path", f"data/{name}.csv")
    if not path.resolve().is_relative_to(folder.resolve()):
        raise PortabilityError(f"{name}: berkas di luar paket / file outside the package: {resource.get('path')}")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            found = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError) as error:
        raise PortabilityError(f"{path}: tidak terbaca / unreadable ({error})") from error
    if not found:
        raise PortabilityError(f"{path}: tanpa baris judul / no header row")
    header, body = found[0], found[1:]
    unknown = [c for c in header if c not in table.c]
    if unknown:
        raise PortabilityError(f"{name}: kolom tidak dikenal / unknown columns: {', '.join(unknown)}")
    kinds = []
    for column in header:
        sql_column = table.c[column]
        kind = package_schema.field_type(sql_column)
        parse = _boolean if kind == "boolean" else _PARSE[kind]
        kinds.append((column, parse, kind == "string" and not sql_column.nullable))
    rows = []
    for number, cells in enumerate(body, start=2):
        if len(cells) != len(header):
            raise PortabilityError(f"{name} baris/row {number}: {len(cells)} sel, judul {len(header)} / "
                                   f"{len(cells)} cells, header has {len(header)}")
        row = []
        for (column, parse, empty_text), text in zip(kinds, cells, strict=True):
            if text == package_schema.MISSING:
                row.append("" if empty_text else None)
                continue
            try:
                row.append(parse(text))
            except ValueError as error:
                raise PortabilityError(f"{name} baris/row {number}, kolom/column {column}: {text!r} "
                                       f"tidak sah / is not valid") from error
        rows.append(tuple(row))
    return header, rows


def import_package(folder: str | Path, engine: Engine) -> dict:
    """Bring the package in ``folder`` into the empty database of ``engine``; returns
    ``{"resources": {name: rows}}``. Raises ``PortabilityError`` with nothing written."""
    folder = Path(folder)
    descriptor = _descriptor(folder)
    record_tables = {t.name: t for t in package_schema.exported_tables()}
    resources = {r.get("name"): r for r in descriptor.get("resources", [])}
    unknown = sorted(str(n) for n in set(resources) - set(record_tables))
    if unknown:
        raise PortabilityError(f"sumber daya tidak dikenal / unknown resources: {', '.join(unknown)}")
    read = {name: _read(folder, resources[name], table) for name, table in record_tables.items() if name in resources}
    engine_module.migrate(engine)
    with engine.begin() as conn:
        if tables.holds_data(conn):
            raise PortabilityError("basis data tujuan sudah berisi data; tidak ada yang diubah / the target database "
                                   "already holds data; nothing was changed")
        for name, table in record_tables.items():  # foreign-key order
            if name in read and read[name][1]:
                header, rows = read[name]
                for start in range(0, len(rows), tables.CHUNK):
                    transfer.insert_rows(conn, table, header, rows[start:start + tables.CHUNK])
        cooperative_summaries.refresh(conn)
        transfer.reset_sequences(conn, package_schema.Base.metadata)
    engine_module.analyze(engine)
    return {"folder": str(folder), "resources": {name: len(rows) for name, (_, rows) in read.items()}}
