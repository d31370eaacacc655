"""What each import kind's file looks like, and one row of it → a typed record or errors.

Kinds: ``registry`` (the national cooperative register, ODS field names as they
are), ``counts`` (cooperative figures as a source reported them), ``meetings``
and ``pokja`` (a reported stage of a regency's task force). Each ``KindSpec``
lists its columns with the template header (Indonesian), the English header and
the other spellings accepted; ``template_csv``/``template_xlsx`` build the
downloadable templates from the same list.

``validate(spec, table, ctx)`` turns every row into a ``Record`` (typed values,
the natural key, the province it belongs to, its source) or ``RowError``s naming
row number, column (as headed in the file), value and reason. Only the
columns present in the file are in ``Record.values``: a column left out of the
file leaves stored values as they are.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from data_access.imports import messages
from data_access.imports.parsing import (
    CellError,
    FileError,
    FormulaCell,
    Table,
    clean,
    header_key,
    parse_bool,
    parse_date,
    parse_int,
    split_list,
)
from data_access.imports.regions import Gazetteer
from data_access.models import SOURCE_KINDS

# --- errors and records --------------------------------------------------------------------------


@dataclass
class RowError:
    """Why one row was refused: spreadsheet row number, column as headed in the file, the value."""

    row: int
    column: str
    value: str
    code: str
    params: dict = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return messages.text(self.code, "id", **self.params)

    def text(self, lang: str = "id") -> str:
        return messages.text(self.code, lang, **self.params)


@dataclass(frozen=True)
class SourceSpec:
    """A row's own source (columns Sumber, Judul Sumber, URL Sumber …); ``key`` is its natural key."""

    key: str
    kind: str = "news"
    outlet: str | None = None
    headline: str | None = None
    url: str | None = None
    published_on: dt.date | None = None


@dataclass
class Record:
    row: int
    key: tuple
    label: str
    province_code: str
    province_column: str
    values: dict
    source: SourceSpec | None = None
    extra: dict = field(default_factory=dict)
    area_value: str = ""   # the cell that placed the row (blamed when outside an editor's province)
    key_column: str = ""   # the column blamed for a duplicate key


# --- column specs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    header_en: str
    aliases: tuple[str, ...] = ()
    help_id: str = ""
    help_en: str = ""
    example: str = ""
    required: bool = False  # must be filled in every row (the column must then be present)


@dataclass(frozen=True)
class KindSpec:
    kind: str
    title_id: str
    title_en: str
    columns: tuple[Column, ...]
    required_any: tuple[tuple[str, ...], ...] = ()  # at least one column of each group present
    ignored: tuple[str, ...] = ()                   # recognised headers that are not stored
    validator: Callable | None = None
    key_fields: tuple[str, ...] = ()                # blamed for a duplicate key (first present)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.field == name)

    def title(self, lang: str = "id") -> str:
        return self.title_en if lang == "en" else self.title_id


ALWAYS_IGNORED = ("No", "No.", "Nomor Urut", "No Urut", "#")

AREA_CODE = Column("area_code", "Kode Wilayah", "Region code",
                   ("kode kabupaten", "kode kab kota", "kode kabupaten kota", "kode daerah", "regency code",
                    "area code", "kode"),
                   "Kode Kemendagri (53 untuk provinsi, 53.01 untuk kabupaten/kota); mengalahkan nama bila diisi.",
                   "Kemendagri code (53 for a province, 53.01 for a regency); wins over the name when filled.",
                   "53.01")
PROVINCE = Column("province", "Provinsi", "Province", ("prov", "nama provinsi", "province name"),
                  "Nama provinsi, mis. Nusa Tenggara Timur atau NTT.", "Province name, e.g. Nusa Tenggara Timur or NTT.",
                  "Nusa Tenggara Timur")
