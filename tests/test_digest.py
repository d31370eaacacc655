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
from data_access import auth, digest, preparation
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
    eng = preparation.prepare_database(engine_module.get_engine(url), with_demo=False)
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


def test_demo_only_where_the_areas_hold_nothing_else(prepared_sqlite_url):
    """NTT has real records: its digest leaves the demo rows out. NTB's records in the small demo set are
    all synthetic: its digest shows them, marked DEMO."""
    from sqlalchemy import select

    from briefing.digest_message import compose
    from data_access import demo, digest_changes
    from data_access.models_reference import Source

    eng = preparation.prepare_database(engine_module.get_engine(prepared_sqlite_url), with_demo=False)
    demo.generate(eng, "small", 42)
    with Session(eng) as session:  # which meetings are demo, read directly
        kinds = dict(session.execute(select(Meeting.id, Source.kind).join(Source, Source.id == Meeting.source_id)).all())
    ntt = digest_changes.state(("53",), dt.date(2026, 12, 7), engine=eng)
    assert not ntt["demo"] and ntt["meetings"]
    assert all(kinds[int(key)] != "synthetic" for key in ntt["meetings"])
    ntb = digest_changes.state(("52",), dt.date(2026, 12, 7), engine=eng)
    assert ntb["demo"] and all(kinds[int(key)] == "synthetic" for key in ntb["meetings"])
    message = compose(digest_changes.changes(None, ntb), ntb, lang="id", period="2026-W50",
                      area="Nusa Tenggara Barat", first=True)
    assert message.body.startswith("DEMO: wilayah ini hanya memiliki data sintetis") and message.payload["demo"]


def test_smtp_settings_from_the_environment_or_secrets(tmp_path):
    secrets = tmp_path / "secrets.toml"
    assert digest_send.smtp_settings({}, secrets) is None  # nothing configured: e-mail sends fail, recorded
    secrets.write_text('[smtp]\nhost = "mail.ntt.go.id"\nport = 587\nstarttls = true\nfrom = "pantau@ntt.go.id"\n')
    from_file = digest_send.smtp_settings({}, secrets)
    assert (from_file.host, from_file.port, from_file.starttls, from_file.sender) == \
        ("mail.ntt.go.id", 587, True, "pantau@ntt.go.id")
    from_env = digest_send.smtp_settings({"PANTAU_SMTP_HOST": "127.0.0.1", "PANTAU_SMTP_PORT": "2525",
                                          "PANTAU_SMTP_USER": "u", "PANTAU_SMTP_PASSWORD": "p"}, secrets)
    assert (from_env.host, from_env.port, from_env.user, from_env.password, from_env.starttls) == \
        ("127.0.0.1", 2525, "u", "p", False)


def test_a_subscription_receives_only_its_chosen_sections(prepared_db_url, smtp_server, webhook, capsys):
    """``digest subscribe --bagian`` stores the pages; the digest then holds only their items and names them."""
    from data_access.__main__ import main as cli

    inbox, smtp = smtp_server
    received, hook_url = webhook
    eng = _setup(prepared_db_url)
    assert cli(["--database-url", prepared_db_url, "digest", "subscribe", "ntt", "--email", "x@example.org",
                "--bagian", "rakor,kabupaten"]) == 2  # an unknown page: refused, nothing stored
    assert "sections: unknown kabupaten" in capsys.readouterr().err and digest.subscriptions(engine=eng).empty
    assert cli(["--database-url", prepared_db_url, "digest", "subscribe", "ntt", "--email", "pokja@example.org",
                "--webhook", hook_url, "--bagian", "koperasi,pokja"]) == 0
    assert cli(["--database-url", prepared_db_url, "digest", "subscribe", "ntt", "--email", "semua@example.org"]) == 0
    assert cli(["--database-url", prepared_db_url, "digest", "subscribe", "ntt", "--email", "sepi@example.org",
                "--bagian", "koperasi", "--quiet-when-unchanged"]) == 0  # nothing changed: no message at all
    chosen = digest.subscriptions(engine=eng).set_index("email")["sections"]
    assert chosen["pokja@example.org"] == "pokja,koperasi"  # stored in the pages' order
    assert chosen["semua@example.org"] == "rakor,pokja,merah-putih,koperasi"  # the default: every page

    digest_send.run(MONDAY_W50, eng, smtp)
    _add_meeting(eng, "53", "Rakor Pokja NTT Desember")
    second = {r["recipient"]: r["status"] for r in digest_send.run(MONDAY_W51, eng, smtp)}
    assert second["sepi@example.org"] == "no_change" and second["pokja@example.org"] == "sent"
    assert [to for to, _ in inbox.messages].count(["sepi@example.org"]) == 1  # the first digest only
    latest = {to[0]: body for to, body in inbox.messages}
    assert "Rakor baru: Rakor Pokja NTT Desember" in latest["semua@example.org"]
    assert "Rakor Pokja NTT Desember" not in latest["pokja@example.org"]
    assert "Tidak ada perubahan sejak ringkasan terakhir." in latest["pokja@example.org"]
    assert "Bagian: Pokja/Satgas (tahap dan keterlambatan); Angka koperasi yang dilaporkan" in latest["pokja@example.org"]
    assert "Bagian:" not in latest["semua@example.org"]
    assert received[-1]["sections"] == ["pokja", "koperasi"] and received[-1]["items"] == []


