"""Reading the text of a cell into values, and the text keys and errors every import step shares.
Pure: no database.

- ``parse_int``: "1.234", "1,234", "1234", "± 950" (approximate), "-" (unknown).
- ``parse_date``: "27/02/2020", "27-02-2020", "2020-02-27", "27 Februari 2020",
  "Kamis, 27 Feb 2020", "Februari 2020" (month), "2020" (year); month and day
  names come from Babel (Indonesian and English).
- ``header_key``: header spelling → comparable key ("Kabupaten/Kota" → "kabupaten kota").

Files become rows of text in ``reading``. Errors are ``FileError`` (the whole file) or
``CellError`` (one value), each a code and values rendered by ``messages.text``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from functools import cache

from data_access.calendar_words import MONTHS, QUARTER_WORDS, ROMAN, SEMESTER_WORDS, WEEKDAYS
from data_access.imports import messages

YEAR_RANGE = (1900, 2100)


class ImportProblem(ValueError):
    """A message code with its values; ``str()`` is the Indonesian text."""

    def __init__(self, code: str, **params) -> None:
        self.code = code
        self.params = params
        super().__init__(messages.text(code, "id", **params))

    def text(self, lang: str = "id") -> str:
        return messages.text(self.code, lang, **self.params)


class FileError(ImportProblem):
    """The whole file cannot be read."""


class CellError(ImportProblem):
    """One value cannot be read."""


# --- text keys -----------------------------------------------------------------------------------

def header_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive: "Kabupaten/Kota" → "kabupaten kota"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def clean(value: str | None) -> str:
    """Trimmed text with inner runs of white space (incl. no-break spaces) made single."""
    if value is None:
        return ""
    return " ".join(str(value).replace("\u00a0", " ").split())


# --- values --------------------------------------------------------------------------------------

APPROXIMATE_WORDS = ("sekitar", "kurang lebih", "kira kira", "kira-kira", "lebih kurang", "about", "approx",
                     "approximately", "circa", "ca", "±", "~", "+-", "+/-")
UNIT_WORDS = ("unit", "orang", "koperasi", "anggota", "peserta", "buah", "people", "cooperatives")
UNKNOWN_MARKS = {"", "-", "–", "—", "?", "n/a", "na", "tidak diketahui", "tidak ada data", "unknown", "null"}
_INT_PATTERNS = (
    re.compile(r"^\d+$"),
    re.compile(r"^\d{1,3}(\.\d{3})+$"),   # Indonesian thousands: 1.234.567
    re.compile(r"^\d{1,3}(,\d{3})+$"),    # English thousands: 1,234,567
    re.compile(r"^\d{1,3}( \d{3})+$"),    # spaced: 1 234 567
)
_DECIMAL = re.compile(r"^(?P<int>[\d., ]+?)(?P<sep>[.,])(?P<frac>\d{1,2})$")


def parse_int(text: str) -> tuple[int | None, bool]:
    """``(value, approximate)``; ``(None, False)`` for an empty or unknown mark."""
    raw = clean(text).lower()
    if raw in UNKNOWN_MARKS:
        return None, False
    approximate = False
    for word in sorted(APPROXIMATE_WORDS, key=len, reverse=True):
        if raw.startswith(word) and (not word[0].isalpha() or raw[len(word):len(word) + 1] in (" ", ".", "")):
            approximate, raw = True, raw[len(word):].lstrip(" .")
            break
    for word in UNIT_WORDS:
        if raw.endswith(" " + word):
            raw = raw[: -len(word) - 1].rstrip()
            break
    if raw.startswith("-") and raw[1:2].isdigit():
        raise CellError("negative")
    for pattern in _INT_PATTERNS:
        if pattern.match(raw):
            return int(re.sub(r"[., ]", "", raw)), approximate
    decimal = _DECIMAL.match(raw)
    if decimal and any(p.match(decimal["int"]) for p in _INT_PATTERNS):
        integer_part = decimal["int"]
        separators = set(re.sub(r"\d", "", integer_part)) - {" "}
        if decimal["sep"] not in separators:  # "1.234,00" or "1,234.00" or "12,5"
            if int(decimal["frac"]) == 0:
                return int(re.sub(r"[., ]", "", integer_part)), approximate
            raise CellError("not_whole")
    raise CellError("not_integer")


def parse_bool(text: str) -> bool | None:
    raw = header_key(text)
    if raw in ("", "tidak diketahui"):
        return None
    if raw in ("ya", "y", "yes", "true", "benar", "1", "x", "v"):
        return True
    if raw in ("tidak", "t", "no", "n", "false", "salah", "0", "bukan"):
        return False
    raise CellError("not_bool")


def month_numbers() -> dict[str, int]:
    """Month names and abbreviations in Indonesian and English (``calendar_words.MONTHS``)."""
    return MONTHS


@cache
def day_names() -> frozenset[str]:
    return frozenset(set(WEEKDAYS) | {"jum at"})


_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YMD = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_YM = re.compile(r"^(\d{4})[/.\-](\d{1,2})$")
_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_NAMED = re.compile(r"^(?:(\d{1,2}) )?([a-z]+) (\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_PART = r"(?P<n>[1-4]|iv|iii|ii|i)"
_PERIOD_WORD = "|".join(sorted({*QUARTER_WORDS, *SEMESTER_WORDS}, key=len, reverse=True))
_PERIOD_YEAR_FIRST = re.compile(rf"^(?P<y>\d{{4}}) ?[-/ ]? ?(?P<w>{_PERIOD_WORD}) ?[-.]? ?{_PART}$")
_PERIOD_WORD_FIRST = re.compile(rf"^(?P<w>{_PERIOD_WORD}) ?[-.]? ?{_PART} ?[-/ ]? ?(?:tahun )?(?P<y>\d{{4}})$")
_PERIOD_NUMBER_FIRST = re.compile(rf"^{_PART} ?[-/ ]? ?(?P<w>{_PERIOD_WORD}) ?[-/ ]? ?(?P<y>\d{{4}})$")
_PERIOD_NO_YEAR = re.compile(rf"^(?P<w>{_PERIOD_WORD}) ?[-.]? ?{_PART}$")


def parse_period(text: str) -> tuple[dt.date, str] | None:
    """A quarter or a semester as ``(last day, "quarter" | "semester")``; ``None`` when the text
    is not one. "2018-Q4", "Q4 2018", "Triwulan IV 2018", "TW IV-2018", "4Q 2018" → 2018-12-31;
    "Semester I 2019", "2019-S1", "H1 2019" → 2019-06-30. A quarter without its year ("TW IV")
    is a ``CellError`` (``period_needs_year``), never a guess."""
    raw = clean(text).lower()
    for pattern in (_PERIOD_YEAR_FIRST, _PERIOD_WORD_FIRST, _PERIOD_NUMBER_FIRST):
        m = pattern.match(raw)
        if m:
            break
    else:
        if _PERIOD_NO_YEAR.match(raw):
            raise CellError("period_needs_year")
        return None
    number = ROMAN.get(m["n"]) or int(m["n"])
    word = m["w"]
    if word in QUARTER_WORDS:
        month = number * 3
        precision = "quarter"
    else:
        if number > 2:
            raise CellError("not_date")
        month = number * 6
        precision = "semester"
    year = int(m["y"])
    last = calendar.monthrange(year, month)[1]
    return _make(year, month, last), precision


def _make(year: int, month: int, day: int) -> dt.date:
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise CellError("date_out_of_range", low=YEAR_RANGE[0], high=YEAR_RANGE[1])
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise CellError("not_date") from error


def _month_end(year: int) -> dt.date:
    return _make(year, 12, 31)


def _month_last_day(year: int, month: int) -> dt.date:
    """A month's as-of: its last day (issue 18 rule 6: a period is kept as of its end)."""
    _make(year, 1, 1)  # the year's range first, then the month
    if not 1 <= month <= 12:
        raise CellError("not_date")
    return _make(year, month, calendar.monthrange(year, month)[1])


