"""The national cooperative register (ODS export, its field names as they are) → cooperatives and RAT years.

Natural key: NIK, or name + kab/kota when the file has no NIK. A row's last RAT adds
one year to the cooperative's RAT history (runs recomputed, summaries rebuilt by
``apply``).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

from sqlalchemy import insert, select

from data_access import records
from data_access.imports.area import region_label, settle_area, whole
from data_access.imports.columns import AREA_CODE, AREA_EXTRA, JENIS, PROVINCE, REGENCY
from data_access.imports.job import FLUSH_EVERY, Job, chunks
from data_access.imports.parsing import header_key, parse_date
from data_access.imports.rows import Column, Context, KindSpec, Record, RowError, RowView
from data_access.models_cooperatives import Cooperative, CooperativeRat

REGISTRY_IGNORED = (
    "Nomor Perubahan Anggaran Dasar", "Tanggal Perubahan Anggaran Dasar", "Alamat", "Desa", "Kelurahan",
    "Desa/Kelurahan", "Kecamatan", "Bentuk Koperasi", "Nama Ketua", "Nama Sekretaris", "Nama Bendahara",
    "Nama Pengawas", "Nama Manager", "Nama Manajer", "Jumlah Anggota Pria", "Jumlah Anggota Wanita",
    "Total Manajer", "Total Karyawan", "Tanggal Berlaku Sertipikat", "Tanggal Berlaku Sertifikat",
    "Telepon", "Email", "Kode Pos",
)
_NIK = re.compile(r"^[A-Za-z0-9\-]{1,20}$")
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE][+-]?\d+$")  # "5,30101E+15": a spreadsheet ate the digits
REGISTER_STATUS = (("register_status", 40), ("register_nik_status", 60), ("register_grade", 20))


def _validate_registry(row: RowView, ctx: Context) -> Record | None:
    values: dict = {}
    name = row.text("name", 300, required=True)
    province, regency, area_column = settle_area(row, ctx, need_regency=True)
    nik = None
    if row.present("nik"):
        nik = row.text("nik")
        if nik is not None:
            nik = nik.replace(" ", "")
            if _SCIENTIFIC.match(nik):
                row.error("nik", "nik_scientific", nik=nik)
            elif not _NIK.match(nik):
                row.error("nik", "nik_format")
            values["nik"] = nik
    if row.present("legal_entity_number"):
        values["legal_entity_number"] = row.text("legal_entity_number", 100)
    if row.present("founded_on"):
        founded = row.parsed("founded_on", parse_date)
        values["founded_on"] = founded[0] if founded else None
    if row.present("jenis"):
        values["jenis"] = row.choice("jenis", JENIS)
    if row.present("kelompok"):
        values["kelompok"] = row.text("kelompok", 100)
    if row.present("sektor_usaha"):
        values["sektor_usaha"] = row.text("sektor_usaha", 100)
    if row.present("members"):
        values["members"] = whole(row, "members")[0]
    for field_name, limit in REGISTER_STATUS:
        if row.present(field_name):
            values[field_name] = row.text(field_name, limit)
    for field_name, limit in REGISTER_STATUS:
        if row.present(field_name):
            values[field_name] = row.text(field_name, limit)
    rat = None
    if row.present("last_rat_on"):
        found = row.parsed("last_rat_on", parse_date)
        if found:
            rat = (found[0].year, found[0] if found[1] == "day" else None)
    if row.errors:
        return None
    values["name"] = name
    values["regency_code"] = regency
    key = ("nik", nik) if nik else ("name", header_key(name), regency)
    label = f"NIK {nik}" if nik else f"{name} · {region_label(ctx, regency)}"
    return Record(row.number, key, label, province, area_column, values, extra={"rat": rat, "today": ctx.today})


def _reports_status(values: dict) -> bool:
    return any(values.get(name) is not None for name, _limit in REGISTER_STATUS)


def write(job: Job, found: list[Record]) -> dict:
    session, results = job.session, {}
    by_nik: dict[str, Cooperative] = {}
    niks = [r.key[1] for r in found if r.key[0] == "nik"]
    for chunk in chunks(niks):
        for coop in session.scalars(select(Cooperative).where(Cooperative.nik.in_(chunk))):
            by_nik[coop.nik] = coop
    by_name: dict[tuple[str, str], list[Cooperative]] = defaultdict(list)
    named_regencies = sorted({r.key[2] for r in found if r.key[0] == "name"})
    for chunk in chunks(named_regencies):
        for coop in session.scalars(select(Cooperative).where(Cooperative.regency_code.in_(chunk),
                                                              Cooperative.nik.is_(None))):
            by_name[(header_key(coop.name), coop.regency_code)].append(coop)
    existing_ids = [c.id for c in by_nik.values()] + [c.id for cs in by_name.values() for c in cs]
    rats: dict[tuple[int, int], CooperativeRat] = {}
    years = sorted({r.extra["rat"][0] for r in found if r.extra.get("rat")})
    for chunk in chunks(existing_ids):
        for rat in session.scalars(select(CooperativeRat).where(CooperativeRat.cooperative_id.in_(chunk),
                                                                CooperativeRat.year.in_(years or [0]))):
            rats[(rat.cooperative_id, rat.year)] = rat
    new_rows: list[tuple[Record, dict]] = []
    runs_for: set[int] = set()

    for record in found:
        values = record.values
        if record.key[0] == "nik":
            coop = by_nik.get(record.key[1])
        else:
            matches = by_name.get((record.key[1], record.key[2]), [])
            if len(matches) > 1:
                results[record.row] = ("rejected", [RowError(record.row, record.key_column, values["name"],
                                                             "ambiguous_cooperative", {"n": len(matches)})])
                continue
            coop = matches[0] if matches else None
        rat = record.extra.get("rat")
        if coop is None:
            dated = {"register_status_on": record.extra["today"]} if _reports_status(values) else {}
            new_rows.append((record, {**values, **dated, "dissolved": False, "source_id": job.ensure_source(None)}))
            results[record.row] = ("new", [])
            continue
        diff = {k: v for k, v in values.items() if getattr(coop, k) != v}
        rat_row = rats.get((coop.id, rat[0])) if rat else None
        rat_new = bool(rat) and rat_row is None
        rat_changed = rat_row is not None and rat[1] is not None and rat_row.held_on != rat[1]
        if not (diff or rat_new or rat_changed):
            results[record.row] = ("unchanged", [])
            continue
        job.updating(coop)
        for key, value in diff.items():
            setattr(coop, key, value)
        if _reports_status(diff):  # the register said something new about itself: dated today
            coop.register_status_on = record.extra["today"]
        coop.source_id = job.ensure_source(None)
        if rat_new:
            rat_row = CooperativeRat(cooperative_id=coop.id, year=rat[0], held_on=rat[1], run_length=1)
            session.add(rat_row)
            session.flush()
            job.created(rat_row)
            rats[(coop.id, rat[0])] = rat_row
            runs_for.add(coop.id)
        elif rat_changed:
            job.updating(rat_row)
            rat_row.held_on = rat[1]
        results[record.row] = ("changed", [])
    session.flush()
    _insert_cooperatives(job, new_rows)
    records.recompute_runs(session, runs_for)  # a new cooperative's single RAT row has run 1 already
    return results

def _insert_cooperatives(job: Job, new_rows: list[tuple[Record, dict]]) -> None:
    """New register rows in bulk (Core INSERT … RETURNING), each with its last RAT."""
    columns = {"name", "nik", "regency_code", "legal_entity_number", "founded_on", "jenis", "kelompok",
               "sektor_usaha", "members", "dissolved", "source_id", "register_status", "register_nik_status",
               "register_grade", "register_status_on"}
    for chunk in chunks(new_rows, FLUSH_EVERY):
        rows = [{c: values.get(c) for c in columns} for _record, values in chunk]
        ids = job.session.scalars(
            insert(Cooperative).returning(Cooperative.id, sort_by_parameter_order=True), rows).all()
        rats = []
        for (record, _values), coop_id in zip(chunk, ids, strict=True):
            job.track("cooperative", json.dumps({"id": coop_id}), "created")
            if record.extra.get("rat"):
                year, held_on = record.extra["rat"]
                rats.append({"cooperative_id": coop_id, "year": year, "held_on": held_on, "run_length": 1})
                job.track("cooperative_rat", json.dumps({"cooperative_id": coop_id, "year": year},
                                                         sort_keys=True), "created")
        if rats:
            job.session.execute(insert(CooperativeRat), rats)


REGISTRY = KindSpec(
    "registry", "Register koperasi (ODS)", "Cooperative register (ODS)",
    (
        Column("name", "Koperasi", "Cooperative", ("nama koperasi", "cooperative name", "name", "nama"),
               "Nama koperasi.", "Name of the cooperative.", "Koperasi Produsen Sejahtera", required=True),
        Column("nik", "NIK", "NIK", ("nomor induk koperasi", "cooperative id number"),
               "Nomor Induk Koperasi; kunci untuk impor ulang.", "Cooperative ID number; the key for re-imports.",
               "5301010020001"),
        Column("legal_entity_number", "Nomor Badan Hukum Pendirian", "Legal entity number",
               ("nomor badan hukum", "no badan hukum", "badan hukum", "no bh"), "", "", "123/BH/XIV.12/1999"),
        Column("founded_on", "Tanggal Badan Hukum Pendirian", "Legal entity date",
               ("tanggal pendirian", "tanggal badan hukum", "founded on", "founded"), "", "", "12/03/1999"),
        Column("last_rat_on", "Tanggal RAT Terakhir", "Last RAT date",
               ("rat terakhir", "tanggal rat", "last rat", "tahun rat terakhir"),
               "Tanggal (atau tahun) RAT terakhir; menambah riwayat RAT koperasi.",
               "Date (or year) of the last RAT; adds to the cooperative's RAT history.", "15/03/2024"),
        Column("regency", "Kabupaten", "Regency/city", REGENCY.aliases + ("kabupaten kota", "kota"),
               REGENCY.help_id, REGENCY.help_en, "KAB. KUPANG"),
        PROVINCE,
        AREA_CODE,
        *AREA_EXTRA,
        Column("jenis", "Jenis Koperasi", "Cooperative type", ("jenis", "type", "cooperative type"),
               "Produsen, Pemasaran, Konsumen, Jasa atau Simpan Pinjam.",
               "Produsen, Pemasaran, Konsumen, Jasa or Simpan Pinjam.", "Produsen"),
        Column("kelompok", "Kelompok Koperasi", "Cooperative group", ("kelompok", "group"), "", "",
               "Koperasi Unit Desa"),
        Column("sektor_usaha", "Sektor Usaha", "Business sector", ("sektor", "business sector", "sector"), "", "",
               "Pertanian"),
        Column("members", "Total Anggota", "Total members", ("jumlah anggota", "anggota", "members", "total members"),
               "", "", "1.234"),
        Column("register_status", "Status Aktif", "Register status", ("status keaktifan", "status koperasi"),
               "Status menurut register sendiri (Aktif / Non Aktif), disimpan seperti tertulis dan bertanggal; "
               "angka aktif dasbor tetap dihitung dari riwayat RAT.",
               "The register's own status (Aktif / Non Aktif), kept as written and dated; the dashboard's active "
               "figure is still derived from RAT history.", "Aktif"),
        Column("register_nik_status", "Status NIK", "NIK status", ("status sertifikat nik",), "", "",
               "Sudah Bersetifikat"),
        Column("register_grade", "Status Grade", "Grade", ("grade", "status grade koperasi"), "", "", "B"),
    ),
    required_any=(("regency", "area_code"),),
    ignored=REGISTRY_IGNORED,
    validator=_validate_registry,
    writer=write,
    key_fields=("nik", "name"),
)