REGENCY = Column("regency", "Kabupaten/Kota", "Regency/city",
                 ("kabupaten", "kab kota", "kabupaten kota", "kota kabupaten", "regency", "regency city", "city regency",
                  "nama kabupaten", "wilayah"),
                 "Tulis \"Kabupaten Kupang\" atau \"Kota Kupang\"; \"Kupang\" saja ditolak karena ada dua.",
                 "Write \"Kabupaten Kupang\" or \"Kota Kupang\"; a bare \"Kupang\" is refused: there are two.",
                 "Kabupaten Kupang")
SOURCE_COLUMNS = (
    Column("source_key", "Kode Sumber", "Source key", ("kunci sumber", "source id"),
           "Kode sumber yang sudah ada di basis data (opsional).", "Key of a source already in the database (optional).",
           ""),
    Column("source_outlet", "Sumber", "Source", ("media", "penerbit", "outlet", "nama sumber", "nama media"),
           "Media atau penerbit; kosong = berkas ini sendiri menjadi sumbernya.",
           "Outlet or publisher; empty = this file itself is the source.", "kupang.antaranews.com"),
    Column("source_headline", "Judul Sumber", "Source headline", ("judul berita", "headline", "judul artikel"),
           "Judul berita atau dokumen.", "Headline of the report or document.", ""),
    Column("source_url", "URL Sumber", "Source URL", ("url", "tautan", "link", "url berita"),
           "Alamat berita (http…).", "Address of the report (http…).", "https://…"),
    Column("source_published_on", "Tanggal Terbit", "Published on", ("tanggal berita", "published", "tanggal sumber"),
           "Tanggal berita diterbitkan.", "Date the report was published.", "13/03/2025"),
    Column("source_kind", "Jenis Sumber", "Source kind", ("source type",),
           "berita, data resmi atau manual (kosong = berita).", "news, official dataset or manual (empty = news).",
           "berita"),
)

# Choices: code → spellings accepted (compared with ``header_key``).
JENIS = {
    "produsen": ("produsen", "producer", "producers", "koperasi produsen"),
    "pemasaran": ("pemasaran", "marketing", "koperasi pemasaran"),
    "konsumen": ("konsumen", "consumer", "consumers", "koperasi konsumen"),
    "jasa": ("jasa", "services", "service", "koperasi jasa"),
    "simpan_pinjam": ("simpan pinjam", "ksp", "savings and loan", "savings and loans", "savings loan",
                      "koperasi simpan pinjam", "simpan pinjam dan pembiayaan syariah", "kspps"),
}
MEETING_KIND = {
    "rakor": ("rakor", "rapat koordinasi", "coordination meeting", "rakorda", "rakornis"),
    "rapat_teknis": ("rapat teknis", "rapat teknik", "technical meeting", "rapat"),
    "workshop": ("workshop", "lokakarya", "bimtek", "bimbingan teknis", "pelatihan", "training"),
    "sosialisasi": ("sosialisasi", "socialisation", "socialization", "outreach"),
    "lainnya": ("lainnya", "lain lain", "other", "others"),
}
LEVEL = {
    "nasional": ("nasional", "national", "pusat"),
    "provinsi": ("provinsi", "province", "provincial", "prov"),
    "kabupaten_kota": ("kabupaten kota", "kabupaten", "kota", "kab kota", "regency", "city", "district"),
}
STATUS = {
    "held": ("terlaksana", "selesai", "sudah", "diadakan", "dilaksanakan", "held", "done"),
    "planned": ("direncanakan", "rencana", "akan datang", "dijadwalkan", "planned", "scheduled"),
    "cancelled": ("batal", "dibatalkan", "cancelled", "canceled"),
}
STAGE = {
    "belum_dibentuk": ("belum dibentuk", "belum", "belum terbentuk", "not started", "not formed", "none"),
    "persiapan": ("persiapan", "dalam persiapan", "proses", "preparation", "preparing", "in preparation"),
    "terbentuk": ("terbentuk", "sudah terbentuk", "dibentuk", "formed", "established", "sk terbit"),
}
SECTOR = {
    "koperasi": ("koperasi", "cooperatives", "cooperative", "perkoperasian", "koperasi dan ukm"),
    "ketenagakerjaan": ("ketenagakerjaan", "tenaga kerja", "naker", "manpower", "employment", "labour", "labor"),
    "transmigrasi": ("transmigrasi", "ketransmigrasian", "transmigration"),
    "perlindungan_pmi": ("perlindungan pmi", "pmi", "pekerja migran", "perlindungan pekerja migran", "migrant workers",
                         "migrant worker protection", "tki", "p2mi", "ppmi"),
}
SOURCE_KIND = {
    "news": ("berita", "news", "media"),
    "official_dataset": ("data resmi", "official dataset", "official", "dataset", "resmi", "ods"),
    "manual": ("manual", "catatan", "input manual"),
}
assert set(SOURCE_KIND) <= set(SOURCE_KINDS)


