"""Reading real-world files, numbers and dates (pure: no database)."""

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import Workbook

from data_access.imports import kinds, parsing, reading, templates
from data_access.imports.parsing import CellError, FileError
from data_access.imports.reading import FormulaCell

ROWS = [["Koperasi", "Kabupaten", "Total Anggota"],
        ["Koperasi Produsen “Sejahtera” – Oebobo", "KOTA KUPANG", "1.234"],
        ["KSP Café Maju", "Kab. Belu", "56"]]


def _csv(rows, delimiter=",") -> str:
    return "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"


def _xlsx(rows, *, formula: str | None = None, sheet: str = "Data") -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if formula:
        ws.append(["Koperasi Rumus", "Kab. Belu", formula])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- encodings and delimiters --------------------------------------------------------------------

def test_windows_1252_with_semicolons():
    table = reading.read_table(_csv(ROWS, ";").encode("cp1252"), "register.csv")
    assert table.encoding == "cp1252"
    assert table.delimiter == ";"
    assert table.headers == ROWS[0]
    assert table.rows[0] == (2, ROWS[1])
    assert table.rows[1][1][0] == "KSP Café Maju"


def test_utf8_with_bom_and_commas():
    table = reading.read_table(b"\xef\xbb\xbf" + _csv(ROWS, ",").encode("utf-8"), "register.csv")
    assert table.encoding == "utf-8-sig"
    assert table.delimiter == ","
    assert table.headers[0] == "Koperasi"  # no BOM left on the first header
    assert table.rows[0][1][0] == ROWS[1][0]


def test_plain_utf8_tabs_and_quoted_delimiters():
    rows = [["Judul", "Tempat"], ['"Rakor; Koperasi, Naker"', "Aula"]]
    table = reading.read_table(_csv(rows, "\t").encode("utf-8"), "rapat.txt")
    assert table.delimiter == "\t"
    assert table.rows[0][1] == ["Rakor; Koperasi, Naker", "Aula"]
    semi = reading.read_table(b'Judul;Tempat\n"Rakor, Koperasi; Naker";Aula\n', "rapat.csv")
    assert semi.delimiter == ";"
    assert semi.rows[0][1] == ["Rakor, Koperasi; Naker", "Aula"]


def test_excel_sep_hint_and_blank_lines_keep_row_numbers():
    text = "sep=;\nA;B\n\n1;2\n;\n3;4\n"
    table = reading.read_table(text.encode(), "x.csv")
    assert table.delimiter == ";"
    assert [number for number, _ in table.rows] == [3, 5]


def test_utf16_with_bom():
    table = reading.read_table(_csv(ROWS, "\t").encode("utf-16"), "export.txt")
    assert table.encoding == "utf-16"
    assert table.rows[0][1][0] == ROWS[1][0]


# --- XLSX -----------------------------------------------------------------------------------------

def test_xlsx_cells_are_text_and_formulas_are_not_evaluated():
    table = reading.read_table(_xlsx([*ROWS, ["Koperasi Angka", "Kab. Belu", 1234]], formula="=1+1"), "r.xlsx")
    assert table.file_type == "xlsx"
    assert table.sheet == "Data"
    assert table.rows[2] == (4, ["Koperasi Angka", "Kab. Belu", "1234"])
    formula = table.rows[3][1][2]
    assert isinstance(formula, FormulaCell)
    assert formula == "=1+1"


def test_xlsx_dates_become_iso_dates():
    table = reading.read_table(_xlsx([["Tanggal"], [dt.datetime(2020, 2, 27)]]), "r.xlsx")
    assert table.rows[0][1] == ["2020-02-27"]


def test_xlsx_zip_bomb_refused_before_opening():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (reading.MAX_XLSX_UNCOMPRESSED + 1))
    data = buffer.getvalue()
    assert len(data) < reading.MAX_FILE_BYTES  # small on disk, huge when opened
    with pytest.raises(FileError) as problem:
        reading.read_table(data, "bomb.xlsx")
    assert problem.value.code == "xlsx_bomb"


def test_xlsx_with_xml_entities_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Types/>')
    with pytest.raises(FileError) as problem:
        reading.read_table(buffer.getvalue(), "entity.xlsx")
    assert problem.value.code == "xlsx_entities"


@pytest.mark.parametrize(("data", "name", "code"), [
    (b"", "x.csv", "file_empty"),
    (b"PK\x03\x04 not really a zip", "x.xlsx", "xlsx_invalid"),
    (b"\xd0\xcf\x11\xe0 old excel", "x.xls", "xls_old"),
    (b"%PDF-1.4", "x.pdf", "file_type"),
    (b"\n\n\n", "x.csv", "no_header"),
])
def test_file_errors(data, name, code):
    with pytest.raises(FileError) as problem:
        reading.read_table(data, name)
    assert problem.value.code == code
    assert problem.value.text("en") != code  # every code has words


