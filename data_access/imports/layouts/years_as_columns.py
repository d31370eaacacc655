"""Tables with the years as columns: "Kabupaten/Kota | 2019 | 2020 | 2021".

Each area row becomes one figure per year (year precision), named by its spreadsheet row
and year ("7/2020"). What the figures count comes from the title ("Jumlah Koperasi Aktif
…" → active); a title that does not say exactly one measure refuses the file. A table with no
area column at all (an indicator table: "Uraian | Satuan | 2022 | 2023") is refused for that first.
"""

from __future__ import annotations

import re

from data_access.imports import accounting
from data_access.imports.layouts import tabular, title
from data_access.imports.layouts.locate import Located, known_keys
from data_access.imports.layouts.shaped import Shaped
from data_access.imports.parsing import FileError, clean, header_key
from data_access.imports.reading import Table
from data_access.imports.regions import Gazetteer
from data_access.imports.rows import KindSpec

_YEAR = re.compile(r"^(19|20)\d{2}$")
AREA_FIELDS = ("province", "regency", "area_code", "bps_code", "province_code")
MEASURE_HEADER = {"active": "Aktif", "inactive": "Tidak Aktif", "total": "Jumlah Koperasi"}


def _refuse_without_area(located: Located, kept: list[int], keys: dict[str, str], gaz: Gazetteer) -> None:
    """Years as columns stand beside area rows: with no column headed or filled as an area (an
    indicator table, "Uraian | 2022 | 2023"), that is the cause — not the title's measure."""
    for i in kept:
        values = [clean(cells[i]) for _n, cells in located.rows if i < len(cells) and clean(cells[i])]
        if keys.get(header_key(located.headers[i])) in AREA_FIELDS or accounting.looks_like_area(
                located.headers[i], values, gaz):
            return
    first = next((i for i in kept if clean(located.headers[i])), 0)
    sample = [clean(cells[first]) for _n, cells in located.rows if first < len(cells) and clean(cells[first])]
    raise FileError("no_area_column", columns=", ".join(clean(h) for h in located.headers if clean(h)),
                    column=clean(located.headers[first]), values=", ".join(list(dict.fromkeys(sample))[:3]) or "–")


class RowYear(str):
    """A row number with the year column it came from ("7/2020"): one spreadsheet row, several figures."""


def read(located: Located, spec: KindSpec, gaz: Gazetteer, table: Table) -> Shaped | None:
    years = [i for i, h in enumerate(located.headers) if _YEAR.match(clean(h))]
    keys = known_keys(spec)
    if spec.kind != "counts" or len(years) < 2 or any(keys.get(header_key(h)) == "as_of" for h in located.headers):
        return None
    kept = [i for i in range(len(located.headers)) if i not in years]
    _refuse_without_area(located, kept, keys, gaz)
    what = " ".join(located.title_lines)
    measure = title.measure(what)
    if measure is None:
        raise FileError("measure_unknown", what=what[:160] or "–")
    headers = [located.headers[i] for i in kept] + ["Per Tanggal", MEASURE_HEADER[measure]]
    rows = []
    for number, cells in located.rows:
        base = [cells[i] if i < len(cells) else "" for i in kept]
        for i in years:
            value = clean(cells[i]) if i < len(cells) else ""
            if value:
                rows.append((RowYear(f"{number}/{clean(located.headers[i])}"), [*base, clean(located.headers[i]),
                                                                                 value]))
    unpivoted = Located(located.title_lines, headers, located.header_row, rows, list(located.notes), located.footer)
    shaped = tabular.read(unpivoted, spec, gaz, table)
    shaped.layout = "years_as_columns"
    shaped.notes.append(("imp_note_years_as_columns", {"years": ", ".join(clean(located.headers[i]) for i in years),
                                                       "measure": MEASURE_HEADER[measure]}))
    return shaped
