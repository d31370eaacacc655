"""Every chart has a text alternative (WCAG 1.1.1): a sentence (also the chart's ARIA description) and a
table of the same figures (``ui.charts.text_alternative``), drawn under each chart by ``charts.show``."""

from __future__ import annotations

import altair as alt
import pandas as pd

from tests.apptest_helpers import app
from ui.charts import text_alternative


def _bars(rows: int) -> alt.Chart:
    frame = pd.DataFrame({"area_name": [f"Kab. {i}" for i in range(rows)], "count": list(range(rows)),
                          "share": [i / 100 for i in range(rows)], "share_text": [f"{i} %" for i in range(rows)]})
    return alt.Chart(frame, title="Koperasi per kab/kota").mark_bar().encode(
        x="count:Q", y="area_name:N",
        tooltip=[alt.Tooltip("area_name:N", title="Kab/kota"), alt.Tooltip("count:Q", title="Jumlah"),
                 alt.Tooltip("share:Q", title="Bagian", format=".0%"), alt.Tooltip("share_text:N", title="Bagian")])


def test_the_table_holds_the_charts_own_texts_and_counts():
    found = text_alternative.describe(_bars(3))
    assert list(found.table.columns) == ["Kab/kota", "Jumlah", "Bagian"]  # the formatted share, not the raw one
    assert found.table.to_dict("records")[2] == {"Kab/kota": "Kab. 2", "Jumlah": "2", "Bagian": "2 %"}
    assert "Koperasi per kab/kota" in found.sentence and "3" in found.sentence


def test_a_long_chart_says_the_table_is_cut():
    found = text_alternative.describe(_bars(text_alternative.MAX_ROWS + 20))
    assert len(found.table) == text_alternative.MAX_ROWS
    assert "120" in found.sentence and "100" in found.sentence


def test_a_chart_without_a_frame_gets_a_sentence_only():
    chart = alt.Chart(alt.Data(values=[{"a": 1}]), title="Peta").mark_geoshape()
    found = text_alternative.describe(chart)
    assert found.table is None and "Peta" in found.sentence


def test_escaped_shows_text_literally():
    assert text_alternative.escaped("*a* [b](c)") == "\\*a\\* \\[b\\]\\(c\\)"


def test_every_chart_on_the_cooperatives_page_has_its_text_alternative():
    at = app("cooperatives", query={"prov": "53"})
    assert not at.exception
    charts = at.get("vega_lite_chart")
    toggles = [e for e in at.expander if e.label.startswith("Diagram ini sebagai teks")]
    assert charts and len(toggles) == len(charts)
    assert all(e.markdown and "Diagram" in e.markdown[0].value for e in toggles)
