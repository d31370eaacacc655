"""Meetings over several days (``meeting.ends_on``, issue 10): the list queries carry the last day and
the month calendar counts the meeting on each of its days — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from data_access import auth, imports, meetings, preparation
from data_access import engine as engine_module
from data_access.filters import Filters

HEADER = "Judul;Tanggal;Jenis Kegiatan;Provinsi;Kabupaten/Kota;Sektor;Sumber;Judul Sumber;URL Sumber;Tanggal Terbit"
ROWS = [
    "Rakor Koperasi Tiga Hari;18-20 Mei 2022;rakor;NTT;;koperasi;pos-kupang.com;Rakor tiga hari;"
    "https://pos-kupang.com/tiga-hari;21/05/2022",
    "Rakor Lintas Bulan;30 Mei - 2 Juni 2022;rakor;NTT;;koperasi;pos-kupang.com;Rakor lintas bulan;"
    "https://pos-kupang.com/lintas-bulan;03/06/2022",
    "Rakor Sehari;19 Mei 2022;rakor;NTT;;ketenagakerjaan;pos-kupang.com;Rakor sehari;"
    "https://pos-kupang.com/sehari;19/05/2022",
]
TITLES = {"Rakor Koperasi Tiga Hari", "Rakor Lintas Bulan", "Rakor Sehari"}
NTT = Filters(provinces=("53",), real_only=True, today=dt.date(2026, 1, 1))


@pytest.fixture
def eng(prepared_db_url):
    engine = engine_module.get_engine(prepared_db_url)
    preparation.prepare_database(engine, with_demo=False)
    auth.add_user("editor", role="editor", password="kata-sandi-uji-123", actor="test", engine=engine)
    report = imports.commit("meetings", "\r\n".join([HEADER, *ROWS]).encode("utf-8"), "rentang.csv",
                            user="editor", engine=engine)
    assert report.counts["new"] == 3 and report.counts["rejected"] == 0, report.to_text()
    yield engine
    engine.dispose()


def test_list_and_detail_carry_the_last_day(eng):
    past = meetings.meeting_list(NTT, "past", engine=eng)
    assert list(past.columns) == meetings.LIST_COLUMNS
    days = {r.title: (r.held_on, r.ends_on) for r in past.itertuples()}
    assert days["Rakor Koperasi Tiga Hari"] == (dt.date(2022, 5, 18), dt.date(2022, 5, 20))
    assert days["Rakor Lintas Bulan"] == (dt.date(2022, 5, 30), dt.date(2022, 6, 2))
    assert days["Rakor Sehari"][0] == dt.date(2022, 5, 19) and days["Rakor Sehari"][1] is None
    three = past.loc[past["title"] == "Rakor Koperasi Tiga Hari", "id"].iloc[0]
    detail = meetings.meeting_detail(NTT, int(three), engine=eng)
    assert detail.iloc[0]["ends_on"] == dt.date(2022, 5, 20)


def test_month_calendar_counts_a_meeting_on_each_of_its_days(eng):
    may = meetings.month_days(NTT, 2022, 5, engine=eng)
    assert list(may.columns) == meetings.DAY_COLUMNS
    totals = {d: t for d, _, _, t in may.itertuples(index=False)}
    # 18–20: the three-day meeting; 19: also the one-day one; 30–31: the meeting running into June
    assert totals == {dt.date(2022, 5, 18): 1, dt.date(2022, 5, 19): 2, dt.date(2022, 5, 20): 1,
                      dt.date(2022, 5, 30): 1, dt.date(2022, 5, 31): 1}
    assert {(d, s): n for d, s, n, _ in may.itertuples(index=False) if d == dt.date(2022, 5, 19)} == {
        (dt.date(2022, 5, 19), "koperasi"): 1, (dt.date(2022, 5, 19), "ketenagakerjaan"): 1}
    june = meetings.month_days(NTT, 2022, 6, engine=eng)
    assert {d: t for d, _, _, t in june.itertuples(index=False)} == {dt.date(2022, 6, 1): 1, dt.date(2022, 6, 2): 1}
    only_labour = meetings.month_days(NTT.with_(sectors=("ketenagakerjaan",)), 2022, 5, engine=eng)
    assert set(only_labour["day"]) == {dt.date(2022, 5, 19)}


def test_ics_event_ends_the_day_after_the_last_day(eng):
    """All-day events end exclusively (RFC 5545 3.6.1): DTEND is the day after the meeting's last day."""
    import icalendar

    from ui import ical

    listed = meetings.meeting_list(NTT, "past", engine=eng)
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(ical.calendar_bytes(listed)).walk("VEVENT")}
    spans = {title: (e["DTSTART"].dt, e["DTEND"].dt) for title, e in events.items() if title in TITLES}
    assert spans == {"Rakor Koperasi Tiga Hari": (dt.date(2022, 5, 18), dt.date(2022, 5, 21)),
                     "Rakor Lintas Bulan": (dt.date(2022, 5, 30), dt.date(2022, 6, 3)),
                     "Rakor Sehari": (dt.date(2022, 5, 19), dt.date(2022, 5, 20))}
    assert all(type(day) is dt.date for span in spans.values() for day in span)  # all-day, not date-times


def test_days_in_words():
    from ui.formatting import date_range

    assert date_range(dt.date(2022, 5, 18), dt.date(2022, 5, 20), "id") == "18–20 Mei 2022"
    assert date_range(dt.date(2022, 5, 30), dt.date(2022, 6, 2), "id") == "30 Mei – 2 Juni 2022"
    assert date_range(dt.date(2022, 12, 30), dt.date(2023, 1, 2), "en") == "30 December 2022 – 2 January 2023"
    assert date_range(dt.date(2022, 5, 19), None, "id") == date_range(dt.date(2022, 5, 19), dt.date(2022, 5, 19),
                                                                        "id") == "19 Mei 2022"


def test_months_offer_each_month_a_meeting_runs_in(eng):
    scope = NTT.with_(date_from=dt.date(2022, 1, 1), date_to=dt.date(2022, 6, 30))
    got = meetings.calendar_months(scope, engine=eng)
    assert list(got.columns) == meetings.MONTH_COLUMNS
    # May: all three; June: the meeting from 30 May to 2 June, counted once in each month
    assert [tuple(r) for r in got.itertuples(index=False)] == [(2022, 5, 3), (2022, 6, 1)]
    # the monthly counts (Ringkasan) count each meeting once, in the month of its first day
    assert [tuple(r) for r in meetings.months(scope, engine=eng).itertuples(index=False)] == [(2022, 5, 3)]


def test_a_planned_meeting_still_running_is_upcoming(eng):
    """Planned 18–20 May 2022, seen on 19 and on 21 May: upcoming while it runs, past after its last day."""
    from sqlalchemy import update

    from data_access.models_meetings import Meeting

    with engine_module.session_scope(eng) as s:
        s.execute(update(Meeting).where(Meeting.title.in_(TITLES)).values(status="planned"))
    running = NTT.with_(today=dt.date(2022, 5, 19))
    assert set(meetings.meeting_list(running, "upcoming", engine=eng)["title"]) == TITLES  # 19 May: the one-day too
    assert meetings.summary(running, engine=eng).iloc[0]["upcoming"] == 3
    later = NTT.with_(today=dt.date(2022, 5, 21))
    assert set(meetings.meeting_list(later, "upcoming", engine=eng)["title"]) == {"Rakor Lintas Bulan"}
    assert "Rakor Koperasi Tiga Hari" in set(meetings.meeting_list(later, "past", engine=eng)["title"])
