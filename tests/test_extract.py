"""The news-report extractor (``ingest.extract``) on varied whole reports written here: other provinces,
other spellings, HTML and Windows-1252 pages (seeds: ``test_extract_seeds``; command line: ``test_extract_cli``).

Every field of every report written here is asserted, including the ones that must
stay empty: the extractor proposes only what the text says.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from data_access.gazetteer import alias_index, normalise
from ingest.extract import Extraction, extract, read_document

REPO_ROOT = Path(__file__).resolve().parents[1]

FIELDS = (
    "title", "date", "date_text", "date_inferred", "weekday_ok", "venue", "city", "regency_code",
    "regency_name", "province_code", "province_name", "organizer", "opened_by", "chaired_by", "participants", "sectors",
    "cooperatives", "pokja_stage", "regencies_involved", "kind", "level", "headline", "outlet", "published_on",
)
SPEC_KEYS = {
    "file", "title", "date", "date_text", "date_inferred", "weekday_ok", "venue", "city", "regency_code",
    "regency_name", "province_code", "province_name", "organizer", "opened_by", "chaired_by", "participants", "sectors",
    "cooperatives", "pokja_stage", "regencies_involved", "kind", "level", "warnings", "evidence",
}


def assert_evidence(d: dict, text: str, *, not_in_text: tuple[str, ...] = ()) -> None:
    """A value has a verbatim snippet (≤ 200 chars) behind it; an empty field has none.

    ``not_in_text``: fields whose support came from the caller (``published_on``), not the text.
    """
    assert set(d["evidence"]) == set(FIELDS)
    for key in FIELDS:
        value, snippet = d[key], d["evidence"][key]
        empty = value is None or value == [] or (key == "date_inferred" and d["date"] is None)
        if empty or key in not_in_text:
            assert snippet is None, f"{key}: evidence without a value: {snippet!r}"
            continue
        assert snippet, f"{key}: a value without evidence"
        assert len(snippet) <= 200, key
        assert snippet in text, f"{key}: evidence is not a verbatim part of the source"
        if key in ("date_text", "city", "outlet"):
            assert value.lower() in snippet.lower(), key


def assert_result(result: Extraction, text: str, expected: dict, warnings: list[str],
                  not_in_text: tuple[str, ...] = ()) -> dict:
    """Every field equals the expectation; each warning contains its expected phrase, in order."""
    assert set(expected) == set(FIELDS), "the test must state every field"
    d = result.to_dict()
    assert SPEC_KEYS <= set(d)
    json.dumps(d)  # JSON-ready
    for key in FIELDS:
        assert d[key] == expected[key], f"{key}: {d[key]!r} != {expected[key]!r}"
    assert len(d["warnings"]) == len(warnings), d["warnings"]
    for got, phrase in zip(d["warnings"], warnings, strict=True):
        assert phrase in got, (phrase, got)
    assert_evidence(d, text, not_in_text=not_in_text)
    return d


def nothing(**overrides) -> dict:
    """Every field empty, except the ones given."""
    base = {key: None for key in FIELDS}
    base.update(date_inferred=False, sectors=[], regencies_involved=[])
    base.update(overrides)
    return base


# --------------------------------------------------------------------------- #
# Reports written for these tests (not the seeds): other provinces, other spellings.
# --------------------------------------------------------------------------- #

KALTARA = """Disnakertrans Kaltara Gelar Sosialisasi Perlindungan Pekerja Migran

TANJUNG SELOR – Dinas Tenaga Kerja dan Transmigrasi Provinsi Kalimantan Utara menggelar Sosialisasi Perlindungan Pekerja Migran Indonesia bagi calon pekerja dan aparatur desa, Jumat, 7 Juni 2024. Kegiatan yang berlangsung di Ballroom Hotel Crown Tarakan, Kota Tarakan itu dibuka secara resmi oleh Asisten Perekonomian dan Pembangunan Setda Provinsi Kaltara, Ir. Datu Iqro Ramadhan.
Peserta sosialisasi berjumlah 120 orang yang berasal dari Kabupaten Nunukan, Kabupaten Malinau dan Kota Tarakan.
"Pekerja migran harus berangkat secara prosedural," ujarnya.
"""


def test_month_name_date_with_weekday_comma_and_a_province_office():
    assert_result(extract(KALTARA), KALTARA, {
        "title": "Sosialisasi Perlindungan Pekerja Migran Indonesia",
        "date": "2024-06-07", "date_text": "Jumat, 7 Juni 2024", "date_inferred": False, "weekday_ok": True,
        "venue": "Ballroom Hotel Crown", "city": "Tarakan",
        "regency_code": "65.71", "regency_name": "Kota Tarakan",
        "province_code": "65", "province_name": "Kalimantan Utara",
        "organizer": "Dinas Tenaga Kerja dan Transmigrasi Provinsi Kalimantan Utara",
        "opened_by": {"name": "Datu Iqro Ramadhan",
                      "role": "Asisten Perekonomian dan Pembangunan Setda Provinsi Kaltara", "on_behalf_of": None}, "chaired_by": None,
        "participants": 120, "sectors": ["perlindungan_pmi"], "cooperatives": None, "pokja_stage": None,
        "regencies_involved": ["65.02", "65.03", "65.71"], "kind": "sosialisasi", "level": "provinsi",
        "headline": "Disnakertrans Kaltara Gelar Sosialisasi Perlindungan Pekerja Migran",
        "outlet": None, "published_on": None,
    }, warnings=[])


SIKKA = """Pemkab Sikka Gelar Rakor Koperasi

