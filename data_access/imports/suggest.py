"""Suggestions for the mapping step (issue 18, rule 4): for a column of the file, the fields of
the kind ranked by ``rapidfuzz`` against each field's names (Indonesian header, English header,
accepted spellings) and by whether the column's values fit the field. Pure: no database.

``rank(spec, header, values)`` → ``[(field, score)]`` best first, score 0–100+; a field whose
values do not fit (dates for ``as_of``, whole numbers for figures) is never offered first.
``for_missing(spec, table, hmap, field)`` → the best unread column for a missing field, or ``None``.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from data_access.imports.parsing import CellError, header_key, parse_date, parse_int
from data_access.imports.reading import Table
from data_access.imports.rows import HeaderMap, KindSpec

DATE_FIELDS = ("as_of", "held_on", "stage_on", "source_published_on", "musdesus_on", "deed_on", "sk_ahu_on",
               "operational_on", "registered_on", "rat_last")
NUMBER_FIELDS = ("total", "active", "inactive", "members", "participants")


def _share(values: list[str], reader) -> float:
    if not values:
        return 0.0
    good = 0
    for value in values:
        try:
            good += reader(value) is not None
        except CellError:
            continue
    return good / len(values)


def values_fit(field: str, values: list[str]) -> bool | None:
    """True/False when the field has a value type the values can be checked against, else None."""
    if field in DATE_FIELDS or field.endswith("_on"):
        return _share(values, parse_date) >= 0.9
    if field in NUMBER_FIELDS:
        return _share(values, lambda v: parse_int(v)[0]) >= 0.9
    return None


def rank(spec: KindSpec, header: str, values: list[str]) -> list[tuple[str, float]]:
    """Fields of ``spec`` for a column headed ``header`` holding ``values``, best first."""
    key = header_key(header)
    scored = []
    for column in spec.columns:
        names = [header_key(n) for n in (column.header, column.header_en, column.field, *column.aliases) if n]
        best = process.extractOne(key, names, scorer=fuzz.WRatio) if key and names else None
        score = best[1] if best else 0.0
        fit = values_fit(column.field, values)
        if fit is True:
            score += 30
        elif fit is False:
            score -= 60
        scored.append((column.field, round(score, 1)))
    return sorted(scored, key=lambda pair: -pair[1])


def _values(table: Table, position: int, limit: int = 50) -> list[str]:
    found = []
    for _number, cells in table.rows[:limit]:
        if position < len(cells) and cells[position].strip() and cells[position].strip() not in ("-", "–"):
            found.append(cells[position].strip())
    return found


def for_missing(spec: KindSpec, table: Table, hmap: HeaderMap, field: str) -> tuple[str, list[str]] | None:
    """``(header, sample values)`` of the unread column that best fits ``field`` (its values fit
    and its header is the closest), or ``None`` when no column's values fit."""
    taken = set(hmap.index.values())
    best = None
    for position, header in enumerate(table.headers):
        if position in taken or not header_key(header):
            continue
        values = _values(table, position)
        if values_fit(field, values) is not True:
            continue
        score = dict(rank(spec, header, values)).get(field, 0)
        if best is None or score > best[0]:
            best = (score, header, list(dict.fromkeys(values))[:3])
    return (best[1], best[2]) if best else None
