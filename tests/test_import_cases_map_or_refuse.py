"""Map or refuse (issue 18): the real files f08 and f10 (../shared/cases/files, copied into
tests/cases/files) with the README's right result, and the rules they stand for — every column
accounted for, no two differing rows on one key, the level found from the file — on both backends.
Expected figures are read from the file with the csv module, never from the importer."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from data_access import imports
from tests.conftest import _create_pg_database, _pg_server_url
from tests.import_case_helpers import case, counts_by_area, import_and_undo, prepared_engine

F08_MAPPING = {"PERIODE UPDATE": "per_tanggal"}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def eng(request, tmp_path_factory):
    if request.param == "sqlite":
        return prepared_engine(f"sqlite:///{tmp_path_factory.mktemp('map') / 'map.sqlite'}")
    return prepared_engine(_create_pg_database(_pg_server_url()))


def _quarter_end(text: str) -> dt.date:
    year, quarter = text.split("-Q")
    month = int(quarter) * 3
    return dt.date(int(year), month, {3: 31, 6: 30, 9: 30, 12: 31}[month])


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def test_f08_quarterly_table_needs_its_period_column_mapped_and_names_it(eng):
    before = counts_by_area(eng)
    report = imports.preview("counts", case("f08_jatim_triwulan.csv"), "f08.csv", user="editor", engine=eng)
    assert report.file_error is not None and report.file_error.code == "missing_columns_suggest"
    assert report.file_error.params["column"] == "PERIODE UPDATE"
    assert "2018-Q4" in report.file_error.text("en")
    assert counts_by_area(eng) == before


def test_f08_every_quarter_every_measure_at_the_quarter_end(eng):
    rows = list(csv.DictReader(io.StringIO(case("f08_jatim_triwulan.csv").decode())))
    assert len(rows) == 798
    before = counts_by_area(eng)
    seen = {}

    def check(report):
        after = counts_by_area(eng)
        added = {area: after[area] - before.get(area, set()) for area in after if after[area] != before.get(area)}
        seen["added"] = added

    report = import_and_undo(eng, "counts", case("f08_jatim_triwulan.csv"), "f08.csv", check, columns=F08_MAPPING)
    assert report.file_error is None and report.counts["new"] == 798 and report.rejected == 0
    added = seen["added"]
    assert len(added) == 38 and all(area.startswith("35.") for area in added)
    assert sum(len(v) for v in added.values()) == 798
    by_key = {(area, row[0]): row[1:5] for area, found in added.items() for row in found}
    # (total, active, inactive, precision) as the file gives them, at the end of the quarter
    assert by_key["35.05", dt.date(2018, 12, 31)] == (988, 448, 540, "quarter")   # Kabupaten Blitar
    assert by_key["35.78", dt.date(2018, 12, 31)] == (2174, 1630, 544, "quarter")  # Kota Surabaya
    assert by_key["35.07", dt.date(2025, 6, 30)] == (1782, 1363, 419, "quarter")   # Kabupaten Malang
    assert ("35.72", dt.date(2018, 12, 31)) in by_key and ("35.79", dt.date(2021, 3, 31)) in by_key
    for row in rows:  # every row of the file, all three measures
        stored = [v for (area, as_of), v in by_key.items() if as_of == _quarter_end(row["PERIODE UPDATE"])
                  and v[:3] == (int(row["JUMLAH KOPERASI TOTAL"]), int(row["JUMLAH KOPERASI AKTIF"]),
                                int(row["JUMLAH KOPERASI TIDAK AKTIF"]))]
        assert stored, row
    others = {c.header: c.role for c in report.columns}
    for header in ("JUMLAH KARYAWAN", "JUMLAH MANAGER", "USAHA MIKRO", "JUMLAH PENDUDUK PEREMPUAN"):
        assert others[header] == "other_measure"
    assert others["PERIODE UPDATE"] == "field"
    assert any("JUMLAH KARYAWAN" in note for note in report.note_texts("en"))
    assert counts_by_area(eng) == before  # undone exactly


def test_f10_desa_rows_are_refused_as_finer_than_kab_kota(eng):
    before = counts_by_area(eng)
    report = imports.commit("counts", case("f10_opendata_desa.csv"), "f10.csv", user="editor", engine=eng)
    assert report.file_error is not None and report.file_error.code == "finer_than_kind"
    text = report.file_error.text()
    assert "per desa/kelurahan" in text and "kabupaten/kota" in text
    assert not report.committed and counts_by_area(eng) == before  # Kab. Bogor and Kota Banjar untouched


def test_f10_ignoring_the_desa_columns_does_not_change_the_level(eng):
    desa = ["bps_kode_kecamatan", "bps_nama_kecamatan", "bps_kode_desa_kelurahan", "bps_nama_desa_kelurahan",
            "kemendagri_kode_kecamatan", "kemendagri_nama_kecamatan", "kemendagri_kode_desa_kelurahan",
            "kemendagri_nama_desa_kelurahan"]
    report = imports.preview("counts", case("f10_opendata_desa.csv"), "f10.csv", user="editor", engine=eng,
                             columns={c: "abaikan" for c in desa})
    assert report.file_error is not None and report.file_error.code == "finer_than_kind"


HEAD = ["Kabupaten/Kota", "Per Tanggal", "Aktif"]


def test_two_differing_rows_on_one_key_refuse_the_file_naming_both_and_the_column(eng):
    before = counts_by_area(eng)
    data = _csv([[*HEAD, "Petugas Pendata"], ["Kabupaten Belu", "2023", "10", "Ana"],
                 ["Kabupaten Belu", "2023", "12", "Budi"]])
    report = imports.commit("counts", data, "dua.csv", user="editor", engine=eng)
    problem = report.file_error
    assert problem is not None and problem.code == "rows_collapse"
    assert (problem.params["first"], problem.params["second"]) == (2, 3)
    assert problem.params["column"] == "Petugas Pendata"
    assert counts_by_area(eng) == before


def test_identical_rows_are_merged_and_counted(eng):
    data = _csv([HEAD, ["Kabupaten Belu", "2023", "10"], ["Kab. Belu", "2023", "10"],
                 ["Kabupaten Malaka", "2023", "7"]])
    report = imports.preview("counts", data, "sama.csv", user="editor", engine=eng)
    assert report.file_error is None
    assert report.counts["merged"] == 1 and report.counts["new"] == 2
    precise = _csv([HEAD, ["Kabupaten Belu", "2023", "10"], ["Kabupaten Belu", "31/12/2023", "10"]])
    differs = imports.preview("counts", precise, "presisi.csv", user="editor", engine=eng).file_error
    assert differs is not None and differs.code == "rows_collapse" and differs.params["column"] == "Per Tanggal"


def test_an_area_looking_column_must_be_mapped_or_ignored_explicitly(eng):
    data = _csv([[*HEAD, "Wilayah Binaan"], ["Kabupaten Belu", "2023", "10", "Kabupaten Malaka"]])
    report = imports.preview("counts", data, "wil.csv", user="editor", engine=eng)
    assert report.file_error is not None and report.file_error.code == "column_unaccounted_area"
    assert report.file_error.params["column"] == "Wilayah Binaan"
    chosen = imports.preview("counts", data, "wil.csv", user="editor", engine=eng,
                             columns={"Wilayah Binaan": "abaikan"})
    assert chosen.file_error is None and chosen.counts["new"] == 1
    assert {c.header: c.role for c in chosen.columns}["Wilayah Binaan"] == "ignored_by_choice"


def test_a_measure_looking_column_must_be_mapped_or_ignored_explicitly(eng):
    data = _csv([[*HEAD, "Jumlah Koperasi Sehat"], ["Kabupaten Belu", "2023", "10", "4"]])
    report = imports.preview("counts", data, "ukuran.csv", user="editor", engine=eng)
    assert report.file_error is not None and report.file_error.code == "column_unaccounted_measure"
    mapped = imports.preview("counts", data, "ukuran.csv", user="editor", engine=eng,
                             columns={"Jumlah Koperasi Sehat": "abaikan"})
    assert mapped.file_error is None


def test_portal_ids_are_never_codes_and_are_said_so(eng):
    data = _csv([["id", "district_id", *HEAD], ["1", "5301", "Kabupaten Belu", "2023", "10"]])
    report = imports.preview("counts", data, "ids.csv", user="editor", engine=eng)
    assert report.file_error is None
    roles = {c.header: c.role for c in report.columns}
    assert roles["district_id"] == "internal_id"
    assert any("district_id" in note for note in report.note_texts())


def _kdmp(eng) -> dict[str, tuple]:
    from sqlalchemy import text
    with eng.connect() as conn:
        return {row[0]: tuple(row[1:]) for row in conn.execute(text(
            "SELECT village_code, stage, sk_ahu_on, stage_listed_on FROM kdmp"))}


def test_f09_national_listing_asks_for_its_date_and_stage_then_places_every_desa(eng):
    before = _kdmp(eng)
    asked = imports.preview("kdmp", case("f09_simkopdes_desa.csv"), "f09.csv", user="editor", engine=eng)
    assert asked.file_error is not None and asked.file_error.code == "kdmp_listing_needs_stage"
    assert "--per-tanggal" in asked.file_error.text("en")
    seen = {}
    listing = (dt.date(2026, 8, 5), "sk_ahu")
    report = import_and_undo(eng, "kdmp", case("f09_simkopdes_desa.csv"), "f09.csv",
                             lambda r: seen.update(after=_kdmp(eng)), listing=listing,
                             columns={"cooperatives": "abaikan"})
    assert report.file_error is None and report.counts["new"] == 52 and report.rejected == 0
    added = {code: v for code, v in seen["after"].items() if code not in before}
    assert len(added) == 52 and all(code.startswith("11.05.") for code in added)  # Kab. Aceh Barat
    for homonym in ("11.05.07.2008", "11.05.01.2007", "11.05.07.2003", "11.05.04.2036"):  # Drien Rampak, Alue Sundak
        assert added[homonym][0] == "sk_ahu"
        assert added[homonym][1] is None  # never an invented SK date
        assert str(added[homonym][2])[:10] == "2026-08-05"
    roles = {c.header: c.role for c in report.columns}
    assert roles["district_id"] == roles["village_id"] == "internal_id"
    assert roles["district"] == "field" and roles["simpanan_pokok_amount"] == "other_measure"
    assert any("district" in note and "KAB." in note for note in report.note_texts())
    assert _kdmp(eng) == before  # undone exactly


UNSEEN = Path(__file__).parent / "cases" / "unseen"


def test_u01_a_percentage_is_never_stored_as_a_count(eng):
    """A real Satu Data export (Kabupaten Blitar, % of healthy KSP/USP; tests/cases/unseen/README.md),
    as published and with its figures filled in: nothing stored, the unit and the title named."""
    published = (UNSEEN / "u01_blitar_persen_ksp_sehat.csv").read_bytes()
    filled = _csv([["_id", "kode_wilayah", "level_wilayah", "nama_wilayah", "judul", "satuan", "tahun", "periode",
                    "data", "status"],
                   ["1", "3505", "Kabupaten", "Blitar", "Persentase KSP / USP Koperasi yang Sehat", "%", "2023",
                    "Tahunan", "43", "verified"]])
    before = counts_by_area(eng)
    for data in (published, filled):
        report = imports.commit("counts", data, "u01.csv", user="editor", engine=eng)
        assert not report.committed and report.counts["new"] == 0
        codes = {e.code for e in report.errors}
        assert {"unit_not_count", "measure_unknown"} <= codes, codes
    assert counts_by_area(eng) == before
