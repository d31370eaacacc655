"""Tables pasted into a report as text: cooperative counts by column or by row, and which of them
are the area's.

A table is two or more consecutive lines split into three or more cells by ``|``, tabs or
runs of two or more spaces. Two orientations occur in regional reports:

- roles in rows, areas or years in columns::

      Uraian | Kecamatan Martapura | Kabupaten Banjar
      Jumlah koperasi | 96 | 402
      Aktif | 61 | 237

- areas in rows, roles in columns::

      Wilayah | Jumlah | Aktif | Tidak aktif
      Kecamatan A | 40 | 25 | 15
      Kabupaten Banjar | 402 | 237 | 165

A column (or row) headed by a sub-area (kecamatan, desa) or a year before the meeting's is
never the area's; in a list of kecamatan ("No | Kecamatan | Jumlah | Aktif") only the
"Jumlah"/"Total" row is (the regency's); when exactly one column (row) is left, its cells are the counts, with the
role their label gives (jumlah/total → total, aktif → active, tidak aktif/… → inactive) and
the header cell as the place of the figures (its span is returned as the counts' clause).
Anything else (two columns left, no roles) gives no counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.figures import _ACTIVE, _INACTIVE, Count, parse_count
from ingest.text import _Doc

_ROLE_INACTIVE = re.compile(rf"\b(?:{_INACTIVE})\b", re.IGNORECASE)
_ROLE_ACTIVE = re.compile(rf"\b(?:{_ACTIVE})\b", re.IGNORECASE)
_ROLE_TOTAL = re.compile(r"\b(?:jumlah|total|terdaftar|registered|seluruh)\b", re.IGNORECASE)
_SUB_AREA = re.compile(r"\b(?:kecamatan|kec\.|desa|kelurahan|kel\.|nagari|gampong|distrik|kampung|"
                       r"sub-?districts?|villages?)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_TOTAL_ROW = re.compile(r"\W*(?:jumlah|total)\b", re.IGNORECASE)


@dataclass
class Table:
    """One table: ``(start, end)`` of the block; ``counts`` the area's counts, each with the span of
    the header cell that names its column (or row) as its clause."""

    start: int
    end: int
    counts: list[tuple[Count, tuple[int, int]]]


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell spans of one line, stripped. Split at ``|`` or tabs, an empty cell kept (so columns stay
    aligned: "Jumlah | | 70 | 37"); else at runs of two or more spaces. A leading/trailing ``|`` opens no cell."""
    line = text[start:end]
    splitter = re.compile(r"\|") if "|" in line else re.compile(r"\t") if "\t" in line else re.compile(r"\s{2,}")
    cells, pos = [], start
    for m in splitter.finditer(text, start, end):
        cells.append((pos, m.start()))
        pos = m.end()
    cells.append((pos, end))
    out = []
    for s, e in cells:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    if "|" in line:  # "| a | b |": the empty ends are the frame, not cells
        out = out[1:] if out and out[0][0] == out[0][1] else out
        out = out[:-1] if out and out[-1][0] == out[-1][1] else out
    return out if splitter.pattern != r"\s{2,}" else [c for c in out if c[0] < c[1]]


def _role(label: str) -> str | None:
    if _ROLE_INACTIVE.search(label):
        return "inactive"
    if _ROLE_ACTIVE.search(label):
        return "active"
    return "total" if _ROLE_TOTAL.search(label) else None


def _excluded(label: str, meeting_year: int | None) -> bool:
    """A header of a sub-area's or an earlier year's figures."""
    if _SUB_AREA.search(label):
        return True
    year = _YEAR.search(label)
    return bool(year and meeting_year and int(year.group(1)) < meeting_year)


def _blocks(doc: _Doc) -> list[list[list[tuple[int, int]]]]:
    """Runs of ≥ 2 consecutive lines of ≥ 3 cells (each line as its cell spans)."""
    blocks, run, pos = [], [], 0
    for line in doc.text.split("\n") + [""]:
        start, end = pos, pos + len(line)
        pos = end + 1
        cells = _cells(doc.text, start, end) if start >= doc.body_start else []
        if len(cells) >= 3 and ("|" in line or "\t" in line or re.search(r"\S\s{2,}\S", line)):
            run.append(cells)
            continue
        if len(run) >= 2:
            blocks.append(run)
        run = []
    return blocks


def tables_in(doc: _Doc, meeting_year: int | None) -> list[Table]:
    """Every table of the report with the area's counts (module docstring)."""
    text, found = doc.text, []
    for rows in _blocks(doc):
        table = Table(rows[0][0][0], rows[-1][-1][1], [])
        found.append(table)
        head, body = rows[0], rows[1:]
        head_roles = [_role(text[s:e]) for s, e in head]
        if any(head_roles[1:]):  # areas in rows, roles in columns
            first = next(i for i, role in enumerate(head_roles) if role)
            label_of = {id(r): " ".join(text[s:e] for s, e in r[:first]) for r in body}
            if any(_SUB_AREA.search(text[s:e]) for s, e in head[:first]):  # a list of kecamatan: only its total row
                keep = [r for r in body if _TOTAL_ROW.match(label_of[id(r)])]
            else:
                keep = [r for r in body if not _excluded(label_of[id(r)], meeting_year)]
            lines = [((r[0][0], r[first - 1][1]), [(role, cell) for role, cell in zip(head_roles[first:], r[first:],
                                                                                     strict=False)]) for r in keep]
        else:  # roles in rows, areas in columns
            columns = [i for i, (s, e) in enumerate(head[1:], start=1) if not _excluded(text[s:e], meeting_year)]
            lines = [(head[i], [(_role(text[r[0][0]:r[0][1]]), r[i]) for r in body if i < len(r)]) for i in columns]
        if len(lines) != 1:
            continue
        header, cells = lines[0]
        for role, (s, e) in cells:
            value = parse_count(text[s:e], doc.english)
            if role is not None and value is not None:
                table.counts.append((Count(value, s, e, role), header))
    return found
