"""Weekly digest subscriptions and the record of every send (issue 23).

- ``subscribe(username, email=, webhook_url=, provinces=, sections=, weekday=, hour=, lang=,
  send_no_change=)`` stores a subscription of an active account; ``sections`` are the pages its digest
  covers (keys of ``models_briefing.DIGEST_SECTIONS``; empty = all; an unknown key is a ``DigestError``); ``unsubscribe(id, username)`` ends it;
  ``subscriptions(username=None)`` lists them.
- ``scope(user_province, role, wanted)``: the provinces a subscription may cover. An account limited
  to a province (``app_user.province_code``, any role but admin) receives that province only — it
  never receives figures it could not open; asking for another is a ``DigestError``. Other accounts
  receive the provinces asked for, or the whole country for none.
- Sends (``digest_send``, unique per subscription, ISO week and channel): ``claim`` takes a period
  for one sender (an INSERT the unique key lets only one replica win, or the retry of a failed send
  with a compare-and-set on ``attempts``), ``finish`` records the result, ``last_state`` is what the
  previous delivered digest saw, ``sends(...)`` lists them for Riwayat.

``DigestError(field, message)`` names the field that is wrong; nothing is stored then.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from data_access.audit import utc_now
from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.models_briefing import DIGEST_SECTIONS, DigestSend, DigestSubscription
from data_access.models_reference import Province
from data_access.models_users import User

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
IN_PROGRESS = "sending"
STALE_CLAIM = dt.timedelta(minutes=15)
"""A claim older than this whose sender never finished (a crash) is retried by the next run."""
SUBSCRIPTION_COLUMNS = ["id", "username", "user_province", "role", "email", "webhook_url", "provinces", "sections",
                        "weekday", "hour", "lang", "send_no_change", "active"]
SEND_COLUMNS = ["id", "subscription_id", "username", "period", "channel", "status", "attempts", "sent_at",
                "recipient", "subject", "error"]


class DigestError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field


def scope(user_province: str | None, role: str, wanted: tuple[str, ...]) -> tuple[str, ...]:
    """The provinces a subscription of this account covers (``()`` = national); see the module rule."""
    if user_province and role != "admin":
        outside = [p for p in wanted if p != user_province]
        if outside:
            raise DigestError("provinces", f"{', '.join(outside)} outside the account's province {user_province}")
        return (user_province,)
    return tuple(dict.fromkeys(wanted))


def sections_of(value: str | None) -> tuple[str, ...]:
    """The stored ``sections`` text as keys in ``DIGEST_SECTIONS`` order (empty / ``None`` = all)."""
    chosen = {s.strip() for s in (value or "").split(",") if s.strip()}
    return tuple(s for s in DIGEST_SECTIONS if s in chosen) or DIGEST_SECTIONS


def subscribe(username: str, *, email: str | None = None, webhook_url: str | None = None,
              provinces: tuple[str, ...] = (), sections: tuple[str, ...] = (), weekday: int = 0, hour: int = 7,
              lang: str = "id", send_no_change: bool = True, engine: Engine | None = None) -> int:
    """Store a subscription; returns its id. ``weekday`` 0 = Monday; ``hour`` 0–23 WIB."""
    unknown = [s for s in sections if s not in DIGEST_SECTIONS]
    if unknown:
        raise DigestError("sections", f"unknown {', '.join(unknown)}; choose from {', '.join(DIGEST_SECTIONS)}")
    chosen_sections = ",".join(sections_of(",".join(sections)))
    email = (email or "").strip() or None
    webhook_url = (webhook_url or "").strip() or None
    if email is None and webhook_url is None:
        raise DigestError("email", "give an e-mail address or a webhook URL")
    if email and not EMAIL.match(email):
        raise DigestError("email", f"{email[:80]!r} is not an e-mail address")
    if webhook_url and not re.match(r"^https?://\S+$", webhook_url):
        raise DigestError("webhook_url", "must start with http:// or https://")
    if not (0 <= weekday <= 6 and 0 <= hour <= 23):
        raise DigestError("schedule", "weekday 0-6 and hour 0-23")
    if lang not in ("id", "en"):
        raise DigestError("lang", "id or en")
    engine = engine or get_engine()
    with engine.begin() as conn:
        user = conn.execute(select(User.id, User.province_code, User.role, User.active)
                            .where(User.username == username)).first()
        if user is None or not user.active:
            raise DigestError("username", f"no active account {username!r}")
        chosen = scope(user.province_code, user.role, provinces)
        known = set(conn.execute(select(Province.code).where(Province.code.in_(chosen))).scalars())
        if set(chosen) - known:
            raise DigestError("provinces", f"unknown province {', '.join(sorted(set(chosen) - known))}")
        return conn.execute(insert(DigestSubscription).returning(DigestSubscription.id), {
            "user_id": user.id, "email": email, "webhook_url": webhook_url, "provinces": ",".join(chosen),
            "sections": chosen_sections, "weekday": weekday, "hour": hour, "lang": lang,
            "send_no_change": send_no_change, "active": True,
            "created_at": utc_now()}).scalar_one()


def unsubscribe(subscription_id: int, username: str, engine: Engine | None = None) -> bool:
    """End a subscription of ``username``; ``False`` when it is not theirs or not there."""
    mine = select(User.id).where(User.username == username).scalar_subquery()
    with (engine or get_engine()).begin() as conn:
        done = conn.execute(update(DigestSubscription).where(
            DigestSubscription.id == subscription_id, DigestSubscription.user_id == mine).values(active=False))
    return done.rowcount == 1


def subscriptions(username: str | None = None, engine: Engine | None = None) -> pd.DataFrame:
    """Active subscriptions (of ``username`` when given), oldest first. Columns: ``SUBSCRIPTION_COLUMNS``."""
    stmt = (select(DigestSubscription.id, User.username, User.province_code, User.role, DigestSubscription.email,
                   DigestSubscription.webhook_url, DigestSubscription.provinces, DigestSubscription.sections,
                   DigestSubscription.weekday,
                   DigestSubscription.hour, DigestSubscription.lang, DigestSubscription.send_no_change,
                   DigestSubscription.active)
            .join(User, User.id == DigestSubscription.user_id)
            .where(DigestSubscription.active.is_(True), User.active.is_(True)).order_by(DigestSubscription.id))
    if username is not None:
        stmt = stmt.where(User.username == username)
    with (engine or get_engine()).connect() as conn:
        frame = read_frame(conn, stmt, SUBSCRIPTION_COLUMNS)
    for column in ("email", "webhook_url", "user_province"):  # missing stays None, never NaN
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def claim(subscription_id: int, period: str, channel: str, recipient: str, *, now: dt.datetime | None = None,
          engine: Engine | None = None) -> int | None:
    """Take ``period`` of this subscription and channel for this sender: the send's id, or ``None`` when it
    is delivered already or another sender holds it (a claim younger than ``STALE_CLAIM``)."""
    now = now or utc_now()
    engine = engine or get_engine()
    row = {"subscription_id": subscription_id, "period": period, "channel": channel, "status": "failed",
           "attempts": 1, "sent_at": now, "recipient": recipient[:1000], "subject": "", "error": IN_PROGRESS,
           "state": "{}"}
    try:
        with engine.begin() as conn:
            return conn.execute(insert(DigestSend).returning(DigestSend.id), row).scalar_one()
    except IntegrityError:
        pass
    with engine.begin() as conn:
        found = conn.execute(select(DigestSend.id, DigestSend.status, DigestSend.attempts, DigestSend.error,
                                    DigestSend.sent_at).where(DigestSend.subscription_id == subscription_id,
                                                              DigestSend.period == period,
                                                              DigestSend.channel == channel)).one()
        if found.status != "failed" or (found.error == IN_PROGRESS and now - found.sent_at < STALE_CLAIM):
            return None
        taken = conn.execute(update(DigestSend).where(DigestSend.id == found.id, DigestSend.attempts == found.attempts)
                             .values(attempts=found.attempts + 1, error=IN_PROGRESS, sent_at=now))
        return found.id if taken.rowcount == 1 else None


def finish(send_id: int, *, status: str, subject: str, state: str, error: str | None = None,
           engine: Engine | None = None) -> None:
    """Record the result of a claimed send (``status`` sent / failed / no_change)."""
    with (engine or get_engine()).begin() as conn:
        conn.execute(update(DigestSend).where(DigestSend.id == send_id).values(
            status=status, subject=subject[:300], state=state, error=(error or None) and error[:2000],
            sent_at=utc_now()))


def last_state(subscription_id: int, channel: str, before_period: str, engine: Engine | None = None) -> str | None:
    """The ``state`` JSON of the latest delivered digest before ``before_period`` (``None``: first digest)."""
    stmt = (select(DigestSend.state).where(DigestSend.subscription_id == subscription_id, DigestSend.channel == channel,
                                           DigestSend.status.in_(("sent", "no_change")),
                                           DigestSend.period < before_period)
            .order_by(DigestSend.period.desc()).limit(1))
    with (engine or get_engine()).connect() as conn:
        return conn.execute(stmt).scalar()


def sends(username: str | None = None, since: dt.datetime | None = None, limit: int = 500,
          engine: Engine | None = None) -> pd.DataFrame:
    """Digest sends, newest first (of ``username``'s subscriptions when given). Columns: ``SEND_COLUMNS``;
    ``status`` ``failed`` with ``error`` "sending" is a send under way (or a crashed one, retried)."""
    stmt = (select(DigestSend.id, DigestSend.subscription_id, User.username, DigestSend.period, DigestSend.channel,
                   DigestSend.status, DigestSend.attempts, DigestSend.sent_at, DigestSend.recipient,
                   DigestSend.subject, DigestSend.error)
            .join(DigestSubscription, DigestSubscription.id == DigestSend.subscription_id)
            .join(User, User.id == DigestSubscription.user_id)
            .order_by(DigestSend.sent_at.desc(), DigestSend.id.desc()).limit(limit))
    if username is not None:
        stmt = stmt.where(User.username == username)
    if since is not None:
        stmt = stmt.where(DigestSend.sent_at >= since)
    with (engine or get_engine()).connect() as conn:
        return read_frame(conn, stmt, SEND_COLUMNS)


def count_sends(engine: Engine | None = None) -> int:
    with (engine or get_engine()).connect() as conn:
        return int(conn.execute(select(func.count()).select_from(DigestSend)).scalar_one())
