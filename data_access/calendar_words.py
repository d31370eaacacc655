"""One Indonesian calendar vocabulary, shared by file imports (``imports.parsing``,
``imports.dates``) and news extraction (``ingest.dates``). Pure: no database.

- ``MONTHS``: month name or abbreviation (lower-case letters only) → 1–12. Babel's CLDR
  names for ``id`` and ``en`` (wide and abbreviated) plus the spellings offices and regional
  outlets write: ``Pebruari``, ``Nopember``, ``Ags``/``Agu``/``Agt``/``Agus``, ``Sept``, ``Okt``, ``Des``.
- ``WEEKDAYS``: weekday name → 0 (Monday) … 6, with ``Jumat``/``Jum'at``, ``Ahad``, ``Senen``.
- ``RANGE_WORDS``: what joins the two ends of a range (``s/d``, ``hingga``, ``sampai dengan`` …).
- ``QUARTER_WORDS`` / ``SEMESTER_WORDS``: ``triwulan``, ``TW``, ``kuartal``, ``Q``; ``semester``, ``S``, ``H``.
- ``ROMAN``: I–IV → 1–4 (triwulan and semester numbers are often written in Roman numerals).
"""

from __future__ import annotations

import re

from babel.dates import get_day_names, get_month_names


def letters(word: str) -> str:
    """The comparable form of a calendar word: lower-case ASCII letters only ("Jum'at" → "jumat")."""
    return re.sub(r"[^a-z]", "", word.lower())


def _names(getter, extra: dict[str, int]) -> dict[str, int]:
    names = dict(extra)
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in getter(width, locale=locale).items():
                names.setdefault(letters(name), number)
    return names


MONTHS: dict[str, int] = _names(get_month_names, {
    "pebruari": 2, "peb": 2, "agt": 8, "ags": 8, "agu": 8, "agus": 8, "sept": 9, "nopember": 11, "nop": 11,
    "okt": 10, "des": 12, "mei": 5, "desember": 12,
})
WEEKDAYS: dict[str, int] = {name: number for name, number in _names(get_day_names, {
    "jumat": 4, "ahad": 6, "senen": 0, "minggu": 6, "sabtu": 5}).items() if name}
RANGE_WORDS: tuple[str, ...] = ("s/d", "s.d.", "s.d", "sd", "sampai dengan", "sampai", "hingga", "to", "until")
QUARTER_WORDS: tuple[str, ...] = ("triwulan", "tw", "kuartal", "kwartal", "quarter", "q")
SEMESTER_WORDS: tuple[str, ...] = ("semester", "smt", "sem", "s", "h", "half")
ROMAN: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
