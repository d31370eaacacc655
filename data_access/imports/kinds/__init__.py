"""The import kinds, one module each: ``registry``, ``counts``, ``meetings``, ``pokja``, ``kdmp``
(its writer in ``kdmp_write``).

Each module holds its ``KindSpec`` (columns and spellings), its row validator
(one row → a ``Record`` or ``RowError``s) and its writer (records → new / changed /
unchanged / rejected). Adding a kind is one module and one line in ``KINDS``.
"""

from __future__ import annotations

from data_access.imports.kinds.counts import COUNTS
from data_access.imports.kinds.kdmp import KDMP
from data_access.imports.kinds.meetings import MEETINGS
from data_access.imports.kinds.pokja import POKJA
from data_access.imports.kinds.registry import REGISTRY
from data_access.imports.parsing import FileError, clean
from data_access.imports.reading import Table
from data_access.imports.rows import Context, HeaderMap, KindSpec, Record, RowError, RowView, map_headers

KINDS: dict[str, KindSpec] = {spec.kind: spec for spec in (REGISTRY, COUNTS, MEETINGS, POKJA, KDMP)}


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
        record.facts = view.facts
        out.append(record)
    return hmap, out


__all__ = ["COUNTS", "KDMP", "KINDS", "MEETINGS", "POKJA", "REGISTRY", "Context", "HeaderMap", "KindSpec", "Record",
           "RowError", "map_headers", "spec_for", "validate"]
