"""The sign-in cookie: signed, expiring, only a username, refused when forged or old (ui.session_cookie)."""

from __future__ import annotations

import time

import pytest
from itsdangerous import URLSafeTimedSerializer

from ui import session_cookie

KEY = "a-test-key-not-used-anywhere-else"


def test_round_trip_and_no_password_inside():
    token = session_cookie.token_for("editor", KEY)
    assert session_cookie.username_from(token, KEY, 3600) == "editor"
    payload = URLSafeTimedSerializer(KEY, salt=session_cookie.SALT).loads(token)
    assert payload == {"u": "editor"}  # nothing but the username


@pytest.mark.parametrize("token", [None, "", "garbage", "eyJ1IjoiYWRtaW4ifQ.AAAAAA.forged-signature"])
def test_missing_or_forged_token_is_refused(token):
    assert session_cookie.username_from(token, KEY, 3600) is None


def test_other_key_or_tampered_token_is_refused():
    token = session_cookie.token_for("editor", KEY)
    assert session_cookie.username_from(token, "another-key", 3600) is None
    forged = URLSafeTimedSerializer(KEY, salt="another-salt").dumps({"u": "admin"})
    assert session_cookie.username_from(forged, KEY, 3600) is None


def test_expired_token_is_refused(monkeypatch):
    issued = time.time() - 9 * 3600  # signed nine hours ago
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: issued)
    token = session_cookie.token_for("editor", KEY)
    monkeypatch.undo()
    assert session_cookie.username_from(token, KEY, 8 * 3600) is None
    assert session_cookie.username_from(token, KEY, 10 * 3600) == "editor"


def test_max_age_from_the_environment(monkeypatch):
    monkeypatch.setenv("PANTAU_SESSION_HOURS", "2")
    assert session_cookie.max_age_seconds() == 7200
    monkeypatch.setenv("PANTAU_SESSION_HOURS", "nonsense")
    assert session_cookie.max_age_seconds() == session_cookie.DEFAULT_HOURS * 3600
