"""Chart specs of the meeting calendar page, read through ``chart.to_dict()``."""

from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd
import pytest

from data_access.models_reference import SECTORS
from ui.charts import SECTOR_COLOURS
from ui.charts import meetings as charts

ID_SECTORS = ["Koperasi", "Ketenagakerjaan", "Ketransmigrasian", "Perlindungan PMI"]
EN_SECTORS = ["Cooperatives", "Manpower", "Transmigration", "Migrant worker protection"]


def _days(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["day", "sector", "meetings", "day_total"])


def _data(spec: dict) -> list[dict]:
    (values,) = spec["datasets"].values()
    return values


def _colour_scales(spec: dict) -> list[dict]:
    layers = spec.get("layer", [spec])
    return [layer["encoding"]["color"]["scale"] for layer in layers
            if "field" in layer.get("encoding", {}).get("color", {})]


FEB_2020 = _days(
    (dt.date(2020, 2, 27), "koperasi", 1, 1),
    (dt.date(2020, 2, 27), "ketenagakerjaan", 1, 1),
    (dt.date(2020, 2, 3), "koperasi", 1, 3),
    (dt.date(2020, 2, 3), "transmigrasi", 2, 3),
    (dt.date(2020, 2, 3), "perlindungan_pmi", 2, 3),
)


def test_calendar_grid_has_every_day_in_weekday_columns():
    grid = charts.calendar_grid(FEB_2020, 2020, 2, "id")
    assert len(grid) == calendar.monthrange(2020, 2)[1] == 29
    assert list(grid["day_no"]) == list(range(1, 30))
    feb27 = grid.set_index("day_no").loc[27]
    assert feb27["weekday_label"] == "Kam"  # 27 February 2020 was a Thursday
    assert feb27["date_label"] == "27 Februari 2020"
    assert feb27["week_label"] == "Pekan 9"
    # 1 February 2020 was a Saturday: the first row holds Sat 1 and Sun 2, Monday 3 opens row 1.
    assert grid.set_index("day_no").loc[[1, 2, 3], "week"].tolist() == [0, 0, 1]
    assert grid["week"].max() == 4
    assert (grid.groupby("week")["weekday"].apply(lambda w: w.is_monotonic_increasing)).all()
    assert int(grid["meetings"].sum()) == 1 + 3  # day totals, not sector rows


def test_dominant_sector_rule():
    grid = charts.calendar_grid(FEB_2020, 2020, 2, "id").set_index("day_no")
    assert grid.loc[27, "sector"] == "koperasi"  # tie 1–1: the first in SECTORS order
    assert grid.loc[3, "sector"] == "transmigrasi"  # 2–2 tie ahead of perlindungan_pmi, above koperasi's 1
    assert grid.loc[3, "by_sector"] == "Koperasi: 1, Ketransmigrasian: 2, Perlindungan PMI: 2"
    assert pd.isna(grid.loc[4, "sector"]) and grid.loc[4, "meetings"] == 0
    assert charts.dominant_sector({"perlindungan_pmi": 3, "koperasi": 2}) == "perlindungan_pmi"
    assert charts.dominant_sector({}) is None


@pytest.mark.parametrize(("lang", "weekdays", "sectors"), [
    ("id", ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"], ID_SECTORS),
    ("en", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], EN_SECTORS),
])
def test_month_calendar_spec(lang, weekdays, sectors):
    spec = charts.month_calendar(FEB_2020, 2020, 2, lang).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rect", "rect", "text", "text"]
    x = spec["layer"][0]["encoding"]["x"]
    assert x["field"] == "weekday_label" and x["sort"] == weekdays and x["scale"]["domain"] == weekdays
    (colour,) = _colour_scales(spec)
    assert colour["domain"] == sectors
    assert colour["range"] == [SECTOR_COLOURS[s] for s in SECTORS]
    values = _data(spec)
    assert len(values) == 29
    day27 = next(v for v in values if v["day_no"] == 27)
    assert day27["sector_label"] == sectors[0] and day27["meetings"] == 1
    # Coloured cells and counts only where there are meetings.
    assert spec["layer"][1]["transform"] == [{"filter": "(datum.meetings > 0)"}]
    assert spec["layer"][3]["encoding"]["text"]["field"] == "meetings"


