"""The briefing pack on screen: the "Buat bahan rapat" button of every dashboard page
(``offer_pack``) and the frozen view a permalink ``?snapshot=ID`` opens (``snapshot_requested``,
``show_snapshot``).

``offer_pack(filters, page)``: a button that freezes the view (``briefing.pack.make``: a stored
snapshot, then its PDF and XLSX) and, once made, the permalink and both downloads (kept in the
session for this page until the filters change). ``show_snapshot(id)`` draws only the stored
figures of the snapshot (never a new query): the "snapshot of … WITA" banner with a link to today's
view, the key figures, the chart and tables, the sources, and the PDF/XLSX of the same snapshot.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing import cell, live_link, pack, permalink, scope_lines, text, when
from data_access import filters as flt
from data_access import snapshots
from ui import auth as ui_auth
from ui.charts import built as built_chart
from ui.charts import show as show_chart
from ui.charts.overview import meetings_per_month
from ui.db import app_engine, database_errors_shown
from ui.downloads import XLSX_MIME
from ui.i18n import current_language

PARAM = "snapshot"
PDF_MIME = "application/pdf"


def _downloads(made: pack.Pack, lang: str, key: str) -> None:
    pdf_col, xlsx_col = st.columns(2)
    name = f"bahan-rapat-{made.snapshot.id}-{lang}"
    pdf_col.download_button(text("bp_pdf", lang), made.pdf, file_name=f"{name}.pdf", mime=PDF_MIME,
                            key=f"{key}_pdf", icon=":material/picture_as_pdf:")
    xlsx_col.download_button(text("bp_xlsx", lang), made.xlsx, file_name=f"{name}.xlsx", mime=XLSX_MIME,
                             key=f"{key}_xlsx", icon=":material/table_view:")


def offer_pack(filters: flt.Filters, page: str) -> None:
    """The "Buat bahan rapat" button for ``page`` (a key of ``briefing.PAGE_PATHS``) and the view of ``filters``."""
    lang = current_language()
    state_key = f"briefing_pack_{page}"
    if st.button(text("bp_button", lang), help=text("bp_button_help", lang), key=f"{state_key}_make",
                 icon=":material/picture_as_pdf:"):
        user = ui_auth.current_user()
        with database_errors_shown(), st.spinner(text("bp_button", lang)):
            made = pack.make(filters, page=page, lang=lang, user=user.username if user else None, engine=app_engine())
        st.session_state[state_key] = (filters, lang, made)
    kept = st.session_state.get(state_key)
    if kept is None or kept[0] != filters or kept[1] != lang:
        return
    made = kept[2]
    st.success(text("bp_made", lang, id=made.snapshot.id, link=permalink(made.snapshot)))
    _downloads(made, lang, state_key)


def snapshot_requested() -> int | None:
    """The snapshot id of the URL (``?snapshot=12``), or ``None`` (also for a malformed value)."""
    raw = st.query_params.get(PARAM)
    return int(raw) if raw and raw.isdigit() and len(raw) < 12 else None


def _frame(section: dict, lang: str) -> pd.DataFrame:
    shown = pd.DataFrame([[cell(v, kind, lang) for v, kind in zip(values, section["types"], strict=True)]
                          for values in section["rows"]],
                         columns=[text(f"bp_c_{c}", lang) for c in section["columns"]])
    if any(section["demo_rows"]):
        shown.insert(0, text("bp_c_demo", lang), ["DEMO" if d else "" for d in section["demo_rows"]])
    return shown


def show_snapshot(snapshot_id: int) -> None:
    """The frozen view of snapshot ``snapshot_id`` (its stored figures only)."""
    lang = current_language()
    with database_errors_shown():
        snapshot = snapshots.load(snapshot_id, app_engine())
    if snapshot is None:
        st.error(text("bp_unknown", lang, id=snapshot_id))
        return
    content = snapshot.content
    st.title(f"{text('bp_title', lang)} · #{snapshot.id}")
    st.warning(text("bp_snapshot_banner", lang, id=snapshot.id, when=when(snapshot.created_at)),
               icon=":material/photo_camera:")
    st.markdown(f"[{text('bp_today_link', lang)}]({live_link(snapshot, '')})")
    st.caption(" · ".join(scope_lines(content, lang)))
    st.caption(text("bp_stamp", lang, id=snapshot.id, when=when(snapshot.created_at), version=snapshot.data_version,
                    hash=snapshot.figures_hash))
    if any(h["demo"] for h in content["headline"]):
        st.info(text("bp_demo_note", lang))
    columns = st.columns(4)
    for index, figure in enumerate(content["headline"]):
        label = text(f"bp_h_{figure['key']}", lang) + (" (DEMO)" if figure["demo"] else "")
        columns[index % 4].metric(label, cell(figure["value"], "int", lang))
    for section in content["sections"]:
        st.subheader(text(f"bp_s_{section['key']}", lang))
        if not section["rows"]:
            st.info(text("bp_no_rows", lang))
        elif section["key"] == "meetings_per_month":
            months = pd.DataFrame(section["rows"], columns=section["columns"])
            show_chart(built_chart(meetings_per_month, months, month_label=text("bp_c_month", lang),
                                   count_label=text("bp_c_meetings", lang),
                                   title=text("bp_s_meetings_per_month", lang)), width="stretch")
        else:
            st.dataframe(_frame(section, lang), hide_index=True, width="stretch")
    st.subheader(text("bp_sources", lang))
    sources = {"fact": "text", "kind": "text", "outlet": "text", "headline": "text", "published_on": "date",
               "rows": "int"}
    st.dataframe(_frame({"columns": [c if c != "outlet" else "source_outlet" for c in sources],
                         "types": list(sources.values()), "demo_rows": [False] * len(content["sources"]),
                         "rows": [[s[c] for c in sources] for s in content["sources"]]}, lang),
                 hide_index=True, width="stretch")
    key = f"snapshot_{snapshot.id}_{lang}"
    if st.session_state.get(key) is None:
        st.session_state[key] = pack.files(snapshot, lang)
    _downloads(st.session_state[key], lang, key)
