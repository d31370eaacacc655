"""Coordination meetings (rakor) with their sectors and the kab/kota taking part.

Natural key: province + date + title.
"""

from __future__ import annotations

from sqlalchemy import select

from data_access import records
from data_access.imports import same_meeting
from data_access.imports.area import region_label, row_source, settle_area, whole
from data_access.imports.columns import (
    AREA_CODE,
    AREA_EXTRA,
    LEVEL,
    MEETING_KIND,
    PROVINCE,
    REGENCY,
    SECTOR,
    SOURCE_COLUMNS,
    STATUS,
)
from data_access.imports.dates import meeting_days
from data_access.imports.job import Job
from data_access.imports.parsing import CellError, header_key, split_list
from data_access.imports.rows import Column, Context, KindSpec, Record, RowView
from data_access.models_meetings import Meeting, MeetingRegency, MeetingSector

_KIND_FROM_TITLE = (("rakor", "rakor"), ("rapat koordinasi", "rakor"), ("rapat teknis", "rapat_teknis"),
                    ("workshop", "workshop"), ("lokakarya", "workshop"), ("bimtek", "workshop"),
                    ("sosialisasi", "sosialisasi"))


def _validate_meetings(row: RowView, ctx: Context) -> Record | None:
    title = row.text("title", 300, required=True)
    held = row.parsed("held_on", meeting_days, required=True)
    province, regency, area_column = settle_area(row, ctx, need_regency=False)
    values: dict = {}
    kind = row.choice("kind", MEETING_KIND) if row.present("kind") else None
    level = row.choice("level", LEVEL) if row.present("level") else None
    status = row.choice("status", STATUS) if row.present("status") else None
    for name, limit in (("venue", 200), ("city", 100), ("organizer", 300), ("opened_by_name", 200),
                        ("opened_by_role", 200), ("theme", None)):
        if row.present(name):
            values[name] = row.text(name, limit)
    if row.present("participants"):
        values["participants"] = whole(row, "participants")[0]
    sectors = None
    if row.present("sectors"):
        sectors = []
        for item in split_list(row.text("sectors") or ""):
            code = next((c for c, spellings in SECTOR.items()
                         if header_key(item) in {header_key(c), *(header_key(s) for s in spellings)}), None)
            if code is None:
                row.error("sectors", "not_choice", value=item,
                          choices=", ".join(spellings[0] for spellings in SECTOR.values()))
            elif code not in sectors:
                sectors.append(code)
    participating = None
    text = row.text("participating") if row.present("participating") else None
    if row.present("participating") and not text:
        participating = [regency] if regency else []
    elif text:
        if header_key(text) in ("semua", "seluruh", "all", "semua kabupaten kota", "se provinsi"):
            participating = "all_in_province"
        else:
            participating = []
            for item in split_list(text):
                try:
                    participating.append(ctx.gazetteer.regency(item, province))
                except CellError as problem:
                    row.error("participating", problem.code, value=item, **problem.params)
    source = row_source(row)
    if row.errors:
        return None
    derived = {
        "kind": kind or next((k for word, k in _KIND_FROM_TITLE if word in header_key(title)), "lainnya"),
        "level": level or ("kabupaten_kota" if regency else "provinsi"),
        "status": status or ("planned" if held[0] > ctx.today else "held"),
    }
    # A column present in the file sets the value (an empty cell: the derived one); a column
    # left out sets it only on a new meeting.
    defaults: dict = {}
    for name, value in derived.items():
        (values if row.present(name) else defaults)[name] = value
    values.update(title=title, held_on=held[0], province_code=province, ends_on=held[1])
    area_given = row.present("regency") or row.present("area_code")
    (values if area_given else defaults)["regency_code"] = regency
    # ``None``: the file says nothing (kept on update); a new meeting gets its own regency.
    extra = {"sectors": sectors, "regencies": participating, "defaults": defaults,
             "default_regencies": [regency] if regency else []}
    label = f"{held[0].isoformat()} · {region_label(ctx, province)} · {title}"
    return Record(row.number, (province, held[0], title), label, province, area_column, values, source=source,
                  extra=extra)


def _regencies(job: Job, wanted, province_code: str) -> list[str] | None:
    if wanted == "all_in_province":
        return records.regencies_of_province(job.session, province_code)
    return wanted

def write(job: Job, found: list[Record]) -> dict:
    session, results = job.session, {}
    for record in job.with_usable_source(found, results):
        values, extra = record.values, record.extra
        meeting = session.scalar(select(Meeting).where(
            Meeting.province_code == values["province_code"], Meeting.held_on == values["held_on"],
            Meeting.title == values["title"]))
        regencies = _regencies(job, extra["regencies"], values["province_code"])
        same = same_meeting.find(session, values) if meeting is None else None
        if same is not None:
            outcome = same_meeting.offer_or_attach(job, record, same)
            if outcome[0]:  # attached, or held back until the importer chooses
                results[record.row] = outcome
                continue
        if meeting is None:
            fields = {**extra["defaults"], **values}
            meeting = records.add_meeting(
                session, sectors=extra["sectors"] or [],
                regencies=regencies if regencies is not None else extra["default_regencies"],
                date_inferred=False, source_id=job.ensure_source(record.source), **fields)
            job.created(meeting)
            results[record.row] = ("new", [])
            continue
        diff = {k: v for k, v in values.items() if getattr(meeting, k) != v}
        old_sectors = sorted(s.sector_code for s in meeting.sectors)
        old_regencies = sorted(r.regency_code for r in meeting.regencies)
        new_sectors = sorted(set(extra["sectors"])) if extra["sectors"] is not None else old_sectors
        new_regencies = sorted(set(regencies)) if regencies is not None else old_regencies
        if not diff and new_sectors == old_sectors and new_regencies == old_regencies:
            results[record.row] = ("unchanged", [])
            continue
        job.updating(meeting, {"sectors": old_sectors, "regencies": old_regencies})
        for key, value in diff.items():
            setattr(meeting, key, value)
        set_meeting_links(meeting, new_sectors, new_regencies)
        meeting.source_id = job.ensure_source(record.source)
        session.flush()
        results[record.row] = ("changed", [])
    return results



