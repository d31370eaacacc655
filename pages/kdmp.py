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
from ui import charts, demo, downloads, filter_bar, queries, scope
from ui.charts import kdmp as kdmp_charts
from ui.charts import maps
from ui.formatting import date, each_distinct, number, numbers, percent, percents
from ui.i18n import t

filters = st.session_state["filters"]
STAGE_LABELS = {s: t(f"kdmp_stage_{s}") for s in (*kdmp.STAGES_WITH_NO_REPORT, "semua", "macet")}
STALLED_PARAM, STALLED_KEY = "macet", "kdmp_stalled_days"


def _text(value) -> str:
    return "–" if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "" else str(value)


def _date(value) -> str:
    return "–" if value is None or pd.isna(value) else date(value)


def stalled_days_setting() -> int:
    """Days without a stage change after which a KDMP is stalled: a number input, kept in the link
    (``?macet=``, declared with its bounds in ``data_access.url_params``)."""
    param = url_params.get(STALLED_PARAM)
    st.session_state.setdefault(STALLED_KEY, kdmp.STALLED_DAYS)
    days = int(st.number_input(t("kdmp_stalled_days"), min_value=param.lo, max_value=param.hi, step=15, key=STALLED_KEY))
    return days


def funnel_view(frame: pd.DataFrame) -> pd.DataFrame:
    shown = pd.DataFrame({t("kdmp_col_code"): frame["area_code"], t("kdmp_col_area"): frame["area_name"],
                          t("kdmp_col_desa"): numbers(frame["desa"])})
    for stage in kdmp.STAGES_WITH_NO_REPORT:
        shown[STAGE_LABELS[stage]] = numbers(frame[f"at_{stage}"])
    shown[t("kdmp_col_operating_pct")] = percents(frame["operational_share"])
    shown[t("kdmp_col_legal_pct")] = percents(frame["legal_entity_share"])
    shown[t("kdmp_col_stalled")] = numbers(frame["stalled"])
    return shown


