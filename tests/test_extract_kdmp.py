"""``ingest.kdmp``: Koperasi Merah Putih reports give KDMP figures (per stage, with quotes), never
cooperative figures."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.assemble import _prepare
from ingest.extract import extract
from ingest.kdmp import kdmp_sentences

LEAD = "MAUMERE – Rakor Satgas digelar di Aula Kantor Bupati Sikka, Senin (4/8/2025). "


@pytest.mark.parametrize(("body", "want"), [
    ("Dari 160 desa di Kabupaten Sikka, 152 Koperasi Desa Merah Putih sudah memiliki akta notaris dan 140 di "
     "antaranya berbadan hukum.", {"villages": 160, "notarial_deed": 152, "legal_entity": 140}),
    ("Koperasi Merah Putih sudah terbentuk di 160 desa, namun baru 12 yang beroperasi.",
     {"formed": 160, "operational": 12, "villages": None}),
    ("Seluruh 160 desa telah membentuk KDMP. Sebanyak 90 koperasi belum beroperasi.",
     {"villages": 160, "formed": 160, "operational": None}),  # "belum beroperasi" is no operational count
    ("All 160 villages have established Red and White Village Cooperatives, and 150 of them have obtained "
     "legal entity status.", {"villages": 160, "formed": 160, "legal_entity": 150}),
    ("Baru 12 dari 48 Koperasi Desa Merah Putih sudah beroperasi.", {"operational": 12, "formed": None}),
    ("Sebanyak 12 dari 48 desa sudah membentuk Koperasi Desa Merah Putih.", {"formed": 12, "villages": 48}),
    ("Sebanyak 150 desa di Kabupaten Sikka telah menggelar musdesus pembentukan Koperasi Desa Merah Putih.",
     {"formed": 150, "villages": None}),
    # issue 19 "50 dari 54 desa/kelurahan": the stage written before the part is the part's; a part said again
    # ("92,5 persen atau 50 desa") is no second scope; two stages before it ("akta atau SK badan hukum") are asked
    ("SK badan hukum Koperasi Merah Putih untuk 50 dari 54 desa/kelurahan di Kabupaten Sikka telah terbit. "
     "SK badan hukum koperasi mencapai 92,5 persen atau 50 kelurahan/desa.", {"legal_entity": 50, "villages": 54}),
    ("Akta atau SK badan hukum Koperasi Merah Putih untuk 50 dari 54 desa/kelurahan di Kabupaten Sikka telah terbit.",
     {"legal_entity": None, "notarial_deed": None, "villages": 54}),
])
def test_counts_by_stage(body, want):
    found = extract(LEAD + body).kdmp_figures
    assert found is not None
    for key, value in want.items():
        assert getattr(found, key) == value, key
    assert found.area_code == "53.07"  # the meeting's regency: the sentences name no other


def test_each_figure_has_its_quote_and_the_as_of_date_its_own():
    found = extract(LEAD + "Hingga 31 Juli 2025, sebanyak 152 Koperasi Desa Merah Putih sudah berbadan hukum.")
    kdmp = found.kdmp_figures
    assert (kdmp.legal_entity, kdmp.as_of) == (152, dt.date(2025, 7, 31))
    assert "152 Koperasi Desa Merah Putih sudah berbadan hukum" in kdmp.evidence["legal_entity"]
    assert "31 Juli 2025" in kdmp.evidence["as_of"]
    assert found.date == dt.date(2025, 8, 4)
    assert found.to_dict()["kdmp_figures"]["legal_entity"] == 152


def test_kdmp_counts_are_never_cooperative_figures_even_in_the_sentences_after():
    """Later sentences of the paragraph go on about the KDMP: "48 koperasi" there is no area's total."""
    found = extract(LEAD + "Seluruh 48 kelurahan telah membentuk Koperasi Kelurahan Merah Putih. Sebanyak 48 "
                           "koperasi telah memiliki akta notaris. Baru 12 koperasi yang sudah beroperasi.")
    assert found.cooperatives is None
    assert (found.kdmp_figures.notarial_deed, found.kdmp_figures.operational) == (48, 12)
    assert any(n.code == "figures_kdmp" for n in found.notices)


