"""Kesehatan Koperasi: registered, active and inactive cooperatives, beside the figures sources reported.

Every figure comes from ``data_access.cooperatives`` through ``ui.queries.run``
with the filters of the sidebar; every table and chart offers its own rows for
download.
"""

from __future__ import annotations

import math
from functools import partial

import pandas as pd
import streamlit as st
from babel.dates import format_date

from data_access import cooperative_register, cooperative_reported, cooperatives
from ui import briefing, demo, queries, register_status, scope, tables
from ui.charts import built as built_chart
from ui.charts import cooperatives as charts
from ui.charts import show as show_chart
from ui.formatting import LOCALES, date, each_distinct, number, percent
from ui.i18n import current_language, t
from ui.tables import Col

PAGE_SIZE = cooperative_register.REGISTRY_PAGE_SIZE
MAX_PAGES = 20  # deeper pages of a national register cost a sort each; search or narrow the area instead
PAGE_STATE = "coop_page_state"
RANKING_MAX_HEIGHT = 880

filters = st.session_state["filters"]
scope_text = scope.describe(filters)


def table(frame: pd.DataFrame, cols: list[Col], file_key: str, key: str, demo_rows: pd.Series | None,
          **options) -> None:
    """A table and its downloads from one declaration (``ui.tables.show``)."""
    tables.show(frame.reset_index(drop=True), cols, name=t(file_key), key=key, filters=filters, scope=scope_text,
                demo=None if demo_rows is None else demo_rows.reset_index(drop=True), **options)


def counts_cols(*first: Col) -> list[Col]:
    """``first`` then registered / active / inactive / % active."""
    return [*first, Col("coop_col_registered", "registered", "int"), Col("coop_col_active", "active", "int"),
            Col("coop_col_inactive", "inactive", "int"), Col("coop_col_pct_active", "pct_active", "pct")]


AREA_COLS = counts_cols(Col("coop_col_area_code", "area_code", "code"), Col("coop_col_area", "area_name"))
RANKING_COLS = [Col("coop_col_rank", "rank", "year"), Col("coop_col_area", "area_name"),
                Col("coop_col_pct_active", "pct_active", "pct"), *counts_cols()[:3]]
# the screen says the date to its precision ("2018", "Mei 2025"); the files keep the date, the precision beside it
REPORTED_COLS = [Col("coop_col_area", "area_name"), Col("coop_col_as_of", "as_of", "date", shown="as_of_text"),
                 Col("coop_col_as_of_precision", "as_of_precision", "label", label=lambda p: t(f"coop_precision_{p}")),
                 Col("coop_col_total", "total", "int"), Col("coop_col_active", "active", "int"),
                 Col("coop_col_inactive", "inactive", "int"), Col("coop_col_flags", "flags"),
                 Col("coop_col_source", "outlet"), Col("coop_col_headline", "headline"),
                 Col("coop_col_published", "published_on", "date"), Col("coop_col_url", "url", "url"),
                 Col("coop_col_note", "note")]


def jenis_label(jenis) -> str:
    return t(f"coop_jenis_{jenis}") if isinstance(jenis, str) else t("coop_jenis_unknown")


def as_of_text(value, precision: str) -> str:
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return format_date(value, format="MMMM y", locale=LOCALES[current_language()])
    if precision in ("quarter", "semester"):  # stored as the period's last day
        part = (value.month + 2) // 3 if precision == "quarter" else (value.month + 5) // 6
        return t(f"coop_as_of_{precision}", part=part, year=value.year)
    return date(value)


def rule_text() -> str:
    last = filters.as_of_year
    if filters.window == 1:
        return t("coop_rule_one_year", last=last)
    return t("coop_rule", first=last - filters.window + 1, last=last, n=filters.window)


# --- headline -------------------------------------------------------------------

st.title(t("page_cooperatives"))
st.caption(t("coop_intro"))
scope.caption(filters)
briefing.offer_pack(filters, "koperasi")
demo.banner(filters, "cooperatives", "cooperative_counts")
if filters.sectors:
    st.caption(t("coop_sector_note"))

level = "kabupaten_kota" if filters.provinces or filters.regencies else "provinsi"
health = queries.run(cooperatives.health_by_area, filters, level)
health_demo = health["registered_synthetic"]
registered = int(health["registered"].sum())
active = int(health["active"].sum())
registered_demo = int(health_demo.sum())
reported = queries.run(cooperative_reported.reported_counts, filters)