def stage_long(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per area and stage, for the stacked bars."""
    rows = []
    for stage in kdmp.STAGES_WITH_NO_REPORT:
        share = frame[f"at_{stage}"] / frame["desa"]
        rows.append(pd.DataFrame({"area_name": frame["area_name"], "stage": stage, "share": share,
                                  "desa_text": numbers(frame[f"at_{stage}"]), "share_text": percents(share)}))
    return pd.concat(rows, ignore_index=True)


def desa_view(page: pd.DataFrame) -> pd.DataFrame:
    operating_cols = ("has_outlet", "has_warehouse", "has_clinic", "has_savings_loans")
    operating = [", ".join(t(f"kdmp_{c}") for c in operating_cols if row[c] is True) or "–"
                 for row in page[list(operating_cols)].to_dict("records")]
    return pd.DataFrame({
        t("kdmp_col_code"): page["village_code"], t("kdmp_col_name"): page["village_name"],
        t("kdmp_col_kind"): page["kind"].map(lambda k: t(f"kdmp_kind_{k}")),
        t("kdmp_col_district"): page["district_name"], t("kdmp_col_regency"): page["regency_name"],
        t("kdmp_col_stage"): page["stage"].map(STAGE_LABELS),
        t("kdmp_col_stalled"): page["stalled"].map(lambda v: t("kdmp_yes") if v else "–"),
        t("kdmp_col_musdesus_on"): each_distinct(page["musdesus_on"], _date),
        t("kdmp_col_deed_on"): each_distinct(page["deed_on"], _date),
        t("kdmp_col_deed_number"): each_distinct(page["deed_number"], _text),
        t("kdmp_col_sk_ahu_on"): each_distinct(page["sk_ahu_on"], _date),
        t("kdmp_col_sk_ahu_number"): each_distinct(page["sk_ahu_number"], _text),
        t("kdmp_col_operational_on"): each_distinct(page["operational_on"], _date),
        t("kdmp_col_changed_on"): each_distinct(page["stage_changed_on"], _date),
        t("kdmp_col_operating"): operating,
        t("kdmp_col_kdmp"): each_distinct(page["kdmp_name"], _text),
        t("kdmp_col_source"): each_distinct(page["source_outlet"], _text),
    })


def figures_view(figures: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("kdmp_col_date"): each_distinct(figures["as_of"], _date),
        t("kdmp_col_area"): figures["area_name"].fillna(t("kdmp_national")),
        t("kdmp_col_figure"): figures["measure"].map(lambda m: t(f"kdmp_measure_{m}")),
        t("kdmp_col_value"): numbers(figures["value"]),
        t("kdmp_col_of_total"): each_distinct(figures["of_total"], lambda v: "–" if pd.isna(v) else number(int(v))),
        t("kdmp_col_note"): each_distinct(figures["note"], _text),
        t("kdmp_col_source"): figures["source_outlet"],
        t("kdmp_col_headline"): each_distinct(figures["source_headline"], _text),
        t("kdmp_col_published"): each_distinct(figures["source_published_on"], _date),
    })


def _table(shown: pd.DataFrame, *, name: str, key: str, demo_rows: pd.Series) -> None:
    """A table with its downloads; ``demo_rows``: per row a bool (synthetic record) or the count of
    synthetic records behind an aggregate row (``downloads.with_demo``), on screen when any is demo."""
    on_screen = downloads.with_demo(shown, demo_rows)[0] if demo_rows.astype("int64").any() else shown
    st.dataframe(on_screen, hide_index=True, height=min(38 + 35 * max(len(shown), 1), 600))
    downloads.offer(shown, name=name, filters=filters, scope=scope_text, key=key, demo=demo_rows)


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
    chart = maps.percent_active_map(
        shapes, figures, title=t("kdmp_h_map"), legend_title=t("kdmp_col_operating_pct"),
        tooltip_titles={"area": t("kdmp_col_area"), "registered": t("kdmp_col_desa"),
                        "active": STAGE_LABELS["operasional"], "pct": t("kdmp_col_operating_pct")},
        highlight=filters.regencies)
    charts.show(chart, key=key, on_select=partial(on_map_select, key), selection_mode=["area"])
    st.caption(f"{maps.ATTRIBUTION} · {t('kdmp_map_no_data')}")


st.title(t("page_kdmp"))
demo.banner(filters, "kdmp")
st.markdown(t("kdmp_intro"))
scope.caption(filters, with_districts=True)
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
cols = st.columns(6)
cols[0].metric(t("kdmp_m_desa"), number(int(total["desa"])))  # the gazetteer's count: never demo
demo.metric(cols[1], t("kdmp_m_operating"), number(int(total["at_operasional"])), in_demo)
demo.metric(cols[2], t("kdmp_col_operating_pct"), percent(total["operational_share"]), in_demo)
demo.metric(cols[3], t("kdmp_m_legal"), number(int(total["reached_sk_ahu"])), in_demo)
demo.metric(cols[4], t("kdmp_m_stalled"), number(int(total["stalled"])), in_demo)
demo.metric(cols[5], t("kdmp_m_no_report"), number(int(total["at_tidak_ada_data"])), in_demo)
scope.provenance_note(filters, "kdmp")

st.subheader(t("kdmp_h_funnel", level=t(f"kdmp_level_{level}")))
st.caption(t("kdmp_funnel_caption"))
charts.show(charts.built(
    kdmp_charts.stage_bars, stage_long(frame), stage_labels={s: STAGE_LABELS[s] for s in kdmp.STAGES_WITH_NO_REPORT},
    title=demo.chart_title(t("kdmp_chart_funnel"), in_demo), x_title=t("kdmp_col_desa"),
    tooltip_titles={"area": t("kdmp_col_area"), "stage": t("kdmp_col_stage"), "desa": t("kdmp_col_desa"),
                    "share": "%"}))
_table(funnel_view(frame), name=t("kdmp_file_funnel"), key="kdmp_dl_funnel", demo_rows=frame["synthetic"])

draw_map(level, frame)

st.subheader(t("kdmp_h_slowest"))
st.caption(t("kdmp_slowest_caption"))
slowest = kdmp.slowest(regency_frame)
if slowest.empty:
    st.info(t("empty_result"))
else:
    shown = funnel_view(slowest)
    shown.insert(0, t("kdmp_col_rank"), slowest["rank"].to_numpy())
    _table(shown, name=t("kdmp_file_slowest"), key="kdmp_dl_slowest", demo_rows=slowest["synthetic"])

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
    _table(desa_view(page), name=t("kdmp_file_list"), key="kdmp_dl_list", demo_rows=_synthetic(page))
    on_record = page.loc[page["stage"] != kdmp.NO_REPORT]
    if not on_record.empty:
        st.subheader(t("kdmp_h_history"))
        options = dict(zip(on_record["village_code"], on_record["village_name"], strict=True))
        if st.session_state.get("kdmp_history_desa") not in options:
            st.session_state.pop("kdmp_history_desa", None)
        chosen = st.selectbox(t("kdmp_pick_desa"), options=list(options), key="kdmp_history_desa",
                              format_func=lambda c: f"{options[c]} ({c})")
        history = queries.run(kdmp_desa.stage_history, filters, chosen)
        shown = pd.DataFrame({
            t("kdmp_col_date"): each_distinct(history["changed_on"], _date),
            t("kdmp_col_stage"): history["stage"].map(STAGE_LABELS),
            t("kdmp_col_note"): each_distinct(history["note"], _text),
            t("kdmp_col_source"): history["source_outlet"],
            t("kdmp_col_published"): each_distinct(history["source_published_on"], _date)})
        _table(shown, name=f"{t('kdmp_file_history')} {chosen}", key="kdmp_dl_history",
               demo_rows=_synthetic(history))

st.subheader(t("kdmp_h_figures"))
st.caption(t("kdmp_figures_caption"))
figures = queries.run(kdmp_desa.reported_figures, filters)
if figures.empty:
    st.info(t("empty_result"))
else:
    _table(figures_view(figures), name=t("kdmp_file_figures"), key="kdmp_dl_figures",
           demo_rows=_synthetic(figures))