def test_a_turn_ends_the_kdmp_sentences_and_a_general_count_stays_a_cooperative_figure():
    text = (LEAD + "Sebanyak 150 Koperasi Desa Merah Putih sudah berbadan hukum. Sementara itu, jumlah koperasi di "
            "Kabupaten Sikka tercatat 401 unit.")
    found = extract(text)
    assert found.cooperatives.total == 401
    assert found.kdmp_figures.legal_entity == 150
    doc = _prepare(text)
    assert len(kdmp_sentences(doc)) == 1


def test_two_values_for_one_stage_leave_it_empty_with_a_warning():
    found = extract(LEAD + "Sebanyak 150 KDMP sudah berbadan hukum. Data lain menyebut 148 KDMP berbadan hukum.")
    assert found.kdmp_figures is None or found.kdmp_figures.legal_entity is None
    assert any(n.code == "kdmp_conflict" for n in found.notices)


def test_a_province_named_with_the_count_is_the_area():
    found = extract("Ambon, Maluku (ANTARA) - All 1,235 villages in Maluku province have established Red and White "
                    "Village Cooperatives, an official said at a meeting in Ambon on Thursday (July 31, 2025).")
    assert (found.kdmp_figures.formed, found.kdmp_figures.area_code) == (1235, "81")


def test_a_report_without_kdmp_has_none():
    found = extract(LEAD + "Tercatat 401 koperasi di Kabupaten Sikka, 250 di antaranya aktif.")
    assert found.kdmp_figures is None and found.cooperatives.total == 401


def test_the_whole_of_a_percentage_is_no_stage_count():
    found = extract(LEAD + "Sebanyak 53 persen dari 190 Koperasi Desa Merah Putih sudah beroperasi.")
    assert found.kdmp_figures is None or found.kdmp_figures.operational is None
    assert found.cooperatives is None


def test_a_kecamatans_kdmp_figures_are_not_the_regencys():
    found = extract(LEAD + "Di Kecamatan Alok, 12 Koperasi Desa Merah Putih sudah beroperasi, sedangkan se-Kabupaten "
                           "Sikka 40 koperasi sudah berbadan hukum.")
    assert found.kdmp_figures.operational is None and found.kdmp_figures.legal_entity == 40
    assert any(n.code == "kdmp_sub_area" for n in found.notices)


@pytest.mark.parametrize("body", [
    "Hingga saat ini sudah terlaksana sekitar 78.600 musyawarah desa khusus pembentukan Koperasi Desa Merah Putih.",
    "Pekan depan ditargetkan sudah ada 30.000 akta badan hukum Koperasi Desa Merah Putih yang terbentuk.",
    "Sebanyak 409 dari 514 kabupaten/kota sudah membentuk satuan tugas (satgas) Koperasi Desa/Kelurahan Merah Putih.",
    # locked5 Q21, Q07, Q16: a national figure, people counted, one part of an unwritten sum
    "Presiden mengumumkan terbentuknya 80.081 Koperasi Merah Putih berbadan hukum di seluruh Indonesia.",
    "Tercatat sebanyak 17.355 notaris pembuat akta Koperasi Merah Putih telah terdaftar.",
    "Koperasi Desa Merah Putih di 208 desa dan 27 kelurahan sudah terbentuk.",
])
def test_an_estimate_a_target_or_another_bodys_stage_is_no_kdmp_count(body):
    """Issue 19 (locked4 P07, P16): an estimate, a target, or a task force formed is asked, never a KDMP figure."""
    found = extract(LEAD + body).kdmp_figures
    assert found is None or all(getattr(found, key) is None for key in ("formed", "notarial_deed", "legal_entity"))


