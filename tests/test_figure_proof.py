"""Right or ask (issue 19): a cooperative figure is assigned only when its sentence proves it; every other
count, date and place is a candidate with its sentence and the reason it was not taken."""

from __future__ import annotations

from pathlib import Path

from ingest.extract import extract, read_document

CASES = Path(__file__).resolve().parent / "extract_corpus" / "cases"
LEAD = "Rakor koperasi\n\nMAUMERE - Dinas Koperasi menggelar rakor koperasi di Kabupaten Sikka, Senin (3/6/2024). "


def _case(name: str):
    return extract(read_document((CASES / name).read_bytes(), name))


def _figures(result) -> dict[str, tuple[str | None, str, bool]]:
    return {c.value: (c.role, c.reason, c.chosen) for c in result.candidates if c.kind == "figure"}


def test_an_earlier_figure_is_a_candidate_never_the_areas():
    got = _case("n07_naik_dari_menjadi.txt")
    assert (got.cooperatives.total, got.cooperatives.active, got.cooperatives.inactive) == (530, 248, 282)
    figures = _figures(got)
    assert figures["212"][2] is False and figures["212"][1] in ("other_year", "comparison")
    assert figures["530"] == ("total", "chosen", True)


def test_dissolved_cooperatives_are_asked_about_and_nothing_is_derived():
    got = _case("n08_dibubarkan.txt")
    assert (got.cooperatives.total, got.cooperatives.active, got.cooperatives.inactive) == (640, None, None)
    assert got.cooperatives.derived == {}
    assert _figures(got)["210"][1:] == ("dissolved", False)


def test_other_cooperatives_beside_kdmp_are_no_total():
    got = _case("n11_kdmp_terbentuk.txt")
    assert got.cooperatives is None
    assert _figures(got)["420"][1:] == ("subset", False)
    assert got.kdmp_figures.formed == 165


def test_an_estimate_is_asked_about():
    got = extract(LEAD + "Jumlah koperasi di Kabupaten Sikka sekitar 625 unit, yang aktif hampir 300 koperasi.\n")
    assert got.cooperatives is None
    assert {v: r for v, (_, r, _) in _figures(got).items()} == {"625": "estimate", "300": "estimate"}


def test_a_number_with_a_scale_word_is_a_rounded_figure_never_the_count():
    """Issue 19, locked7 S11: "jumlah koperasi yang ada di Indonesia 126 ribuan" gave total 126."""
    got = extract(LEAD + "Saat ini, jumlah koperasi di Kabupaten Sikka 126 ribuan, ujar Kepala Dinas.\n")
    assert got.cooperatives is None or got.cooperatives.total is None
    assert _figures(got)["126"][1:] == ("estimate", False)


def test_a_count_of_cooperatives_that_held_rat_is_no_role():
    got = extract(LEAD + "Dari 356 koperasi di Kabupaten Sikka, baru 120 koperasi yang melaksanakan RAT.\n")
    assert (got.cooperatives.total, got.cooperatives.active) == (356, None)
    assert _figures(got)["120"][1] == "rat"


def test_negated_rat_explains_inactivity_and_proves_nothing_else():
    got = extract(LEAD + "Sebanyak 259 koperasi tidak lagi aktif dan tidak menggelar RAT selama tiga tahun.\n")
    assert got.cooperatives.inactive == 259


def test_disagreement_empties_every_figure():
    got = extract(LEAD + "Tercatat 668 koperasi, 346 koperasi aktif dan 271 koperasi tidak aktif.\n")
    assert got.cooperatives is None
    assert {r for _, r, _ in _figures(got).values()} == {"conflict"}
    got = extract(LEAD + "Tercatat 401 koperasi di Kabupaten Sikka. Data lain menyebut 398 koperasi terdaftar.\n")
    assert got.cooperatives is None and {r for _, r, _ in _figures(got).values()} == {"conflict"}


def test_dates_are_candidates_with_the_reason_one_was_not_taken():
    got = _case("n10_diberitakan_sebelumnya.txt")
    dates = {c.value: (c.reason, c.chosen) for c in got.candidates if c.kind == "date"}
    assert dates["2023-01-30"] == ("chosen", True)
    assert dates["2023-01-28"] == ("earlier_report", False)


def test_a_date_inside_a_quote_is_not_the_event_day():
    got = extract("Rakor koperasi\n\nMAUMERE - Dinas Koperasi Sikka menggelar rakor koperasi, Senin (3/6/2024). "
                  "\"Rapat serupa kami adakan Kamis (7/3/2024) lalu,\" kata Kepala Dinas.\n")
    assert got.date.isoformat() == "2024-06-03"
    dates = {c.value: c.reason for c in got.candidates if c.kind == "date"}
    assert dates["2024-03-07"] == "quote"


