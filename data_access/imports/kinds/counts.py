"""Cooperative figures as a source reported them (total / active / inactive of an area at a date).

Natural key: area + date + source; a figure that does not add up is stored as reported
and marked ``inconsistent`` (``records.is_inconsistent``).
"""

from __future__ import annotations

from sqlalchemy import select

from data_access import records
from data_access.imports.area import region_label, row_source, settle_area, whole
from data_access.imports.columns import AREA_CODE, AREA_EXTRA, PROVINCE, REGENCY, SOURCE_COLUMNS
from data_access.imports.job import Job
from data_access.imports.parsing import parse_bool, parse_date
from data_access.imports.rows import Column, Context, KindSpec, Record, RowView
from data_access.models_cooperatives import CooperativeCount


def _validate_counts(row: RowView, ctx: Context) -> Record | None:
    province, regency, area_column = settle_area(row, ctx, need_regency=False)
    as_of = row.parsed("as_of", parse_date, required=True)
    figures, approximate = {}, False
    for name in ("total", "active", "inactive"):
        if row.present(name):
            figures[name], approx = whole(row, name)
            approximate |= approx
        else:
            figures[name] = None
    if row.present("approximate"):
        flag = row.parsed("approximate", parse_bool)
        approximate = approximate or bool(flag)
    note = row.text("note") if row.present("note") else None
    source = row_source(row)
    if not row.errors and all(v is None for v in figures.values()):
        row.error("total" if row.present("total") else "active" if row.present("active") else "inactive",
                  "required")
    if row.errors:
        return None
    area = regency or province
    values = {**figures, "as_of": as_of[0], "precision": as_of[1], "approximate": approximate}
    if row.present("note"):
        values["note"] = note
    label = f"{region_label(ctx, area)} · {as_of[0].isoformat()}"
    return Record(row.number, (area, as_of[0], source.key if source else None), label, province, area_column,
                  {"area_code": area, **values}, source=source)


def write(job: Job, found: list[Record]) -> dict:
    session, results = job.session, {}
    for record in job.with_usable_source(found, results):
        values = record.values
        source_id = job.find_source(record.source)
        existing = None
        if source_id is not None:
            existing = session.scalar(select(CooperativeCount).where(
                CooperativeCount.area_code == values["area_code"], CooperativeCount.as_of == values["as_of"],
                CooperativeCount.source_id == source_id))
        if existing is None:
            row = records.add_cooperative_count(
                session, area_code=values["area_code"], as_of=values["as_of"],
                source_id=job.ensure_source(record.source), total=values["total"], active=values["active"],
                inactive=values["inactive"], precision=values["precision"], approximate=values["approximate"],
                note=values.get("note"))
            job.created(row)
            results[record.row] = ("new", [])
            continue
        wanted = {"total": values["total"], "active": values["active"], "inactive": values["inactive"],
                  "as_of_precision": values["precision"], "approximate": values["approximate"]}
        if "note" in values:
            wanted["note"] = values["note"]
        diff = {k: v for k, v in wanted.items() if getattr(existing, k) != v}
        if not diff:
            results[record.row] = ("unchanged", [])
            continue
        job.updating(existing)
        for key, value in diff.items():
            setattr(existing, key, value)
        existing.inconsistent = records.is_inconsistent(existing.total, existing.active, existing.inactive)
        results[record.row] = ("changed", [])
    return results


COUNTS = KindSpec(
    "counts", "Jumlah koperasi yang dilaporkan", "Reported cooperative counts",
    (
        PROVINCE, REGENCY, AREA_CODE, *AREA_EXTRA,
        Column("as_of", "Per Tanggal", "As of", ("tanggal", "tanggal data", "per", "periode", "date", "kondisi per", "tahun",
                                                            "tahun dari judul", "year", "tahun data", "keadaan per"),
               "Tanggal data (27/02/2020), bulan (Mei 2016) atau tahun (2024).",
               "Date of the figures (27/02/2020), month (Mei 2016) or year (2024).", "31/12/2021",
               required=True),
        Column("total", "Jumlah Koperasi", "Total", ("jumlah", "total", "total koperasi", "jumlah total", "jumlah koperasi total",
                                                       "koperasi total", "total jumlah koperasi"),
               "Seperti dilaporkan; \"sekitar 950\" ditandai perkiraan.",
               "As reported; \"sekitar 950\" is marked approximate.", "4.282"),
        Column("active", "Aktif", "Active", ("koperasi aktif", "jumlah aktif", "jumlah koperasi aktif"), "", "",
               "3.330"),
        Column("inactive", "Tidak Aktif", "Inactive",
               ("koperasi tidak aktif", "jumlah tidak aktif", "non aktif", "nonaktif", "tidak aktif",
                "jumlah koperasi tidak aktif", "jumlah koperasi non aktif", "koperasi non aktif"), "", "",
               "sekitar 950"),
        Column("approximate", "Perkiraan", "Approximate", ("kira kira", "estimasi", "estimate"),
               "ya bila angka hanya perkiraan.", "ya (yes) when the figures are approximate.", "ya"),
        Column("note", "Catatan", "Note", ("keterangan", "notes", "remarks"), "", "", ""),
        *SOURCE_COLUMNS,
    ),
    required_any=(("province", "regency", "area_code"), ("total", "active", "inactive")),
    validator=_validate_counts,
    writer=write,
    key_fields=("as_of",),
)
