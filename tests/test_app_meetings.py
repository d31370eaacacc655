"""AppTest: the meeting calendar page ("Kalender Rakor", /rakor) as a user drives it.

Expected figures are direct SQL counts on the SQLite fixture the app reads, or
the seed facts; downloads are compared with the tables on screen.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import icalendar
import pandas as pd
import pytest
from sqlalchemy import text
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from data_access import engine as engine_module
from data_access import meetings, preparation, records
from data_access.engine import session_scope
from data_access.models_reference import Source
from tests.apptest_helpers import app, capture_downloads, demo_marked, download_bytes, plain_label  # noqa: F401  (fixture)

QUERY = {"prov": "53", "dari": "2019-01-01", "sampai": "2020-12-31", "nyata": "1"}
LABELS = {
    "id": ("Rapat terlaksana", "Rapat direncanakan", "Rapat dibatalkan", "Provinsi terlibat"),
    "en": ("Meetings held", "Meetings planned", "Meetings cancelled", "Provinces involved"),
}


def _counts(url: str, *, province: str | None = "53", date_from: str | None = "2019-01-01",
            date_to: str | None = "2020-12-31", real_only: bool = True, sector: str | None = None) -> dict:
    """Meetings by status and distinct provinces, by a hand-written SQL query."""
    sql = ("SELECT m.status, COUNT(*), COUNT(DISTINCT m.province_code) FROM meeting m "
           "JOIN source s ON s.id = m.source_id WHERE 1 = 1")
    params: dict = {}
    if province:
        sql += " AND m.province_code = :p"
        params["p"] = province
    if date_from:
        sql += " AND m.held_on >= :a"
        params["a"] = date_from
    if date_to:
        sql += " AND m.held_on <= :b"
        params["b"] = date_to
    if real_only:
        sql += " AND s.kind <> 'synthetic'"
    if sector:
        sql += " AND m.id IN (SELECT meeting_id FROM meeting_sector WHERE sector_code = :s)"
        params["s"] = sector
    with engine_module.get_engine(url).connect() as conn:
        by_status = {row[0]: row[1] for row in conn.execute(text(sql + " GROUP BY m.status"), params)}
        provinces = conn.execute(text(sql.replace("m.status, COUNT(*), COUNT(DISTINCT m.province_code)",
                                                  "COUNT(DISTINCT m.province_code)")), params).scalar()
    return {"held": by_status.get("held", 0), "planned": by_status.get("planned", 0),
            "cancelled": by_status.get("cancelled", 0), "provinces": provinces}


def _shown(counts: dict, lang: str = "id") -> dict[str, str]:
    sep = "." if lang == "id" else ","
    values = (counts["held"], counts["planned"], counts["cancelled"], counts["provinces"])
    return {label: f"{v:,}".replace(",", sep) for label, v in zip(LABELS[lang], values, strict=True)}


def _lists(at) -> list:
    """The meeting lists (tables with a title column), in page order; the calendar's agenda has none."""
    return [d for d in at.dataframe if {"Judul", "Title"} & set(d.value.columns)]


def _metrics(at) -> dict[str, str]:
    return {plain_label(m.label): m.value for m in at.metric}


def _charts(at) -> list[tuple[dict, pd.DataFrame]]:
    """Each Altair chart on the page: its spec and its (only) dataset."""
    found = []
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        data = convert_arrow_bytes_to_pandas_df(chart.proto.datasets[0].data.data)
        found.append((spec, data))
    return found


def _button(at, key: str):
    (button,) = [b for b in at.get("download_button") if b.key == key]
    return button


def _texts(at) -> list[str]:
    return [t.value for t in at.text]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_runs_and_metrics_equal_sql_counts(sqlite_url, lang):
    at = app("meetings", query=QUERY, lang=None if lang == "id" else lang)
    assert not at.exception
    expected = _counts(sqlite_url)
    assert expected == {"held": 2, "planned": 0, "cancelled": 0, "provinces": 1}  # the two real NTT meetings
    assert _metrics(at) == _shown(expected, lang)
    assert at.title[0].value == ("Kalender Rakor" if lang == "id" else "Meeting calendar")
    captions = [c.value for c in at.caption]
    assert any("Nusa Tenggara Timur" in c for c in captions)  # scope line
    assert any(c.startswith("Sumber:" if lang == "id" else "Sources:") for c in captions)  # provenance
    calendar_spec, _ = _charts(at)[0]
    weekdays = calendar_spec["layer"][0]["encoding"]["x"]["sort"]
    assert weekdays[0] == ("Sen" if lang == "id" else "Mon")
    past = _lists(at)[0]  # (the last dataframe is the provenance list)
    assert past.value.iloc[:, 0].tolist() == (["27 Februari 2020", "22 Agustus 2019"] if lang == "id"
                                              else ["27 February 2020", "22 August 2019"])


