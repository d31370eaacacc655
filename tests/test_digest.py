"""Weekly digest (issue 23) against a real SMTP server on loopback (aiosmtpd) and a local HTTP receiver
for the webhook, on SQLite and PostgreSQL: the message, its scope, idempotence per ISO week, a server
that refuses and a server that is down (both recorded and retried)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy.orm import Session

from briefing import digest_send
from data_access import auth, digest
from data_access import engine as engine_module
from data_access.models_meetings import Meeting
from data_access.models_reference import Source

MONDAY_W50 = dt.datetime(2026, 12, 7, 3, 0, tzinfo=dt.UTC)  # 10.00 WIB
MONDAY_W51 = MONDAY_W50 + dt.timedelta(days=7)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """aiosmtpd handler keeping every message; ``refuse`` answers 550 instead."""

    def __init__(self):
        self.messages: list[tuple[list[str], str]] = []
        self.refuse = False

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "550 mailbox unavailable"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, f"{message['Subject']}\n{message.get_content()}"))
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield inbox, digest_send.Smtp(host="127.0.0.1", port=controller.port, sender="pantau@test.invalid")
    controller.stop()


@pytest.fixture
def webhook():
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield received, f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()


def _setup(url):
    eng = engine_module.prepare_database(engine_module.get_engine(url), with_demo=False)
    auth.add_user("ntt", role="viewer", password=None, province_code="53", actor="test", engine=eng)
    auth.add_user("jabar", role="editor", password=None, province_code="32", actor="test", engine=eng)
    return eng


def _add_meeting(eng, province: str, title: str) -> None:
    with Session(eng) as session, session.begin():
        source = Source(key=f"test:{title}", kind="news", outlet="Antara", headline=title,
                        url="https://example.org/x", published_on=dt.date(2026, 12, 8))
        session.add(Meeting(title=title, kind="rakor", level="provinsi", held_on=dt.date(2026, 12, 20),
                            status="planned", province_code=province, source=source))


def test_digest_message_scope_and_idempotence(prepared_db_url, smtp_server, webhook):
    inbox, smtp = smtp_server
    received, hook_url = webhook
    eng = _setup(prepared_db_url)
    with pytest.raises(digest.DigestError) as refused:  # never figures the account could not open
        digest.subscribe("ntt", email="ntt@example.org", provinces=("32",), engine=eng)
    assert refused.value.field == "provinces"
    ntt = digest.subscribe("ntt", email="ntt@example.org", webhook_url=hook_url, engine=eng)
    digest.subscribe("jabar", email="jabar@example.org", lang="en", engine=eng)

    first = digest_send.run(MONDAY_W50, eng, smtp)
    assert sorted((r["recipient"], r["status"]) for r in first) == [
        (hook_url, "sent"), ("jabar@example.org", "sent"), ("ntt@example.org", "sent")]
    assert len(inbox.messages) == 2 and len(received) == 1
    assert digest_send.run(MONDAY_W50 + dt.timedelta(hours=5), eng, smtp) == []  # same week: nothing new
    assert len(inbox.messages) == 2 and len(received) == 1

    _add_meeting(eng, "53", "Rakor Koperasi Merah Putih NTT Desember")
    second = digest_send.run(MONDAY_W51, eng, smtp)
    assert {r["status"] for r in second} == {"sent"}
    by_recipient = {to[0]: body for to, body in inbox.messages[2:]}
    assert "Rakor baru: Rakor Koperasi Merah Putih NTT Desember" in by_recipient["ntt@example.org"]
    assert "Nusa Tenggara Timur" in by_recipient["ntt@example.org"]
    assert "/rakor?prov=53" in by_recipient["ntt@example.org"]
    assert "NTT Desember" not in by_recipient["jabar@example.org"]  # another province's news stays there
    assert "No change since the last digest." in by_recipient["jabar@example.org"]
    assert received[-1]["changed"] and received[-1]["items"][0]["kind"] == "meeting_new"
    sends = digest.sends(engine=eng)
    assert len(sends) == 6 and set(sends["status"]) == {"sent"}
    assert set(sends.loc[sends["subscription_id"] == ntt, "period"]) == {"2026-W50", "2026-W51"}


def test_refused_and_down_servers_are_recorded_and_retried(prepared_db_url, smtp_server):
    inbox, smtp = smtp_server
    eng = _setup(prepared_db_url)
    digest.subscribe("ntt", email="ntt@example.org", webhook_url=f"http://127.0.0.1:{_free_port()}/down", engine=eng)
    inbox.refuse = True
    results = {r["channel"]: r for r in digest_send.run(MONDAY_W50, eng, smtp)}
    assert results["email"]["status"] == "failed" and "550" in results["email"]["error"]
    assert results["webhook"]["status"] == "failed" and "refused" in results["webhook"]["error"].lower()
    inbox.refuse = False
    retried = digest_send.run(MONDAY_W50 + dt.timedelta(hours=1), eng, smtp)
    assert {(r["channel"], r["status"]) for r in retried} == {("email", "sent"), ("webhook", "failed")}
    rows = digest.sends(engine=eng).set_index("channel")
    assert rows.loc["email", "attempts"] == 2 and rows.loc["email", "status"] == "sent"
    assert rows.loc["webhook", "attempts"] == 2 and rows.loc["webhook", "status"] == "failed"
    assert len(inbox.messages) == 1
