"""Map or refuse: every column of a file accounted for, and the level of its rows found from
the file itself (issue 18, rules 1, 3 and 5). Pure apart from the gazetteer it is handed.

``account(spec, table, hmap, gazetteer, chosen_ignored)`` → one ``ColumnAccount`` per column of
the (shaped) file, ``role`` one of:

- ``field``: read as a field of the kind (``field`` names it);
- ``internal_id``: a portal's own row number (``id``, ``province_id``, ``district_id`` …) —
  never read as a Kemendagri code, not imported;
- ``checked``: row numbers, unit and timestamp columns (``No``, ``satuan``) — read or checked, not stored;
- ``other_measure``: a known measure the kind does not store (employees, population, money …),
  listed as not imported;
- ``ignored_by_choice``: the official chose to ignore it (``--kolom "X=abaikan"`` or the page);
- ``not_imported``: text the kind has no field for (shown as not imported);
- ``unaccounted``: looks like an area or a measure but is not mapped — the file is refused
  (``FileError("column_unaccounted")``) until the official maps it or ignores it explicitly.

``level`` is the area level a column's header words and values show (``province``, ``regency``,
``kecamatan``, ``desa``, ``None``): "district" is the kab/kota in the national KDMP system and
the kecamatan in BPS tables, so it is read from the values (``KAB. …``, gazetteer names).
``finer_than_kind`` refuses a file whose rows are finer than what the kind stores (desa rows for
cooperative counts): the level is found, never assumed, and an ignored column still counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from data_access.imports.messages_mapping import KIND_STORES, LEVEL_NAMES
from data_access.imports.parsing import CellError, FileError, clean, header_key, parse_int
from data_access.imports.reading import Table
from data_access.imports.regions import Gazetteer
from data_access.imports.rows import ALWAYS_IGNORED, HeaderMap, KindSpec

# Header words, compared after ``header_key`` (lower-case, punctuation as spaces).
LEVEL_WORDS = {
    "desa": ("desa", "kelurahan", "village", "villages", "kel", "gampong", "nagari"),
    "kecamatan": ("kecamatan", "subdistrict", "subdistricts", "kec", "distrik"),
    "regency": ("kabupaten", "kab", "kota", "regency", "regencies", "city", "municipality"),
    "province": ("provinsi", "province", "prov"),
}
AMBIGUOUS_AREA_WORDS = ("district", "districts", "wilayah", "daerah", "area", "region", "lokasi")
COUNT_WORDS = ("jumlah", "jml", "total", "count", "banyak", "banyaknya", "number", "num", "qty", "cooperatives")
OTHER_MEASURE_WORDS = (
    "karyawan", "pegawai", "employees", "manager", "manajer", "pengurus", "pengawas", "anggota", "members",
    "penduduk", "population", "laki", "perempuan", "usaha", "umkm", "modal", "aset", "asset", "assets", "volume",
    "shu", "simpanan", "pinjaman", "savings", "loans", "transaksi", "transaction", "amount", "value", "accounts",
    "npwp", "nib", "rat", "tx", "omzet", "omset", "nilai", "rupiah", "rp",
)
IGNORE_WORDS = ("abaikan", "ignore", "lewati", "skip", "-")
LEVEL_RANK = {"province": 0, "regency": 1, "kecamatan": 2, "desa": 3}
KIND_LEVEL = {"counts": "regency"}  # the finest level a kind stores its figures at
KIND_ROW_LEVEL = {"kdmp": "desa"}  # a kind whose records are one per area of this level

_CODE_LEVELS = (
    (re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$"), "desa"),
    (re.compile(r"^\d{10}$"), "desa"),
    (re.compile(r"^\d{2}\.\d{2}\.\d{2}$"), "kecamatan"),
    (re.compile(r"^\d{6,7}$"), "kecamatan"),
    (re.compile(r"^\d{2}\.\d{2}$"), "regency"),
)
_REGENCY_PREFIX = re.compile(r"^(kab|kabupaten|kota|kota adm|kota administrasi|city|regency)\b")


@dataclass
class ColumnAccount:
    header: str
    role: str
    field: str | None = None
    level: str | None = None
    looks_like: str | None = None  # "area" | "measure" | None
    position: int = -1             # index of the column in the file's rows
    sample: tuple[str, ...] = ()   # up to 5 distinct values (the mapping step shows them, ``suggest`` ranks by them)


def _words(header: str) -> set[str]:
    return set(header_key(header).split())


def is_internal_id(header: str) -> bool:
    key = header_key(header)
    return key in ("id", "_id", "no id") or key.endswith(" id") or header.strip().endswith("_id")


def _values(table: Table, position: int, limit: int = 200) -> list[str]:
    seen: list[str] = []
    for _number, cells in table.rows:
        if position < len(cells):
            value = clean(cells[position])
            if value and value not in ("-", "–"):
                seen.append(value)
        if len(seen) >= limit:
            break
    return seen


def _whole_numbers(values: list[str]) -> bool:
    if not values:
        return False
    good = 0
    for value in values:
        try:
            number, _approx = parse_int(value)
        except CellError:
            continue
        good += number is not None
    return good / len(values) >= 0.9


def _code_level(values: list[str]) -> str | None:
    if not values:
        return None
    for pattern, level in _CODE_LEVELS:
        if sum(1 for v in values if pattern.match(v)) / len(values) >= 0.9:
            return level
    return None


def _name_level(values: list[str], gazetteer: Gazetteer) -> str | None:
    """``regency`` when most values are written ``KAB. …``/``KOTA …`` or are kab/kota names,
    ``province`` when they are province names; ``None`` otherwise."""
    distinct = list(dict.fromkeys(values))[:60]
    if not distinct:
        return None
    prefixed = sum(1 for v in distinct if _REGENCY_PREFIX.match(header_key(v)))
    if prefixed / len(distinct) >= 0.6:
        return "regency"
    regency = province = 0
    for value in distinct:
        codes = gazetteer.lookup(value)
        regency += any(len(c) == 5 for c in codes)
        province += any(len(c) == 2 for c in codes)
    if province / len(distinct) >= 0.6 and province >= regency:
        return "province"
    if regency / len(distinct) >= 0.6:
        return "regency"
    return None


def column_level(header: str, values: list[str], gazetteer: Gazetteer) -> str | None:
    """The area level a column shows, from its header words and then its values (see module)."""
    words = _words(header)
    if words & set(COUNT_WORDS) or is_internal_id(header):
        return None
    by_code = _code_level(values)
    if by_code in ("desa", "kecamatan"):
        return by_code
    for level in ("desa", "kecamatan", "regency", "province"):
        if words & set(LEVEL_WORDS[level]):
            if level == "regency" and words & set(LEVEL_WORDS["province"]) and not words & {"kabupaten", "kab"}:
                continue
            return level
    if words & set(AMBIGUOUS_AREA_WORDS):
        return _name_level(values, gazetteer) or by_code or "unknown"
    return by_code


def _at(position: int, item: ColumnAccount, values: list[str]) -> ColumnAccount:
    item.position = position
    item.sample = tuple(dict.fromkeys(values))[:5]
    return item


def account(spec: KindSpec, table: Table, hmap: HeaderMap, gazetteer: Gazetteer,
            chosen_ignored: frozenset[str] = frozenset(), headers: list[str] | None = None) -> list[ColumnAccount]:
    """One ``ColumnAccount`` per non-empty header of the file (``headers``: as written, before
    ``apply_choices`` renamed any; default ``table.headers``). See the module docstring."""
    field_of = {position: name for name, position in hmap.index.items()}
    always = {header_key(h) for h in (*spec.ignored, *ALWAYS_IGNORED)}
    out: list[ColumnAccount] = []
    for position, header in enumerate(headers or table.headers):
        if not header_key(header):
            continue
        values = _values(table, position)
        level = column_level(header, values, gazetteer)
        words = _words(header)
        if position in field_of:
            out.append(_at(position, ColumnAccount(header, "field", field_of[position], level), values))
            continue
        if header in chosen_ignored:
            out.append(_at(position, ColumnAccount(header, "ignored_by_choice", None, level), values))
            continue
        if is_internal_id(header):
            out.append(_at(position, ColumnAccount(header, "internal_id"), values))
            continue
        if header_key(header) in always:
            out.append(_at(position, ColumnAccount(header, "checked"), values))
            continue
        numeric = _whole_numbers(values)
        if words & set(OTHER_MEASURE_WORDS) and (numeric or not values):
            out.append(_at(position, ColumnAccount(header, "other_measure", looks_like="measure"), values))
            continue
        if level is not None:
            out.append(_at(position, ColumnAccount(header, "unaccounted", None, level, "area"), values))
            continue
        if numeric and (words & set(COUNT_WORDS) or "koperasi" in words):
            out.append(_at(position, ColumnAccount(header, "unaccounted", looks_like="measure"), values))
            continue
        out.append(_at(position, ColumnAccount(header, "not_imported"), values))
    return out


def finer_than_kind(kind: str, accounts: list[ColumnAccount]) -> None:
    """Refuse a file whose rows are finer than the level ``kind`` stores (``FileError``
    ``finer_than_kind`` naming the column and the level in the office's words)."""
    stored = KIND_LEVEL.get(kind)
    if stored is None:
        return
    finest = None
    for item in accounts:
        if item.level in LEVEL_RANK and LEVEL_RANK[item.level] > LEVEL_RANK[stored]:
            if finest is None or LEVEL_RANK[item.level] > LEVEL_RANK[finest.level]:
                finest = item
    if finest is not None:
        level_id, level_en = LEVEL_NAMES[finest.level]
        stores_id, stores_en = KIND_STORES[kind]
        raise FileError("finer_than_kind", column=finest.header, level=level_id, level_en=level_en,
                        stores=stores_id, stores_en=stores_en)


def coarser_than_kind(kind: str, accounts: list[ColumnAccount]) -> None:
    """Refuse a file whose rows are coarser than the one-per-area records ``kind`` keeps (a
    per-kab/kota summary of KDMP is no list of KDMP): ``FileError`` ``coarser_than_kind`` naming the
    finest area column found — before a missing desa column or a listing date is asked for."""
    needed = KIND_ROW_LEVEL.get(kind)
    if needed is None:
        return
    levels = [item for item in accounts if item.level in LEVEL_RANK]
    if not levels or any(LEVEL_RANK[item.level] >= LEVEL_RANK[needed] for item in levels):
        return
    finest = max(levels, key=lambda item: LEVEL_RANK[item.level])
    level_id, level_en = LEVEL_NAMES[finest.level]
    stores_id, stores_en = KIND_STORES[kind]
    raise FileError("coarser_than_kind", column=finest.header, level=level_id, level_en=level_en,
                    stores=stores_id, stores_en=stores_en)


def looks_like_area(header: str, values: list[str], gazetteer: Gazetteer) -> bool:
    """A column whose header words, codes or values show an area at some level."""
    return column_level(header, values, gazetteer) is not None or _name_level(values, gazetteer) is not None


def refuse_unaccounted(accounts: list[ColumnAccount], spec: KindSpec) -> None:
    """An area- or measure-looking column nobody mapped refuses the file, naming it."""
    for item in accounts:
        if item.role == "unaccounted":
            level_id, level_en = LEVEL_NAMES.get(item.level or "unknown", LEVEL_NAMES["unknown"])
            raise FileError(f"column_unaccounted_{item.looks_like}", column=item.header, level=level_id,
                            level_en=level_en, fields=", ".join(c.field for c in spec.columns))


def notes(accounts: list[ColumnAccount]) -> list[tuple[str, dict]]:
    """Report notes naming what became of the columns the kind does not store."""
    found = []
    for role in ("other_measure", "internal_id", "ignored_by_choice"):
        names = [item.header for item in accounts if item.role == role]
        if names:
            found.append((f"accounting_{role}", {"columns": ", ".join(names)}))
    return found
