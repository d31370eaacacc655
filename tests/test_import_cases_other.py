"""The register export (f05) and the Dinas agenda (f06) come in with the README's right result,
through the command line's own function, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from data_access import imports
from tests.conftest import _create_pg_database, _pg_server_url
from tests.import_case_helpers import case, import_and_undo, prepared_engine


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def eng(request, tmp_path_factory):
    if request.param == "sqlite":
        return prepared_engine(f"sqlite:///{tmp_path_factory.mktemp('cases') / 'other.sqlite'}")
    return prepared_engine(_create_pg_database(_pg_server_url()))


def _rows(eng, sql: str, **params) -> list[tuple]:
    with eng.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def _day(value) -> dt.date | None:
    return None if value is None else value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def test_f05_register_export_as_the_register_gives_it(eng):
    def check(report):
        assert report.counts == {"new": 4, "changed": 0, "unchanged": 0, "rejected": 1}
        error = report.errors[0]
        assert (error.row, error.column, error.value) == (4, "Nomor Induk Koperasi", "5,30101E+15")
        assert "Teks" in error.text() and "Text" in error.text("en")
        stored = {r[0]: r[1:] for r in _rows(eng, (
            "SELECT nik, jenis, register_status, register_nik_status, register_grade, members, regency_code, "
            "register_status_on FROM cooperative WHERE nik LIKE '53%'"))}
        assert {nik: row[:6] for nik, row in stored.items()} == {
            "5301010020000101": ("simpan_pinjam", "Aktif", "Sudah Bersetifikat", "B", 1234, "53.01"),
            "5301010020000102": ("produsen", "Non Aktif", "Belum Bersetifikat", None, 87, "53.01"),
            "5371010020000104": ("konsumen", "Aktif", "Sudah Bersetifikat", "A", 2015, "53.71"),
            "5301010020000105": ("jasa", "Aktif", "Sudah Bersetifikat", None, 45, "53.01"),
        }
        assert all(_day(row[6]) == dt.date.today() for row in stored.values())  # dated: the day it was reported
        rats = set(_rows(eng, "SELECT c.nik, r.year, r.held_on FROM cooperative_rat r "
                              "JOIN cooperative c ON c.id = r.cooperative_id WHERE c.nik LIKE '53%'"))
        assert {(nik, year, _day(held)) for nik, year, held in rats} == {
            ("5301010020000101", 2024, dt.date(2024, 3, 15)), ("5301010020000102", 2019, None),
            ("5301010020000105", 2022, dt.date(2022, 3, 31))}  # "-": no RAT known for the KPRI
        history = {r["label"]: (r["rat_years"], r["first_year"], r["judged_from"]) for r in report.rat_history}
        assert history == {"NIK 5301010020000101": (1, 2024, 2026), "NIK 5301010020000102": (1, 2019, 2021),
                           "NIK 5371010020000104": (0, None, None), "NIK 5301010020000105": (1, 2022, 2024)}
        assert any("bukan 0 %" in note for note in report.note_texts())

    import_and_undo(eng, "registry", case("f05_ods_register.csv"), "f05_ods_register.csv", check)


def test_f05_serba_usaha_is_a_jenis(eng):
    fixed = case("f05_ods_register.csv").decode().replace("5,30101E+15", "5301010020000103").encode()

    def check(report):
        assert report.rejected == 0
        assert _rows(eng, "SELECT jenis FROM cooperative WHERE nik = '5301010020000103'") == [("serba_usaha",)]

    import_and_undo(eng, "registry", fixed, "f05_fixed.csv", check)


def test_f06_agenda_six_meetings_one_already_stored_held_back_in_the_preview(eng):
    before = _rows(eng, "SELECT COUNT(*) FROM meeting")
    report = imports.preview("meetings", case("f06_agenda_dinas.csv"), "f06.csv", user="editor", engine=eng)
    assert report.counts == {"new": 5, "changed": 0, "unchanged": 0, "rejected": 1}
    assert [s["row"] for s in report.same_meetings] == [2]
    stored = _rows(eng, "SELECT id, held_on FROM meeting WHERE title LIKE 'Rapat Koordinasi Koperasi, Ketenagakerjaan%'")
    assert report.same_meetings[0]["meeting_id"] == stored[0][0] and _day(stored[0][1]) == dt.date(2020, 2, 27)
    assert "sumber tambahan" in report.errors[0].text()
    assert _rows(eng, "SELECT COUNT(*) FROM meeting") == before


def test_f06_agenda_attach_as_further_source_and_date_range(eng):
    def check(report):
        assert report.counts == {"new": 5, "changed": 1, "unchanged": 0, "rejected": 0}
        meeting_id = report.same_meetings[0]["meeting_id"]
        assert _rows(eng, "SELECT COUNT(*) FROM meeting_source WHERE meeting_id = :m", m=meeting_id) == [(1,)]
        ksad = _rows(eng, "SELECT held_on, ends_on, province_code, regency_code FROM meeting WHERE title LIKE '%KSAD%'")
        assert [(_day(a), _day(b), p, r) for a, b, p, r in ksad] == [
            (dt.date(2022, 5, 18), dt.date(2022, 5, 20), "35", "35.78")]
        one_day = _rows(eng, "SELECT held_on, ends_on FROM meeting WHERE title LIKE 'Rakor Pembentukan Pokja%'")
        assert [(_day(a), b) for a, b in one_day] == [(dt.date(2020, 3, 10), None)]

    report = imports.commit("meetings", case("f06_agenda_dinas.csv"), "f06.csv", user="editor", engine=eng,
                            same_meeting="attach")
    try:
        check(report)
    finally:
        assert imports.undo(report.batch_id, user="editor", engine=eng).done


def test_a_written_weekday_that_is_not_the_dates_refuses_the_row(eng):
    data = case("f06_agenda_dinas.csv").decode().replace("Selasa, 10 Maret 2020", "Rabu, 10 Maret 2020").encode()
    report = imports.preview("meetings", data, "f06.csv", user="editor", engine=eng, same_meeting="new")
    assert report.rejected == 1 and report.errors[0].row == 3
    assert "Selasa" in report.errors[0].text() and "Tuesday" in report.errors[0].text("en")
