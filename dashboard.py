"""Pantau Rakor — entry point: ``streamlit run dashboard.py``.

Prepares the database once per process, draws the shared sidebar and routes to
the pages in ``pages/`` through ``st.navigation``.
"""

from __future__ import annotations

import streamlit as st

from ui.db import app_engine
from ui.i18n import LANGUAGES, t

st.set_page_config(page_title="Pantau Rakor", page_icon="📋", layout="wide")
app_engine()

with st.sidebar:
    st.selectbox(
        "Bahasa / Language", options=list(LANGUAGES), format_func=LANGUAGES.get, key="lang",
    )

pages = [
    st.Page("pages/ringkasan.py", title=t("page_overview"), icon="🏠", url_path="ringkasan", default=True),
]
st.navigation(pages).run()
