"""Indonesian (or English) number and date formats through Babel.

"1.234" and "27 Februari 2020" in Bahasa Indonesia; "1,234" and
"27 February 2020" in English. Pages never format numbers by hand.

Speed: the output is Babel's, but Babel's ``format_decimal`` / ``format_percent``
look the locale's pattern up and parse it again on every call (≈30 µs a value).
Here the ``Locale`` objects and the parsed patterns are made once per process
(``functools.cache``) and each value only goes through ``NumberPattern.apply``
/ ``DateTimePattern.apply`` — the very methods Babel ends with, with the same
arguments — so the text is byte-identical (``tests/test_formatting.py`` compares
the two over many values). For whole columns use ``numbers`` / ``percents`` /
``dates``: they resolve the interface language once instead of once per value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache, lru_cache

import numpy as np
import pandas as pd
from babel.core import Locale
from babel.dates import DateTimePattern
from babel.dates import parse_pattern as _parse_date_pattern
from babel.numbers import NumberPattern, parse_pattern

from ui.i18n import current_language

LOCALES = {"id": "id_ID", "en": "en_GB"}
DATE_FORMAT = "d MMMM y"
MISSING = "–"


def _locale(lang: str | None) -> str:
    return LOCALES[lang or current_language()]


@cache
def babel_locale(locale_id: str) -> Locale:
    """``Locale.parse(locale_id)``, made once per process."""
    return Locale.parse(locale_id)


@cache
def _decimal_pattern(locale_id: str) -> NumberPattern:
    # What format_decimal(..., format=None) uses: the locale's standard decimal pattern.
    return parse_pattern(babel_locale(locale_id).decimal_formats[None])


@cache
def _percent_pattern(digits: int) -> NumberPattern:
    return parse_pattern(f"#,##0.{'0' * digits}%")


@cache
def _date_pattern(format: str) -> DateTimePattern:
    return _parse_date_pattern(format)


def _apply_number(pattern: NumberPattern, value, locale: Locale) -> str:
    # The arguments babel.numbers.format_decimal / format_percent pass by default.
    return pattern.apply(value, locale, decimal_quantization=True, group_separator=True, numbering_system="latn")


def _as_date(value: dt.date) -> dt.date:
    # babel.dates.format_date formats a datetime by its date.
    return value.date() if isinstance(value, dt.datetime) else value


def number(value: float | int | None, lang: str | None = None) -> str:
    if value is None:
        return MISSING
    locale_id = _locale(lang)
    return _apply_number(_decimal_pattern(locale_id), value, babel_locale(locale_id))


def percent(value: float | None, lang: str | None = None, digits: int = 1) -> str:
    if value is None:
        return MISSING
    return _apply_number(_percent_pattern(digits), value, babel_locale(_locale(lang)))


def date(value: dt.date | None, lang: str | None = None) -> str:
    if value is None:
        return MISSING
    return _formatted_day(_as_date(value), _locale(lang))


@lru_cache(maxsize=16_384)
def _formatted_day(day: dt.date, locale_id: str) -> str:
    """``day`` as "9 Mei 2019" in ``locale_id``: kept, as the same dates are shown on every rerun
    (babel's pattern costs ~15 µs a date; a page lists hundreds)."""
    return _date_pattern(DATE_FORMAT).apply(day, babel_locale(locale_id))


def date_range(start: dt.date | None, end: dt.date | None = None, lang: str | None = None) -> str:
    """A meeting's days in words: "18 Mei 2022" for one day (``end`` None or equal), "18–20 Mei 2022"
    within a month, "30 April – 2 Mei 2022" within a year, else both dates in full (en-dash)."""
    if start is None or pd.isna(start):
        return MISSING
    start = _as_date(pd.Timestamp(start).date() if isinstance(start, pd.Timestamp) else start)
    end = None if end is None or pd.isna(end) else _as_date(pd.Timestamp(end).date()
                                                            if isinstance(end, pd.Timestamp) else end)
    if end is None or end <= start:
        return date(start, lang)
    locale = babel_locale(_locale(lang))
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date(end, lang)}"
    head = _date_pattern("d MMMM" if start.year == end.year else DATE_FORMAT).apply(start, locale)
    return f"{head} – {date(end, lang)}"


# --- whole columns ----------------------------------------------------------------

def _column(values: Iterable, text) -> pd.Series | list[str]:
    """``text(v)`` for each value, ``MISSING`` for None / NaN / NaT; a Series keeps its index."""
    if isinstance(values, pd.Series):
        return pd.Series([MISSING if pd.isna(v) else text(v) for v in values], index=values.index,
                         dtype=object, name=values.name)
    return [MISSING if v is None or pd.isna(v) else text(v) for v in values]


def numbers(values: Iterable, lang: str | None = None) -> pd.Series | list[str]:
    """``number`` of every value (missing values → "–"); the language is resolved once."""
    locale_id = _locale(lang)
    pattern, locale = _decimal_pattern(locale_id), babel_locale(locale_id)
    return _column(values, lambda v: _apply_number(pattern, v, locale))


def percents(values: Iterable, lang: str | None = None, digits: int = 1) -> pd.Series | list[str]:
    """``percent`` of every fraction (missing values → "–"); the language is resolved once."""
    pattern, locale = _percent_pattern(digits), babel_locale(_locale(lang))
    return _column(values, lambda v: _apply_number(pattern, v, locale))


def dates(values: Iterable, lang: str | None = None) -> pd.Series | list[str]:
    """``date`` of every value (missing values → "–"); the language is resolved once."""
    pattern, locale = _date_pattern(DATE_FORMAT), babel_locale(_locale(lang))
    return _column(values, lambda v: pattern.apply(_as_date(v), locale))


def each_distinct(values: pd.Series, fn) -> pd.Series:
    """``values.map(fn)``, calling ``fn`` once per distinct value: a chart or table of
    thousands of rows has only a few hundred distinct dates, months, codes or counts."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    results = np.empty(len(uniques), dtype=object)
    results[:] = [fn(value) for value in uniques.astype(object)]
    return pd.Series(results[codes], index=values.index)