MAUMERE – Pemerintah Kabupaten Sikka melalui Dinas Koperasi dan UKM Kabupaten Sikka menggelar Rapat Koordinasi Pengawasan Koperasi, Senin (3/6), di Aula Kantor Bupati Sikka. Rakor dibuka oleh Wakil Bupati Sikka, Romanus Woga. Hingga kini tercatat 312 koperasi di Kabupaten Sikka, 198 koperasi aktif dan 114 koperasi tidak aktif.
"""


def test_date_without_year_takes_the_publication_year_and_counts_cooperatives():
    assert_result(extract(SIKKA, published_on=dt.date(2024, 6, 4)), SIKKA, {
        "title": "Rapat Koordinasi Pengawasan Koperasi",
        "date": "2024-06-03", "date_text": "Senin (3/6)", "date_inferred": True, "weekday_ok": True,
        "venue": "Aula Kantor Bupati Sikka", "city": "Maumere",
        "regency_code": "53.07", "regency_name": "Kabupaten Sikka",
        "province_code": "53", "province_name": "Nusa Tenggara Timur",
        "organizer": "Dinas Koperasi dan UKM Kabupaten Sikka",
        "opened_by": {"name": "Romanus Woga", "role": "Wakil Bupati Sikka", "on_behalf_of": None}, "chaired_by": None,
        "participants": None, "sectors": ["koperasi"],
        "cooperatives": {"total": 312, "active": 198, "inactive": 114, "as_of": None, "area": "53.07",
                         "derived": {}}, "pokja_stage": None,
        "regencies_involved": ["53.07"], "kind": "rakor", "level": "kabupaten_kota",
        "headline": "Pemkab Sikka Gelar Rakor Koperasi", "outlet": None, "published_on": "2024-06-04",
    }, warnings=["2024 inferred from the publication date", "city 'Maumere' taken from the dateline"],
        not_in_text=("date_inferred", "published_on"))


def test_date_without_year_and_no_year_anywhere_stays_empty():
    text = SIKKA
    d = extract(text).to_dict()
    assert d["date"] is None and d["date_text"] == "Senin (3/6)"
    assert d["date_inferred"] is False and d["weekday_ok"] is None
    assert any("could not be inferred" in w for w in d["warnings"])
    assert_evidence(d, text)


NO_NUMBERS = """Rakor Koperasi Digelar untuk Menyamakan Persepsi