def test_month_label():
    assert charts.month_label(2020, 2, "id") == "Februari 2020"
    assert charts.month_label(2020, 2, "en") == "February 2020"


def test_lead_sector():
    assert charts.lead_sector("ketenagakerjaan,transmigrasi") == "ketenagakerjaan"
    assert charts.lead_sector("ketenagakerjaan,transmigrasi", ("transmigrasi",)) == "transmigrasi"
    assert charts.lead_sector("koperasi", ("transmigrasi",)) == "koperasi"
    assert charts.lead_sector("") is None


POINTS = pd.DataFrame([
    (1, dt.date(2019, 8, 22), "53", "Nusa Tenggara Timur", "Rapat Teknis", "Dinas", "held",
     "ketenagakerjaan,perlindungan_pmi"),
    (2, dt.date(2022, 8, 25), "62", "Kalimantan Tengah", "Rakor PKK", None, "planned", "ketenagakerjaan"),
], columns=["id", "held_on", "province_code", "province", "title", "organizer", "status", "sectors"])


def test_timeline_points_spec():
    spec = charts.timeline_points(POINTS, "id", ("perlindungan_pmi",)).to_dict()
    assert spec["mark"]["type"] == "circle"
    enc = spec["encoding"]
    assert (enc["x"]["field"], enc["x"]["type"]) == ("held_on", "temporal")
    assert enc["x"]["axis"]["format"] == "%Y"  # three years: year labels
    assert enc["y"]["axis"]["labelLimit"] >= 200  # long province names are not cut
    short = charts.timeline_points(POINTS.iloc[:1], "id").to_dict()
    assert short["encoding"]["x"]["axis"]["format"] == "%m/%Y"  # numeric month labels, any language
    assert enc["y"]["field"] == "province" and enc["y"]["sort"] == ["Kalimantan Tengah", "Nusa Tenggara Timur"]
    (colour,) = _colour_scales(spec)
    assert colour["domain"] == ID_SECTORS and colour["range"] == list(SECTOR_COLOURS.values())
    assert [t["field"] for t in enc["tooltip"]][:3] == ["title", "organizer", "date_label"]
    values = {v["title"]: v for v in _data(spec)}
    assert values["Rapat Teknis"]["sector_label"] == "Perlindungan PMI"  # lead among the filtered sectors
    assert values["Rapat Teknis"]["date_label"] == "22 Agustus 2019"
    assert values["Rakor PKK"]["sector_label"] == "Ketenagakerjaan"
    assert values["Rakor PKK"]["organizer"] == "–"
    assert values["Rakor PKK"]["status_label"] == "Direncanakan"
    unfiltered = {v["title"]: v for v in _data(charts.timeline_points(POINTS, "en").to_dict())}
    assert unfiltered["Rapat Teknis"]["sector_label"] == "Manpower"


def test_timeline_monthly_spec():
    monthly = pd.DataFrame([(dt.date(2024, 5, 1), "64", "Kalimantan Timur", 12),
                            (dt.date(2024, 6, 1), "64", "Kalimantan Timur", 3)],
                           columns=["month", "province_code", "province", "meetings"])
    spec = charts.timeline_monthly(monthly, "en").to_dict()
    assert spec["mark"]["type"] == "rect"
    assert spec["encoding"]["x"]["timeUnit"] == "yearmonth"
    assert spec["encoding"]["x"]["axis"]["format"] == "%m/%Y"
    assert spec["height"] == {"step": charts.ROW_HEIGHT}
    assert spec["encoding"]["color"]["field"] == "meetings"
    values = _data(spec)
    assert [v["meetings"] for v in values] == [12, 3]
    assert values[0]["month_label"] == "May 2024"
