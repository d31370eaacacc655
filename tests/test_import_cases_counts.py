"""The published cooperative-count files offices have (../shared/cases/files f01–f04, f07, copied
into tests/cases/files) come in with the README's right result, on both backends; every import is
undone afterwards, so each test starts from the same database."""

from __future__ import annotations

import datetime as dt

import pytest

from data_access import imports
from tests.conftest import _create_pg_database, _pg_server_url
from tests.import_case_helpers import case, changed_areas, counts_by_area, import_and_undo, prepared_engine

Y2021, Y2023, Y2018 = dt.date(2021, 12, 31), dt.date(2023, 12, 31), dt.date(2018, 12, 31)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def eng(request, tmp_path_factory):
    if request.param == "sqlite":
        return prepared_engine(f"sqlite:///{tmp_path_factory.mktemp('cases') / 'cases.sqlite'}")
    return prepared_engine(_create_pg_database(_pg_server_url()))


def _stored(before: dict, after: dict) -> dict[str, set[tuple]]:
    """The figures the import added, per area: (as_of, total, active, inactive, precision, note)."""
    return {area: {row[:6] for row in after.get(area, set()) - before.get(area, set())}
            for area in changed_areas(before, after)}


def _commit(eng, name: str, data: bytes | None = None, kind: str = "counts"):
    before = counts_by_area(eng)
    out = {}

    def check(report):
        out["stored"] = _stored(before, counts_by_area(eng))

    out["report"] = import_and_undo(eng, kind, data if data is not None else case(name), name, check)
    assert counts_by_area(eng) == before  # undone exactly
    return out["report"], out["stored"]


def test_f01_open_data_active_only_as_of_the_year(eng):
    report, stored = _commit(eng, "f01_opendata_tahun.csv")
    assert report.file_error is None and report.rejected == 0
    expected = {"32.01": 1125, "32.04": 813, "32.16": 402, "32.71": 398, "32.73": 1047, "32.75": 655, "32.79": 61}
    assert stored == {area: {(Y2021, None, active, None, "year", None)} for area, active in expected.items()}


def test_f02_bps_columns_are_kab_kota_never_the_province(eng):
    report, stored = _commit(eng, "f02_opendata_bps_kolom.csv")
    assert report.file_error is None and report.rejected == 0
    expected = {"32.01": 1125, "32.04": 813, "32.73": 1047, "32.79": 61}
    assert stored == {area: {(Y2021, None, active, None, "year", None)} for area, active in expected.items()}
    assert "32" not in stored
    assert any("BPS" in note for note in report.note_texts())


def test_f03_bps_dalam_angka_title_bilingual_headers_total_row(eng):
    report, stored = _commit(eng, "f03_bps_dalam_angka.xlsx")
    assert report.file_error is None and report.rejected == 0, report.to_text()
    rows = {"53.12": (98, 21, 119), "53.11": (187, 30, 217), "53.01": (157, 244, 401), "53.02": (201, 18, 219),
            "53.04": (143, 12, 155), "53.21": (64, 9, 73), "53.71": (402, 61, 463), "53": (3635, 511, 4146)}
    assert stored == {area: {(Y2018, total, active, inactive, "year", None)}
                      for area, (active, inactive, total) in rows.items()}
    notes = " ".join(report.note_texts())
    assert "Kabupaten Kupang (53.01)" in notes  # the BPS rule, said
    assert "TIDAK cocok" in notes and "4146" in notes  # the partial table does not add up to the total
    assert report.layout == "titled"


def test_f04_bps_codes_of_aceh_read_as_bps(eng):
    report, stored = _commit(eng, "f04_bps_kode_aceh.csv")
    assert report.file_error is None and report.rejected == 0
    expected = {"11.09": 41, "11.10": 38, "11.01": 96, "11.71": 212}
    assert stored == {area: {(Y2023, None, active, None, "year", None)} for area, active in expected.items()}
    assert any("BPS" in note for note in report.note_texts())


def test_f04_a_code_whose_readings_both_disagree_with_the_name_is_refused_naming_both(eng):
    data = case("f04_bps_kode_aceh.csv").decode().replace("1101,KABUPATEN SIMEULUE", "1101,KABUPATEN PIDIE")
    report, stored = _commit(eng, "f04_mismatch.csv", data.encode())
    assert report.rejected == 1 and set(stored) == {"11.10", "11.01", "11.71"}  # the other three rows stand
    reason = report.errors[0].text()
    assert "11.01" in reason and "11.09" in reason and "KABUPATEN PIDIE" in reason


def test_f07_satu_data_long_layout(eng):
    report, stored = _commit(eng, "f07_satudata_long.csv")
    assert report.file_error is None and report.rejected == 0
    assert set(stored) == {"35.05"}  # Kabupaten Blitar: level_wilayah says Kabupaten, never Kota Blitar 35.72
    got = {(as_of, active) for as_of, _t, active, _i, precision, _n in stored["35.05"] if precision == "year"}
    assert got == {(dt.date(2023, 12, 31), 312), (dt.date(2022, 12, 31), 305), (dt.date(2021, 12, 31), 298)}
    notes = {as_of.year: note for as_of, *_rest, note in stored["35.05"]}
    assert "pending verification" in notes[2023] and "verified" in notes[2021]
    assert all(total is None and inactive is None for _d, total, _a, inactive, _p, _n in stored["35.05"])
    assert report.layout == "satudata_long"


def test_the_preview_says_what_it_found_and_writes_nothing(eng):
    before = counts_by_area(eng)
    report = imports.preview("counts", case("f03_bps_dalam_angka.xlsx"), "f03.xlsx", user="editor", engine=eng)
    assert counts_by_area(eng) == before
    text = report.to_text()
    assert "baris 4" in text and "(1) (2) (3)" in text and "Sumber/Source" in text and "2018" in text


def test_a_file_without_headers_is_refused_naming_the_title_as_a_title_not_as_columns(eng):
    data = b"Rekapitulasi Koperasi Provinsi NTT 2023\nSumba Barat;98\nBelu;143\n"
    report = imports.preview("counts", data, "rekap.csv", user="editor", engine=eng)
    assert report.file_error.code == "no_header_found"
    message = report.file_error.text()
    assert "judul tabel" in message and "Rekapitulasi Koperasi" in message and "Per Tanggal" in message
    assert "Kolom yang ditemukan" not in message


def test_a_kab_kota_column_that_cannot_be_read_refuses_the_file(eng):
    data = b"nama_provinsi;wilayah_kab_kota_bps;jumlah_koperasi;tahun\nJAWA BARAT;BOGOR;10;2021\n"
    report = imports.preview("counts", data, "x.csv", user="editor", engine=eng)
    assert report.file_error.code == "regency_column_unread" and "wilayah_kab_kota_bps" in report.file_error.text()