def test_the_dateline_city_is_a_place_candidate_never_the_choice():
    got = _case("n05_organiser_clause.txt")
    places = [(c.value, c.reason) for c in got.candidates if c.kind == "place"]
    assert ("53.01 / 53.71", "dateline") in places and got.regency_code is None


def test_a_read_next_teaser_is_not_the_report():
    got = extract("Rakor koperasi\n\nMAUMERE - Dinas Koperasi Sikka menggelar rakor koperasi, Senin (3/6/2024).\n\n"
                  "Read Next:\nRakor koperasi Ende digelar Selasa (4/6/2024) dengan 401 koperasi\n")
    assert got.date.isoformat() == "2024-06-03" and got.cooperatives is None
    assert {c.value: c.reason for c in got.candidates if c.kind == "date"}["2024-06-04"] == "teaser"


def test_the_reader_of_the_regents_speech_opens_on_their_behalf():
    got = _case("n09_sambutan_dibacakan.txt")
    assert (got.opened_by.name, got.opened_by.role, got.opened_by.on_behalf_of) == (
        "Yohanes Contoh", "Asisten III Setda Ende", "Bupati Ende")


def test_candidates_are_in_the_json():
    data = _case("n08_dibubarkan.txt").to_dict()
    first = next(c for c in data["candidates"] if c["kind"] == "figure" and c["value"] == "210")
    assert first["sentence"][first["start"]:first["end"]] == "210" and first["reason"] == "dissolved"


SBD = ("Rakor Pokja PMI se-NTT\n\nKUPANG - Dinas Nakertrans Provinsi NTT menggelar rapat koordinasi di Hotel Aston "
       "Kota Kupang, Rabu (6/3/2024). Dalam rapat itu, Kabupaten Sumba Barat Daya telah menerbitkan SK Bupati Sumba "
       "Barat Daya Nomor 123/KEP/HK/2024 tanggal 12 Januari 2024 tentang Pembentukan Pokja Pelayanan Terpadu "
       "Perlindungan PMI dan Tenaga Kerja Akad. Jumlah koperasi 245, aktif 130.\n")


def test_the_pokja_is_the_one_its_sentence_names_never_the_venues():
    got = extract(SBD)
    assert got.regency_code == "53.71"  # the meeting was in Kota Kupang
    assert (got.pokja_stage, got.pokja_regency_code, got.sk_number, got.sk_date.isoformat()) == (
        "terbentuk", "53.18", "123/KEP/HK/2024", "2024-01-12")
    assert got.pokja_name == "Pokja Pelayanan Terpadu Perlindungan PMI dan Tenaga Kerja Akad"
    # "Jumlah koperasi 245, aktif 130": both read by their labels; whose figures they are is a question
    assert (got.cooperatives.total, got.cooperatives.active, got.cooperatives.area_code) == (245, 130, None)


def test_the_mandate_follows_the_pokjas_own_name_or_is_a_question():
    import pandas as pd

    from ui.news_form import mandate_for

    mandates = pd.DataFrame({"id": [1, 2, 3], "synthetic": [False, False, True], "title": [
        "Kesepakatan Bersama Gubernur NTT: pembentukan Pokja Pelayanan Terpadu Perlindungan PMI",
        "Satuan Tugas Pelindungan Pekerja Migran Indonesia (Kepmenaker No. 37 Tahun 2022)", "Pokja demo"]})
    assert mandate_for("Pokja Pelayanan Terpadu Perlindungan PMI", mandates) == 1
    assert mandate_for("Satgas PPMI", mandates) == 2
    assert mandate_for("Satgas Percepatan Pembentukan Koperasi Desa/Kelurahan Merah Putih", mandates) is None
    assert mandate_for(None, mandates) is None
    assert mandate_for("Tim Terpadu", mandates) is None


def test_a_set_not_stated_as_the_register_is_asked():
    got = extract(LEAD + "\"Kami sedang menelaah 27 koperasi yang tidak aktif atau pasif,\" katanya.\n")
    assert got.cooperatives is None and _figures(got)["27"][1] == "no_frame"


def test_a_label_with_a_second_role_is_asked():
    got = extract(LEAD + "Total yang sudah tidak aktif ada 100 koperasi.\n")
    assert got.cooperatives is None and _figures(got)["100"][1] == "no_role"