def test_changing_filters_changes_the_numbers(sqlite_url):
    at = app("meetings", query=QUERY)
    at.multiselect(key="f_sektor").set_value(["perlindungan_pmi"]).run()
    assert not at.exception
    expected = _counts(sqlite_url, sector="perlindungan_pmi")
    assert expected["held"] == 1  # only the 2019-08-22 rapat teknis
    assert _metrics(at) == _shown(expected)
    at.multiselect(key="f_sektor").set_value([]).run()
    at.toggle(key="f_nyata").set_value(False).run()
    with_demo = _counts(sqlite_url, real_only=False)
    assert with_demo["held"] > 2
    assert _metrics(at) == _shown(with_demo)
    at.multiselect(key="f_prov").set_value(["62", "64"]).run()
    at.date_input(key="f_from").set_value(None).run()
    at.date_input(key="f_to").set_value(None).run()
    assert not at.exception
    both = {k: a + b for (k, a), b in zip(_counts(sqlite_url, province="62", date_from=None, date_to=None,
                                                  real_only=False).items(),
                                           _counts(sqlite_url, province="64", date_from=None, date_to=None,
                                                   real_only=False).values(), strict=True)}
    assert _metrics(at) == _shown(both)


def test_downloads_hold_every_row_of_the_view_and_the_screen_pages(sqlite_url, capture_downloads):  # noqa: F811
    """Issue 20 point 6: the screen shows a page of LIST_LIMIT rows with a page picker; CSV, XLSX and
    .ics hold every meeting of the view (counted here in SQL), the first rows being the page shown."""
    with engine_module.get_engine(sqlite_url).connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM meeting")).scalar()
        demo_total = conn.execute(text("SELECT count(*) FROM meeting JOIN source ON source.id = meeting.source_id "
                                       "WHERE source.kind = 'synthetic'")).scalar()
    at = app("meetings")  # whole country, demo data included: the past list is longer than a page
    assert not at.exception
    upcoming, past = _lists(at)[:2]
    assert len(past.value) == meetings.LIST_LIMIT
    assert at.number_input(key="mtg_past_page").value == 1
    listed = 0
    for frame, key in ((upcoming.value, "mtg_upcoming"), (past.value, "mtg_past")):
        csv = pd.read_csv(io.BytesIO(download_bytes(_button(at, f"{key}_csv"), capture_downloads)),
                          encoding="utf-8-sig", dtype=str, keep_default_na=False)
        listed += len(csv)
        # one declaration (ui.tables): the file has the screen's columns, the demo column last; the text
        # columns read the same ("–" on screen where the file is empty), the days are dates (checked below)
        on_screen = [c for c in frame.columns if c != "Data demo"]
        assert list(csv.columns) == [*on_screen, "Data demo"]
        assert on_screen[:2] == ["Tanggal", "Tanggal selesai"]
        expected = frame[on_screen[2:]].replace("–", "").reset_index(drop=True)
        head = csv.head(len(frame))
        pd.testing.assert_frame_equal(head[expected.columns], expected, check_dtype=False)
        demo_shown = list(frame["Data demo"]) if "Data demo" in frame.columns else ["tidak"] * len(frame)
        assert list(head["Data demo"]) == demo_shown
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in csv["Tanggal"])
        xlsx = pd.read_excel(io.BytesIO(download_bytes(_button(at, f"{key}_xlsx"), capture_downloads)),
                             sheet_name="Data", dtype=str, keep_default_na=False)
        assert len(xlsx) == len(csv)
        pd.testing.assert_frame_equal(xlsx.head(len(frame))[expected.columns], expected, check_dtype=False)
    assert listed == total > meetings.LIST_LIMIT
    assert "ya" in set(past.value["Data demo"])  # synthetic rows are flagged in the list
    ics = icalendar.Calendar.from_ical(download_bytes(_button(at, "mtg_ics"), capture_downloads))
    events = list(ics.walk("VEVENT"))
    assert len(events) == len({str(e["UID"]) for e in events}) == total
    # point 7: a demo meeting is marked in its title, which is all a calendar app shows
    assert sum(str(e["SUMMARY"]).startswith("[DEMO] ") for e in events) == demo_total > 0
    at.number_input(key="mtg_past_page").set_value(2).run()
    second = _lists(at)[1].value
    assert list(second["Judul"]) == list(csv["Judul"].iloc[meetings.LIST_LIMIT:meetings.LIST_LIMIT + len(second)])


