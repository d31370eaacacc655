"""Map chart specs (``to_dict()``) and the click handler, without a browser."""

from __future__ import annotations

import csv
import json

import altair as alt
import pandas as pd
import pytest
from altair.utils.schemapi import SchemaValidationError
from streamlit.elements.vega_charts import VegaLiteStateSerde

from tests.test_shapes import PROVINCES, REGENCY_DIR, REGIONS_CSV
from ui import charts
from ui.charts import POKJA_STAGE_COLOURS, POKJA_STAGE_MARKS, maps
from ui.charts.locale import vega_locale

TITLES = {"area": "Wilayah", "registered": "Terdaftar", "active": "Aktif", "pct": "% aktif"}
LABELS = {"belum_dibentuk": "Belum dibentuk", "persiapan": "Persiapan", "terbentuk": "Terbentuk (SK terbit)",
          "tidak_ada_data": "Belum ada laporan"}


def codes_in_csv(level: str, province: str | None = None) -> list[str]:
    with REGIONS_CSV.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [r["code"] for r in rows if r["level"] == level and (province is None or r["province_code"] == province)]


def health(codes: list[str]) -> pd.DataFrame:
    pct = [0.25 + 0.5 * i / max(len(codes) - 1, 1) for i in range(len(codes))]
    pct[-1] = float("nan")  # no cooperative registered there
    return pd.DataFrame({"area_code": codes, "pct_active": pct, "registered_text": [str(i) for i in range(len(codes))],
                         "active_text": ["1"] * len(codes), "pct_text": [f"{p:.1%}" for p in pct],
                         "area_name": codes})


def lookup(spec: dict) -> tuple[dict, list[dict]]:
    (step,) = [s for s in spec["transform"] if "lookup" in s]
    return step, spec["datasets"][step["from"]["data"]["name"]]


def test_national_map_spec():
    features = list(maps.province_shapes().features)
    assert len(features) == len(json.loads(PROVINCES.read_text(encoding="utf-8"))["features"]) == 38
    codes = codes_in_csv("provinsi")
    spec = maps.percent_active_map(maps.province_shapes(), health(codes), title="t", legend_title="% aktif",
                                   tooltip_titles=TITLES).to_dict()  # to_dict() validates the spec
    assert spec["mark"]["type"] == "geoshape" and spec["title"] == "t"
    assert maps.shapes(spec) == features
    assert spec["projection"]["type"] == "mercator"
    step, values = lookup(spec)
    assert step["lookup"] == "code" and step["from"]["key"] == "code"
    assert set(step["from"]["fields"]) == {"pct_active", "registered_text", "active_text", "pct_text"}
    assert {v["code"] for v in values} == set(codes) == {f["properties"]["code"] for f in features}
    color = spec["encoding"]["color"]
    assert color["condition"]["field"] == "pct_active" and color["condition"]["type"] == "quantitative"
    assert color["condition"]["test"] == "isValid(datum.pct_active)"
    assert color["condition"]["scale"]["domain"] == [0, 0.5, 1]
    assert color["value"] == maps.NO_DATA_COLOUR
    assert [t["field"] for t in spec["encoding"]["tooltip"]] == ["name", "registered_text", "active_text", "pct_text"]
    assert spec["params"][0]["name"] == "area" and spec["params"][0]["select"]["fields"] == ["code"]
    assert "stroke" not in spec["encoding"]  # nothing highlighted
    nan_row = next(v for v in values if v["code"] == codes[-1])
    assert nan_row["pct_active"] is None