def test_a_status_after_a_comma_belongs_to_a_new_subject():
    got = extract(LEAD + "Dari total 668 unit, koperasi yang tidak aktif mencapai 271 unit.\n")
    assert got.cooperatives is None or got.cooperatives.inactive != 668


def test_a_number_doubted_once_is_doubted_everywhere():
    got = extract(LEAD + "Secara total ada sekitar 100 koperasi yang tidak aktif. Tercatat 100 koperasi tidak aktif.\n")
    assert got.cooperatives is None
    assert {r for _, r, _ in _figures(got).values()} <= {"estimate", "echo"}


def test_a_duration_is_no_count():
    got = extract(LEAD + "Tercatat 281 koperasi. Koperasi yang tidak aktif selama 2 tahun dibina.\n")
    assert (got.cooperatives.total, got.cooperatives.inactive) == (281, None)


def test_a_meeting_at_a_provincial_office_takes_no_kab_kota_from_an_attendees_title():
    got = extract("Rakortas PMI\n\nLensaKalbar – Wakil Bupati Mempawah menghadiri Rapat Koordinasi Terbatas "
                  "di Balai Petitih Kantor Gubernur Kalbar, Rabu (24/5/2023).\n")
    assert got.regency_code is None and got.province_code == "61"


def test_a_national_figure_is_never_the_areas():
    got = extract(LEAD + "Dari total 209.488 koperasi yang ada di tanah air, sebanyak 62.239 unit tidak aktif.\n")
    assert got.cooperatives is None and _figures(got)["209488"][1] == "national"


def test_an_anaphoric_whole_with_another_value_is_asked():
    got = extract(LEAD + "Anggota tergabung dalam 1.209 unit koperasi di Kabupaten Sikka. Dari 1.029 unit koperasi "
                  "tersebut, 112 unit sehat.\n")
    assert got.cooperatives is None or got.cooperatives.total != 1029


def test_a_proven_figure_contested_by_a_doubted_one_of_its_role_is_asked():
    got = extract(LEAD + "Jumlah koperasi di Kabupaten Sikka berjumlah sekitar 625 unit. Tercatat 630 koperasi.\n")
    assert got.cooperatives is None
    assert {v: r for v, (_, r, _) in _figures(got).items()} == {"625": "estimate", "630": "conflict"}


def test_the_only_kab_kota_named_bare_twice_is_the_place_with_a_warning():
    got = extract("Koperasi mati suri\n\nSedikitnya 79 koperasi di Purbalingga, Jawa Tengah, mati suri. Kepala Dinas "
                  "Koperasi Purbalingga mengungkapkan di Purbalingga ada 260 koperasi.\n")
    assert got.regency_code == "33.03" and "regency_bare_name" in [n.code for n in got.notices]


def test_a_role_with_sekaligus_and_an_abbreviation_in_brackets_keeps_the_name():
    got = extract("Sosialisasi PMI\n\nSosialisasi digelar di Tanjung, Rabu (20/11/2024). Sosialisasi ini dibuka oleh "
                  "Asisten Administrasi Umum Setda Tabalong sekaligus Plt Kepala Dinas Tenaga Kerja Tabalong, Subhan, "
                  "dan menghadirkan narasumber.\n")
    assert got.opened_by.name == "Subhan"
    got = extract("Rakor koperasi\n\nSAMPIT - Bupati Kotawaringin Timur (Kotim) H. Halikinnor, S.H., M.M, secara resmi "
                  "membuka Rapat Koordinasi Koperasi, Senin (16/12/2024).\n")
    assert (got.opened_by.name, got.opened_by.role) == ("Halikinnor", "Bupati Kotawaringin Timur")


def test_a_label_right_after_a_number_is_that_numbers():
    got = extract(LEAD + "Menurutnya, dari 103 jumlah koperasi terdaftar hanya 33 saja yang aktif.\n")
    assert got.cooperatives is None or got.cooperatives.total != 33


def test_a_number_before_a_sekarang_tinggal_sentence_is_a_comparison():
    got = extract(LEAD + "Awal masuk, jumlah koperasi yang terdata di dinasnya mencapai 1.067. Sekarang tinggal 987.\n")
    assert got.cooperatives is None or got.cooperatives.total != 1067
    assert _figures(got)["1067"][1] == "comparison"


def test_an_attending_regents_title_does_not_place_a_provincial_rakor():
    got = extract("Rakor PMI NTT\n\nPenjabat Bupati Rote Ndao menghadiri Rapat Koordinasi Perlindungan Pekerja Migran, "
                  "Senin (05/08/2024) di Kupang. Rakor diselenggarakan oleh Pemerintah Provinsi NTT.\n")
    assert got.regency_code is None
