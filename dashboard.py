"""Pantau Rakor — entry point: ``streamlit run dashboard.py``.

Prepares the database once per process, draws the shared sidebar (language and
filters, kept in ``st.session_state`` and the URL) and routes to the pages in
``pages/`` through ``st.navigation``.
"""

from __future__ import annotations

import streamlit as st

from data_access import auth, url_params
from ui import auth as ui_auth
from ui import briefing, filter_bar, layout, queries, runtime, url_state
from ui.db import app_engine, database_errors_shown
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, t

runtime.freeze_long_lived_objects()  # once per process: no full-GC pauses over startup objects
st.set_page_config(page_title="Pantau Rakor", page_icon="📋", layout="wide")
with database_errors_shown():
    app_engine()
queries.start_run()  # this run reads the data version its cached figures are keyed by

if "lang" not in st.session_state:
    wanted = st.query_params.get("bahasa", DEFAULT_LANGUAGE)
    st.session_state["lang"] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    if wanted not in LANGUAGES:
        st.session_state["url_notes"] = [url_params.note("bahasa", wanted, "bahasa tidak dikenal (id, en)",
                                                         "unknown language (id, en)")]
with st.sidebar:
    st.selectbox("Bahasa / Language", options=list(LANGUAGES), format_func=LANGUAGES.get, key="lang")
if st.session_state["lang"] != DEFAULT_LANGUAGE:
    st.query_params["bahasa"] = st.session_state["lang"]
elif "bahasa" in st.query_params:
    del st.query_params["bahasa"]

# Page files are named in English and served under Indonesian URL paths. The two must
# differ: AppTest treats a file whose stem equals its url_path as a legacy `pages/`
# page and reruns it without this entry script (and so without the sidebar).
pages = {
    t("nav_dashboard"): [
        st.Page("pages/overview.py", title=t("page_overview"), icon=":material/dashboard:", url_path="ringkasan", default=True),
        st.Page("pages/cooperatives.py", title=t("page_cooperatives"), icon=":material/account_balance:", url_path="koperasi"),
        st.Page("pages/meetings.py", title=t("page_meetings"), icon=":material/calendar_month:", url_path="rakor"),
        st.Page("pages/pokja_status.py", title=t("page_pokja"), icon=":material/groups:", url_path="pokja"),
        st.Page("pages/kdmp.py", title=t("page_kdmp"), icon=":material/storefront:", url_path="merah-putih"),
        st.Page("pages/maps.py", title=t("page_maps"), icon=":material/map:", url_path="peta"),
    ],
    t("nav_editor"): [
        st.Page("pages/imports.py", title=t("page_imports"), icon=":material/upload_file:", url_path="impor"),
        st.Page("pages/extract_news.py", title=t("page_extract"), icon=":material/newspaper:", url_path="ekstraksi"),
        st.Page("pages/history.py", title=t("page_history"), icon=":material/history:", url_path="riwayat"),
        st.Page("pages/sign_in.py", title=t("page_sign_out") if ui_auth.current_user() else t("page_sign_in"),
                icon=":material/login:", url_path="masuk"),
    ],
}
if auth.read_requires_sign_in() and ui_auth.current_user() is None:  # reading needs an account too
    pages = {t("nav_editor"): [st.Page("pages/sign_in.py", title=t("page_sign_in"), icon=":material/login:", url_path="masuk",
                                       default=True)]}
navigation = st.navigation(pages)
layout.apply()  # phone calendar list, sidebar closing after navigation on phones
ui_auth.sidebar_status()
page = navigation.url_path or "ringkasan"
notes_slot = st.container()  # notes on the link's dropped parameters, at the top of the page
url_state.start(page)  # the page's own settings in the link (?mandat=, ?bulan=, ?hal=, …)
st.session_state["filters"] = filter_bar.render(page)
try:
    snapshot_id = briefing.snapshot_requested()  # a permalink: the frozen figures, not today's
    if snapshot_id is None or not briefing.show_snapshot(snapshot_id):
        navigation.run()
finally:  # also after a page's st.stop()
    url_state.finish(page, st.session_state["filters"], notes_slot)
