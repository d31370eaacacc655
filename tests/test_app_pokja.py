"""AppTest: the "Status Pokja" page answers "which kab/kota in NTT have not formed their Pokja?".

Expected figures come from the published facts and from ``tests.test_pokja.reference``
(the mandate rule in plain Python over raw rows of the SQLite fixture the app reads).
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access import engine as engine_module
from data_access.filters import Filters
from data_access.models_pokja import Mandate, Pokja, PokjaStageChange
from data_access.models_reference import Regency
from tests.apptest_helpers import app, capture_downloads, demo_marked, download_bytes, plain_label  # noqa: F401  (fixture)
from tests.test_pokja import MOU, reference

PAGE = "pokja_status"
HEAD = {"id": ("Kode", "Kabupaten/kota", "Tahap", "Sejak", "Lewat tenggat"),
        "en": ("Code", "Regency/city", "Stage", "Since", "Overdue")}
STAGE = {"id": {"belum_dibentuk": "Belum dibentuk", "persiapan": "Persiapan", "terbentuk": "Terbentuk (SK terbit)",
                "tidak_ada_data": "Belum ada laporan"},
         "en": {"belum_dibentuk": "Not started", "persiapan": "In preparation", "terbentuk": "Formed (decree issued)",
                "tidak_ada_data": "No report"}}
METRIC = {"id": ("Kab/kota wajib", "Terbentuk (SK terbit)", "Persiapan", "Belum dibentuk", "Belum ada laporan",
                 "Lewat tenggat"),
          "en": ("Regencies mandated", "Formed (decree issued)", "In preparation", "Not started", "No report",
                 "Overdue")}


def number(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "." if lang == "id" else ",")


def table(at, *headers: str) -> pd.DataFrame:
    """The one table on the page with all these ``headers``."""
    found = [d.value for d in at.dataframe if set(headers) <= set(d.value.columns)]
    assert len(found) == 1, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def button(at, key: str):
    (found,) = [b for b in at.get("download_button") if b.proto.id.endswith(key)]
    return found


def expected(sqlite_url: str, filters: Filters) -> dict:
    """Metric values from the plain-Python rule; overdue counted from the raw rows it keeps."""
    eng = engine_module.get_engine(sqlite_url)
    ref = reference(eng, filters)
    stages = list(ref["stage_of"].values())
    with Session(eng) as s:
        issued = dict(s.execute(select(Mandate.code, Mandate.issued_on)).all())
    not_formed = {c for c, stage in ref["stage_of"].items() if stage != "terbentuk"}
    today = dt.date.today()
    overdue = {code for code, mandate, stage in ref["rows"]
               if code in not_formed and stage in ("belum_dibentuk", "persiapan") and issued[mandate]
               and (today - issued[mandate]).days > 365}
    return {"mandated": len(stages), "terbentuk": stages.count("terbentuk"), "persiapan": stages.count("persiapan"),
            "belum_dibentuk": stages.count("belum_dibentuk"), "tidak_ada_data": stages.count("tidak_ada_data"),
            "overdue": len(overdue), "not_formed": not_formed}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_ntt_real_data_lists_regencies_without_pokja(sqlite_url, lang):
    at = app(PAGE, query={"prov": "53", "nyata": "1"}, lang=lang)
    assert not at.exception
    with Session(engine_module.get_engine(sqlite_url)) as s:
        ntt = set(s.scalars(select(Regency.code).where(Regency.province_code == "53")))
    code, regency, stage, since, overdue = HEAD[lang]
    shown = table(at, code, regency, since)
    assert set(shown[code]) == ntt - {"53.01"} and len(shown) == len(ntt) - 1  # Kab. Kupang formed its Satgas
    rows = shown.set_index(code)
    for kab in ("53.04", "53.21"):
        assert rows.loc[kab, stage] == STAGE[lang]["persiapan"]
        assert rows.loc[kab, since] == ("22 Agustus 2019" if lang == "id" else "22 August 2019")
        assert rows.loc[kab, overdue] == ("⚠ Ya" if lang == "id" else "⚠ Yes")
    others = rows.drop(index=["53.04", "53.21"])
    assert set(others[stage]) == {STAGE[lang]["tidak_ada_data"]}
    assert set(others[overdue]) == {"–"}  # unknown, never "overdue"
    metrics = {plain_label(m.label): m.value for m in at.metric}
    n = len(ntt)
    assert [metrics[label] for label in METRIC[lang]] == [str(n), "1", "2", "0", str(n - 3), "2"]


@pytest.mark.parametrize("query", [{"prov": "53"}, {"prov": "52"}, {"prov": "52,53", "nyata": "1"}, {}])
def test_metrics_follow_the_filters(sqlite_url, query):
    at = app(PAGE, query=query)
    assert not at.exception
    provinces = tuple(query["prov"].split(",")) if "prov" in query else ()
    exp = expected(sqlite_url, Filters(provinces=provinces, real_only=query.get("nyata") == "1"))
    metrics = {plain_label(m.label): m.value for m in at.metric}
    assert [metrics[label] for label in METRIC["id"]] == [
        number(exp[k], "id") for k in ("mandated", "terbentuk", "persiapan", "belum_dibentuk", "tidak_ada_data",
                                       "overdue")]
    shown = table(at, "Kode", "Kabupaten/kota", "Sejak")
    assert set(shown["Kode"]) == exp["not_formed"]


def test_demo_and_real_figures_differ_in_ntt(sqlite_url):
    demo = {plain_label(m.label): m.value for m in app(PAGE, query={"prov": "53"}).metric}
    real = {plain_label(m.label): m.value for m in app(PAGE, query={"prov": "53", "nyata": "1"}).metric}
    assert demo["Belum ada laporan"] != real["Belum ada laporan"]
    assert demo["Kab/kota wajib"] == real["Kab/kota wajib"]


def test_downloads_hold_exactly_the_rows_shown(capture_downloads):  # noqa: F811
    at = app(PAGE, query={"prov": "53", "nyata": "1"})
    for key, headers, demo_header in (
            ("pokja_dl_not_formed", ("Kode", "Kabupaten/kota", "Sejak"), "Data demo"),
            ("pokja_dl_provinces", ("Provinsi", "Kab/kota wajib"), "Baris demo (sintetis)"),
            ("pokja_dl_all", ("Provinsi", "Kode", "Nomor SK"), "Data demo"),
            ("pokja_dl_history", ("Tanggal", "Tahap", "Catatan"), "Data demo")):
        shown = table(at, *headers).drop(columns=["Data demo"], errors="ignore").reset_index(drop=True)
        csv = pd.read_csv(io.BytesIO(download_bytes(button(at, f"{key}_csv"), capture_downloads)),
                          dtype=str, keep_default_na=False, encoding="utf-8-sig")
        assert list(csv.columns) == [*shown.columns, demo_header] and len(csv) == len(shown)
        for header in ("Kode", "Kabupaten/kota", "Provinsi", "Tahap", "Mandat"):
            if header in shown:  # text stays text; dates and numbers are checked in test_downloads
                assert csv[header].tolist() == shown[header].astype(str).tolist()
        xlsx = pd.read_excel(io.BytesIO(download_bytes(button(at, f"{key}_xlsx"), capture_downloads)),
                             sheet_name="Data", dtype=str, keep_default_na=False)
        assert list(xlsx.columns) == list(csv.columns) and len(xlsx) == len(shown)


def test_province_table_shares(sqlite_url):
    at = app(PAGE, query={"prov": "53", "nyata": "1"})
    shown = table(at, "Provinsi", "Kab/kota wajib")
    assert len(shown) == 1
    row = shown.iloc[0]
    assert row["Kab/kota wajib"] == "22"
    assert (row["Terbentuk (SK terbit)"], row["Persiapan"], row["Belum ada laporan"]) == ("1", "2", "19")
    assert row["Persiapan (%)"] == "9,1%" and row["Belum ada laporan (%)"] == "86,4%"


def test_stage_history_of_one_regency(sqlite_url):
    at = app(PAGE, query={"kab": "53.04", "nyata": "1"})
    assert not at.exception
    (chooser,) = [s for s in at.selectbox if s.key == "pokja_history_regency"]
    assert chooser.value == "53.04"
    history = table(at, "Tanggal", "Tahap", "Catatan")
    assert list(history["Tanggal"]) == ["22 Agustus 2019"] and list(history["Tahap"]) == ["Persiapan"]
    assert history.iloc[0]["Catatan"] == "Rapat teknis pembentukan Pokja di Kantor Bupati Belu"
    assert history.iloc[0]["Tanggal mandat"] == "9 Mei 2019"

    at = app(PAGE, query={"prov": "53"})
    (chooser,) = [s for s in at.selectbox if s.key == "pokja_history_regency"]
    chooser.set_value("53.01").run()
    assert not at.exception
    with Session(engine_module.get_engine(sqlite_url)) as s:
        n = s.scalar(select(func.count()).select_from(PokjaStageChange)
                     .join(Pokja, Pokja.id == PokjaStageChange.pokja_id)
                     .join(Mandate, Mandate.id == Pokja.mandate_id)
                     .where(Pokja.regency_code == "53.01", Mandate.programme == "pokja_pmi"))
        mou = s.scalar(select(Mandate.title).where(Mandate.code == MOU))
    history = table(at, "Tanggal", "Tahap", "Catatan")
    assert len(history) == n and n >= 2
    assert "9 Juni 2023" in set(history["Tanggal"]) and mou in set(history["Mandat"])


def test_no_mandate_no_records_shows_the_empty_message():
    at = app(PAGE, query={"prov": "11", "nyata": "1"})
    assert not at.exception
    assert [i.value for i in at.info] == [
        "Tidak ada data untuk filter ini. Ubah provinsi, kabupaten/kota, tanggal atau sektor."]
    assert not at.metric
