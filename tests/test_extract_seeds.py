"""The five seed articles (``../shared/seeds``, when present: a clone has none): the extractor proposes
what their README says a careful reader takes from each."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extract import extract, read_document
from tests.test_extract import assert_evidence

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


# --------------------------------------------------------------------------- #
# The five seed articles (only where the shared folder exists: a clone has no ../shared)
# --------------------------------------------------------------------------- #

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="no ../shared/seeds next to the repository")


def seed(prefix: str) -> tuple[str, dict]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = read_document(path.read_bytes(), path.name)
    d = extract(text).to_dict()
    assert_evidence(d, text)
    return text, d


@needs_seeds
def test_seed_000_belu_provincial_rakor():
    _, d = seed("000")
    assert (d["date"], d["date_text"], d["date_inferred"], d["weekday_ok"]) == (
        "2020-02-27", "Kamis ( 27/02-2020 )", False, True)
    assert (d["venue"], d["city"], d["regency_code"], d["province_code"]) == (
        "Aula Hotel Matahari", "Atambua", "53.04", "53")
    assert d["organizer"] == "Dinas Koperasi, Tenaga Kerja dan Transmigrasi Provinsi NTT"
    assert d["opened_by"] == {"name": "J. T. Ose Luan", "role": "Wakil Bupati Belu", "on_behalf_of": None}
    assert set(d["sectors"]) == {"koperasi", "ketenagakerjaan", "transmigrasi"}
    assert (d["kind"], d["level"], d["regencies_involved"]) == ("rakor", "provinsi", ["53.04"])
    assert (d["participants"], d["cooperatives"], d["pokja_stage"]) == (None, None, None)
    assert d["outlet"] == "DINAS KOMINFO KAB. BELU"
    assert d["warnings"] == []


@needs_seeds
def test_seed_001_palangka_raya_opened_by_the_assistant_for_the_sekda():
    _, d = seed("001")
    assert (d["date"], d["date_text"], d["weekday_ok"]) == ("2022-08-25", "Kamis (25/8/2022)", True)
    assert (d["venue"], d["city"], d["regency_code"], d["province_code"]) == (
        "Aula Hotel Dandang Tingang", "Palangka Raya", "62.71", "62")
    assert d["organizer"] == "Biro Kesejahteraan Rakyat Setda Provinsi Kalteng"
    assert d["opened_by"]["name"] == "Katma F. Dirun"
    assert d["opened_by"]["role"] == "Asisten Bidang Pemerintahan dan Kesra Setda Provinsi Kalteng"
    assert d["opened_by"]["on_behalf_of"] == "Sekda Kalteng"  # "... mewakili Sekda Kalteng"
    assert d["participants"] == 40
    assert "ketenagakerjaan" in d["sectors"]
    assert (d["kind"], d["level"]) == ("rakor", "provinsi")
    assert d["title"].startswith("Rapat Koordinasi (Rakor) Perluasan Kesempatan Kerja")
    assert d["outlet"] == "BALANGANEWS"


@needs_seeds
def test_seed_002_year_inferred_pokja_in_preparation_in_belu_and_malaka():
    _, d = seed("002")
    assert (d["date"], d["date_text"], d["date_inferred"], d["weekday_ok"]) == (
        "2019-08-22", "Kamis(22/08)", True, True)
    assert "kantor bupati belu" in d["venue"].lower()
    assert d["city"] is None  # the text names the office, not the town (Atambua)
    assert (d["regency_code"], d["province_code"]) == ("53.04", "53")
    assert d["regencies_involved"] == ["53.04", "53.21"]
    assert d["pokja_stage"] == "persiapan"
    assert "perlindungan_pmi" in d["sectors"]
    assert (d["kind"], d["level"]) == ("rapat_teknis", "kabupaten_kota")
    assert d["organizer"].startswith("Dinas Koperasi Ketenagakerjaan dan Transmigrasi Provinsi Nusa Tenggara Timur")
    assert d["organizer"].endswith("Dinas Ketenagakerjaan dan Transmigrasi Kabupaten Belu")
    # the text never says "dibuka": the Bupati's arahan is proposed, and flagged
    assert d["opened_by"] == {"name": "Willybrodus Lay", "role": "Bupati Belu", "on_behalf_of": None}
    assert any("opened_by inferred" in w for w in d["warnings"])
    assert any("2019 inferred" in w for w in d["warnings"])


@needs_seeds
def test_seed_003_kota_kupang_venue_for_kabupaten_kupang():
    _, d = seed("003")
    assert (d["date"], d["date_text"], d["weekday_ok"]) == ("2022-12-01", "Kamis (1/12/2022)", True)
    assert (d["venue"], d["city"]) == ("Hotel Neo Aston", "Kota Kupang")
    assert (d["regency_code"], d["regency_name"], d["province_code"]) == ("53.01", "Kabupaten Kupang", "53")
    assert d["regencies_involved"] == ["53.01"]
    assert d["organizer"] == "Dinas Perindustrian Perdagangan Koperasi Usaha Kecil dan Menengah Kabupaten Kupang"
    assert d["opened_by"] == {"name": "Novita Foenay", "role": "Plt. Sekretaris Daerah Kabupaten Kupang", "on_behalf_of": None}
    assert d["cooperatives"] == {"total": 401, "active": 157, "inactive": 244, "as_of": None, "area": "53.01",
                                 "derived": {}}
    assert d["sectors"] == ["koperasi"]
    assert (d["kind"], d["level"]) == ("rakor", "kabupaten_kota")
    assert d["participants"] is None and d["pokja_stage"] is None
    assert d["warnings"] == []


@needs_seeds
def test_seed_004_sangatta_event_date_not_the_byline():
    _, d = seed("004")
    assert (d["date"], d["date_text"], d["weekday_ok"]) == ("2024-05-30", "Kamis (30/5/2024)", True)
    assert d["published_on"] == "2024-05-31"  # the byline
    assert (d["venue"], d["city"], d["regency_code"], d["province_code"]) == (
        "Hotel Royal Victoria", "Sangatta", "64.08", "64")
    assert "Dinas Tenaga Kerja dan Transmigrasi" in d["organizer"] and "Kalimantan Timur" in d["organizer"]
    assert d["opened_by"]["name"] == "Rozani Erawadi"
    assert "Kepala Dinas" in d["opened_by"]["role"] and "Gubernur" in d["opened_by"]["on_behalf_of"]
    assert set(d["sectors"]) == {"ketenagakerjaan", "transmigrasi"}
    assert (d["kind"], d["level"]) == ("rakor", "provinsi")
    assert d["headline"] == "Sinergi Kunci Peningkatan Kualitas Sumber Daya Manusia di Kalimantan Timur"


