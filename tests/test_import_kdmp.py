"""The ``kdmp`` import kind on SQLite and PostgreSQL: a Dinas's per-desa list of Koperasi Merah
Putih, a portal's snake_case export, row errors, idempotent re-import, undo, the demo rule.

Expected stages and dates are written out below from the lists themselves; the desa codes from
``seed_data/villages.csv.gz`` (Kabupaten Timor Tengah Selatan, 53.02).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access import auth, imports, kdmp_records, preparation
from data_access import engine as engine_module
from data_access.demo_guard import SyntheticReferenceError
from data_access.models_kdmp import Kdmp, KdmpStageChange
from data_access.models_reference import Source
from tests.conftest import _create_pg_database, _pg_server_url
from tests.test_imports import PASSWORD, facts

D = dt.date
TITLE = "DATA PROGRES PEMBENTUKAN KOPERASI DESA/KELURAHAN MERAH PUTIH KABUPATEN TIMOR TENGAH SELATAN"
HEADER = ["No", "Kode Desa", "Nama Desa/Kelurahan", "Kecamatan", "Kabupaten", "Provinsi", "Status Pembentukan",
          "Tgl Musdesus", "Tgl Akta Notaris", "No. Akta", "Tgl SK AHU", "No. SK AHU", "Tgl Mulai Operasional",
          "Gerai", "Gudang", "Klinik", "Simpan Pinjam", "Keterangan"]
TTS, NTT = "Kab. Timor Tengah Selatan", "Nusa Tenggara Timur"


def row(no, code, desa, kec, stage, mus="", akta="", akta_no="", sk="", sk_no="", ops="", flags=("", "", "", "")):
    return [str(no), code, desa, kec, TTS, NTT, stage, mus, akta, akta_no, sk, sk_no, ops, *flags, ""]


DINAS = [
    row(1, "", "Biloto", "Mollo Selatan", "Beroperasi", "12 Mei 2025", "03/06/2025", "05", "21/07/2025",
        "AHU-0001234.AH.01.29.TAHUN 2025", "1 Oktober 2025", ("Ada", "Tidak", "Belum", "Ya")),
    row(2, "", "Kesetnana", "Kec. Mollo Selatan", "SK AHU Terbit", "13/05/2025", "4 Juni 2025", "11", "28 Juli 2025",
        "AHU-0002345.AH.01.29.TAHUN 2025"),
    row(3, "", "Oinlasi", "Mollo Selatan", "Akta Notaris", "14 Mei 2025", "10/06/2025", "19"),
    row(4, "", "Kel. Niki-Niki", "Amanuban Tengah", "Sudah Musdesus", "15/05/2025"),
    row(5, "53.02.05.2005", "Tumu", "Amanuban Tengah", "Akta Notaris", "16 Mei 2025", "11/06/2025", "23"),
    row(6, "", "TUMU", "Amanatun Utara", "Sudah Musdesus", "17 Mei 2025"),
    row(7, "", "Oeekam", "Amanuban Tengah", "SK AHU", "12/05/2025", "02/06/2025", "08", "30/07/2025"),
    row(8, "", "Tumu", "", "Sudah Musdesus", "18/05/2025"),                       # in two kecamatan
    row(9, "", "Antah Berantah", "Mollo Selatan", "Sudah Musdesus", "18/05/2025"),  # no such desa
    row(10, "53.02.09.2001", "Fotilo", "Amanatun Utara", "Sudah Musdesus", "19/05/2025"),  # code = Lilo
    row(11, "", "Bisene", "Mollo Selatan", "SK AHU", "19/05/2025", "12/06/2025"),  # SK AHU without its date
    row(12, "", "Noinbila", "Mollo Selatan", "Akta Notaris", "20/06/2025", "10/06/2025"),  # deed before musdesus
]
# village code → (stage, musdesus_on, deed_on, sk_ahu_on, operational_on, deed_number, has_outlet, has_clinic)
EXPECTED = {
    "53.02.02.2001": ("operasional", D(2025, 5, 12), D(2025, 6, 3), D(2025, 7, 21), D(2025, 10, 1), "05", True, False),
    "53.02.02.2003": ("sk_ahu", D(2025, 5, 13), D(2025, 6, 4), D(2025, 7, 28), None, "11", None, None),
    "53.02.02.2008": ("akta_notaris", D(2025, 5, 14), D(2025, 6, 10), None, None, "19", None, None),
    "53.02.05.1010": ("musdesus", D(2025, 5, 15), None, None, None, None, None, None),
    "53.02.05.2005": ("akta_notaris", D(2025, 5, 16), D(2025, 6, 11), None, None, "23", None, None),
    "53.02.09.2005": ("musdesus", D(2025, 5, 17), None, None, None, None, None, None),
    "53.02.05.2003": ("sk_ahu", D(2025, 5, 12), D(2025, 6, 2), D(2025, 7, 30), None, "08", None, None),
}
DATED = {"53.02.02.2001": 4, "53.02.02.2003": 3, "53.02.02.2008": 2, "53.02.05.1010": 1, "53.02.05.2005": 2,
         "53.02.09.2005": 1, "53.02.05.2003": 3}


def csv_bytes(rows: list[list[str]], delimiter: str = ";") -> bytes:
    return "\r\n".join(delimiter.join(r) for r in rows).encode("utf-8")


DINAS_FILE = csv_bytes([[TITLE, *[""] * (len(HEADER) - 1)], HEADER, *DINAS])  # as Excel saves it
PORTAL_FILE = csv_bytes([
    ["kode_desa", "nama_desa", "nama_kecamatan", "nama_kabupaten_kota", "nama_provinsi", "tahapan",
     "tanggal_musdesus", "tanggal_akta_notaris", "nomor_akta", "tanggal_sk_ahu", "nomor_sk_ahu", "unit_usaha"],
    ["5302052005", "TUMU", "AMANUBAN TENGAH", "KAB. TIMOR TENGAH SELATAN", "NUSA TENGGARA TIMUR", "sk ahu",
     "2025-05-16", "2025-06-11", "23", "2025-08-20", "AHU-0003456.AH.01.29.TAHUN 2025", "gerai; simpan pinjam"],
    ["5302022003", "KESETNANA", "MOLLO SELATAN", "KAB. TIMOR TENGAH SELATAN", "NUSA TENGGARA TIMUR", "akta notaris",
     "2025-05-13", "2025-06-04", "11", "", "", ""],                                    # backwards: stored SK AHU
    ["5302092002", "FOTILO", "AMANATUN UTARA", "KAB. TIMOR TENGAH SELATAN", "NUSA TENGGARA TIMUR", "musdesus",
     "2025-05-21", "", "", "", "", ""],
    ["5302029999", "", "MOLLO SELATAN", "KAB. TIMOR TENGAH SELATAN", "NUSA TENGGARA TIMUR", "musdesus",
     "2025-05-21", "", "", "", "", ""],                                                 # no such code
    ["5302052003", "OE'EKAM", "AMANUBAN TENGAH", "KAB. TIMOR TENGAH SELATAN", "NUSA TENGGARA TIMUR", "sk ahu",
     "2025-05-12", "2025-06-02", "08", "2025-07-30", "", ""],                           # as stored: unchanged
], delimiter=",")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def eng(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('kdmp') / 'kdmp.sqlite'}"
    else:
        url = _create_pg_database(_pg_server_url())
    engine = engine_module.get_engine(url)
    preparation.prepare_database(engine, with_demo=False)
    auth.add_user("dinas", role="editor", password=PASSWORD, province_code="53", actor="test", engine=engine)
    auth.add_user("admin", role="admin", password=PASSWORD, actor="test", engine=engine)
    auth.add_user("ntb", role="editor", password=PASSWORD, province_code="52", actor="test", engine=engine)
    return engine


def _stored(engine) -> dict[str, tuple]:
    with Session(engine) as s:
        return {k.village_code: (k.stage, k.musdesus_on, k.deed_on, k.sk_ahu_on, k.operational_on, k.deed_number,
                                 k.has_outlet, k.has_clinic)
                for k in s.scalars(select(Kdmp).where(Kdmp.regency_code == "53.02"))}


def _history(engine) -> dict[str, int]:
    with Session(engine) as s:
        return dict(s.execute(select(Kdmp.village_code, func.count()).join(KdmpStageChange)
                              .where(Kdmp.regency_code == "53.02").group_by(Kdmp.village_code)).all())


def _errors(report) -> dict[int, list]:
    return {o.row: o.errors for o in report.outcomes if o.status == "rejected"}


def test_a_dinas_list_previews_commits_reimports_and_undoes_exactly(eng):
    before = facts(eng)
    preview = imports.preview("kdmp", DINAS_FILE, "kdmp-tts.csv", user="dinas", engine=eng)
    assert preview.file_error is None
    assert preview.counts == {"new": 7, "changed": 0, "unchanged": 0, "rejected": 5}
    assert facts(eng) == before  # the preview wrote nothing
    errors = _errors(preview)  # spreadsheet rows: title line 1, header 2, data from 3
    assert [(e.column, e.code) for e in errors[10]] == [("Nama Desa/Kelurahan", "ambiguous_village")]
    assert "53.02.05.2005" in errors[10][0].reason and "53.02.09.2005" in errors[10][0].reason
    assert [(e.column, e.code) for e in errors[11]] == [("Nama Desa/Kelurahan", "unknown_village")]
    assert [(e.column, e.code) for e in errors[12]] == [("Kode Desa", "village_code_name_mismatch")]
    assert "Lilo" in errors[12][0].reason and "Fotilo" in errors[12][0].reason
    assert [(e.column, e.code) for e in errors[13]] == [("Tgl SK AHU", "kdmp_stage_needs_date")]
    assert [(e.column, e.code) for e in errors[14]] == [("Tgl Akta Notaris", "kdmp_dates_order")]

    report = imports.commit("kdmp", DINAS_FILE, "kdmp-tts.csv", user="dinas", engine=eng)
    assert report.committed and report.counts["new"] == 7
    assert _stored(eng) == EXPECTED
    assert _history(eng) == DATED  # one history row per dated stage
    with Session(eng) as s:
        kinds = set(s.scalars(select(Source.kind).join(Kdmp, Kdmp.source_id == Source.id)
                              .where(Kdmp.regency_code == "53.02")))
    assert kinds == {"manual"}

    after = facts(eng)
    again = imports.commit("kdmp", DINAS_FILE, "kdmp-tts.csv", user="dinas", engine=eng)
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 7, "rejected": 5} and not again.committed
    assert facts(eng) == after

    assert imports.undo(report.batch_id, user="dinas", engine=eng).done
    assert facts(eng) == before


def test_a_portal_export_moves_stages_forward_and_refuses_going_back(eng):
    before = facts(eng)
    first = imports.commit("kdmp", DINAS_FILE, "kdmp-tts.csv", user="dinas", engine=eng)
    after_first = facts(eng)
    report = imports.commit("kdmp", PORTAL_FILE, "portal.csv", user="dinas", engine=eng)
    assert report.counts == {"new": 1, "changed": 1, "unchanged": 1, "rejected": 2}
    errors = _errors(report)
    assert [(e.column, e.code) for e in errors[3]] == [("tahapan", "kdmp_stage_backwards")]
    assert "sk_ahu" in errors[3][0].reason and "2025-07-28" in errors[3][0].reason
    assert [(e.column, e.code) for e in errors[5]] == [("kode_desa", "unknown_village_code")]
    stored = _stored(eng)
    assert stored["53.02.05.2005"] == ("sk_ahu", D(2025, 5, 16), D(2025, 6, 11), D(2025, 8, 20), None, "23", True,
                                       None)
    assert stored["53.02.09.2002"] == ("musdesus", D(2025, 5, 21), None, None, None, None, None, None)
    assert stored["53.02.02.2003"] == EXPECTED["53.02.02.2003"]  # never moved back
    assert _history(eng)["53.02.05.2005"] == 3
    with Session(eng) as s:
        tumu = s.scalar(select(Kdmp).where(Kdmp.village_code == "53.02.05.2005"))
        assert (tumu.stage_changed_on, tumu.sk_ahu_number, tumu.has_savings_loans) == (
            D(2025, 8, 20), "AHU-0003456.AH.01.29.TAHUN 2025", True)
    assert imports.undo(first.batch_id, user="dinas", engine=eng).error.code == "batch_later"
    assert imports.undo(report.batch_id, user="dinas", engine=eng).done
    assert facts(eng) == after_first
    assert imports.undo(first.batch_id, user="admin", engine=eng).done
    assert facts(eng) == before


def test_a_desa_holding_demo_data_is_refused(eng):
    with engine_module.session_scope(eng) as s:
        demo = Source(key="test-demo-kdmp", kind="synthetic", outlet="demo")
        s.add(demo)
        s.flush()
        kdmp_records.record_kdmp_stage(s, village_code="53.02.09.2003", stage="musdesus", on=D(2025, 5, 1),
                                       source_id=demo.id)
    before = facts(eng)
    data = csv_bytes([["Kode Desa", "Tahap", "Tanggal Musdesus", "Tanggal Akta"],
                      ["53.02.09.2003", "akta notaris", "01/05/2025", "02/06/2025"]])
    report = imports.commit("kdmp", data, "nasi.csv", user="dinas", engine=eng)
    assert [e.code for e in _errors(report)[2]] == ["kdmp_demo_record"] and not report.committed
    assert facts(eng) == before
    with pytest.raises(SyntheticReferenceError), engine_module.session_scope(eng) as s:  # the guard beneath
        real = Source(key="test-real-nasi", kind="manual", outlet="Dinas")
        s.add(real)
        s.flush()
        kdmp_records.record_kdmp_stage(s, village_code="53.02.09.2003", stage="akta_notaris", on=D(2025, 6, 2),
                                       source_id=real.id)
    assert facts(eng) == before


def test_kdmp_figures_of_a_news_report_are_saved_as_reported_and_undone(eng):
    from data_access.imports import news, news_item, news_kdmp
    from data_access.models_kdmp import KdmpFigure

    before = facts(eng)
    proposal = {"formed": 278, "notarial_deed": 250, "legal_entity": None, "operational": 31, "villages": 278,
                "area": "53.02", "as_of": "2025-09-02", "evidence": {}}
    reported = news_kdmp.KdmpReported.from_proposal(proposal, area_code="53", as_of=D(2025, 9, 3))
    item = news_item.NewsMeeting(title="Rakor Satgas KDMP Kabupaten Timor Tengah Selatan", held_on=D(2025, 9, 3),
                            province_code="53", regency_code="53.02", outlet="victorynews.id",
                            url="https://victorynews.id/kdmp-tts", text="Soe – …", kdmp=reported)
    foreign = news.save(news_item.NewsMeeting(**{**item.__dict__, "kdmp": news_kdmp.KdmpReported(D(2025, 9, 2), "99.99",
                                                                                        {"formed": 1})}),
                        user="dinas", engine=eng)
    assert foreign.problems == ["kdmp_figures"] and facts(eng) == before
    saved = news.save(item, user="dinas", engine=eng)
    assert saved.done and saved.action == "created"
    with Session(eng) as s:
        rows = s.execute(select(KdmpFigure.level, KdmpFigure.area_code, KdmpFigure.as_of, KdmpFigure.measure,
                                KdmpFigure.value, KdmpFigure.of_total, Source.url)
                         .join(Source, Source.id == KdmpFigure.source_id)
                         .where(Source.url == "https://victorynews.id/kdmp-tts")).all()
    assert sorted(rows) == [
        ("kabupaten_kota", "53.02", D(2025, 9, 2), "kdmp_formed", 278, 278, "https://victorynews.id/kdmp-tts"),
        ("kabupaten_kota", "53.02", D(2025, 9, 2), "notarial_deed", 250, 278, "https://victorynews.id/kdmp-tts"),
        ("kabupaten_kota", "53.02", D(2025, 9, 2), "operational", 31, 278, "https://victorynews.id/kdmp-tts")]
    assert news.save(item, user="dinas", engine=eng).action == "unchanged"
    assert imports.undo(saved.batch_id, user="dinas", engine=eng).done
    assert facts(eng) == before


def test_an_editor_of_another_province_is_refused_row_by_row_in_both_languages(eng):
    report = imports.preview("kdmp", DINAS_FILE, "kdmp-tts.csv", user="ntb", engine=eng)
    assert report.counts["new"] == 0 and report.counts["rejected"] == len(DINAS)
    first = _errors(report)[3][0]
    assert (first.code, first.column) == ("outside_province", "Nama Desa/Kelurahan")
    assert _errors(report)[10][0].text("en").startswith("this name matches several desa/kelurahan")
