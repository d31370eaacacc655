"""Satu Data Indonesia's "long" layout: one figure per row.

Columns ``kode_wilayah, nama_wilayah, level_wilayah, judul, satuan, tahun, periode, data,
status`` (plus ``_id``, ``timestamp``). ``judul`` says what the figure counts ("Jumlah
Koperasi Aktif" → active), ``data`` is the figure, ``tahun`` its year (year precision),
``periode`` the periodicity ("Tahunan": not a date), ``status`` the portal's verification
status, kept in the note. Rows of the same area and year (one per measure) become one row.
"""

from __future__ import annotations

from data_access.imports.layouts import title
from data_access.imports.layouts.locate import Located
from data_access.imports.layouts.shaped import Shaped, check_units
from data_access.imports.parsing import clean, header_key
from data_access.imports.reading import Table
from data_access.imports.regions import Gazetteer
from data_access.imports.rows import KindSpec, RowError

NEEDED = ("judul", "data", "tahun")
AREA = ("kode wilayah", "nama wilayah")
OUT = ["Kode Wilayah", "Kabupaten/Kota", "Provinsi", "Tingkat Wilayah", "Per Tanggal", "Aktif", "Tidak Aktif",
       "Jumlah Koperasi", "Catatan"]
MEASURE_COLUMN = {"active": 5, "inactive": 6, "total": 7}


def read(located: Located, spec: KindSpec, gaz: Gazetteer, table: Table) -> Shaped | None:
    keys = [header_key(h) for h in located.headers]
    if spec.kind != "counts" or not all(k in keys for k in NEEDED) or not any(k in keys for k in AREA):
        return None
    at = {k: i for i, k in reversed(list(enumerate(keys)))}
    shaped = Shaped(table, "satudata_long", list(located.notes))
    unit = check_units(located.headers, located.rows, shaped.row_errors)

    def cell(cells: list[str], key: str) -> str:
        index = at.get(key)
        return clean(cells[index]) if index is not None and index < len(cells) else ""

    grouped: dict[tuple, tuple[int, list[str]]] = {}
    for number, cells in located.rows:
        what = cell(cells, "judul")
        measure = title.measure(what)
        if measure is None:
            shaped.row_errors.setdefault(number, []).append(
                RowError(number, located.headers[at["judul"]], what, "measure_unknown", {"what": what or "–"}))
            continue
        level = cell(cells, "level wilayah")
        is_province = header_key(level).startswith("prov")
        area = (cell(cells, "kode wilayah"), cell(cells, "nama wilayah"), level, cell(cells, "tahun"))
        if area not in grouped:
            name = area[1]
            grouped[area] = (number, [area[0], "" if is_province else name, name if is_province else "", level,
                                      area[3], "", "", "", ""])
        _first, out = grouped[area]
        if out[MEASURE_COLUMN[measure]]:
            shaped.row_errors.setdefault(number, []).append(RowError(
                number, located.headers[at["data"]], cell(cells, "data"), "duplicate_row",
                {"row": _first, "key": f"{area[1]} · {area[3]} · {what}"}))
            continue
        out[MEASURE_COLUMN[measure]] = cell(cells, "data")
        remarks = [f"{what}: status portal {cell(cells, 'status')}" if cell(cells, "status") else "",
                   f"periode {cell(cells, 'periode')}" if cell(cells, "periode") else ""]
        out[8] = "; ".join(p for p in (out[8], *remarks) if p)
    rows = [(number, cells) for number, cells in grouped.values() if number not in shaped.row_errors]
    rows += [(number, [""] * len(OUT)) for number in shaped.row_errors]
    rows.sort(key=lambda r: r[0])
    shaped.table = Table(headers=list(OUT), rows=rows, file_type=table.file_type, encoding=table.encoding,
                         delimiter=table.delimiter, sheet=table.sheet, header_row=located.header_row)
    shaped.notes.append(("imp_note_long", {"rows": len(located.rows), "figures": len(grouped)}))
    if unit:
        shaped.notes.append(("imp_note_unit", {"column": unit}))
    return shaped