Rapat koordinasi ini membahas pembinaan koperasi dan penguatan usaha anggota. Para peserta sepakat memperkuat pendampingan bagi pengurus koperasi yang mengalami kendala.
"""


def test_report_without_numbers_or_places_invents_nothing():
    assert_result(extract(NO_NUMBERS), NO_NUMBERS, nothing(
        title="Rakor Koperasi Digelar untuk Menyamakan Persepsi",
        headline="Rakor Koperasi Digelar untuk Menyamakan Persepsi",
        sectors=["koperasi"], kind="rakor",
    ), warnings=["no meeting date found"])


BARE_KUPANG = """KUPANG – Dinas Tenaga Kerja dan Transmigrasi menggelar rapat koordinasi penempatan tenaga kerja di Hotel Aston Kupang, Selasa (14/3/2023). Rakor diikuti 35 peserta dari kabupaten/kota se-NTT.
"""


def test_bare_kupang_is_ambiguous_regency_left_empty_with_a_warning():
    assert_result(extract(BARE_KUPANG), BARE_KUPANG, {
        "title": "Rapat koordinasi penempatan tenaga kerja",
        "date": "2023-03-14", "date_text": "Selasa (14/3/2023)", "date_inferred": False, "weekday_ok": True,
        "venue": "Hotel Aston", "city": "Kupang",
        "regency_code": None, "regency_name": None,  # Kab. (53.01) or Kota (53.71): not guessed
        "province_code": "53", "province_name": "Nusa Tenggara Timur",  # both are in NTT
        "organizer": "Dinas Tenaga Kerja dan Transmigrasi", "opened_by": None, "chaired_by": None,
        "participants": 35, "sectors": ["ketenagakerjaan"], "cooperatives": None, "pokja_stage": None,
        "regencies_involved": [], "kind": "rakor", "level": "provinsi",
        "headline": None, "outlet": None, "published_on": None,
    }, warnings=["ambiguous place 'Kupang': Kabupaten Kupang (53.01) or Kota Kupang (53.71)"])


WEEKDAY_MISMATCH = """Rakor Ketransmigrasian Kalteng 2024

PALANGKA RAYA – Dinas Tenaga Kerja dan Transmigrasi Provinsi Kalimantan Tengah melaksanakan Rapat Koordinasi Ketransmigrasian Tahun 2024 di Aula Dinas Nakertrans Kalteng, Senin (30/5/2024). Rakor dibuka oleh Kepala Dinas, Farid Wajdi.
"""


def test_weekday_that_disagrees_with_the_date_is_flagged_not_corrected():
    assert_result(extract(WEEKDAY_MISMATCH), WEEKDAY_MISMATCH, {
        "title": "Rapat Koordinasi Ketransmigrasian Tahun 2024",
        "date": "2024-05-30", "date_text": "Senin (30/5/2024)", "date_inferred": False, "weekday_ok": False,
        "venue": "Aula Dinas Nakertrans Kalteng", "city": "Palangka Raya",
        # a provincial office's rakor: the dateline's Palangka Raya is the city, never the kab/kota (issue 19)
        "regency_code": None, "regency_name": None,
        "province_code": "62", "province_name": "Kalimantan Tengah",
        "organizer": "Dinas Tenaga Kerja dan Transmigrasi Provinsi Kalimantan Tengah",
        "opened_by": {"name": "Farid Wajdi", "role": "Kepala Dinas", "on_behalf_of": None}, "chaired_by": None,
        "participants": None, "sectors": ["transmigrasi"], "cooperatives": None, "pokja_stage": None,
        "regencies_involved": [], "kind": "rakor", "level": "provinsi",
        "headline": "Rakor Ketransmigrasian Kalteng 2024", "outlet": None, "published_on": None,
    }, warnings=["weekday mismatch: 'Senin' written but 2024-05-30 is a Thursday",
                 "city 'Palangka Raya' taken from the dateline",
                 "the meeting sat at a provincial or national office"])


HTML_PAGE = b"""<!DOCTYPE html><html><head><title>Rakor Koperasi Belu - Portal Berita</title>
<meta charset="utf-8"><style>body{color:red}</style>
<script>document.write("Rapat rahasia di Hotel Palsu, Senin (1/1/2024)"); var peserta = 999;</script>
</head><body>
<nav><a href="/">Beranda</a> <a href="/x">Daerah</a></nav>
<h1>Rakor Koperasi se-Kabupaten Belu Digelar di Atambua</h1>
<p class="byline">Rabu, 12 Juni 2024</p>
<p>ATAMBUA &ndash; Dinas Koperasi dan UKM Kabupaten Belu menggelar rapat koordinasi koperasi tingkat
Kabupaten Belu di Aula Hotel Nusantara Dua, Atambua, Selasa (11/6/2024). Kegiatan dibuka oleh Sekretaris
Daerah Kabupaten Belu, Johanes Andes Prihatin.</p>
<p>Peserta berjumlah <b>60</b> orang.</p>
<script>alert("x")</script>
</body></html>"""


def test_html_page_scripts_and_styles_are_dropped_and_the_byline_is_the_publication_date():
    text = read_document(HTML_PAGE, "berita.html")
    for hidden in ("document.write", "alert", "999", "Hotel Palsu", "color:red", "Beranda", "Portal Berita"):
        assert hidden not in text
    assert "ATAMBUA – Dinas" in text  # entity decoded
    assert_result(extract(text), text, {
        "title": "Rapat koordinasi koperasi tingkat Kabupaten Belu",
        "date": "2024-06-11", "date_text": "Selasa (11/6/2024)", "date_inferred": False, "weekday_ok": True,
        "venue": "Aula Hotel Nusantara Dua", "city": "Atambua",
        "regency_code": "53.04", "regency_name": "Kabupaten Belu",
        "province_code": "53", "province_name": "Nusa Tenggara Timur",
        "organizer": "Dinas Koperasi dan UKM Kabupaten Belu",
        "opened_by": {"name": "Johanes Andes Prihatin", "role": "Sekretaris Daerah Kabupaten Belu", "on_behalf_of": None}, "chaired_by": None,
        "participants": 60, "sectors": ["koperasi"], "cooperatives": None, "pokja_stage": None,
        "regencies_involved": ["53.04"], "kind": "rakor", "level": "kabupaten_kota",
        "headline": "Rakor Koperasi se-Kabupaten Belu Digelar di Atambua", "outlet": None,
        "published_on": "2024-06-12",
    }, warnings=[])


KOTA_KUPANG = ("Rakor Ketenagakerjaan Kota Kupang\n"
               "Kota Kupang – Pemerintah Kota Kupang melalui Dinas Tenaga Kerja Kota Kupang mengadakan "
               "“Rapat Koordinasi Ketenagakerjaan Kota Kupang” pada Jum’at, 2 Februari 2024 di Hotel Sasando. "
               "Rapat dibuka oleh Wali Kota Kupang, dr. George M. Hadjoh.\n")


def test_windows_1252_bytes_decode_and_kota_prefix_decides_kupang():
    data = KOTA_KUPANG.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = read_document(data, "laporan.txt")
    assert text == KOTA_KUPANG
    assert_result(extract(text), text, {
        "title": "Rapat Koordinasi Ketenagakerjaan Kota Kupang",
        "date": "2024-02-02", "date_text": "Jum’at, 2 Februari 2024", "date_inferred": False, "weekday_ok": True,
        "venue": "Hotel Sasando", "city": "Kota Kupang",
        "regency_code": "53.71", "regency_name": "Kota Kupang",
        "province_code": "53", "province_name": "Nusa Tenggara Timur",
        "organizer": "Dinas Tenaga Kerja Kota Kupang",
        "opened_by": {"name": "George M. Hadjoh", "role": "Wali Kota Kupang", "on_behalf_of": None}, "chaired_by": None,
        "participants": None, "sectors": ["ketenagakerjaan"], "cooperatives": None, "pokja_stage": None,
        "regencies_involved": ["53.71"], "kind": "rakor", "level": "kabupaten_kota",
        "headline": "Rakor Ketenagakerjaan Kota Kupang", "outlet": None, "published_on": None,
    }, warnings=["city 'Kota Kupang' taken from the dateline"])


POKJA_FORMED = """Pokja PMI Kabupaten Ende Resmi Terbentuk

