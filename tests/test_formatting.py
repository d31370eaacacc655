"""``ui.formatting`` gives Babel's text, byte for byte, while skipping Babel's per-call lookups."""

from __future__ import annotations

import datetime as dt
import decimal

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from ui import formatting
from ui.formatting import LOCALES, date, dates, number, numbers, percent, percents

LANGS = list(LOCALES)
INTS = [0, 1, -1, 7, 12, 999, 1000, -1000, 1234, 12345, 123456, 1234567, -9876543, 10**12, 2**63 - 1, -(2**40)]
FLOATS = [0.0, -0.0, 0.5, 1.5, 2.5, 0.0005, 0.0015, 1234.5678, -1234.5678, 1e-7, 123456789.123, 3.14159,
          float("nan"), float("inf"), -float("inf")]
OTHER = [decimal.Decimal("1234.5675"), decimal.Decimal("-0.001"), np.int64(4146), np.int32(-3635),
         np.float64(0.876), "1234.5"]
FRACTIONS = [0, 1, 0.125, 0.1234, 0.87675, 3635 / 4146, 2897 / 3782, 1 / 3, 2 / 3, 0.99951, 0.00049, -0.25,
             1.5, 12.3456, np.float64(0.5), decimal.Decimal("0.0625"), float("nan")]
DATES = [dt.date(2020, 2, 27), dt.date(2019, 8, 22), dt.date(2000, 1, 1), dt.date(2035, 12, 31),
         dt.datetime(2023, 6, 9, 23, 59), pd.Timestamp("2024-05-01"), pd.Timestamp("2024-11-30 12:00")]
DATES += [dt.date(2024, m, 1) for m in range(1, 13)]


@pytest.fixture(params=LANGS)
def lang(request):
    st.session_state["lang"] = request.param
    yield request.param
    st.session_state.pop("lang", None)


@pytest.mark.parametrize("value", INTS + FLOATS + OTHER, ids=repr)
def test_number_is_babels(value, lang):
    expected = format_decimal(value, locale=LOCALES[lang])
    assert number(value, lang) == expected
    assert number(value) == expected  # the interface language, from the session


@pytest.mark.parametrize("digits", [0, 1, 2, 3])
@pytest.mark.parametrize("value", FRACTIONS, ids=repr)
def test_percent_is_babels(value, digits, lang):
    expected = format_percent(value, format=f"#,##0.{'0' * digits}%", locale=LOCALES[lang])
    assert percent(value, lang, digits) == expected
    assert percent(value, digits=digits) == expected


@pytest.mark.parametrize("value", DATES, ids=str)
def test_date_is_babels(value, lang):
    expected = format_date(value, format="d MMMM y", locale=LOCALES[lang])
    assert date(value, lang) == expected
    assert date(value) == expected


def test_examples_in_both_languages():
    assert (number(1234, "id"), number(1234, "en")) == ("1.234", "1,234")
    assert (number(1234.5, "id"), number(1234.5, "en")) == ("1.234,5", "1,234.5")
    assert (percent(0.125, "id"), percent(0.125, "en")) == ("12,5%", "12.5%")
    assert date(dt.date(2020, 2, 27), "id") == "27 Februari 2020"
    assert date(dt.date(2020, 2, 27), "en") == "27 February 2020"
    assert number(None) == percent(None) == date(None) == "–"


def test_many_random_numbers_are_babels():
    rng = np.random.default_rng(5)
    ints = [int(v) for v in rng.integers(-10**9, 10**9, 400)]
    floats = [float(v) for v in rng.normal(0, 10**5, 400)] + [float(v) for v in rng.random(400)]
    for lang in LANGS:
        locale = LOCALES[lang]
        assert numbers(ints + floats, lang) == [format_decimal(v, locale=locale) for v in ints + floats]
        fractions = [float(v) for v in rng.random(400)]
        assert percents(fractions, lang) == [format_percent(v, format="#,##0.0%", locale=locale) for v in fractions]


def test_columns_keep_their_index_and_mark_missing_values(lang):
    counts = pd.Series([4146, 0, 1234567], index=[3, 1, 2], name="registered")
    shown = numbers(counts)
    assert list(shown.index) == [3, 1, 2] and shown.name == "registered"
    assert list(shown) == [number(int(v), lang) for v in counts]
    with_missing = pd.Series([0.875, np.nan, None], dtype=float)
    assert list(percents(with_missing)) == [percent(0.875), "–", "–"]
    assert list(percents(with_missing, digits=2)) == [percent(0.875, digits=2), "–", "–"]
    assert numbers([1, None, float("nan"), 2], lang) == [number(1), "–", "–", number(2)]
    since = pd.Series([pd.Timestamp("2019-08-22"), pd.NaT, dt.date(2023, 6, 9)], dtype=object)
    assert list(dates(since)) == [date(dt.date(2019, 8, 22)), "–", date(dt.date(2023, 6, 9))]
    assert list(dates(pd.to_datetime(pd.Series(["2019-08-22", None])))) == [date(dt.date(2019, 8, 22)), "–"]
    assert numbers(pd.Series([], dtype="int64")).empty and numbers([]) == []


def test_locale_and_patterns_are_made_once():
    number(1, "id"), number(2, "id"), percent(0.5, "en"), percent(0.25, "en")
    assert formatting.babel_locale("id_ID") is formatting.babel_locale("id_ID")
    assert formatting._decimal_pattern.cache_info().currsize <= len(LOCALES)
    before = formatting._percent_pattern.cache_info()
    percent(0.75, "id")
    assert formatting._percent_pattern.cache_info().hits == before.hits + 1