def set_meeting_links(meeting: Meeting, sectors: list[str], regencies: list[str]) -> None:
    """Make a meeting's sectors and regencies exactly these (removing first, then adding)."""
    for collection, attr, model, wanted in ((meeting.sectors, "sector_code", MeetingSector, sectors),
                                            (meeting.regencies, "regency_code", MeetingRegency, regencies)):
        for link in [link for link in collection if getattr(link, attr) not in wanted]:
            collection.remove(link)
        have = {getattr(link, attr) for link in collection}
        for code in wanted:
            if code not in have:
                collection.append(model(**{attr: code}))


MEETINGS = KindSpec(
    "meetings", "Rapat koordinasi", "Coordination meetings",
    (
        Column("title", "Judul", "Title", ("judul kegiatan", "nama kegiatan", "kegiatan", "nama rapat", "title"),
               "Judul kegiatan; bersama provinsi dan tanggal menjadi kunci impor ulang.",
               "Title; with province and date it is the key for re-imports.",
               "Rapat Koordinasi Koperasi Tingkat Kabupaten Kupang", required=True),
        Column("held_on", "Tanggal", "Date", ("tanggal kegiatan", "tanggal pelaksanaan", "tanggal rapat", "held on",
                                              "hari tanggal", "hari dan tanggal", "hari tgl", "tgl", "day date"),
               "Tanggal kegiatan, mis. 27/02/2020, Kamis, 27 Februari 2020 atau 18-20 Mei 2022 (beberapa hari); "
               "hari yang ditulis diperiksa.",
               "Date held, e.g. 27/02/2020, Kamis, 27 Februari 2020 or 18-20 Mei 2022 (several days); a written "
               "weekday is checked.", "01/12/2022", required=True),
        Column("kind", "Jenis Kegiatan", "Kind", ("jenis", "jenis rapat", "kind", "type"),
               "rakor, rapat teknis, workshop, sosialisasi, lainnya (kosong = dari judul).",
               "rakor, rapat teknis, workshop, sosialisasi, lainnya (empty = from the title).", "rakor"),
        Column("level", "Tingkat", "Level", ("level", "tingkatan"),
               "nasional, provinsi atau kabupaten/kota.", "national, province or regency.", "kabupaten/kota"),
        Column("status", "Status", "Status", ("status kegiatan",),
               "terlaksana, direncanakan, batal (kosong = menurut tanggal).",
               "held, planned, cancelled (empty = from the date).", "terlaksana"),
        PROVINCE,
        Column("regency", "Kabupaten/Kota", "Regency/city", REGENCY.aliases,
               "Kabupaten/kota yang dibahas (opsional).", "Regency the meeting is about (optional).",
               "Kabupaten Kupang"),
        AREA_CODE,
        *AREA_EXTRA,
        Column("venue", "Tempat", "Venue", ("lokasi", "venue", "tempat kegiatan"), "", "", "Aula Dinas Koperasi"),
        Column("city", "Kota Tempat", "City", ("kota pelaksanaan", "kota lokasi", "city"), "", "", "Oelamasi"),
        Column("organizer", "Penyelenggara", "Organizer", ("organizer", "pelaksana"), "", "",
               "Dinas Koperasi Kabupaten Kupang"),
        Column("opened_by_name", "Dibuka Oleh", "Opened by", ("pembuka", "opened by", "nama pembuka"), "", "", ""),
        Column("opened_by_role", "Jabatan Pembuka", "Opener's role", ("jabatan", "opened by role"), "", "",
               "Asisten II Setda"),
        Column("participants", "Jumlah Peserta", "Participants", ("peserta", "participants", "jumlah hadir"), "", "",
               "40"),
        Column("theme", "Tema", "Theme", ("theme", "topik", "agenda"), "", "", ""),
        Column("sectors", "Sektor", "Sectors", ("sectors", "bidang", "sektor terkait"),
               "koperasi; ketenagakerjaan; transmigrasi; perlindungan PMI (pisahkan dengan ;).",
               "koperasi; ketenagakerjaan; transmigrasi; perlindungan PMI (separate with ;).", "koperasi"),
        Column("participating", "Kabupaten/Kota Peserta", "Participating regencies",
               ("wilayah peserta", "peserta kabupaten kota", "participating regencies"),
               "Daftar kabupaten/kota (pisahkan dengan ;) atau \"semua\".",
               "List of regencies (separate with ;) or \"semua\" (all).", "semua"),
        *SOURCE_COLUMNS,
    ),
    required_any=(("province", "regency", "area_code"),),
    ignored=("Waktu", "Jam", "Pukul", "Waktu Pelaksanaan", "Time"),
    validator=_validate_meetings,
    writer=write,
    key_fields=("title",),
)
