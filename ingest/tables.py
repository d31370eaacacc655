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
never the area's; when exactly one column (row) is left, its cells are the counts, with the
role their label gives (jumlah/total → total, aktif → active, tidak aktif/… → inactive) and
the header cell as the place of the figures (its span is returned as the counts' clause).
Anything else (two columns left, no roles) gives no counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.figures import _ACTIVE, _INACTIVE, Count, parse_count
from ingest.text import _Doc

_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+|\s{2,}")
_ROLE_INACTIVE = re.compile(rf"\b(?:{_INACTIVE})\b", re.IGNORECASE)
_ROLE_ACTIVE = re.compile(rf"\b(?:{_ACTIVE})\b", re.IGNORECASE)
_ROLE_TOTAL = re.compile(r"\b(?:jumlah|total|terdaftar|registered|seluruh)\b", re.IGNORECASE)
_SUB_AREA = re.compile(r"\b(?:kecamatan|kec\.|desa|kelurahan|kel\.|nagari|gampong|distrik|kampung|"
                       r"sub-?districts?|villages?)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


@dataclass
class Table:
    """One table: ``(start, end)`` of the block; ``counts`` the area's counts, each with the span of
    the header cell that names its column (or row) as its clause."""

    start: int
    end: int
    counts: list[tuple[Count, tuple[int, int]]]


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell spans of one line (``None``-free, stripped); a leading/trailing ``|`` opens no cell."""
    cells, pos = [], start
    for m in _CELL_SPLIT.finditer(text, start, end):
        cells.append((pos, m.start()))
        pos = m.end()
    cells.append((pos, end))
    out = []
    for s, e in cells:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


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
        head_roles = [_role(text[s:e]) for s, e in head[1:]]
        if any(head_roles):  # areas in rows, roles in columns
            keep = [r for r in body if not _excluded(text[r[0][0]:r[0][1]], meeting_year)]
            lines = [(r[0], [(role, cell) for role, cell in zip(head_roles, r[1:], strict=False)]) for r in keep]
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
