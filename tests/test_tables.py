"""ui.tables: one column declaration gives the screen's text and the files' values (issue 20 point 5)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from ui import downloads, tables
from ui.tables import Col

FRAME = pd.DataFrame({
    "code": ["53.10", "53.01"], "desa": [1234, None], "share": [0.689, float("nan")],
    "on": [dt.date(2025, 5, 8), None], "stage": ["operasional", None],
}, index=[7, 3])  # not a RangeIndex: values are placed by position
COLS = [Col("kdmp_col_code", "code", "code"), Col("kdmp_col_desa", "desa", "int"),
        Col("kdmp_col_operating_pct", "share", "pct"), Col("kdmp_col_date", "on", "date"),
        Col("kdmp_col_stage", "stage", "label", label=lambda s: s.upper())]


def test_screen_text_and_file_values_from_one_declaration():
    screen, file = tables.frames(FRAME, COLS)
    assert list(screen.columns) == list(file.columns) == ["Kode", "Desa/kelurahan", "% beroperasi (dari yang tercatat)",
                                                          "Tanggal", "Tahap"]
    assert screen.iloc[0].tolist() == ["53.10", "1.234", "68,9%", "8 Mei 2025", "OPERASIONAL"]
    assert screen.iloc[1].tolist() == ["53.01", "–", "–", "–", "–"]
    assert str(file["Desa/kelurahan"].dtype) == "Int64" and file["Desa/kelurahan"].tolist()[0] == 1234
    assert file["% beroperasi (dari yang tercatat)"].tolist()[0] == pytest.approx(68.9)
    assert file["Tanggal"].tolist()[0] == dt.date(2025, 5, 8) and file.isna().iloc[1, 1:].all()
    csv = downloads.csv_bytes(file).decode("utf-8-sig").splitlines()
    assert csv[1] == "53.10,1234,68.9,2025-05-08,OPERASIONAL" and csv[2] == "53.01,,,,"
    sheet = openpyxl.load_workbook(io.BytesIO(downloads.xlsx_bytes(file, [("a", "b")])))["Data"]
    assert (sheet["A2"].value, sheet["A2"].data_type, sheet["A2"].number_format) == ("53.10", "s", "@")
    assert isinstance(sheet["D2"].value, dt.datetime)


def test_a_label_column_needs_its_label():
    with pytest.raises(ValueError, match="label"):
        Col("kdmp_col_stage", "stage", "label")
    with pytest.raises(ValueError, match="kind"):
        Col("kdmp_col_stage", "stage", "words")


def test_demo_column_follows_the_key_column_on_screen(monkeypatch):
    """Walkthrough (issue 20): with the demo column last, a 390 px phone (and a wide table at 1366 px) never showed
    it; on screen it follows the key column, in the files it stays last."""
    import datetime as dt

    import pandas as pd

    from data_access.filters import Filters
    from ui import downloads, tables
    from ui.tables import Col

    shown = {}
    monkeypatch.setattr(tables.st, "dataframe", lambda frame, **_: shown.setdefault("frame", frame))
    offered = {}
    monkeypatch.setattr(downloads, "offer", lambda frame, **kw: offered.update(frame=frame, demo=kw["demo"]))
    frame = pd.DataFrame({"d": [dt.date(2024, 1, 2), dt.date(2024, 1, 3)], "t": ["a", "b"], "n": [1, 2]})
    cols = [Col("col_date", "d", "date"), Col("col_title", "t"), Col("col_organizer", "n", "int")]
    tables.show(frame, cols, name="x", key="x", demo=pd.Series([True, False]), filters=Filters(), scope="s")
    assert list(shown["frame"].columns) == ["Tanggal", "Judul", "Data demo", "Penyelenggara"]  # after the first column in words
    assert list(offered["frame"].columns) == ["Tanggal", "Judul", "Penyelenggara"]  # demo added last by offer


def test_year_url_and_shown_columns():
    """A year without a thousands separator, a link column (empty when missing, the address in the file), and a
    date shown to its precision ("2018") while the file keeps the date value."""
    frame = pd.DataFrame({"year": [2025, None], "url": ["https://a.id/x", None],
                          "as_of": [dt.date(2018, 12, 31), dt.date(2025, 5, 8)], "as_of_text": ["2018", "8 Mei 2025"]})
    cols = [Col("coop_col_year", "year", "year"), Col("coop_col_url", "url", "url"),
            Col("coop_col_as_of", "as_of", "date", shown="as_of_text")]
    screen, file = tables.frames(frame, cols)
    assert screen.iloc[0].tolist() == ["2025", "https://a.id/x", "2018"]
    assert screen.iloc[1].tolist()[::2] == ["–", "8 Mei 2025"] and pd.isna(screen.iloc[1, 1])
    assert str(file["Tahun"].dtype) == "Int64" and file["Tahun"].tolist()[0] == 2025
    assert file["Tautan"].tolist()[0] == "https://a.id/x" and pd.isna(file["Tautan"].iloc[1])
    assert file["Per tanggal"].tolist() == [dt.date(2018, 12, 31), dt.date(2025, 5, 8)]
    config = tables.column_config(cols)
    assert set(config) == {"Tahun", "Tautan"}  # the link column and the right-aligned year; the shown date is text
    assert config["Tautan"]["type_config"]["type"] == "link"


def test_inside_holds_the_table_only(monkeypatch):
    """``inside=``: a chart's table goes in its container (an expander), the downloads stay in view below."""
    from data_access.filters import Filters

    events = []

    class Box:
        def __enter__(self):
            events.append("open")

        def __exit__(self, *_):
            events.append("close")

    monkeypatch.setattr(tables.st, "dataframe", lambda frame, **_: events.append("table"))
    monkeypatch.setattr(downloads, "offer", lambda frame, **_: events.append("downloads"))
    frame = pd.DataFrame({"y": [2024], "n": [3]})
    tables.show(frame, [Col("coop_col_year", "y", "year"), Col("coop_col_registered", "n", "int")], name="x",
                key="x", demo=None, filters=Filters(), scope="s", inside=Box())
    assert events == ["open", "table", "close", "downloads"]


def test_the_demo_column_follows_the_name_not_a_leading_code():
    """Walkthrough at 390 px: on Koperasi Merah Putih the demo column came between the code and the name,
    so the kab/kota names were cut; it follows the first column in words."""
    code_first = [Col("kdmp_col_code", "a", "code"), Col("kdmp_col_area", "b"), Col("kdmp_col_desa", "c", "int")]
    assert tables.key_position(code_first) == 1
    ranked = [Col("kdmp_col_rank", "r", "int"), *code_first]
    assert tables.key_position(ranked) == 2
    assert tables.key_position([Col("kdmp_col_code", "a", "code"), Col("kdmp_col_desa", "c", "int")]) == 0
