"""Dates as the text writes them: every date mention, in Indonesian and English spellings.

Month and weekday names come from Babel's CLDR data (id and en, wide and abbreviated)
plus the older Indonesian spellings regional outlets still use ("Pebruari",
"Nopember", "Jum'at"). Which mention is the meeting's is decided in
``ingest.meeting_date``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from data_access.calendar_words import MONTHS, WEEKDAYS
from ingest.text import _Doc

WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_MONTHS = MONTHS
_WEEKDAYS = WEEKDAYS
_WD_RE = "|".join(sorted((w for w in _WEEKDAYS if len(w) >= 3), key=len, reverse=True)).replace("jumat", "jum['’`]?at")
_WD = rf"(?P<wd>\b(?:{_WD_RE})\b)"
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMERIC_DATE = re.compile(
    rf"(?:{_WD}\.?\s*,?\s*)?(?P<open>\(\s*)?(?<![\d/.-])(?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})"
    rf"(?:\s*[/.-]\s*(?P<y>\d{{4}}|\d{{2}}))?(?![\d/])(?P<close>\s*\))?",
    re.IGNORECASE,
)
_MONTH_DATE = re.compile(
    rf"(?:{_WD}\s*,?\s*(?P<open>\(\s*)?(?:tanggal\s+|tgl\.?\s*)?)?"
    rf"(?:(?P<d0>\d{{1,2}})\s*(?:[–—-]|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*)?"
    rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\b\.?(?:,?\s+(?P<y>\d{{4}}))?(?!\d)"
    rf"(?P<close>\s*\))?",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(  # English: "Monday, February 22, 2024", "Feb. 22", "Wednesday (July 17)"
    rf"(?:{_WD}\s*,?\s*(?P<open>\(\s*)?)?\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?(?!\d)",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(
    rf"(?:{_WD}\s*,?\s*)?(?<!\d)(?P<y>(?:19|20)\d{{2}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d)",
    re.IGNORECASE,
)
# "per 31 Desember 2023", "hingga Mei 2012", "as of December 2023", "sampai akhir 2023"
_AS_OF = re.compile(
    rf"\b(?:per|hingga|sampai(?:\s+dengan)?|s\.?d\.?|as\s+of|by|until|data)\s+(?:akhir\s+|tanggal\s+|end\s+of\s+)?"
    rf"(?:(?P<d>\d{{1,2}})\s+)?(?P<mon>{_MONTH_RE})\.?\s+(?P<y>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)


# English, month first: "As of July 30, 2025", "by the end of June 2025"
_AS_OF_MONTH_FIRST = re.compile(
    rf"\b(?:as\s+of|by|until|per)\s+(?:the\s+end\s+of\s+)?(?P<mon>{_MONTH_RE})\.?\s+(?:(?P<d>\d{{1,2}}),?\s+)?"
    rf"(?P<y>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _DateMention:
    """One date the text writes. ``swappable``: a numeric date that reads as well month-first."""

    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    weekday: int | None
    weekday_text: str | None
    parenthesised: bool
    swappable: bool = False


def _weekday(name: str | None) -> int | None:
    return _WEEKDAYS.get(re.sub(r"[^a-z]", "", name.lower())) if name else None


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2024, month, day)  # 2024: a leap year lets 29/2 through when the year is unknown
    except ValueError:
        return False
    return year is None or 1990 <= year <= 2100


def _date_mentions(text: str) -> list[_DateMention]:
    """Every date the text writes, in the spellings regional outlets use (Indonesian and English).

    Numeric dates without a year only count after a weekday ("Kamis(22/08)", "Monday (5/10)"):
    a bare "3/6" is as likely a ratio or a law number.
    """
    found: list[_DateMention] = []
    for m in _NUMERIC_DATE.finditer(text):
        year = m.group("y")
        if year is None and not m.group("wd"):
            continue
        if year is not None and not (m.group("wd") or m.group("open")) and "/" not in m.group() \
                and "-" not in m.group():
            continue
        y = (int(year) + 2000 if len(year) == 2 else int(year)) if year else None
        d, mo = int(m.group("d")), int(m.group("m"))
        swappable = d != mo and _valid(y, d, mo)
        found.append(_mention(m, d, mo, y, bool(m.group("open")), swappable))
    for pattern in (_MONTH_DATE, _MONTH_FIRST):
        for m in pattern.finditer(text):
            day = int(m.groupdict().get("d0") or m.group("d"))
            year = int(m.group("y")) if m.group("y") else None
            key = re.sub(r"[^a-z]", "", m.group("mon").lower())
            if pattern is _MONTH_FIRST and ((year is None and not m.group("wd")) or len(key) < 3):
                continue  # "Mei 5" without a year or weekday is rarely a date; "Mar 5" too short to trust
            found.append(_mention(m, day, _MONTHS[key], year, bool(m.groupdict().get("open"))))
    for m in _ISO_DATE.finditer(text):
        found.append(_mention(m, int(m.group("d")), int(m.group("m")), int(m.group("y")), False))
    found = [f for f in found if _valid(f.year, f.month, f.day)]
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_DateMention] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


def _mention(m: re.Match, day: int, month: int, year: int | None, parenthesised: bool,
             swappable: bool = False) -> _DateMention:
    text = m.group().strip()
    if text.count(")") > text.count("("):
        text = text[: text.rindex(")")].rstrip()
    start = m.start() + (len(m.group()) - len(m.group().lstrip()))
    wd = m.groupdict().get("wd")
    return _DateMention(start, start + len(text), text, day, month, year, _weekday(wd), wd, parenthesised,
                        swappable)


def as_of_in(doc: _Doc, start: int, end: int) -> tuple[dt.date, int, int] | None:
    """The figures' own date written in text[start:end]: "per 31 Desember 2023" → 2023-12-31,
    "hingga Mei 2024" → 2024-05-31 (a month alone means its last day), "per akhir tahun 2023" /
    "as of the end of 2023" → 2023-12-31. Returns (date, start, end)."""
    found = [m for m in (_AS_OF.search(doc.text, start, end), _AS_OF_MONTH_FIRST.search(doc.text, start, end)) if m]
    year_end = _AS_OF_YEAR_END.search(doc.text, start, end)
    if year_end and not any(m.start() < year_end.start() for m in found):
        return dt.date(int(year_end.group("y")), 12, 31), year_end.start(), year_end.end()
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    year, month = int(m.group("y")), _MONTHS[re.sub(r"[^a-z]", "", m.group("mon").lower())]
    day = int(m.group("d")) if m.group("d") else calendar.monthrange(year, month)[1]
    if not _valid(year, month, day):
        return None
    return dt.date(year, month, day), m.start(), m.end()

_AS_OF_YEAR_END = re.compile(r"\b(?:(?:per|hingga|sampai(?:\s+dengan)?|pada)\s+akhir\s+(?:tahun\s+)?|"
                             r"(?:as\s+of|by|at)\s+the\s+end\s+of\s+)(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE)


def in_year_clause(doc: _Doc, start: int, end: int) -> int | None:
    """A year a clause puts its facts in ("Pada tahun 2019 tercatat ...", "in 2019", "tahun lalu"):
    the year, or -1 for "last year"; ``None`` when the clause names none."""
    piece = doc.text[start:end]
    if re.search(r"\b(?:tahun\s+lalu|tahun\s+sebelumnya|last\s+year|the\s+previous\s+year)\b", piece, re.I):
        return -1
    m = re.search(r"\b(?:(?:pada|di)\s+)?tahun\s+((?:19|20)\d{2})\b|\b(?:pada|in|sepanjang)\s+((?:19|20)\d{2})\b"
                  r"|(?<![\d.,/])((?:19|20)\d{2})\s*:\s*(?=\d)", piece, re.I)  # a year as a label: "2023: 356 koperasi"
    if m is None:
        return None
    return int(m.group(1) or m.group(2) or m.group(3))