def parse_date(text: str) -> tuple[dt.date, str] | None:
    """``(date, precision)`` with precision ``day``, ``month`` (the month's last day), ``quarter`` /
    ``semester`` (the period's last day, ``parse_period``) or ``year`` (31 December, as the seed
    data stores year-end figures); ``None`` if empty.
    Day first: "02/03/2020" is 2 March."""
    raw = clean(text).lower()
    if raw in UNKNOWN_MARKS:
        return None
    raw = raw.replace(",", " ").replace("  ", " ").strip()
    words = raw.split(" ")
    if len(words) > 1 and header_key(words[0]) in day_names():  # "Kamis, 27 Februari 2020"
        raw = " ".join(words[1:])
    if m := _YMD.match(raw):
        return _make(int(m[1]), int(m[2]), int(m[3])), "day"
    if m := _DMY.match(raw):
        return _make(int(m[3]), int(m[2]), int(m[1])), "day"
    if m := _YM.match(raw):
        return _month_last_day(int(m[1]), int(m[2])), "month"
    if m := _MY.match(raw):
        return _month_last_day(int(m[2]), int(m[1])), "month"
    if m := _YEAR.match(raw):
        return _month_end(int(m[1])), "year"
    period = parse_period(raw)
    if period is not None:
        return period
    named = _NAMED.match(header_key(raw))
    if named:
        month = month_numbers().get(named[2])
        if month is None:
            raise CellError("not_date")
        if named[1]:
            return _make(int(named[3]), month, int(named[1])), "day"
        return _month_last_day(int(named[3]), month), "month"
    raise CellError("not_date")


def split_list(text: str) -> list[str]:
    """"koperasi; ketenagakerjaan", "Kab. Belu, Kab. Malaka", "A dan B" → items."""
    parts = re.split(r"\s*[;,\n]\s*|\s+dan\s+|\s+and\s+", clean(text))
    return [p for p in (clean(p) for p in parts) if p]
