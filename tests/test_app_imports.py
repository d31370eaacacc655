"""AppTest of the Impor page: upload a CSV, see the preview, save, see the batch, undo it;
then the Riwayat page lists both, and downloads its table.

Runs against its own SQLite database (``DATABASE_URL`` pointed at it for the test), so the
shared fixture database is never written."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest
from sqlalchemy import func, select

from data_access import auth, preparation
from data_access import engine as engine_module
from data_access.auth import Identity
from data_access.models_cooperatives import CooperativeCount
from data_access.models_users import ImportBatch
from tests.apptest_helpers import app, capture_downloads, download_bytes  # noqa: F401 - fixture

CSV = ("Provinsi;Kabupaten/Kota;Per Tanggal;Jumlah Koperasi;Aktif;Tidak Aktif\r\n"
       "NTT;Kabupaten Kupang;31/12/2023;1.234;1.000;234\r\n"
       "NTT;Kupang;2023;10;5;5\r\n"
       "NTT;Kota Kupang;27 Februari 2020;611;;\r\n").encode("cp1252")


@pytest.fixture
def own_db(prepared_sqlite_url, monkeypatch):
    url = prepared_sqlite_url
    engine = engine_module.get_engine(url)
    preparation.prepare_database(engine, with_demo=False)
    auth.add_user("editor", role="editor", password="kata-sandi-uji-123", display_name="Editor NTT",
                  province_code="53", actor="test", engine=engine)
    monkeypatch.setenv("DATABASE_URL", url)
    return engine


def _signed_in(page: str, user: Identity):
    at = app()
    at.session_state["auth_user"] = user
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def _frame(at, column: str) -> pd.DataFrame:
    """The first table on the page with ``column`` (AppTest does not expose a table's key)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _count(engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(CooperativeCount))


def test_upload_preview_commit_and_undo(own_db):
    before = _count(own_db)
    at = _signed_in("imports", Identity("editor", "Editor NTT", "editor", "53"))
    at.selectbox(key="imp_kind").set_value("counts").run()
    at.file_uploader(key="imp_file").set_value(("angka.csv", CSV, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Baru": "2", "Berubah": "0", "Tetap": "0", "Ditolak": "1"}
    problems = _frame(at, "Alasan")
    # the reason second and pinned: on a 390 px phone the last column was cut off (issue 20 point 13)
    assert list(problems.columns) == ["Baris", "Alasan", "Kolom", "Nilai"]
    config = json.loads(next(d for d in at.dataframe if "Alasan" in d.value.columns).proto.columns)
    assert config["Alasan"]["pinned"] is True
    assert problems.iloc[0]["Baris"] == 3 and problems.iloc[0]["Kolom"] == "Kabupaten/Kota"
    assert "53.01" in problems.iloc[0]["Alasan"] and "53.71" in problems.iloc[0]["Alasan"]
    assert _count(own_db) == before  # the preview wrote nothing

    at.button(key="imp_commit").click().run()
    assert not at.exception, at.exception
    assert any("impor #" in s.value for s in at.success)
    assert _count(own_db) == before + 2
    # The same file again: everything unchanged, nothing to save.
    assert {m.label: m.value for m in at.metric} == {"Baru": "0", "Berubah": "0", "Tetap": "2", "Ditolak": "1"}
    assert at.button(key="imp_commit").disabled
    batches = _frame(at, "Berkas")
    assert batches.iloc[0]["Berkas"] == "angka.csv" and batches.iloc[0]["Status"] == "berlaku"
    assert batches.iloc[0]["Oleh"] == "Editor NTT"

    with engine_module.session_scope(own_db) as s:
        batch_id = s.scalar(select(ImportBatch.id))
    assert any("2 baris sudah ada dan sama, 1 baris ditolak" in i.value for i in at.info)  # not "semua baris"
    assert at.checkbox(key=f"imp_undo_confirm_{batch_id}").label == (
        "Ya, batalkan impor ini (2 baris baru dihapus, 0 baris berubah dipulihkan)")
    assert at.selectbox(key="imp_undo_batch").label == "Impor yang akan dibatalkan"
    at.checkbox(key=f"imp_undo_confirm_{batch_id}").check().run()
    at.button(key="imp_undo").click().run()
    assert not at.exception, at.exception
    # In the file's terms (the preview said "Baru 2"), not the stored records behind them (+ the source).
    assert [s.value for s in at.success if "dibatalkan" in s.value] == [
        f"Impor #{batch_id} (angka.csv) dibatalkan: 2 baris baru dari berkas dihapus, "
        "0 baris berubah dikembalikan ke nilai sebelumnya."]
    assert _count(own_db) == before
    assert _frame(at, "Berkas").iloc[0]["Status"] == "dibatalkan"
    with engine_module.session_scope(own_db) as s:
        assert s.scalar(select(ImportBatch.status)) == "undone"

    history = _signed_in("history", Identity("editor", "Editor NTT", "editor", "53"))
    table = _frame(history, "Tindakan")
    assert list(table["Tindakan"][:2]) == ["batalkan impor", "impor"]
    assert set(table["Rincian"].iloc[0].split(", ")) == {"Baris baru dihapus: 2", "Baris berubah dipulihkan: 0"}
    assert set(table["Pengguna"][:2]) == {"editor"}


def test_xlsx_upload_and_templates(own_db, capture_downloads):  # noqa: F811 - fixture
    from openpyxl import Workbook, load_workbook

    workbook = Workbook()
    workbook.active.append(["Kabupaten/Kota", "Mandat", "Tahap", "Tanggal"])
    workbook.active.append(["Kabupaten Belu", "MOU-NTT-2019-POKJA-PMI", "terbentuk", "02/03/2020"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    at = _signed_in("imports", Identity("editor", None, "editor", "53"))
    at.selectbox(key="imp_kind").set_value("pokja").run()
    template = load_workbook(io.BytesIO(download_bytes(
        next(b for b in at.get("download_button") if b.proto.id.endswith("imp_tpl_xlsx")), capture_downloads)))
    assert [c.value for c in template["Data"][1]][:4] == ["Kabupaten/Kota", "Provinsi", "Kode Wilayah", "Mandat"]
    at.file_uploader(key="imp_file").set_value(("pokja.xlsx", buffer.getvalue(), "application/octet-stream"))
    at.run()
    assert {m.label: m.value for m in at.metric}["Baru"] == "1"


def test_all_rejected_says_so_and_undo_leaves_the_next_import_unticked(own_db):
    """Issue 20 points 9–10: a file whose every row is refused says so (not "already there"); after an
    undo the next import is offered with its confirmation unticked; Impor and Riwayat show the same
    time in one zone (the editor's province: WITA), named."""
    editor = Identity("editor", "Editor NTT", "editor", "53")
    at = _signed_in("imports", editor)
    at.selectbox(key="imp_kind").set_value("counts").run()
    refused = b"Provinsi;Kabupaten/Kota;Per Tanggal;Jumlah Koperasi\r\nNTT;Kupang;2023;10\r\n"
    at.file_uploader(key="imp_file").set_value(("ditolak.csv", refused, "text/csv"))
    at.run()
    assert any("semua 1 baris ditolak" in w.value for w in at.warning), [w.value for w in at.warning]
    assert not any("sudah ada dan sama" in i.value for i in at.info)
    for name, csv in (("satu.csv", CSV), ("dua.csv", CSV.replace(b"1.234", b"1.235"))):
        at.file_uploader(key="imp_file").set_value((name, csv, "text/csv"))
        at.run()
        at.button(key="imp_commit").click().run()
        assert not at.exception, at.exception
    with engine_module.session_scope(own_db) as s:
        first, second = s.scalars(select(ImportBatch.id).order_by(ImportBatch.id)).all()
    at.selectbox(key="imp_undo_batch").set_value(second).run()
    at.checkbox(key=f"imp_undo_confirm_{second}").check().run()
    at.button(key="imp_undo").click().run()
    assert not at.exception, at.exception
    assert at.selectbox(key="imp_undo_batch").value == first
    assert at.checkbox(key=f"imp_undo_confirm_{first}").value is False
    assert at.button(key="imp_undo").disabled
    batches = _frame(at, "Berkas")
    assert "Waktu (WITA)" in batches.columns
    imported = batches.loc[batches["Berkas"] == "satu.csv", "Waktu (WITA)"].iloc[0]
    history = _frame(_signed_in("history", editor), "Tindakan")
    assert imported in set(history["Waktu (WITA)"]) and imported.endswith(" WITA")


def test_history_download_matches_the_table(own_db, capture_downloads):  # noqa: F811 - fixture
    at = _signed_in("history", Identity("editor", None, "editor", "53"))
    shown = _frame(at, "Tindakan")
    assert list(shown["Tindakan"]) == ["tambah akun"]  # the fixture's own add_user
    csv_button = next(b for b in at.get("download_button") if b.proto.id.endswith("hist_csv"))
    downloaded = pd.read_csv(io.BytesIO(download_bytes(csv_button, capture_downloads)), encoding="utf-8-sig")
    assert list(downloaded.columns) == list(shown.columns)
    assert len(downloaded) == len(shown)
    # the three formats every table offers (the walkthrough found no "CSV (Excel Indonesia)" here)
    assert {b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")} >= {"hist_csv", "hist_csvid",
                                                                                   "hist_xlsx"}
    excel_id = next(b for b in at.get("download_button") if b.proto.id.endswith("hist_csvid"))
    as_excel = pd.read_csv(io.BytesIO(download_bytes(excel_id, capture_downloads)), sep=";", encoding="utf-8-sig")
    assert list(as_excel.columns) == list(shown.columns) and len(as_excel) == len(shown)


REPORT = ("Atambua, kominfo.belukab.go.id – Wakil Bupati Belu membuka Rapat Koordinasi Perlindungan Pekerja "
          "Migran Indonesia tingkat Kabupaten Belu, Selasa (12/3/2024), bertempat di Aula Hotel Matahari Atambua. "
          "Rapat diselenggarakan Dinas Tenaga Kerja dan Transmigrasi Kabupaten Belu dan diikuti 45 peserta.\n")
SEED_REPORT = ("Oelamasi, swaratimor.co.id – Plt. Sekretaris Daerah Kabupaten Kupang, Novita Foenay membuka rapat "
               "koordinasi koperasi tingkat Kabupaten Kupang, Kamis (1/12/2022), di Hotel Neo Aston Kota Kupang.\n")


def _extract(at, text: str):
    at.text_area(key="ex_text").input(text)
    at.button(key="ex_run").click().run()
    assert not at.exception, at.exception
    return at


def test_extract_a_report_correct_it_and_save(own_db):
    from data_access.models_meetings import Meeting
    from data_access.models_reference import Source

    at = _signed_in("extract_news", Identity("editor", "Editor NTT", "editor", "53"))
    _extract(at, REPORT)
    proposal = _frame(at, "Bukti dalam teks")
    assert "Aula Hotel Matahari" in list(proposal["Usulan"])
    assert at.text_input(key="ex_f_title").value.startswith("Rapat Koordinasi Perlindungan Pekerja Migran")
    assert at.selectbox(key="ex_f_regency").value == "53.04"
    at.text_input(key="ex_f_title").input("Rakor Perlindungan PMI Kabupaten Belu 2024")  # the editor corrects
    at.number_input(key="ex_f_participants").set_value(50).run()
    at.button(key="ex_save").click().run()
    assert not at.exception, at.exception
    assert any("tersimpan" in s.value for s in at.success)
    with engine_module.session_scope(own_db) as s:
        meeting = s.scalar(select(Meeting).where(Meeting.title == "Rakor Perlindungan PMI Kabupaten Belu 2024"))
        assert (meeting.participants, meeting.province_code, meeting.venue) == (50, "53", "Aula Hotel Matahari")
        assert s.get(Source, meeting.source_id).outlet == "kominfo.belukab.go.id"
    at.button(key="ex_save").click().run()  # the same report again
    assert any("sudah tersimpan" in s.value for s in at.success)


def test_a_report_of_a_stored_meeting_is_added_as_its_source(own_db):
    from data_access.models_meetings import Meeting, MeetingSource

    with engine_module.session_scope(own_db) as s:
        meetings = s.scalar(select(func.count()).select_from(Meeting))
    at = _signed_in("extract_news", Identity("editor", None, "editor", "53"))
    _extract(at, SEED_REPORT)
    assert any("Rapat serupa" in i.value for i in at.info)
    choice = at.radio(key="ex_f_merge")
    assert choice.value != "new"
    at.button(key="ex_save").click().run()
    assert any("sumber rapat" in s.value for s in at.success)
    with engine_module.session_scope(own_db) as s:
        assert s.scalar(select(func.count()).select_from(Meeting)) == meetings
        assert s.scalar(select(func.count()).select_from(MeetingSource)) == 1


def test_a_further_report_is_listed_in_the_meetings_detail(own_db):
    """The second outlet's report of a stored meeting shows under the meeting's own source."""
    from data_access.models_meetings import Meeting, MeetingSource
    from data_access.models_reference import Source

    at = _signed_in("extract_news", Identity("editor", None, "editor", "53"))
    _extract(at, SEED_REPORT)
    at.button(key="ex_save").click().run()
    with engine_module.session_scope(own_db) as s:
        meeting_id, further_id = s.execute(select(MeetingSource.meeting_id, MeetingSource.source_id)).one()
        first, further = s.get(Source, s.get(Meeting, meeting_id).source_id), s.get(Source, further_id)
        first_cited = f"{first.outlet} · {first.headline}"
        further_cited = " · ".join(p for p in (further.outlet, further.headline, further.url) if p)
    assert further.id != first.id
    at.switch_page("pages/meetings.py").run()
    at.selectbox(key="mtg_detail").set_value(meeting_id).run()
    assert not at.exception, at.exception
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Juga diberitakan oleh (1 sumber lain)") for c in captions), captions
    shown = [x.value for x in at.text]
    at_first = next(i for i, x in enumerate(shown) if x.startswith(first_cited))
    assert shown[at_first + 1] == further_cited, shown  # right under the meeting's own source


FIGURES_REPORT = (  # a report whose figures have their own date and leave one count only implied
    "WAINGAPU - Dari 356 koperasi yang tercatat di Kabupaten Sumba Timur hingga 31 Desember 2023, sebanyak "
    "129 unit tidak beroperasi lagi. Hal itu disampaikan dalam rapat koordinasi perkoperasian di aula kantor "
    "bupati, Selasa (12/3/2024). Di Kecamatan Kota Waingapu terdapat 40 koperasi.\n")


@pytest.mark.parametrize(("lang", "field", "note", "warning_phrase"), [
    (None, "Isian", "Catatan", "turunan"), ("en", "Field", "Note", "derived")])
def test_extraction_shows_per_field_evidence_translated_warnings_and_the_figures_date(
        own_db, lang, field, note, warning_phrase):
    at = app(lang=lang)
    at.session_state["auth_user"] = Identity("editor", "Editor NTT", "editor", "53")
    at.switch_page("pages/extract_news.py").run()
    _extract(at, FIGURES_REPORT)
    table = _frame(at, note)
    notes = " ".join(table[note])
    assert warning_phrase in notes and "ex_warn_" not in notes  # translated, never a raw key
    evidence = dict(zip(table[field], table[table.columns[2]], strict=True))
    assert any("356" in quote for quote in evidence.values())
    assert at.date_input(key="ex_f_fig_as_of").value == dt.date(2023, 12, 31)  # the figures' date, not 12/3/2024
    assert at.date_input(key="ex_f_held_on").value == dt.date(2024, 3, 12)
    assert (at.number_input(key="ex_f_fig_total").value, at.number_input(key="ex_f_fig_inactive").value) == (356, 129)
    assert at.number_input(key="ex_f_fig_active").value is None  # 227 only implied: shown, not filled in
    assert at.selectbox(key="ex_f_fig_area").value == "53.11"


def test_a_published_table_shows_its_layout_code_reading_and_total_check(own_db):
    from tests.import_case_helpers import case

    at = _signed_in("imports", Identity("editor", None, "editor", "53"))
    at.selectbox(key="imp_kind").set_value("counts").run()
    at.file_uploader(key="imp_file").set_value(("f03_bps_dalam_angka.xlsx", case("f03_bps_dalam_angka.xlsx"),
                                                "application/octet-stream"))
    at.run()
    assert not at.exception, at.exception
    assert {m.label: m.value for m in at.metric} == {"Baru": "8", "Berubah": "0", "Tetap": "0", "Ditolak": "0"}
    shown = " ".join(m.value for m in at.markdown)
    assert "Tata letak terdeteksi: tabel berjudul" in shown
    assert "Nusa Tenggara Timur (53)" in shown and "Kabupaten Kupang (53.01)" in shown  # title, BPS rule
    assert any("TIDAK cocok" in w.value for w in at.warning)  # the total row's check
    codes = "\n".join(c.value for c in at.code)  # examples of the published layouts beside the templates
    assert "bps_kode_kabupaten_kota" in codes and "judul" in codes


def test_an_agenda_row_of_a_stored_meeting_is_attached_as_its_source(own_db):
    from data_access.models_meetings import MeetingSource
    from tests.import_case_helpers import case

    at = _signed_in("imports", Identity("editor", None, "editor", "53"))  # NTT only: Jatim and NTB rows refused
    at.selectbox(key="imp_kind").set_value("meetings").run()
    at.file_uploader(key="imp_file").set_value(("f06_agenda_dinas.csv", case("f06_agenda_dinas.csv"), "text/csv"))
    at.run()
    assert {m.label: m.value for m in at.metric}["Ditolak"] == "3"
    same = _frame(at, "Rapat tersimpan")
    assert list(same["Baris"]) == [2] and "Nusa Tenggara Timur" in same.iloc[0]["Rapat tersimpan"]
    at.radio(key="imp_same").set_value("attach").run()
    assert {m.label: m.value for m in at.metric} == {"Baru": "3", "Berubah": "1", "Tetap": "0", "Ditolak": "2"}
    at.button(key="imp_commit").click().run()
    assert not at.exception, at.exception
    with engine_module.session_scope(own_db) as s:
        assert s.scalar(select(func.count()).select_from(MeetingSource)) == 1


def test_a_chosen_date_is_said_back_in_words(own_db):
    """Issue 20 point 10: the date picker turns a typed 31/02/2024 into 29/02/2024 without a word; the
    day chosen is said back, weekday included, under the picker."""
    import datetime as dt

    at = _signed_in("history", Identity("editor", None, "editor", "53"))
    assert not any(c.value.startswith("Tanggal dipilih") for c in at.caption)
    at.date_input(key="hist_from").set_value(dt.date(2024, 2, 29)).run()
    assert "Tanggal dipilih: Kamis, 29 Februari 2024" in [c.value for c in at.caption]
