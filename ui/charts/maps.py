"""Offline maps with Altair ``geoshape`` (no tile server): GeoJSON from ``seed_data/shapes``.

The national map uses the lightened province shapes; kab/kota shapes are loaded
only for the province in view (one small file each), which keeps the page quick.
Figures are joined to the shapes in Vega (``transform_lookup``) by Kemendagri code.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import altair as alt
import pandas as pd

from data_access.config import SEED_DIR
from ui.charts import POKJA_STAGE_COLOURS, scale

SHAPES_DIR = SEED_DIR / "shapes"
ATTRIBUTION = "Batas wilayah: geoBoundaries (CC BY 4.0)"
NO_DATA_COLOUR = POKJA_STAGE_COLOURS["tidak_ada_data"]
BORDER_COLOUR = "#9e9e9e"
HIGHLIGHT_COLOUR = "#212121"
PERCENT_ACTIVE_SCALE = alt.Scale(domain=[0, 0.5, 1], range=["#deebf7", "#4292c6", "#08306b"])
"""% active on a fixed 0–100 % scale: light blue (none active) to dark blue (all active), kept
apart from the grey of areas without figures (``NO_DATA_COLOUR``)."""


@lru_cache(maxsize=64)
def _features(path: str) -> tuple[dict, ...]:
    with open(path, encoding="utf-8") as fh:
        return tuple(json.load(fh)["features"])


def province_features() -> list[dict]:
    return list(_features(str(SHAPES_DIR / "provinces.geojson")))


def regency_features(province_code: str) -> list[dict]:
    path = SHAPES_DIR / "regencies" / f"{province_code}.geojson"
    return list(_features(str(path))) if path.exists() else []


def choropleth(features: list[dict], figures: pd.DataFrame, *, value: str, title: str,
               tooltip: list[alt.Tooltip], color, selection_name: str = "area",
               height: int = 420, highlight: Sequence[str] = ()) -> alt.Chart:
    """Areas coloured by ``figures[value]``, joined on ``figures["area_code"]``.

    ``figures`` must hold ``area_code`` and every field named in ``tooltip``;
    ``color`` is an ``alt.Color`` or a conditional colour (for areas without a
    value). A click selects an area (point selection on ``code``), which the
    page reads back as the filter (``selected_code``). Areas whose code is in
    ``highlight`` get a thick dark border (the kab/kota chosen in the filters).
    """
    select = alt.selection_point(name=selection_name, fields=["code"], on="click")
    lookup_fields = [c for c in figures.columns if c != "area_code"]
    encoding = {"color": color, "tooltip": tooltip,
                "opacity": alt.condition(select, alt.value(1.0), alt.value(0.6))}
    if highlight:
        chosen = alt.FieldOneOfPredicate(field="code", oneOf=list(highlight))
        encoding["stroke"] = alt.condition(chosen, alt.value(HIGHLIGHT_COLOUR), alt.value(BORDER_COLOUR))
        encoding["strokeWidth"] = alt.condition(chosen, alt.value(2.5), alt.value(0.5))
    return (
        alt.Chart(alt.Data(values=features), title=title, height=height)
        .mark_geoshape(stroke=BORDER_COLOUR, strokeWidth=0.5)
        .transform_calculate(code="datum.properties.code", name="datum.properties.name")
        .transform_lookup(lookup="code", from_=alt.LookupData(figures.rename(columns={"area_code": "code"}),
                                                              key="code", fields=lookup_fields))
        .encode(**encoding)
        .add_params(select)
        .project(type="mercator")
        .properties(width="container")
    )


def percent_active_map(features: list[dict], figures: pd.DataFrame, *, title: str, legend_title: str,
                       tooltip_titles: Mapping[str, str], highlight: Sequence[str] = (),
                       selection_name: str = "area", height: int = 420) -> alt.Chart:
    """Areas coloured by the share of active cooperatives (``PERCENT_ACTIVE_SCALE``).

    ``figures`` columns: ``area_code``, ``pct_active`` (0–1 or NaN: no
    cooperative registered, drawn in ``NO_DATA_COLOUR``), and the pre-formatted
    tooltip texts ``registered_text``, ``active_text``, ``pct_text``.
    ``tooltip_titles`` keys: ``area``, ``registered``, ``active``, ``pct``.
    """
    figures = figures[["area_code", "pct_active", "registered_text", "active_text", "pct_text"]]
    color = (alt.when("isValid(datum.pct_active)")
             .then(alt.Color("pct_active:Q", scale=PERCENT_ACTIVE_SCALE, title=legend_title,
                             legend=alt.Legend(format="%", orient="bottom-left")))
             .otherwise(alt.value(NO_DATA_COLOUR)))
    tooltip = [alt.Tooltip("name:N", title=tooltip_titles["area"]),
               alt.Tooltip("registered_text:N", title=tooltip_titles["registered"]),
               alt.Tooltip("active_text:N", title=tooltip_titles["active"]),
               alt.Tooltip("pct_text:N", title=tooltip_titles["pct"])]
    return choropleth(features, figures, value="pct_active", title=title, tooltip=tooltip, color=color,
                      selection_name=selection_name, height=height, highlight=highlight)


def pokja_stage_map(features: list[dict], figures: pd.DataFrame, *, title: str, stage_labels: Mapping[str, str],
                    tooltip_titles: Mapping[str, str], highlight: Sequence[str] = (),
                    selection_name: str = "area", height: int = 420) -> alt.Chart:
    """Kab/kota coloured by their most advanced Pokja stage (``POKJA_STAGE_COLOURS``).

    ``figures`` columns: ``area_code``, ``stage`` (a key of
    ``POKJA_STAGE_COLOURS``), ``since_text`` (pre-formatted date of that stage).
    ``stage_labels`` maps stage codes to the shown names. ``tooltip_titles``
    keys: ``area``, ``stage``, ``since``.
    """
    figures = figures.assign(stage_label=figures["stage"].map(stage_labels))[
        ["area_code", "stage_label", "since_text"]]
    color = (alt.when("isValid(datum.stage_label)")
             .then(alt.Color("stage_label:N", scale=scale(POKJA_STAGE_COLOURS, dict(stage_labels)), title=None,
                             legend=alt.Legend(orient="bottom-left")))
             .otherwise(alt.value(NO_DATA_COLOUR)))
    tooltip = [alt.Tooltip("name:N", title=tooltip_titles["area"]),
               alt.Tooltip("stage_label:N", title=tooltip_titles["stage"]),
               alt.Tooltip("since_text:N", title=tooltip_titles["since"])]
    return choropleth(features, figures, value="stage_label", title=title, tooltip=tooltip, color=color,
                      selection_name=selection_name, height=height, highlight=highlight)


def selected_code(state: Mapping | None, selection_name: str = "area") -> str | None:
    """The area ``code`` a click selected, from the state ``st.altair_chart(on_select=...)`` keeps.

    Streamlit stores a point selection as ``{"selection": {name: [{"code": "53"}, ...]}}``
    and an empty one as ``{"selection": {name: {}}}``. Returns the last point's
    code (shift-click adds points), or ``None`` when nothing is selected.
    """
    if not isinstance(state, Mapping):
        return None
    selection = state.get("selection")
    points = selection.get(selection_name) if isinstance(selection, Mapping) else None
    if not isinstance(points, Sequence) or isinstance(points, str) or not points:
        return None
    last = points[-1]
    code = last.get("code") if isinstance(last, Mapping) else None
    return str(code) if code not in (None, "") else None


def apply_selection(state: Mapping | None, select_area: Callable[[str], None],
                    selection_name: str = "area") -> str | None:
    """The map click handler: pass the clicked code to ``select_area``; returns it (or ``None``).

    Pages call it from the chart's ``on_select`` callback with
    ``ui.filter_bar.select_area``: a callback runs before the filter bar's widgets
    are drawn, the only moment their session state may change.
    """
    code = selected_code(state, selection_name)
    if code:
        select_area(code)
    return code