# --- one row ------------------------------------------------------------------------------------


@dataclass
class HeaderMap:
    index: dict[str, int]
    headers: dict[str, str]
    ignored: list[str]
    unknown: list[str]


def map_headers(spec: KindSpec, headers: list[str]) -> HeaderMap:
    """Which file column holds which field; ``FileError`` for missing or doubled columns."""
    by_key: dict[str, str] = {}
    for column in spec.columns:
        for spelling in (column.header, column.header_en, column.field, *column.aliases):
            by_key.setdefault(header_key(spelling), column.field)
    ignored_keys = {header_key(h) for h in (*spec.ignored, *ALWAYS_IGNORED)}
    index: dict[str, int] = {}
    written: dict[str, str] = {}
    ignored, unknown = [], []
    for position, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        name = by_key.get(key)
        if name is None:
            (ignored if key in ignored_keys else unknown).append(header)
            continue
        if name in index:
            raise FileError("duplicate_column", first=written[name], second=header, field=spec.column(name).header)
        index[name], written[name] = position, header
    missing = [c.header for c in spec.columns if c.required and c.field not in index]
    for group in spec.required_any:
        if not any(name in index for name in group):
            missing.append(" / ".join(spec.column(name).header for name in group))
    if missing:
        raise FileError("missing_columns", columns=", ".join(missing),
                        found=", ".join(h for h in headers if h) or "–")
    return HeaderMap(index, written, ignored, unknown)


class RowView:
    """One file row, read field by field; problems pile up in ``errors``."""

    def __init__(self, number: int, cells: list[str], hmap: HeaderMap, spec: KindSpec) -> None:
        self.number, self.cells, self.hmap, self.spec = number, cells, hmap, spec
        self.errors: list[RowError] = []

    def present(self, name: str) -> bool:
        return name in self.hmap.index

    def header(self, name: str) -> str:
        return self.hmap.headers.get(name) or self.spec.column(name).header

    def raw(self, name: str) -> str:
        position = self.hmap.index.get(name)
        if position is None or position >= len(self.cells):
            return ""
        return self.cells[position] or ""

    def error(self, name: str, code: str, /, value: str | None = None, **params) -> None:
        self.errors.append(RowError(self.number, self.header(name), clean(self.raw(name) if value is None else value),
                                    code, params))

    def text(self, name: str, limit: int | None = None, required: bool = False) -> str | None:
        value = self.raw(name)
        if isinstance(value, FormulaCell):
            self.error(name, "formula")
            return None
        value = clean(value)
        if not value:
            if required:
                self.error(name, "required")
            return None
        if limit and len(value) > limit:
            self.error(name, "too_long", length=len(value), limit=limit)
            return None
        return value

    def parsed(self, name: str, parser, *, required: bool = False, **kwargs):
        value = self.text(name, required=required)
        if value is None:
            return None
        try:
            return parser(value, **kwargs)
        except CellError as problem:
            self.error(name, problem.code, **problem.params)
            return None

    def choice(self, name: str, options: dict[str, tuple[str, ...]], *, required: bool = False) -> str | None:
        value = self.text(name, required=required)
        if value is None:
            return None
        key = header_key(value)
        for code, spellings in options.items():
            if key == header_key(code) or key in {header_key(s) for s in spellings}:
                return code
        choices = ", ".join(spellings[0] for spellings in options.values())
        spellings = {header_key(s): s for o in options.values() for s in o}
        best = process.extractOne(key, list(spellings), scorer=fuzz.WRatio, score_cutoff=75)
        if best:
            self.error(name, "not_choice_suggest", suggestion=spellings[best[0]], choices=choices)
        else:
            self.error(name, "not_choice", choices=choices)
        return None


