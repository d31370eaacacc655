"""Chart specs of the cooperative page (``chart.to_dict()``), and the click → filter handler."""

from __future__ import annotations

import pandas as pd
import pytest
import streamlit as st

from data_access.cooperatives import HEALTH_COLUMNS, JENIS_COLUMNS, TREND_COLUMNS
from ui.charts import COOPERATIVE_STATUS_COLOURS
from ui.charts import cooperatives as charts

HEALTH = pd.DataFrame([
    ("53", "Nusa Tenggara Timur", "53", 4146, 3635, 511, 3635 / 4146, 0),
    ("62", "Kalimantan Tengah", "62", 3782, 2897, 885, 2897 / 3782, 3782),
    ("64", "Kalimantan Timur", "64", 5745, 2901, 2844, 2901 / 5745, 100),
    ("65", "Kalimantan Utara", "65", 0, 0, 0, float("nan"), 0),
], columns=HEALTH_COLUMNS)
TREND = pd.DataFrame([(2023, 100, 40, 60, 0.4, 0), (2024, 110, 55, 55, 0.5, 10), (2025, 120, 30, 90, 0.25, 120)],
                     columns=TREND_COLUMNS)
JENIS = pd.DataFrame([("simpan_pinjam", 50, 20, 30, 0.4, 5), ("jasa", 10, 9, 1, 0.9, 0)], columns=JENIS_COLUMNS)


@pytest.fixture(params=["id", "en"])
def lang(request):
    st.session_state["lang"] = request.param
    yield request.param
    st.session_state.pop("lang", None)


def values(spec: dict) -> list[dict]:
    return spec["datasets"][spec["data"]["name"]]


STATUS_LABELS = {"id": ["Aktif", "Tidak aktif"], "en": ["Active", "Inactive"]}


def assert_status_colours(spec: dict, lang: str) -> None:
    colour = spec["encoding"]["color"]
    assert colour["field"] == "status"
    assert colour["scale"]["domain"] == STATUS_LABELS[lang]
    assert colour["scale"]["range"] == [COOPERATIVE_STATUS_COLOURS["aktif"], COOPERATIVE_STATUS_COLOURS["tidak_aktif"]]
    assert spec["encoding"]["order"]["field"] == "status_order"


def test_area_bars(lang):
    spec = charts.area_bars(HEALTH, title="T").to_dict()
    enc = spec["encoding"]
    assert spec["mark"]["type"] == "bar"
    assert (enc["x"]["field"], enc["x"]["type"], enc["x"]["stack"]) == ("count", "quantitative", "zero")
    assert (enc["y"]["field"], enc["y"]["type"]) == ("label", "nominal")
    assert enc["x"]["axis"] == {"format": ",d", "tickMinStep": 1}  # whole cooperatives, locale separators
    # most registered on top
    assert enc["y"]["sort"] == ["Kalimantan Timur", "Nusa Tenggara Timur", "Kalimantan Tengah", "Kalimantan Utara"]
    assert_status_colours(spec, lang)
    # two rows per area: active and inactive, the figures given
    rows = values(spec)
    assert len(rows) == 2 * len(HEALTH)
    active_label, inactive_label = STATUS_LABELS[lang]
    by = {(r["area_code"], r["status"]): r for r in rows}
    for area in HEALTH.itertuples():
        assert by[(area.area_code, active_label)]["count"] == area.active
        assert by[(area.area_code, inactive_label)]["count"] == area.inactive
    ntt = by[("53", active_label)]
    if lang == "id":
        assert (ntt["count_text"], ntt["registered_text"], ntt["pct_text"]) == ("3.635", "4.146", "87,7%")
        assert spec["config"]["locale"]["number"]["thousands"] == "."
    else:
        assert (ntt["count_text"], ntt["registered_text"], ntt["pct_text"]) == ("3,635", "4,146", "87.7%")
        assert spec["config"]["locale"]["number"]["thousands"] == ","
    assert by[("65", active_label)]["pct_text"] == "–"
    # the click selection the page reads back
    params = spec["params"]
    assert [p["name"] for p in params] == [charts.SELECTION]
    assert params[0]["select"] == {"type": "point", "fields": ["area_code"], "on": "click"}
    assert enc["opacity"]["condition"]["param"] == charts.SELECTION


