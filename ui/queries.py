"""Cached access to ``data_access`` for the pages.

Each function is ``st.cache_data``-wrapped and keyed by its (hashable) filter
arguments; ``clear()`` is called after every write so pages never show stale
figures.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access import overview
from ui.db import app_engine

CACHE = {"ttl": 600, "max_entries": 256, "show_spinner": False}


@st.cache_data(**CACHE)
def database_summary() -> pd.DataFrame:
    return overview.database_summary(app_engine())


def clear() -> None:
    st.cache_data.clear()
