"""AppTest: the Impor page offers the kdmp kind with its template, previews and saves a Dinas's
per-desa KDMP list; the Koperasi Merah Putih page then shows the imported figures.

Own SQLite database (no demo data), so the shared fixture is never written; expected figures are
direct SQL counts."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from data_access import auth, preparation
from data_access import engine as engine_module
from data_access.auth import Identity
from data_access.models_kdmp import Kdmp, Village
from tests.apptest_helpers import app, capture_downloads, download_bytes  # noqa: F401 - fixture
from tests.test_import_kdmp import DINAS_FILE, PASSWORD


@pytest.fixture
def own_db(prepared_sqlite_url, monkeypatch):
    url = prepared_sqlite_url
    engine = engine_module.get_engine(url)
    preparation.prepare_database(engine, with_demo=False)
    auth.add_user("dinas", role="editor", password=PASSWORD, display_name="Dinas Koperasi NTT",
                  province_code="53", actor="test", engine=engine)
    monkeypatch.setenv("DATABASE_URL", url)
    return engine


def _sql_counts(engine, regency: str) -> dict[str, int]:
    with engine.connect() as conn:
        in_regency = Kdmp.regency_code == regency
        return {
            "desa": conn.scalar(select(func.count()).select_from(Village).where(Village.regency_code == regency)),
            "operating": conn.scalar(select(func.count()).select_from(Kdmp)
                                     .where(in_regency, Kdmp.stage == "operasional")),
            "legal": conn.scalar(select(func.count()).select_from(Kdmp)
                                 .where(in_regency, Kdmp.stage.in_(("sk_ahu", "operasional")))),
            "records": conn.scalar(select(func.count()).select_from(Kdmp).where(in_regency)),
        }


def test_impor_page_saves_a_kdmp_list_and_the_kdmp_page_shows_it(own_db, capture_downloads):  # noqa: F811
    at = app()
    at.session_state["auth_user"] = Identity("dinas", "Dinas Koperasi NTT", "editor", "53")
    at.switch_page("pages/imports.py").run()
    assert not at.exception, at.exception
    at.selectbox(key="imp_kind").set_value("kdmp").run()
    assert not at.exception, at.exception
    template = load_workbook(io.BytesIO(download_bytes(
        next(b for b in at.get("download_button") if b.proto.id.endswith("imp_tpl_xlsx")), capture_downloads)))
    headers = [c.value for c in template["Data"][1]]
    assert headers[:4] == ["Desa/Kelurahan", "Kode Desa", "Kecamatan", "Kabupaten/Kota"]
    assert {"Tahap", "Tanggal Musdesus", "Nomor SK AHU", "Gerai"} <= set(headers)
    assert any("Tumu" in c.value for c in at.code)  # the examples of published layouts

    at.file_uploader(key="imp_file").set_value(("kdmp-tts.csv", DINAS_FILE, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    assert {m.label: m.value for m in at.metric} == {"Baru": "7", "Berubah": "0", "Tetap": "0", "Ditolak": "5"}
    assert _sql_counts(own_db, "53.02")["records"] == 0  # the preview wrote nothing
    at.button(key="imp_commit").click().run()
    assert not at.exception, at.exception
    assert any("impor #" in s.value for s in at.success)

    want = _sql_counts(own_db, "53.02")
    assert want["records"] == 7
    page = app("kdmp", query={"prov": "53", "kab": "53.02"})
    assert not page.exception, page.exception
    metrics = {m.label: m.value for m in page.metric}
    assert metrics["Desa/kelurahan"] == f"{want['desa']:,}".replace(",", ".")
    assert metrics["Beroperasi"] == str(want["operating"])
    assert metrics["Berbadan hukum"] == str(want["legal"])
    assert metrics["Tidak ada data"] == f"{want['desa'] - want['records']:,}".replace(",", ".")
