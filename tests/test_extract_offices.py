"""Issue 19 (locked7 S20 "Kantor Imigrasi Pati" in a Rembang report, S21 "Kantor Imigrasi Tanjung Balai Asahan" at a
desa binaan in Kabupaten Batubara): a place name that is part of an office's or institution's name (immigration,
BP3MI/BP2MI, police, prosecutors, courts, hospitals, banks, universities, military commands, prisons, ports) is
not the report's kab/kota. Alone it is asked: the area stays empty and the name is shown as a candidate. The
area's own government (Dinas, Pemkab, Bupati, Wali Kota of a place) still places the report as organiser."""

from __future__ import annotations

import pytest

from ingest.extract import extract


def _office_candidates(result) -> set[str]:
    return {c.value for c in result.candidates if c.kind == "place" and c.reason == "office"}


def test_an_immigration_office_named_after_another_regency_does_not_place_the_report():
    """The sosialisasi of Kanim Pati sat in a Rembang hotel: Rembang, not Pati."""
    text = ("Kanim Pati Sosialisasi Pencegahan PMI Non Prosedural\n\n"
            "Rembang – Kantor Imigrasi Pati menggelar sosialisasi pencegahan calon pekerja migran non prosedural "
            "di Hotel Fave Rembang, Selasa 21 November 2023. Materi disampaikan Kasi Tikim Kantor Imigrasi Kelas I "
            "Non TPI Pati dan Kanit Satreskrim Polres Rembang.")
    result = extract(text)
    assert result.regency_code == "33.17"
    assert "33.18" in _office_candidates(result)


def test_an_office_named_after_a_town_yields_to_the_regency_the_text_names():
    text = ("Imigrasi TBA Gelar Sosialisasi Desa Binaan\n\n"
            "Kantor Imigrasi Tanjung Balai Asahan menggelar sosialisasi pencegahan perdagangan orang bagi masyarakat "
            "desa binaan, di Desa Pahlawan, Kabupaten Batubara, Kamis (25/7/2024). Kepala Kantor Imigrasi Tanjung "
            "Balai Asahan mengatakan kegiatan itu diikuti perangkat desa.")
    assert extract(text).regency_code == "12.19"


@pytest.mark.parametrize(("office", "code"), [
    ("Kantor Imigrasi Pati", "33.18"),
    ("Kantor Imigrasi Kelas II TPI Maumere", "53.07"),
    ("Polres Sikka", "53.07"),
    ("Kejaksaan Negeri Ende", "53.08"),
    ("Pengadilan Negeri Ende", "53.08"),
    ("RSUD Ende", "53.08"),
    ("Bank NTT Cabang Ende", "53.08"),
    ("Kodim 1603/Sikka", "53.07"),
    ("Lapas Kelas IIB Maumere", "53.07"),
    ("Universitas Flores Ende", "53.08"),
    ("Pelabuhan Ende", "53.08"),
])
def test_an_office_that_is_the_only_place_named_is_asked_not_proposed(office, code):
    """Held at the office, named twice, nothing else: the kab/kota is a question, the name a candidate."""
    text = (f"Rakor Pencegahan TPPO\n\nRapat koordinasi pencegahan perdagangan orang digelar di Aula {office}, "
            f"Senin (3/6/2024). Kepala {office} mengatakan rapat diikuti para kepala desa.")
    result = extract(text)
    assert result.regency_code is None, office
    assert code in _office_candidates(result), office
    assert result.venue == f"Aula {office}"  # the place stays in the office's name, not cut off as the city
    assert any(n.code == "office_place" and n.field == "regency_code" for n in result.notices), office


def test_an_office_as_organiser_does_not_give_its_place():
    text = ("Sosialisasi PMI\n\nUPT BP2MI Ende menggelar sosialisasi pekerja migran bagi para kepala desa, "
            "Rabu (5/6/2024). Kegiatan berlangsung lancar.")
    result = extract(text)
    assert result.regency_code is None
    assert "53.08" in _office_candidates(result)


def test_a_provincial_office_does_not_state_the_province():
    """ "BP3MI Jawa Tengah" serves the province; its name does not prove where the report is."""
    text = ("Sosialisasi PMI\n\nBP3MI Jawa Tengah menggelar sosialisasi pekerja migran bagi para kepala desa, "
            "Rabu (5/6/2024). Kegiatan berlangsung lancar.")
    result = extract(text)
    assert (result.regency_code, result.province_code) == (None, None)


@pytest.mark.parametrize("text", [
    "Rakor Koperasi\n\nDinas Koperasi Kabupaten Pati menggelar rapat koordinasi koperasi, Senin (3/6/2024). "
    "Hadir Kepala Kantor Imigrasi Pati dan Kapolres Pati.",
    "Rakor Koperasi\n\nBupati Pati membuka rapat koordinasi koperasi di Pendopo Kabupaten Pati, Senin (3/6/2024), "
    "dihadiri Kepala Kantor Imigrasi Pati.",
    "Rakor TPPO\n\nPemkab Pati menggelar rapat koordinasi pencegahan TPPO di Aula Kantor Imigrasi Pati, "
    "Senin (3/6/2024).",
])
def test_the_regions_own_government_still_places_the_report(text):
    """Counter-case: a Dinas, the Pemkab or the Bupati of Pati is Pati's own government, organiser or host."""
    assert extract(text).regency_code == "33.18"


@pytest.mark.parametrize(("text", "names"), [
    ("Balai Pelayanan Pelindungan Pekerja Migran Indonesia (BP3MI) Lampung menggelar audiensi", ["BP3MI) Lampung"]),
    ("Kanim Pati Dan Pemkab Rembang Gelar Sosialisasi", ["Kanim Pati"]),  # a headline's "Dan" ends the name
    ("Rapat di Makodim 1603/Sikka, Senin.", ["Makodim 1603/Sikka"]),
    ("Rapat di Mapolres Sikka.", ["Mapolres Sikka"]),
    ("Rapat di Aula Kodim 1603/Sikka, Senin.", ["Kodim 1603/Sikka"]),
    ("Kepala Kantor Imigrasi Kelas I Non TPI Pati, Bapak Ridwan", ["Imigrasi Kelas I Non TPI Pati"]),
    ("Kepala Dinas Koperasi Kabupaten Pati dan Bupati Pati", []),
    ("di Kantor Bupati Sikka", []),
])
def test_where_an_offices_name_runs(text, names):
    from ingest.offices import office_spans

    assert [text[s:e] for s, e in office_spans(text)] == names
