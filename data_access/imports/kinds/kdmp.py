"""Per-desa lists of Koperasi Desa/Kelurahan Merah Putih (KDMP): stage, its dates, deed and SK AHU
numbers, what operates — as a Dinas or a portal lists them.

Natural key: the desa/kelurahan (its Kemendagri code). Where a row belongs: ``imports.villages``
(a desa name only within its kab/kota and kecamatan; code and name must agree). Rules of a row:
- The stage reached (musdesus → akta notaris → SK AHU → operasional) needs its date; with no stage
  column the stage is the latest stage dated. A date for a stage past the one stated, or stage
  dates out of order, refuse the row (the list contradicts itself).
- Every dated stage is written to the KDMP's history (``kdmp_records.record_kdmp_stage``: the
  current stage only moves forward, the first date of each stage is kept); a re-import finds
  those history rows and changes nothing.
- **A stage going backwards is refused**: a row whose stage is earlier than the stored one (an older
  list, or a mistake) is rejected naming both; the stored record is never moved back by an import
  (undo the import that brought the later stage if that one was wrong).
- A desa whose stored KDMP is demo (synthetic) data is refused: real reports never join a demo
  record (``demo_guard``).
"""

from __future__ import annotations

from itertools import pairwise

from data_access.imports.area import row_source, settle_area
from data_access.imports.columns import AREA_CODE, AREA_EXTRA, PROVINCE, REGENCY, SOURCE_COLUMNS
from data_access.imports.kinds.kdmp_write import write
from data_access.imports.parsing import CellError, header_key, parse_date, split_list
from data_access.imports.rows import Column, Context, KindSpec, Record, RowView
from data_access.imports.villages import VillageIndex
from data_access.models_kdmp import KDMP_STAGES

STAGE_SPELLINGS = {
    "musdesus": ("musdesus", "musdes", "muskelsus", "musdesus muskelsus", "musyawarah desa khusus",
                 "musyawarah kelurahan khusus", "sudah musdesus", "musdesus selesai", "special village meeting"),
    "akta_notaris": ("akta notaris", "akta", "akta pendirian", "notaris", "sudah akta", "akta notaris terbit",
                     "notarial deed", "deed"),
    "sk_ahu": ("sk ahu", "ahu", "sk kemenkum", "sk kemenkumham", "badan hukum", "berbadan hukum",
               "pengesahan badan hukum", "sk ahu terbit", "legal entity"),
    "operasional": ("operasional", "beroperasi", "sudah beroperasi", "aktif beroperasi", "operating",
                    "operational"),
}
STAGE_DATE_FIELDS = {"musdesus": "musdesus_on", "akta_notaris": "deed_on", "sk_ahu": "sk_ahu_on",
                     "operasional": "operational_on"}
OPERATING_FIELDS = {"has_outlet": ("gerai", "outlet", "gerai sembako", "toko"),
                    "has_warehouse": ("gudang", "warehouse", "cold storage"),
                    "has_clinic": ("klinik", "clinic", "klinik desa", "apotek"),
                    "has_savings_loans": ("simpan pinjam", "usp", "unit simpan pinjam", "savings and loans")}
_YES = ("ya", "y", "yes", "ada", "sudah", "beroperasi", "operasional", "aktif", "true", "1", "x", "v")
_NO = ("tidak", "t", "no", "n", "belum", "tidak ada", "belum ada", "belum beroperasi", "false", "0")


def _flag(row: RowView, name: str) -> bool | None:
    text = row.text(name)
    if text is None or header_key(text) in ("", "tidak diketahui"):
        return None
    key = header_key(text)
    if key in _YES:
        return True
    if key in _NO:
        return False
    row.error(name, "not_flag")
    return None


def _operating(row: RowView) -> dict[str, bool]:
    """What operates: one ya/tidak column per unit, and/or a list column ("gerai; gudang")."""
    found = {name: _flag(row, name) for name in OPERATING_FIELDS if row.present(name)}
    listed = row.text("operating") if row.present("operating") else None
    for item in split_list(listed or ""):
        name = next((n for n, words in OPERATING_FIELDS.items() if header_key(item) in words), None)
        if name is None:
            row.error("operating", "not_choice", value=item,
                      choices=", ".join(words[0] for words in OPERATING_FIELDS.values()))
        else:
            found[name] = True
    return {name: value for name, value in found.items() if value is not None}


