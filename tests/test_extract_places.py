"""``ingest.places`` and ``ingest.where``: gazetteer names, English forms, and the regency/province a
report is about — never from an outlet's name, a byline or a teaser; an ambiguous name left empty."""

from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.places import _place_mentions


@pytest.mark.parametrize(("text", "codes", "explicit"), [
    ("in Malang regency", {"35.07"}, True), ("in Malang city", {"35.73"}, True),
    ("di Malang", {"35.07", "35.73"}, False), ("Kota Kupang", {"53.71"}, True),
    ("Bupati Kupang", {"53.01"}, False), ("Kabupaten Toli-Toli", {"72.04"}, True), ("TOLI-TOLI -", {"72.04"}, False),
    ("Kota Adm. Jakarta Utara", {"31.72"}, True), ("Kabupaten Tolitoli", {"72.04"}, True),
    ("the Sorong District Government", {"96.01"}, True), ("Sorong city", {"96.71"}, True),
    ("Jayapura acting mayor", {"91.71"}, True), ("Kupang regent", {"53.01"}, True),
    # English compass forms of kab/kota names (issue 19, locked8 T28)
    ("visited West Lombok District", {"52.01"}, True), ("in Central Lombok Regency", {"52.02"}, True),
    ("South Tangerang City", {"36.74"}, True), ("Southwest Sumba Regency", {"53.18"}, True),
    ("South Central Timor District", {"53.02"}, True), ("in East Kutai", {"64.08"}, False),
    ("Central Jakarta", {"31.71"}, False),
])
def test_regency_mentions(text, codes, explicit):
    [place] = [p for p in _place_mentions(text) if not p.is_province]
    assert (place.regency_codes, place.explicit) == (codes, explicit)


@pytest.mark.parametrize(("text", "province"), [
    ("West Kalimantan's office", "61"), ("E Nusa Tenggara", "53"), ("Riau Islands", "21"), ("North Sumatra", "12"),
])
def test_english_province_names(text, province):
    [place] = _place_mentions(text)
    assert place.is_province and [r.code for r in place.regions] == [province]


def test_an_outlet_named_after_a_place_says_nothing_about_the_meeting():
    text = ("Cooperatives told to report\n\nDewi Contoh, The Jakarta Post, Kediri | Tue, 06/10/2015\n\n"
            "Officials met on Monday (5/10) in Kediri for a coordination meeting on cooperatives.\n")
    d = extract(text)
    assert (d.regency_code, d.province_code) == (None, "35")  # not 31 (Jakarta); Kediri stays ambiguous
    [notice] = [n for n in d.notices if n.code == "ambiguous_place"]
    assert "35.06" in notice.params["candidates"] and "35.71" in notice.params["candidates"]


def test_a_teaser_never_places_the_meeting():
    text = ("Rakor Koperasi di Jayapura\n\nJAYAPURA - Rapat koordinasi koperasi berlangsung di Hotel Contoh, "
            "Jayapura, Selasa (5/11/2024). Baca juga: Kabupaten Jayapura Bentuk 139 Koperasi.\n")
    d = extract(text)
    assert d.regency_code is None and d.province_code == "91"
    assert any(n.code == "ambiguous_place" for n in d.notices)


def test_an_ambiguous_dateline_is_settled_by_an_explicit_mention_in_the_text():
    text = ("Bogor city counts cooperatives\n\nBogor, W Java (ANTARA) - The Bogor city administration held a "
            "coordination meeting on cooperatives on Wednesday (21/2/2024).\n")
    d = extract(text)
    assert (d.regency_code, d.province_code, d.outlet) == ("32.71", "32", "ANTARA")


def test_a_ministry_office_does_not_place_the_report_in_its_city():
    """Issue 19 (locked3 N17): a press conference "di Kantor KemenkopUKM, Jakarta Selatan" is the ministry's
    city, not a kab/kota the report is about; a district office in the same shape still places it."""
    text = ("Kemenkop Bubarkan Koperasi\n\n“Sekarang 130.119 unit koperasi aktif,” kata Ahmad dalam konferensi pers, "
            "di Kantor KemenkopUKM, Jakarta Selatan, Kamis (10/10/2024).")
    assert extract(text).regency_code is None
    local = "Rapat Koperasi\n\nRapat digelar di Kantor Dinas Koperasi, Jakarta Selatan, Kamis (10/10/2024)."
    assert extract(local).regency_code == "31.74"


