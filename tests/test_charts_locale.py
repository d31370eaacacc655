"""Every drawn chart speaks the interface language (Vega-Lite ``config.locale``), keeps its own
config, wraps a long title onto lines for a phone, and counts are drawn with whole-number ticks."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui import charts
from ui.charts.overview import meetings_per_month


def _bars() -> alt.Chart:
    frame = pd.DataFrame({"year": [2019, 2019], "month": [5, 8], "meetings": [1, 2]})
    return meetings_per_month(frame, month_label="Bulan", count_label="Rapat",
                              title="Rapat per bulan menurut tanggal pelaksanaan di semua provinsi")


def test_indonesian_locale_months_and_decimal_comma():
    spec = charts.prepared(_bars(), "id").to_dict()
    locale = spec["config"]["locale"]
    assert locale["number"]["decimal"] == "," and locale["number"]["thousands"] == "."
    assert locale["time"]["months"][4] == "Mei" and locale["time"]["shortMonths"][7] == "Agu"
    assert locale["time"]["shortMonths"][9] == "Okt" and locale["time"]["days"][0] == "Minggu"
    english = charts.prepared(_bars(), "en").to_dict()["config"]["locale"]
    assert english["time"]["months"][4] == "May" and english["number"]["decimal"] == "."


def test_existing_config_is_kept_and_title_wrapped():
    chart = _bars().configure_view(strokeWidth=0)
    spec = charts.prepared(chart, "id").to_dict()
    assert spec["config"]["view"]["strokeWidth"] == 0 and "locale" in spec["config"]
    assert isinstance(spec["title"], list) and all(len(line) <= charts.TITLE_WRAP for line in spec["title"])
    assert " ".join(spec["title"]) == "Rapat per bulan menurut tanggal pelaksanaan di semua provinsi"
    assert chart.to_dict()["title"] == "Rapat per bulan menurut tanggal pelaksanaan di semua provinsi"  # not changed


def test_meeting_counts_have_whole_number_ticks():
    axis = _bars().to_dict()["encoding"]["y"]["axis"]
    assert axis["tickMinStep"] == 1 and axis["format"] == "d"


def test_screen_reader_description_from_text_tooltips_not_raw_fields():
    from ui.charts.pokja import province_stage_bars

    shares = pd.DataFrame({"province_name": ["Nusa Tenggara Timur"] * 2, "stage": ["persiapan", "terbentuk"],
                           "share": [0.457446809, 0.542553191], "regencies": [10, 12],
                           "regencies_text": ["10", "12"],
                           "share_text": ["45,7%", "54,3%"]})
    chart = province_stage_bars(shares, stage_labels={"persiapan": "Persiapan", "terbentuk": "Terbentuk",
                                                      "belum_dibentuk": "Belum", "tidak_ada_data": "Belum ada"},
                                title="t", x_title="x", tooltip_titles={"province": "Provinsi", "stage": "Tahap",
                                                                         "regencies": "Kab/kota", "share": "Bagian"})
    spec = charts.prepared(chart, "id").to_dict()["layer"][0]  # validates against the Vega-Lite schema
    assert spec["encoding"]["description"]["field"] == "aria_text"
    (calculate,) = [t for t in spec["transform"] if t.get("as") == "aria_text"]
    assert "Provinsi: " in calculate["calculate"] and "share_text" in calculate["calculate"]
    assert "status_order" not in calculate["calculate"] and "stage_order" not in calculate["calculate"]
    assert "description" not in chart.to_dict()["layer"][0]["encoding"]  # the built chart itself is unchanged
