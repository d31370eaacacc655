"""The Koperasi Merah Putih page under AppTest (both languages), and the Satgas KDMP view of the Pokja page.

Expected figures come from direct SQL counts on the SQLite fixture, never from the page's functions.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access import engine as engine_module
from data_access.models_kdmp import Kdmp, Village
from data_access.models_pokja import Mandate, Pokja
from tests.apptest_helpers import app, capture_downloads, download_bytes  # noqa: F401  (fixture)

PAGE = "kdmp"
METRICS = {"id": ("Desa/kelurahan", "Beroperasi", "Berbadan hukum", "Macet", "Tidak ada data"),
           "en": ("Desa/kelurahan", "Operating", "Legal entity", "Stalled", "No report")}
CODE = {"id": "Kode", "en": "Code"}


def number(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "." if lang == "id" else ",")


def _counts(sqlite_url: str, prefix: str, stalled_days: int = 90) -> dict[str, int]:
    cutoff = dt.date.today() - dt.timedelta(days=stalled_days)
    with Session(engine_module.get_engine(sqlite_url)) as s:
        desa = s.scalar(select(func.count()).select_from(Village).where(Village.code.like(f"{prefix}%")))
        in_area = Kdmp.village_code.like(f"{prefix}%")
        on_record = s.scalar(select(func.count()).select_from(Kdmp).where(in_area))
        operating = s.scalar(select(func.count()).select_from(Kdmp).where(in_area, Kdmp.stage == "operasional"))
        legal = s.scalar(select(func.count()).select_from(Kdmp)
                         .where(in_area, Kdmp.stage.in_(("sk_ahu", "operasional"))))
        stalled = s.scalar(select(func.count()).select_from(Kdmp).where(
            in_area, Kdmp.stage != "operasional", Kdmp.stage_changed_on < cutoff))
    return {"desa": desa, "operating": operating, "legal": legal, "stalled": stalled, "no_report": desa - on_record}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_ntt_metrics_and_tables(sqlite_url, lang):
    at = app(PAGE, query={"prov": "53"}, lang=lang)
    assert not at.exception
    want = _counts(sqlite_url, "53.")
    metrics = {m.label: m.value for m in at.metric}
    labels = METRICS[lang]
    assert metrics[labels[0]] == number(want["desa"], lang)
    assert metrics[labels[1]] == number(want["operating"], lang)
    assert metrics[labels[2]] == number(want["legal"], lang)
    assert metrics[labels[3]] == number(want["stalled"], lang)
    assert metrics[labels[4]] == number(want["no_report"], lang)
    # issue 20 point 3: the share on record, and the share operating of those on record
    recorded = want["desa"] - want["no_report"]
    pct = metrics[{"id": "% beroperasi (dari yang tercatat)", "en": "% operating (of those on record)"}[lang]]
    want_pct = f"{100 * want['operating'] / recorded:.1f}".replace(".", "," if lang == "id" else ".")
    assert pct.replace("\xa0", " ").startswith(want_pct), (pct, want_pct)
    no_report = [m for m in at.metric if m.label == labels[4]][0]
    assert "DEMO" not in (no_report.label + (no_report.proto.delta or ""))  # a count of what is unknown
    funnel = [d.value for d in at.dataframe if d.value.columns[0] == CODE[lang]][0]
    with Session(engine_module.get_engine(sqlite_url)) as s:
        regencies = s.scalar(select(func.count(func.distinct(Village.regency_code))).where(Village.code.like("53.%")))
    assert len(funnel) == regencies and set(funnel[CODE[lang]].str[:3]) == {"53."}


def test_kecamatan_link_narrows_to_one_kecamatan(sqlite_url):
    at = app(PAGE, query={"prov": "53", "kab": "53.01", "kec": "53.01.04"})
    assert not at.exception
    assert at.session_state["f_kec"] == ["53.01.04"]
    assert {m.label: m.value for m in at.metric}["Desa/kelurahan"] == number(_counts(sqlite_url, "53.01.04.")["desa"], "id")


def test_stalled_setting_from_the_link_changes_the_count(sqlite_url):
    at = app(PAGE, query={"prov": "53", "macet": "30"})
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Macet"] == number(_counts(sqlite_url, "53.", 30)["stalled"], "id")
    assert at.query_params.get("macet") in ("30", ["30"])


def test_desa_list_is_paged_and_its_download_is_every_page(sqlite_url, capture_downloads):  # noqa: F811
    at = app(PAGE, query={"prov": "53"})
    at.text_input(key="kdmp_search").set_value("oe").run()
    assert not at.exception
    with Session(engine_module.get_engine(sqlite_url)) as s:
        codes = s.scalars(select(Village.code).where(Village.code.like("53.%"), func.lower(Village.name).like("%oe%"))
                          .order_by(Village.code)).all()
    shown = [d.value for d in at.dataframe if "Tahap" in d.value.columns and "Kecamatan" in d.value.columns][0]
    assert list(shown["Kode"]) == codes[:50]
    (button,) = [b for b in at.get("download_button") if b.proto.id.endswith("kdmp_dl_list_csv")
                 or ("kdmp_dl_list" in b.proto.id and b.proto.label == "Unduh CSV")]
    csv = pd.read_csv(io.BytesIO(download_bytes(button, capture_downloads)), dtype=str, encoding="utf-8-sig")
    assert len(codes) > 50 and list(csv["Kode"]) == codes  # the whole search, not the page (issue 20 point 6)


def test_real_only_shows_no_report_and_the_published_figures(sqlite_url):
    at = app(PAGE, query={"nyata": "1"}, lang="en")
    assert not at.exception
    want = _counts(sqlite_url, "")
    metrics = {m.label: m.value for m in at.metric}
    # no record in view: unknown, not 0 (issue 20 point 1)
    assert metrics["No report"] == number(want["desa"], "en") and metrics["Operating"] == "–"
    assert metrics["% operating (of those on record)"] == "–"
    assert any("not 0" in c.value for c in at.caption)
    figures = [d.value for d in at.dataframe if "Figure" in d.value.columns][0]
    assert "409" in set(figures["Value"]) and "514" in set(figures["Of"])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pokja_page_satgas_kdmp_filter(sqlite_url, lang):
    at = app("pokja_status", query={"mandat": "satgas_kdmp", "prov": "11", "nyata": "1"}, lang=lang)
    assert not at.exception
    with Session(engine_module.get_engine(sqlite_url)) as s:
        formed = s.scalar(select(func.count()).select_from(Pokja).join(Mandate)
                          .where(Mandate.programme == "satgas_kdmp", Pokja.regency_code.like("11.%"),
                                 Pokja.stage == "terbentuk"))
    metrics = {m.label: m.value for m in at.metric}
    mandated = "Kab/kota wajib" if lang == "id" else "Regencies mandated"
    assert metrics[mandated] == number(formed, lang) == number(23, lang)  # Aceh: complete on 8 August 2025
    assert at.radio(key="pokja_programme").value == "satgas_kdmp"
    tally = [d.value for d in at.dataframe if ("Angka" if lang == "id" else "Figure") in d.value.columns]
    assert tally and len(tally[0]) > 0


def test_pokja_page_defaults_to_the_migrant_worker_pokja(sqlite_url):
    at = app("pokja_status", query={"prov": "53", "nyata": "1"})
    assert not at.exception
    assert at.radio(key="pokja_programme").value == "pokja_pmi"
    at.radio(key="pokja_programme").set_value("satgas_kdmp").run()
    assert not at.exception and at.query_params.get("mandat") in ("satgas_kdmp", ["satgas_kdmp"])


def test_desa_list_downloads_hold_every_page(capture_downloads):  # noqa: F811
    """Issue 20 point 6: the desa list shows one page of 50; its files hold every desa of the view, typed as the
    page is (codes as text), and the caption says so."""
    import re as _re

    at = app(PAGE, query={"prov": "53"})
    assert not at.exception
    (caption,) = [c.value for c in at.caption if "per halaman" in c.value]
    found = int(_re.match(r"^([\d.]+) desa", caption).group(1).replace(".", ""))
    assert found > 50 and "Unduhan memuat semua" in caption
    csv = pd.read_csv(io.BytesIO(download_bytes(at.download_button(key="kdmp_dl_list_csv"), capture_downloads)),
                      encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(csv) == found and csv["Kode"].str.match(r"^53\.\d{2}\.\d{2}\.\d{4}$").all()
    assert csv.columns[-1] == "Data demo"