def test_province_pokja_map_spec():
    features = list(maps.regency_shapes("53").features)
    on_disk = json.loads((REGENCY_DIR / "53.geojson").read_text(encoding="utf-8"))["features"]
    codes = codes_in_csv("kabupaten_kota", "53")
    assert len(features) == len(on_disk) == len(codes) == 22
    figures = pd.DataFrame({"area_code": codes, "stage": ["tidak_ada_data"] * len(codes), "since_text": "–"})
    figures.loc[figures["area_code"] == "53.04", ["stage", "since_text"]] = ["persiapan", "22 Agustus 2019"]
    whole = maps.pokja_stage_map(maps.regency_shapes("53"), figures, title="t", stage_labels=LABELS,
                                 highlight=["53.04"],
                                 tooltip_titles={"area": "Wilayah", "stage": "Tahap", "since": "Sejak"}).to_dict()
    assert maps.shapes(whole) == features and whole["title"] == "t"
    assert whole["params"][0]["name"] == "area"  # the click selection is still the map's
    spec = {**whole["layer"][0], "datasets": whole["datasets"]}
    assert spec["mark"]["type"] == "geoshape"
    color = spec["encoding"]["color"]["condition"]
    assert color["field"] == "stage_label" and color["type"] == "nominal"
    assert color["scale"]["domain"] == [LABELS[s] for s in POKJA_STAGE_COLOURS]
    assert color["scale"]["range"] == list(POKJA_STAGE_COLOURS.values())
    step, values = lookup(spec)
    assert step["lookup"] == "code" and step["from"]["fields"] == ["stage_label", "since_text"]
    belu = next(v for v in values if v["code"] == "53.04")
    assert belu == {"code": "53.04", "stage_label": "Persiapan", "since_text": "22 Agustus 2019"}
    assert spec["encoding"]["stroke"]["condition"]["test"] == {"field": "code", "oneOf": ["53.04"]}
    assert spec["encoding"]["strokeWidth"]["condition"]["value"] > spec["encoding"]["strokeWidth"]["value"]
    # Without colour (issue 12 point 6): every kab/kota carries its stage's mark, inside its own
    # shape, and the legend names each stage with its mark and count.
    marks = whole["layer"][1]
    assert marks["mark"]["type"] == "text" and marks["encoding"]["text"]["field"] == "stage_mark"
    points = {v["code"]: v for v in whole["datasets"][marks["data"]["name"]]}
    assert set(points) == set(codes)
    assert points["53.04"]["stage_mark"] == POKJA_STAGE_MARKS["persiapan"]
    assert {points[c]["stage_mark"] for c in codes if c != "53.04"} == {POKJA_STAGE_MARKS["tidak_ada_data"]}
    shapes_by_code = {f["properties"]["code"]: f for f in features}
    for code in ("53.04", "53.71", "53.01"):  # Belu, Kota Kupang, Kab. Kupang (a multipolygon with islands)
        lons, lats = _bounds(shapes_by_code[code]["geometry"])
        assert lons[0] <= points[code]["longitude"] <= lons[1] and lats[0] <= points[code]["latitude"] <= lats[1]
    label_expr = color["legend"]["labelExpr"]
    assert '"Persiapan": "◐ Persiapan (1)"' in label_expr and '"Belum ada laporan": "? Belum ada laporan (21)"' in label_expr
    assert '"Terbentuk (SK terbit)": "● Terbentuk (SK terbit) (0)"' in label_expr


