"""A date picker's value said back in words under it ("Kamis, 29 Februari 2024").

Streamlit's date picker turns an impossible typed date (31/02/2024) into the month's last day
without a word (issue 20 point 10; its text cannot be changed, see the README). Saying the chosen
day back, weekday included, under each picker where an editor types a date makes such a change
visible before anything is saved or filtered.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from ui.formatting import LOCALES
from ui.i18n import current_language, t


def in_words(day: dt.date) -> str:
    """``day`` with its weekday in the interface language: "Kamis, 29 Februari 2024"."""
    return format_date(day, format="EEEE, d MMMM y", locale=LOCALES[current_language()])


def echo(target, day: dt.date | None) -> None:
    """Under a date picker (``target``: ``st`` or a column): the chosen day in words; nothing when empty."""
    if isinstance(day, dt.date):
        target.caption(t("date_echo", day=in_words(day)))