def test_ics_of_the_real_ntt_meetings(capture_downloads):  # noqa: F811
    at = app("meetings", query=QUERY, lang="en")
    events = list(icalendar.Calendar.from_ical(
        download_bytes(_button(at, "mtg_ics"), capture_downloads)).walk("VEVENT"))
    assert sorted(e["DTSTART"].dt for e in events) == [dt.date(2019, 8, 22), dt.date(2020, 2, 27)]
    assert {str(e["STATUS"]) for e in events} == {"CONFIRMED"}


def test_month_calendar_defaults_to_latest_month_and_follows_the_picker():
    at = app("meetings", query=QUERY)
    month = at.selectbox(key="mtg_month_id")
    assert month.options == ["Agustus 2019 · 1 rapat", "Februari 2020 · 1 rapat"]  # months with meetings
    assert month.value == "2020-02"  # the latest month with meetings in scope
    _, data = _charts(at)[0]
    assert len(data) == 29
    busy = data[data["meetings"] > 0]
    assert busy["day_no"].tolist() == [27]
    at.selectbox(key="mtg_month_id").set_value("2019-08").run()
    assert not at.exception
    _, data = _charts(at)[0]
    busy = data[data["meetings"] > 0]
    assert busy["day_no"].tolist() == [22] and len(data) == 31
    assert busy["sector_label"].tolist() == ["Ketenagakerjaan"]  # 1–1 tie with Perlindungan PMI: fixed order
    timeline_spec, points = _charts(at)[1]
    assert timeline_spec["mark"]["type"] == "circle"
    assert sorted(points["title"]) == sorted(_lists(at)[0].value["Judul"])


def test_meeting_detail(sqlite_url):
    at = app("meetings", query=QUERY)
    pick = at.selectbox(key="mtg_detail")
    assert pick.options[1].startswith("22 Agustus 2019 · Rapat Teknis")  # the listed meetings, in list order
    with engine_module.get_engine(sqlite_url).connect() as conn:
        teknis_id = conn.execute(text("SELECT id FROM meeting WHERE held_on = '2019-08-22' AND kind = 'rapat_teknis'"
                                      " AND province_code = '53'")).scalar_one()
    pick.set_value(teknis_id).run()  # (AppTest selects by value: the options are meeting ids)
    assert not at.exception
    texts = _texts(at)
    assert "Willybrodus Lay, SH — Bupati Belu" in texts
    assert "Lantai I Kantor Bupati Belu" in texts
    assert any("disimpulkan" in t for t in texts)  # the year of the date was inferred
    assert "Kabupaten Belu, Kabupaten Malaka" in texts  # the regencies taking part
    assert any(c.value == "Kab/kota yang ikut (2)" for c in at.caption)
    assert any(t.startswith("Dinas Kominfo Kab. Belu") for t in texts)  # the source's outlet


def test_empty_scope_shows_the_empty_note():
    at = app("meetings", query={"dari": "2001-01-01", "sampai": "2001-12-31"})
    assert not at.exception
    assert [i.value for i in at.info] == [
        "Tidak ada data untuk filter ini. Ubah provinsi, kabupaten/kota, tanggal atau sektor."]
    assert not at.metric and not at.get("vega_lite_chart") and not at.dataframe


def test_large_scope_plots_monthly_counts(monkeypatch, sqlite_url):
    monkeypatch.setattr(meetings, "TIMELINE_POINT_LIMIT", 50)
    at = app("meetings")
    assert not at.exception
    spec, data = _charts(at)[1]
    assert spec["mark"]["type"] == "rect" and spec["encoding"]["x"]["timeUnit"] == "yearmonth"
    with engine_module.get_engine(sqlite_url).connect() as conn:
        total = conn.execute(text("SELECT COUNT(*) FROM meeting")).scalar()
    assert int(data["meetings"].sum()) == total


def test_database_text_is_shown_as_text(prepared_sqlite_url, monkeypatch):
    url = prepared_sqlite_url
    engine = preparation.prepare_database(engine_module.get_engine(url), with_demo=False)
    title = "<b>Rakor</b> **tebal** :red[merah] <script>alert(1)</script>"
    with session_scope(engine) as session:
        source = Source(key="test:markup", kind="manual", outlet="<i>Outlet</i>", headline="# Judul")
        session.add(source)
        session.flush()
        records.add_meeting(session, sectors=["koperasi"], regencies=["11.01"], title=title, kind="rakor",
                            level="kabupaten_kota", held_on=dt.date(2023, 3, 1), status="held",
                            province_code="11", regency_code="11.01", organizer="<img src=x onerror=alert(1)>",
                            venue="[tautan](javascript:alert(1))", source_id=source.id)
    monkeypatch.setenv("DATABASE_URL", url)
    at = app("meetings", query={"prov": "11"})
    assert not at.exception
    texts = _texts(at)
    assert title in texts and "<img src=x onerror=alert(1)>" in texts and "[tautan](javascript:alert(1))" in texts
    assert _lists(at)[0].value["Judul"].tolist() == [title]
    rendered = [e.value for kind in ("markdown", "caption", "title", "subheader", "info", "warning")
                for e in at.get(kind)]
    assert not any("Rakor</b>" in v or "alert(1)" in v or "Outlet" in v for v in rendered)


