"""One file row, read field by field, and what a kind of import is made of.

``KindSpec`` lists a kind's columns (template header in Indonesian, English header,
other spellings accepted), its row validator and its writer; ``map_headers`` finds
which file column holds which field; ``RowView`` reads one row's cells as typed
values and collects ``RowError``s naming row number, column (as headed in the
file), value and reason. Only the columns present in the file are in
``Record.values``: a column left out of the file leaves stored values as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from data_access.imports import messages
from data_access.imports.parsing import CellError, FileError, clean, header_key
from data_access.imports.reading import FormulaCell
from data_access.imports.regions import Gazetteer

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
    facts: dict = field(default_factory=dict)  # how the row was read: {"code_scheme": "bps", "bps_rule": True}


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
    in_template: bool = True  # False: accepted from published layouts, not offered in the template


@dataclass(frozen=True)
class KindSpec:
    kind: str
    title_id: str
    title_en: str
    columns: tuple[Column, ...]
    required_any: tuple[tuple[str, ...], ...] = ()  # at least one column of each group present
    ignored: tuple[str, ...] = ()                   # recognised headers that are not stored
    validator: Callable | None = None               # (RowView, Context) -> Record | None
    writer: Callable | None = None                  # (Job, list[Record]) -> {row: (status, errors)}
    key_fields: tuple[str, ...] = ()                # blamed for a duplicate key (first present)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.field == name)

    def title(self, lang: str = "id") -> str:
        return self.title_en if lang == "en" else self.title_id


ALWAYS_IGNORED = ("No", "No.", "Nomor Urut", "No Urut", "#", "id", "_id", "satuan", "unit", "timestamp")


# --- one row ------------------------------------------------------------------------------------


@dataclass
class HeaderMap:
    index: dict[str, int]
    headers: dict[str, str]
    ignored: list[str]
    unknown: list[str]


def map_headers(spec: KindSpec, headers: list[str]) -> HeaderMap:
    """Which file column holds which field; ``FileError`` for missing or doubled columns."""
    hmap = index_headers(spec, headers)
    missing = [c.header for c in spec.columns if c.required and c.field not in hmap.index]
    for group in spec.required_any:
        if not any(name in hmap.index for name in group):
            missing.append(" / ".join(spec.column(name).header for name in group))
    if missing:
        raise FileError("missing_columns", columns=", ".join(missing),
                        found=", ".join(h for h in headers if h) or "–")
    return hmap


def index_headers(spec: KindSpec, headers: list[str]) -> HeaderMap:
    """The columns the kind recognises, whatever is missing (``FileError`` only for a doubled one):
    what a file does hold is still said when a required column is not there."""
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
    return HeaderMap(index, written, ignored, unknown)


class RowView:
    """One file row, read field by field; problems pile up in ``errors``."""

    def __init__(self, number: int, cells: list[str], hmap: HeaderMap, spec: KindSpec) -> None:
        self.number, self.cells, self.hmap, self.spec = number, cells, hmap, spec
        self.errors: list[RowError] = []
        self.facts: dict = {}

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
    kota_written: frozenset[str] = frozenset()  # normalised "kota x" names the file itself lists (BPS rule)
    villages: object = None  # ``imports.villages.VillageIndex`` of the import's session (desa lookups)
    listing: tuple | None = None  # kdmp: (as-of date, stage) the official gave for a listing with no stage dates

