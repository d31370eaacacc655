"""Koperasi Merah Putih: KDMP formation and operation per desa (Inpres 9/2025).

The funnel one level below the filters (provinces → kab/kota → kecamatan), % operating, stalled KDMP
(the number of days is a setting, shown, and in the link as ``?macet=``), the slowest kab/kota, a
map by % operating (a click filters), the searchable desa list read one page at a time, one desa's
stage history, and the figures published for the country and provinces, as reported. Rules and
columns: ``data_access.kdmp`` and ``data_access.kdmp_desa``.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from data_access import kdmp, kdmp_desa, regions, url_params
from ui import briefing, charts, demo, filter_bar, queries, scope, tables
from ui.charts import kdmp as kdmp_charts
from ui.charts import maps
from ui.formatting import date, number, numbers, percent, percents
from ui.i18n import t
from ui.tables import Col

filters = st.session_state["filters"]
STAGE_LABELS = {s: t(f"kdmp_stage_{s}") for s in (*kdmp.STAGES_WITH_NO_REPORT, "semua", "macet")}
STALLED_PARAM, STALLED_KEY = "macet", "kdmp_stalled_days"


def stalled_days_setting() -> int:
    """Days without a stage change after which a KDMP is stalled: a number input, kept in the link
    (``?macet=``, declared with its bounds in ``data_access.url_params``)."""
    param = url_params.get(STALLED_PARAM)
    st.session_state.setdefault(STALLED_KEY, kdmp.STALLED_DAYS)
    days = int(st.number_input(t("kdmp_stalled_days"), min_value=param.lo, max_value=param.hi, step=15, key=STALLED_KEY))
    return days


def funnel_cols() -> list[Col]:
    """The funnel and ranking tables: counts per stage, the shares of ``kdmp.funnel`` (issue 20)."""
    return [Col("kdmp_col_code", "area_code", "code"), Col("kdmp_col_area", "area_name"),
            Col("kdmp_col_desa", "desa", "int"),
            *(Col(f"kdmp_stage_{stage}", f"at_{stage}", "int") for stage in kdmp.STAGES_WITH_NO_REPORT),
            Col("kdmp_col_recorded_pct", "recorded_share", "pct"),
            Col("kdmp_col_operating_pct", "operational_share", "pct"),
            Col("kdmp_col_legal_pct", "legal_entity_share", "pct"), Col("kdmp_col_stalled", "stalled", "int")]


def stage_long(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per area and stage, for the stacked bars."""
    rows = []
    for stage in kdmp.STAGES_WITH_NO_REPORT:
        share = frame[f"at_{stage}"] / frame["desa"]
        rows.append(pd.DataFrame({"area_name": frame["area_name"], "stage": stage, "share": share,
                                  "desa_text": numbers(frame[f"at_{stage}"]), "share_text": percents(share)}))
    return pd.concat(rows, ignore_index=True)


OPERATING_PARTS = ("has_outlet", "has_warehouse", "has_clinic", "has_savings_loans")


def desa_cols() -> list[Col]:
    return [Col("kdmp_col_code", "village_code", "code"), Col("kdmp_col_name", "village_name"),
            Col("kdmp_col_kind", "kind", "label", label=lambda k: t(f"kdmp_kind_{k}")),
            Col("kdmp_col_district", "district_name"), Col("kdmp_col_regency", "regency_name"),
            Col("kdmp_col_stage", "stage", "label", label=STAGE_LABELS.get),
            Col("kdmp_col_stalled", "stalled", "label", label=lambda v: t("kdmp_yes") if v else t("kdmp_no")),
            Col("kdmp_col_musdesus_on", "musdesus_on", "date"), Col("kdmp_col_deed_on", "deed_on", "date"),
            Col("kdmp_col_deed_number", "deed_number"), Col("kdmp_col_sk_ahu_on", "sk_ahu_on", "date"),
            Col("kdmp_col_sk_ahu_number", "sk_ahu_number"),
            Col("kdmp_col_operational_on", "operational_on", "date"),
            Col("kdmp_col_changed_on", "stage_changed_on", "date"), Col("kdmp_col_operating", "operating"),
            Col("kdmp_col_kdmp", "kdmp_name"), Col("kdmp_col_source", "source_outlet")]


def with_operating(page: pd.DataFrame) -> pd.DataFrame:
    """``page`` with ``operating``: the parts of a KDMP that operate, in words (None for none)."""
    parts = [", ".join(t(f"kdmp_{c}") for c in OPERATING_PARTS if row[c] is True) or None
             for row in page[list(OPERATING_PARTS)].to_dict("records")]
    return page.assign(operating=parts)


FIGURES_COLS = [Col("kdmp_col_date", "as_of", "date"), Col("kdmp_col_area", "area_name"),
                Col("kdmp_col_figure", "measure", "label", label=lambda m: t(f"kdmp_measure_{m}")),
                Col("kdmp_col_value", "value", "int"), Col("kdmp_col_of_total", "of_total", "int"),
                Col("kdmp_col_note", "note"), Col("kdmp_col_source", "source_outlet"),
                Col("kdmp_col_headline", "source_headline"), Col("kdmp_col_published", "source_published_on", "date")]
