"""The .ics export: parsed back with icalendar, one all-day VEVENT per listed meeting."""

from __future__ import annotations

import datetime as dt

import icalendar
import pandas as pd
import pytest

from data_access import meetings
from data_access.engine import get_engine
from data_access.filters import Filters
from data_access.real_facts import read_facts
from ui import ical

STAMP = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)


def _row(**values) -> dict:
    row = dict.fromkeys(meetings.LIST_COLUMNS)
    row.update(id=1, held_on=dt.date(2020, 2, 27), title="Rakor", kind="rakor", level="provinsi", status="held",
               province_code="53", province="Nusa Tenggara Timur", date_inferred=False, sectors="koperasi",
               source_kind="news", source_outlet="Outlet")
    row.update(values)
    return row


def _events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


@pytest.fixture
def listed(sqlite_url) -> pd.DataFrame:
    """The real NTT meetings of 2019–2020, as the page lists them."""
    f = Filters(provinces=("53",), date_from=dt.date(2019, 1, 1), date_to=dt.date(2020, 12, 31), real_only=True)
    engine = get_engine(sqlite_url)
    return pd.concat([meetings.meeting_list(f, "upcoming", engine=engine),
                      meetings.meeting_list(f, "past", engine=engine)], ignore_index=True)


def test_one_all_day_event_per_listed_meeting(listed):
    data = ical.calendar_bytes(listed, stamp=STAMP)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == ical.PRODID
    events = _events(data)
    assert len(events) == len(listed) == 2
    facts = {m["held_on"]: m for m in read_facts()["meetings"]}
    for event in events:
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is dt.date and type(end) is dt.date  # all-day, not date-times
        assert end - start == dt.timedelta(days=1)
        fact = facts[start.isoformat()]
        assert str(event["SUMMARY"]) == fact["title"]
        assert str(event["LOCATION"]) == f"{fact['venue']}, {fact['city']}"
        description = str(event["DESCRIPTION"])
        assert fact["organizer"] in description
        assert fact["opened_by_name"] in description and fact["opened_by_role"] in description
        assert str(event["STATUS"]) == "CONFIRMED"
        assert event["DTSTAMP"].dt == STAMP
    assert sorted(e["DTSTART"].dt.isoformat() for e in events) == ["2019-08-22", "2020-02-27"]
    inferred = next(e for e in events if e["DTSTART"].dt == dt.date(2019, 8, 22))
    assert "disimpulkan" in str(inferred["DESCRIPTION"])


def test_uid_is_stable_per_meeting(listed):
    first = {str(e["UID"]): e["DTSTART"].dt for e in _events(ical.calendar_bytes(listed, stamp=STAMP))}
    later = ical.calendar_bytes(listed.iloc[::-1], stamp=STAMP + dt.timedelta(days=3), lang="en")
    again = {str(e["UID"]): e["DTSTART"].dt for e in _events(later)}
    assert first == again
    assert set(first) == {f"rapat-{int(i)}@pantau-rakor" for i in listed["id"]}


def test_file_is_crlf_and_folded(listed):
    long_title = "Rapat Koordinasi " + "Ketenagakerjaan dan Ketransmigrasian " * 5
    data = ical.calendar_bytes(pd.DataFrame([_row(title=long_title)]), stamp=STAMP)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    assert str(_events(data)[0]["SUMMARY"]) == long_title


def test_status_categories_text_and_demo_flag():
    rows = pd.DataFrame([
        _row(id=7, status="planned", sectors="ketenagakerjaan,perlindungan_pmi", source_kind="synthetic",
             title="Rapat; teknis, \"Pokja\"\nbaris", venue=None, city="Kupang"),
        _row(id=8, status="cancelled", source_url="https://example.org/berita", source_headline="Judul",
             source_published_on=dt.date(2020, 3, 1)),
        _row(id=9, status="held", source_url="javascript:alert(1)"),
    ])
    events = {str(e["UID"]): e for e in _events(ical.calendar_bytes(rows, lang="en", stamp=STAMP))}
    planned, cancelled, held = (events[f"rapat-{i}@pantau-rakor"] for i in (7, 8, 9))
    assert str(planned["STATUS"]) == "TENTATIVE"
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(held["STATUS"]) == "CONFIRMED"
    assert [str(c) for c in planned["CATEGORIES"].cats] == ["Manpower", "Migrant worker protection"]
    assert str(planned["SUMMARY"]) == "[DEMO] Rapat; teknis, \"Pokja\"\nbaris"  # escaped and restored, demo marked
    assert str(cancelled["SUMMARY"]).startswith("[DEMO]") is False
    assert str(planned["LOCATION"]) == "Kupang"
    assert "SYNTHETIC DEMO DATA" in str(planned["DESCRIPTION"])
    assert "DEMO" not in str(cancelled["DESCRIPTION"])
    assert str(cancelled["URL"]) == "https://example.org/berita"
    assert "1 March 2020" in str(cancelled["DESCRIPTION"])
    assert "URL" not in held  # only http(s) links become URL properties


def test_empty_list_gives_a_valid_empty_calendar():
    data = ical.calendar_bytes(pd.DataFrame(columns=meetings.LIST_COLUMNS), stamp=STAMP)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and _events(data) == []