def test_file_size_cap(monkeypatch):
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    with pytest.raises(FileError) as problem:
        reading.read_table(b"a,b\n" * 50, "x.csv")
    assert problem.value.code == "file_too_large"


# --- numbers and dates ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("1.234", (1234, False)), ("1,234", (1234, False)), ("1234", (1234, False)), ("1 234", (1234, False)),
    ("4.037.120", (4037120, False)), ("1.234,00", (1234, False)), ("sekitar 950", (950, True)),
    ("± 950", (950, True)), ("kurang lebih 1.200", (1200, True)), ("3.782 unit", (3782, False)),
    ("", (None, False)), ("-", (None, False)), ("0", (0, False)),
])
def test_parse_int(text, expected):
    assert parsing.parse_int(text) == expected


@pytest.mark.parametrize(("text", "code"), [("12,5", "not_whole"), ("-5", "negative"), ("abc", "not_integer"),
                                            ("1.23.4", "not_integer")])
def test_parse_int_errors(text, code):
    with pytest.raises(CellError) as problem:
        parsing.parse_int(text)
    assert problem.value.code == code


@pytest.mark.parametrize(("text", "expected"), [
    ("27/02/2020", (dt.date(2020, 2, 27), "day")),
    ("27-02-2020", (dt.date(2020, 2, 27), "day")),
    ("2020-02-27", (dt.date(2020, 2, 27), "day")),
    ("27 Februari 2020", (dt.date(2020, 2, 27), "day")),
    ("Kamis, 27 Februari 2020", (dt.date(2020, 2, 27), "day")),
    ("27 Feb. 2020", (dt.date(2020, 2, 27), "day")),
    ("22 Agustus 2019", (dt.date(2019, 8, 22), "day")),
    ("1 Nopember 2019", (dt.date(2019, 11, 1), "day")),
    ("27 February 2020", (dt.date(2020, 2, 27), "day")),
    ("Mei 2016", (dt.date(2016, 5, 31), "month")),
    ("2016-05", (dt.date(2016, 5, 31), "month")),
    ("Feb 2024", (dt.date(2024, 2, 29), "month")),
    ("Ags 2024", (dt.date(2024, 8, 31), "month")),
    ("2024", (dt.date(2024, 12, 31), "year")),
])
def test_parse_date(text, expected):
    assert parsing.parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2020", "kemarin", "27 Brumaire 2020", "02/27/2020", "1850"])
def test_parse_date_errors(text):
    with pytest.raises(CellError):
        parsing.parse_date(text)


def test_header_aliases_accept_ods_english_and_indonesian_spellings():
    ods = ["No", "Koperasi", "Nomor Badan Hukum Pendirian", "Tanggal Badan Hukum Pendirian", "Tanggal RAT Terakhir",
           "Alamat", "Kabupaten", "Provinsi", "Jenis Koperasi", "Kelompok Koperasi", "Sektor Usaha", "Nama Ketua",
           "NIK", "Status NIK", "Total Anggota", "Kolom Aneh"]
    found = kinds.map_headers(kinds.REGISTRY, ods)
    assert set(found.index) == {"name", "legal_entity_number", "founded_on", "last_rat_on", "regency", "province",
                                "jenis", "kelompok", "sektor_usaha", "nik", "members", "register_nik_status"}
    assert "Nama Ketua" in found.ignored  # personal names in the register are never stored
    assert found.unknown == ["Kolom Aneh"]
    english = kinds.map_headers(kinds.COUNTS, ["Province", "Regency/city", "As of", "Total", "Active", "Inactive"])
    assert set(english.index) == {"province", "regency", "as_of", "total", "active", "inactive"}
    spaced = kinds.map_headers(kinds.MEETINGS, ["  JUDUL ", "tanggal", "PROVINSI"])
    assert set(spaced.index) == {"title", "held_on", "province"}


def test_missing_and_doubled_columns_are_file_errors():
    with pytest.raises(FileError) as missing:
        kinds.map_headers(kinds.MEETINGS, ["Judul", "Provinsi"])
    assert missing.value.code == "missing_columns"
    assert "Tanggal" in str(missing.value)
    with pytest.raises(FileError) as doubled:
        kinds.map_headers(kinds.MEETINGS, ["Judul", "Title", "Tanggal", "Provinsi"])
    assert doubled.value.code == "duplicate_column"


@pytest.mark.parametrize("kind", sorted(kinds.KINDS))
def test_templates_read_back_with_every_column_recognised(kind):
    for lang in ("id", "en"):
        for data, name in ((templates.template_csv(kind, lang), "t.csv"), (templates.template_xlsx(kind, lang), "t.xlsx")):
            table = reading.read_table(data, name)
            found = kinds.map_headers(kinds.KINDS[kind], table.headers)
            assert len(found.index) == len(templates.template_columns(kind))
            assert table.rows == []
    assert templates.template_csv(kind).startswith(b"\xef\xbb\xbf")
