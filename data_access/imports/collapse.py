"""No collapse (issue 18, rule 2): two rows of one file that land on the same stored key.

- The same values (``Record.values``, its source and extras): the later row is **merged** into the
  first (outcome ``merged``; the report counts them and names the rows).
- Different values: the whole file is refused (``FileError("rows_collapse")``) naming both rows,
  the key, and the column that tells them apart — a column the kind does not read first (it is what
  makes the file finer than the key: ``kemendagri_nama_desa_kelurahan``), then a read one. Nothing is
  overwritten or dropped silently, and no mapping can switch this off.
"""

from __future__ import annotations

from data_access.imports.accounting import LEVEL_RANK, ColumnAccount
from data_access.imports.messages_mapping import LEVEL_NAMES
from data_access.imports.parsing import FileError, clean
from data_access.imports.rows import Record


def same(first: Record, second: Record) -> bool:
    """Would storing ``second`` after ``first`` change nothing?"""
    return (first.values, first.source, first.extra) == (second.values, second.source, second.extra)


def refusal(first: Record, second: Record, cells: dict[int, list[str]], accounts: list[ColumnAccount],
            key_level: str | None = "regency") -> FileError:
    """The ``rows_collapse`` error for two differing rows on one key (see the module docstring)."""
    def cell(number: int, position: int) -> str:
        row = cells.get(number, [])
        return clean(row[position]) if position < len(row) else ""

    differing = [(item.position, item) for item in accounts
                 if cell(first.row, item.position) != cell(second.row, item.position)]
    def stored_differs(item: ColumnAccount) -> bool:
        keys = [item.field, "precision"] if item.field == "as_of" else [item.field]
        return any(first.values.get(k) != second.values.get(k) for k in keys if k in first.values)

    differing.sort(key=lambda pair: (pair[1].role == "field", not stored_differs(pair[1]),
                                     -LEVEL_RANK.get(pair[1].level or "", -1)))
    position, item = differing[0] if differing else (None, None)
    column = item.header if item else first.key_column
    hint, hint_en = "", ""
    if item is not None and item.level in LEVEL_RANK and key_level in LEVEL_RANK \
            and LEVEL_RANK[item.level] > LEVEL_RANK[key_level]:
        hint = f": berkas lebih rinci daripada {LEVEL_NAMES[key_level][0]}"
        hint_en = f": the file is finer than {LEVEL_NAMES[key_level][1]}"
    return FileError("rows_collapse", first=first.row, second=second.row, key=first.label, column=column,
                     first_value=cell(first.row, position) if position is not None else "",
                     second_value=cell(second.row, position) if position is not None else "",
                     hint=hint, hint_en=hint_en)
