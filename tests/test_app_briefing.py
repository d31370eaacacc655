"""AppTest: "Buat bahan rapat" on a dashboard page freezes the view; ``?snapshot=ID`` shows the frozen
figures with their stamp; both languages."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest

from data_access import cooperatives, preparation, snapshots
from data_access import engine as engine_module
from data_access import filters as flt
from tests.apptest_helpers import app, capture_downloads, download_bytes  # noqa: F401 - fixture
from ui.formatting import number


def _made_id(at) -> int:
    (made,) = [s.value for s in at.success if "#" in s.value]
    return int(re.search(r"#(\d+)", made).group(1))


@pytest.mark.parametrize(("page", "lang", "label", "pdf_title"), [
    ("cooperatives", "id", "Buat bahan rapat", "Bahan Rapat Koordinasi"),
    ("pokja_status", "en", "Make a briefing pack", "Coordination meeting briefing"),
])
def test_button_makes_a_pack_of_the_view(sqlite_url, capture_downloads, page, lang, label, pdf_title):  # noqa: F811
    at = app(page, query={"prov": "53"}, lang=lang)
    assert not at.exception
    (button,) = [b for b in at.button if b.label == label]
    button.click().run()
    assert not at.exception
    snapshot_id = _made_id(at)
    eng = engine_module.get_engine(sqlite_url)
    stored = snapshots.load(snapshot_id, eng)
    assert stored.content["filters"] == {"prov": "53"} and stored.lang == lang
    page_key = {"cooperatives": "koperasi", "pokja_status": "pokja"}[page]
    pdf_button = at.download_button(key=f"briefing_pack_{page_key}_pdf")
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(download_bytes(pdf_button, capture_downloads))).pages)
    registered = int(cooperatives.health_by_area(flt.Filters(provinces=("53",)), "kabupaten_kota",
                                                 engine=eng)["registered"].sum())
    assert pdf_title in text and f" {number(registered, lang)}" in text and stored.figures_hash[:16] in text


def test_button_makes_a_pack_on_postgresql(postgresql_url, monkeypatch):
    """The same button with the app on PostgreSQL (the other AppTests run on the SQLite fixture)."""
    monkeypatch.setenv("DATABASE_URL", postgresql_url)
    at = app("meetings", query={"prov": "53"})
    assert not at.exception
    (button,) = [b for b in at.button if b.label == "Buat bahan rapat"]
    button.click().run()
    assert not at.exception
    stored = snapshots.load(_made_id(at), engine_module.get_engine(postgresql_url))
    assert stored.page == "rakor" and stored.content["filters"] == {"prov": "53"}
    frozen = app(query={"snapshot": str(stored.id)})
    assert not frozen.exception and f"#{stored.id}" in frozen.title[0].value


def test_snapshot_link_shows_the_frozen_figures(sqlite_url):
    eng = engine_module.get_engine(sqlite_url)
    frozen = snapshots.create(flt.Filters(provinces=("53",)), page="rakor", engine=eng)
    at = app(query={"snapshot": str(frozen.id)})
    assert not at.exception
    assert f"#{frozen.id}" in at.title[0].value
    assert any(f"Snapshot #{frozen.id}" in w.value and "WITA" in w.value for w in at.warning)
    assert any("/rakor?prov=53" in m.value for m in at.markdown)  # the link to today's view
    shown = {m.label.removesuffix(" (DEMO)"): m.value for m in at.metric}
    held = next(h["value"] for h in frozen.content["headline"] if h["key"] == "held")
    assert shown["Rakor terlaksana"] == number(held, "id")
    missing = app(query={"snapshot": str(frozen.id + 10_000)}, lang="en")
    assert not missing.exception
    assert any("briefing snapshot not found" in w.value for w in missing.warning)  # noted at the top
    assert "snapshot" not in missing.query_params and any(m.label for m in missing.metric)  # today's view


def test_riwayat_subscribes_and_shows_a_failed_send(prepared_db_url, monkeypatch):
    import socket

    from briefing import digest_send
    from data_access import auth, digest
    from data_access.auth import Identity

    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    auth.add_user("editor", role="editor", password=None, province_code="53", actor="test", engine=eng)
    monkeypatch.setenv("DATABASE_URL", prepared_db_url)
    at = app()
    at.session_state["auth_user"] = Identity("editor", None, "editor", "53")
    at.switch_page("pages/history.py").run()
    assert not at.exception
    at.text_input(key="dg_email").input("pejabat@ntt.go.id")
    sections = at.multiselect(key="dg_sections")
    assert sections.value == ["rakor", "pokja", "merah-putih", "koperasi"]  # every page unless narrowed
    assert "Rakor (baru dan terlaksana)" in sections.options
    sections.set_value(["merah-putih", "rakor"])
    at.button[[b.label for b in at.button].index("Berlangganan")].click().run()
    assert not at.exception and any("disimpan" in s.value for s in at.success)
    (made,) = digest.subscriptions("editor", engine=eng).itertuples()
    assert made.provinces == "53" and made.email == "pejabat@ntt.go.id" and made.sections == "rakor,merah-putih"
    assert any("KDMP (kemajuan dan macet)" in m.value for m in at.markdown)  # the page lists the chosen ones
    with socket.socket() as s:  # a port nobody listens on: the mail server is down
        s.bind(("127.0.0.1", 0))
        down = digest_send.Smtp(host="127.0.0.1", port=s.getsockname()[1])
    (result,) = digest_send.run(dt.datetime(2026, 12, 7, 3, tzinfo=dt.UTC), eng, down)
    assert result["status"] == "failed"
    at.switch_page("pages/history.py").run()
    sends = next(d.value for d in at.dataframe if "Hasil" in d.value.columns)
    assert list(sends["Hasil"]) == ["failed"] and "pejabat@ntt.go.id" in list(sends["Penerima"])
    (chooser,) = [s for s in at.sidebar.selectbox if s.key == "lang"]  # the same page in English
    chooser.set_value("en").run()
    assert not at.exception and at.multiselect(key="dg_sections").label == "Sections covered (empty = all)"
    assert any("KDMP (progress and stalls)" in m.value for m in at.markdown)