def _bounds(geometry: dict) -> tuple[tuple[float, float], tuple[float, float]]:
    """Longitude and latitude range of the largest polygon of ``geometry`` (by its box)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    boxes = []
    for polygon in polygons:
        xs, ys = [p[0] for p in polygon[0]], [p[1] for p in polygon[0]]
        boxes.append(((max(xs) - min(xs)) * (max(ys) - min(ys)), (min(xs), max(xs)), (min(ys), max(ys))))
    _, lons, lats = max(boxes)
    return lons, lats


def test_regency_shapes_are_loaded_per_province_only():
    assert {f["properties"]["code"][:2] for f in maps.regency_shapes("52").features} == {"52"}
    assert maps.regency_shapes("99").features == ()
    assert not maps.regency_shapes("99") and len(maps.regency_shapes("53")) == 22


def test_map_parts_that_do_not_depend_on_figures_are_built_once():
    codes = codes_in_csv("provinsi")
    first, second = (maps.percent_active_map(maps.province_shapes(), health(codes).iloc[:n], title=f"t{n}",
                                             legend_title="% aktif", tooltip_titles=TITLES) for n in (38, 5))
    assert maps.province_shapes() is maps.province_shapes()
    base = maps._layer.cache_info()
    maps.percent_active_map(maps.province_shapes(), health(codes), title="t", legend_title="% aktif",
                            tooltip_titles=TITLES)
    assert maps._layer.cache_info().hits == base.hits + 1
    one, two = first.to_dict(), second.to_dict()
    assert (one["title"], two["title"]) == ("t38", "t5")
    assert len(lookup(one)[1]) == 38 and len(lookup(two)[1]) == 5  # each keeps its own figures
    assert one["data"] == two["data"] and len(maps.shapes(one)) == 38
    # Another language or another chosen kab/kota is another map.
    english = maps.percent_active_map(maps.province_shapes(), health(codes), title="t", legend_title="% active",
                                      tooltip_titles=TITLES).to_dict()
    assert english["encoding"]["color"]["condition"]["title"] == "% active"


def test_shown_chart_is_the_same_spec_without_revalidating(monkeypatch):
    chart = maps.pokja_stage_map(maps.regency_shapes("53"), pd.DataFrame(
        {"area_code": ["53.04"], "stage": ["persiapan"], "since_text": ["–"]}), title="t", stage_labels=LABELS,
        tooltip_titles={"area": "Wilayah", "stage": "Tahap", "since": "Sejak"})
    drawn = []
    monkeypatch.setattr(charts.st, "altair_chart", lambda c, **kw: drawn.append((c, kw)))
    charts.show(chart, key="k")
    ((shown, kwargs),) = drawn
    assert kwargs == {"key": "k"} and isinstance(shown, type(chart))
    validated = []
    monkeypatch.setattr(type(chart), "validate", classmethod(lambda cls, *a, **k: validated.append(cls)))
    expected = charts.prepared(chart, "id").to_dict(validate=False)  # locale, wrapped title, descriptions
    assert expected["config"]["locale"] == vega_locale("id")
    assert shown.to_dict() == expected
    assert not validated  # what st.altair_chart calls does not validate again...
    chart.to_dict()
    assert validated  # ...while a chart's own to_dict() (as in these tests) does


STATE_SERDE = VegaLiteStateSerde(selection_parameters=["area"])


@pytest.mark.parametrize(("state", "expected"), [
    (None, None),
    ({}, None),
    ({"selection": {"area": {}}}, None),
    ({"selection": {"area": []}}, None),
    ({"selection": {"area": [{"code": "53"}]}}, "53"),
    ({"selection": {"area": [{"code": "53"}, {"code": "53.04"}]}}, "53.04"),  # shift-click adds
    ({"selection": {"other": [{"code": "53"}]}}, None),
    ({"selection": {"area": [{"vgsid_": 3}]}}, None),
    (STATE_SERDE.deserialize(None), None),
    (STATE_SERDE.deserialize(json.dumps({"selection": {"area": [{"code": "53.21"}]}})), "53.21"),
])
def test_selected_code(state, expected):
    assert maps.selected_code(state) == expected


def test_apply_selection_calls_the_setter_only_for_a_click():
    chosen: list[str] = []
    assert maps.apply_selection({"selection": {"area": [{"code": "53"}]}}, chosen.append) == "53"
    assert maps.apply_selection({"selection": {"area": {}}}, chosen.append) is None
    assert chosen == ["53"]


def test_specs_are_still_validated_by_to_dict():
    """Altair's debug mode is off (``ui.charts``), but ``to_dict()`` — what these tests call — still validates."""
    bad = alt.Chart(pd.DataFrame({"a": [1]})).mark_bar().encode(x=alt.X("a:Q", axis=alt.Axis(labelAngle="steil")))
    with pytest.raises(SchemaValidationError):
        bad.to_dict()
    bad.to_dict(validate=False)  # building it did not raise: nothing is checked twice


def test_areas_without_figures_are_drawn_grey_not_dropped():
    """Issue 20 point 3: Vega-Lite drops a shape whose quantitative colour is null, so the national KDMP
    map drew only the 2 provinces with records. Rendered by Vega-Lite 6.4 (Streamlit's) to SVG: all 38
    provinces are drawn, the 36 without figures in the no-data grey."""
    import re

    import vl_convert

    from ui.charts import prepared

    shapes = maps.province_shapes()
    codes = [f["properties"]["code"] for f in shapes.features]
    figures = pd.DataFrame({"area_code": codes, "pct_active": [0.5 if c in ("52", "53") else None for c in codes],
                            "registered_text": "1", "active_text": "1", "pct_text": "–"})
    chart = maps.percent_active_map(shapes, figures, title="t", legend_title="% beroperasi",
                                    tooltip_titles={"area": "a", "registered": "r", "active": "x", "pct": "p"})
    svg = vl_convert.vegalite_to_svg(prepared(chart, "id").to_dict(validate=False), vl_version="6.4")
    shapes_drawn = re.findall(r'<path aria-label="[^"]*"[^>]*aria-roledescription="geoshape"[^>]*>', svg)
    fills = [re.search(r'fill="([^"]*)"', p).group(1).upper() for p in shapes_drawn]
    assert len(shapes_drawn) == len(codes) == 38
    assert fills.count(maps.NO_DATA_COLOUR.upper()) == 36
