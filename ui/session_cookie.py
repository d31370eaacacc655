"""Editors stay signed in across a reload: a signed, expiring cookie (itsdangerous), never the password.

- The cookie ``pantau_sesi`` holds only the username, signed with HMAC-SHA1 and timestamped by
  ``itsdangerous.URLSafeTimedSerializer`` (Pallets, the signing used by Flask's sessions).
  It is accepted for ``max_age_seconds()`` (``PANTAU_SESSION_HOURS``, default 8 — a working day)
  and only for an account that is still active (``data_access.auth.identity_for``), so disabling
  an account ends its sessions at the next page load. A forged or expired cookie is ignored.
- The key: ``PANTAU_SESSION_SECRET`` (environment) or ``[session] secret`` in
  ``.streamlit/secrets.toml``; every server process behind a proxy needs the same one. Without
  it each process draws a random key at start: sessions then end with a restart.
- Streamlit cannot set cookies from the server; the browser sets it with a small script
  (``st.html(..., unsafe_allow_javascript=True)``), ``SameSite=Strict``, ``Secure`` on https.
  Being set by script it cannot be ``HttpOnly``: it carries no password and expires.
- Signing out clears the cookie, and this session no longer restores from the cookie it was
  opened with (``st.context.cookies`` keeps the cookies of the page load).
"""

from __future__ import annotations

import json
import os
import secrets

import streamlit as st
from itsdangerous import BadSignature, URLSafeTimedSerializer

from data_access import auth
from data_access.auth import Identity

COOKIE = "pantau_sesi"
SALT = "pantau-rakor-sesi"
DEFAULT_HOURS = 8
ISSUED_KEY, SIGNED_OUT_KEY, CLEAR_KEY = "sesi_cookie_issued", "sesi_signed_out", "sesi_clear_pending"
_process_secret = secrets.token_hex(32)


def max_age_seconds() -> int:
    try:
        hours = float(os.environ.get("PANTAU_SESSION_HOURS", DEFAULT_HOURS))
    except ValueError:
        hours = DEFAULT_HOURS
    return int(max(hours, 0.05) * 3600)


def secret_key() -> str:
    configured = os.environ.get("PANTAU_SESSION_SECRET")
    if not configured:
        try:
            configured = st.secrets.get("session", {}).get("secret")
        except Exception:  # no secrets file
            configured = None
    return configured or _process_secret


def token_for(username: str, key: str) -> str:
    """The cookie value for ``username``: signed and timestamped, no password in it."""
    return URLSafeTimedSerializer(key, salt=SALT).dumps({"u": username})


def username_from(token: str | None, key: str, max_age: int) -> str | None:
    """The username in a valid, unexpired ``token``; ``None`` for a missing, forged or old one."""
    if not token:
        return None
    try:
        payload = URLSafeTimedSerializer(key, salt=SALT).loads(token, max_age=max_age)
    except BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return payload.get("u") if isinstance(payload, dict) else None


def restore() -> Identity | None:
    """The identity of this browser's cookie, if valid and the account still active."""
    if st.session_state.get(SIGNED_OUT_KEY):
        return None
    try:
        token = st.context.cookies.get(COOKIE)
    except Exception:  # no browser request (AppTest, bare mode)
        return None
    username = username_from(token, secret_key(), max_age_seconds())
    user = auth.identity_for(username) if username else None
    if user is not None:
        st.session_state[ISSUED_KEY] = True  # the browser already holds a valid cookie
    return user


def _set_cookie(value: str, max_age: int) -> None:
    st.html(f"""<script>(() => {{
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = "{COOKIE}=" + {json.dumps(value)} + "; Max-Age={max_age}; Path=/; SameSite=Strict" + secure;
}})();</script>""", unsafe_allow_javascript=True)


def sync(user: Identity | None) -> None:
    """On every run (from the sidebar): give a newly signed-in browser its cookie, once; clear it
    after a sign-out (the sign-out's own run ends in a rerun, so the script goes out here)."""
    if st.session_state.pop(CLEAR_KEY, False):
        _set_cookie("", 0)
    if user is not None and not st.session_state.get(ISSUED_KEY):
        _set_cookie(token_for(user.username, secret_key()), max_age_seconds())
        st.session_state[ISSUED_KEY] = True
        st.session_state.pop(SIGNED_OUT_KEY, None)


def forget() -> None:
    """On sign-out: clear the cookie in the browser and never restore from it in this session."""
    st.session_state[SIGNED_OUT_KEY] = True
    st.session_state[CLEAR_KEY] = True
    st.session_state.pop(ISSUED_KEY, None)