def _place(row: RowView, ctx: Context):
    """The desa the row names: ``(Place, province, field that placed it)`` or ``None`` (errors noted)."""
    index: VillageIndex = ctx.villages
    code_text = row.text("village_code") if row.present("village_code") else None
    name_text = row.text("village", 100) if row.present("village") else None
    district_text = row.text("district") if row.present("district") else None
    area_given = any(row.present(f) and row.text(f) for f in ("regency", "area_code", "bps_code", "province",
                                                             "province_code"))
    province = regency = None
    if area_given or not code_text:
        province, regency, _field = settle_area(row, ctx, need_regency=not code_text)
    if row.errors:
        return None
    gaz = ctx.gazetteer
    try:
        if code_text:
            place = index.by_code(code_text)
        else:
            if not name_text:
                row.error("village", "required")
                return None
            district = index.district(district_text, regency) if district_text else None
            place = index.find(name_text, regency, district)
    except CellError as problem:
        field = "village_code" if code_text else ("district" if problem.code.startswith("unknown_district")
                                                  else "village")
        row.error(field, problem.code, **problem.params)
        return None
    if code_text:
        area = regency or province
        if area and not place.code.startswith(area + "."):
            row.error("village_code", "village_not_in_area", village=index.label(place), area=gaz.label(area))
        elif name_text and not index.names_match(place, name_text):
            row.error("village_code", "village_code_name_mismatch", village_code=code_text, reading=index.label(place),
                      name=name_text)
        elif district_text and not index.in_district(place, district_text):
            row.error("district", "village_not_in_area", village=index.label(place), area=f"Kec. {district_text}")
    if row.errors:
        return None
    return place, place.code[:2], "village_code" if code_text else "village"


def _stages(row: RowView, listing: tuple | None = None) -> list[tuple[str, object]] | None:
    """The dated stages up to the stage reached, in order; ``None`` when the row is refused.
    A listing (no stage, no stage date in the file; the official gave ``(as-of, stage)``) gives
    ``[(stage, None)]``: the stage is known as of the export, its own date is not."""
    if listing is not None and not _has_stage_columns(row.hmap.index):
        return [(listing[1], None)]
    dates = {}
    for stage, name in STAGE_DATE_FIELDS.items():
        parsed = row.parsed(name, parse_date) if row.present(name) else None
        if parsed and parsed[1] != "day":
            row.error(name, "date_needs_day")
        elif parsed:
            dates[stage] = parsed[0]
    stage = row.choice("stage", STAGE_SPELLINGS) if row.present("stage") and row.text("stage") else None
    if row.errors:
        return None
    if stage is None:
        if not dates:
            row.error("stage" if row.present("stage") else "musdesus_on", "kdmp_no_stage")
            return None
        stage = max(dates, key=KDMP_STAGES.index)
    reached = KDMP_STAGES[:KDMP_STAGES.index(stage) + 1]
    if stage not in dates:
        name = STAGE_DATE_FIELDS[stage]
        row.error(name if row.present(name) else "stage", "kdmp_stage_needs_date", stage=stage,
                  column=row.header(name))
    for later in (s for s in dates if s not in reached):
        row.error(STAGE_DATE_FIELDS[later], "kdmp_date_past_stage", later=later, stage=stage)
    dated = [(s, dates[s]) for s in reached if s in dates]
    for (earlier, earlier_on), (later, later_on) in pairwise(dated):
        if later_on < earlier_on:
            row.error(STAGE_DATE_FIELDS[later], "kdmp_dates_order", later=later, later_on=later_on.isoformat(),
                      earlier=earlier, earlier_on=earlier_on.isoformat())
    return None if row.errors else dated


def _has_stage_columns(index) -> bool:
    return "stage" in index or any(name in index for name in STAGE_DATE_FIELDS.values())


def needs_listing(index) -> bool:
    """A file with neither a stage nor a stage date column (a national listing such as a SIMKOPDES
    export): the official must say as of when it was exported and which stage it stands for."""
    return not _has_stage_columns(index)


def _validate_kdmp(row: RowView, ctx: Context) -> Record | None:
    found = _place(row, ctx)
    stages = _stages(row, ctx.listing)
    values = {}
    for name, limit in (("name", 300), ("deed_number", 120), ("sk_ahu_number", 120), ("note", None)):
        values[name] = row.text(name, limit) if row.present(name) else None
    operating = _operating(row)
    source = row_source(row)
    if row.errors or found is None or stages is None:
        return None
    place, province, field = found
    stage = stages[-1][0]
    listed_on = ctx.listing[0] if stages[-1][1] is None else None
    stages = [pair for pair in stages if pair[1] is not None]
    values.update(village_code=place.code, stage=stage, stages=stages, operating=operating, listed_on=listed_on)
    label = f"{ctx.villages.label(place)} · {stage}"
    blamed = "stage" if row.present("stage") and row.text("stage") else STAGE_DATE_FIELDS[stage]
    extra = {"stage_column": row.header(blamed), "stage_value": row.text(blamed) or stage}
    return Record(row.number, (place.code,), label, province, field, values, source=source, extra=extra)


def _date_column(field: str, header: str, header_en: str, aliases: tuple[str, ...], example: str) -> Column:
    return Column(field, header, header_en, aliases, "Tanggal tahap ini tercapai, mis. 12 Mei 2025 atau 12/05/2025.",
                  "Date this stage was reached, e.g. 12 Mei 2025 or 12/05/2025.", example)


def _flag_column(field: str, header: str, header_en: str, aliases: tuple[str, ...]) -> Column:
    return Column(field, header, header_en, aliases, "ya/ada/sudah atau tidak/belum; kosong = tidak dilaporkan.",
                  "yes or no; empty = not reported.", "ya")