def test_a_kdmp_count_with_no_area_is_asked():
    """Issue 19 (locked6 R12): a KDMP count in a report that names no kab/kota or province is a figure under no
    name — not proposed, named in a warning."""
    result = extract("Kopdes Baru 100 yang Beroperasi\n\nFerry menjelaskan, pemerintah telah membentuk 82.000 Koperasi Desa "
                     "Merah Putih yang sudah memiliki badan hukum.")
    assert result.kdmp_figures is None
    assert any("no kab/kota or province" in w for w in result.to_dict()["warnings"])


# Issue 19, after locked6 (R11, R12): a KDMP figure is the area's only when the report proves the area — its own
# kab/kota, or a province its organiser or title names. A count out of a national count keeps the national scope.
@pytest.mark.parametrize("text", [
    # the dateline's city (JAKARTA) is where the report was filed, not the place of a national count
    "Kemenkop percepat operasional Kopdes Merah Putih\n\nJAKARTA – Menteri Koperasi menyebut pemerintah telah "
    "membentuk 80.000 Koperasi Desa Merah Putih se-Indonesia. Dari jumlah tersebut sudah ada 108 koperasi yang "
    "beroperasi, kata Menteri, Selasa (18/11/2025).",
    # a province in passing ("termasuk … dari Jawa Tengah") is not the figure's area
    "Pemerintah kebut Koperasi Merah Putih\n\nPemerintah sebenarnya telah membentuk 82.000 koperasi desa Merah Putih "
    "yang sudah memiliki badan hukum, termasuk di dalamnya dari Jawa Tengah, ujar pejabat itu, Selasa (18/11/2025).",
])
def test_kdmp_figure_needs_an_area_the_report_proves(text):
    assert extract(text).kdmp_figures is None


def test_kdmp_province_named_by_the_organiser_is_the_area():
    text = ("Rakor Koperasi Merah Putih se-NTT\n\nKUPANG – Dinas Koperasi dan UKM Provinsi Nusa Tenggara Timur "
            "menggelar rakor Satgas, Senin (4/8/2025). Sebanyak 3.000 Koperasi Desa Merah Putih sudah berbadan hukum.")
    found = extract(text).kdmp_figures
    assert found is not None and (found.legal_entity, found.area_code) == (3000, "53")


def test_kdmp_to_be_formed_is_no_formed_count():
    """Issue 19, locked7 S18: "65 Koperasi Kelurahan Merah Putih bakal dibentuk di Kota Kendari" is a plan."""
    text = ("65 Koperasi Kelurahan Merah Putih di Kendari Bakal Dibentuk\n\nKENDARI - Sebanyak 65 Koperasi Kelurahan "
            "Merah Putih bakal dibentuk di Kota Kendari, Sulawesi Tenggara, Senin (5/5/2025).")
    found = extract(text).kdmp_figures
    assert found is None or found.formed is None


@pytest.mark.parametrize(("body", "key"), [
    ("Sebanyak 140 desa di Kabupaten Sikka masih dalam proses penerbitan akta notaris Koperasi Desa Merah Putih.",
     "notarial_deed"),
    ("Dari 160 Koperasi Desa Merah Putih, sebanyak 150 telah berbadan hukum dan tersisa 10 masih dalam proses "
     "pengurusan di notaris.", "notarial_deed"),
    ("Sebanyak 35 Koperasi Desa Merah Putih di Kabupaten Sikka sedang mengurus SK AHU.", "legal_entity"),
    ("Ada 22 Koperasi Desa Merah Putih di Kabupaten Sikka yang tengah dibentuk.", "formed"),
])
def test_a_stage_still_in_process_is_not_done(body, key):
    """Issue 19, locked8 T17/T19: "proses", "sedang", "tengah", "pengurusan" before a stage — under way, not done
    (like the plan words "akan", "bakal")."""
    found = extract(LEAD + body).kdmp_figures
    assert found is None or getattr(found, key) is None


def test_a_done_stage_beside_one_in_process_is_kept():
    found = extract(LEAD + "Dari 160 Koperasi Desa Merah Putih di Kabupaten Sikka, sebanyak 150 telah berbadan hukum "
                           "dan tersisa 10 masih dalam proses pengurusan di notaris.").kdmp_figures
    assert (found.legal_entity, found.notarial_deed) == (150, None)