HISTORY_COLS = [Col("kdmp_col_date", "changed_on", "date"),
                Col("kdmp_col_stage", "stage", "label", label=lambda s: STAGE_LABELS[s]),
                Col("kdmp_col_note", "note"), Col("kdmp_col_source", "source_outlet"),
                Col("kdmp_col_published", "source_published_on", "date")]


def _all_desa(view, search: str, stage: str, days: int, found: int) -> tuple[pd.DataFrame, pd.Series]:
    """Every desa of the list in view (all its pages), for the files (read on click, issue 20 point 6)."""
    rows = kdmp_desa.desa_page(view, search, stage, 1, days, page_size=max(found, 1))
    return with_operating(rows), rows["source_kind"].eq("synthetic")


def _table(frame: pd.DataFrame, cols: list[Col], *, name: str, key: str, demo_rows: pd.Series, all_rows=None) -> None:
    """A table with its downloads (``ui.tables.show``); ``demo_rows``: per row a bool (synthetic record)
    or the count of synthetic records behind an aggregate row (``downloads.with_demo``)."""
    tables.show(frame.reset_index(drop=True), cols, name=name, key=key, demo=demo_rows.reset_index(drop=True),
                filters=filters, scope=scope_text, height=min(38 + 35 * max(len(frame), 1), 600), all_rows=all_rows)


def _synthetic(frame: pd.DataFrame) -> pd.Series:
    return frame["source_kind"].eq("synthetic").reset_index(drop=True)


def on_map_select(key: str) -> None:
    maps.apply_selection(st.session_state.get(key), filter_bar.select_area)


def draw_map(level: str, frame: pd.DataFrame) -> None:
    """Provinces (national view) or one province's kab/kota, coloured by % operating."""
    if level == "provinsi":
        shapes, figures = maps.province_shapes(), frame
    else:
        province = (filters.provinces or tuple({c[:2] for c in filters.regencies}))
        if len(province) != 1:
            return
        shapes = maps.regency_shapes(province[0])
        figures = queries.run(kdmp.funnel, filters.with_(provinces=province, regencies=(), districts=()),
                              "kabupaten_kota", stalled_days)
    st.subheader(t("kdmp_h_map"))
    # an area without any KDMP record in view is unknown (grey), not 0 % operating
    figures = figures.assign(pct_active=figures["operational_share"].where(figures["reached_musdesus"] > 0),
                             registered_text=numbers(figures["desa"]),
                             active_text=numbers(figures["at_operasional"]),
                             pct_text=percents(figures["operational_share"]))
    key = "_".join(["kdmp_map", shapes.key, *filters.regencies])
    chart = charts.built(
        maps.percent_active_map, shapes, figures, title=t("kdmp_h_map"), legend_title=t("kdmp_col_operating_pct"),
        tooltip_titles={"area": t("kdmp_col_area"), "registered": t("kdmp_col_desa"),
                        "active": STAGE_LABELS["operasional"], "pct": t("kdmp_col_operating_pct")},
        highlight=filters.regencies)
    charts.show(chart, key=key, on_select=partial(on_map_select, key), selection_mode=["area"])
    st.caption(f"{maps.ATTRIBUTION} · {t('kdmp_map_no_data')}")


st.title(t("page_kdmp"))
demo.banner(filters, "kdmp")
st.markdown(t("kdmp_intro"))
scope.caption(filters, with_districts=True)
briefing.offer_pack(filters, "merah-putih")
scope_text = scope.describe(filters, with_districts=True)
stalled_days = stalled_days_setting()
st.caption(t("kdmp_stalled_rule", n=number(stalled_days), today=date(filters.today)))

level = kdmp.level_for(filters)
# One kab/kota count serves the national view (summed to provinces), the province view and the
# ranking of the slowest kab/kota; a kecamatan view counts its kecamatan as well.
regency_frame = queries.run(kdmp.funnel, filters.with_(districts=()), "kabupaten_kota", stalled_days)
if level == "provinsi":
    province_names = queries.run(regions.provinces).set_index("code")["name"].to_dict()
    frame = kdmp.province_funnel(regency_frame, province_names)
elif level == "kabupaten_kota":
    frame = regency_frame
else:
    frame = queries.run(kdmp.funnel, filters, level, stalled_days)
if frame.empty:
    st.info(t("empty_result"))
    scope.provenance_note(filters, "kdmp")
    st.stop()
total = kdmp.totals(frame)
in_demo = bool(total["synthetic"])  # a figure computed from any synthetic KDMP record is marked DEMO
cols = st.columns(4)
cols[0].metric(t("kdmp_m_desa"), number(int(total["desa"])))  # the gazetteer's count: never demo
# desa without any record: the gazetteer minus the records, a count of what is unknown (no DEMO badge)
cols[1].metric(t("kdmp_m_no_report"), number(int(total["at_tidak_ada_data"])))
demo.metric(cols[2], t("kdmp_m_recorded"), number(int(total["reached_musdesus"])), in_demo,
            help=t("kdmp_m_recorded_help"))
