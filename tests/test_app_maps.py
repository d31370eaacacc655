"""AppTest: the "Peta" page — national and province maps, both languages, figures and downloads.

AppTest cannot click a chart; the click handler is tested in tests/test_charts_maps.py.
Expected figures are counted here with plain SQL on the SQLite fixture the app reads.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from data_access import engine as engine_module
from data_access import preparation
from data_access.filters import Filters
from data_access.models_cooperatives import Cooperative
from data_access.models_reference import Regency, Source
from tests.apptest_helpers import app, capture_downloads, download_bytes  # noqa: F401  (fixture)
from ui.charts.maps import ATTRIBUTION, shapes

PAGE = "maps"


def charts(at) -> list:
    return at.get("vega_lite_chart")


def spec_and_figures(chart) -> tuple[dict, pd.DataFrame]:
    """The map's spec (a layered map: its first layer, the areas) and the figures it looks up."""
    whole = json.loads(chart.proto.spec)
    spec = {**whole["layer"][0], "datasets": whole.get("datasets", {})} if "layer" in whole else whole
    (step,) = [t for t in spec["transform"] if "lookup" in t]
    (dataset,) = [d for d in chart.proto.datasets if d.name == step["from"]["data"]["name"]]
    return spec, convert_arrow_bytes_to_pandas_df(dataset.data.data)


def registered(sqlite_url: str, group, where=(), real_only: bool = False) -> dict[str, int]:
    """Registered cooperatives per area: not dissolved, founded by the end of the as-of year."""
    year_end = dt.date(Filters().as_of_year, 12, 31)
    stmt = (select(group, func.count()).select_from(Cooperative)
            .join(Regency, Regency.code == Cooperative.regency_code)
            .join(Source, Source.id == Cooperative.source_id)
            .where(Cooperative.dissolved.is_(False),
                   or_(Cooperative.founded_on.is_(None), Cooperative.founded_on <= year_end), *where)
            .group_by(group))
    if real_only:
        stmt = stmt.where(Source.kind != "synthetic")
    with Session(engine_module.get_engine(sqlite_url)) as s:
        return dict(s.execute(stmt).all())


def choose_pokja(at) -> None:
    at.radio(key="maps_mode").set_value("pokja").run()


def number(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "." if lang == "id" else ",")


def assert_attribution_under_each_map(at) -> None:
    captions = [c.value for c in at.caption]
    assert captions.count(ATTRIBUTION) == len(charts(at)) >= 1


@pytest.mark.parametrize("lang", ["id", "en"])
def test_national_map(sqlite_url, lang):
    at = app(PAGE, lang=lang)
    assert not at.exception
    (chart,) = charts(at)
    spec, figures = spec_and_figures(chart)
    assert spec["mark"]["type"] == "geoshape" and len(shapes(spec)) == 38
    title = " ".join(spec["title"]) if isinstance(spec["title"], list) else spec["title"]  # wrapped for phones
    assert title.startswith("Koperasi aktif per provinsi" if lang == "id" else "Active cooperatives")
    assert title.endswith("· DEMO")  # the fixture's register is demo data
    counts = registered(sqlite_url, Regency.province_code)
    texts = dict(zip(figures["code"], figures["registered_text"], strict=True))
    assert len(texts) == 38
    for code, n in counts.items():
        assert texts[code] == number(n, lang)
    assert all(texts[c] == "0" for c in texts if c not in counts)
    assert_attribution_under_each_map(at)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_ntt_map_of_regencies(sqlite_url, lang):
    at = app(PAGE, query={"prov": "53"}, lang=lang)
    assert not at.exception
    (chart,) = charts(at)
    spec, figures = spec_and_figures(chart)
    assert len(shapes(spec)) == 22
    assert {f["properties"]["code"][:2] for f in shapes(spec)} == {"53"}
    with Session(engine_module.get_engine(sqlite_url)) as s:
        ntt = set(s.scalars(select(Regency.code).where(Regency.province_code == "53")))
    assert set(figures["code"]) == ntt
    counts = registered(sqlite_url, Cooperative.regency_code, [Regency.province_code == "53"])
    texts = dict(zip(figures["code"], figures["registered_text"], strict=True))
    assert {c: texts[c] for c in counts} == {c: number(n, lang) for c, n in counts.items()}
    assert_attribution_under_each_map(at)

    choose_pokja(at)
    assert not at.exception
    (chart,) = charts(at)
    spec, figures = spec_and_figures(chart)
    assert spec["encoding"]["color"]["condition"]["field"] == "stage_label"
    assert len(shapes(spec)) == 22 and set(figures["code"]) == ntt
    whole = json.loads(chart.proto.spec)  # each kab/kota also carries its stage's mark (told apart without colour)
    assert whole["layer"][1]["mark"]["type"] == "text" and whole["layer"][1]["encoding"]["text"]["field"] == "stage_mark"
    assert_attribution_under_each_map(at)