@dataclass
class Context:
    gazetteer: Gazetteer
    mandates: dict[str, tuple[int, str]]  # header_key(code or title) → (id, code)
    today: dt.date


def _area(row: RowView, ctx: Context, *, need_regency: bool) -> tuple[str | None, str | None, str]:
    """``(province_code, regency_code, field that placed it)`` from Kode Wilayah / Provinsi / Kabupaten."""
    gaz = ctx.gazetteer
    code_text = row.text("area_code") if row.present("area_code") else None
    province_text = row.text("province") if row.present("province") else None
    regency_text = row.text("regency") if row.present("regency") else None
    if code_text:
        try:
            code = gaz.code(code_text)
        except CellError as problem:
            row.error("area_code", problem.code)
            return None, None, "area_code"
        if "." not in code and need_regency:
            row.error("area_code", "unknown_regency")
            return None, None, "area_code"
        named = regency_text if "." in code else province_text
        if named and not gaz.matches(code, named):
            row.error("area_code", "code_name_mismatch", region=code, region_name=gaz.name(code), name=named)
            return None, None, "area_code"
        return code[:2], code if "." in code else None, "area_code"
    province = None
    if province_text:
        try:
            province = gaz.province(province_text)
        except CellError as problem:
            row.error("province", problem.code, **problem.params)
            return None, None, "province"
    if regency_text:
        try:
            regency = gaz.regency(regency_text, province)
        except CellError as problem:
            row.error("regency", problem.code, **problem.params)
            return None, None, "regency"
        return regency[:2], regency, "regency"
    if need_regency:
        row.error("regency" if row.present("regency") else "area_code", "required")
        return None, None, "regency"
    if province is None:
        row.error("province" if row.present("province") else "regency", "required")
        return None, None, "province"
    return province, None, "province"


def _source(row: RowView) -> SourceSpec | None:
    key = row.text("source_key", 300) if row.present("source_key") else None
    outlet = row.text("source_outlet", 200) if row.present("source_outlet") else None
    headline = row.text("source_headline", 500) if row.present("source_headline") else None
    url = row.text("source_url", 500) if row.present("source_url") else None
    published = row.parsed("source_published_on", parse_date) if row.present("source_published_on") else None
    kind = row.choice("source_kind", SOURCE_KIND) if row.present("source_kind") else None
    if url and not url.lower().startswith(("http://", "https://")):
        row.error("source_url", "url_scheme")
    if not (key or outlet or url):
        return None
    if not key:
        key = url or f"impor:{header_key(outlet or '')}:{header_key(headline or '')}"[:300]
    return SourceSpec(key=key[:300], kind=kind or "news", outlet=outlet, headline=headline, url=url,
                      published_on=published[0] if published else None)


def _int(row: RowView, name: str, *, required: bool = False) -> tuple[int | None, bool]:
    parsed = row.parsed(name, parse_int, required=required)
    return parsed if parsed else (None, False)


def _label(ctx: Context, code: str) -> str:
    return ctx.gazetteer.label(code)


# --- registry ------------------------------------------------------------------------------------

