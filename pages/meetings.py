"""Kalender Rakor (meeting calendar): coordination meetings in the filtered scope.

Headline counts, a month calendar, a timeline across provinces, the upcoming
and past lists (with CSV/XLSX and an .ics calendar of exactly the listed rows)
and one meeting's detail. Every figure comes from ``data_access.meetings``
through ``ui.queries.run``; text from the database is shown with ``st.text`` or
in tables, never as Markdown or HTML.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from data_access import meetings
from ui import briefing, demo, downloads, ical, queries, scope, tables
from ui.charts import built as built_chart
from ui.charts import meetings as charts
from ui.charts import show as show_chart
from ui.formatting import date, date_range, each_distinct, number
from ui.i18n import current_language, t
from ui.tables import Col

filters = st.session_state["filters"]
lang = current_language()


def _metrics(summary: pd.Series, marked: bool) -> None:
    held, planned, cancelled, provinces = st.columns(4)
    demo.metric(held, t("mtg_held"), number(int(summary["held"])), marked)
    demo.metric(planned, t("mtg_planned"), number(int(summary["planned"])), marked)
    demo.metric(cancelled, t("mtg_cancelled"), number(int(summary["cancelled"])), marked)
    provinces.metric(t("mtg_provinces"), number(int(summary["provinces"])), help=t("mtg_provinces_help"))
    st.caption(t("mtg_total_caption", n=number(int(summary["total"]))))


def _month_calendar() -> None:
    st.subheader(t("mtg_calendar"))
    months = queries.run(meetings.calendar_months, filters)
    counts = {f"{y:04d}-{m:02d}": int(n) for y, m, n in months.itertuples(index=False)}
    this_month = filters.today.strftime("%Y-%m")
    in_range = ((filters.date_from is None or filters.date_from <= filters.today)
                and (filters.date_to is None or filters.today <= filters.date_to))
    options = sorted(set(counts) | ({this_month} if in_range or not counts else set()))
    # one widget per language: its option labels are month names, and a kept widget would keep the
    # old language's labels after a switch; the chosen month carries over
    key, earlier = f"mtg_month_{lang}", [k for k in ("mtg_month_id", "mtg_month_en") if k != f"mtg_month_{lang}"]
    carried = next((st.session_state[k] for k in earlier if k in st.session_state), None)
    if st.session_state.get(key) not in options:
        # the month chosen in the other language, else the current month when the filters cover today,
        # else the latest month with meetings
        st.session_state[key] = carried if carried in options else this_month if this_month in options else options[-1]
    for k in earlier:
        st.session_state.pop(k, None)

    def label(option: str) -> str:
        year, month = map(int, option.split("-"))
        return t("mtg_month_option", month=charts.month_label(year, month, lang), n=number(counts.get(option, 0)))

    labels = {option: label(option) for option in options}  # fixed in this run, whatever the language becomes
    chosen = st.selectbox(t("mtg_month"), options=options, format_func=labels.get, key=key, width=320)
    year, month = map(int, chosen.split("-"))
    days = queries.run(meetings.month_days, filters, year, month)
    if days.empty:  # the month is still drawn (it opens on the current one): say it has no meeting
        st.caption(t("mtg_month_none"))
    # wide screens: the month grid; phones (ui.layout hides one of the two by screen width): an agenda list
    with st.container(key="mtg_cal_wide"):
        show_chart(built_chart(charts.month_calendar, days, year, month, lang), width="content")
    with st.container(key="mtg_cal_narrow"):
        grid = charts.calendar_grid(days, year, month, lang)
        busy = grid[grid["meetings"] > 0].sort_values("day")
        if not busy.empty:
            st.dataframe(pd.DataFrame({
                t("mtg_col_date"): [f"{w}, {d}" for w, d in zip(busy["weekday_label"], busy["date_label"],
                                                                 strict=True)],
                t("mtg_col_meetings"): busy["meetings"].map(number).to_numpy(),
                t("mtg_col_sectors"): busy["by_sector"].to_numpy(),
            }), hide_index=True, width="stretch")
    st.caption(t("mtg_calendar_rule"))


def _timeline(total: int) -> None:
    st.subheader(t("mtg_timeline"))
    if total > meetings.TIMELINE_POINT_LIMIT:
        monthly = queries.run(meetings.timeline_monthly, filters)
        show_chart(built_chart(charts.timeline_monthly, monthly, lang), width="stretch")
        st.caption(t("mtg_timeline_monthly", limit=number(meetings.TIMELINE_POINT_LIMIT)))
    else:
        points = queries.run(meetings.timeline_points, filters)
        show_chart(built_chart(charts.timeline_points, points, lang, filters.sectors), width="stretch")
        st.caption(t("mtg_timeline_points"))


def _days(rows: pd.DataFrame) -> pd.Series:
    """Each listed meeting's days in words ("18–20 Mei 2022"; one day: "19 Mei 2022")."""
    pairs = pd.Series(list(zip(rows["held_on"], rows["ends_on"], strict=True)), index=rows.index)
    return each_distinct(pairs, lambda pair: date_range(*pair))


