"""Peta: offline choropleths. Provinces by % active cooperatives; inside a province its
kab/kota by % active or by Pokja stage. A click on an area makes it the filter.

The click handler is a chart callback (``on_select=<callable>``): it runs before the
rerun, before the filter bar's widgets exist, which is the only moment their session
state may be changed (``ui.filter_bar.select_area``). Streamlit then reruns by itself.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from data_access import cooperatives, pokja, pokja_rules
from ui import briefing, charts, demo, downloads, filter_bar, queries, scope
from ui.charts import maps
from ui.formatting import dates, numbers, percents
from ui.i18n import t

filters = st.session_state["filters"]
SELECTION = "area"


def on_map_select(key: str) -> None:
    """Chart callback: make the clicked area the filter (no-op when nothing is selected)."""
    maps.apply_selection(st.session_state.get(key), filter_bar.select_area, SELECTION)


def _draw(chart, key: str) -> None:
    # The key names the area chosen, so after a click (or a filter change) the map starts with
    # no stale selection and a click on any area is a change that reaches the callback.
    key = "_".join([key, *filters.regencies])
    charts.show(chart, key=key, on_select=partial(on_map_select, key), selection_mode=[SELECTION])
    st.caption(maps.ATTRIBUTION)


def health_figures(health: pd.DataFrame) -> pd.DataFrame:
    return health.assign(registered_text=numbers(health["registered"]), active_text=numbers(health["active"]),
                         pct_text=percents(health["pct_active"]))


def health_table(figures: pd.DataFrame, raw: bool = False) -> pd.DataFrame:
    """The figures of a map as a table: screen text, or (``raw``) integers and % active as a number."""
    if raw:
        return pd.DataFrame({t("maps_col_code"): figures["area_code"], t("maps_col_area"): figures["area_name"],
                             t("maps_col_registered"): figures["registered"], t("maps_col_active"): figures["active"],
                             t("maps_col_pct"): (figures["pct_active"] * 100).round(1)})
    return pd.DataFrame({t("maps_col_code"): figures["area_code"], t("maps_col_area"): figures["area_name"],
                         t("maps_col_registered"): figures["registered_text"],
                         t("maps_col_active"): figures["active_text"], t("maps_col_pct"): figures["pct_text"]})


def _figures_table(shown: pd.DataFrame, *, name: str, key: str, table_filters, file: pd.DataFrame,
                   demo_rows: pd.Series) -> None:
    with st.expander(t("maps_table")):
        if demo_rows.astype(bool).any():
            shown = shown.copy()
            shown.insert(0, t("col_demo_flag"), demo_rows.astype(bool).map({True: t("demo_mark"), False: ""}).to_numpy())
        st.dataframe(shown, hide_index=True)
        downloads.offer(file, name=name, filters=table_filters, scope=scope.describe(table_filters), key=key,
                        demo=demo_rows.reset_index(drop=True))


def _tooltip_titles() -> dict[str, str]:
    return {"area": t("maps_col_area"), "registered": t("maps_col_registered"),
            "active": t("maps_col_active"), "pct": t("maps_col_pct")}


def national_view() -> None:
    health = queries.run(cooperatives.health_by_area, filters, "provinsi")
    if health.empty or int(health["registered"].sum()) == 0:
        st.info(t("empty_result"))
    else:
        figures = health_figures(health)
        demo_rows = health["registered_synthetic"]
        _draw(charts.built(
            maps.percent_active_map, maps.province_shapes(), figures,
            title=demo.chart_title(t("maps_national_title", year=filters.as_of_year, n=filters.window),
                                   bool(demo_rows.any())),
            legend_title=t("maps_legend_pct"), tooltip_titles=_tooltip_titles()), key="maps_national")
        st.caption(t("maps_no_data_coops"))
        _figures_table(health_table(figures), name=t("maps_file_coops"), key="maps_dl_national",
                       table_filters=filters, file=health_table(figures, raw=True), demo_rows=demo_rows)
    scope.provenance_note(filters, "cooperatives")


def cooperatives_view(province: str, shapes: maps.Shapes, province_filters, name: str) -> None:
    health = queries.run(cooperatives.health_by_area, province_filters, "kabupaten_kota")
    if health.empty or int(health["registered"].sum()) == 0:
        st.info(t("empty_result"))
    else:
        figures = health_figures(health)
        demo_rows = health["registered_synthetic"]
        _draw(charts.built(
            maps.percent_active_map, shapes, figures, title=demo.chart_title(
                t("maps_coops_title", province=name, year=filters.as_of_year, n=filters.window), bool(demo_rows.any())),
            legend_title=t("maps_legend_pct"), tooltip_titles=_tooltip_titles(), highlight=filters.regencies),
            key=f"maps_coops_{province}")
        st.caption(t("maps_no_data_coops"))
        _figures_table(health_table(figures), name=t("maps_file_coops"), key="maps_dl_coops",
                       table_filters=province_filters, file=health_table(figures, raw=True), demo_rows=demo_rows)
    scope.provenance_note(province_filters, "cooperatives")


def pokja_view(province: str, shapes: maps.Shapes, province_filters, name: str) -> None:
    status = queries.run(pokja.regency_status, province_filters)
    if status.empty or not (status["mandated"].any() or (status["stage"] != pokja_rules.NO_REPORT).any()):
        st.info(t("empty_result"))
    else:
        labels = {stage: t(f"pokja_stage_{stage}") for stage in pokja_rules.STAGES_WITH_NO_REPORT}
        figures = status.assign(since_text=dates(status["stage_since"]))
        records = queries.run(pokja.pokja_by_regency, province_filters)
        demo_regencies = set(records.loc[records["source_kind"] == "synthetic", "regency_code"])
        demo_rows = figures["area_code"].isin(demo_regencies)
        _draw(charts.built(
            maps.pokja_stage_map, shapes, figures, title=demo.chart_title(t("maps_pokja_title", province=name), bool(demo_rows.any())),
            stage_labels=labels,
            tooltip_titles={"area": t("maps_col_area"), "stage": t("maps_col_stage"), "since": t("maps_col_since")},
            highlight=filters.regencies), key=f"maps_pokja_{province}")
        st.caption(t("maps_no_data_pokja"))
        shown = pd.DataFrame({
            t("maps_col_code"): figures["area_code"], t("maps_col_area"): figures["area_name"],
            t("maps_col_stage"): figures["stage"].map(labels), t("maps_col_since"): figures["since_text"],
            t("maps_col_mandated"): figures["mandated"].map({True: t("pokja_yes"), False: t("pokja_no")}),
        })
        file = shown.assign(**{t("maps_col_since"): figures["stage_since"]})
        _figures_table(shown, name=t("maps_file_pokja"), key="maps_dl_pokja", table_filters=province_filters,
                       file=file, demo_rows=demo_rows)
    scope.provenance_note(province_filters, "pokja")


def province_view(province: str) -> None:
    name = filter_bar.area_names().get(province, province)
    shapes = maps.regency_shapes(province)
    st.caption(t("maps_whole_province", province=name))
    modes = {mode: t(f"maps_mode_{mode}") for mode in ("koperasi", "pokja")}  # labels fixed in this run
    mode = st.radio(t("maps_colour_by"), options=list(modes), format_func=modes.get, horizontal=True,
                    key="maps_mode")
    if not shapes:
        st.info(t("maps_no_shapes"))
        return
    province_filters = filters.with_(provinces=(province,), regencies=())
    if mode == "pokja":
        pokja_view(province, shapes, province_filters, name)
    else:
        cooperatives_view(province, shapes, province_filters, name)


st.title(t("page_maps"))
st.caption(t("maps_intro"))
scope.caption(filters)
briefing.offer_pack(filters, "peta")
demo.banner(filters, "cooperatives", "pokja")
mapped = filters.provinces or tuple(sorted({code[:2] for code in filters.regencies}))
if not mapped:
    national_view()
elif len(mapped) == 1:
    province_view(mapped[0])
else:
    names = filter_bar.area_names()
    if st.session_state.get("maps_province") not in mapped:
        st.session_state.pop("maps_province", None)
    province_view(st.selectbox(t("maps_pick_province"), options=list(mapped), format_func=names.get,
                               key="maps_province"))
