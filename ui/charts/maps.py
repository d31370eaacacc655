"""Offline maps with Altair ``geoshape`` (no tile server): GeoJSON from ``seed_data/shapes``.

The national map uses the lightened province shapes; kab/kota shapes are loaded
only for the province in view (one small file each), which keeps the page quick.
Pages get them as ``Shapes`` (``province_shapes()``, ``regency_shapes(code)``).
Figures are joined to the shapes in Vega (``transform_lookup``) by Kemendagri code.

Speed: the shapes are read once per process (``functools.lru_cache``, keyed by area
level and province); the part of a map that does not depend on the figures (shapes,
colours, tooltips, selection) is built once per language and chosen kab/kota
(``_layer``); and the shapes are handed to Altair as a plain ``{"values": features}``
dict. Altair then moves them, untouched, into the spec's top-level ``datasets`` (named
by a hash of their content) instead of walking every coordinate through its
``to_dict`` / schema validation, as an ``alt.Data(values=...)`` object would on every
run (that walk cost more than the rest of the page). Streamlit keeps GeoJSON datasets
in the spec as they are; only the figures (``transform_lookup``) travel as Arrow.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import altair as alt
import pandas as pd

from data_access.config import SEED_DIR
from ui.charts import POKJA_STAGE_COLOURS, POKJA_STAGE_MARKS, scale
from ui.charts.pokja import stage_legend

SHAPES_DIR = SEED_DIR / "shapes"
ATTRIBUTION = "Batas wilayah: geoBoundaries (CC BY 4.0)"
NO_DATA_COLOUR = POKJA_STAGE_COLOURS["tidak_ada_data"]
BORDER_COLOUR = "#9e9e9e"
HIGHLIGHT_COLOUR = "#212121"
PERCENT_ACTIVE_SCALE = alt.Scale(domain=[0, 0.5, 1], range=["#deebf7", "#4292c6", "#08306b"])
"""% active on a fixed 0–100 % scale: light blue (none active) to dark blue (all active), kept
apart from the grey of areas without figures (``NO_DATA_COLOUR``)."""


@dataclass(frozen=True)
class Shapes:
    """The GeoJSON features of one map, read once per process (``province_shapes``,
    ``regency_shapes``). Compared and hashed by ``key`` alone ("provinsi" or a province code),
    so it keys the caches below."""

    key: str
    features: tuple[dict, ...] = field(compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.features)


def _features(path: str) -> tuple[dict, ...]:  # cached by its callers, per map
    with open(path, encoding="utf-8") as fh:
        return tuple(json.load(fh)["features"])


@lru_cache(maxsize=1)
def province_shapes() -> Shapes:
    """The lightened province shapes of the national map."""
    return Shapes("provinsi", _features(str(SHAPES_DIR / "provinces.geojson")))


@lru_cache(maxsize=64)
def regency_shapes(province_code: str) -> Shapes:
    """The kab/kota shapes of one province (no features when there is no file for it)."""
    path = SHAPES_DIR / "regencies" / f"{province_code}.geojson"
    return Shapes(province_code, _features(str(path)) if path.exists() else ())


def shapes(spec: dict) -> list[dict]:
    """The GeoJSON features a map spec (``chart.to_dict()`` or the spec Streamlit sends) draws
    (a layered map: its first layer)."""
    drawn = spec["layer"][0] if "layer" in spec else spec
    return spec["datasets"][drawn["data"]["name"]]


def _ring_centre(ring: list) -> tuple[float, float, float]:
    """(area, longitude, latitude) of a closed ring by the shoelace formula, in degrees (good
    enough for placing a label inside a kab/kota; falls back to the mean of its points)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        area, cx, cy = area + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
    if abs(area) < 1e-12:
        return 0.0, sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return abs(area / 2), cx / (3 * area), cy / (3 * area)


@lru_cache(maxsize=64)
def label_points(shapes: Shapes) -> pd.DataFrame:
    """Where an area's label goes: the centre of its largest polygon's outer ring.
    Columns: ``code``, ``longitude``, ``latitude`` (degrees)."""
    rows = []
    for feature in shapes.features:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        _, lon, lat = max(_ring_centre(polygon[0]) for polygon in polygons)
        rows.append({"code": feature["properties"]["code"], "longitude": lon, "latitude": lat})
    return pd.DataFrame(rows, columns=["code", "longitude", "latitude"])


