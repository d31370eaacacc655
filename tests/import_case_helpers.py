"""Shared pieces of the import case tests: one database per backend per module, the case files
(copied from ../shared/cases/files), and reading stored figures back with plain SQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from data_access import auth, imports, preparation
from data_access import engine as engine_module

CASES = Path(__file__).parent / "cases" / "files"
PASSWORD = "kata-sandi-uji-123"


def prepared_engine(url: str):
    engine = engine_module.get_engine(url)
    preparation.prepare_database(engine, with_demo=False)
    auth.add_user("editor", role="editor", password=PASSWORD, actor="test", engine=engine)
    return engine


def case(name: str) -> bytes:
    return (CASES / name).read_bytes()


def counts_by_area(engine) -> dict[str, set[tuple]]:
    """area_code → {(as_of, total, active, inactive, precision, note, source key)} straight from SQL."""
    found: dict[str, set[tuple]] = {}
    with engine.connect() as conn:
        for row in conn.execute(text(
                "SELECT c.area_code, c.as_of, c.total, c.active, c.inactive, c.as_of_precision, c.note, s.key "
                "FROM cooperative_count c JOIN source s ON s.id = c.source_id")):
            as_of = row[1] if isinstance(row[1], dt.date) else dt.date.fromisoformat(str(row[1])[:10])
            found.setdefault(row[0], set()).add((as_of, *row[2:]))
    return found


def changed_areas(before: dict, after: dict) -> set[str]:
    return {area for area in set(before) | set(after) if before.get(area, set()) != after.get(area, set())}


def import_and_undo(engine, kind: str, data: bytes, name: str, check, **options) -> imports.ImportReport:
    """Commit the file, run ``check(report)`` on the database as it is then, undo the batch."""
    report = imports.commit(kind, data, name, user="editor", engine=engine, **options)
    try:
        check(report)
    finally:
        if report.batch_id is not None:
            assert imports.undo(report.batch_id, user="editor", engine=engine).done
    return report
