"""``ui.charts.built``: one prepared chart per builder, language and argument content."""

from __future__ import annotations

import pandas as pd
import pytest

import ui.charts as charts
from ui.charts import cooperatives as coop_charts
from ui.charts.locale import vega_locale

TREND = pd.DataFrame({"year": [2024, 2025], "registered": [10, 12], "active": [4, 6], "inactive": [6, 6],
                      "pct_active": [0.4, 0.5], "registered_synthetic": [0, 0]})


@pytest.fixture
def lang(monkeypatch):
    chosen = ["id"]
    monkeypatch.setattr(charts, "current_language", lambda: chosen[0])
    charts.clear_built()
    yield chosen
    charts.clear_built()


def test_same_figures_same_chart_new_figures_new_chart(lang):
    first = charts.built(coop_charts.trend_area, TREND, title="Tren")
    assert charts.built(coop_charts.trend_area, TREND.copy(), title="Tren") is first  # content, not identity
    changed = TREND.assign(active=[4, 7])
    other = charts.built(coop_charts.trend_area, changed, title="Tren")
    assert other is not first
    (rows,) = other.to_dict()["datasets"].values()
    assert [r["count"] for r in rows if r["year"] == 2025] == [7, 6]  # the new figures, not the kept chart's
    assert charts.built(coop_charts.trend_area, TREND, title="Trend") is not first  # any argument counts


def test_each_language_its_own_locale(lang):
    indonesian = charts.built(coop_charts.trend_area, TREND, title="Tren")
    lang[0] = "en"
    english = charts.built(coop_charts.trend_area, TREND, title="Tren")
    assert english is not indonesian
    assert indonesian.to_dict()["config"]["locale"] == vega_locale("id")
    assert english.to_dict()["config"]["locale"] == vega_locale("en")


def test_built_chart_is_drawn_as_it_is(lang):
    """``show`` does not prepare a built chart again (it is already the drawable subclass)."""
    chart = charts.built(coop_charts.trend_area, TREND, title="Tren")
    assert getattr(type(chart), "drawable", False)
    assert chart.to_dict() == charts._drawable(coop_charts.trend_area(TREND, title="Tren"), "id").to_dict()


def test_area_chart_keeps_one_series_per_status(lang):
    """A description field on an area would split it into one series per row (a sawtooth)."""
    spec = charts.built(coop_charts.trend_area, TREND, title="Tren").to_dict()
    encoding = spec["encoding"]
    assert "description" not in encoding
    fields = {c.get("field") for c in encoding.values() if isinstance(c, dict)}
    assert fields <= {"year", "count", "status", "status_order", None}, fields


def test_kept_spec_is_streamlits_own_conversion_and_draws_the_same(lang):
    """``show`` draws a built chart from its kept spec (issue 22): the same spec JSON and data as
    ``st.altair_chart`` of the same chart, rerun after rerun."""
    from streamlit.testing.v1 import AppTest

    def app():
        import pandas as pd
        import streamlit as st

        import ui.charts as charts
        from ui.charts import cooperatives as coop_charts

        frame = pd.DataFrame({"year": [2024, 2025], "registered": [10, 12], "active": [4, 6], "inactive": [6, 6],
                              "pct_active": [0.4, 0.5], "registered_synthetic": [0, 0]})
        chart = charts.built(coop_charts.trend_area, frame, title="Tren")
        charts.show(chart, key="kept")
        st.altair_chart(chart, key="plain")

    at = AppTest.from_function(app, default_timeout=30)
    for _ in range(2):  # the second run draws from the kept spec
        at.run()
        assert not at.exception
        kept, plain = (e.proto for e in at.get("vega_lite_chart"))
        assert kept.spec == plain.spec and kept.spec
        assert [(d.name, d.data.data) for d in kept.datasets] == [(d.name, d.data.data) for d in plain.datasets]
        assert len(kept.datasets) == 1