REGISTRY_IGNORED = (
    "Nomor Perubahan Anggaran Dasar", "Tanggal Perubahan Anggaran Dasar", "Alamat", "Desa", "Kelurahan",
    "Desa/Kelurahan", "Kecamatan", "Bentuk Koperasi", "Nama Ketua", "Nama Sekretaris", "Nama Bendahara",
    "Nama Pengawas", "Nama Manager", "Nama Manajer", "Jumlah Anggota Pria", "Jumlah Anggota Wanita",
    "Total Manajer", "Total Karyawan", "Status NIK", "Tanggal Berlaku Sertipikat", "Tanggal Berlaku Sertifikat",
    "Status Grade", "Grade", "Telepon", "Email", "Kode Pos",
)
_NIK = re.compile(r"^[A-Za-z0-9\-]{1,20}$")


def _validate_registry(row: RowView, ctx: Context) -> Record | None:
    values: dict = {}
    name = row.text("name", 300, required=True)
    province, regency, area_column = _area(row, ctx, need_regency=True)
    nik = None
    if row.present("nik"):
        nik = row.text("nik")
        if nik is not None:
            nik = nik.replace(" ", "")
            if not _NIK.match(nik):
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
        values["members"] = _int(row, "members")[0]
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
    label = f"NIK {nik}" if nik else f"{name} · {_label(ctx, regency)}"
    return Record(row.number, key, label, province, area_column, values, extra={"rat": rat})


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
        Column("jenis", "Jenis Koperasi", "Cooperative type", ("jenis", "type", "cooperative type"),
               "Produsen, Pemasaran, Konsumen, Jasa atau Simpan Pinjam.",
               "Produsen, Pemasaran, Konsumen, Jasa or Simpan Pinjam.", "Produsen"),
        Column("kelompok", "Kelompok Koperasi", "Cooperative group", ("kelompok", "group"), "", "",
               "Koperasi Unit Desa"),
        Column("sektor_usaha", "Sektor Usaha", "Business sector", ("sektor", "business sector", "sector"), "", "",
               "Pertanian"),
        Column("members", "Total Anggota", "Total members", ("jumlah anggota", "anggota", "members", "total members"),
               "", "", "1.234"),
    ),
    required_any=(("regency", "area_code"),),
    ignored=REGISTRY_IGNORED,
    validator=_validate_registry,
    key_fields=("nik", "name"),
)


# --- reported counts -----------------------------------------------------------------------------


def _validate_counts(row: RowView, ctx: Context) -> Record | None:
    province, regency, area_column = _area(row, ctx, need_regency=False)
    as_of = row.parsed("as_of", parse_date, required=True)
    figures, approximate = {}, False
    for name in ("total", "active", "inactive"):
        if row.present(name):
            figures[name], approx = _int(row, name)
            approximate |= approx
        else:
            figures[name] = None
    if row.present("approximate"):
        flag = row.parsed("approximate", parse_bool)
        approximate = approximate or bool(flag)
    note = row.text("note") if row.present("note") else None
    source = _source(row)
    if not row.errors and all(v is None for v in figures.values()):
        row.error("total" if row.present("total") else "active" if row.present("active") else "inactive",
                  "required")
    if row.errors:
        return None
    area = regency or province
    values = {**figures, "as_of": as_of[0], "precision": as_of[1], "approximate": approximate}
    if row.present("note"):
        values["note"] = note
    label = f"{_label(ctx, area)} · {as_of[0].isoformat()}"
    return Record(row.number, (area, as_of[0], source.key if source else None), label, province, area_column,
                  {"area_code": area, **values}, source=source)


