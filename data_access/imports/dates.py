"""Meeting dates as agendas write them: one day or a range, with the weekday checked.

- "Kamis, 27 Februari 2020", "Senin, 05/08/2024", "27/02/2020" → one day.
- "18-20 Mei 2022", "18 s/d 20 Mei 2022", "30 Mei - 2 Juni 2022",
  "30 Desember 2022 - 2 Januari 2023", "18/05/2022 - 20/05/2022" → first and last day.
- A weekday written before the date ("Kamis, …", "Senin-Rabu, …") must be the date's own:
  "Jumat, 27 Februari 2020" is refused (27 Feb 2020 is a Thursday) — one of the two is wrong.
Day names come from Babel (Indonesian and English), with Jumat/Minggu/Ahad spellings.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel.dates import get_day_names

from data_access.imports.parsing import CellError, clean, header_key, parse_date

_RANGE = re.compile(r"\s*(?:[-–—]|s/d|s\.d\.?|sd|sampai dengan|sampai|hingga|to|until)\s*")
_SAME_MONTH = re.compile(r"^(\d{1,2})\s*(?:[-–—]|s/d|s\.d\.?|sd|sampai dengan|sampai|hingga)\s*(\d{1,2}) (.+)$")


@cache
def weekdays() -> dict[str, int]:
    """Day name (key) → weekday (Monday 0)."""
    names: dict[str, int] = {}
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_day_names(width, locale=locale).items():
                names[header_key(name)] = number
    names.update({"jumat": 4, "jum at": 4, "minggu": 6, "ahad": 6, "sabtu": 5, "senen": 0})
    return names


def _split_weekday(text: str) -> tuple[list[int], str]:
    """("Senin-Rabu, 18-20 Mei 2022") → ([0, 2], "18-20 Mei 2022")."""
    head, sep, rest = text.partition(",")
    if sep:
        days = [weekdays().get(header_key(p)) for p in re.split(r"\s*[-–—/]\s*|\s+s/d\s+", head.strip())]
        if days and all(d is not None for d in days):
            return days, rest.strip()
    first, _, rest = text.partition(" ")
    day = weekdays().get(header_key(first))
    if day is not None and rest:
        return [day], rest.strip()
    return [], text


def _day(text: str) -> dt.date:
    parsed = parse_date(text)
    if parsed is None or parsed[1] != "day":
        raise CellError("date_needs_day")
    return parsed[0]


def meeting_days(text: str) -> tuple[dt.date, dt.date | None] | None:
    """``(first day, last day or None)``; ``None`` when empty; CellError when unreadable, when
    the range runs backwards, or when a written weekday is not the date's."""
    raw = clean(text)
    if not raw or raw in ("-", "–"):
        return None
    written, rest = _split_weekday(raw)
    start, end = None, None
    same_month = _SAME_MONTH.match(rest)
    if same_month:
        tail = same_month[3]
        start, end = _day(f"{same_month[1]} {tail}"), _day(f"{same_month[2]} {tail}")
    else:
        parts = _RANGE.split(rest) if not re.match(r"^\d{4}-\d{2}-\d{2}$", rest) else [rest]
        if len(parts) == 2 and all(parts):
            end = _day(parts[1])
            first = parts[0]
            if not re.search(r"\d{4}$", first):  # "30 Mei - 2 Juni 2022": the year is written once
                first = f"{first} {end.year}"
            start = _day(first)
        else:
            start = _day(rest)
    if end is not None and end < start:
        raise CellError("date_range_order")
    if end == start:
        end = None
    if written:
        actual = [start.weekday()] if end is None else [start.weekday(), end.weekday()]
        if written[0] != actual[0] or (len(written) > 1 and end is not None and written[-1] != actual[-1]):
            day_id, day_en = get_day_names("wide", locale="id"), get_day_names("wide", locale="en")
            raise CellError("weekday_mismatch", date=start.isoformat(), actual=day_id[actual[0]],
                            actual_en=day_en[actual[0]], written=day_id[written[0]], written_en=day_en[written[0]])
    return start, end
