"""The briefing pack as an XLSX workbook (openpyxl): the same figures and the same stamp as the PDF.

``render(snapshot, lang=None) -> bytes``. Sheets: the stamp first (snapshot id, time in WITA, data
version, figures hash, permalink, area, period, rule, demo note), the key figures, one sheet per
table of the snapshot (every row, no cut; numbers kept as numbers, shares as fractions with a
percent format, a "Demo" column when demo rows are present), and the sources.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Font

from briefing import permalink, scope_lines, text, when

SHEET_NAME_MAX = 31


def _typed(value, kind: str, lang: str):
    if value is None:
        return None
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "bool":
        return text("bp_yes" if value else "bp_no", lang)
    if kind == "stage":
        return text(f"stage_{value}", lang)
    if kind == "status":
        return text(f"mtg_status_{value}", lang)
    return value


def _sheet(book: Workbook, title: str, header: list[str], rows: list[list]) -> None:
    sheet = book.create_sheet(re.sub(r"[\\/*?:\[\]]", "-", title)[:SHEET_NAME_MAX])
    sheet.append(header)
    for c in sheet[1]:
        c.font = Font(bold=True)
    for row in rows:
        sheet.append(row)


def render(snapshot, lang: str | None = None, base_url: str | None = None) -> bytes:
    lang = lang or snapshot.lang
    content = snapshot.content
    book = Workbook()
    info = book.active
    info.title = text("bp_stamp_sheet", lang)
    for key, value in (("bp_k_id", snapshot.id), ("bp_k_created", when(snapshot.created_at) + " WITA"),
                       ("bp_k_version", snapshot.data_version), ("bp_k_hash", snapshot.figures_hash),
                       ("bp_k_by", snapshot.created_by or ""), ("bp_permalink", permalink(snapshot, base_url))):
        info.append([text(key, lang), value])
    for line in scope_lines(content, lang):
        info.append(line.split(": ", 1) if ": " in line else [line])
    info.append([text("bp_demo_note", lang)])
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 28, 70

    _sheet(book, text("bp_headline", lang), [text("bp_c_figure", lang), text("bp_c_value", lang), "DEMO"],
           [[text(f"bp_h_{h['key']}", lang), h["value"], "DEMO" if h["demo"] else ""] for h in content["headline"]])
    for section in content["sections"]:
        demo = any(section["demo_rows"])
        header = ([text("bp_c_demo", lang)] if demo else []) + [text(f"bp_c_{c}", lang) for c in section["columns"]]
        rows = [(["DEMO" if is_demo else ""] if demo else [])
                + [_typed(v, kind, lang) for v, kind in zip(values, section["types"], strict=True)]
                for values, is_demo in zip(section["rows"], section["demo_rows"], strict=True)]
        _sheet(book, text(f"bp_s_{section['key']}", lang), header, rows)
        sheet = book.worksheets[-1]
        for index, kind in enumerate(section["types"], start=(2 if demo else 1)):
            if kind in ("share", "date"):
                for (c,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    c.number_format = "0.0%" if kind == "share" else "yyyy-mm-dd"
    _sheet(book, text("bp_sources", lang),
           [text(f"bp_c_{c}", lang) for c in ("fact", "kind", "source_outlet", "headline", "url", "published_on", "rows")],
           [[s["fact"], s["kind"], s["outlet"], s["headline"], s["url"],
             dt.date.fromisoformat(s["published_on"]) if s["published_on"] else None, s["rows"]]
            for s in content["sources"]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
