"""Pokja chart specs (``to_dict()``): stacked stage bars per province and the stage timeline."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ui.charts import POKJA_STAGE_COLOURS
from ui.charts import pokja as charts

LABELS = {"belum_dibentuk": "Belum dibentuk", "persiapan": "Persiapan", "terbentuk": "Terbentuk (SK terbit)",
          "tidak_ada_data": "Belum ada laporan"}
BAR_TITLES = {"province": "Provinsi", "stage": "Tahap", "regencies": "Kab/kota", "share": "Bagian"}
TIMELINE_TITLES = {"date": "Tanggal", "stage": "Tahap", "mandate": "Mandat", "note": "Catatan",
                   "source": "Sumber", "issued": "Tanggal mandat"}


def shares() -> pd.DataFrame:
    rows = []
    for province, counts in (("Nusa Tenggara Timur", (0, 2, 1, 19)), ("Nusa Tenggara Barat", (3, 3, 4, 0))):
        for stage, n in zip(LABELS, counts, strict=True):
            rows.append({"province_name": province, "stage": stage, "share": n / sum(counts), "regencies": n,
                         "regencies_text": str(n), "share_text": f"{n / sum(counts):.1%}"})
    return pd.DataFrame(rows)


def bars() -> dict:
    return charts.province_stage_bars(shares(), stage_labels=LABELS, title="Tahap Pokja", x_title="Bagian",
                                      tooltip_titles=BAR_TITLES).to_dict()


def test_bars_are_stacked_shares_in_the_fixed_stage_colours():
    spec = bars()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "text"]
    enc = spec["layer"][0]["encoding"]
    assert enc["x"]["field"] == "share" and enc["x"]["stack"] == "zero"
    assert enc["x"]["scale"]["domain"] == [0, 1]
    assert enc["y"]["field"] == "province_name"
    assert enc["y"]["sort"] == ["Nusa Tenggara Timur", "Nusa Tenggara Barat"]  # order kept from the data
    assert enc["color"]["field"] == "stage_label"
    assert enc["color"]["scale"]["domain"] == [LABELS[s] for s in POKJA_STAGE_COLOURS]
    assert enc["color"]["scale"]["range"] == list(POKJA_STAGE_COLOURS.values())
    assert enc["order"]["field"] == "stage_order"
    assert [t["title"] for t in enc["tooltip"]] == list(BAR_TITLES.values())
    assert spec["height"] == {"step": charts.BAR_STEP}


def test_stages_are_told_apart_without_colour():
    """Issue 12 point 6: every wide enough segment carries its stage's mark and kab/kota count, and the
    legend leads each stage with the same mark and its total — readable in greyscale."""
    spec = bars()
    (values,) = spec["datasets"].values()
    by_key = {(v["province_name"], v["stage"]): v for v in values}
    ntb = [by_key[("Nusa Tenggara Barat", s)] for s in LABELS]  # 3, 3, 4, 0 of 10
    assert [v["segment_label"] for v in ntb] == ["○ 3", "◐ 3", "● 4", ""]
    assert [round(v["share_middle"], 6) for v in ntb] == [0.15, 0.45, 0.8, 1.0]
    ntt = [by_key[("Nusa Tenggara Timur", s)] for s in LABELS]  # 0, 2, 1, 19 of 22: 1/22 < 8 % → no label
    assert [v["segment_label"] for v in ntt] == ["", "◐ 2", "", "? 19"]
    marks = {charts.POKJA_STAGE_MARKS[s] for s in LABELS}
    assert len(marks) == len(LABELS)  # one distinct mark per stage
    text = spec["layer"][1]["encoding"]
    assert text["text"]["field"] == "segment_label" and text["x"]["field"] == "share_middle"
    label_expr = spec["layer"][0]["encoding"]["color"]["legend"]["labelExpr"]
    for stage, total in {"belum_dibentuk": 3, "persiapan": 5, "terbentuk": 5, "tidak_ada_data": 19}.items():
        assert f'"{LABELS[stage]}": "{charts.POKJA_STAGE_MARKS[stage]} {LABELS[stage]} ({total})"' in label_expr


def test_bars_carry_every_row_with_its_label_and_order():
    spec = bars()
    (values,) = spec["datasets"].values()
    assert len(values) == 8
    ntt_no_report = next(v for v in values if v["province_name"] == "Nusa Tenggara Timur"
                         and v["stage"] == "tidak_ada_data")
    assert ntt_no_report["stage_label"] == "Belum ada laporan"
    assert ntt_no_report["share"] == 19 / 22 and ntt_no_report["regencies_text"] == "19"
    assert ntt_no_report["stage_order"] == list(POKJA_STAGE_COLOURS).index("tidak_ada_data")


def history(issued: dt.date | None = dt.date(2019, 5, 9)) -> pd.DataFrame:
    return pd.DataFrame({
        "changed_on": [dt.date(2019, 8, 22), dt.date(2021, 3, 1)],
        "stage": ["persiapan", "terbentuk"],
        "mandate_code": ["MOU-NTT-2019-POKJA-PMI"] * 2,
        "mandate_issued_on": [issued, issued],
        "date_text": ["22 Agustus 2019", "1 Maret 2021"],
        "issued_text": ["9 Mei 2019" if issued else "–"] * 2,
        "note": ["Rapat teknis", None],
        "source_outlet": ["Dinas Kominfo Kab. Belu", "Uji"],
    })


def test_timeline_points_line_and_mandate_rule():
    spec = charts.stage_timeline(history(), stage_labels=LABELS, title="Riwayat", tooltip_titles=TIMELINE_TITLES,
                                 until=dt.date(2024, 5, 9)).to_dict()
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]
    assert marks == ["rule", "line", "point"]
    rule, line, points = spec["layer"]
    assert rule["encoding"]["x"]["field"] == "mandate_issued_on"
    assert points["encoding"]["x"]["field"] == "changed_on" and points["encoding"]["x"]["type"] == "temporal"
    y = points["encoding"]["y"]
    assert y["scale"]["domain"] == ["Terbentuk (SK terbit)", "Persiapan", "Belum dibentuk"]  # formed on top
    assert points["encoding"]["color"]["scale"]["range"] == [POKJA_STAGE_COLOURS[s] for s in
                                                              ("belum_dibentuk", "persiapan", "terbentuk")]
    assert line["encoding"]["detail"]["field"] == "mandate_code"
    domain = points["encoding"]["x"]["scale"]["domain"]
    # whole years around the mandate (9 May 2019) and ``until`` (9 May 2024): the axis covers every point
    assert (domain[0]["year"], domain[0]["month"], domain[0]["date"]) == (2019, 1, 1)
    assert (domain[1]["year"], domain[1]["month"], domain[1]["date"]) == (2024, 12, 31)
    datasets = list(spec["datasets"].values())
    events = next(d for d in datasets if "stage_label" in d[0])
    assert [e["changed_on"] for e in events] == ["2019-08-22", "2021-03-01"]
    assert [e["stage_label"] for e in events] == ["Persiapan", "Terbentuk (SK terbit)"]
    assert events[1]["note"] == ""
    issued = next(d for d in datasets if "issued_text" in d[0])
    # without a mandate_title column (this history has none) the mandate is named by its code
    assert issued == [{"mandate_code": "MOU-NTT-2019-POKJA-PMI", "mandate_name": "MOU-NTT-2019-POKJA-PMI",
                       "mandate_issued_on": "2019-05-09", "issued_text": "9 Mei 2019"}]


def test_timeline_without_mandate_date_has_no_rule():
    spec = charts.stage_timeline(history(issued=None), stage_labels=LABELS, title="Riwayat",
                                 tooltip_titles=TIMELINE_TITLES).to_dict()
    assert [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
            for layer in spec["layer"]] == ["line", "point"]
