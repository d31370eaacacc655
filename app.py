"""Pantau Rakor as an ASGI app: ``streamlit run app.py`` (or ``uvicorn app:app``).

Serves ``dashboard.py`` (which routes to ``pages/`` through ``st.navigation``) through
Streamlit's ``st.App``, whose start-up hook runs before the first visitor. It tells
Streamlit that the app routes with ``st.navigation``: Streamlit ≤ 1.67 otherwise
treats the first script runs after a start as an old-style ``pages/`` app (because a
``pages/`` folder sits next to the script) until one run reaches ``st.navigation``, and
the first visitor of a link such as ``/koperasi?prov=53`` gets an English "Page not
found" notice over the right page (``tests/test_deep_links.py``). Its middleware ``ui.html_lang.HtmlLang``
sets ``<html lang>`` to the page's language.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager

from ui.html_lang import HtmlLang
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

DASHBOARD = Path(__file__).resolve().parent / "dashboard.py"


@asynccontextmanager
async def _routes_with_navigation(_app):
    PagesManager.uses_pages_directory = False  # read when the first session starts
    yield


# <html lang> in the reader's language (WCAG 3.1.1; Streamlit always writes "en"): ui/html_lang.py
app = st.App(DASHBOARD, lifespan=_routes_with_navigation,
             middleware=[Middleware(HtmlLang, languages=tuple(LANGUAGES), default=DEFAULT_LANGUAGE)])