def _sectors(codes: str) -> str:
    return ", ".join(t(f"sector_{c}") for c in (codes or "").split(",") if c)


# one declaration for the lists and their files: the screen says the days in words ("18–20 Mei 2022"), the
# files hold the first day as a date; the last day (empty for one day) is a column of both
LIST_COLS = [Col("mtg_col_date", "held_on", "date", shown="days"), Col("mtg_col_ends", "ends_on", "date"),
             Col("mtg_col_title", "title"), Col("mtg_col_kind", "kind", "label", label=lambda k: t(f"mtg_kind_{k}")),
             Col("mtg_col_level", "level", "label", label=lambda v: t(f"mtg_level_{v}")),
             Col("mtg_col_status", "status", "label", label=lambda s: t(f"mtg_status_{s}")),
             Col("mtg_col_province", "province"), Col("mtg_col_regency", "regency"), Col("mtg_col_city", "city"),
             Col("mtg_col_organizer", "organizer"), Col("mtg_col_sectors", "sectors", "label", label=_sectors),
             Col("mtg_col_source", "source_outlet")]


def _table_rows(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Listed rows with their days in words (for ``LIST_COLS``), and the demo flag per row."""
    return rows.assign(days=_days(rows)).reset_index(drop=True), rows["source_kind"].eq("synthetic").reset_index(drop=True)


def _all_rows(view: object, when: str) -> tuple[pd.DataFrame, pd.Series]:
    """Every row of the list for the files (read on click, not on each rerun)."""
    return _table_rows(meetings.meeting_list(view, when, limit=None))


def _page(total: int, when: str) -> int:
    """The page of the list chosen (0-based); a page picker when the list is longer than a page."""
    pages = -(-total // meetings.LIST_LIMIT)
    if pages <= 1:
        return 0
    key = f"mtg_{when}_page"
    if not 1 <= int(st.session_state.get(key, 1)) <= pages:
        st.session_state[key] = 1
    chosen = st.number_input(t("mtg_page", pages=number(pages)), min_value=1, max_value=pages, step=1, key=key,
                             width=220)
    return int(chosen) - 1


def _list(total: int, when: str, scope_text: str) -> pd.DataFrame:
    """One list (a page of ``LIST_LIMIT`` rows on screen, every row in the files); returns the rows shown."""
    st.caption(t(f"mtg_{when}_rule", today=date(filters.today)))
    if not total:
        st.caption(t(f"mtg_none_{when}"))
        return queries.run(meetings.meeting_list, filters, when, 0)
    page = _page(total, when)
    rows = queries.run(meetings.meeting_list, filters, when, meetings.LIST_LIMIT, offset=page * meetings.LIST_LIMIT)
    first = page * meetings.LIST_LIMIT + 1
    st.caption(t("mtg_shown_rows", first=number(first), last=number(first + len(rows) - 1), total=number(total))
               if total > meetings.LIST_LIMIT else t("mtg_shown", shown=number(len(rows)), total=number(total)))
    every = total > meetings.LIST_LIMIT
    if every:
        st.caption(t("mtg_files_all", total=number(total)))
    shown, shown_demo = _table_rows(rows)
    tables.show(shown, LIST_COLS, demo=shown_demo, name=t(f"mtg_file_{when}"), key=f"mtg_{when}", filters=filters,
                scope=scope_text,
                all_rows=partial(_all_rows, filters, when) if every else None)
    return rows


def _calendar_file(view: object, language: str) -> bytes:
    """The ``.ics`` of every meeting in view (upcoming, then past), read on click."""
    every = pd.concat([meetings.meeting_list(view, "upcoming", limit=None),
                       meetings.meeting_list(view, "past", limit=None)], ignore_index=True)
    return ical.calendar_bytes(every, lang=language)


def _lists(summary: pd.Series, scope_text: str) -> pd.DataFrame:
    """Draw both lists; returns the rows shown (upcoming, then past)."""
    st.subheader(t("mtg_lists"))
    labels = [t("mtg_upcoming_tab", n=number(int(summary["upcoming"]))),
              t("mtg_past_tab", n=number(int(summary["past"])))]
    # open on the tab that has meetings for the filters (upcoming first when both have)
    tab_up, tab_past = st.tabs(labels, default=labels[0] if int(summary["upcoming"]) else labels[1])
    with tab_up:
        upcoming = _list(int(summary["upcoming"]), "upcoming", scope_text)
    with tab_past:
        past = _list(int(summary["past"]), "past", scope_text)
    listed = pd.concat([upcoming, past], ignore_index=True)
    st.download_button(
        t("mtg_ics_download"), data=partial(_calendar_file, filters, lang),
        file_name=f"{downloads.file_stem(t('mtg_file_calendar'), scope_text)}.ics", mime=ical.MIME,
        key="mtg_ics", on_click="ignore", icon=":material/calendar_month:",
        help=t("mtg_ics_help", n=number(int(summary["total"]))))
    return listed


def _field(column, label: str, value: str) -> None:
    column.caption(label)
    column.text(value)


def _detail(listed: pd.DataFrame) -> None:
    st.subheader(t("mtg_detail"))
    ids = [int(i) for i in listed["id"]]
    days = _days(listed)
    titles = {int(i): f"{d} · {title}" for i, d, title in zip(listed["id"], days, listed["title"], strict=True)}
    if st.session_state.get("mtg_detail") not in ids:
        st.session_state["mtg_detail"] = ids[0]
    chosen = st.selectbox(t("mtg_detail_pick"), options=ids, format_func=titles.get, key="mtg_detail")
    found = queries.run(meetings.meeting_detail, filters, int(chosen))
    if found.empty:
        st.info(t("empty_result"))
        return
    m = found.iloc[0]
    regencies = queries.run(meetings.meeting_regencies, filters, int(chosen))
    further = queries.run(meetings.further_sources, filters, int(chosen))
    unknown = t("mtg_unknown")

    def text(value) -> str:
        return unknown if value is None or pd.isna(value) or not str(value).strip() else str(value)

    opened = " — ".join(p for p in (text(m["opened_by_name"]), text(m["opened_by_role"])) if p != unknown)
    def cited(outlet, headline, published_on, url) -> str:
        return " · ".join(p for p in (text(outlet), text(headline),
                                      date(published_on) if pd.notna(published_on) else unknown, text(url))
                          if p != unknown)

    source = cited(m["source_outlet"], m["source_headline"], m["source_published_on"], m["source_url"])
    with st.container(border=True):
        if m["source_kind"] == "synthetic":
            st.warning(t("mtg_d_demo"), icon=":material/warning:")
        _field(st, t("mtg_d_title"), str(m["title"]))
        left, right = st.columns(2)
        _field(left, t("mtg_d_date"), f"{date_range(m['held_on'], m['ends_on'])} — "
               + t("mtg_d_date_inferred" if m["date_inferred"] else "mtg_d_date_stated"))
        _field(right, t("mtg_d_kind_level"), " · ".join((t(f"mtg_kind_{m['kind']}"), t(f"mtg_level_{m['level']}"),
                                                          t(f"mtg_status_{m['status']}"))))
        _field(left, t("mtg_d_organizer"), text(m["organizer"]))
        _field(right, t("mtg_d_opened_by"), opened or unknown)
        _field(left, t("mtg_d_venue"), text(m["venue"]))
        _field(right, t("mtg_d_city"), text(m["city"]))
        _field(left, t("mtg_d_area"), " · ".join((text(m["province"]), text(m["regency"]))))
        _field(right, t("mtg_d_participants"),
               number(int(m["participants"])) if pd.notna(m["participants"]) else unknown)
        _field(left, t("mtg_d_sectors"),
               ", ".join(t(f"sector_{c}") for c in str(m["sectors"]).split(",") if c) or unknown)
        _field(right, t("mtg_d_source"), source or unknown)
        if not further.empty:
            _field(right, t("mtg_d_further_sources", n=number(len(further))), "\n".join(
                cited(r.outlet, r.headline, r.published_on, r.url) or unknown for r in further.itertuples()))
        _field(st, t("mtg_d_theme"), text(m["theme"]))
        _field(st, t("mtg_d_regencies", n=number(len(regencies))), ", ".join(regencies["name"]) or unknown)
        url = text(m["source_url"])
        if url.lower().startswith(("http://", "https://")):
            st.link_button(t("mtg_d_open_source"), url, icon=":material/open_in_new:")


st.title(t("page_meetings"))
scope.caption(filters)
briefing.offer_pack(filters, "rakor")
st.caption(t("mtg_intro"))
summary_row = queries.run(meetings.summary, filters).iloc[0]
if int(summary_row["total"]) == 0:
    st.info(t("empty_result"))
else:
    scope_line = scope.describe(filters)
    meetings_demo = demo.banner(filters, "meetings")[0] > 0
    _metrics(summary_row, meetings_demo)
    _month_calendar()
    _timeline(int(summary_row["total"]))
    listed_rows = _lists(summary_row, scope_line)
    _detail(listed_rows)
scope.provenance_note(filters, "meetings")