COUNTS = KindSpec(
    "counts", "Jumlah koperasi yang dilaporkan", "Reported cooperative counts",
    (
        PROVINCE, REGENCY, AREA_CODE,
        Column("as_of", "Per Tanggal", "As of", ("tanggal", "tanggal data", "per", "periode", "date", "kondisi per"),
               "Tanggal data (27/02/2020), bulan (Mei 2016) atau tahun (2024).",
               "Date of the figures (27/02/2020), month (Mei 2016) or year (2024).", "31/12/2021",
               required=True),
        Column("total", "Jumlah Koperasi", "Total", ("jumlah", "total", "total koperasi", "jumlah total"),
               "Seperti dilaporkan; \"sekitar 950\" ditandai perkiraan.",
               "As reported; \"sekitar 950\" is marked approximate.", "4.282"),
        Column("active", "Aktif", "Active", ("koperasi aktif", "jumlah aktif", "jumlah koperasi aktif"), "", "",
               "3.330"),
        Column("inactive", "Tidak Aktif", "Inactive",
               ("koperasi tidak aktif", "jumlah tidak aktif", "non aktif", "nonaktif", "tidak aktif"), "", "",
               "sekitar 950"),
        Column("approximate", "Perkiraan", "Approximate", ("kira kira", "estimasi", "estimate"),
               "ya bila angka hanya perkiraan.", "ya (yes) when the figures are approximate.", "ya"),
        Column("note", "Catatan", "Note", ("keterangan", "notes", "remarks"), "", "", ""),
        *SOURCE_COLUMNS,
    ),
    required_any=(("province", "regency", "area_code"), ("total", "active", "inactive")),
    validator=_validate_counts,
    key_fields=("as_of",),
)


# --- meetings ------------------------------------------------------------------------------------

_KIND_FROM_TITLE = (("rakor", "rakor"), ("rapat koordinasi", "rakor"), ("rapat teknis", "rapat_teknis"),
                    ("workshop", "workshop"), ("lokakarya", "workshop"), ("bimtek", "workshop"),
                    ("sosialisasi", "sosialisasi"))


def _validate_meetings(row: RowView, ctx: Context) -> Record | None:
    title = row.text("title", 300, required=True)
    held = row.parsed("held_on", parse_date, required=True)
    if held and held[1] != "day":
        row.error("held_on", "date_needs_day")
    province, regency, area_column = _area(row, ctx, need_regency=False)
    values: dict = {}
    kind = row.choice("kind", MEETING_KIND) if row.present("kind") else None
    level = row.choice("level", LEVEL) if row.present("level") else None
    status = row.choice("status", STATUS) if row.present("status") else None
    for name, limit in (("venue", 200), ("city", 100), ("organizer", 300), ("opened_by_name", 200),
                        ("opened_by_role", 200), ("theme", None)):
        if row.present(name):
            values[name] = row.text(name, limit)
    if row.present("participants"):
        values["participants"] = _int(row, "participants")[0]
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
    source = _source(row)
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
    values.update(title=title, held_on=held[0], province_code=province)
    area_given = row.present("regency") or row.present("area_code")
    (values if area_given else defaults)["regency_code"] = regency
    # ``None``: the file says nothing (kept on update); a new meeting gets its own regency.
    extra = {"sectors": sectors, "regencies": participating, "defaults": defaults,
             "default_regencies": [regency] if regency else []}
    label = f"{held[0].isoformat()} · {_label(ctx, province)} · {title}"
    return Record(row.number, (province, held[0], title), label, province, area_column, values, source=source,
                  extra=extra)


