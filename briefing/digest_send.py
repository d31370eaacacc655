"""Send the weekly digests that are due: ``python -m data_access digest send`` (cron or a systemd
timer, see ``deploy/digest/``).

``run(now=None, engine=None, smtp=None) -> list[dict]``: for every active subscription whose day
and hour (WIB) have come in the current ISO week, for each of its channels (e-mail, webhook): claim
the week (``data_access.digest.claim``: one sender for N replicas; a delivered week is skipped, a
failed one retried), read the areas' figures, compare with the last delivered digest, keep the
items of the subscription's sections (pages), compose the message and send it; every send is recorded with its result (``digest_send``), shown on Riwayat.

SMTP settings come from the environment (``PANTAU_SMTP_HOST``, ``_PORT`` (25), ``_USER``,
``_PASSWORD``, ``_FROM``, ``_STARTTLS`` = 1, ``_SSL`` = 1) or else the ``[smtp]`` table of
``.streamlit/secrets.toml`` (keys ``host``, ``port``, ``user``, ``password``, ``from``, ``starttls``,
``ssl``). Webhooks get the message's JSON payload by HTTP POST (``Content-Type: application/json``);
any answer other than 2xx is a failed send.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import smtplib
import tomllib
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from briefing import text
from briefing.digest_message import compose
from data_access import digest, digest_changes, regions
from data_access.engine import get_engine

WIB = ZoneInfo("Asia/Jakarta")
SECRETS = Path(".streamlit/secrets.toml")
TIMEOUT_S = 20


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int = 25
    user: str | None = None
    password: str | None = None
    sender: str = "pantau-rakor@localhost"
    starttls: bool = False
    ssl: bool = False


def smtp_settings(environ=os.environ, secrets: Path = SECRETS) -> Smtp | None:
    """SMTP settings from the environment, else ``secrets.toml``; ``None`` when neither names a host."""
    table = {}
    if environ.get("PANTAU_SMTP_HOST"):
        table = {key: environ.get(f"PANTAU_SMTP_{key.upper()}") for key in
                 ("host", "port", "user", "password", "from", "starttls", "ssl")}
    elif secrets.exists():
        table = tomllib.loads(secrets.read_text(encoding="utf-8")).get("smtp", {})
    if not table.get("host"):
        return None
    flag = {"1", "true", "yes", "ya"}
    return Smtp(host=str(table["host"]), port=int(table.get("port") or 25), user=table.get("user") or None,
                password=table.get("password") or None, sender=table.get("from") or Smtp.sender,
                starttls=str(table.get("starttls") or "").lower() in flag, ssl=str(table.get("ssl") or "").lower() in flag)


def send_email(settings: Smtp, to: str, subject: str, body: str) -> None:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = settings.sender, to, subject
    message.set_content(body)
    client = smtplib.SMTP_SSL if settings.ssl else smtplib.SMTP
    with client(settings.host, settings.port, timeout=TIMEOUT_S) as server:
        if settings.starttls:
            server.starttls()
        if settings.user:
            server.login(settings.user, settings.password or "")
        server.send_message(message)


def post_webhook(url: str, payload: dict) -> None:
    request = urllib.request.Request(url, data=json.dumps(payload, ensure_ascii=False).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:  # noqa: S310 - the subscriber's own URL
        if not 200 <= answer.status < 300:
            raise OSError(f"HTTP {answer.status}")


def period_of(moment: dt.datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def is_due(weekday: int, hour: int, local: dt.datetime) -> bool:
    """The subscription's day and hour have come in ``local``'s ISO week."""
    return (local.weekday(), local.hour) >= (weekday, hour)


def run(now: dt.datetime | None = None, engine: Engine | None = None, smtp: Smtp | None = None) -> list[dict]:
    """Send what is due at ``now`` (aware, default: now); returns one result per channel attempted."""
    engine = engine or get_engine()
    local = (now or dt.datetime.now(dt.UTC)).astimezone(WIB)
    period = period_of(local)
    smtp = smtp or smtp_settings()
    names = regions.provinces(engine).set_index("code")["name"].to_dict()
    results = []
    for sub in digest.subscriptions(engine=engine).itertuples(index=False):
        if not is_due(sub.weekday, sub.hour, local):
            continue
        provinces = tuple(p for p in sub.provinces.split(",") if p)
        area = ", ".join(names.get(p, p) for p in provinces) or text("bp_national", sub.lang)
        state = None
        for channel, target in (("email", sub.email), ("webhook", sub.webhook_url)):
            if not target:
                continue
            send_id = digest.claim(sub.id, period, channel, target, now=local.astimezone(dt.UTC).replace(tzinfo=None),
                                   engine=engine)
            if send_id is None:
                continue
            state = state or digest_changes.state(provinces, local.date(), engine=engine)
            before = digest.last_state(sub.id, channel, period, engine=engine)
            sections = digest.sections_of(sub.sections)
            items = digest_changes.in_sections(
                digest_changes.changes(json.loads(before) if before else None, state), sections)
            message = compose(items, state, lang=sub.lang, period=period, area=area, first=before is None,
                              sections=sections)
            status, error = "sent", None
            if before is not None and not message.changed and not sub.send_no_change:
                status = "no_change"
            else:
                try:
                    if channel == "email":
                        if smtp is None:
                            raise OSError("no SMTP settings (PANTAU_SMTP_HOST or [smtp] in secrets.toml)")
                        send_email(smtp, target, message.subject, message.body)
                    else:
                        post_webhook(target, message.payload)
                except (OSError, smtplib.SMTPException) as failure:
                    status, error = "failed", f"{type(failure).__name__}: {failure}"
            digest.finish(send_id, status=status, subject=message.subject, error=error,
                          state=json.dumps(state, ensure_ascii=False), engine=engine)
            results.append({"subscription": int(sub.id), "channel": channel, "recipient": target, "period": period,
                            "status": status, "items": len(items), "error": error})
    return results
