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

from data_access import config, engine

UNREACHABLE = {
    "id": "Basis data tidak dapat dihubungi. Coba muat ulang halaman sebentar lagi; data yang tersimpan tidak berubah.",
    "en": "The database cannot be reached. Reload the page in a moment; stored data is unchanged.",
}


@st.cache_resource(show_spinner="Menyiapkan basis data…")
def app_engine(url: str | None = None) -> Engine:
    return engine.prepare_database(engine.get_engine(url or config.database_url()))


def _is_unreachable(error: Exception) -> bool:
    if isinstance(error, OperationalError):
        return True
    return isinstance(error, DBAPIError) and bool(getattr(error, "connection_invalidated", False))


@contextmanager
def database_errors_shown() -> Iterator[None]:
    """Turn "database unreachable" into a clear message and stop the page run."""
    try:
        yield
    except (OperationalError, DBAPIError) as error:
        if not _is_unreachable(error):
            raise
        lang = st.session_state.get("lang", "id")
        st.error(UNREACHABLE.get(lang, UNREACHABLE["id"]), icon="🔌")
        st.caption(type(error.orig).__name__ if getattr(error, "orig", None) else type(error).__name__)
        st.stop()