def test_calendar_opens_on_the_current_month_and_lists_on_the_tab_with_meetings():
    import datetime as _dt

    at = app("meetings", query={"prov": "53"})
    assert not at.exception
    assert at.selectbox(key="mtg_month_id").value == _dt.date.today().strftime("%Y-%m")
    # a period wholly in the past: no month of today, the latest month with meetings instead
    past = app("meetings", query=QUERY)
    assert past.selectbox(key="mtg_month_id").value == "2020-02"


def test_meeting_over_several_days_shows_its_range(prepared_sqlite_url, monkeypatch, capture_downloads):  # noqa: F811
    """Issue 10: "18-20 Mei 2022" is listed and detailed as one range, drawn on each of its days in the
    month (grid and phone agenda), ends the day after its last day in the .ics, and the files carry
    the last day as a date value in its own column."""
    from openpyxl import load_workbook

    url = prepared_sqlite_url
    engine = preparation.prepare_database(engine_module.get_engine(url), with_demo=False)
    with session_scope(engine) as session:
        source = Source(key="test:range", kind="manual", outlet="Dinas")
        session.add(source)
        session.flush()
        for title, start, end in (("Rakor Tiga Hari", dt.date(2022, 5, 18), dt.date(2022, 5, 20)),
                                  ("Rakor Sehari", dt.date(2022, 5, 19), None)):
            records.add_meeting(session, sectors=["koperasi"], regencies=["11.01"], title=title, kind="rakor",
                                level="kabupaten_kota", held_on=start, ends_on=end, status="held",
                                province_code="11", regency_code="11.01", source_id=source.id)
    monkeypatch.setenv("DATABASE_URL", url)
    at = app("meetings", query={"prov": "11", "dari": "2022-05-01", "sampai": "2022-05-31"})
    assert not at.exception
    listed = _lists(at)[0].value
    assert dict(zip(listed["Judul"], listed["Tanggal"], strict=True)) == {
        "Rakor Tiga Hari": "18–20 Mei 2022", "Rakor Sehari": "19 Mei 2022"}
    assert at.selectbox(key="mtg_month_id").value == "2022-05"
    _, grid = _charts(at)[0]
    assert dict(zip(grid.loc[grid["meetings"] > 0, "day_no"], grid.loc[grid["meetings"] > 0, "meetings"],
                    strict=True)) == {18: 1, 19: 2, 20: 1}
    agenda = next(d.value for d in at.dataframe if "Rapat" in d.value.columns and "Judul" not in d.value.columns)
    assert len(agenda) == 3 and agenda["Rapat"].tolist() == ["1", "2", "1"]
    pick = at.selectbox(key="mtg_detail")
    assert "18–20 Mei 2022 · Rakor Tiga Hari" in pick.options
    with engine.connect() as conn:
        three = conn.execute(text("SELECT id FROM meeting WHERE title = 'Rakor Tiga Hari'")).scalar_one()
    pick.set_value(three).run()
    assert not at.exception
    assert any(t.startswith("18–20 Mei 2022 — ") for t in _texts(at))  # the detail's date
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(
        download_bytes(_button(at, "mtg_ics"), capture_downloads)).walk("VEVENT")}
    assert (events["Rakor Tiga Hari"]["DTSTART"].dt, events["Rakor Tiga Hari"]["DTEND"].dt) == (
        dt.date(2022, 5, 18), dt.date(2022, 5, 21))
    assert events["Rakor Sehari"]["DTEND"].dt == dt.date(2022, 5, 20)
    sheet = load_workbook(io.BytesIO(download_bytes(_button(at, "mtg_past_xlsx"), capture_downloads)))["Data"]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Tanggal", "Tanggal selesai"]
    rows = {r[header.index("Judul")]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Rakor Tiga Hari"][:2] == (dt.datetime(2022, 5, 18), dt.datetime(2022, 5, 20))  # date values
    assert rows["Rakor Sehari"][:2] == (dt.datetime(2022, 5, 19), None)