st.subheader(t("coop_registry_heading"))
metric_cols = st.columns([1, 1, 1, 1, 2])
rule = rule_text()
rule_help = t("coop_rule_help", year=filters.as_of_year)
if registered:
    marked = bool(registered_demo)
    demo.metric(metric_cols[0], t("coop_metric_registered"), number(registered), marked, help=rule_help)
    demo.metric(metric_cols[1], t("coop_metric_active"), number(active), marked, help=rule)
    demo.metric(metric_cols[2], t("coop_metric_inactive"), number(registered - active), marked, help=rule)
    demo.metric(metric_cols[3], t("coop_metric_pct_active"), percent(active / registered), marked, help=rule)
    metric_cols[4].markdown(f"**{rule}**")
    metric_cols[4].caption(rule_help)
    demo.figures_note(registered, registered_demo, reported, set(filters.regencies) or set(filters.provinces),
                      lambda row: as_of_text(row["as_of"], row["as_of_precision"]))
else:
    metric_cols[4].markdown(f"**{rule}**")
    st.info(t("empty_result"))
register_status.show(filters)  # the register's own word beside the derived figure
scope.provenance_note(filters, "cooperatives")


# --- figures as reported --------------------------------------------------------

def flags_text(row) -> str:
    flags = []
    if row.inconsistent:
        flags.append(t("coop_mark_inconsistent", active=number(int(row.active)),
                       inactive=number(int(row.inactive)), total=number(int(row.total))))
    if row.approximate:
        flags.append(t("coop_mark_approximate"))
    return "; ".join(flags)


st.subheader(t("coop_reported"))
st.caption(t("coop_reported_help"))
if reported.empty:
    st.info(t("empty_result"))
else:
    as_of = [as_of_text(d, p) for d, p in zip(reported["as_of"], reported["as_of_precision"], strict=True)]
    table(reported.assign(as_of_text=as_of, flags=[flags_text(r) for r in reported.itertuples(index=False)]),
          REPORTED_COLS, "coop_file_reported", "coop_dl_reported", reported["source_kind"].eq("synthetic"))
    flagged = int((reported["inconsistent"] | reported["approximate"]).sum())
    if flagged:
        st.warning(t("coop_reported_flagged", n=number(flagged)), icon=":material/warning:")
scope.provenance_note(filters, "cooperative_counts")

if not registered:
    st.stop()


# --- by area and ranking --------------------------------------------------------

by_area_col, ranking_col = st.columns(2, gap="large")
with by_area_col:
    title = t("coop_by_regency") if level == "kabupaten_kota" else t("coop_by_province")
    chart_key = "coop_area_" + level + "_" + "_".join(filters.provinces) + "_" + "_".join(filters.regencies)
    ordered = health.sort_values(["registered", "area_name"], ascending=[False, True])
    ordered_demo = health_demo.loc[ordered.index]
    show_chart(built_chart(charts.area_bars, ordered, title=demo.chart_title(title, bool(registered_demo))), key=chart_key,
                    on_select=partial(charts.drill_down, chart_key), selection_mode=charts.SELECTION)
    if not filters.regencies:
        st.caption(t("coop_click_to_drill"))
    table(ordered, AREA_COLS, "coop_file_areas", "coop_dl_areas", ordered_demo, inside=st.expander(t("table_data")))

with ranking_col:
    st.markdown(demo.label(f"**{t('coop_ranking')}**", bool(registered_demo)), help=t("coop_ranking_help"))
    with_coops = health[health["registered"] > 0]
    ranked = with_coops.sort_values(["pct_active", "registered", "area_name"], ascending=[True, False, True])
    table(ranked.assign(rank=range(1, len(ranked) + 1)), RANKING_COLS, "coop_file_ranking", "coop_dl_ranking",
          health_demo.loc[ranked.index], height=min(35 * (len(ranked) + 1) + 3, RANKING_MAX_HEIGHT))
    empty_areas = health.loc[health["registered"] == 0, "area_name"]
    if not empty_areas.empty:
        st.caption(t("coop_ranking_empty", areas=", ".join(empty_areas)))


# --- trend and jenis ------------------------------------------------------------

