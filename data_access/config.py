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
