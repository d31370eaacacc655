"""Failed sign-ins counted in the database, so the limit holds across sessions and processes.

Every failed password counts against the account name typed (``kind`` "account") and against
the client address (``kind`` "address"; an office behind one NAT shares it, hence its higher
limit). When either count reaches its limit the key is locked: ``FIRST_LOCK_SECONDS`` for the
first lock, doubling with every further failure up to ``MAX_LOCK_SECONDS`` (60 s, 2 min, 4 min,
… 1 h). While locked nothing is checked, not even the right password, and the attempt is not
counted. A right password clears the account's count (not the address's). Counts with no
failure for ``FORGET_AFTER`` and no lock in force start again from one. Locks and lifts are
audited (``sign_in_locked`` / ``sign_in_unlocked``); an admin lifts a lock with
``python -m data_access user unlock NAME`` (or ``--address``).

Rule source: OWASP Authentication Cheat Sheet, "Account lockout" (count per account, lock for a
growing period, let an administrator unlock).
"""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import Engine, case, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from data_access import audit
from data_access.engine import get_engine, session_scope
from data_access.models_runtime import SignInThrottle

LIMITS = {"account": 5, "address": 20}
FIRST_LOCK_SECONDS = 60
MAX_LOCK_SECONDS = 3600
FORGET_AFTER = dt.timedelta(hours=1)
UNKNOWN_ADDRESS = "unknown"


class SignInLocked(Exception):
    """Sign-in refused without checking the password; ``seconds`` until it may be tried again."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(seconds)


def keys(username: str, address: str | None) -> dict[str, str]:
    """The counted keys of one attempt: ``{"account": name, "address": address}`` (≤ 120 chars)."""
    return {"account": (username or "").strip().lower()[:120],
            "address": (address or UNKNOWN_ADDRESS).strip()[:120] or UNKNOWN_ADDRESS}


def lock_seconds(failures: int, limit: int) -> int:
    """How long a key with ``failures`` failures waits (0 below ``limit``)."""
    if failures < limit:
        return 0
    return min(FIRST_LOCK_SECONDS * 2 ** min(failures - limit, 16), MAX_LOCK_SECONDS)


def seconds_locked(counted: dict[str, str], *, now: dt.datetime | None = None,
                   engine: Engine | None = None) -> int:
    """Seconds until the most distant lock among ``counted``'s keys ends (0: not locked)."""
    now = now or audit.utc_now()
    stmt = select(SignInThrottle.locked_until).where(
        SignInThrottle.locked_until > now,
        ((SignInThrottle.kind == "account") & (SignInThrottle.key == counted["account"]))
        | ((SignInThrottle.kind == "address") & (SignInThrottle.key == counted["address"])))
    with (engine or get_engine()).connect() as conn:
        until = [row[0] for row in conn.execute(stmt)]
    return math.ceil(max((u - now).total_seconds() for u in until)) if until else 0


def _upsert(dialect: str):
    return pg_insert if dialect == "postgresql" else sqlite_insert


def _count_one(session: Session, kind: str, key: str, now: dt.datetime) -> None:
    table = SignInThrottle.__table__
    stale = (table.c.last_failure_at < now - FORGET_AFTER) & (
        table.c.locked_until.is_(None) | (table.c.locked_until <= now))
    stmt = _upsert(session.bind.dialect.name)(table).values(kind=kind, key=key, failures=1, last_failure_at=now)
    stmt = stmt.on_conflict_do_update(index_elements=[table.c.kind, table.c.key], set_={
        "failures": case((stale, 1), else_=table.c.failures + 1), "last_failure_at": now})
    session.execute(stmt)
    failures = session.scalar(select(SignInThrottle.failures).where(SignInThrottle.kind == kind,
                                                                    SignInThrottle.key == key))
    seconds = lock_seconds(failures, LIMITS[kind])
    if seconds:
        session.execute(update(SignInThrottle).where(SignInThrottle.kind == kind, SignInThrottle.key == key)
                        .values(locked_until=now + dt.timedelta(seconds=seconds)))
        audit.record(session, username=key if kind == "account" else "-", action="sign_in_locked",
                     entity="sign_in_" + kind, entity_key=key, detail={"failures": failures, "seconds": seconds},
                     at=now)


def count_failure(counted: dict[str, str], *, now: dt.datetime | None = None, engine: Engine | None = None) -> None:
    """One failed password against both keys, locking those at their limit (one transaction)."""
    now = now or audit.utc_now()
    with session_scope(engine or get_engine()) as session:
        for kind in ("account", "address"):
            _count_one(session, kind, counted[kind], now)


def clear_account(username: str, engine: Engine | None = None) -> None:
    """A right password: the account's count starts again."""
    with session_scope(engine or get_engine()) as session:
        session.execute(delete(SignInThrottle).where(SignInThrottle.kind == "account",
                                                     SignInThrottle.key == keys(username, None)["account"]))


def lift(kind: str, key: str, *, actor: str, engine: Engine | None = None) -> bool:
    """An admin lifts the lock (and the count) of an account name or a client address; audited.
    ``False`` when nothing was counted for it."""
    if kind not in LIMITS:
        raise ValueError(f"kind must be one of {', '.join(LIMITS)}")
    key = keys(key, None)["account"] if kind == "account" else key.strip()
    with session_scope(engine or get_engine()) as session:
        removed = session.execute(delete(SignInThrottle).where(SignInThrottle.kind == kind,
                                                               SignInThrottle.key == key)).rowcount
        if removed:
            audit.record(session, username=actor, action="sign_in_unlocked", entity="sign_in_" + kind,
                         entity_key=key)
        return bool(removed)