def _colour(kind: str, legend: str | tuple[tuple[str, str], ...], label_expr: str | None = None):
    """The colour channel: ``("pct_active", legend title)`` or ``("stage", ((code, label), ...))``
    (``label_expr``: the stage legend's ``labelExpr``)."""
    if kind == "pct_active":
        return (alt.when("isValid(datum.pct_active)")
                .then(alt.Color("pct_active:Q", scale=PERCENT_ACTIVE_SCALE, title=legend,
                                legend=alt.Legend(format="%", orient="bottom")))
                .otherwise(alt.value(NO_DATA_COLOUR)))
    return (alt.when("isValid(datum.stage_label)")
            .then(alt.Color("stage_label:N", scale=scale(POKJA_STAGE_COLOURS, dict(legend)), title=None,
                            legend=alt.Legend(orient="bottom", columns=2, labelExpr=label_expr or alt.Undefined)))
            .otherwise(alt.value(NO_DATA_COLOUR)))


@lru_cache(maxsize=256)
def _layer(shapes: Shapes, colour: tuple, tooltip: tuple[tuple[str, str], ...], selection_name: str,
           height: int, highlight: tuple[str, ...]) -> alt.Chart:
    """Everything of a map but its figures and title, built once per combination of arguments.

    Building it costs tens of milliseconds (Altair validates each piece as it is made);
    it depends only on the shapes, the interface language and the chosen kab/kota, so a
    warm rerun or a change of dates, sectors or "real data only" reuses it. Altair
    methods return copies, so the cached chart is never changed by its users.
    """
    select = alt.selection_point(name=selection_name, fields=["code"], on="click")
    encoding = {"color": _colour(*colour),
                "tooltip": [alt.Tooltip(f"{name}:N", title=title) for name, title in tooltip],
                "opacity": alt.condition(select, alt.value(1.0), alt.value(0.6))}
    if highlight:
        chosen = alt.FieldOneOfPredicate(field="code", oneOf=list(highlight))
        encoding["stroke"] = alt.condition(chosen, alt.value(HIGHLIGHT_COLOUR), alt.value(BORDER_COLOUR))
        encoding["strokeWidth"] = alt.condition(chosen, alt.value(2.5), alt.value(0.5))
    return (
        alt.Chart({"values": list(shapes.features)}, height=height)  # plain dict: see the module docstring
        # invalid="show": Vega-Lite drops a mark whose quantitative colour field is null ("filter", its
        # default), so an area without figures vanished instead of showing grey (issue 20: the national
        # KDMP map drew 2 of 38 provinces); shown, the scale's invalid colour (percent_active_map's
        # config) paints it NO_DATA_COLOUR
        .mark_geoshape(stroke=BORDER_COLOUR, strokeWidth=0.5,
                       invalid="show" if colour[0] == "pct_active" else alt.Undefined)
        .transform_calculate(code="datum.properties.code", name="datum.properties.name")
        .encode(**encoding)
        .add_params(select)
        .project(type="mercator")
        .properties(width="container")
    )


def choropleth(shapes: Shapes, figures: pd.DataFrame, *, title: str | None, colour: tuple,
               tooltip: Sequence[tuple[str, str]], selection_name: str = "area", height: int = 420,
               highlight: Sequence[str] = ()) -> alt.Chart:
    """Areas of ``shapes`` coloured as ``colour`` says (see ``_colour``), joined on ``figures["area_code"]``.

    ``figures`` must hold ``area_code`` and every field named in ``tooltip`` (pairs of
    field name and title; ``name`` is the area's name from the shapes). A click selects
    an area (point selection on ``code``), which the page reads back as the filter
    (``selected_code``). Areas whose code is in ``highlight`` get a thick dark border
    (the kab/kota chosen in the filters).
    """
    lookup_fields = [c for c in figures.columns if c != "area_code"]
    layer = _layer(shapes, colour, tuple(tooltip), selection_name, height, tuple(highlight))
    joined = layer.transform_lookup(lookup="code", from_=alt.LookupData(
        figures.rename(columns={"area_code": "code"}), key="code", fields=lookup_fields))
    return joined if title is None else joined.properties(title=title)


