"""Briefing pack (issue 23): the PDF's text holds the figures of the view, the XLSX the same figures
and stamp, a stored snapshot reproduces after the data change, the CLI writes both files."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pypdf
from sqlalchemy import func, select

from briefing import pdf, xlsx
from data_access import briefing_content, cooperatives, demo, preparation, snapshots
from data_access import engine as engine_module
from data_access import filters as flt
from data_access.models_briefing import BriefingSnapshot
from data_access.models_meetings import Meeting
from ui.formatting import number

REPO = Path(__file__).resolve().parents[1]
NTT = flt.Filters(provinces=("53",))


def _unsaved(content: dict) -> snapshots.Snapshot:
    """A snapshot object that is not stored (the shared fixture databases stay as they are)."""
    return snapshots.Snapshot(7, dt.datetime(2026, 12, 4, 6, 5), None, "ringkasan", "prov=53", "id", 3,
                              snapshots.hash_of(content), content)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_pdf_holds_the_figures_of_the_view(db_engine):
    content = briefing_content.collect(NTT, engine=db_engine)
    snapshot = _unsaved(content)
    text = _pdf_text(pdf.render(snapshot, "id", base_url="https://pantau.example"))
    with db_engine.connect() as conn:  # counted directly, not through the code under test
        held = conn.execute(select(func.count()).select_from(Meeting).where(
            Meeting.province_code == "53", Meeting.status == "held")).scalar_one()
    assert f"Rakor terlaksana {number(held, 'id')}" in text
    health = cooperatives.health_by_area(NTT, "kabupaten_kota", engine=db_engine)  # what Kesehatan Koperasi shows
    assert len(health) == 22
    for row in health.itertuples():
        assert f"{row.area_code} {row.area_name} {number(row.registered, 'id')} {number(row.active, 'id')}" in text
    assert "Snapshot #7 · 4/12/2026 14.05 WITA · versi data 3" in text  # the footer stamp, in WITA
    assert snapshot.figures_hash[:16] in text
    assert "https://pantau.example/?snapshot=7" in text
    assert "DEMO" in text  # the fixture holds demo data: marked
    english = _pdf_text(pdf.render(snapshot, "en"))
    assert f"Meetings held {number(held, 'en')}" in english and "Sources and as-of dates" in english


def test_xlsx_holds_the_same_figures_and_stamp(sqlite_url):
    eng = engine_module.get_engine(sqlite_url)
    content = briefing_content.collect(NTT, engine=eng)
    book = openpyxl.load_workbook(io.BytesIO(xlsx.render(_unsaved(content), "en")))
    stamp = {row[0]: row[1] for row in book["Stamp"].iter_rows(values_only=True)}
    assert stamp["Figures hash (SHA-256)"] == snapshots.hash_of(content) and stamp["Snapshot id"] == 7
    rows = list(book["Cooperative health per area"].iter_rows(values_only=True))
    health = cooperatives.health_by_area(NTT, "kabupaten_kota", engine=eng)
    assert [r[-6:-1] for r in rows[1:]] == [(a, n, int(g), int(c), int(i)) for a, n, g, c, i in
                                           health[["area_code", "area_name", "registered", "active", "inactive"]]
                                           .itertuples(index=False)]


def test_snapshot_reproduces_after_the_data_change(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    frozen = snapshots.create(flt.Filters(), page="koperasi", lang="id", user="tester", engine=eng)
    demo.generate(eng, "small", 42)  # new figures everywhere
    again = snapshots.load(frozen.id, eng)
    assert again.content == frozen.content and snapshots.hash_of(again.content) == frozen.figures_hash
    assert again.page == "koperasi" and again.created_by == "tester"
    today = briefing_content.collect(flt.Filters(), engine=eng)
    assert today["headline"][0]["value"] > frozen.content["headline"][0]["value"]  # the live view moved on
    assert _pdf_text(pdf.render(again)) == _pdf_text(pdf.render(snapshots.load(frozen.id, eng)))
    assert snapshots.load(frozen.id + 1000, eng) is None


def test_snapshot_reproduces_after_an_import_and_its_undo(prepared_db_url):
    """A meeting imported, frozen, then the import undone: the live view loses it, the snapshot keeps it."""
    from data_access import auth, imports

    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    auth.add_user("ntt", role="editor", password=None, province_code="53", actor="test", engine=eng)
    ntt = flt.Filters(provinces=("53",), today=dt.date(2026, 12, 5))
    held_before = briefing_content.collect(ntt, engine=eng)["headline"][2]
    data = b"Judul;Tanggal;Kode Wilayah;Status;Sumber\r\nRakor Uji Bahan Rapat;2024-05-02;53.04;terlaksana;Media Uji\r\n"
    report = imports.commit("meetings", data, "rakor.csv", user="ntt", engine=eng)
    assert report.committed, report
    frozen = snapshots.create(ntt, page="rakor", engine=eng)
    titles = [row[1] for row in next(s for s in frozen.content["sections"] if s["key"] == "meetings_past")["rows"]]
    assert "Rakor Uji Bahan Rapat" in titles
    (uji,) = [src for src in frozen.content["sources"] if src["outlet"] == "Media Uji"]
    assert uji["headline"] is None and uji["url"] is None  # a source without a title: empty, never "nan"
    assert imports.undo(report.batch_id, user="ntt", engine=eng).error is None
    assert briefing_content.collect(ntt, engine=eng)["headline"][2] == held_before  # the live view: gone
    again = snapshots.load(frozen.id, eng)
    assert again.content == frozen.content and snapshots.hash_of(again.content) == frozen.figures_hash
    assert "Rakor Uji Bahan Rapat" in _pdf_text(pdf.render(again))


def test_cli_pack_writes_both_files_and_refuses_unknown_codes(prepared_db_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": prepared_db_url, "PANTAU_PUBLIC_URL": "https://pantau.example"}
    done = subprocess.run([sys.executable, "-m", "data_access", "pack", "--prov", "53", "--lang", "en", "--out",
                           str(tmp_path)], cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert made["permalink"] == f"https://pantau.example/?snapshot={made['snapshot']}"
    assert "Coordination meeting briefing" in _pdf_text(Path(made["pdf"]).read_bytes())
    book = openpyxl.load_workbook(made["xlsx"])
    assert {r[0]: r[1] for r in book["Stamp"].iter_rows(values_only=True)}["Figures hash (SHA-256)"] == \
        made["figures_hash"]
    refused = subprocess.run([sys.executable, "-m", "data_access", "pack", "--prov", "99", "--out", str(tmp_path)],
                             cwd=REPO, env=env, capture_output=True, text=True)
    assert refused.returncode == 2 and "prov='99'" in refused.stderr
    eng = engine_module.get_engine(prepared_db_url)
    with eng.connect() as conn:
        assert conn.execute(select(func.count()).select_from(BriefingSnapshot)).scalar_one() == 1
