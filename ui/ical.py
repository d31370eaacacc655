"""iCalendar (.ics, RFC 5545) export of listed meetings, for Google Calendar and Outlook.

``calendar_bytes(rows, lang=...)`` turns rows of ``data_access.meetings.meeting_list``
(``LIST_COLUMNS``) into one VCALENDAR (VERSION 2.0, PRODID, CALSCALE GREGORIAN,
METHOD PUBLISH) with one all-day VEVENT per meeting:

- ``UID`` ``rapat-<meeting id>@pantau-rakor`` — the same meeting keeps its UID in
  every export, so importing again updates events instead of duplicating them;
- ``DTSTART``/``DTEND`` as dates: all-day, so ``DTEND`` is exclusive (RFC 5545 3.6.1) — the day
  after the last day (``ends_on`` of a meeting over several days, else ``held_on``);
- ``SUMMARY`` the title (``[DEMO] …`` for a demo meeting: a calendar app shows the title, not the
  description), ``LOCATION`` venue and city, ``DESCRIPTION`` organiser,
  opened by, source (and a demo / inferred-date note), ``CATEGORIES`` the sectors
  in the interface language, ``STATUS`` CONFIRMED / TENTATIVE / CANCELLED for
  held / planned / cancelled, ``URL`` the source link when it is http(s);
- ``DTSTAMP`` the export time in UTC.

The ``icalendar`` library escapes text, folds long lines and writes CRLF line
endings. Pure (no Streamlit), so the page can hand it to a deferred download.
"""

from __future__ import annotations

import datetime as dt

import icalendar
import pandas as pd

from ui.formatting import date as format_date
from ui.i18n import DEFAULT_LANGUAGE, TEXT

PRODID = "-//Pantau Rakor//Kalender Rakor//ID"
STATUS = {"held": "CONFIRMED", "planned": "TENTATIVE", "cancelled": "CANCELLED"}
MIME = "text/calendar"


def uid(meeting_id: int) -> str:
    return f"rapat-{int(meeting_id)}@pantau-rakor"


def _text(key: str, lang: str) -> str:
    entry = TEXT[key]
    return entry.get(lang) or entry[DEFAULT_LANGUAGE]


def _value(value) -> str | None:
    """A database value as text, or None when missing or blank."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _description(row, lang: str) -> str:
    lines = []
    if organizer := _value(row["organizer"]):
        lines.append(f"{_text('mtg_ics_organizer', lang)}: {organizer}")
    name, role = _value(row["opened_by_name"]), _value(row["opened_by_role"])
    if name or role:
        opened = f"{name} ({role})" if name and role else (name or role)
        lines.append(f"{_text('mtg_ics_opened_by', lang)}: {opened}")
    source = [part for part in (_value(row["source_outlet"]), _value(row["source_headline"])) if part]
    published = row["source_published_on"]
    if published is not None and not pd.isna(published):
        source.append(format_date(published, lang))
    if url := _value(row["source_url"]):
        source.append(url)
    if source:
        lines.append(f"{_text('mtg_ics_source', lang)}: " + " — ".join(source))
    if bool(row["date_inferred"]):
        lines.append(_text("mtg_ics_inferred", lang))
    if row["source_kind"] == "synthetic":
        lines.append(_text("mtg_ics_demo", lang))
    return "\n".join(lines)


def build_calendar(rows: pd.DataFrame, *, lang: str = DEFAULT_LANGUAGE,
                   stamp: dt.datetime | None = None) -> icalendar.Calendar:
    """A VCALENDAR with one all-day VEVENT per row (rows as ``meeting_list`` returns them)."""
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _text("mtg_ics_calname", lang))
    for row in rows.to_dict("records"):
        held_on = pd.Timestamp(row["held_on"]).date()
        ends_on = row.get("ends_on")
        last_day = held_on if ends_on is None or pd.isna(ends_on) else max(pd.Timestamp(ends_on).date(), held_on)
        event = icalendar.Event()
        event.add("uid", uid(row["id"]))
        event.add("dtstamp", stamp)
        event.add("dtstart", held_on)
        event.add("dtend", last_day + dt.timedelta(days=1))
        demo = row["source_kind"] == "synthetic"  # marked in the title: a calendar app shows only that
        event.add("summary", f"{_text('mtg_ics_demo_prefix', lang)} {row['title']}" if demo else str(row["title"]))
        location = ", ".join(part for part in (_value(row["venue"]), _value(row["city"])) if part)
        if location:
            event.add("location", location)
        if description := _description(row, lang):
            event.add("description", description)
        sectors = [s for s in str(row["sectors"] or "").split(",") if s]
        if sectors:
            event.add("categories", [_text(f"sector_{s}", lang) for s in sectors])
        event.add("status", STATUS.get(row["status"], "CONFIRMED"))
        url = _value(row["source_url"])
        if url and url.lower().startswith(("http://", "https://")):
            event.add("url", url)
        cal.add_component(event)
    return cal


def calendar_bytes(rows: pd.DataFrame, *, lang: str = DEFAULT_LANGUAGE,
                   stamp: dt.datetime | None = None) -> bytes:
    """The ``.ics`` file (UTF-8, CRLF) for ``rows``."""
    return build_calendar(rows, lang=lang, stamp=stamp).to_ical()