def test_real_data_only_pokja_map_of_ntt(sqlite_url, capture_downloads):  # noqa: F811
    at = app(PAGE, query={"prov": "53", "nyata": "1"})
    assert not at.exception
    # The register holds no real cooperative rows: the cooperative map is the empty message.
    assert registered(sqlite_url, Regency.province_code, [Regency.province_code == "53"], real_only=True) == {}
    assert not charts(at)
    assert [i.value for i in at.info] == [
        "Tidak ada data untuk filter ini. Ubah provinsi, kabupaten/kota, tanggal atau sektor."]

    choose_pokja(at)
    assert not at.exception
    (chart,) = charts(at)
    _spec, figures = spec_and_figures(chart)
    stages = dict(zip(figures["code"], figures["stage_label"], strict=True))
    assert stages.pop("53.04") == stages.pop("53.21") == "Persiapan"
    assert stages.pop("53.01") == "Terbentuk (SK terbit)"
    assert set(stages.values()) == {"Belum ada laporan"}
    since = dict(zip(figures["code"], figures["since_text"], strict=True))
    assert (since["53.04"], since["53.01"], since["53.71"]) == ("22 Agustus 2019", "9 Juni 2023", "–")

    shown = next(d.value for d in at.dataframe if "Tahap Pokja" in d.value.columns)
    assert len(shown) == 22
    (csv_button,) = [b for b in at.get("download_button") if b.proto.id.endswith("maps_dl_pokja_csv")]
    csv = pd.read_csv(io.BytesIO(download_bytes(csv_button, capture_downloads)), dtype=str,
                      keep_default_na=False, encoding="utf-8-sig")
    assert list(csv.columns) == [*shown.columns, "Data demo"] and set(csv["Data demo"]) == {"tidak"}
    text = [c for c in shown.columns if c != "Sejak"]  # dates: ISO in the file, words on screen
    pd.testing.assert_frame_equal(csv[text], shown[text].astype(str).reset_index(drop=True), check_dtype=False)


def test_national_download_is_the_table_shown(capture_downloads):  # noqa: F811
    at = app(PAGE)
    shown = next(d.value for d in at.dataframe if "Koperasi terdaftar" in d.value.columns)
    assert len(shown) == 38
    (xlsx_button,) = [b for b in at.get("download_button") if b.proto.id.endswith("maps_dl_national_xlsx")]
    xlsx = pd.read_excel(io.BytesIO(download_bytes(xlsx_button, capture_downloads)), sheet_name="Data",
                         dtype=str, keep_default_na=False)
    # the demo column follows the name on screen (``ui.tables.key_position``), comes last in the files
    assert list(shown.columns) == ["Kode", "Wilayah", "Baris demo (sintetis)", "Koperasi terdaftar", "Koperasi aktif",
                                   "% aktif"]
    assert list(xlsx.columns) == [c for c in shown.columns if c != "Baris demo (sintetis)"] + ["Baris demo (sintetis)"]
    pd.testing.assert_frame_equal(xlsx[["Kode", "Wilayah"]], shown[["Kode", "Wilayah"]].reset_index(drop=True),
                                  check_dtype=False)
    assert xlsx["Koperasi terdaftar"].astype(int).sum() == int(
        shown["Koperasi terdaftar"].str.replace(".", "", regex=False).astype(int).sum())


def test_a_province_with_no_register_row_is_unknown_not_zero(tmp_path, monkeypatch, capture_downloads):  # noqa: F811
    """Issue 20 point 1: a province whose register rows are all gone (here Aceh and Sumatera Utara) is listed in
    the national table with "–" and an empty cell in the files, never "0"; the caption says why."""
    from sqlalchemy import delete

    from data_access import cooperative_summaries
    from data_access.models_cooperatives import CooperativeRat

    url = f"sqlite:///{tmp_path / 'first-start.sqlite'}"
    engine = preparation.prepare_database(engine_module.get_engine(url), with_demo=True)
    with engine.begin() as conn:
        gone = select(Cooperative.id).where(func.substr(Cooperative.regency_code, 1, 2).in_(("11", "12")))
        conn.execute(delete(CooperativeRat).where(CooperativeRat.cooperative_id.in_(gone)))
        conn.execute(delete(Cooperative).where(func.substr(Cooperative.regency_code, 1, 2).in_(("11", "12"))))
        cooperative_summaries.refresh(conn)
    monkeypatch.setenv("DATABASE_URL", url)
    at = app(PAGE)
    assert not at.exception
    shown = next(d.value for d in at.dataframe if "Koperasi terdaftar" in d.value.columns)
    unknown = shown["Koperasi terdaftar"] == "–"
    assert len(shown) == 38 and set(shown.loc[unknown, "Wilayah"]) == {"Aceh", "Sumatera Utara"}
    assert "0" not in set(shown["Koperasi terdaftar"])
    assert (shown.loc[unknown, "Koperasi aktif"] == "–").all()
    (csv_button,) = [b for b in at.get("download_button") if b.proto.id.endswith("maps_dl_national_csv")]
    csv = pd.read_csv(io.BytesIO(download_bytes(csv_button, capture_downloads)), encoding="utf-8-sig", dtype=str,
                      keep_default_na=False)
    assert (csv["Koperasi terdaftar"] == "").sum() == 2 and "0" not in set(csv["Koperasi terdaftar"])
    assert any("bukan 0" in c.value for c in at.caption)


def test_chosen_regency_is_outlined_on_its_province_map():
    at = app(PAGE, query={"kab": "53.04"})
    assert not at.exception
    (chart,) = charts(at)
    spec, _ = spec_and_figures(chart)
    assert len(shapes(spec)) == 22  # the whole province, not only the chosen kab
    assert spec["encoding"]["stroke"]["condition"]["test"] == {"field": "code", "oneOf": ["53.04"]}


def test_several_provinces_pick_one_to_map():
    at = app(PAGE, query={"prov": "52,53"})
    assert not at.exception
    (chooser,) = [s for s in at.selectbox if s.key == "maps_province"]
    assert chooser.value == "53" or chooser.value == "52"
    chooser.set_value("52").run()
    (chart,) = charts(at)
    spec, _ = spec_and_figures(chart)
    assert {f["properties"]["code"][:2] for f in shapes(spec)} == {"52"}
