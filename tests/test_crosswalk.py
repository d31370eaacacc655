"""The BPS ↔ Kemendagri crosswalk (seed_data/bps_kemendagri.csv) checked against the gazetteer.

The gazetteer (regions.csv, Kemendagri 2025) and the crosswalk (BPS's bridging
table of 2020) come from independent sources: every code the crosswalk gives must
exist there under a name that agrees with BPS's. The generator's own safety rules
are tested on made-up source rows; its byte-for-byte reproduction of the shipped
CSV needs the published extract (``PANTAU_BPS_BRIDGING_SOURCE``).
"""

from __future__ import annotations

import csv
import importlib.util
import os
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from data_access import crosswalk, gazetteer

REPO_ROOT = Path(__file__).resolve().parents[1]
SOURCE_ENV = "PANTAU_BPS_BRIDGING_SOURCE"
NEW_PROVINCES_2022 = {"93", "94", "95", "96"}  # Papua Selatan, Tengah, Pegunungan, Barat Daya


def _generator():
    spec = importlib.util.spec_from_file_location("build_bps_crosswalk", REPO_ROOT / "seed_data/build_bps_crosswalk.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regions():
    return {r["code"]: r for r in gazetteer.read_regions()}


@pytest.fixture(scope="module")
def rows():
    return crosswalk.crosswalk_rows()


def test_known_aceh_cases():
    regencies = crosswalk.bps_regencies()
    assert regencies["1101"] == ("11.09", "SIMEULUE")
    assert regencies["1102"] == ("11.10", "ACEH SINGKIL")
    assert regencies["1103"] == ("11.01", "ACEH SELATAN")
    assert regencies["1171"] == ("11.71", "BANDA ACEH")
    back = crosswalk.kemendagri_to_bps()
    assert back["11.09"] == "1101"
    assert back["11.01"] == "1103"


def test_every_code_is_in_the_gazetteer_under_its_name(rows, regions):
    for row in rows:
        here = regions.get(row.kode_kemendagri)
        assert here is not None, row
        assert here["name"] == row.nama_kemendagri, row
        assert (here["level"] == "provinsi") == (row.level == "provinsi"), row


def test_one_to_one_and_complete(regions):
    regencies = crosswalk.bps_regencies()
    codes = [code for code, _name in regencies.values()]
    assert len(regencies) == 514
    assert len(set(codes)) == 514
    # No kab/kota was created after 2020: the 2020 table covers the whole 2025 gazetteer.
    assert set(codes) == {c for c, r in regions.items() if r["level"] == "kabupaten_kota"}
    back = crosswalk.kemendagri_to_bps()
    assert len(back) == 514
    assert {bps: regencies[bps][0] for bps in back.values()} == {bps: k for k, bps in back.items()}
    assert all(len(bps) == 4 and bps.isdigit() for bps in regencies)

    provinces = crosswalk.bps_provinces()
    assert len(provinces) == 34
    assert len({code for code, _name in provinces.values()}) == 34
    assert provinces["91"] == ("92", "PAPUA BARAT")
    assert provinces["94"] == ("91", "PAPUA")
    assert not NEW_PROVINCES_2022 & {code for code, _name in provinces.values()}


def test_a_kab_kota_lies_in_its_provinces_successor(rows):
    """The kab/kota's gazetteer province is its BPS province's, or a province split from it in 2022."""
    provinces = crosswalk.bps_provinces()
    for row in rows:
        if row.level != "kabupaten_kota":
            continue
        province = provinces[row.kode_bps[:2]][0]
        if row.basis == "new_province_2022":
            assert province in {"91", "92"}, row
            assert row.kode_kemendagri[:2] in NEW_PROVINCES_2022, row
        else:
            assert row.kode_kemendagri[:2] == province, row


def test_2020_codes_kept_unless_documented(rows, regions):
    """A code that differs from the source's 2020 Kemendagri code is a documented move to a 2022 province."""
    moved = [row for row in rows if row.kode_kemendagri != row.kode_dagri_2020]
    assert {row.basis for row in moved} == {"new_province_2022"}
    for row in moved:
        assert row.kode_dagri_2020 not in regions, row  # the old code is gone, never reused
        assert row.note
    assert len(moved) == 26
    for row in rows:
        assert (row.basis == "same_code" and not row.note) or row.note, row


def test_names_agree_modulo_spelling(rows, regions):
    """BPS's name and the gazetteer's agree for every pair; the two exceptions are the documented ones."""
    far = {}
    for row in rows:
        score = fuzz.ratio(crosswalk.name_key(row.nama_bps), crosswalk.name_key(regions[row.kode_kemendagri]["name"]))
        if score < 90:
            far[row.kode_bps] = row
    assert set(far) == {"1206", "7108"}
    assert far["1206"].basis == "renamed" and "Toba" in far["1206"].note  # Toba Samosir → Toba
    assert far["7108"].nama_kemendagri.endswith("Siau Tagulandang Biaro")
    # The kind agrees too: BPS numbers kota 71 and above, Kemendagri says "Kota".
    for row in rows:
        if row.level == "kabupaten_kota":
            assert (int(row.kode_bps[2:]) >= 71) == (regions[row.kode_kemendagri]["kind"] == "kota"), row


def test_codes_that_differ_between_the_schemes(rows):
    """How often a 4-digit BPS code is not the Kemendagri code without its dot (figures in the README)."""
    kab = [row for row in rows if row.level == "kabupaten_kota"]
    against_2020 = sum(row.kode_bps != row.kode_dagri_2020.replace(".", "") for row in kab)
    against_today = sum(row.kode_bps != row.kode_kemendagri.replace(".", "") for row in kab)
    same_code_other_area = sum(
        row.kode_bps != row.kode_kemendagri.replace(".", "")
        and row.kode_bps[:2] + "." + row.kode_bps[2:] in crosswalk.kemendagri_to_bps()
        for row in kab)
    print(f"BPS code ≠ Kemendagri code: {against_2020} of {len(kab)} (2020 codes), "
          f"{against_today} (gazetteer codes); {same_code_other_area} of them are another kab/kota's code")
    assert (against_2020, against_today, same_code_other_area) == (199, 199, 164)


@pytest.mark.parametrize(("text", "key"), [
    ("KAB. ADM. KEP. SERIBU", "kepulauanseribu"),
    ("Kabupaten Administrasi Kepulauan Seribu", "kepulauanseribu"),
    ("S I A K", "siak"),
    ("Kabupaten Fak Fak", "fakfak"),
    ("KOTA ADM. JAKARTA SELATAN", "jakartaselatan"),
    ("DI YOGYAKARTA", "daerahistimewayogyakarta"),
    ("Kota", "kota"),
])
def test_name_key(text, key):
    assert crosswalk.name_key(text) == key


def _source_row(kode_bps, nama_bps, kode_dagri, nama_dagri):
    return {"kode_bps": kode_bps, "nama_bps": nama_bps, "kode_dagri": kode_dagri, "nama_dagri": nama_dagri}


def test_generator_refuses_a_pair_whose_names_disagree(regions):
    """A source row whose Kemendagri code names another area stops the build, naming the row."""
    build = _generator()
    with pytest.raises(SystemExit, match="1101 SIMEULUE.*11.01 is Kabupaten Aceh Selatan"):
        build.settle("kabupaten_kota", _source_row("1101", "SIMEULUE", "1101", "KAB. ACEH SELATAN"), regions)
    with pytest.raises(SystemExit, match="not in the gazetteer"):
        build.settle("kabupaten_kota", _source_row("1199", "ATLANTIS", "1199", "KAB. ATLANTIS"), regions)
    # A code gone since 2020 is found by name only in the 2022 successors, and only with the right kind.
    row = build.settle("kabupaten_kota", _source_row("9401", "MERAUKE", "9101", "KAB. MERAUKE"), regions)
    assert (row["kode_kemendagri"], row["basis"]) == ("93.01", "new_province_2022")
    with pytest.raises(SystemExit, match="0 successor areas"):
        build.settle("kabupaten_kota", _source_row("9479", "MERAUKE", "9179", "KOTA MERAUKE"), regions)
    with pytest.raises(SystemExit, match="0 successor areas"):
        build.settle("kabupaten_kota", _source_row("9499", "BANDA ACEH", "9199", "KAB. BANDA ACEH"), regions)


def test_generator_refuses_a_source_other_than_the_pinned_commit(tmp_path):
    build = _generator()
    (tmp_path / "provinsi.csv").write_text("kode_bps,nama_bps,kode_dagri,nama_dagri\n11,ACEH,11,ACEH\n")
    with pytest.raises(SystemExit, match="is not the file of commit 8d5e83e"):
        build.read_source(tmp_path, "provinsi.csv")
    assert build.git_blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"  # `git hash-object`


@pytest.mark.skipif(not os.environ.get(SOURCE_ENV),
                    reason=f"{SOURCE_ENV} (directory with the extract's provinsi.csv, kabkota.csv) not set")
def test_generator_reproduces_the_shipped_csv(tmp_path):
    out = tmp_path / "bps_kemendagri.csv"
    _generator().main(["--source", os.environ[SOURCE_ENV], "--out", str(out)])
    assert out.read_bytes() == crosswalk.CROSSWALK_CSV.read_bytes()


def test_csv_header_is_documented():
    with crosswalk.CROSSWALK_CSV.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    readme = (REPO_ROOT / "seed_data/README.md").read_text(encoding="utf-8")
    assert tuple(header) == crosswalk.COLUMNS
    assert all(f"`{column}`" in readme for column in header)