def test_long_rows_follow_the_areas_then_the_statuses(lang):
    """Each area's rows are next to each other, aktif first; the texts are those of ``ui.formatting``."""
    from ui.formatting import number, percent

    ordered = HEALTH.sort_values("registered", ascending=False)
    long = charts._long(ordered, "area_code", "area_name")
    expected = [(a.area_code, order, status, count, number(count), number(a.registered),
                 "–" if pd.isna(a.pct_active) else percent(a.pct_active))
                for a in ordered.itertuples()
                for order, (status, count) in enumerate(zip(STATUS_LABELS[lang], (a.active, a.inactive), strict=True))]
    got = list(long[["area_code", "status_order", "status", "count", "count_text", "registered_text",
                     "pct_text"]].itertuples(index=False, name=None))
    assert got == expected
    assert list(long["label"]) == [name for name in ordered["area_name"] for _ in range(2)]


def test_trend_area(lang):
    spec = charts.trend_area(TREND, title="T").to_dict()
    enc = spec["encoding"]
    assert spec["mark"]["type"] == "area"
    assert (enc["x"]["field"], enc["x"]["type"]) == ("year", "ordinal")
    assert (enc["y"]["field"], enc["y"]["stack"]) == ("count", "zero")
    assert_status_colours(spec, lang)
    rows = values(spec)
    active_label, inactive_label = STATUS_LABELS[lang]
    for year in TREND.itertuples():
        mine = {r["status"]: r for r in rows if r["year"] == year.year}
        assert mine[active_label]["count"] == year.active and mine[inactive_label]["count"] == year.inactive
        # stacked: the top edge is the number registered
        assert mine[active_label]["count"] + mine[inactive_label]["count"] == year.registered


def test_jenis_bars(lang):
    jenis = JENIS.assign(jenis_label=["Simpan pinjam", "Jasa"])
    spec = charts.jenis_bars(jenis, title="T").to_dict()
    assert spec["encoding"]["y"]["sort"] == ["Simpan pinjam", "Jasa"]
    assert spec["encoding"]["x"]["field"] == "count"
    assert_status_colours(spec, lang)
    assert "params" not in spec
    assert sorted((r["jenis"], r["count"]) for r in values(spec)) == [
        ("jasa", 1), ("jasa", 9), ("simpan_pinjam", 20), ("simpan_pinjam", 30)]


@pytest.mark.parametrize(("state", "expected"), [
    (None, None),
    ({}, None),
    ({"selection": {}}, None),
    ({"selection": {"area": {}}}, None),
    ({"selection": {"area": []}}, None),
    ({"selection": {"area": [{"area_code": "53"}]}}, "53"),
    ({"selection": {"area": [{"area_code": "53.01"}, {"area_code": "53.04"}]}}, "53.01"),
    ({"selection": {"area": [{"_vgsid_": 3}]}}, None),
    ({"selection": {"other": [{"area_code": "53"}]}}, None),
    ({"selection": {"area": {"area_code": ["62"]}}}, "62"),
])
def test_area_from_selection(state, expected):
    assert charts.area_from_selection(state) == expected


@pytest.fixture
def session():
    keys = ("f_prov", "f_kab", "chart")
    saved = {k: st.session_state[k] for k in keys if k in st.session_state}
    for k in keys:
        st.session_state.pop(k, None)
    yield st.session_state
    for k in keys:
        st.session_state.pop(k, None)
    st.session_state.update(saved)


def test_drill_down_into_a_province(session):
    session["f_prov"], session["f_kab"] = [], []
    session["chart"] = {"selection": {"area": [{"area_code": "53"}]}}
    charts.drill_down("chart")
    assert (session["f_prov"], session["f_kab"]) == (["53"], [])


def test_drill_down_into_a_regency(session):
    session["f_prov"], session["f_kab"] = ["53", "52"], []
    session["chart"] = {"selection": {"area": [{"area_code": "53.01"}]}}
    charts.drill_down("chart")
    assert (session["f_prov"], session["f_kab"]) == (["53"], ["53.01"])


def test_drill_down_without_a_click_changes_nothing(session):
    session["f_prov"], session["f_kab"] = ["62"], []
    session["chart"] = {"selection": {"area": []}}
    charts.drill_down("chart")
    charts.drill_down("missing")
    assert (session["f_prov"], session["f_kab"]) == (["62"], [])