trend_col, jenis_col = st.columns(2, gap="large")
with trend_col:
    start_year = cooperatives.TREND_START_YEAR
    if filters.date_from:
        start_year = max(start_year, filters.date_from.year)
    first_rat = queries.run(cooperatives.rat_year_span)["first_year"].iloc[0]
    judged_from = int(first_rat) + filters.window - 1 if pd.notna(first_rat) else start_year
    trend = queries.run(cooperatives.trend_by_year, filters, max(start_year, judged_from))
    if trend.empty or not trend["registered"].any():
        st.markdown(f"**{t('coop_trend')}**")
        st.info(t("empty_result"))
    else:
        trend_demo = trend["registered_synthetic"]
        show_chart(built_chart(charts.trend_area, trend, title=demo.chart_title(t("coop_trend"), bool(trend_demo.any()))))
        st.caption(t("coop_trend_help", n=filters.window))
        if judged_from > start_year:
            st.caption(t("coop_trend_from", year=judged_from, first=int(first_rat), n=filters.window))
        table(trend, counts_cols(Col("coop_col_year", "year", "year")), "coop_file_trend", "coop_dl_trend",
              trend_demo, inside=st.expander(t("table_data")))

with jenis_col:
    jenis = queries.run(cooperatives.health_by_jenis, filters)
    jenis = jenis.assign(demo=jenis["registered_synthetic"])
    jenis = jenis[jenis["registered"] > 0].sort_values("registered", ascending=False, kind="stable").assign(
        jenis_label=lambda f: [jenis_label(j) for j in f["jenis"]])
    if jenis.empty:
        st.markdown(f"**{t('coop_by_jenis')}**")
        st.info(t("empty_result"))
    else:
        show_chart(built_chart(charts.jenis_bars, jenis, title=demo.chart_title(t("coop_by_jenis"), bool(jenis["demo"].any()))))
        table(jenis, counts_cols(Col("coop_col_jenis", "jenis_label")), "coop_file_jenis", "coop_dl_jenis",
              jenis["demo"], inside=st.expander(t("table_data")))


# --- the register ---------------------------------------------------------------

def move_page(step: int) -> None:
    signature, page = st.session_state[PAGE_STATE]
    st.session_state[PAGE_STATE] = (signature, max(0, page + step))


st.subheader(t("coop_registry"))
search = st.text_input(t("coop_search"), key="coop_search", placeholder=t("coop_search_placeholder"),
                       max_chars=cooperative_register.SEARCH_MAX_CHARS).strip()
total = int(queries.run(cooperative_register.registry_size, filters, search)["rows"].iloc[0])
if not total:
    st.info(t("coop_no_match", q=search) if search else t("empty_result"))
else:
    pages = min(math.ceil(total / PAGE_SIZE), MAX_PAGES)
    signature = (filters, search)
    saved = st.session_state.get(PAGE_STATE)
    page = min(saved[1], pages - 1) if saved and saved[0] == signature else 0
    st.session_state[PAGE_STATE] = (signature, page)
    rows = queries.run(cooperative_register.registry, filters, search, PAGE_SIZE, page * PAGE_SIZE)
    statuses = charts.status_labels()
    first = page * PAGE_SIZE + 1
    st.caption(t("coop_showing", first=number(first), last=number(first + len(rows) - 1), total=number(total),
                 page=number(page + 1), pages=number(pages)))
    st.caption(t("coop_download_page_note"))
    table(rows.assign(jenis_label=each_distinct(rows["jenis"], jenis_label)), [  # the key columns first
        Col("coop_col_name", "name"),
        Col("coop_col_status", "active", "label", label=lambda a: statuses["aktif" if a else "tidak_aktif"]),
        Col("coop_col_last_rat", "last_rat_year", "year"), Col("coop_col_regency", "regency_name"),
        Col("coop_col_nik", "nik"), Col("coop_col_jenis", "jenis_label"), Col("coop_col_kelompok", "kelompok")],
        "coop_file_registry", "coop_dl_registry", rows["synthetic"])
    prev_col, next_col, note_col = st.columns([1, 1, 4])
    prev_col.button(t("coop_page_prev"), key="coop_page_prev", disabled=page == 0,
                    on_click=move_page, args=(-1,), width="stretch")
    next_col.button(t("coop_page_next"), key="coop_page_next", disabled=page >= pages - 1,
                    on_click=move_page, args=(1,), width="stretch")
    if total > MAX_PAGES * PAGE_SIZE:
        note_col.caption(t("coop_showing_capped", shown=number(MAX_PAGES * PAGE_SIZE)))

