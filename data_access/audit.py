"""The audit trail: who changed what, when, from which source.

Every write — an import, an undo, a saved news extraction, an account change —
adds one ``AuditEntry`` in the same transaction as the change itself, so there
is never a change without its entry nor an entry without its change. Entries are
never updated or deleted. ``entries`` lists them for the "Riwayat" page.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.models_users import AuditEntry

ENTRY_COLUMNS = ["id", "at", "username", "action", "entity", "entity_key", "batch_id", "source_id", "detail"]
ENTRY_LIMIT = 5_000


def utc_now() -> dt.datetime:
    """Now in UTC, without tzinfo (both backends store it as given)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def record(session: Session, *, username: str, action: str, entity: str, entity_key: str | None = None,
           batch_id: int | None = None, source_id: int | None = None, detail: dict | str | None = None,
           at: dt.datetime | None = None) -> AuditEntry:
    """Append one entry inside the caller's transaction."""
    if isinstance(detail, dict):
        detail = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    entry = AuditEntry(at=at or utc_now(), username=username[:120], action=action[:30], entity=entity[:40],
                       entity_key=(entity_key or None) and entity_key[:300], batch_id=batch_id,
                       source_id=source_id, detail=detail)
    session.add(entry)
    session.flush()
    return entry


def entries(actions: tuple[str, ...] = (), username: str | None = None, date_from: dt.date | None = None,
            date_to: dt.date | None = None, limit: int = ENTRY_LIMIT, engine: Engine | None = None) -> pd.DataFrame:
    """Audit entries, newest first, filtered in SQL by action, user and day (UTC, both ends
    included). Columns: ``ENTRY_COLUMNS`` (``detail`` is JSON text)."""
    stmt = select(*(getattr(AuditEntry, c) for c in ENTRY_COLUMNS))
    if actions:
        stmt = stmt.where(AuditEntry.action.in_(actions))
    if username:
        stmt = stmt.where(AuditEntry.username == username)
    if date_from:
        stmt = stmt.where(AuditEntry.at >= dt.datetime.combine(date_from, dt.time.min))
    if date_to:
        stmt = stmt.where(AuditEntry.at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    stmt = stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    with (engine or get_engine()).connect() as conn:
        return read_frame(conn, stmt, ENTRY_COLUMNS)


def choices(engine: Engine | None = None) -> pd.DataFrame:
    """The actions and users that occur, with counts (for the filters). Columns: ``kind``, ``value``, ``entries``."""
    with (engine or get_engine()).connect() as conn:
        action_rows = conn.execute(select(AuditEntry.action, func.count()).group_by(AuditEntry.action)).all()
        user_rows = conn.execute(select(AuditEntry.username, func.count()).group_by(AuditEntry.username)).all()
    rows = [("action", a, n) for a, n in action_rows] + [("username", u, n) for u, n in user_rows]
    return pd.DataFrame(sorted(rows), columns=["kind", "value", "entries"])
