"""Pure pieces of the published-layout readers: region names as people write them, meeting dates
as agendas write them, and what a table's title says."""

from __future__ import annotations

import datetime as dt

import pytest

from data_access import engine as engine_module
from data_access.imports.dates import meeting_days
from data_access.imports.layouts import title
from data_access.imports.parsing import CellError
from data_access.imports.regions import Gazetteer


@pytest.fixture(scope="module")
def gazetteer(sqlite_url):
    with engine_module.session_scope(engine_module.get_engine(sqlite_url)) as session:
        return Gazetteer.load(session)


@pytest.mark.parametrize(("written", "code"), [
    ("Kota Tanjung Balai", "12.74"), ("TANJUNGBALAI", "12.74"), ("Kab. Tanjung-Jabung Barat", "15.06"),
    ("Tanjungjabung Barat", "15.06"), ("Kota Adm. Jakarta Pusat", "31.71"), ("KAB. ADM. KEPULAUAN SERIBU", "31.01"),
    ("Kab Kep. Seribu", "31.01"), ("Pangkal-Pinang", "19.71"), ("KAB.TOLITOLI", "72.04"), ("Kota Bau-Bau", "74.72"),
])
def test_region_names_as_people_write_them(gazetteer, written, code):
    assert gazetteer.regency(written) == code


def test_a_kind_chooses_between_equal_names_and_a_bare_shared_name_stays_ambiguous(gazetteer):
    assert gazetteer.regency("Blitar", kind="kabupaten") == "35.05"
    assert gazetteer.regency("Blitar", kind="kota") == "35.72"
    with pytest.raises(CellError) as refused:
        gazetteer.regency("Blitar")
    assert refused.value.code == "ambiguous_region"


def test_four_digit_codes_read_both_ways(gazetteer):
    assert gazetteer.code_readings("1101") == [("kemendagri", "11.01"), ("bps", "11.09")]
    assert gazetteer.code_readings("1101", "bps") == [("bps", "11.09")]
    assert gazetteer.code_readings("11.09") == [("kemendagri", "11.09")]
    assert gazetteer.code_readings("9999") == []


@pytest.mark.parametrize(("written", "days"), [
    ("Kamis, 27 Februari 2020", (dt.date(2020, 2, 27), None)),
    ("Senin, 05/08/2024", (dt.date(2024, 8, 5), None)),
    ("18-20 Mei 2022", (dt.date(2022, 5, 18), dt.date(2022, 5, 20))),
    ("18 s/d 20 Mei 2022", (dt.date(2022, 5, 18), dt.date(2022, 5, 20))),
    ("Rabu-Jumat, 18-20 Mei 2022", (dt.date(2022, 5, 18), dt.date(2022, 5, 20))),
    ("30 Mei - 2 Juni 2022", (dt.date(2022, 5, 30), dt.date(2022, 6, 2))),
    ("30 Desember 2022 - 2 Januari 2023", (dt.date(2022, 12, 30), dt.date(2023, 1, 2))),
    ("18/05/2022 - 20/05/2022", (dt.date(2022, 5, 18), dt.date(2022, 5, 20))),
    ("2022-05-18", (dt.date(2022, 5, 18), None)),
])
def test_meeting_days(written, days):
    assert meeting_days(written) == days


@pytest.mark.parametrize(("written", "code"), [
    ("Jumat, 27 Februari 2020", "weekday_mismatch"),       # 27 Feb 2020 is a Thursday
    ("Senin-Rabu, 18-20 Mei 2022", "weekday_mismatch"),     # 18 May 2022 is a Wednesday
    ("20-18 Mei 2022", "date_range_order"),
    ("Mei 2022", "date_needs_day"),
])
def test_meeting_days_refused(written, code):
    with pytest.raises(CellError) as refused:
        meeting_days(written)
    assert refused.value.code == code


def test_what_a_title_says(gazetteer):
    text = ("Tabel 9.3.1 Jumlah Koperasi Aktif dan Tidak Aktif Menurut Kabupaten/Kota di Provinsi "
            "Nusa Tenggara Timur, 2018")
    assert title.year(text) == 2018 and title.province(text, gazetteer) == "53"
    assert title.measure(text) is None  # names two measures
    assert title.measure("Jumlah Koperasi Aktif") == "active"
    assert title.measure("Koperasi Tidak Aktif") == "inactive"
    assert title.measure("Jumlah Koperasi") == "total"
    assert title.province("Number of Cooperatives in Jawa Timur Province, 2020", gazetteer) == "35"
    assert title.year("Tabel 2019.1 tanpa tahun") is None