def percent_active_map(shapes: Shapes, figures: pd.DataFrame, *, title: str, legend_title: str,
                       tooltip_titles: Mapping[str, str], highlight: Sequence[str] = (),
                       selection_name: str = "area", height: int = 420) -> alt.Chart:
    """Areas coloured by the share of active cooperatives (``PERCENT_ACTIVE_SCALE``).

    ``figures`` columns: ``area_code``, ``pct_active`` (0–1 or NaN: no
    cooperative registered, drawn in ``NO_DATA_COLOUR``), and the pre-formatted
    tooltip texts ``registered_text``, ``active_text``, ``pct_text``.
    ``tooltip_titles`` keys: ``area``, ``registered``, ``active``, ``pct``.
    """
    figures = figures[["area_code", "pct_active", "registered_text", "active_text", "pct_text"]]
    tooltip = [("name", tooltip_titles["area"]), ("registered_text", tooltip_titles["registered"]),
               ("active_text", tooltip_titles["active"]), ("pct_text", tooltip_titles["pct"])]
    return choropleth(shapes, figures, title=title, colour=("pct_active", legend_title), tooltip=tooltip,
                      selection_name=selection_name, height=height, highlight=highlight).configure_scale(
        invalid={"color": {"value": NO_DATA_COLOUR}})  # an area without figures: grey, drawn (see _layer)


def pokja_stage_map(shapes: Shapes, figures: pd.DataFrame, *, title: str, stage_labels: Mapping[str, str],
                    tooltip_titles: Mapping[str, str], highlight: Sequence[str] = (),
                    selection_name: str = "area", height: int = 420) -> alt.LayerChart:
    """Kab/kota coloured by their most advanced Pokja stage (``POKJA_STAGE_COLOURS``), each also
    carrying the stage's mark (``POKJA_STAGE_MARKS``) at its centre (``label_points``) and the
    legend each stage's mark and kab/kota count, so stages are told apart without colour.

    ``figures`` columns: ``area_code``, ``stage`` (a key of
    ``POKJA_STAGE_COLOURS``), ``since_text`` (pre-formatted date of that stage).
    ``stage_labels`` maps stage codes to the shown names. ``tooltip_titles``
    keys: ``area``, ``stage``, ``since``. Layer 0 is the map (``choropleth``), layer 1 the marks.
    """
    counts = figures["stage"].value_counts().to_dict()
    legend = stage_legend(dict(stage_labels), counts)
    shown = figures.assign(stage_label=figures["stage"].map(stage_labels))[["area_code", "stage_label", "since_text"]]
    tooltip = [("name", tooltip_titles["area"]), ("stage_label", tooltip_titles["stage"]),
               ("since_text", tooltip_titles["since"])]
    areas = choropleth(shapes, shown, title=None, colour=("stage", tuple(stage_labels.items()), legend),
                       tooltip=tooltip, selection_name=selection_name, height=height, highlight=highlight)
    marks = label_points(shapes).merge(
        figures.assign(stage_mark=figures["stage"].map(POKJA_STAGE_MARKS), stage_label=shown["stage_label"])
        [["area_code", "stage_mark", "stage_label", "since_text"]], left_on="code", right_on="area_code")
    names = {f["properties"]["code"]: f["properties"]["name"] for f in shapes.features}
    marks = marks.assign(name=marks["code"].map(names))[["code", "name", "longitude", "latitude", "stage_mark",
                                                          "stage_label", "since_text"]]
    labels = alt.Chart(marks).mark_text(fontSize=13, fontWeight="bold", color="#ffffff", stroke="#212121",
                                        strokeWidth=0.6).encode(
        longitude="longitude:Q", latitude="latitude:Q", text=alt.Text("stage_mark:N"),
        tooltip=[alt.Tooltip(f"{name}:N", title=title) for name, title in tooltip]).project(type="mercator")
    return alt.layer(areas, labels, title=title).properties(width="container", height=height)


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
