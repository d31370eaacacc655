"""Reported stages of a kab/kota's Pokja (task force) under a mandate.

Natural key: kab/kota + mandate + stage + date.
"""

from __future__ import annotations

from sqlalchemy import select

from data_access import records
from data_access.imports.area import region_label, row_source, settle_area
from data_access.imports.columns import AREA_CODE, AREA_EXTRA, PROVINCE, REGENCY, SOURCE_COLUMNS, STAGE
from data_access.imports.job import Job
from data_access.imports.parsing import header_key, parse_date
from data_access.imports.rows import Column, Context, KindSpec, Record, RowView
from data_access.models_pokja import PokjaStageChange


def _validate_pokja(row: RowView, ctx: Context) -> Record | None:
    province, regency, area_column = settle_area(row, ctx, need_regency=True)
    mandate_text = row.text("mandate", required=True)
    mandate = None
    if mandate_text:
        mandate = ctx.mandates.get(header_key(mandate_text))
        if mandate is None:
            codes = sorted({code for _id, code in ctx.mandates.values()})
            row.error("mandate", "unknown_mandate", choices=", ".join(codes) or "–")
    stage = row.choice("stage", STAGE, required=True)
    on = row.parsed("on", parse_date, required=True)
    if on and on[1] != "day":
        row.error("on", "date_needs_day")
    sk_number = row.text("sk_number", 120) if row.present("sk_number") else None
    name = row.text("name", 300) if row.present("name") else None
    note = row.text("note") if row.present("note") else None
    source = row_source(row)
    if row.errors:
        return None
    values = {"regency_code": regency, "mandate_id": mandate[0], "stage": stage, "on": on[0],
              "sk_number": sk_number, "name": name, "note": note}
    label = f"{region_label(ctx, regency)} · {mandate[1]} · {stage} · {on[0].isoformat()}"
    return Record(row.number, (regency, mandate[0], stage, on[0]), label, province, area_column, values,
                  source=source)


def write(job: Job, found: list[Record]) -> dict:
    session, results = job.session, {}
    for record in job.with_usable_source(found, results):
        v = record.values
        source_id = job.ensure_source(record.source)
        pokja = records.find_pokja(session, v["regency_code"], v["mandate_id"], source_id)
        change = None
        if pokja is not None:
            change = session.scalar(select(PokjaStageChange).where(
                PokjaStageChange.pokja_id == pokja.id, PokjaStageChange.stage == v["stage"],
                PokjaStageChange.changed_on == v["on"]))
        if change is None:
            if pokja is not None:
                job.updating(pokja)
            pokja = records.record_pokja_stage(
                session, regency_code=v["regency_code"], mandate_id=v["mandate_id"], stage=v["stage"],
                on=v["on"], source_id=source_id, sk_number=v["sk_number"],
                name=v["name"], note=v["note"])
            job.created(pokja)  # no-op when it existed (already tracked as updated)
            change = session.scalar(select(PokjaStageChange).where(
                PokjaStageChange.pokja_id == pokja.id, PokjaStageChange.stage == v["stage"],
                PokjaStageChange.changed_on == v["on"]))
            job.created(change)
            results[record.row] = ("new", [])
            continue
        note_diff = v["note"] is not None and change.note != v["note"]
        pokja_diff = {k: v[k] for k in ("sk_number", "name") if v[k] is not None and getattr(pokja, k) != v[k]}
        if not note_diff and not pokja_diff:
            results[record.row] = ("unchanged", [])
            continue
        if note_diff:
            job.updating(change)
            change.note = v["note"]
        if pokja_diff:
            job.updating(pokja)
            for key, value in pokja_diff.items():
                setattr(pokja, key, value)
        session.flush()
        results[record.row] = ("changed", [])
    return results


POKJA = KindSpec(
    "pokja", "Tahap Pokja/Satgas PMI", "Pokja (task force) stages",
    (
        Column("regency", "Kabupaten/Kota", "Regency/city", REGENCY.aliases, REGENCY.help_id, REGENCY.help_en,
               "Kabupaten Belu"),
        PROVINCE,
        AREA_CODE,
        *AREA_EXTRA,
        Column("mandate", "Mandat", "Mandate", ("kode mandat", "mandate", "dasar hukum"),
               "Kode mandat yang mewajibkan Pokja, mis. MOU-NTT-2019-POKJA-PMI.",
               "Code of the mandate requiring the Pokja, e.g. MOU-NTT-2019-POKJA-PMI.", "MOU-NTT-2019-POKJA-PMI",
               required=True),
        Column("stage", "Tahap", "Stage", ("tahapan", "stage", "status pokja", "status"),
               "belum dibentuk, persiapan atau terbentuk.", "not started, preparation or formed.", "terbentuk",
               required=True),
        Column("on", "Tanggal", "Date", ("tanggal tahap", "sejak", "date", "tanggal sk"),
               "Tanggal tahap ini dilaporkan (untuk terbentuk: tanggal SK).",
               "Date this stage was reported (for formed: the decree's date).", "09/06/2023", required=True),
        Column("sk_number", "Nomor SK", "Decree number", ("no sk", "sk", "nomor keputusan", "decree number"), "", "",
               "224/KEP/HK/2023"),
        Column("name", "Nama Pokja", "Task force name", ("nama satgas", "nama", "name"), "", "",
               "Satgas Perlindungan Pekerja Migran"),
        Column("note", "Catatan", "Note", ("keterangan", "notes"), "", "", ""),
        *SOURCE_COLUMNS,
    ),
    required_any=(("regency", "area_code"),),
    validator=_validate_pokja,
    writer=write,
    key_fields=("stage",),
)
