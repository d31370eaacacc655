"""The official's column mapping and the hierarchy read from values (issue 18, rules 4 and 5).
Pure apart from the gazetteer it is handed.

- ``resolve_field(spec, wanted)``: a field named by id, header or alias ("per_tanggal" → ``as_of``).
- ``apply_choices(spec, table, choices)``: the table with the official's choices applied.
- ``hierarchy_from_values(spec, table, gazetteer, chosen)``: an ambiguous area column read at the
  level its values show (``district`` = ``KAB. ACEH BARAT`` is a kab/kota).
"""

from __future__ import annotations

from data_access.imports.accounting import (
    AMBIGUOUS_AREA_WORDS,
    IGNORE_WORDS,
    _name_level,
    _values,
    _words,
    is_internal_id,
)
from data_access.imports.parsing import FileError, header_key
from data_access.imports.reading import Table
from data_access.imports.regions import Gazetteer
from data_access.imports.rows import KindSpec


def resolve_field(spec: KindSpec, wanted: str) -> str | None:
    """A field of ``spec`` named by its id, Indonesian or English header or an alias
    ("per_tanggal", "Per Tanggal", "as_of" → ``as_of``); ``""`` for an ignore word; ``None``
    when nothing matches."""
    key = header_key(wanted)
    if wanted.strip().lower() in IGNORE_WORDS or key in IGNORE_WORDS:
        return ""
    for column in spec.columns:
        if key in {header_key(s) for s in (column.field, column.header, column.header_en, *column.aliases)}:
            return column.field
    return None


def _spellings(spec: KindSpec) -> dict[str, str]:
    found: dict[str, str] = {}
    for column in spec.columns:
        for spelling in (column.header, column.header_en, column.field, *column.aliases):
            found.setdefault(header_key(spelling), column.field)
    return found


LEVEL_FIELD = {"province": "province", "regency": "regency", "kecamatan": "district", "desa": "village"}


def hierarchy_from_values(spec: KindSpec, table: Table, gazetteer: Gazetteer,
                          chosen: frozenset[int] = frozenset()) -> tuple[Table, list[tuple[str, dict]]]:
    """Rule 5: a column under an ambiguous area word ("district": the kab/kota in the national KDMP
    system, the kecamatan in BPS tables) is read at the level its **values** show — ``KAB. ACEH
    BARAT`` is a kab/kota — when the kind has a field for that level not taken by another column.
    Columns the official mapped (``chosen`` positions) are left alone. Returns the table (headers
    renamed where a level was settled) and a note per settled column."""
    spellings = _spellings(spec)
    fields = {c.field for c in spec.columns}
    taken = {spellings.get(header_key(h)) for h in table.headers}
    headers, notes = list(table.headers), []
    for position, header in enumerate(table.headers):
        if position in chosen or not _words(header) & set(AMBIGUOUS_AREA_WORDS) or is_internal_id(header):
            continue
        level = _name_level(_values(table, position, 100), gazetteer)
        field = LEVEL_FIELD.get(level or "")
        if field is None or field not in fields or spellings.get(header_key(header)) == field or field in taken:
            continue
        headers[position] = spec.column(field).header
        taken.add(field)
        notes.append(("accounting_level_from_values", {"column": header, "field": spec.column(field).header,
                                                        "field_en": spec.column(field).header_en}))
    if not notes:
        return table, []
    return Table(headers=headers, rows=table.rows, file_type=table.file_type, encoding=table.encoding,
                 delimiter=table.delimiter, sheet=table.sheet, notes=table.notes, header_row=table.header_row,
                 raw_headers=table.raw_headers), notes


def apply_choices(spec: KindSpec, table: Table, choices: dict[str, str]) -> tuple[Table, frozenset[str]]:
    """The table with the official's mapping applied: a column chosen for a field is headed with
    that field's header; a column chosen to be ignored, and any other column the kind would
    have read as a chosen field, is left unread (headed ``""``; ``account`` still lists it under
    its own header). ``FileError`` for a header not in the file or a field the kind does not have."""
    if not choices:
        return table, frozenset()
    by_key = {header_key(h): i for i, h in enumerate(table.headers) if header_key(h)}
    headers = list(table.headers)
    ignored: set[str] = set()
    chosen_fields: dict[str, int] = {}
    for written, wanted in choices.items():
        position = by_key.get(header_key(written))
        if position is None:
            raise FileError("mapping_no_column", column=written, found=", ".join(h for h in table.headers if h))
        field = resolve_field(spec, wanted)
        if field is None:
            raise FileError("mapping_no_field", column=written, field=wanted,
                            fields=", ".join(c.field for c in spec.columns))
        if field == "":
            ignored.add(table.headers[position])
            headers[position] = ""
            continue
        chosen_fields[field] = position
        headers[position] = spec.column(field).header
    spellings = _spellings(spec)
    for position, header in enumerate(table.headers):
        field = spellings.get(header_key(header))
        if field in chosen_fields and chosen_fields[field] != position and headers[position] == header:
            headers[position] = ""
    shown = Table(headers=headers, rows=table.rows, file_type=table.file_type, encoding=table.encoding,
                  delimiter=table.delimiter, sheet=table.sheet, notes=table.notes, header_row=table.header_row,
                  raw_headers=table.raw_headers)
    return shown, frozenset(ignored)
