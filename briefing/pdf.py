"""The briefing pack as an A4 PDF, drawn on the server (fpdf2; no browser).

``render(snapshot, lang, base_url=None) -> bytes``. Contents, in order: title, area/period/rule,
the stamp (snapshot id, time in WITA, data version, figures hash) and a QR code of the permalink;
the key figures; the meetings-per-month chart (``briefing.charts``); each table of the snapshot;
the sources with their dates; the demo note when demo rows are present. Every page's footer
repeats the stamp and "page n/total". Black text on white with grey rules only, so it prints in
black and white; demo rows carry the word DEMO, not a colour. Tables longer than ``MAX_ROWS`` are
cut with a line saying how many rows more the XLSX holds.

Text is set in DejaVu Sans (``FONT_DIR``, Debian's fonts-dejavu-core) for Indonesian and the
en dash; where it is missing, Helvetica with the text reduced to Latin-1.
"""

from __future__ import annotations

import io
from pathlib import Path

import segno
from fpdf import FPDF
from fpdf.fonts import FontFace

from briefing import cell, charts, permalink, scope_lines, stamp, text

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
MAX_ROWS = 60
WIDE_COLUMNS = {"title": 3.0, "area_name": 2.2, "regency_name": 2.0, "province_name": 1.6, "province": 1.6,
                "regency": 1.6, "source_outlet": 1.8}


class _Pack(FPDF):
    footer_text = ""
    family = "Helvetica"

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, size=7)
        self.set_text_color(60)
        self.cell(0, 4, self.footer_text, align="L")
        self.set_x(-40)
        self.cell(30, 4, f"{self.page_no()}/{{nb}}", align="R")


def _latin(value: str) -> str:
    return value.replace("–", "-").replace("…", "...").encode("latin-1", "replace").decode("latin-1")


def _document(lang: str, footer: str) -> tuple[_Pack, callable]:
    pdf = _Pack(format="A4")
    pdf.set_auto_page_break(True, margin=16)
    if (FONT_DIR / "DejaVuSans.ttf").exists():
        pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        pdf.family = "DejaVu"
        clean = str
    else:
        clean = _latin
    pdf.footer_text = clean(footer)
    pdf.alias_nb_pages()
    pdf.set_title(clean(text("bp_title", lang)))
    return pdf, clean


def _heading(pdf: _Pack, label: str, size: int = 12) -> None:
    if pdf.get_y() > pdf.h - pdf.b_margin - 30:  # a heading never ends a page alone
        pdf.add_page()
    pdf.set_font(pdf.family, "B", size)
    pdf.ln(2)
    pdf.multi_cell(0, 6, label, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, size=8)


def _table(pdf: _Pack, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
    pdf.set_font(pdf.family, size=7)
    heading = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
    with pdf.table(col_widths=widths, headings_style=heading, line_height=4, text_align="LEFT",
                   borders_layout="HORIZONTAL_LINES") as table:
        table.row(header)
        for values in rows:
            table.row(values)


def _section_table(pdf: _Pack, section: dict, lang: str, clean) -> None:
    _heading(pdf, clean(text(f"bp_s_{section['key']}", lang)), 11)
    if not section["rows"]:
        pdf.multi_cell(0, 5, clean(text("bp_no_rows", lang)), new_x="LMARGIN", new_y="NEXT")
        return
    demo = any(section["demo_rows"])
    header = ([text("bp_c_demo", lang)] if demo else []) + [text(f"bp_c_{c}", lang) for c in section["columns"]]
    widths = ([0.7] if demo else []) + [WIDE_COLUMNS.get(c, 1.0) for c in section["columns"]]
    rows = []
    for values, is_demo in list(zip(section["rows"], section["demo_rows"], strict=True))[:MAX_ROWS]:
        shown = [cell(v, kind, lang) for v, kind in zip(values, section["types"], strict=True)]
        rows.append([clean(s) for s in (["DEMO" if is_demo else ""] if demo else []) + shown])
    _table(pdf, [clean(h) for h in header], rows, widths)
    if len(section["rows"]) > MAX_ROWS:
        pdf.set_font(pdf.family, size=8)
        pdf.multi_cell(0, 5, clean(text("bp_more_rows", lang, n=len(section["rows"]) - MAX_ROWS)),
                       new_x="LMARGIN", new_y="NEXT")


def render(snapshot, lang: str | None = None, base_url: str | None = None) -> bytes:
    """The PDF bytes of ``snapshot`` in ``lang`` (default: the snapshot's language)."""
    lang = lang or snapshot.lang
    content = snapshot.content
    link = permalink(snapshot, base_url)
    pdf, clean = _document(lang, stamp(snapshot, lang))
    pdf.add_page()
    qr = io.BytesIO()
    segno.make(link, error="m").save(qr, kind="png", scale=4, border=2)
    pdf.image(qr, x=pdf.w - pdf.r_margin - 28, y=pdf.t_margin, w=28)
    pdf.set_font(pdf.family, "B", 16)
    pdf.multi_cell(pdf.epw - 32, 8, clean(text("bp_title", lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, size=9)
    for line in scope_lines(content, lang):
        pdf.multi_cell(pdf.epw - 32, 5, clean(line), new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(pdf.epw - 32, 5, clean(stamp(snapshot, lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(pdf.epw - 32, 5, clean(f"{text('bp_permalink', lang)}: {link}"), new_x="LMARGIN", new_y="NEXT",
                   link=link)
    pdf.set_y(max(pdf.get_y(), pdf.t_margin + 30))
    if any(h["demo"] for h in content["headline"]) or any(any(s["demo_rows"]) for s in content["sections"]):
        pdf.set_font(pdf.family, "B", 9)
        pdf.multi_cell(0, 5, clean(text("bp_demo_note", lang)), border=1, new_x="LMARGIN", new_y="NEXT")

    _heading(pdf, clean(text("bp_headline", lang)))
    _table(pdf, [clean(text("bp_c_figure", lang)), clean(text("bp_c_value", lang)), "DEMO"],
           [[clean(text(f"bp_h_{h['key']}", lang)), clean(cell(h["value"], "int", lang)), "DEMO" if h["demo"] else ""]
            for h in content["headline"]], [3, 1.5, 0.8])

    sections = {s["key"]: s for s in content["sections"]}
    png = charts.meetings_png(sections["meetings_per_month"], lang)
    if png is not None:
        pdf.ln(3)
        pdf.image(io.BytesIO(png), w=pdf.epw)
    for section in content["sections"]:
        if section["key"] != "meetings_per_month":
            _section_table(pdf, section, lang, clean)

    _heading(pdf, clean(text("bp_sources", lang)), 11)
    _table(pdf, [clean(text(f"bp_c_{c}", lang)) for c in ("fact", "kind", "source_outlet", "headline", "published_on", "rows")],
           [[clean(s["fact"]), clean(s["kind"]), clean(s["outlet"] or "–"), clean((s["headline"] or "–")[:120]),
             clean(cell(s["published_on"], "date", lang)), clean(cell(s["rows"], "int", lang))]
            for s in content["sources"]], [1, 1, 1.6, 3.2, 1.3, 0.8])
    return bytes(pdf.output())
