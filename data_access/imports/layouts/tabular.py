"""A table with one row per area (or meeting, cooperative …): the template, portal exports and
BPS "Dalam Angka" tables (title lines above the header).

What the title says fills what the columns do not: the province (when no province column)
and, for figures, the year (when no date column; year precision). A row whose area cell is
the province itself, or "Jumlah"/"Total", is the province's total: kept as the province's
figure when the province is known, set aside otherwise — never read as an unknown kab/kota.
"""

from __future__ import annotations

from data_access.gazetteer import normalise
from data_access.imports.layouts import title
from data_access.imports.layouts.locate import Located, known_keys
from data_access.imports.layouts.shaped import Shaped, check_units
from data_access.imports.parsing import clean, header_key
from data_access.imports.reading import Table
from data_access.imports.regions import Gazetteer
from data_access.imports.rows import KindSpec

TOTAL_WORDS = ("jumlah", "total", "jumlah total", "total jumlah", "jumlah provinsi", "total provinsi",
               "jumlah keseluruhan", "grand total")
PROVINCE_FROM_TITLE = "Provinsi (dari judul)"
YEAR_FROM_TITLE = "Tahun (dari judul)"


def _fields(spec: KindSpec, headers: list[str]) -> dict[str, int]:
    keys = known_keys(spec)
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = keys.get(header_key(header))
        if name and name not in found:
            found[name] = index
    return found


def _province_total(cell: str, gaz: Gazetteer) -> str | None:
    """The province a total row's area cell names ("Nusa Tenggara Timur", "Provinsi NTT"), when
    the name is a province's only (Gorontalo is also a kabupaten: not a total by its name)."""
    codes = gaz.lookup(cell)
    if codes and all(c in gaz.provinces for c in codes) and len(codes) == 1:
        return next(iter(codes))
    return None


def read(located: Located, spec: KindSpec, gaz: Gazetteer, table: Table) -> Shaped:
    headers = list(located.headers)
    rows = [(number, [*cells, *[""] * (len(headers) - len(cells))]) for number, cells in located.rows]
    shaped = Shaped(table, "titled" if located.title_lines else "plain", list(located.notes),
                    title=" · ".join(located.title_lines))
    fields = _fields(spec, headers)
    title_text = " ".join(located.title_lines)
    unit = check_units(headers, rows, shaped.row_errors)
    if unit:
        shaped.notes.append(("imp_note_unit", {"column": unit}))
    title_province = title.province(title_text, gaz) if title_text else None
    names = {c.field for c in spec.columns}
    if "province" in names and title_province and not {"province", "province_code"} & set(fields):
        headers.append(PROVINCE_FROM_TITLE)
        for _number, cells in rows:
            cells.append(gaz.name(title_province))
        fields["province"] = len(headers) - 1
        shaped.notes.append(("imp_note_title_province", {"province": gaz.label(title_province)}))
    year = title.year(title_text) if title_text else None
    if "as_of" in names and year and "as_of" not in fields:
        headers.append(YEAR_FROM_TITLE)
        for _number, cells in rows:
            cells.append(str(year))
        shaped.notes.append(("imp_note_title_year", {"year": year}))
    area = fields.get("regency")
    if spec.kind == "counts" and area is not None and "area_code" not in fields and "bps_code" not in fields:
        rows = _totals(rows, area, fields.get("province"), title_province, gaz, shaped)
    if area is not None and located.title_lines:  # the BPS rule holds in BPS-style (titled) tables only
        shaped.kota_written = frozenset(k for k in (normalise(clean(c[area])) for _n, c in rows)
                                        if k.startswith("kota "))
    shaped.table = Table(headers=headers, rows=rows, file_type=table.file_type, encoding=table.encoding,
                         delimiter=table.delimiter, sheet=table.sheet, header_row=located.header_row)
    return shaped


def _totals(rows: list, area: int, province_index: int | None, title_province: str | None, gaz: Gazetteer,
            shaped: Shaped) -> list:
    kept = []
    for number, cells in rows:
        cell = clean(cells[area])
        named = _province_total(cell, gaz) if cell else None
        if not cell or (named is None and header_key(cell) not in TOTAL_WORDS):
            kept.append((number, cells))
            continue
        given = clean(cells[province_index]) if province_index is not None else ""
        province = named or (gaz.lookup(given) and _province_total(given, gaz)) or title_province
        if province is None or province_index is None:
            shaped.notes.append(("imp_note_total_set_aside", {"row": number, "name": cell}))
            continue
        cells[area] = ""
        if not given:
            cells[province_index] = gaz.name(province)
        shaped.total_rows.add(number)
        shaped.notes.append(("imp_note_total_row", {"row": number, "name": cell, "province": gaz.label(province)}))
        kept.append((number, cells))
    return kept
