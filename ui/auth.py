"""The signed-in user for the pages, kept in ``st.session_state``.

``current_user()`` is an ``auth.Identity`` or ``None``. With OIDC configured
(an ``[auth]`` section in ``st.secrets``) the identity comes from ``st.user``:
its e-mail address is looked up as a username, and someone signed in without an
account may read but not write. Otherwise the password form on the "Masuk" page
sets it. ``require_editor()`` stops a page with a clear message for anyone who
may not write; ``data_access`` checks the account again inside every write.
"""

from __future__ import annotations

import os

import streamlit as st

from data_access import auth
from data_access.auth import Identity
from data_access.sign_in_limits import SignInLocked
from ui import session_cookie
from ui.i18n import t

SESSION_KEY = "auth_user"
CLIENT_ADDRESS_HEADER_ENV = "PANTAU_CLIENT_ADDRESS_HEADER"
SIGN_IN_PAGE = "pages/sign_in.py"


def oidc_configured() -> bool:
    """Whether ``st.login`` can be used: only when ``st.secrets`` has an ``[auth]`` section."""
    try:
        st.secrets.load_if_toml_exists()
        return "auth" in st.secrets
    except Exception:  # no secrets file, or an unreadable one: the password form it is
        return False


def _oidc_user() -> Identity | None:
    try:
        if not st.user.is_logged_in:
            return None
        email = str(st.user.get("email") or "").strip().lower()
    except Exception:
        return None
    if not email:
        return None
    found = auth.identity_for(email)
    return found or Identity(email, str(st.user.get("name") or email), "viewer")


def current_user() -> Identity | None:
    user = st.session_state.get(SESSION_KEY)
    if user is None and not oidc_configured():
        user = session_cookie.restore()  # signed in before this page load (signed, expiring cookie)
        if user is not None:
            st.session_state[SESSION_KEY] = user
    if user is None and oidc_configured():
        user = _oidc_user()
        if user is not None:
            st.session_state[SESSION_KEY] = user
    return user


def role_label(role: str) -> str:
    return t(f"role_{role}")


def client_address() -> str | None:
    """The browser's address: the connection's peer, or — behind a proxy that sets it — the
    header named by ``PANTAU_CLIENT_ADDRESS_HEADER`` (``X-Real-IP`` in ``deploy/nginx.conf``).
    Only name a header your own proxy overwrites: a client could send any value in it."""
    header = os.environ.get(CLIENT_ADDRESS_HEADER_ENV, "").strip()
    try:
        value = st.context.headers.get(header) if header else st.context.ip_address
    except Exception:  # no request context: counted as "unknown"
        return None
    return value.split(",")[0].strip() if isinstance(value, str) and value else None  # AppTest: no str


def sign_in_with_password(username: str, password: str) -> Identity | None:
    """Check the password under the database-wide limits (``data_access.sign_in_limits``):
    raises ``PermissionError(seconds)`` while the account or this client address is locked."""
    try:
        user = auth.sign_in(username, password, address=client_address())
    except SignInLocked as locked:
        raise PermissionError(locked.seconds) from None
    if user is not None:
        st.session_state[SESSION_KEY] = user
    return user


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)
    session_cookie.forget()
    if oidc_configured():
        try:
            if st.user.is_logged_in:
                st.logout()
        except Exception:  # never block signing out of this app
            pass


def _stop_with(message: str) -> None:
    st.warning(message, icon="🔒")
    st.page_link(SIGN_IN_PAGE, label=t("auth_go_sign_in"), icon="🔑")
    st.stop()


def require_signed_in() -> Identity:
    user = current_user()
    if user is None:
        _stop_with(t("auth_need_sign_in"))
    return user


def require_editor(province_code: str | None = None) -> Identity:
    """The current user if they may write (inside ``province_code`` when given); else the page
    stops with a message saying what is missing."""
    user = require_signed_in()
    if not auth.can_write(user, province_code):
        _stop_with(t("auth_need_editor", name=user.label, role=role_label(user.role)))
    return user


def sidebar_status() -> None:
    user = current_user()
    if not oidc_configured():
        session_cookie.sync(user)
    if user is not None:
        st.sidebar.caption(t("auth_sidebar", name=user.label, role=role_label(user.role)))
