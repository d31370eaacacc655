"""Settings read from the environment, in one place.

``DATABASE_URL`` picks the database (PostgreSQL for a shared deployment); unset,
an SQLite file under the git-ignored ``data/`` folder is used and filled on
first start. ``PANTAU_ACTIVE_WINDOW`` is N in "RAT held in each of the last N
years" (Permen KUKM 25/2015 says 3; NTT used 2 in 2019).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = REPO_ROOT / "seed_data"
DEFAULT_SQLITE_PATH = REPO_ROOT / "data" / "pantau_rakor.sqlite"
DEFAULT_ACTIVE_WINDOW = 3


def database_url() -> str:
    """The SQLAlchemy URL, with ``postgres://`` spellings mapped to psycopg 3."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{DEFAULT_SQLITE_PATH}"
    return normalise_url(url)


def normalise_url(url: str) -> str:
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def is_embedded_default() -> bool:
    return not os.environ.get("DATABASE_URL", "").strip()


def active_window() -> int:
    try:
        value = int(os.environ.get("PANTAU_ACTIVE_WINDOW", DEFAULT_ACTIVE_WINDOW))
    except ValueError:
        return DEFAULT_ACTIVE_WINDOW
    return value if 1 <= value <= 10 else DEFAULT_ACTIVE_WINDOW


POOL_SIZE_ENV, MAX_OVERFLOW_ENV, POOLER_ENV = "PANTAU_DB_POOL_SIZE", "PANTAU_DB_MAX_OVERFLOW", "PANTAU_DB_POOLER"
DEFAULT_POOL_SIZE, DEFAULT_MAX_OVERFLOW = 5, 5


def _bounded_int(name: str, default: int, low: int, high: int) -> int:
    try:
        value = int(os.environ.get(name, default))
    except ValueError:
        return default
    return value if low <= value <= high else default


def postgres_pool() -> dict:
    """SQLAlchemy pool and psycopg settings for a PostgreSQL engine (one pool per process).

    ``pool_size`` (``PANTAU_DB_POOL_SIZE``, default 5) connections kept open plus up to
    ``max_overflow`` (``PANTAU_DB_MAX_OVERFLOW``, default 5) opened under load: a server
    process holds at most their sum, so N processes need N × (pool_size + max_overflow)
    connections (the budget in ``deploy/README.md``). ``PANTAU_DB_POOLER=transaction`` is for a
    transaction-mode pooler (PgBouncer ``pool_mode = transaction``): a server connection is
    another one from one transaction to the next, so psycopg must not prepare statements on the
    server (``prepare_threshold=None``).
    """
    connect_args: dict = {"connect_timeout": 5}
    if os.environ.get(POOLER_ENV, "").strip().lower() == "transaction":
        connect_args["prepare_threshold"] = None
    return {"pool_size": _bounded_int(POOL_SIZE_ENV, DEFAULT_POOL_SIZE, 1, 100),
            "max_overflow": _bounded_int(MAX_OVERFLOW_ENV, DEFAULT_MAX_OVERFLOW, 0, 100),
            "pool_pre_ping": True, "connect_args": connect_args}
