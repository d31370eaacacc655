"""Indonesian (or English) number and date formats through Babel.

"1.234" and "27 Februari 2020" in Bahasa Indonesia; "1,234" and
"27 February 2020" in English. Pages never format numbers by hand.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal, format_percent

from ui.i18n import current_language

LOCALES = {"id": "id_ID", "en": "en_GB"}


def _locale(lang: str | None) -> str:
    return LOCALES[lang or current_language()]


def number(value: float | int | None, lang: str | None = None) -> str:
    if value is None:
        return "–"
    return format_decimal(value, locale=_locale(lang))


def percent(value: float | None, lang: str | None = None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return format_percent(value, format=f"#,##0.{'0' * digits}%", locale=_locale(lang))


def date(value: dt.date | None, lang: str | None = None) -> str:
    if value is None:
        return "–"
    return _babel_date(value, format="d MMMM y", locale=_locale(lang))
