"""``ingest.figures`` and ``ingest.cooperatives``: each count's role by its words, and which counts
are the area's (total, active, inactive) — or why none are."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.assemble import _prepare
from ingest.extract import extract
from ingest.figures import counts_in, parse_count

LEAD = "MAUMERE – Rakor koperasi digelar di Aula Kantor Bupati Sikka, Senin (3/6/2024). "


@pytest.mark.parametrize(("text", "english", "value"), [
    ("1.204", False, 1204), ("1,120", True, 1120), ("85", False, 85), ("3,5", False, None), ("1.2", False, None),
])
def test_numbers_as_each_language_groups_them(text, english, value):
    assert parse_count(text, english) == value


@pytest.mark.parametrize(("clause", "roles"), [
    ("berjumlah 401 koperasi", [(401, "total")]),
    ("Terdapat 157 koperasi yang aktif", [(157, "active")]),
    ("Sebanyak 74 dari 210 koperasi di Kabupaten Ende mati suri", [(74, "inactive"), (210, "total")]),
    ("Dari 356 koperasi yang tercatat, sebanyak 129 unit tidak beroperasi lagi", [(356, "total"), (129, "inactive")]),
    ("Tercatat 311 koperasi, 206 di antaranya aktif dan 105 tidak aktif",
     [(311, "total"), (206, "active"), (105, "inactive")]),
    ("Koperasi aktif: 301", [(301, "active")]),
    ("baru 120 koperasi yang melaksanakan RAT", [(120, "subset")]),
    ("terbentuk 35 koperasi baru", [(35, "subset")]),
    ("Of the 735 cooperatives registered in the city, only 525 are active", [(735, "total"), (525, "active")]),
    ("dissolution of 140 inactive cooperatives", [(140, "inactive")]),
    ("diikuti 45 pengurus koperasi", []),
    ("Koperasi yang memiliki gerai sebanyak 9 unit", [(9, "subset")]),
    ("Koperasi di Sikka berjumlah 401 unit", [(401, "total")]),
    ("Dari 520 koperasi, sebanyak 312 atau 60 persen masih aktif", [(520, "total"), (312, "active")]),
    ("Cooperatives in Palu city number 400, with 250 of them active", [(400, "total"), (250, "active")]),
    ("Pemerintah Kota Ambon mencatat 1.024 koperasi", [(1024, "total")]),
    ("menyebut 259 koperasi tidak lagi menjalankan usaha", [(259, "inactive")]),
    ("2024: 372 koperasi (219 aktif, 153 tidak aktif)", [(372, "total"), (219, "active"), (153, "inactive")]),
    ("142 koperasi dinyatakan sehat", [(142, "subset")]),
    ("Some 312 cooperatives are registered in the district", [(312, "total")]),
    ("Some 80 cooperative managers attended", [(80, None)]),
    ("Sebanyak 188 koperasi tidak aktif dari 398 koperasi yang terdaftar", [(188, "inactive"), (398, "total")]),
    ("Sebanyak 154 koperasi di Mamuju masih aktif dari 301 koperasi", [(154, "active"), (301, "total")]),
    ("Sebanyak 53 persen dari 488 koperasi di Kabupaten Konawe tidak aktif", [(488, "total")]),
    # a part of an earlier number is never the total (issue 19, locked8 T09)
    ("Sebanyak 512 unit koperasi (15 persen) dari jumlah tersebut dinyatakan kurang sehat usahanya", [(512, "subset")]),
    ("Tercatat 90 koperasi di antaranya dinilai kurang produktif", [(90, "subset")]),
    ("Dari total 500 koperasi, sebanyak 300 masih aktif", [(500, "total"), (300, "active")]),
])
def test_each_count_takes_the_role_its_words_give(clause, roles):
    doc = _prepare(clause)
    assert [(c.value, c.role) for c in counts_in(doc, 0, len(clause))] == roles


def figures(sentence: str):
    d = extract(LEAD + sentence + "\n")
    return d.cooperatives, [n.code for n in d.notices]


def test_stated_figures_with_their_date_and_area():
    coops, codes = figures("Hingga Mei 2024 tercatat 312 koperasi di Kabupaten Sikka, 198 koperasi aktif dan "
                           "114 koperasi tidak aktif.")
    assert (coops.total, coops.active, coops.inactive, coops.as_of, coops.area_code, coops.derived) == (
        312, 198, 114, dt.date(2024, 5, 31), "53.07", {})
    assert not [c for c in codes if c.startswith("figures")]


@pytest.mark.parametrize(("sentence", "code"), [
    ("Di Kecamatan Alok terdapat 45 koperasi, 12 di antaranya tidak aktif.", "figures_sub_area"),
    ("Sebanyak 120 Koperasi Desa Merah Putih sudah berbadan hukum.", "figures_kdmp"),
    ("Pada tahun 2019 tercatat 850 koperasi di Kabupaten Sikka.", "figures_other_year"),
    ("Data koperasi: 2023: 356 koperasi (201 aktif).", "figures_other_year"),
    # a count for Indonesia as a whole is no area's (issue 19, locked8 T12)
    ("Jumlah koperasi yang ada di Indonesia mencapai 150.300, terdiri atas 100.200 koperasi aktif dan 50.100 "
     "koperasi tidak aktif.", "figures_national"),
])
def test_counts_that_are_not_the_areas_are_left_out_and_said_so(sentence, code):
    coops, codes = figures(sentence)
    assert coops is None and code in codes


def test_figures_that_do_not_fit_together_are_left_empty_with_a_warning():
    coops, codes = figures("Ada 1.020 koperasi, terdiri atas 610 koperasi aktif dan 390 koperasi tidak aktif.")
    assert coops is None and "figures_inconsistent" in codes
    coops, codes = figures("Terdapat 980 koperasi, sementara data Kementerian mencatat sebanyak 1.105 koperasi.")
    assert coops is None and "figures_conflict" in codes


def test_an_implied_value_is_only_derived():
    coops, codes = figures("Dari 210 koperasi di Kabupaten Sikka, 74 koperasi tidak aktif.")
    assert (coops.total, coops.active, coops.inactive, coops.derived) == (210, None, 74, {"active": 136})
    assert "figures_derived" in codes


def test_a_part_whose_remainder_is_inactive_is_the_active_count():
    text = ("Malang regency cooperatives\n\nMALANG - Only 212 of the 530 cooperatives registered in Malang regency "
            "still hold their annual meeting, officials told a coordination meeting on Monday (5/10/2015). The "
            "other 318 have shown no activity.\n")
    coops = extract(text).cooperatives
    assert (coops.total, coops.active, coops.inactive, coops.area_code) == (530, 212, 318, "35.07")


def test_figures_of_the_province_are_the_provinces():
    text = ("Kalbar cooperatives\n\nPontianak (ANTARA) - Officials held a coordination meeting in Pontianak on "
            "Monday (15/7/2024). Of the 3,245 cooperatives in the province, 1,087 are inactive.\n")
    coops = extract(text).cooperatives
    assert (coops.total, coops.inactive, coops.area_code) == (3245, 1087, "61")


def test_the_area_is_the_place_named_nearest_to_the_figures():
    coops, _ = figures("Dalam rakor di Hotel Neo Aston Kota Kupang terungkap ada 401 koperasi di Kabupaten Kupang.")
    assert (coops.total, coops.area_code) == (401, "53.01")


def test_last_years_count_beside_this_years_is_left_out():
    coops, _ = figures("Jumlah koperasi di Kabupaten Sikka tahun ini 372 unit, tahun lalu 356 unit.")
    assert (coops.total, coops.area_code) == (372, "53.07")
    coops, codes = figures("Tahun ini tercatat 372 koperasi, tahun lalu 356 koperasi.")
    assert coops.total == 372 and "figures_other_year" in codes


def test_a_bare_name_of_another_regency_leaves_the_area_unclear_never_the_meetings():
    text = ("Samarinda (ANTARA) - Kutai Kartanegara has 1,020 cooperatives and Kutai Timur 610, officials said at a "
            "meeting on Monday (5/8/2024).\n")
    found = extract(text)
    assert found.regency_code is None  # the dateline is the outlet's city, never the kab/kota (issue 19 rule 4)
    assert found.cooperatives.area_code is None
    assert any(n.code == "figures_area_unknown" for n in found.notices)


def test_of_figures_at_two_dates_side_by_side_only_the_latest():
    coops, codes = figures("Per Desember 2023 terdapat 398 koperasi, sedangkan per Juni 2024 tercatat 402 koperasi.")
    assert (coops.total, coops.as_of) == (402, dt.date(2024, 6, 30)) and "figures_earlier" in codes


def test_a_part_of_an_earlier_number_is_never_taken_as_the_total():
    """Issue 19, locked8 T09: "Sebanyak N ... dari jumlah tersebut" counts out of the number before it."""
    coops, _ = figures("Dinas mencatat koperasi di Kabupaten Sikka sebanyak 2.410 unit. Sebanyak 512 unit koperasi "
                       "(21 persen) dari jumlah tersebut dinyatakan kurang produktif.")
    assert coops.total == 2410


def test_a_national_count_is_a_candidate_with_reason_national():
    d = extract(LEAD + "Jumlah koperasi yang ada di Indonesia mencapai 150.300 unit koperasi.\n")
    assert d.cooperatives is None
    assert [(c.value, c.reason) for c in d.candidates if c.kind == "figure"] == [("150300", "national")]
