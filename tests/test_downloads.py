"""Every download read back: values as values, the demo column, the share of demo rows, both CSV flavours.

Unit tests of ``ui.downloads`` on a small frame, then every download button of every data page
(AppTest on the shared SQLite fixture, which holds demo data) read back with pandas / openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import openpyxl
import pandas as pd
import pytest

from tests.apptest_helpers import app, capture_downloads, download_bytes  # noqa: F401 - fixture
from ui import downloads

BOM = b"\xef\xbb\xbf"
DEMO_HEADERS = ("Data demo", "Baris demo (sintetis)")
FRAME = pd.DataFrame({
    "Wilayah": ["Kab. Kupang", "Kab. Belu"],
    "RAT terakhir": pd.array([2025, None], dtype="Int64").astype(object),  # what a page built from .to_numpy() holds
    "% aktif": [33.3, 28.6],
    "Tanggal": [dt.date(2024, 3, 1), dt.date(2023, 12, 31)],
})


def test_typed_keeps_integers_and_dates():
    typed = downloads.typed(FRAME)
    assert str(typed["RAT terakhir"].dtype) == "Int64" and typed["RAT terakhir"].tolist()[0] == 2025
    assert pd.api.types.is_datetime64_any_dtype(typed["Tanggal"])
    assert typed["% aktif"].dtype == "float64"


def test_standard_csv_and_excel_indonesia_csv():
    standard = downloads.csv_bytes(FRAME)
    assert standard.startswith(BOM)
    lines = standard.decode("utf-8-sig").splitlines()
    assert lines[1] == "Kab. Kupang,2025,33.3,2024-03-01" and lines[2] == "Kab. Belu,,28.6,2023-12-31"
    excel_id = downloads.csv_excel_id_bytes(FRAME).decode("utf-8-sig").splitlines()
    assert excel_id[0] == "Wilayah;RAT terakhir;% aktif;Tanggal"
    assert excel_id[1] == "Kab. Kupang;2025;33,3;2024-03-01"
    back = pd.read_csv(io.BytesIO(downloads.csv_excel_id_bytes(FRAME)), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["% aktif"].tolist() == [33.3, 28.6]


def test_xlsx_dates_are_date_cells_and_numbers_numbers():
    book = openpyxl.load_workbook(io.BytesIO(downloads.xlsx_bytes(FRAME, [("Cakupan", "NTT")])))
    sheet = book["Data"]
    year, pct, day = sheet["B2"], sheet["C2"], sheet["D2"]
    assert year.value == 2025 and isinstance(year.value, int)
    assert pct.value == pytest.approx(33.3)
    assert isinstance(day.value, dt.datetime) and day.value.date() == dt.date(2024, 3, 1)
    assert day.number_format == downloads.XLSX_DATE_FORMAT


def test_with_demo_flags_and_counts():
    flagged, n = downloads.with_demo(FRAME, pd.Series([True, False]))
    assert flagged["Data demo"].tolist() == ["ya", "tidak"] and n == 1
    counted, n = downloads.with_demo(FRAME, pd.Series([0, 12]))
    assert counted["Baris demo (sintetis)"].tolist() == [0, 12] and n == 1
    with pytest.raises(ValueError):
        downloads.with_demo(FRAME, pd.Series([True]))


PAGES = [("overview", {"prov": "53"}), ("cooperatives", {"prov": "53"}), ("meetings", {"prov": "53"}),
         ("pokja_status", {"prov": "53"}), ("pokja_status", {"prov": "53", "mandat": "satgas_kdmp"}), ("maps", {}),
         ("kdmp", {"prov": "53"})]
WHOLE_FLOAT = re.compile(r"^-?\d+\.0$")
# screen text in a file: "1.234" (thousands), "68,9 %", "8 Mei 2025", "–" for missing
DISPLAY_TEXT = re.compile(r"^(\d{1,3}(\.\d{3})+|-?\d+(,\d+)?\s?%|\d{1,2} [A-Z][a-z]+ \d{4}|–)$")


@pytest.mark.parametrize("page,query", PAGES)
def test_every_download_reads_back_typed(page, query, capture_downloads):  # noqa: F811
    at = app(page, query=query)
    assert not at.exception
    keys = sorted({b.key[: -len("_xlsx")] for b in at.get("download_button") if (b.key or "").endswith("_xlsx")})
    assert keys, f"{page}: no downloads"
    by_key = {b.key: b for b in at.get("download_button")}
    for key in keys:
        csv_data = download_bytes(by_key[f"{key}_csv"], capture_downloads)
        assert csv_data.startswith(BOM), key
        frame = pd.read_csv(io.BytesIO(csv_data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert frame.columns[-1] in DEMO_HEADERS, f"{key}: no demo column"
        # a percentage may be 40.0 (a decimal column); a count, year or day count never is
        whole_floats = [(c, v) for c in frame.columns if "%" not in c for v in frame[c] if WHOLE_FLOAT.match(v)]
        assert not whole_floats, f"{key}: integers written as floats {whole_floats[:3]}"
        text_percent = [c for c in frame.columns if "%" in c and frame[c].str.contains("%").any()]
        assert not text_percent, f"{key}: percentages as text in {text_percent}"
        excel_id = pd.read_csv(io.BytesIO(download_bytes(by_key[f"{key}_csvid"], capture_downloads)),
                               sep=";", decimal=",", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert list(excel_id.columns) == list(frame.columns) and len(excel_id) == len(frame)
        book = openpyxl.load_workbook(io.BytesIO(download_bytes(by_key[f"{key}_xlsx"], capture_downloads)))
        filters_sheet, data = book.worksheets
        assert [c.value for c in filters_sheet[1]] == ["Keterangan", "Nilai"]  # a named header, not an empty row
        facts = {row[0]: row[1] for row in filters_sheet.iter_rows(min_row=2, values_only=True)}
        assert isinstance(facts["Jumlah baris"], int) and facts["Parameter tautan"] != "–"
        assert re.match(r"^\d[\d.]* dari \d[\d.]* \(", facts["Baris dengan data demo"]), facts
        header = [c.value for c in data[1]]
        for position, name in enumerate(header):
            cells = [row[position] for row in data.iter_rows(min_row=2) if row[position].value is not None]
            if any(word in name for word in ("Tanggal", "Sejak", "Terbentuk pada")):
                assert all(isinstance(c.value, dt.datetime) and c.number_format == downloads.XLSX_DATE_FORMAT
                           for c in cells), f"{key}: {name} not date cells"
            if name == "Kode" or name.startswith("Kode "):  # issue 20 point 8: 53.10 stays 53.10
                assert all(c.data_type == "s" and c.number_format == "@" for c in cells), f"{key}: {name}"
            display = [c.value for c in cells if isinstance(c.value, str) and DISPLAY_TEXT.match(c.value)]
            assert not display, f"{key}: {name} holds display text {display[:3]}"  # issue 20 point 5
            if name.startswith(("Terdaftar", "Aktif", "Tidak aktif", "Hari ", "Koperasi ", "Kab/kota wajib")):
                assert all(isinstance(c.value, int | float) for c in cells), f"{key}: {name} not numbers"


@pytest.mark.parametrize("page,query", PAGES)
def test_every_download_matches_a_table_on_screen(page, query, capture_downloads):  # noqa: F811
    """Issue 20 point 5: one declaration per table, so a file's columns are the screen's (same headers, same
    order, the demo column where the screen has it) and a file holds at least the rows shown."""
    at = app(page, query=query)
    assert not at.exception
    # the screen puts the demo column after the key column (in view on a phone), the files put it last
    screens = [[c for c in d.value.columns if c not in DEMO_HEADERS] for d in at.dataframe]
    by_key = {b.key: b for b in at.get("download_button")}
    for key in sorted(k[: -len("_csv")] for k in by_key if k and k.endswith("_csv") and f"{k[:-4]}_xlsx" in by_key):
        frame = pd.read_csv(io.BytesIO(download_bytes(by_key[f"{key}_csv"], capture_downloads)),
                            encoding="utf-8-sig", dtype=str, keep_default_na=False)
        columns = list(frame.columns)
        bare = [c for c in columns if c not in DEMO_HEADERS]  # a table with no demo row shows no demo column
        assert bare in screens, f"{page} {key}: file {columns} is no table on screen {screens}"
