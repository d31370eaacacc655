"""Downloadable templates of each import kind (CSV and XLSX), built from the kind's own column list."""

from __future__ import annotations

import csv
import io

from data_access.imports.kinds import spec_for


def template_headers(kind: str, lang: str = "id") -> list[str]:
    return [c.header_en if lang == "en" else c.header for c in template_columns(kind)]


def template_columns(kind: str) -> list:
    """The columns a template offers (published layouts' extra area columns are accepted, not offered)."""
    return [c for c in spec_for(kind).columns if c.in_template]


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
    for index, column in enumerate(template_columns(kind), start=1):
        data.column_dimensions[data.cell(1, index).column_letter].width = max(14, len(column.header) + 2)
    guide = workbook.create_sheet("Guide" if lang == "en" else "Petunjuk")
    guide.append(["Column", "Required", "Description", "Example", "Also accepted"] if lang == "en"
                 else ["Kolom", "Wajib", "Keterangan", "Contoh", "Ejaan lain yang diterima"])
    groups = {name for group in spec.required_any for name in group}
    for column in template_columns(kind):
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