def test_a_provincial_report_is_not_placed_in_the_datelines_city():
    """Issue 19 (locked4 P19): "BANDARLAMPUNG – Disnaker Provinsi Lampung menggelar FGD …": the dateline is the
    outlet's city, the report is the province's; a kab/kota report keeps its dateline city as before."""
    text = ("Disnaker Gelar FGD Pekerja Migran\n\nBANDARLAMPUNG – Dinas Tenaga Kerja (Disnaker) Provinsi Lampung menggelar "
            "FGD perlindungan pekerja migran di Hotel Horison, Senin (26/6/2023).")
    result = extract(text)
    assert (result.regency_code, result.province_code) == (None, "18")


def test_a_photo_caption_of_another_event_gives_neither_place_nor_date():
    """Issue 19 (locked4 P15): a caption ending in its credit "(DOK. Kemendagri)" is not the report's event."""
    text = ("Mendagri Bentuk Satgas\n"
            "Mendagri dalam Rakor di Balairung Rudini, Kampus IPDN Jatinangor, Kabupaten Sumedang, Jawa Barat, "
            "Senin (27/10/2025).(DOK. Kemendagri)\n\n"
            "Hal ini disampaikan Tito dalam rapat percepatan program Kopdes yang dilakukan secara hybrid pada "
            "Jumat, (31/10/2025).")
    result = extract(text)
    assert result.regency_code is None
    assert result.date.isoformat() == "2025-10-31"


def test_a_dateline_never_places_the_kab_kota_and_a_labelled_caption_is_not_the_report():
    """Issue 19 rule 4 (locked5 Q27, Q02): "Mataram, Jurnalekbis.com –" is the outlet's city (a later "di Mataram"
    does not make it the report's); a caption line opening with an upper-case label ("HARUS RAT: Koperasi yang
    berada di Tanjung Selor …") and the dateline "TANJUNG SELOR -" do not place a provincial report."""
    text = ("BP3MI NTB Perkuat Koordinasi\n\nMataram, Jurnalekbis.com – Balai Pelayanan Pelindungan Pekerja Migran Indonesia "
            "(BP3MI) Nusa Tenggara Barat memperkuat kerja sama dengan kepolisian. “Koordinasi akan semakin intens,” kata "
            "Ponco di Mataram.")
    assert extract(text).regency_code is None
    caption = ("260 Koperasi Tak Aktif\n\n- Senin, 20 Maret 2023 | 00:46 WIB\nHARUS RAT: Koperasi yang berada di Tanjung "
               "Selor diminta selalu melaksanakan RAT.\n\nTANJUNG SELOR - Jumlah koperasi yang tidak aktif di Kalimantan "
               "Utara (Kaltara) masih cukup tinggi.")
    assert extract(caption).regency_code is None


def test_a_kab_kota_in_a_national_sentence_does_not_outrank_the_reports_own():
    """Issue 19, locked8 T28: the national launch's place is not the report's district."""
    d = extract("Minister visits East Lombok cooperatives\n\nSelong (ANTARA) - The deputy minister visited East "
                "Lombok District, West Nusa Tenggara, on Monday to review the village cooperatives program. The "
                "president launched some 80 thousand village cooperatives nationwide in Sleman District, "
                "Yogyakarta, last month.\n")
    assert d.regency_code == "52.03"


def test_a_kab_kota_named_as_the_largest_of_several_does_not_place_a_provincial_report():
    """Issue 19, locked8 T10: "Jumlah koperasi terbesar berada di Kabupaten X" compares kab/kota; it is not the
    report's kab/kota."""
    d = extract("Ribuan koperasi di Sulteng tidak aktif\n\nPalu — Dinas Koperasi Sulawesi Tengah mencatat 4.100 "
                "koperasi, Selasa (16/12/2014). Jumlah koperasi terbesar berada di Kabupaten Banggai, sebanyak 700 "
                "koperasi.\n")
    assert d.regency_code is None and d.province_code == "72"