MEETINGS = KindSpec(
    "meetings", "Rapat koordinasi", "Coordination meetings",
    (
        Column("title", "Judul", "Title", ("judul kegiatan", "nama kegiatan", "kegiatan", "nama rapat", "title"),
               "Judul kegiatan; bersama provinsi dan tanggal menjadi kunci impor ulang.",
               "Title; with province and date it is the key for re-imports.",
               "Rapat Koordinasi Koperasi Tingkat Kabupaten Kupang", required=True),
        Column("held_on", "Tanggal", "Date", ("tanggal kegiatan", "tanggal pelaksanaan", "tanggal rapat", "held on"),
               "Tanggal kegiatan, mis. 27/02/2020 atau 27 Februari 2020.",
               "Date held, e.g. 27/02/2020 or 27 Februari 2020.", "01/12/2022", required=True),
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
    validator=_validate_meetings,
    key_fields=("title",),
)


# --- Pokja stages --------------------------------------------------------------------------------


def _validate_pokja(row: RowView, ctx: Context) -> Record | None:
    province, regency, area_column = _area(row, ctx, need_regency=True)
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
    source = _source(row)
    if row.errors:
        return None
    values = {"regency_code": regency, "mandate_id": mandate[0], "stage": stage, "on": on[0],
              "sk_number": sk_number, "name": name, "note": note}
    label = f"{_label(ctx, regency)} · {mandate[1]} · {stage} · {on[0].isoformat()}"
    return Record(row.number, (regency, mandate[0], stage, on[0]), label, province, area_column, values,
                  source=source)


POKJA = KindSpec(
    "pokja", "Tahap Pokja/Satgas PMI", "Pokja (task force) stages",
    (
        Column("regency", "Kabupaten/Kota", "Regency/city", REGENCY.aliases, REGENCY.help_id, REGENCY.help_en,
               "Kabupaten Belu"),
        PROVINCE,
        AREA_CODE,
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
    key_fields=("stage",),
)

KINDS: dict[str, KindSpec] = {spec.kind: spec for spec in (REGISTRY, COUNTS, MEETINGS, POKJA)}


def spec_for(kind: str) -> KindSpec:
    if kind not in KINDS:
        raise FileError("unknown_kind", kind=kind)
    return KINDS[kind]


def validate(spec: KindSpec, table: Table, ctx: Context) -> tuple[HeaderMap, list[Record | list[RowError]]]:
    """Each row → its ``Record`` or its errors, in file order."""
    hmap = map_headers(spec, table.headers)
    out: list[Record | list[RowError]] = []
    for number, cells in table.rows:
        view = RowView(number, cells, hmap, spec)
        record = spec.validator(view, ctx)
        if record is None or view.errors:
            out.append(view.errors)
            continue
        area_field = record.province_column
        record.province_column, record.area_value = view.header(area_field), clean(view.raw(area_field))
        key_field = next((f for f in spec.key_fields if view.present(f)), spec.key_fields[0])
        record.key_column = view.header(key_field)
        out.append(record)
    return hmap, out


# --- templates -----------------------------------------------------------------------------------


def template_headers(kind: str, lang: str = "id") -> list[str]:
    spec = spec_for(kind)
    return [c.header_en if lang == "en" else c.header for c in spec.columns]


def template_csv(kind: str, lang: str = "id") -> bytes:
    """Header row only, ``;``-separated (what Excel in an Indonesian locale opens), UTF-8 with BOM."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerow(template_headers(kind, lang))
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx(kind: str, lang: str = "id") -> bytes:
    """Sheet "Data" with the headers, sheet "Petunjuk"/"Guide" describing each column."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Font  # noqa: PLC0415

    spec = spec_for(kind)
    workbook = Workbook()
    data = workbook.active
    data.title = "Data"
    data.append(template_headers(kind, lang))
    for cell in data[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(spec.columns, start=1):
        data.column_dimensions[data.cell(1, index).column_letter].width = max(14, len(column.header) + 2)
    guide = workbook.create_sheet("Guide" if lang == "en" else "Petunjuk")
    guide.append(["Column", "Required", "Description", "Example", "Also accepted"] if lang == "en"
                 else ["Kolom", "Wajib", "Keterangan", "Contoh", "Ejaan lain yang diterima"])
    groups = {name for group in spec.required_any for name in group}
    for column in spec.columns:
        required = "ya" if column.required else ("salah satu" if column.field in groups else "")
        if lang == "en":
            required = {"ya": "yes", "salah satu": "one of"}.get(required, "")
        guide.append([column.header_en if lang == "en" else column.header, required,
                      column.help_en if lang == "en" else column.help_id, column.example,
                      ", ".join((column.header if lang == "en" else column.header_en, *column.aliases))])
    if spec.ignored:
        guide.append([])
        guide.append(["Accepted, not stored" if lang == "en" else "Diterima, tidak disimpan",
                      "", ", ".join(spec.ignored)])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDE", (30, 10, 70, 30, 60), strict=True):
        guide.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