demo.metric(cols[3], t("kdmp_col_recorded_pct"), percent(total["recorded_share"]), in_demo)
cols = st.columns(4)
if total["reached_musdesus"]:
    demo.metric(cols[0], t("kdmp_m_operating"), number(int(total["at_operasional"])), in_demo)
    demo.metric(cols[1], t("kdmp_col_operating_pct"), percent(total["operational_share"]), in_demo)
    demo.metric(cols[2], t("kdmp_m_legal"), number(int(total["reached_sk_ahu"])), in_demo)
    demo.metric(cols[3], t("kdmp_m_stalled"), number(int(total["stalled"])), in_demo)
else:  # no record in view: how many operate is unknown, not 0 (issue 20)
    for column, key in zip(cols, ("kdmp_m_operating", "kdmp_col_operating_pct", "kdmp_m_legal", "kdmp_m_stalled"),
                           strict=True):
        column.metric(t(key), "–")
    st.caption(t("kdmp_no_records_real" if filters.real_only else "kdmp_no_records"))
st.caption(t("kdmp_share_rule"))
scope.provenance_note(filters, "kdmp")

st.subheader(t("kdmp_h_funnel", level=t(f"kdmp_level_{level}")))
st.caption(t("kdmp_funnel_caption"))
charts.show(charts.built(
    kdmp_charts.stage_bars, stage_long(frame), stage_labels={s: STAGE_LABELS[s] for s in kdmp.STAGES_WITH_NO_REPORT},
    title=demo.chart_title(t("kdmp_chart_funnel"), in_demo), x_title=t("kdmp_col_desa"),
    tooltip_titles={"area": t("kdmp_col_area"), "stage": t("kdmp_col_stage"), "desa": t("kdmp_col_desa"),
                    "share": "%"}))
_table(frame, funnel_cols(), name=t("kdmp_file_funnel"), key="kdmp_dl_funnel", demo_rows=frame["synthetic"])

draw_map(level, frame)

st.subheader(t("kdmp_h_slowest"))
st.caption(t("kdmp_slowest_caption"))
slowest = kdmp.slowest(regency_frame)
if slowest.empty:
    st.info(t("empty_result"))
else:
    _table(slowest, [Col("kdmp_col_rank", "rank", "int"), *funnel_cols()], name=t("kdmp_file_slowest"),
           key="kdmp_dl_slowest", demo_rows=slowest["synthetic"])

st.subheader(t("kdmp_h_list"))
c1, c2, c3 = st.columns([3, 2, 1])
search = c1.text_input(t("kdmp_search"), key="kdmp_search", max_chars=100)
stage = c2.selectbox(t("kdmp_stage_filter"), options=kdmp_desa.STAGE_CHOICES, format_func=STAGE_LABELS.get,
                     key="kdmp_stage")
found = queries.run(kdmp_desa.desa_count, filters, search, stage, stalled_days)
pages = max(1, -(-found // kdmp_desa.PAGE_SIZE))
if st.session_state.get("kdmp_page", 1) > pages:
    st.session_state["kdmp_page"] = 1
page_no = int(c3.number_input(t("kdmp_page"), min_value=1, max_value=pages, step=1, key="kdmp_page"))
st.caption(t("kdmp_list_caption", n=number(found), page=number(page_no), pages=number(pages),
             size=number(kdmp_desa.PAGE_SIZE)))
page = queries.run(kdmp_desa.desa_page, filters, search, stage, page_no, stalled_days)
if page.empty:
    st.info(t("empty_result"))
else:
    _table(with_operating(page), desa_cols(), name=t("kdmp_file_list"), key="kdmp_dl_list",
           demo_rows=_synthetic(page), all_rows=partial(_all_desa, filters, search, stage, stalled_days, found))
    on_record = page.loc[page["stage"] != kdmp.NO_REPORT]
    if not on_record.empty:
        st.subheader(t("kdmp_h_history"))
        options = dict(zip(on_record["village_code"], on_record["village_name"], strict=True))
        if st.session_state.get("kdmp_history_desa") not in options:
            st.session_state.pop("kdmp_history_desa", None)
        chosen = st.selectbox(t("kdmp_pick_desa"), options=list(options), key="kdmp_history_desa",
                              format_func=lambda c: f"{options[c]} ({c})")
        history = queries.run(kdmp_desa.stage_history, filters, chosen)
        _table(history, HISTORY_COLS, name=f"{t('kdmp_file_history')} {chosen}", key="kdmp_dl_history",
               demo_rows=_synthetic(history))

st.subheader(t("kdmp_h_figures"))
st.caption(t("kdmp_figures_caption"))
figures = queries.run(kdmp_desa.reported_figures, filters)
if figures.empty:
    st.info(t("empty_result"))
else:
    _table(figures.assign(area_name=figures["area_name"].fillna(t("kdmp_national"))), FIGURES_COLS,
           name=t("kdmp_file_figures"), key="kdmp_dl_figures", demo_rows=_synthetic(figures))
