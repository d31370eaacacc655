"""``ingest.people`` and ``ingest.organisations``: opener (and for whom), chair, organiser's span."""

from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.people import _split_role_name

LEAD = "KUPANG – Rakor koperasi digelar di Aula Dinas, Kamis (16/5/2024). "


@pytest.mark.parametrize(("chunk", "name", "role"), [
    ("Asisten II Setda NTB, Ir. Maria Rekaan, M.Si", "Maria Rekaan", "Asisten II Setda NTB"),
    ("Wakil Bupati Belu – Drs. J. T. Ose Luan", "J. T. Ose Luan", "Wakil Bupati Belu"),
    ("Staf Ahli Bupati, H. Lalu Contoh, S.E., M.M.", "Lalu Contoh", "Staf Ahli Bupati"),
    ("Plh. Sekda, Dr. Ir. Budi Contoh, M.T. Sebanyak 200 peserta", "Budi Contoh", "Plh. Sekda"),
    ("Gubernur NTT Viktor Bungtilu Laiskodat", "Viktor Bungtilu Laiskodat", "Gubernur NTT"),
    ("deputy regent Ahmad Contoh", "Ahmad Contoh", "deputy regent"),
    ("Yosef Contoh", "Yosef Contoh", None),
])
def test_names_without_honorifics_or_degrees_and_the_role_apart(chunk, name, role):
    person = _split_role_name(chunk)
    assert (person.name, person.role) == (name, role)


@pytest.mark.parametrize(("sentence", "name", "role", "behalf"), [
    ("Rakor dibuka oleh Asisten II Setda NTB, Ir. Maria Rekaan, M.Si, mewakili Gubernur NTB, Lalu Fiktif.",
     "Maria Rekaan", "Asisten II Setda NTB", "Gubernur NTB"),
    ("Rakor dibuka oleh Bupati Kapuas yang diwakili Asisten I Setda Kapuas, Yusuf Contoh, di Aula Bappeda.",
     "Yusuf Contoh", "Asisten I Setda Kapuas", "Bupati Kapuas"),
    ("The meeting was opened by regional secretary Frans Contoh on behalf of the regent.",
     "Frans Contoh", "regional secretary", "regent"),
    ("Rakor dibuka Sekda NTT, Drs. Yosef Contoh, M.Si, dan diikuti 85 peserta.", "Yosef Contoh", "Sekda NTT", None),
    ("Rakor dibuka Sekda Tolitoli, Amran Contoh, atas nama Bupati Tolitoli.", "Amran Contoh", "Sekda Tolitoli",
     "Bupati Tolitoli"),
    ("Rakor dibuka Sekko Jakarta Utara, Hendra Contoh, mewakili Wali Kota Jakarta Utara.", "Hendra Contoh",
     "Sekko Jakarta Utara", "Wali Kota Jakarta Utara"),
    ("Rakor dibuka Sekda Kota Kupang, Agus Contoh, a.n. Wali Kota Kupang, di Aula.", "Agus Contoh",
     "Sekda Kota Kupang", "Wali Kota Kupang"),
])
def test_who_opened_and_for_whom(sentence, name, role, behalf):
    opened = extract(LEAD + sentence + "\n").opened_by
    assert (opened.name, opened.role, opened.on_behalf_of) == (name, role, behalf)


def test_chaired_is_not_opened():
    d = extract(LEAD + "Rapat dipimpin Sekretaris Daerah Aceh Singkil, Rudi Rekaan, dan diikuti para camat.\n")
    assert d.opened_by is None
    assert (d.chaired_by.name, d.chaired_by.role) == ("Rudi Rekaan", "Sekretaris Daerah Aceh Singkil")


@pytest.mark.parametrize(("sentence", "organizer"), [
    ("Rakor yang diselenggarakan Dinas Tenaga Kerja dan Transmigrasi Provinsi NTT tersebut dibuka Sekda NTT.",
     "Dinas Tenaga Kerja dan Transmigrasi Provinsi NTT"),
    ("Data dipaparkan dalam rakor yang diselenggarakan Dinas Koperasi, UKM, Perindustrian dan Perdagangan "
     "Kabupaten Ende di Aula Setda Ende.", "Dinas Koperasi, UKM, Perindustrian dan Perdagangan Kabupaten Ende"),
    ("Dinas Koperasi, UKM dan Perindustrian Kabupaten Kampar kembali menggelar rapat koordinasi koperasi.",
     "Dinas Koperasi, UKM dan Perindustrian Kabupaten Kampar"),
    ("Suku Dinas PPKUKM Kota Administrasi Jakarta Utara menggelar rapat koordinasi koperasi.",
     "Suku Dinas PPKUKM Kota Administrasi Jakarta Utara"),
    ("Satgas Percepatan Pembentukan Koperasi Kelurahan Merah Putih Kota Palopo menggelar rapat koordinasi.",
     "Satgas Percepatan Pembentukan Koperasi Kelurahan Merah Putih Kota Palopo"),
    ("Rakor diselenggarakan Dinas Koperasi Kabupaten Belu dan diikuti 45 peserta.", "Dinas Koperasi Kabupaten Belu"),
])
def test_the_organisers_span_ends_at_its_clause(sentence, organizer):
    assert extract(LEAD + sentence + "\n").organizer == organizer


def test_an_english_role_with_a_place_name_in_it():
    d = extract("REPUBLIKA.CO.ID, AMBON -- Acting Ambon mayor Dominggus Contoh opened a coordination meeting on "
                "cooperatives on Monday (5/8/2024).\n")
    assert (d.opened_by.name, d.opened_by.role) == ("Dominggus Contoh", "Acting Ambon mayor")
