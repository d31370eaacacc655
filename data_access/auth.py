"""Who may read and who may write.

Reading is open unless ``PANTAU_READ_REQUIRES_SIGN_IN=1``. Writing (imports,
saving an extracted report, undo) needs an active account with the role
``editor`` or ``admin``; an editor may be limited to one province
(``User.province_code``), and then every row outside it is refused. Accounts live
in the ``app_user`` table with Argon2id password hashes (argon2-cffi); they are
added with ``python -m data_access user add NAME --role editor [--province 53]``
and deactivated, never deleted, so the history keeps its names. With OIDC
(``st.login``) the signed-in e-mail address is looked up as a username.

Write functions take an ``Identity`` (a plain value, safe to keep in session
state) and check it again against the database inside their transaction, so a
role removed a minute ago is a role removed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_access import audit, sign_in_limits
from data_access.engine import get_engine, session_scope
from data_access.frames import read_frame
from data_access.models_reference import Province
from data_access.models_users import USER_ROLES, User

WRITE_ROLES = ("editor", "admin")
MIN_PASSWORD_LENGTH = 10
USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+\-]{1,119}$")
READ_REQUIRES_SIGN_IN_ENV = "PANTAU_READ_REQUIRES_SIGN_IN"

_hasher = PasswordHasher()
# Verified when the username is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("pantau-rakor-no-such-user")


class AuthError(ValueError):
    """A refused account operation; ``code`` names the reason for the interface."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class Identity:
    username: str
    display_name: str | None
    role: str
    province_code: str | None = None

    @property
    def label(self) -> str:
        return self.display_name or self.username


def read_requires_sign_in() -> bool:
    return os.environ.get(READ_REQUIRES_SIGN_IN_ENV, "").strip().lower() in ("1", "true", "ya", "yes")


# --- passwords ----------------------------------------------------------------------------------

def hash_password(password: str) -> str:
    """An Argon2id hash (with its own salt and parameters) of ``password``."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError("password_short", f"password must have at least {MIN_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        _safe_verify(_DUMMY_HASH, password)
        return False
    return _safe_verify(password_hash, password)


def _safe_verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# --- roles --------------------------------------------------------------------------------------

def can_read(user: Identity | None) -> bool:
    return user is not None or not read_requires_sign_in()


def can_write(user: Identity | None, province_code: str | None = None) -> bool:
    """An editor or admin; a province-limited editor only inside that province
    (``province_code`` may be a province "53" or a regency "53.04")."""
    if user is None or user.role not in WRITE_ROLES:
        return False
    if province_code and user.province_code and user.role != "admin":
        return province_code[:2] == user.province_code
    return True


def _identity(row: User) -> Identity:
    return Identity(row.username, row.display_name, row.role, row.province_code)


def account(session: Session, username: str) -> User | None:
    """The active account called ``username`` (case-insensitive), or ``None``."""
    row = session.scalar(select(User).where(User.username == username.strip().lower()))
    return row if row is not None and row.active else None


def identity_for(username: str, engine: Engine | None = None) -> Identity | None:
    with session_scope(engine or get_engine()) as session:
        row = account(session, username)
        return _identity(row) if row else None


def authenticate(username: str, password: str, engine: Engine | None = None) -> Identity | None:
    """The identity for a correct username and password of an active account, else ``None``."""
    with session_scope(engine or get_engine()) as session:
        row = account(session, username or "")
        if row is None:
            verify_password(None, password or "")
            return None
        if not verify_password(row.password_hash, password or ""):
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
        return _identity(row)


def sign_in(username: str, password: str, *, address: str | None, engine: Engine | None = None) -> Identity | None:
    """``authenticate`` under the database-wide limits of ``sign_in_limits``: raises
    ``SignInLocked`` (without checking the password) while the account name or the client
    ``address`` is locked; counts a failure; clears the account's count on success."""
    engine = engine or get_engine()
    counted = sign_in_limits.keys(username, address)
    wait = sign_in_limits.seconds_locked(counted, engine=engine)
    if wait:
        raise sign_in_limits.SignInLocked(wait)
    identity = authenticate(username, password, engine)
    if identity is None:
        sign_in_limits.count_failure(counted, engine=engine)
    else:
        sign_in_limits.clear_account(username, engine)
    return identity


# --- accounts -----------------------------------------------------------------------------------

def add_user(username: str, *, role: str, password: str | None, display_name: str | None = None,
             province_code: str | None = None, actor: str, engine: Engine | None = None) -> Identity:
    """Create an account (audited as ``add_user`` by ``actor``). ``password`` may be ``None``
    for an account that signs in only through OIDC."""
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise AuthError("username", "username: 2–120 letters, digits or . _ @ + -")
    if role not in USER_ROLES:
        raise AuthError("role", f"role must be one of {', '.join(USER_ROLES)}")
    password_hash = hash_password(password) if password is not None else None
    with session_scope(engine or get_engine()) as session:
        if province_code is not None and session.get(Province, province_code) is None:
            raise AuthError("province", f"unknown province code {province_code!r}")
        if session.scalar(select(User.id).where(User.username == username)) is not None:
            raise AuthError("exists", f"user {username!r} already exists")
        row = User(username=username, display_name=display_name, password_hash=password_hash, role=role,
                   province_code=province_code, active=True, created_at=audit.utc_now())
        session.add(row)
        session.flush()
        audit.record(session, username=actor, action="add_user", entity="app_user", entity_key=username,
                     detail={"role": role, "province_code": province_code, "display_name": display_name,
                             "password": password_hash is not None})
        return _identity(row)


def set_password(username: str, password: str, *, actor: str, engine: Engine | None = None) -> None:
    password_hash = hash_password(password)
    with session_scope(engine or get_engine()) as session:
        row = session.scalar(select(User).where(User.username == username.strip().lower()))
        if row is None:
            raise AuthError("unknown", f"no user {username!r}")
        row.password_hash = password_hash
        audit.record(session, username=actor, action="set_password", entity="app_user", entity_key=row.username)


def set_active(username: str, active: bool, *, actor: str, engine: Engine | None = None) -> None:
    with session_scope(engine or get_engine()) as session:
        row = session.scalar(select(User).where(User.username == username.strip().lower()))
        if row is None:
            raise AuthError("unknown", f"no user {username!r}")
        row.active = active
        audit.record(session, username=actor, action="enable_user" if active else "disable_user",
                     entity="app_user", entity_key=row.username)


USER_COLUMNS = ["username", "display_name", "role", "province_code", "active", "created_at"]


def list_users(engine: Engine | None = None) -> pd.DataFrame:
    """Every account (never the hashes). Columns: ``USER_COLUMNS``."""
    stmt = select(User.username, User.display_name, User.role, User.province_code, User.active,
                  User.created_at).order_by(User.username)
    with (engine or get_engine()).connect() as conn:
        return read_frame(conn, stmt, USER_COLUMNS)
