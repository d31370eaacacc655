"""The process-wide engine for the Streamlit app, prepared once per process.

``st.cache_resource`` keeps one engine (and its pool) per server process; the
first call migrates the database and, on a fresh embedded SQLite file, loads
the gazetteer, the real facts and small demo data.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from data_access import config, engine, preparation
from data_access.demo_guard import SyntheticReferenceError

UNREACHABLE = {
    "id": "Basis data tidak dapat dihubungi. Coba muat ulang halaman sebentar lagi; data yang tersimpan tidak berubah.",
    "en": "The database cannot be reached. Reload the page in a moment; stored data is unchanged.",
}
READ_ONLY = {
    "id": "Basis data saat ini hanya dapat dibaca: perubahan ini tidak disimpan dan data yang tersimpan tidak berubah.",
    "en": "The database is read-only at the moment: this change was not saved and stored data is unchanged.",
}
BUSY = {
    "id": "Basis data sedang dikunci oleh penulisan lain: perubahan ini tidak disimpan dan data yang tersimpan tidak "
          "berubah. Coba lagi sebentar lagi.",
    "en": "The database is locked by another write: this change was not saved and stored data is unchanged. "
          "Try again in a moment.",
}
READ_ONLY_SQLSTATE = "25006"  # PostgreSQL: read_only_sql_transaction
LOCK_NOT_AVAILABLE_SQLSTATE = "55P03"


def app_engine(url: str | None = None) -> Engine:
    """The prepared engine of ``url`` (default: the configured database), once per process and URL,
    so the data version and the queries always read the database the app is configured for."""
    return _prepared_engine(url or config.database_url())


@st.cache_resource(show_spinner="Menyiapkan basis data…")
def _prepared_engine(url: str) -> Engine:
    return preparation.prepare_database(engine.get_engine(url))


def _is_unreachable(error: Exception) -> bool:
    if isinstance(error, OperationalError):
        return True
    return isinstance(error, DBAPIError) and bool(getattr(error, "connection_invalidated", False))


def _message(error: DBAPIError) -> dict[str, str] | None:
    """The text for a database that refused to work (``None``: a real bug, let it raise).

    A read-only database (SQLite opened read-only or on a read-only file, a PostgreSQL
    read-only transaction) and a write lock held too long by another writer are told
    apart from "unreachable": the database answers, it just does not take this write.
    """
    orig = getattr(error, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None)
    detail = str(orig if orig is not None else error).lower()
    if sqlstate == READ_ONLY_SQLSTATE or "readonly database" in detail:
        return READ_ONLY
    if sqlstate == LOCK_NOT_AVAILABLE_SQLSTATE or "database is locked" in detail:
        return BUSY
    return UNREACHABLE if _is_unreachable(error) else None


@contextmanager
def database_errors_shown() -> Iterator[None]:
    """Turn "database unreachable" (or read-only, or locked) into a clear message and stop the page run;
    so too a write refused because it would tie real data to demo data (``demo_guard``)."""
    try:
        yield
    except SyntheticReferenceError as refused:
        st.error(refused.text(st.session_state.get("lang", "id")), icon=":material/block:")
        st.stop()
    except (OperationalError, DBAPIError) as error:
        message = _message(error)
        if message is None:
            raise
        lang = st.session_state.get("lang", "id")
        st.error(message.get(lang, message["id"]), icon="🔌")
        st.caption(type(error.orig).__name__ if getattr(error, "orig", None) else type(error).__name__)
        st.stop()
