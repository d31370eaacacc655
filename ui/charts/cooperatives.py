"""Charts of the "Kesehatan Koperasi" page: active / inactive cooperatives by area, year and jenis.

Every chart stacks *aktif* under *tidak aktif* in the fixed colours of
``ui.charts.COOPERATIVE_STATUS_COLOURS``, so the bar's (or area's) full length
is the number registered. Numbers in tooltips come from ``ui.formatting``;
axes use the interface language's separators (Vega ``config.locale``).

The area chart is clickable: a point selection named ``SELECTION`` on
``area_code``. The page passes ``drill_down`` as the chart's ``on_select``
callback; it runs before the next script run, which is when the filter
widgets' session state may still be written (after they are drawn, Streamlit
refuses the write).
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from ui import filter_bar
from ui.charts import COOPERATIVE_STATUS_COLOURS, scale
from ui.charts.locale import vega_locale
from ui.formatting import numbers, percents
from ui.i18n import current_language, t

SELECTION = "area"
STATUSES = tuple(COOPERATIVE_STATUS_COLOURS)  # ("aktif", "tidak_aktif"), stacked in this order
STATUS_COLUMNS = {"aktif": "active", "tidak_aktif": "inactive"}
BAR_HEIGHT = 22  # pixels per bar (a step, so long lists grow instead of squeezing)
TREND_HEIGHT = 380  # the whole chart, title and legend included (Streamlit fits the spec to it)


def status_labels() -> dict[str, str]:
    """Status code → its label in the interface language."""
    return {status: t(f"coop_status_{status}") for status in STATUSES}


def _long(frame: pd.DataFrame, key: str, label: str) -> pd.DataFrame:
    """One row per (``key``, status) with the count and tooltip texts.

    ``frame`` holds ``key``, ``label``, ``registered``, ``active``, ``inactive``
    and ``pct_active`` (a fraction or NaN). Rows come in ``frame``'s order, the
    statuses of a row in ``STATUSES`` order. Built column-wise: the numbers are
    formatted once per column (``ui.formatting.numbers``), not once per cell.
    """
    k = len(STATUSES)
    labels = status_labels()
    counts = np.column_stack([frame[STATUS_COLUMNS[status]].to_numpy(dtype=np.int64) for status in STATUSES])
    lang = current_language()

    def each_status(values) -> np.ndarray:  # frame row i → rows i*k … i*k+k-1
        return np.repeat(np.asarray(values, dtype=object), k)

    return pd.DataFrame({
        key: np.repeat(frame[key].to_numpy(), k),
        "label": each_status(frame[label].astype(str)),
        "status": np.tile(np.array([labels[status] for status in STATUSES], dtype=object), len(frame)),
        "status_order": np.tile(np.arange(k, dtype=np.int64), len(frame)),
        "count": counts.ravel(),
        "count_text": numbers([int(n) for n in counts.ravel()], lang),
        "registered_text": each_status(numbers([int(n) for n in frame["registered"]], lang)),
        "pct_text": each_status(percents(frame["pct_active"].astype(float).tolist(), lang)),
    }, columns=[key, "label", "status", "status_order", "count", "count_text", "registered_text", "pct_text"])


def _colour() -> alt.Color:
    return alt.Color("status:N", scale=scale(COOPERATIVE_STATUS_COLOURS, status_labels()),
                     legend=alt.Legend(title=None, orient="bottom"))


def _tooltip(first: alt.Tooltip) -> list[alt.Tooltip]:
    return [first, alt.Tooltip("status:N", title=t("coop_col_status_label")),
            alt.Tooltip("count_text:N", title=t("coop_col_count")),
            alt.Tooltip("registered_text:N", title=t("coop_col_registered")),
            alt.Tooltip("pct_text:N", title=t("coop_col_pct_active"))]


def _configured(chart: alt.Chart) -> alt.Chart:
    return chart.configure(locale=vega_locale(current_language()))


def _stacked_bars(data: pd.DataFrame, *, order: list[str], title: str, category_title: str) -> alt.Chart:
    return (
        alt.Chart(data, title=title, height=alt.Step(BAR_HEIGHT))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X("count:Q", stack="zero", title=t("coop_col_count"), axis=alt.Axis(format=",d", tickMinStep=1)),
            color=_colour(),
            order=alt.Order("status_order:Q"),
            tooltip=_tooltip(alt.Tooltip("label:N", title=category_title)),
        )
    )


def area_bars(health: pd.DataFrame, *, title: str) -> alt.Chart:
    """Active and inactive per area (``cooperatives.HEALTH_COLUMNS`` rows), most registered on top.

    Clicking a bar selects its ``area_code`` (selection ``SELECTION``).
    """
    ordered = health.sort_values(["registered", "area_name"], ascending=[False, True])
    data = _long(ordered, "area_code", "area_name")
    select = alt.selection_point(name=SELECTION, fields=["area_code"], on="click")
    chart = (
        _stacked_bars(data, order=[str(n) for n in ordered["area_name"]], title=title,
                      category_title=t("coop_col_area"))
        .encode(opacity=alt.condition(select, alt.value(1.0), alt.value(0.55)))
        .add_params(select)
    )
    return _configured(chart)


def jenis_bars(jenis: pd.DataFrame, *, title: str) -> alt.Chart:
    """Active and inactive per jenis (``cooperatives.JENIS_COLUMNS`` rows plus a ``jenis_label`` column)."""
    data = _long(jenis, "jenis", "jenis_label")
    return _configured(_stacked_bars(data, order=[str(n) for n in jenis["jenis_label"]], title=title,
                                     category_title=t("coop_col_jenis")))


def trend_area(trend: pd.DataFrame, *, title: str) -> alt.Chart:
    """Active under inactive per year (``cooperatives.TREND_COLUMNS`` rows): the top edge is the number registered."""
    data = _long(trend.assign(year_label=trend["year"].astype(str)), "year", "year_label")
    chart = (
        alt.Chart(data, title=title, height=TREND_HEIGHT)
        .mark_area(opacity=0.85, line=True)
        .encode(
            x=alt.X("year:O", title=t("coop_col_year"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", stack="zero", title=t("coop_col_count"), axis=alt.Axis(format=",d", tickMinStep=1)),
            color=_colour(),
            order=alt.Order("status_order:Q"),
            tooltip=_tooltip(alt.Tooltip("label:N", title=t("coop_col_year"))),
        )
    )
    return _configured(chart)


# --- clicking an area -----------------------------------------------------------

def area_from_selection(state: Mapping | None, param: str = SELECTION) -> str | None:
    """The area code a click selected, from ``st.altair_chart``'s selection state.

    Streamlit gives ``{"selection": {param: [{"area_code": "53"}, …]}}`` for a
    point selection on fields; an empty selection is ``{}`` or ``[]``. The
    first selected area wins.
    """
    if not state:
        return None
    selection = (state.get("selection") or {}).get(param) or []
    if isinstance(selection, Mapping):  # {"area_code": ["53"]} (older form), or one point
        selection = selection.get("area_code") or []
        selection = [{"area_code": v} for v in (selection if isinstance(selection, list) else [selection])]
    for point in selection:
        code = point.get("area_code") if isinstance(point, Mapping) else None
        if code:
            return str(code)
    return None


def drill_down(chart_key: str) -> None:
    """``on_select`` callback of the area chart: make the clicked area the filter."""
    code = area_from_selection(st.session_state.get(chart_key))
    if not code:
        return
    current = (list(st.session_state.get("f_prov", [])), list(st.session_state.get("f_kab", [])))
    wanted = ([code[:2]], [code]) if "." in code else ([code], [])
    if current != wanted:
        filter_bar.select_area(code)
