"""Where the table starts in a published file: the header row below title and note lines.

BPS "Dalam Angka" tables and portal exports put one or more title lines above the
header, a ``(1) (2) (3)`` column-number row below it and a source line ("Sumber/Source:
…") under the data. ``locate`` takes every non-empty row of the file and returns the
title lines, the header (one spelling per column: of a bilingual header
"Kabupaten/Kota\\nRegency/Municipality" the line the kind knows), and the body rows with
the column-number row and the source lines set aside (each reported in ``notes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from data_access.imports.parsing import FileError, clean, header_key
from data_access.imports.reading import FormulaCell
from data_access.imports.rows import ALWAYS_IGNORED, KindSpec

MAX_TITLE_ROWS = 12
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
_YEAR = re.compile(r"^(19|20)\d{2}$")
FOOTER_WORDS = ("sumber", "source", "catatan", "note", "notes", "keterangan", "ket")


@dataclass
class Located:
    title_lines: list[str]
    headers: list[str]
    header_row: int
    rows: list[tuple[int, list[str]]]
    notes: list[tuple[str, dict]] = field(default_factory=list)  # (ui text key, values) for the preview
    footer: list[str] = field(default_factory=list)


def known_keys(spec: KindSpec) -> dict[str, str]:
    """Header key → field for every spelling the kind accepts (ignored columns → "")."""
    keys = {header_key(h): "" for h in (*spec.ignored, *ALWAYS_IGNORED)}
    for column in spec.columns:
        for spelling in (column.header, column.header_en, column.field, *column.aliases):
            keys.setdefault(header_key(spelling), column.field)
    return keys


def pick_spelling(cell: str, keys: dict[str, str]) -> str:
    """Of a header cell with several lines (Indonesian over English), the line the kind knows;
    the whole cell when it is known as it is; else its first line."""
    text = str(cell or "")
    whole = clean(text)
    if header_key(whole) in keys:
        return whole
    lines = [clean(line) for line in re.split(r"[\r\n]+", text) if clean(line)]
    for line in lines:
        if header_key(line) in keys:
            return line
    return lines[0] if lines else whole


def _score(cells: list[str], keys: dict[str, str]) -> float:
    score = 0.0
    for cell in cells:
        if isinstance(cell, FormulaCell) or not clean(cell):
            continue
        spelling = header_key(pick_spelling(cell, keys))
        if keys.get(spelling):
            score += 1
        elif _YEAR.match(clean(cell)):
            score += 0.5
    return score


def _is_footer(cells: list[str]) -> bool:
    filled = [clean(c) for c in cells if clean(c)]
    if len(filled) != 1:
        return False
    first = header_key(filled[0]).split(" ")
    return bool(first) and first[0] in FOOTER_WORDS


def locate(grid: list[tuple[int, list[str]]], spec: KindSpec) -> Located:
    """The header row is the one among the first rows with the most columns the kind knows
    (years count half: tables with years as columns); ties go to the earliest."""
    keys = known_keys(spec)
    best, best_score = 0, 0.0
    for index, (_number, cells) in enumerate(grid[:MAX_TITLE_ROWS]):
        score = _score(cells, keys)
        if score > best_score:
            best, best_score = index, score
    if best_score == 0 and grid and sum(1 for c in grid[0][1] if clean(c)) < 2:
        # nothing the kind knows anywhere, and the first line is a title: never call it "the columns found"
        needed = ", ".join([c.header for c in spec.columns if c.required] + [
            " / ".join(spec.column(name).header for name in group) for group in spec.required_any])
        first = " ".join(clean(c) for c in grid[0][1] if clean(c))[:120]
        raise FileError("no_header_found", rows=min(len(grid), MAX_TITLE_ROWS), first=first, needed=needed)
    titles = [" ".join(clean(c) for c in cells if clean(c)) for _n, cells in grid[:best]]
    header_row, raw = grid[best] if grid else (1, [])
    headers = [pick_spelling(c, keys) for c in raw]
    while headers and not headers[-1]:
        headers.pop()
    located = Located(titles, headers, header_row, [])
    if best:
        located.notes.append(("imp_note_header_below", {"row": header_row, "titles": len(titles)}))
    footer_started = False
    for number, cells in grid[best + 1:]:
        filled = [clean(c) for c in cells if clean(c)]
        if footer_started or _is_footer(cells):
            footer_started = True
            located.footer.append(" ".join(filled))
            continue
        if len(filled) >= 2 and all(_COLUMN_NUMBER.match(c) for c in filled) and not located.rows:
            located.notes.append(("imp_note_column_numbers", {"row": number}))
            continue
        located.rows.append((number, cells))
    if located.footer:
        located.notes.append(("imp_note_footer", {"text": located.footer[0][:120]}))
    return located
