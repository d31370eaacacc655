"""Layout readers: a published file's rows → the rows an import kind reads, one module per layout.

``shape(table, spec, gazetteer)`` finds the header row below any title lines
(``locate``), then asks each reader in ``READERS`` in turn; the first that recognises
the layout shapes the rows. Adding a layout is one module and one entry in ``READERS``.

- ``satudata_long``: Satu Data Indonesia's one-figure-per-row export.
- ``years_as_columns``: a table with one column per year.
- ``tabular``: everything else — the template, portal exports, BPS "Dalam Angka" tables.
"""

from __future__ import annotations

from data_access.imports.layouts import satudata_long, tabular, years_as_columns
from data_access.imports.layouts.locate import Located, known_keys, locate
from data_access.imports.layouts.shaped import Shaped
from data_access.imports.parsing import FileError, header_key
from data_access.imports.reading import Table
from data_access.imports.regions import Gazetteer
from data_access.imports.rows import KindSpec

READERS = (satudata_long.read, years_as_columns.read, tabular.read)
_REGENCY_WORDS = ("kabupaten", "kab", "kota", "regency", "municipality", "city")


def shape(table: Table, spec: KindSpec, gazetteer: Gazetteer) -> Shaped:
    """The rows as ``spec`` reads them; ``FileError`` when a layout cannot be read safely."""
    located = locate(table.grid(), spec)
    for reader in READERS:
        shaped = reader(located, spec, gazetteer, table)
        if shaped is not None:
            _never_as_province(shaped.table.headers, spec)
            return shaped
    raise AssertionError("tabular.read always answers")


def _never_as_province(headers: list[str], spec: KindSpec) -> None:
    """A file with a kab/kota column the kind cannot read is refused: read without it, its
    kab/kota figures would be stored as the province's."""
    if spec.kind != "counts":
        return
    keys = known_keys(spec)
    fields = {keys.get(header_key(h)) for h in headers}
    if fields & {"regency", "area_code", "bps_code"}:
        return
    for header in headers:
        words = header_key(header).split(" ")
        if not keys.get(header_key(header)) and any(w in _REGENCY_WORDS for w in words):
            raise FileError("regency_column_unread", column=header)


__all__ = ["READERS", "Located", "Shaped", "shape"]
