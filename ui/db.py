"""The process-wide engine for the Streamlit app, prepared once per process.

``st.cache_resource`` keeps one engine (and its pool) per server process; the
first call migrates the database and, on a fresh embedded SQLite file, loads
the gazetteer, the real facts and small demo data.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from data_access import config, engine


@st.cache_resource(show_spinner="Menyiapkan basis data…")
def app_engine(url: str | None = None) -> Engine:
    return engine.prepare_database(engine.get_engine(url or config.database_url()))
