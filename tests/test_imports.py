"""Imports on both backends: preview, strict and lenient commits, idempotent re-imports,
exact undo, and clear refusals that leave the database as it was."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select, text

from data_access import auth, imports, preparation
from data_access import engine as engine_module
from data_access.models import Base
from data_access.models_cooperatives import Cooperative, CooperativeCount, CooperativeRat
from data_access.models_meetings import Meeting, MeetingRegency, MeetingSector, MeetingSource
from data_access.models_pokja import Mandate, Pokja, PokjaStageChange
from data_access.models_reference import Regency, Source
from data_access.models_users import AuditEntry, ImportBatch
from data_access.records import is_inconsistent, run_lengths
from data_access.stats import table_counts

BOOKKEEPING = {"audit_entry", "import_batch", "import_batch_row", "app_user", "alembic_version", "data_version",
               "sign_in_throttle"}
PASSWORD = "kata-sandi-uji-123"


@pytest.fixture
def eng(prepared_db_url):
    engine = engine_module.get_engine(prepared_db_url)
    preparation.prepare_database(engine, with_demo=False)
    auth.add_user("editor", role="editor", password=PASSWORD, actor="test", engine=engine)
    auth.add_user("ntt", role="editor", password=PASSWORD, province_code="53", actor="test", engine=engine)
    auth.add_user("admin", role="admin", password=PASSWORD, actor="test", engine=engine)
    auth.add_user("viewer", role="viewer", password=PASSWORD, actor="test", engine=engine)
    return engine


def facts(engine) -> dict[str, list[tuple]]:
    """Every row of every fact table (not the bookkeeping ones), for exact comparisons."""
    out = {}
    with engine.connect() as conn:
        for name, table in Base.metadata.tables.items():
            if name in BOOKKEEPING:
                continue
            out[name] = sorted(conn.execute(select(table)).all(), key=repr)
    return out


def csv_bytes(rows: list[list[str]], delimiter: str = ";", encoding: str = "utf-8") -> bytes:
    return "\r\n".join(delimiter.join(row) for row in rows).encode(encoding)


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


COUNT_HEADER = ["Provinsi", "Kabupaten/Kota", "Per Tanggal", "Jumlah Koperasi", "Aktif", "Tidak Aktif", "Catatan"]
COUNT_ROWS = [
    COUNT_HEADER,
    ["NTT", "Kabupaten Kupang", "31/12/2023", "1.234", "1.000", "234", ""],        # 2 new
    ["Nusa Tenggara Timur", "Kupang", "2023", "10", "5", "5", ""],                # 3 ambiguous
    ["NTT", "", "Mei 2016", "4.037", "3.593", "sekitar 444", "dari berkas"],      # 4 new, province level
    ["NTT", "Kab. Belu", "31-12-2023", "abc", "", "", ""],                          # 5 not a number
    ["NTT", "Kota Kupang", "27 Februari 2020", "611", "", "", ""],                  # 6 new
    ["Kalimantan Tengah", "Kab. Kotawaringin Timur", "2024-12-31", "500", "384", "100", "tidak cocok"],  # 7 new
]


def _count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model))


# --- preview, lenient, strict --------------------------------------------------------------------

def test_preview_counts_rows_and_writes_nothing(eng):
    before = table_counts(eng)
    report = imports.preview("counts", csv_bytes(COUNT_ROWS), "angka.csv", user="editor", engine=eng)
    assert report.file_error is None
    assert report.counts == {"new": 4, "changed": 0, "unchanged": 0, "rejected": 2}
    assert [(e.row, e.column) for e in report.errors] == [(3, "Kabupaten/Kota"), (5, "Jumlah Koperasi")]
    assert not report.committed and report.batch_id is None
    assert table_counts(eng) == before


def test_lenient_commit_writes_valid_rows_as_reported(eng):
    before = _count(eng, CooperativeCount)
    report = imports.commit("counts", csv_bytes(COUNT_ROWS), "angka.csv", user="editor", engine=eng)
    assert report.committed and report.batch_id
    assert report.exit_code == 1  # rejected rows are still reported
    assert _count(eng, CooperativeCount) == before + 4
    with engine_module.session_scope(eng) as s:
        batch_source = s.get(ImportBatch, report.batch_id).source_id
        rows = {(c.area_code, c.as_of): c for c in s.scalars(
            select(CooperativeCount).where(CooperativeCount.source_id == batch_source))}
        assert set(rows) == {("53.01", dt.date(2023, 12, 31)), ("53", dt.date(2016, 5, 31)),
                             ("53.71", dt.date(2020, 2, 27)), ("62.02", dt.date(2024, 12, 31))}
        ntt = rows[("53", dt.date(2016, 5, 31))]
        assert (ntt.total, ntt.active, ntt.inactive, ntt.approximate, ntt.as_of_precision) == (4037, 3593, 444,
                                                                                              True, "month")
        kotim = rows[("62.02", dt.date(2024, 12, 31))]
        assert kotim.inconsistent == is_inconsistent(500, 384, 100) is True
        assert kotim.as_of_precision == "day"
        assert s.get(Source, batch_source).kind == "manual"
        entry = s.scalar(select(AuditEntry).where(AuditEntry.batch_id == report.batch_id))
        assert (entry.username, entry.action, entry.entity, entry.entity_key) == ("editor", "import", "counts",
                                                                                   "angka.csv")


def test_strict_commit_writes_nothing_when_a_row_is_rejected(eng):
    before = table_counts(eng)
    report = imports.commit("counts", csv_bytes(COUNT_ROWS), "angka.csv", user="editor", strict=True, engine=eng)
    assert not report.committed
    assert report.counts["rejected"] == 2
    assert table_counts(eng) == before
    clean = [row for i, row in enumerate(COUNT_ROWS) if i not in (2, 4)]
    report = imports.commit("counts", csv_bytes(clean), "angka.csv", user="editor", strict=True, engine=eng)
    assert report.committed and report.counts == {"new": 4, "changed": 0, "unchanged": 0, "rejected": 0}
    assert report.exit_code == 0


def test_reimporting_the_same_file_changes_nothing(eng):
    data = csv_bytes(COUNT_ROWS)
    first = imports.commit("counts", data, "angka.csv", user="editor", engine=eng)
    after_first = table_counts(eng)
    snapshot = facts(eng)
    again = imports.commit("counts", data, "angka.csv", user="editor", engine=eng)
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 4, "rejected": 2}
    assert not again.committed and again.batch_id is None
    assert again.earlier_batches == [first.batch_id]
    assert table_counts(eng) == after_first  # not even a batch or an audit entry
    assert facts(eng) == snapshot


# --- undo ---------------------------------------------------------------------------------------

def test_changed_rows_update_in_place_and_undo_restores_exactly(eng):
    baseline = facts(eng)
    first = imports.commit("counts", csv_bytes(COUNT_ROWS), "angka.csv", user="editor", engine=eng)
    after_first = facts(eng)
    edited = [list(row) for row in COUNT_ROWS]
    edited[1][3] = "1.240"                 # Kab. Kupang total changed
    edited[6][6] = "angka BPS"              # Kotim note changed
    second = imports.commit("counts", csv_bytes(edited), "angka.csv", user="editor", engine=eng)
    assert second.counts == {"new": 0, "changed": 2, "unchanged": 2, "rejected": 2}
    with engine_module.session_scope(eng) as s:
        kupang = s.scalar(select(CooperativeCount).where(CooperativeCount.area_code == "53.01",
                                                         CooperativeCount.as_of == dt.date(2023, 12, 31)))
        assert kupang.total == 1240 and kupang.inconsistent is True  # 1.000 + 234 ≠ 1.240

    refused = imports.undo(first.batch_id, user="editor", engine=eng)
    assert refused.error is not None and refused.error.code == "batch_later"
    assert f"#{second.batch_id}" in refused.to_text("en")

    assert imports.undo(second.batch_id, user="editor", engine=eng).done
    assert facts(eng) == after_first
    assert imports.undo(first.batch_id, user="editor", engine=eng).done
    assert facts(eng) == baseline
    again = imports.undo(first.batch_id, user="editor", engine=eng)
    assert again.error.code == "batch_undone"
    with engine_module.session_scope(eng) as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-4:] == ["import", "import", "undo", "undo"]


def test_undo_only_by_its_importer_or_an_admin(eng):
    report = imports.commit("counts", csv_bytes(COUNT_ROWS), "angka.csv", user="editor", engine=eng)
    snapshot = facts(eng)
    refused = imports.undo(report.batch_id, user="ntt", engine=eng)
    assert refused.error.code == "undo_not_allowed"
    assert facts(eng) == snapshot
    assert imports.undo(report.batch_id, user="admin", engine=eng).done


# --- the register --------------------------------------------------------------------------------

ODS_HEADER = ["No", "Koperasi", "Nomor Badan Hukum Pendirian", "Tanggal Badan Hukum Pendirian",
              "Nomor Perubahan Anggaran Dasar", "Tanggal Perubahan Anggaran Dasar", "Tanggal RAT Terakhir", "Alamat",
              "Desa", "Kecamatan", "Kabupaten", "Provinsi", "Bentuk Koperasi", "Jenis Koperasi", "Kelompok Koperasi",
              "Sektor Usaha", "Nama Ketua", "Jumlah Anggota Pria", "Jumlah Anggota Wanita", "Total Anggota",
              "Total Manajer", "Total Karyawan", "NIK", "Status NIK", "Tanggal Berlaku Sertipikat", "Status Grade"]


def ods_row(no, name, founded, rat, kabupaten, provinsi, jenis, nik, members) -> list[str]:
    values = dict.fromkeys(ODS_HEADER, "")
    values.update({"No": no, "Koperasi": name, "Nomor Badan Hukum Pendirian": f"{no}/BH/XIV/{founded[-4:]}",
                   "Tanggal Badan Hukum Pendirian": founded, "Tanggal RAT Terakhir": rat, "Kabupaten": kabupaten,
                   "Provinsi": provinsi, "Bentuk Koperasi": "Primer", "Jenis Koperasi": jenis,
                   "Kelompok Koperasi": "Koperasi Serba Usaha", "Sektor Usaha": "Perdagangan",
                   "Nama Ketua": "Nama Pribadi", "Total Anggota": members, "NIK": nik, "Status NIK": "Aktif"})
    return [values[h] for h in ODS_HEADER]


REGISTRY_ROWS = [
    ODS_HEADER,
    ods_row("1", "Koperasi Produsen Sejahtera – Oelamasi", "12/03/1999", "15/03/2023", "KAB. KUPANG",
            "NUSA TENGGARA TIMUR", "Produsen", "5301010010001", "1.234"),
    ods_row("2", "KSP Café Kasih", "01-07-2005", "2023", "KOTA KUPANG", "NUSA TENGGARA TIMUR", "Simpan Pinjam",
            "5371010020002", "87"),
    ods_row("3", "Koperasi Nelayan Atapupu", "5 Mei 2010", "", "Kabupaten Belu", "Nusa Tenggara Timur", "Jasa",
            "5304010030003", "45"),
    ods_row("4", "Koperasi Ragu", "2010", "", "KUPANG", "NUSA TENGGARA TIMUR", "Konsumen", "5300000000004", "5"),
    ods_row("5", "Koperasi Salah Ketik", "2010", "", "Kab. Bleu", "NUSA TENGGARA TIMUR", "Jasa", "5300000000005", "5"),
]


def test_registry_takes_ods_headers_windows_1252_semicolons(eng):
    data = csv_bytes(REGISTRY_ROWS, ";", "cp1252")
    baseline = facts(eng)
    report = imports.commit("registry", data, "ods_ntt.csv", user="ntt", engine=eng)
    assert report.encoding == "cp1252" and report.delimiter == ";"
    assert report.counts == {"new": 3, "changed": 0, "unchanged": 0, "rejected": 2}
    assert "Nama Ketua" in report.ignored_columns
    errors = {e.row: e for e in report.errors}
    assert errors[5].column == "Kabupaten" and errors[5].value == "KUPANG"
    assert "53.01" in errors[5].reason and "53.71" in errors[5].reason  # ask, don't guess
    assert errors[6].code == "unknown_regency_suggest" and "Belu (53.04)" in errors[6].reason
    with engine_module.session_scope(eng) as s:
        coops = {c.nik: c for c in s.scalars(select(Cooperative))}
        assert set(coops) == {"5301010010001", "5371010020002", "5304010030003"}
        kupang = coops["5301010010001"]
        assert (kupang.name, kupang.regency_code, kupang.jenis, kupang.members, kupang.founded_on) == (
            "Koperasi Produsen Sejahtera – Oelamasi", "53.01", "produsen", 1234, dt.date(1999, 3, 12))
        assert coops["5371010020002"].jenis == "simpan_pinjam" and coops["5371010020002"].name == "KSP Café Kasih"
        rat = s.get(CooperativeRat, {"cooperative_id": kupang.id, "year": 2023})
        assert (rat.held_on, rat.run_length) == (dt.date(2023, 3, 15), 1)
        assert s.get(CooperativeRat, {"cooperative_id": coops["5371010020002"].id, "year": 2023}).held_on is None
        assert s.scalar(select(Source.kind).join(Cooperative, Cooperative.source_id == Source.id).limit(1)) \
            == "official_dataset"

    again = imports.commit("registry", data, "ods_ntt.csv", user="ntt", engine=eng)
    assert again.counts["unchanged"] == 3 and not again.committed

    next_year = [list(r) for r in REGISTRY_ROWS[:2]]
    next_year[1][ODS_HEADER.index("Tanggal RAT Terakhir")] = "20 Maret 2024"
    next_year[1][ODS_HEADER.index("Total Anggota")] = "1.250"
    update = imports.commit("registry", xlsx_bytes(next_year), "ods_ntt_2024.xlsx", user="ntt", engine=eng)
    assert update.counts == {"new": 0, "changed": 1, "unchanged": 0, "rejected": 0}
    with engine_module.session_scope(eng) as s:
        coop = s.scalar(select(Cooperative).where(Cooperative.nik == "5301010010001"))
        years = s.scalars(select(CooperativeRat.year).where(CooperativeRat.cooperative_id == coop.id)).all()
        runs = dict(s.execute(select(CooperativeRat.year, CooperativeRat.run_length)
                              .where(CooperativeRat.cooperative_id == coop.id)).all())
        assert runs == run_lengths(years) == {2023: 1, 2024: 2}
        assert coop.members == 1250
    assert imports.undo(update.batch_id, user="ntt", engine=eng).done
    assert imports.undo(report.batch_id, user="ntt", engine=eng).done
    assert facts(eng) == baseline


def test_province_limited_editor_cannot_write_elsewhere(eng):
    rows = [COUNT_HEADER,
            ["NTT", "Kabupaten Kupang", "31/12/2023", "1.234", "1.000", "234", ""],
            ["Kalimantan Tengah", "", "2024", "3.782", "", "885", ""]]
    report = imports.commit("counts", csv_bytes(rows), "angka.csv", user="ntt", engine=eng)
    assert report.counts == {"new": 1, "changed": 0, "unchanged": 0, "rejected": 1}
    error = report.errors[0]
    assert (error.row, error.column, error.value, error.code) == (3, "Provinsi", "Kalimantan Tengah",
                                                                  "outside_province")
    assert "Nusa Tenggara Timur (53)" in error.reason
    with engine_module.session_scope(eng) as s:
        assert s.scalar(select(func.count()).select_from(CooperativeCount)
                        .where(CooperativeCount.area_code == "62", CooperativeCount.as_of == dt.date(2024, 12, 31),
                               CooperativeCount.note.is_(None))) == 1  # only the seed row, not ours


@pytest.mark.parametrize("who", ["viewer", "nobody"])
def test_accounts_without_the_role_are_refused_and_nothing_is_written(eng, who):
    before = table_counts(eng)
    report = imports.commit("counts", csv_bytes(COUNT_ROWS), "angka.csv", user=who, engine=eng)
    assert report.file_error is not None
    assert report.file_error.code == ("not_allowed" if who == "viewer" else "unknown_user")
    assert report.exit_code == 2
    assert table_counts(eng) == before


def test_disabled_account_is_refused(eng):
    auth.set_active("editor", False, actor="test", engine=eng)
    report = imports.commit("counts", csv_bytes(COUNT_ROWS), "angka.csv", user="editor", engine=eng)
    assert report.file_error.code == "unknown_user"


# --- meetings ------------------------------------------------------------------------------------

MEETING_HEADER = ["Judul", "Tanggal", "Jenis Kegiatan", "Provinsi", "Kabupaten/Kota", "Tempat", "Jumlah Peserta",
                  "Sektor", "Kabupaten/Kota Peserta", "Sumber", "Judul Sumber", "URL Sumber", "Tanggal Terbit"]
SEED_TITLE = "Rapat Koordinasi Koperasi Tingkat Kabupaten Kupang"


def test_meetings_xlsx_new_and_changed_with_sources_then_undo(eng):
    baseline = facts(eng)
    rows = [
        MEETING_HEADER,
        ["Rakor Perlindungan PMI Se-NTT", "Kamis, 14 Maret 2024", "", "NTT", "", "Aula El Tari", "120",
         "perlindungan PMI; ketenagakerjaan", "semua", "pos-kupang.com", "Rakor PMI se-NTT",
         "https://pos-kupang.com/rakor-pmi", "15/03/2024"],
        [SEED_TITLE, dt.datetime(2022, 12, 1), "rakor", "Nusa Tenggara Timur", "Kabupaten Kupang",
         "Hotel Neo Aston", "85", "koperasi", "", "", "", "", ""],
        ["Rapat tanpa tanggal", "", "", "NTT", "", "", "", "", "", "", "", "", ""],
        ["Rapat dengan rumus", "01/01/2024", "", "NTT", "", "", "=2*40", "", "", "", "", "", ""],
    ]
    report = imports.commit("meetings", xlsx_bytes(rows), "rapat.xlsx", user="ntt", engine=eng)
    assert report.counts == {"new": 1, "changed": 1, "unchanged": 0, "rejected": 2}
    reasons = {(e.row, e.column): e.code for e in report.errors}
    assert reasons == {(4, "Tanggal"): "required", (5, "Jumlah Peserta"): "formula"}
    with engine_module.session_scope(eng) as s:
        new = s.scalar(select(Meeting).where(Meeting.title == "Rakor Perlindungan PMI Se-NTT"))
        assert (new.held_on, new.kind, new.level, new.status, new.participants) == (
            dt.date(2024, 3, 14), "rakor", "provinsi", "held", 120)
        assert sorted(s.scalars(select(MeetingSector.sector_code).where(MeetingSector.meeting_id == new.id))) == [
            "ketenagakerjaan", "perlindungan_pmi"]
        ntt_regencies = s.scalar(select(func.count()).select_from(Regency).where(Regency.province_code == "53"))
        assert s.scalar(select(func.count()).select_from(MeetingRegency)
                        .where(MeetingRegency.meeting_id == new.id)) == ntt_regencies
        source = s.get(Source, new.source_id)
        assert (source.kind, source.outlet, source.url, source.published_on) == (
            "news", "pos-kupang.com", "https://pos-kupang.com/rakor-pmi", dt.date(2024, 3, 15))
        seed = s.scalar(select(Meeting).where(Meeting.title == SEED_TITLE))
        assert seed.participants == 85 and seed.venue == "Hotel Neo Aston"
    assert imports.undo(report.batch_id, user="ntt", engine=eng).done
    assert facts(eng) == baseline


def test_undo_of_one_new_meeting_reports_one_row_of_the_file(eng):
    """Issue 12 point 8: the file had "1 baru"; the stored records behind it (the meeting, its
    source, its sector and kab/kota links) are not rows of the file and are never counted as such."""
    rows = [MEETING_HEADER, ["Rakor Koperasi Se-NTT", "14/03/2024", "", "NTT", "", "", "", "koperasi", "semua",
                             "pos-kupang.com", "Rakor koperasi", "https://pos-kupang.com/rakor-kop", "15/03/2024"]]
    report = imports.commit("meetings", csv_bytes(rows), "satu.csv", user="editor", engine=eng)
    assert report.counts["new"] == 1
    undone = imports.undo(report.batch_id, user="editor", engine=eng)
    assert undone.done and undone.deleted > 1  # a source and the meeting at least
    assert (undone.rows_new, undone.rows_changed) == (1, 0)
    assert undone.to_text() == (f"Impor #{report.batch_id} (satu.csv) dibatalkan: 1 baris baru dari berkas dihapus, "
                                "0 baris berubah dikembalikan ke nilai sebelumnya.")
    assert "1 new rows of the file removed" in undone.to_text("en")
    with engine_module.session_scope(eng) as s:
        detail = s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "undo"))
    assert json.loads(detail) == {"new_removed": 1, "changed_restored": 0}


# --- Pokja ---------------------------------------------------------------------------------------

def test_pokja_stage_moves_forward_and_undo_puts_it_back(eng):
    baseline = facts(eng)
    rows = [["Kabupaten/Kota", "Mandat", "Tahap", "Tanggal", "Nomor SK", "Sumber", "Judul Sumber"],
            ["Kabupaten Belu", "MOU-NTT-2019-POKJA-PMI", "Sudah terbentuk", "02/03/2020", "12/KEP/HK/2020",
             "Dinas Kominfo Kab. Belu", "Pokja PMI Belu terbentuk"],
            ["Kab. Malaka", "MOU-NTT-2019-POKJA-PMI", "persiapan", "22/08/2019", "", "", ""],   # already known
            ["Kab. Sikka", "MOU-NTT-2019-POKJA-PMI", "persiapan", "14 Maret 2019", "", "", ""],
            ["Kab. Sikka", "MOU-NTT-2019-POKJA-PMI", "persiapan", "14/03/2019", "", "", ""],      # identical: merged
            ["Kab. Ende", "MOU-TIDAK-ADA", "persiapan", "14/03/2019", "", "", ""]]
    report = imports.commit("pokja", csv_bytes(rows, ",", "utf-8-sig"), "pokja.csv", user="ntt", engine=eng)
    assert (report.encoding, report.delimiter) == ("utf-8-sig", ",")
    assert report.counts == {"new": 2, "changed": 0, "unchanged": 1, "rejected": 1, "merged": 1}
    errors = {e.row: e for e in report.errors}
    assert 5 not in errors and report.outcomes[3].status == "merged"
    assert any("(baris 5)" in note for note in report.note_texts())
    assert errors[6].column == "Mandat" and "MOU-NTT-2019-POKJA-PMI" in errors[6].reason
    with engine_module.session_scope(eng) as s:
        belu = s.scalar(select(Pokja).where(Pokja.regency_code == "53.04"))
        assert (belu.stage, belu.formed_on, belu.sk_number) == ("terbentuk", dt.date(2020, 3, 2), "12/KEP/HK/2020")
        assert s.scalar(select(func.count()).select_from(PokjaStageChange)
                        .where(PokjaStageChange.pokja_id == belu.id)) == 2
        sikka = s.scalar(select(Pokja).join(Regency, Regency.code == Pokja.regency_code)
                         .where(Regency.name == "Kabupaten Sikka"))
        assert sikka.stage == "persiapan"
    assert imports.undo(report.batch_id, user="ntt", engine=eng).done
    assert facts(eng) == baseline


# --- files that cannot be read -------------------------------------------------------------------

def test_unreadable_file_names_the_problem_and_writes_nothing(eng):
    before = table_counts(eng)
    report = imports.commit("meetings", csv_bytes([["Judul", "Provinsi"], ["x", "NTT"]]), "rapat.csv",
                            user="editor", engine=eng)
    assert report.file_error.code == "missing_columns"
    assert "Tanggal" in report.to_text()
    report = imports.commit("meetings", b"PK\x03\x04garbage", "rapat.xlsx", user="editor", engine=eng)
    assert report.file_error.code == "xlsx_invalid"
    assert table_counts(eng) == before


def test_database_refusal_rolls_back_the_whole_file(eng, monkeypatch):
    """A rule only the database knows: nothing of the file stays, and the report says why."""
    import dataclasses

    from data_access.imports import kinds

    original = kinds.COUNTS.writer

    def sabotage(job, found):
        result = original(job, found)
        job.session.execute(text("UPDATE cooperative_count SET total = -1 WHERE id = "
                                  "(SELECT MAX(id) FROM cooperative_count)"))
        return result

    monkeypatch.setitem(kinds.KINDS, "counts", dataclasses.replace(kinds.COUNTS, writer=sabotage))
    before = table_counts(eng)
    report = imports.commit("counts", csv_bytes(COUNT_ROWS), "angka.csv", user="editor", engine=eng)
    assert report.file_error is not None and report.file_error.code == "database"
    assert not report.committed
    assert table_counts(eng) == before


# --- a meeting read from a news report ----------------------------------------------------------

def _news(**changes):
    from data_access.imports import news_item

    fields = dict(title="Rapat koordinasi koperasi tingkat Kabupaten Kupang", held_on=dt.date(2022, 12, 1),
                  province_code="53", regency_code="53.01", outlet="pos-kupang.com", kind="rakor",
                  level="kabupaten_kota", venue="Hotel Neo Aston", sectors=["koperasi"], regencies=["53.01"],
                  headline="Koperasi bantu warga Kabupaten Kupang", url="https://pos-kupang.com/koperasi-kupang",
                  published_on=dt.date(2022, 12, 2), text="Oelamasi – …")
    fields.update(changes)
    return news_item.NewsMeeting(**fields)


def test_the_same_meeting_from_a_second_outlet_becomes_a_second_source(eng):
    from data_access.imports import news, news_lookups

    baseline = facts(eng)
    meetings_before = _count(eng, Meeting)
    similar = news_lookups.possible_duplicates("53", dt.date(2022, 12, 1), _news().title, "Hotel Neo Aston", engine=eng)
    assert list(similar["title"]) == [SEED_TITLE]
    saved = news.save(_news(), user="ntt", engine=eng)
    assert saved.done and saved.action == "merged"
    assert _count(eng, Meeting) == meetings_before
    with engine_module.session_scope(eng) as s:
        seed = s.scalar(select(Meeting).where(Meeting.title == SEED_TITLE))
        assert saved.meeting_id == seed.id
        further = s.scalars(select(MeetingSource.source_id).where(MeetingSource.meeting_id == seed.id)).all()
        assert [s.get(Source, i).url for i in further] == ["https://pos-kupang.com/koperasi-kupang"]
        entry = s.scalar(select(AuditEntry).where(AuditEntry.batch_id == saved.batch_id))
        assert (entry.action, entry.username) == ("add_source", "ntt")
    again = news.save(_news(), user="ntt", engine=eng)
    assert again.action == "unchanged" and again.meeting_id == saved.meeting_id and again.batch_id is None
    assert imports.undo(saved.batch_id, user="ntt", engine=eng).done
    assert facts(eng) == baseline


def test_a_new_meeting_with_figures_and_a_pokja_stage_then_undo(eng):
    from data_access.imports import news, news_item

    baseline = facts(eng)
    with engine_module.session_scope(eng) as s:
        mandate = s.scalar(select(Mandate.id).where(Mandate.code == "MOU-NTT-2019-POKJA-PMI"))
    item = _news(title="Rakor Perlindungan PMI Kabupaten Belu", held_on=dt.date(2024, 3, 12), regency_code="53.04",
                 regencies=["53.04"], venue="Aula Hotel Matahari", sectors=["perlindungan_pmi"], participants=45,
                 url="https://belukab.go.id/rakor-pmi",
                 figures=news_item.Figures(as_of=dt.date(2024, 3, 12), total=120, active=80, inactive=40),
                 stage=news_item.Stage(regency_code="53.04", mandate_id=mandate, stage="terbentuk", on=dt.date(2024, 3, 1)))
    saved = news.save(item, user="ntt", merge="auto", engine=eng)
    assert saved.done and saved.action == "created"
    with engine_module.session_scope(eng) as s:
        meeting = s.get(Meeting, saved.meeting_id)
        source = s.get(Source, meeting.source_id)
        assert (meeting.participants, meeting.regency_code, source.kind) == (45, "53.04", "news")
        count = s.scalar(select(CooperativeCount).where(CooperativeCount.source_id == source.id))
        assert (count.area_code, count.total, count.inconsistent) == ("53.04", 120, False)
        pokja = s.scalar(select(Pokja).where(Pokja.regency_code == "53.04", Pokja.mandate_id == mandate))
        assert (pokja.stage, pokja.formed_on) == ("terbentuk", dt.date(2024, 3, 1))
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.batch_id == saved.batch_id)) == "save_meeting"
    assert imports.undo(saved.batch_id, user="ntt", engine=eng).done
    assert facts(eng) == baseline


def test_news_save_refuses_other_provinces_and_missing_fields(eng):
    from data_access.imports import news

    before = table_counts(eng)
    outside = news.save(_news(province_code="62", regency_code=None, regencies=[]), user="ntt", engine=eng)
    assert outside.error is not None and outside.error.code == "outside_province"
    missing = news.save(_news(title=" ", outlet=""), user="editor", engine=eng)
    assert missing.problems == ["outlet", "title"]
    viewer = news.save(_news(), user="viewer", engine=eng)
    assert viewer.error.code == "not_allowed"
    assert table_counts(eng) == before


def test_region_code_column_settles_an_ambiguous_name_and_wrong_kind_is_named(eng):
    rows = [["Provinsi", "Kabupaten/Kota", "Kode Wilayah", "Per Tanggal", "Jumlah Koperasi"],
            ["NTT", "Kupang", "53.71", "2025-03", "611"],       # the code decides: Kota Kupang
            ["NTT", "Kupang", "5301", "2025-03", "401"],        # BPS spelling of 53.01
            ["NTT", "Kabupaten Belu", "53.71", "2025-03", "1"],  # code and name disagree
            ["", "", "99.99", "2025-03", "1"]]
    report = imports.preview("counts", csv_bytes(rows), "kode.csv", user="editor", engine=eng)
    assert report.counts == {"new": 2, "changed": 0, "unchanged": 0, "rejected": 2}
    assert [(o.row, o.status) for o in report.outcomes][:2] == [(2, "new"), (3, "new")]
    assert "Kota Kupang (53.71)" in report.outcomes[0].key and "Kabupaten Kupang (53.01)" in report.outcomes[1].key
    assert [(e.row, e.column, e.code) for e in report.errors] == [(4, "Kode Wilayah", "code_name_mismatch"),
                                                                  (5, "Kode Wilayah", "unknown_code")]
    wrong_kind = imports.preview("meetings", csv_bytes(rows), "kode.csv", user="editor", engine=eng)
    assert wrong_kind.file_error.code == "missing_columns_other_kind"
    assert "Reported cooperative counts" in wrong_kind.file_error.text("en")


def test_news_figures_keep_their_own_area_and_date_and_a_foreign_area_is_refused(eng):
    """Figures of the province (a provincial report held in a city) are stored under the province, as of
    their own date; an area outside the meeting's province is a problem, nothing stored."""
    from data_access.imports import news, news_item

    before = table_counts(eng)
    foreign = news.save(_news(figures=news_item.Figures(as_of=dt.date(2023, 12, 31), total=10, area_code="62")),
                        user="ntt", engine=eng)
    assert foreign.problems == ["figures"]
    assert table_counts(eng) == before
    item = _news(title="Rakor Koperasi se-NTT", held_on=dt.date(2024, 6, 12), regency_code="53.71", regencies=[],
                 url="https://example.org/rakor-ntt",
                 figures=news_item.Figures(as_of=dt.date(2023, 12, 31), total=3912, active=2101, inactive=1811,
                                      area_code="53"))
    saved = news.save(item, user="ntt", merge="new", engine=eng)
    assert saved.done, saved
    with engine_module.session_scope(eng) as s:
        source_id = s.get(Meeting, saved.meeting_id).source_id
        count = s.scalar(select(CooperativeCount).where(CooperativeCount.source_id == source_id))
        assert (count.area_code, count.as_of, count.total) == ("53", dt.date(2023, 12, 31), 3912)
    assert imports.undo(saved.batch_id, user="ntt", engine=eng).done