def test_in_sections_keeps_each_kind_with_its_page():
    from data_access import digest_changes

    before = {"meetings": {"1": {"held_on": "2026-12-01", "title": "A", "status": "planned", "upcoming": True,
                                 "province": "53"}},
              "pokja": {"53.04|m": {"regency": "Kabupaten Belu", "province": "53", "stage": "belum", "overdue": False}},
              "kdmp": {"53.04": {"name": "Kabupaten Belu", "operating": 1, "stalled": 0}}, "counts": {}}
    after = {"meetings": {"1": {**before["meetings"]["1"], "upcoming": False, "status": "held"},
                          "2": before["meetings"]["1"]},
             "pokja": {"53.04|m": {**before["pokja"]["53.04|m"], "stage": "persiapan", "overdue": True}},
             "kdmp": {"53.04": {"name": "Kabupaten Belu", "operating": 2, "stalled": 1}},
             "counts": {"9": {"outlet": "Antara", "headline": "h", "url": "u", "published_on": None, "rows": 1}}}
    items = digest_changes.changes(before, after)
    assert sorted(i["kind"] for i in items) == sorted(digest_changes.KINDS)
    kinds = {section: {i["kind"] for i in digest_changes.in_sections(items, (section,))}
             for section in ("rakor", "pokja", "merah-putih", "koperasi")}
    assert kinds == {"rakor": {"meeting_held", "meeting_new"}, "pokja": {"pokja_stage", "overdue_new"},
                     "merah-putih": {"kdmp_progress", "kdmp_stalled"}, "koperasi": {"count_new"}}
    assert digest_changes.in_sections(items, ()) == []
    from briefing.digest_message import compose

    english = compose(digest_changes.in_sections(items, ("merah-putih",)), after, lang="en", period="2026-W51",
                      area="Nusa Tenggara Timur", first=False, sections=("merah-putih",), base_url="https://p.example")
    assert "Sections: KDMP (progress and stalls)" in english.body
    assert "KDMP Kabupaten Belu: operating 1 → 2" in english.body and "Pokja" not in english.body
    assert "https://p.example/merah-putih?prov=53&kab=53.04&bahasa=en" in english.body


def test_one_sender_wins_the_week_among_replicas(prepared_db_url):
    """Several senders (replicas running the timer at once) claim the same week: exactly one gets it; a
    claim whose sender crashed is taken again only once it is older than ``STALE_CLAIM``."""
    from concurrent.futures import ThreadPoolExecutor

    eng = _setup(prepared_db_url)
    sub = digest.subscribe("ntt", email="ntt@example.org", engine=eng)
    now = dt.datetime(2026, 12, 7, 3, 0)
    with ThreadPoolExecutor(4) as pool:
        won = list(pool.map(lambda _: digest.claim(sub, "2026-W50", "email", "ntt@example.org", now=now, engine=eng),
                            range(4)))
    assert len([w for w in won if w is not None]) == 1
    later = now + digest.STALE_CLAIM / 2
    assert digest.claim(sub, "2026-W50", "email", "ntt@example.org", now=later, engine=eng) is None  # still held
    crashed = now + digest.STALE_CLAIM + dt.timedelta(seconds=1)
    retaken = digest.claim(sub, "2026-W50", "email", "ntt@example.org", now=crashed, engine=eng)
    assert retaken is not None and digest.sends(engine=eng)["attempts"].tolist() == [2]
    digest.finish(retaken, status="sent", subject="s", state="{}", engine=eng)
    assert digest.claim(sub, "2026-W50", "email", "ntt@example.org", now=crashed, engine=eng) is None  # delivered
