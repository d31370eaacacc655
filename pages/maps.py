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
from ui import briefing, charts, demo, filter_bar, queries, scope, tables
from ui.charts import maps
from ui.formatting import dates, numbers, percents
from ui.i18n import t
from ui.tables import Col

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
    """``health`` with the map tooltips' texts (the table below the map reads the values through ``HEALTH_COLS``).

    An area with no register row (``cooperatives.health_by_area`` lists it with zeros) has unknown counts:
    missing ("–" on screen, empty in the files), never 0 (issue 20 point 1)."""
    unknown = health["registered"].fillna(0).eq(0)
    health = health.assign(**{c: health[c].astype("Int64").mask(unknown) for c in ("registered", "active")})
    return health.assign(registered_text=numbers(health["registered"]), active_text=numbers(health["active"]),
                         pct_text=percents(health["pct_active"]))


# The tables under the maps: screen, files and demo column from one declaration (``ui.tables``, issue 20).
HEALTH_COLS = [Col("maps_col_code", "area_code", "code"), Col("maps_col_area", "area_name"),
               Col("maps_col_registered", "registered", "int"), Col("maps_col_active", "active", "int"),
               Col("maps_col_pct", "pct_active", "pct")]


def pokja_cols(labels: dict[str, str]) -> list[Col]:
    return [Col("maps_col_code", "area_code", "code"), Col("maps_col_area", "area_name"),
            Col("maps_col_stage", "stage", "label", label=labels.get),
            Col("maps_col_since", "stage_since", "date"),
            Col("maps_col_mandated", "mandated", "label", label=lambda v: t("pokja_yes") if v else t("pokja_no"))]


def _figures_table(frame: pd.DataFrame, cols: list[Col], *, name: str, key: str, table_filters,
                   demo_rows: pd.Series) -> None:
    with st.expander(t("maps_table")):
        tables.show(frame, cols, name=name, key=key, demo=demo_rows.reset_index(drop=True), filters=table_filters,
                    scope=scope.describe(table_filters))


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
        _figures_table(figures, HEALTH_COLS, name=t("maps_file_coops"), key="maps_dl_national",
                       table_filters=filters, demo_rows=demo_rows)
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
        _figures_table(figures, HEALTH_COLS, name=t("maps_file_coops"), key="maps_dl_coops",
                       table_filters=province_filters, demo_rows=demo_rows)
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
        _figures_table(status, pokja_cols(labels), name=t("maps_file_pokja"), key="maps_dl_pokja",
                       table_filters=province_filters, demo_rows=demo_rows)
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
