"""Saved column mappings ("formats", issue 18 rule 4): save, find for a file, list, remove.

- ``signature(headers)``: the header set a format matches — ``header_key`` of each non-empty
  header, distinct, sorted, joined by ``|`` (order and spelling case do not matter).
- ``save(kind, name, headers, mapping, user=...)`` → id; the same name for the kind replaces the
  earlier mapping (who and when updated). ``ValueError`` for an empty name or mapping.
- ``matching(kind, headers)`` → ``[{id, name, mapping, created_by, created_at}]`` of that header set.
- ``listed()`` → DataFrame ``id, kind, name, columns, created_by, created_at``; ``remove(id)`` → bool.
A saved mapping goes through ``run_import(columns=...)`` like any other: it never overrides the
no-collapse and level rules.
"""

from __future__ import annotations

import json

import pandas as pd
from sqlalchemy import Engine, delete, select

from data_access import audit
from data_access.engine import get_engine, session_scope
from data_access.frames import read_frame
from data_access.imports.parsing import header_key
from data_access.models_formats import ImportFormat

LISTED_COLUMNS = ["id", "kind", "name", "columns", "created_by", "created_at"]


def signature(headers: list[str]) -> str:
    return "|".join(sorted({header_key(h) for h in headers if header_key(h)}))


def save(kind: str, name: str, headers: list[str], mapping: dict[str, str], *, user: str,
         engine: Engine | None = None) -> int:
    name = " ".join(name.split())[:120]
    if not name or not mapping:
        raise ValueError("a format needs a name and at least one column choice")
    with session_scope(engine or get_engine()) as session:
        found = session.scalar(select(ImportFormat).where(ImportFormat.kind == kind, ImportFormat.name == name))
        if found is None:
            found = ImportFormat(kind=kind, name=name)
            session.add(found)
        found.signature, found.headers = signature(headers), json.dumps(list(headers), ensure_ascii=False)
        found.mapping = json.dumps(mapping, ensure_ascii=False)
        found.created_by, found.created_at = user[:100], audit.utc_now()
        session.flush()
        return found.id


def matching(kind: str, headers: list[str], engine: Engine | None = None) -> list[dict]:
    with session_scope(engine or get_engine()) as session:
        rows = session.execute(select(ImportFormat.id, ImportFormat.name, ImportFormat.mapping,
                                      ImportFormat.created_by, ImportFormat.created_at)
                               .where(ImportFormat.kind == kind, ImportFormat.signature == signature(headers))
                               .order_by(ImportFormat.created_at.desc(), ImportFormat.id.desc())).all()
    return [{"id": r.id, "name": r.name, "mapping": json.loads(r.mapping), "created_by": r.created_by,
             "created_at": r.created_at} for r in rows]


def by_name(kind: str, name: str, engine: Engine | None = None) -> dict[str, str] | None:
    with session_scope(engine or get_engine()) as session:
        text = session.scalar(select(ImportFormat.mapping).where(ImportFormat.kind == kind,
                                                                 ImportFormat.name == " ".join(name.split())))
    return json.loads(text) if text else None


def listed(engine: Engine | None = None) -> pd.DataFrame:
    """Every saved format: ``id, kind, name, columns`` (how many column choices), ``created_by, created_at``."""
    stmt = select(ImportFormat.id, ImportFormat.kind, ImportFormat.name, ImportFormat.mapping,
                  ImportFormat.created_by, ImportFormat.created_at).order_by(ImportFormat.kind, ImportFormat.name)
    with (engine or get_engine()).connect() as conn:
        frame = read_frame(conn, stmt, ["id", "kind", "name", "mapping", "created_by", "created_at"])
    frame["columns"] = [len(json.loads(m)) for m in frame["mapping"]]
    return frame[LISTED_COLUMNS]


def remove(format_id: int, engine: Engine | None = None) -> bool:
    with session_scope(engine or get_engine()) as session:
        return session.execute(delete(ImportFormat).where(ImportFormat.id == format_id)).rowcount > 0
