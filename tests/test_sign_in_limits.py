"""Sign-in limits kept in the database: they hold across fresh sessions and across server
processes (two engines, as two processes have), grow, end, and can be lifted by an admin."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import create_engine, select

from data_access import audit, auth, preparation, sign_in_limits
from data_access import engine as engine_module
from data_access.__main__ import main as cli
from data_access.models_users import AuditEntry
from data_access.sign_in_limits import LIMITS, SignInLocked, lock_seconds
from tests.apptest_helpers import app

PASSWORD = "kata-sandi-uji-123"
WRONG = "salah-sekali-123"
T0 = dt.datetime(2026, 11, 30, 9, 0, 0)


@pytest.fixture
def two_servers(prepared_db_url, monkeypatch):
    """Two engines on one database (separate pools, as two server processes have), an editor,
    and a clock the test moves (``clock[0]``)."""
    first = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    auth.add_user("editor", role="editor", password=PASSWORD, actor="test", engine=first)
    second = create_engine(prepared_db_url)
    clock = [T0]
    monkeypatch.setattr(audit, "utc_now", lambda: clock[0])
    yield first, second, clock
    second.dispose()


def _try(engine, password: str, address: str, username: str = "editor"):
    try:
        return auth.sign_in(username, password, address=address, engine=engine)
    except SignInLocked as locked:
        return locked


def test_twenty_wrong_passwords_across_two_servers_then_the_right_one_waits(two_servers):
    first, second, clock = two_servers
    limit = LIMITS["account"]
    outcomes = [_try((first, second)[i % 2], WRONG, f"10.0.0.{i}") for i in range(20)]  # a new address each
    assert outcomes[:limit] == [None] * limit
    assert all(isinstance(o, SignInLocked) for o in outcomes[limit:]), outcomes
    assert outcomes[limit].seconds == lock_seconds(limit, limit) == 60
    assert isinstance(_try(second, PASSWORD, "10.0.1.1"), SignInLocked)  # the right password waits too
    clock[0] = T0 + dt.timedelta(seconds=59)
    assert isinstance(_try(first, PASSWORD, "10.0.1.1"), SignInLocked)
    clock[0] = T0 + dt.timedelta(seconds=61)
    assert _try(first, PASSWORD, "10.0.1.1").username == "editor"
    with first.connect() as conn:
        locks = conn.execute(select(AuditEntry.entity_key, AuditEntry.detail)
                             .where(AuditEntry.action == "sign_in_locked")).all()
    assert [(key, json.loads(detail)) for key, detail in locks] == [("editor", {"failures": 5, "seconds": 60})]


def test_the_lock_grows_and_a_quiet_hour_forgets(two_servers):
    first, second, clock = two_servers
    for _ in range(LIMITS["account"]):
        _try(first, WRONG, "10.0.0.1")
    clock[0] += dt.timedelta(seconds=61)  # the first lock is over: the next failure locks twice as long
    assert _try(second, WRONG, "10.0.0.2") is None
    assert _try(second, WRONG, "10.0.0.2").seconds == 120
    assert sign_in_limits.seconds_locked(sign_in_limits.keys("editor", "x"), engine=first) == 120
    clock[0] += dt.timedelta(seconds=121) + sign_in_limits.FORGET_AFTER
    for _ in range(LIMITS["account"] - 1):  # counted from one again
        assert _try(first, WRONG, "10.0.0.3") is None
    assert [lock_seconds(n, 5) for n in (4, 5, 6, 7, 11, 12, 40)] == [0, 60, 120, 240, 3600, 3600, 3600]


def test_one_address_guessing_many_accounts_is_limited(two_servers):
    first, _second, _clock = two_servers
    outcomes = [_try(first, WRONG, "203.0.113.9", username=f"tamu{i}") for i in range(LIMITS["address"] + 1)]
    assert outcomes[:LIMITS["address"]] == [None] * LIMITS["address"]
    assert isinstance(outcomes[-1], SignInLocked)
    assert isinstance(_try(first, PASSWORD, "203.0.113.9"), SignInLocked)  # that address waits
    assert _try(first, PASSWORD, "198.51.100.1").username == "editor"  # another does not


def test_an_admin_lifts_the_lock_audited(two_servers, capsys):
    first, _second, _clock = two_servers
    for _ in range(LIMITS["account"]):
        _try(first, WRONG, "10.0.0.1")
    assert isinstance(_try(first, PASSWORD, "10.0.0.2"), SignInLocked)
    assert cli(["--database-url", first.url.render_as_string(hide_password=False), "user", "unlock", "Editor"]) == 0
    assert json.loads(capsys.readouterr().out) == {"unlocked": "editor"}
    assert _try(first, PASSWORD, "10.0.0.2").username == "editor"
    with first.connect() as conn:
        assert conn.execute(select(AuditEntry.entity_key).where(AuditEntry.action == "sign_in_unlocked")).all() \
            == [("editor",)]
    assert not sign_in_limits.lift("account", "editor", actor="admin", engine=first)  # nothing left to lift


def _fresh_session_sign_in(password: str):
    at = app("sign_in")
    at.text_input(key="auth_username").input("editor")
    at.text_input(key="auth_password").input(password)
    at.button[0].click().run()
    return at


def test_fresh_sessions_share_the_count(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'limits.sqlite'}"
    engine = preparation.prepare_database(engine_module.get_engine(url), with_demo=False)
    auth.add_user("editor", role="editor", password=PASSWORD, actor="test", engine=engine)
    monkeypatch.setenv("DATABASE_URL", url)
    for _ in range(LIMITS["account"]):  # a reload is a new session: it used to start the count again
        assert not any("Terlalu banyak" in e.value for e in _fresh_session_sign_in(WRONG).error)
    locked = _fresh_session_sign_in(WRONG)
    assert any("Terlalu banyak" in e.value for e in locked.error)
    right = _fresh_session_sign_in(PASSWORD)
    assert any("Terlalu banyak" in e.value for e in right.error)
    assert "auth_user" not in right.session_state
