"""AppTest: the "Kesehatan Koperasi" page against the SQLite fixture database.

Figures on screen are compared with figures computed here from the database
(the Python rule over RAT years, see ``tests/test_cooperatives.py``), and the
downloads with the query results of the same filters.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from data_access import cooperative_register, cooperative_reported, cooperatives
from data_access import engine as engine_module
from data_access.filters import Filters
from tests.apptest_helpers import app, capture_downloads, demo_marked, download_bytes, plain_label  # noqa: F401 (fixture)
from tests.test_cooperatives import active_in, registered_in, registry_of

BOM = b"\xef\xbb\xbf"


def fmt_id(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def pct_id(fraction: float) -> str:
    return f"{fraction * 100:.1f}".replace(".", ",") + "%"


def expected_totals(url: str, f: Filters) -> tuple[int, int]:
    coops = registry_of(url)
    return (sum(registered_in(c, f, f.as_of_year) for c in coops),
            sum(active_in(c, f, f.as_of_year) for c in coops))


def metrics(at) -> dict[str, str]:
    return {plain_label(m.label): m.value for m in at.metric}


def assert_metrics(at, url: str, f: Filters) -> None:
    registered, active = expected_totals(url, f)
    assert registered > 0
    assert metrics(at) == {"Terdaftar": fmt_id(registered), "Aktif": fmt_id(active),
                           "Tidak aktif": fmt_id(registered - active), "% aktif": pct_id(active / registered)}
    synthetic = any(c.synthetic and registered_in(c, f, f.as_of_year) for c in registry_of(url))
    assert [demo_marked(m) for m in at.metric] == [synthetic] * 4  # figures from demo rows are marked


def button(at, key: str):
    found = [b for b in at.get("download_button") if b.key == key]
    assert len(found) == 1, f"download button {key!r}: {len(found)} found"
    return found[0]


def csv_frame(at, key: str, store) -> pd.DataFrame:
    data = download_bytes(button(at, f"{key}_csv"), store)
    assert data.startswith(BOM)
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, na_values=[""],
                       dtype={"Kode wilayah": str, "NIK": str})


def xlsx_sheets(at, key: str, store) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(io.BytesIO(download_bytes(button(at, f"{key}_xlsx"), store)), read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_page_runs_in_indonesian(sqlite_url):
    at = app("cooperatives")
    assert not at.exception
    assert at.title[0].value == "Kesehatan Koperasi"
    y = Filters().as_of_year
    rule = f"Aktif = RAT diadakan tiap tahun {y - 2}–{y} (N = 3, Permen KUKM 25/2015)"
    assert any(rule in m.value for m in at.markdown)
    assert_metrics(at, sqlite_url, Filters())
    assert [s.value for s in at.subheader][:2] == ["Menurut register koperasi", "Angka yang dilaporkan sumber"]


def test_page_runs_in_english(sqlite_url):
    at = app("cooperatives", lang="en")
    assert not at.exception
    assert at.title[0].value == "Cooperative health"
    registered, active = expected_totals(sqlite_url, Filters())
    assert metrics(at) == {"Registered": f"{registered:,}", "Active": f"{active:,}",
                           "Inactive": f"{registered - active:,}", "% active": f"{active / registered * 100:.1f}%"}
    y = Filters().as_of_year
    assert any(f"Active = RAT held in each year {y - 2}–{y} (N = 3" in m.value for m in at.markdown)
    assert "Download CSV" in [b.proto.label for b in at.get("download_button")]


def test_choosing_a_province_changes_the_metrics(sqlite_url):
    at = app("cooperatives")
    assert_metrics(at, sqlite_url, Filters())
    at.multiselect(key="f_prov").set_value(["53"]).run()
    assert not at.exception
    assert_metrics(at, sqlite_url, Filters(provinces=("53",)))
    charts = at.get("vega_lite_chart")
    assert any(c.key == "coop_area_kabupaten_kota_53_" for c in charts)


def test_window_changes_the_rule_and_the_metrics(sqlite_url):
    at = app("cooperatives", query={"prov": "53", "n": "2"})
    assert not at.exception
    assert_metrics(at, sqlite_url, Filters(provinces=("53",), window=2))
    y = Filters().as_of_year
    assert any(f"tiap tahun {y - 1}–{y} (N = 2" in m.value for m in at.markdown)


def test_kab_kupang_link_shows_the_reported_figures(sqlite_url):
    at = app("cooperatives", query={"prov": "53", "kab": "53.01"})
    assert not at.exception
    assert_metrics(at, sqlite_url, Filters(provinces=("53",), regencies=("53.01",)))
    reported = next(d.value for d in at.dataframe if "Tanda" in d.value.columns)
    assert len(reported) == 1
    row = reported.iloc[0]
    assert (row["Wilayah"], row["Jumlah"], row["Aktif"], row["Tidak aktif"]) == ("Kabupaten Kupang", "401", "157", "244")
    assert row["Sumber"] == "swaratimor.co.id"
    assert row["Per tanggal"] == "1 Desember 2022"


def test_inconsistent_and_approximate_rows_are_marked(sqlite_url):
    at = app("cooperatives", query={"prov": "53"})
    reported = next(d.value for d in at.dataframe if "Tanda" in d.value.columns)
    flags = dict(zip(reported["Sumber"] + " " + reported["Per tanggal"], reported["Tanda"], strict=True))
    assert flags["kupang.tribunnews.com 31 Desember 2018"] == "tidak konsisten: 3.776 + 352 ≠ 4.146"
    assert "sekitar" in flags["haluanntt.com 31 Desember 2021"]
    assert flags["victorynews.id 31 Desember 2018"] == "–"  # no flag
    kota = reported[reported["Wilayah"] == "Kota Kupang"].iloc[0]
    assert (kota["Jumlah"], kota["Aktif"], kota["Tidak aktif"]) == ("611", "–", "–")
    assert any("ditandai" in w.value for w in at.warning)


def test_downloads_hold_exactly_the_rows_shown(sqlite_url, capture_downloads):  # noqa: F811
    at = app("cooperatives", query={"prov": "53"})
    assert not at.exception
    f = Filters(provinces=("53",))
    eng = engine_module.get_engine(sqlite_url)

    health = cooperatives.health_by_area(f, "kabupaten_kota", engine=eng)
    areas = csv_frame(at, "coop_dl_areas", capture_downloads)
    assert list(areas.columns) == ["Kode wilayah", "Wilayah", "Terdaftar", "Aktif", "Tidak aktif", "% aktif",
                                   "Baris demo (sintetis)"]
    merged = areas.merge(health, left_on="Kode wilayah", right_on="area_code", validate="one_to_one")
    assert len(merged) == len(health) == len(areas)
    assert (merged["Terdaftar"] == merged["registered"]).all() and (merged["Aktif"] == merged["active"]).all()
    assert (merged["Tidak aktif"] == merged["inactive"]).all()
    real = cooperatives.health_by_area(Filters(provinces=("53",), real_only=True), "kabupaten_kota", engine=eng)
    demo_rows = merged.merge(real, on="area_code", suffixes=("", "_real"))
    assert (demo_rows["Baris demo (sintetis)"] == demo_rows["registered"] - demo_rows["registered_real"]).all()
    assert list(areas["Terdaftar"]) == sorted(areas["Terdaftar"], reverse=True)  # the chart's order

    ranking = csv_frame(at, "coop_dl_ranking", capture_downloads)
    shown = next(d.value for d in at.dataframe if "Peringkat" in d.value.columns)
    assert ranking.columns[-1] == "Baris demo (sintetis)"
    shown = shown.drop(columns=[c for c in shown.columns if c in ("Data demo", "Baris demo (sintetis)")])
    assert list(ranking.columns[:-1]) == list(shown.columns)  # one declaration: the screen's text, the file's values
    assert list(shown["Peringkat"]) == [str(n) for n in ranking["Peringkat"]]
    assert list(shown["Wilayah"]) == list(ranking["Wilayah"])
    assert list(shown["Terdaftar"]) == [fmt_id(n) for n in ranking["Terdaftar"]]
    assert list(shown["% aktif"]) == [pct_id(p / 100) for p in ranking["% aktif"]]
    with_coops = health[health["registered"] > 0]
    assert sorted(ranking["Wilayah"]) == sorted(with_coops["area_name"])
    assert list(ranking["% aktif"]) == sorted(ranking["% aktif"])

    trend = csv_frame(at, "coop_dl_trend", capture_downloads)
    # the trend starts when the rule can first be judged: N years after the first RAT on record
    first_rat = min(y for c in registry_of(sqlite_url) for y in c.rat_years)
    start = max(cooperatives.TREND_START_YEAR, first_rat + f.window - 1)
    expected = cooperatives.trend_by_year(f, start, engine=eng)
    assert trend["Tahun"].iloc[0] == start
    if start > cooperatives.TREND_START_YEAR:
        assert any(c.value.startswith(f"Dimulai {start}: RAT tercatat sejak {first_rat}") for c in at.caption)
    assert list(trend["Tahun"]) == list(expected["year"])
    assert list(trend["Terdaftar"]) == list(expected["registered"]) and list(trend["Aktif"]) == list(expected["active"])

    jenis = csv_frame(at, "coop_dl_jenis", capture_downloads)
    expected = cooperatives.health_by_jenis(f, engine=eng)
    assert jenis["Terdaftar"].sum() == expected["registered"].sum() and jenis["Aktif"].sum() == expected["active"].sum()
    assert len(jenis) == int((expected["registered"] > 0).sum())

    register = csv_frame(at, "coop_dl_registry", capture_downloads)
    expected = cooperative_register.registry(f, engine=eng)
    assert list(register.columns) == ["Nama koperasi", "Status", "RAT terakhir", "Kabupaten/kota", "NIK", "Jenis",
                                      "Kelompok", "Data demo"]
    assert list(register["Data demo"]) == ["ya" if s else "tidak" for s in expected["synthetic"]]
    assert list(register["NIK"]) == list(expected["nik"])
    assert list(register["Status"]) == ["Aktif" if a else "Tidak aktif" for a in expected["active"]]
    assert list(register["RAT terakhir"].astype("Int64")) == list(expected["last_rat_year"])
    shown = next(d.value for d in at.dataframe if "NIK" in d.value.columns)
    assert list(shown["NIK"]) == list(register["NIK"])

    reported = csv_frame(at, "coop_dl_reported", capture_downloads)
    expected = cooperative_reported.reported_counts(f, engine=eng)
    assert list(reported["Jumlah"].astype("Int64")) == list(expected["total"])
    assert list(reported["Aktif"].astype("Int64")) == list(expected["active"])
    assert list(reported["Sumber"]) == list(expected["outlet"])
    # the screen says the date to its precision; the file holds the date (ISO) and the precision beside it
    assert list(reported.columns[:3]) == ["Wilayah", "Per tanggal", "Ketelitian tanggal"]
    assert list(reported["Per tanggal"]) == [d.isoformat() for d in pd.to_datetime(expected["as_of"]).dt.date]
    shown = next(d.value for d in at.dataframe if "Tanda" in d.value.columns)
    assert "Ketelitian tanggal" in shown.columns and "Tautan" in shown.columns

    sheets = xlsx_sheets(at, "coop_dl_registry", capture_downloads)
    assert list(sheets) == ["Filter", "Data"]
    filter_sheet = {row[0]: row[1] for row in sheets["Filter"][1:]}
    assert filter_sheet["Cakupan"].startswith("Nusa Tenggara Timur")
    assert filter_sheet["Parameter tautan"] == "prov=53"
    assert filter_sheet["Jumlah baris"] == len(register)  # a number, not text
    demo_n = int((register["Data demo"] == "ya").sum())  # checked against the registry above
    assert filter_sheet["Baris dengan data demo"].startswith(f"{demo_n} dari {len(register)}".replace(",", "."))
    assert list(sheets["Data"][0]) == list(register.columns)
    assert [r[4] for r in sheets["Data"][1:]] == list(register["NIK"])


def test_registry_search_and_paging(sqlite_url, capture_downloads):  # noqa: F811
    at = app("cooperatives")
    f = Filters()
    coops = [c for c in registry_of(sqlite_url) if registered_in(c, f, f.as_of_year)]
    total = len(coops)
    assert total > 500
    assert any(c.value.startswith(f"Menampilkan 1–500 dari {fmt_id(total)} koperasi") for c in at.caption)
    first_page = csv_frame(at, "coop_dl_registry", capture_downloads)

    at.button(key="coop_page_next").click().run()
    assert not at.exception
    assert any(c.value.startswith(f"Menampilkan 501–{fmt_id(min(1000, total))} dari") for c in at.caption)
    second_page = csv_frame(at, "coop_dl_registry", capture_downloads)
    assert set(first_page["NIK"]).isdisjoint(second_page["NIK"])
    assert list(second_page["NIK"]) == list(cooperative_register.registry(f, "", 500, 500, engine=engine_module.get_engine(sqlite_url))["nik"])

    at.text_input(key="coop_search").input("Sejahtera").run()
    matching = [c for c in coops if "sejahtera" in c.name.lower()]
    assert any(c.value.startswith(f"Menampilkan 1–{fmt_id(min(500, len(matching)))} dari {fmt_id(len(matching))}")
               for c in at.caption)
    shown = next(d.value for d in at.dataframe if "NIK" in d.value.columns)
    assert all("sejahtera" in n.lower() for n in shown["Nama koperasi"])

    at.text_input(key="coop_search").input("100%_tidak_ada").run()
    assert not at.exception
    assert any("Tidak ada koperasi yang cocok" in i.value for i in at.info)


def test_real_data_only_shows_the_empty_result_not_empty_charts(sqlite_url):
    f = Filters(real_only=True)
    if expected_totals(sqlite_url, f)[0]:
        pytest.skip("the fixture has real registry rows")
    at = app("cooperatives", query={"nyata": "1"})
    assert not at.exception
    assert any(i.value.startswith("Tidak ada data untuk filter ini") for i in at.info)
    assert not at.get("vega_lite_chart")
    assert not at.metric
    # the figures as reported are real, so they stay
    reported = next(d.value for d in at.dataframe if "Tanda" in d.value.columns)
    assert len(reported) == len(cooperative_reported.reported_counts(f, engine=engine_module.get_engine(sqlite_url)))


def test_demo_figures_say_which_figure_is_real(sqlite_url):
    """/koperasi?prov=53&kab=53.01: the register figures are demo rows; the page says so and names
    the real reported figure of Kab. Kupang (read here straight from the database)."""
    from sqlalchemy import select

    from data_access.models_cooperatives import CooperativeCount
    from data_access.models_reference import Source

    with engine_module.get_engine(sqlite_url).connect() as conn:
        total, active, inactive, outlet = conn.execute(
            select(CooperativeCount.total, CooperativeCount.active, CooperativeCount.inactive, Source.outlet)
            .join(Source, Source.id == CooperativeCount.source_id)
            .where(CooperativeCount.area_code == "53.01", Source.kind != "synthetic")
            .order_by(CooperativeCount.as_of.desc())).first()
    at = app("cooperatives", query={"prov": "53", "kab": "53.01"})
    assert not at.exception
    assert any(w.value.startswith("**Data demo dalam tampilan ini**") for w in at.warning)  # the banner
    assert any("bukan angka nyata" in w.value for w in at.warning)
    note = next(i.value for i in at.info if "nyata" in i.value)
    assert f"{fmt_id(total)} terdaftar, {fmt_id(active)} aktif, {fmt_id(inactive)} tidak aktif ({outlet}" in note
    real_only = app("cooperatives", query={"prov": "53", "kab": "53.01", "nyata": "1"})
    assert not any("Data demo dalam tampilan ini" in w.value for w in real_only.warning)