ENDE – Pokja Pelayanan Terpadu Perlindungan Pekerja Migran Indonesia Kabupaten Ende telah dibentuk melalui SK Bupati Ende Nomor 125 Tahun 2023. Hal itu disampaikan dalam workshop penguatan Pokja PMI yang berlangsung di Aula Kantor Bupati Ende, Kamis (9/11/2023).
"""


def test_pokja_formed_by_decree_and_bupati_context_places_the_venue():
    assert_result(extract(POKJA_FORMED), POKJA_FORMED, nothing(
        title="Workshop penguatan Pokja PMI",
        date="2023-11-09", date_text="Kamis (9/11/2023)", weekday_ok=True,
        venue="Aula Kantor Bupati Ende", city="Ende",
        regency_code="53.08", regency_name="Kabupaten Ende",
        province_code="53", province_name="Nusa Tenggara Timur",
        sectors=["perlindungan_pmi"], pokja_stage="terbentuk", regencies_involved=["53.08"], kind="workshop",
        headline="Pokja PMI Kabupaten Ende Resmi Terbentuk",
    ), warnings=["city 'Ende' taken from the dateline"])


def test_inferred_year_prefers_the_one_whose_calendar_agrees_with_the_weekday():
    # 2020 is named more often, but 22 August 2020 was a Saturday; 22 August 2019 a Thursday.
    text = ("BETUN – Dinas Nakertrans Kabupaten Malaka menggelar rapat teknis persiapan pembentukan Pokja PMI, "
            "Kamis(22/08), di Aula Kantor Bupati Malaka. Rapat ini menindaklanjuti program tahun 2020 dan "
            "rencana kerja tahun 2020 yang disusun sejak tahun 2019 sesuai UU Nomor 18 Tahun 2017.\n")
    d = extract(text).to_dict()
    assert (d["date"], d["date_inferred"], d["weekday_ok"]) == ("2019-08-22", True, True)
    assert "2019" in d["evidence"]["date_inferred"]
    assert (d["pokja_stage"], d["kind"], d["regency_code"]) == ("persiapan", "rapat_teknis", "53.21")
    assert d["organizer"] == "Dinas Nakertrans Kabupaten Malaka"


def test_december_meeting_reported_in_january_gets_the_previous_year():
    text = "SOE – Rapat koordinasi koperasi se-Kabupaten Timor Tengah Selatan digelar Jumat (29/12) di Aula Dinas.\n"
    d = extract(text, published_on=dt.date(2024, 1, 2)).to_dict()
    assert (d["date"], d["date_inferred"], d["weekday_ok"]) == ("2023-12-29", True, True)


def test_iso_date_and_bupati_title_decides_an_ambiguous_name():
    text = ("Bupati Kupang membuka rapat koordinasi transmigrasi tingkat kabupaten pada 2024-05-30 "
            "di Aula Kantor Bupati Kupang di Oelamasi.\n")
    d = extract(text).to_dict()
    assert (d["date"], d["weekday_ok"]) == ("2024-05-30", None)
    assert d["regency_code"] == "53.01"  # "Bupati Kupang": the kabupaten, not the kota
    assert d["level"] == "kabupaten_kota"
    assert_evidence(d, text)


def test_people_named_like_regencies_are_not_places():
    text = ("Rapat koordinasi koperasi digelar di Aula Hotel Sasando, Kota Kupang, Kamis (1/12/2022). "
            "Ketua Dekopinda, Yohanes Muna, hadir bersama Ibu Kota Negara delegasi.\n")
    d = extract(text).to_dict()
    assert d["regencies_involved"] == ["53.71"]  # not 74.03 (Kab. Muna) nor 51.01 (seat "Negara")


@pytest.mark.parametrize(("text", "opened_by", "city", "regency"), [
    ("KUPANG, NTT – Gubernur NTT Viktor Bungtilu Laiskodat membuka secara resmi Rapat Koordinasi Daerah "
     "Ketenagakerjaan se-NTT di Hotel Swiss-Belinn Kristal Kupang, Senin (3/6/24). Sebanyak 75 peserta hadir.",
     {"name": "Viktor Bungtilu Laiskodat", "role": "Gubernur NTT", "on_behalf_of": None}, "Kupang", None),
    ("Rakor dibuka Bupati Malaka, dr. Stefanus Bria Seran, MPH di Aula Kantor Bupati Malaka, Betun, "
     "Rabu, 14 Agustus 2024.",
     {"name": "Stefanus Bria Seran", "role": "Bupati Malaka", "on_behalf_of": None}, "Betun", "53.21"),
    ("Samarinda – Rapat koordinasi transmigrasi dilaksanakan di Ruang Rapat Disnakertrans Kaltim, Jalan Kesuma "
     "Bangsa, Samarinda, Selasa (2/7/2024). Kepala Dinas Nakertrans Provinsi Kaltim Rozani Erawadi dalam "
     "sambutannya berharap program berjalan baik.",
     {"name": "Rozani Erawadi", "role": "Kepala Dinas Nakertrans Provinsi Kaltim", "on_behalf_of": None}, "Samarinda", "64.72"),
])
def test_openers_without_separators_and_addresses_in_the_venue(text, opened_by, city, regency):
    d = extract(text).to_dict()
    assert (d["opened_by"], d["city"], d["regency_code"]) == (opened_by, city, regency)
    assert not any("dateline" in w for w in d["warnings"])  # the venue itself names the city
    assert_evidence(d, text)


@pytest.mark.parametrize(("name", "codes"), [
    ("NTT", ["53"]), ("Kalteng", ["62"]), ("Kaltim", ["64"]), ("Kab. Kupang", ["53.01"]),
    ("Kota Kupang", ["53.71"]), ("Kupang", ["53.01", "53.71"]), ("Palangka Raya", ["62.71"]),
    ("Sangatta", ["64.08"]), ("Atambua", ["53.04"]), ("Oelamasi", ["53.01"]), ("Kabupaten Belu", ["53.04"]),
    ("Atlantis", []),
])
def test_alias_index_without_a_database_answers_like_lookup(name, codes):
    assert [r.code for r in alias_index().get(normalise(name), ())] == codes