KDMP = KindSpec(
    "kdmp", "Koperasi Merah Putih per desa", "Koperasi Merah Putih per desa",
    (
        Column("village", "Desa/Kelurahan", "Desa/kelurahan",
               ("desa", "kelurahan", "nama desa", "nama kelurahan", "nama desa kelurahan", "desa kelurahan",
                "nama desa kel", "desa kel", "village", "village name"),
               "Nama desa/kelurahan; dicari di dalam kecamatan dan kabupaten/kotanya.",
               "Name of the desa/kelurahan; looked up within its kecamatan and regency.", "Tumu"),
        Column("village_code", "Kode Desa", "Desa code",
               ("kode desa kelurahan", "kode kelurahan", "kode desa kel", "kode wilayah desa", "kode kemendagri desa",
                "village code", "kode desa kemendagri"),
               "Kode Kemendagri desa/kelurahan (53.02.05.2005); bila nama juga diisi, keduanya harus cocok.",
               "Kemendagri code of the desa/kelurahan (53.02.05.2005); with a name, both must agree.",
               "53.02.05.2005"),
        Column("district", "Kecamatan", "Kecamatan", ("nama kecamatan", "kec", "district", "subdistrict",
                                                       "sub district"),
               "Kecamatan desa itu; membedakan desa bernama sama.", "The desa's kecamatan; tells equal names apart.",
               "Amanuban Tengah"),
        Column("regency", "Kabupaten/Kota", "Regency/city", REGENCY.aliases, REGENCY.help_id, REGENCY.help_en,
               "Kabupaten Timor Tengah Selatan"),
        PROVINCE,
        AREA_CODE,
        *AREA_EXTRA,
        Column("name", "Nama Koperasi", "Cooperative name", ("nama kdmp", "nama kopdes", "nama koperasi desa",
                                                             "nama koperasi merah putih", "cooperative name"),
               "", "", "Koperasi Desa Merah Putih Tumu"),
        Column("stage", "Tahap", "Stage", ("tahapan", "status", "status kdmp", "progres", "progress", "stage",
                                          "tahap pembentukan", "status pembentukan"),
               "musdesus, akta notaris, SK AHU atau operasional (kosong = tahap terakhir yang bertanggal).",
               "musdesus, akta notaris, SK AHU or operasional (empty = the latest stage with a date).", "SK AHU"),
        _date_column("musdesus_on", "Tanggal Musdesus", "Musdesus date",
                     ("tgl musdesus", "tanggal musdes", "tanggal musyawarah desa khusus", "tanggal muskelsus",
                      "tanggal musdesus muskelsus", "musdesus date"), "12 Mei 2025"),
        _date_column("deed_on", "Tanggal Akta", "Deed date",
                     ("tanggal akta notaris", "tgl akta", "tgl akta notaris", "tanggal akta pendirian", "deed date"), "03/06/2025"),
        Column("deed_number", "Nomor Akta", "Deed number", ("no akta", "nomor akta notaris", "no akta notaris",
                                                           "nomor akta pendirian", "deed number"), "", "", "17"),
        _date_column("sk_ahu_on", "Tanggal SK AHU", "SK AHU date",
                     ("tgl sk ahu", "tanggal sk", "tanggal pengesahan", "tanggal badan hukum", "sk ahu date"),
                     "21/07/2025"),
        Column("sk_ahu_number", "Nomor SK AHU", "SK AHU number",
               ("no sk ahu", "nomor sk", "no sk", "nomor ahu", "nomor badan hukum", "sk ahu number"), "", "",
               "AHU-0012345.AH.01.29.TAHUN 2025"),
        _date_column("operational_on", "Tanggal Operasional", "Operating since",
                     ("tgl operasional", "tanggal beroperasi", "mulai beroperasi", "tgl mulai operasional",
                      "tanggal mulai operasional", "operational date"), ""),
        _flag_column("has_outlet", "Gerai", "Outlet", ("gerai sembako", "outlet", "gerai beroperasi")),
        _flag_column("has_warehouse", "Gudang", "Warehouse", ("warehouse", "gudang beroperasi")),
        _flag_column("has_clinic", "Klinik", "Clinic", ("klinik desa", "clinic", "apotek klinik")),
        _flag_column("has_savings_loans", "Simpan Pinjam", "Savings and loans",
                     ("unit simpan pinjam", "usp", "savings and loans")),
        Column("operating", "Unit Usaha Beroperasi", "Operating units",
               ("unit usaha", "usaha yang beroperasi", "jenis usaha beroperasi", "operating units"),
               "Daftar: gerai; gudang; klinik; simpan pinjam (yang tidak disebut: tidak dilaporkan).",
               "List: gerai; gudang; klinik; simpan pinjam (those not named: not reported).", "gerai; simpan pinjam"),
        Column("note", "Catatan", "Note", ("keterangan", "notes"), "", "", ""),
        *SOURCE_COLUMNS,
    ),
    required_any=(("village", "village_code"),),
    validator=_validate_kdmp,
    writer=write,
    key_fields=("village_code", "village"),
)

__all__ = ["KDMP", "STAGE_SPELLINGS", "needs_listing"]
