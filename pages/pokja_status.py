"""Status Pokja/Satgas: which kab/kota have formed the task force their mandate asks for.

The task force is chosen by a filter (``?mandat=``): the migrant-worker Pokja/Satgas (Pokja PMI &
AKAD of the 2019 NTT MOU, Satgas PPMI; the default) or the Satgas KDMP of Keppres 9/2025 (every
kab/kota mandated; the published tally of 8 August 2025 shown as reported).

Answers "Which kabupaten in NTT have not yet formed their Pokja?" (``?prov=53``)
first, as a downloadable list; then the shares per province, every record, and
the stage history of one kab/kota. Mandated kab/kota without any record are
"no report", shown and counted apart from "not started" (see ``data_access.pokja_rules``).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access import kdmp_desa, pokja, pokja_rules
from ui import briefing, demo, downloads, queries, scope
from ui import pokja_views as views
from ui.charts import built as built_chart
from ui.charts import pokja as pokja_charts
from ui.charts import show as show_chart
from ui.formatting import MISSING, each_distinct, number, percent
from ui.i18n import t

filters = st.session_state["filters"]
PROGRAMME_PARAM, PROGRAMME_KEY = "mandat", "pokja_programme"
PROVENANCE_FACT = {"pokja_pmi": "pokja", "satgas_kdmp": "satgas_kdmp"}
STAGE_LABELS = views.stage_labels()


def _table(shown: pd.DataFrame, *, name: str, key: str, file: pd.DataFrame | None = None,
           demo_rows: pd.Series | None = None) -> None:
    """``shown`` on screen; ``file`` (the same rows, raw values) offered for download with its demo column.

    Overdue rows are told by the mark in their overdue column (``ui.pokja_views``), not by row colours: a
    pandas Styler over 500 kab/kota rows cost ~110 ms on every rerun (issue 14 benchmark).
    """
    if demo_rows is not None and demo_rows.astype(bool).any():
        shown = shown.copy()
        flags = demo_rows.astype(bool).map({True: t("demo_mark"), False: ""}).to_numpy()
        # after the key column (the stage), not before the name: a phone shows the first columns only
        shown.insert(min(2, len(shown.columns)), t("col_demo_flag"), flags)
    height = min(38 + 35 * max(len(shown), 1), 780)
    dates = {t(f"pokja_col_{c}") for c in ("since", "mandate_issued", "not_started_on", "preparation_on",
                                            "formed_on", "date", "published")}
    widths = {col: st.column_config.TextColumn(width="medium") for col in shown.columns if col in dates}
    regency = t("pokja_col_regency")
    if regency in shown.columns:  # the grid sizes a column by its first ~10 rows: a longer name below was cut
        widths[regency] = st.column_config.TextColumn(width=views.name_width(shown[regency]))
    if t("pokja_col_stage") in shown.columns:  # the key column stays in view on a 390 px phone
        widths[t("pokja_col_stage")] = st.column_config.TextColumn(pinned=True)
    st.dataframe(shown, hide_index=True, height=height, column_config=widths)
    downloads.offer(shown if file is None else file, name=name, filters=filters, scope=scope_text, key=key,
                    demo=None if demo_rows is None else demo_rows.reset_index(drop=True))


def choose_programme() -> str:
    """The task force in view: a radio kept in session state and in the URL (``?mandat=satgas_kdmp``,
    declared in ``data_access.url_params``, read and written by ``ui.url_state``)."""
    st.session_state.setdefault(PROGRAMME_KEY, pokja_rules.DEFAULT_PROGRAMME)
    chosen = st.radio(t("pokja_programme"), options=pokja_rules.PROGRAMMES, key=PROGRAMME_KEY, horizontal=True,
                      format_func=lambda p: t(f"pokja_programme_{p}"))
    return chosen


st.title(t("page_pokja"))
programme = choose_programme()
st.markdown(t(f"pokja_intro_{programme}", n=number(pokja_rules.OVERDUE_AFTER_DAYS)))
scope.caption(filters)
briefing.offer_pack(filters, "pokja")
scope_text = scope.describe(filters)
pokja_demo = demo.banner(filters, PROVENANCE_FACT[programme])[0] > 0  # the records of the mandate in view
body = t(f"pokja_body_{programme}")  # the mandate's own word: Pokja or Satgas
if filters.date_from or filters.date_to or filters.sectors:
    st.caption(t("pokja_filters_ignored"))

if programme == "satgas_kdmp":
    figures = queries.run(kdmp_desa.reported_figures, filters)
    figures = figures.loc[figures["measure"].str.startswith("satgas_")]
    if not figures.empty:
        st.subheader(t("pokja_h_tally"))
        st.caption(t("pokja_tally_caption"))
        _table(views.tally_view(figures), name=t("pokja_file_tally"), key="pokja_dl_tally",
               file=views.tally_view(figures, raw=True), demo_rows=figures["source_kind"].eq("synthetic"))

table = queries.run(pokja.pokja_by_regency, filters, programme)
if table.empty:
    st.info(t("empty_result"))
    scope.provenance_note(filters, PROVENANCE_FACT[programme])
else:
    shares = queries.run(pokja.stage_shares_by_province, filters, programme)
    totals = shares.groupby("stage")["regencies"].sum()
    not_formed = pokja.without_formed(table)  # the same rows, not read twice
    overdue, overdue_help = views.overdue_figure(table, not_formed)  # "–" when it cannot be computed, never 0

    cols = st.columns(6)
    cols[0].metric(t("pokja_m_mandated"), number(int(totals.sum())))
    for col, stage in zip(cols[1:5], ("terbentuk", "persiapan", "belum_dibentuk", pokja_rules.NO_REPORT), strict=True):
        demo.metric(col, STAGE_LABELS[stage], number(int(totals.get(stage, 0))), pokja_demo)
    demo.metric(cols[5], t("pokja_m_overdue"), overdue, pokja_demo and overdue != MISSING, help=overdue_help)
    scope.provenance_note(filters, PROVENANCE_FACT[programme])

    st.subheader(t("pokja_h_not_formed", body=body))
    if not_formed.empty:
        st.success(t("pokja_all_formed", body=body))
    else:
        unknown = not_formed.loc[not_formed["stage"] == pokja_rules.NO_REPORT, "regency_code"].nunique()
        st.caption(t("pokja_not_formed_caption", n=number(not_formed["regency_code"].nunique()),
                     recorded=number(not_formed.loc[not_formed["stage"] != pokja_rules.NO_REPORT,
                                                    "regency_code"].nunique()),
                     unknown=number(unknown)))
        st.markdown(t("pokja_no_report_rule", body=body))
        _table(views.not_formed_view(not_formed), name=t("pokja_file_not_formed"), key="pokja_dl_not_formed",
               file=views.not_formed_view(not_formed, raw=True), demo_rows=not_formed["source_kind"].eq("synthetic"))
        st.caption(t("pokja_overdue_help", n=number(pokja_rules.OVERDUE_AFTER_DAYS)))

    st.subheader(t("pokja_h_provinces"))
    st.caption(t("pokja_provinces_caption", body=body))
    chart_data = shares.assign(regencies_text=shares["regencies"].map(number),
                               share_text=shares["share"].map(percent))
    show_chart(built_chart(
        pokja_charts.province_stage_bars, chart_data, stage_labels=STAGE_LABELS, title=demo.chart_title(t("pokja_chart_shares", body=body), pokja_demo),
        x_title=t("pokja_axis_share"),
        tooltip_titles={"province": t("pokja_col_province"), "stage": t("pokja_col_stage"),
                        "regencies": t("pokja_col_regencies"), "share": t("pokja_col_share")}))
    demo_by_province = table.assign(demo=table["source_kind"].eq("synthetic")).groupby("province_code")["demo"].sum()
    province_demo = views.provinces_wide(shares)["province_code"].map(demo_by_province).fillna(0).astype("int64")
    _table(views.provinces_view(shares), name=t("pokja_file_provinces"), key="pokja_dl_provinces",
           file=views.provinces_view(shares, raw=True), demo_rows=province_demo)

    st.subheader(t("pokja_h_all"))
    st.caption(t("pokja_all_caption", body=body))
    _table(views.all_view(table), name=t("pokja_file_all"), key="pokja_dl_all", file=views.all_view(table, raw=True),
           demo_rows=table["source_kind"].eq("synthetic"))

    st.subheader(t("pokja_h_history"))
    on_record = table.loc[table["stage"] != pokja_rules.NO_REPORT]
    options = dict(zip(on_record["regency_code"], on_record["regency_name"], strict=True))
    if not options:
        st.info(t("pokja_history_none", body=body))
    else:
        key = "pokja_history_regency"
        if st.session_state.get(key) not in options:
            st.session_state.pop(key, None)
        preferred = next((c for c in filters.regencies if c in options), None)
        chosen = st.selectbox(t("pokja_pick_regency"), options=list(options), format_func=options.get, key=key,
                              index=list(options).index(preferred) if preferred else 0)
        history = queries.run(pokja.stage_history, filters, chosen, programme)
        if history.empty:
            st.info(t("empty_result"))
        else:
            timeline = history.assign(date_text=each_distinct(history["changed_on"], views.shown_date),
                                      issued_text=each_distinct(history["mandate_issued_on"], views.shown_date),
                                      source_outlet=each_distinct(history["source_outlet"], views.shown_text))
            show_chart(built_chart(
                pokja_charts.stage_timeline, timeline, stage_labels=STAGE_LABELS, title=t("pokja_chart_history", name=options[chosen]),
                until=filters.today,
                tooltip_titles={"date": t("pokja_col_date"), "stage": t("pokja_col_stage"),
                                "mandate": t("pokja_col_mandate"), "note": t("pokja_col_note"),
                                "source": t("pokja_col_source"), "issued": t("pokja_col_mandate_issued")}))
            st.caption(t("pokja_history_caption"))
            _table(views.history_view(history), name=f"{t('pokja_file_history')} {options[chosen]}",
                   key="pokja_dl_history", file=views.history_view(history, raw=True),
                   demo_rows=history["source_kind"].eq("synthetic"))
