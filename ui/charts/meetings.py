"""Charts of the meeting calendar page: the month grid and the timeline across provinces.

Builders take the DataFrames of ``data_access.meetings`` and the interface
language (``lang``, so they need no Streamlit session and are tested through
``chart.to_dict()``). Sector colours are the fixed ``SECTOR_COLOURS``; the legend
shows the translated sector names.

Colour rules (also stated under the charts):

- month grid: a day is coloured by its *dominant sector*, the sector with the
  most meetings that day; ties go to the first in ``SECTORS`` order
  (koperasi, ketenagakerjaan, transmigrasi, perlindungan_pmi). The tooltip lists
  every sector's count.
- timeline: a meeting is coloured by its *lead sector*, the first of its sectors
  in ``SECTORS`` order — among the filtered sectors when a sector filter is set.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

import altair as alt
import pandas as pd
from babel.dates import format_date

from data_access.models_reference import SECTORS
from ui.charts import SECTOR_COLOURS, bottom_legend, scale
from ui.formatting import LOCALES, each_distinct, number
from ui.formatting import date as format_day
from ui.i18n import DEFAULT_LANGUAGE, TEXT

CELL_WIDTH, CELL_HEIGHT = 78, 56
NO_MEETING_FILL = "#eef0f3"
DAY_NUMBER_COLOUR = "#4b5563"
ROW_HEIGHT = 26  # pixels per province row in the timeline
PROVINCE_LABEL_LIMIT = 240
SHORT_SPAN_DAYS = 2 * 366


def _time_scale(dates: pd.Series) -> alt.Scale:
    """A time scale rounded out to whole years (whole months for short spans), so the axis starts
    at or before the first meeting and ends at or after the last one."""
    short = not dates.empty and (dates.max() - dates.min()).days <= SHORT_SPAN_DAYS
    return alt.Scale(nice={"interval": "month" if short else "year", "step": 1})


def _time_axis(dates: pd.Series) -> alt.Axis:
    """Numeric, language-neutral date labels (Vega would print English month names):
    years for long spans, month/year when the dates cover two years or less."""
    if dates.empty or (dates.max() - dates.min()).days > SHORT_SPAN_DAYS:
        return alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1}, grid=True)
    return alt.Axis(format="%m/%Y", tickCount={"interval": "month", "step": 1}, grid=True, labelOverlap="greedy")
GRID_COLUMNS = ["day", "day_no", "weekday", "weekday_label", "week", "week_label", "meetings", "sector",
                "sector_label", "by_sector", "date_label"]


def _text(key: str, lang: str, **values) -> str:
    entry = TEXT[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def sector_labels(lang: str) -> dict[str, str]:
    return {code: _text(f"sector_{code}", lang) for code in SECTORS}


def weekday_labels(lang: str) -> list[str]:
    """Monday first: Sen … Min (id), Mon … Sun (en)."""
    return _text("mtg_weekdays", lang).split(",")


@lru_cache(maxsize=1024)
def month_label(year: int, month: int, lang: str) -> str:
    """"Februari 2020" / "February 2020" (kept: the month picker labels every month on each rerun)."""
    return format_date(dt.date(year, month, 1), format="LLLL y", locale=LOCALES[lang])


def dominant_sector(counts: dict[str, int]) -> str | None:
    """The sector with most meetings; ties go to the first in ``SECTORS`` order."""
    best = None
    for code in SECTORS:
        if counts.get(code, 0) > 0 and (best is None or counts[code] > counts[best]):
            best = code
    return best


def lead_sector(sectors: str, chosen: tuple[str, ...] = ()) -> str | None:
    """The first of a meeting's sectors (comma-separated codes) in ``SECTORS``
    order, among ``chosen`` when that leaves any."""
    own = [s for s in SECTORS if s in set(sectors.split(","))]
    preferred = [s for s in own if s in chosen]
    return (preferred or own or [None])[0]


def calendar_grid(days: pd.DataFrame, year: int, month: int, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """Every day of the month with its meetings (``days`` as ``month_days`` returns it).

    Columns: ``GRID_COLUMNS``; ``week`` is the row (0 = the week of the 1st),
    ``week_label`` the ISO week; ``sector`` the dominant sector (None on days
    without meetings).
    """
    labels, names = weekday_labels(lang), sector_labels(lang)
    per_day: dict[dt.date, dict[str, int]] = {}
    totals: dict[dt.date, int] = {}
    for row in days.itertuples(index=False):
        day = pd.Timestamp(row.day).date()
        per_day.setdefault(day, {})[row.sector] = int(row.meetings)
        totals[day] = int(row.day_total)
    first = dt.date(year, month, 1)
    rows = []
    for day_no in range(1, calendar.monthrange(year, month)[1] + 1):
        day = dt.date(year, month, day_no)
        counts = per_day.get(day, {})
        sector = dominant_sector(counts)
        rows.append({
            "day": pd.Timestamp(day), "day_no": day_no, "weekday": day.weekday(),
            "weekday_label": labels[day.weekday()], "week": (day_no - 1 + first.weekday()) // 7,
            "week_label": _text("mtg_week", lang, n=day.isocalendar().week), "meetings": totals.get(day, 0),
            "sector": sector, "sector_label": names[sector] if sector else _text("mtg_no_meeting", lang),
            "by_sector": ", ".join(f"{names[s]}: {number(counts[s], lang)}" for s in SECTORS if s in counts) or "–",
            "date_label": format_day(day, lang),
        })
    return pd.DataFrame(rows, columns=GRID_COLUMNS)


def month_calendar(days: pd.DataFrame, year: int, month: int, lang: str = DEFAULT_LANGUAGE) -> alt.LayerChart:
    """The month as a grid (rows: weeks, columns: Sen…Min), a cell per day:
    day number top left, meetings in the centre, coloured by dominant sector.

    The layers depend only on the month and the language (``_calendar_layers``, built once each);
    the figures are the chart's data (``calendar_grid``), so a new filter only swaps the data.
    """
    chart = _calendar_layers(year, month, lang).copy(deep=False)
    chart.data = calendar_grid(days, year, month, lang)
    return chart


@lru_cache(maxsize=48)
def _calendar_layers(year: int, month: int, lang: str) -> alt.LayerChart:
    """The calendar's four layers without data (empty cells, busy cells, day numbers, counts).

    Kept per month and language: building them is most of the chart's cost (every Altair
    ``encode``/``mark_*`` copies the spec). Never changed after it is built: ``month_calendar``
    draws a shallow copy with its own data.
    """
    structure = calendar_grid(pd.DataFrame(columns=["day", "sector", "meetings", "day_total"]), year, month, lang)
    weekdays = weekday_labels(lang)
    weeks = list(dict.fromkeys(structure.sort_values("week")["week_label"]))
    names = sector_labels(lang)
    x = alt.X("weekday_label:O", title=None, sort=weekdays, scale=alt.Scale(domain=weekdays, paddingInner=0.06),
              axis=alt.Axis(orient="top", labelAngle=0, ticks=False, domain=False, labelFontWeight="bold"))
    y = alt.Y("week_label:O", title=None, sort=weeks, scale=alt.Scale(domain=weeks, paddingInner=0.08),
              axis=alt.Axis(ticks=False, domain=False))
    tooltip = [alt.Tooltip("date_label:N", title=_text("mtg_tt_date", lang)),
               alt.Tooltip("meetings:Q", title=_text("mtg_tt_meetings", lang)),
               alt.Tooltip("sector_label:N", title=_text("mtg_tt_main_sector", lang)),
               alt.Tooltip("by_sector:N", title=_text("mtg_tt_by_sector", lang))]
    base = alt.Chart().encode(x=x, y=y)
    empty = base.mark_rect(cornerRadius=4, fill=NO_MEETING_FILL).encode(tooltip=tooltip)
    busy = base.transform_filter(alt.datum.meetings > 0).mark_rect(cornerRadius=4).encode(
        color=alt.Color("sector_label:N", title=_text("mtg_legend_sector", lang),
                        scale=scale(SECTOR_COLOURS, names), legend=bottom_legend()),
        tooltip=tooltip)
    day_no = base.mark_text(align="left", baseline="top", dx=-CELL_WIDTH / 2 + 6, dy=-CELL_HEIGHT / 2 + 5,
                            fontSize=11).encode(
        text="day_no:Q", tooltip=tooltip,
        color=alt.condition(alt.datum.meetings > 0, alt.value("white"), alt.value(DAY_NUMBER_COLOUR)))
    count = base.transform_filter(alt.datum.meetings > 0).mark_text(
        fontSize=18, fontWeight="bold", color="white", dy=4).encode(text="meetings:Q", tooltip=tooltip)
    return (alt.layer(empty, busy, day_no, count)
            .properties(width=alt.Step(CELL_WIDTH), height=alt.Step(CELL_HEIGHT))
            .configure_view(strokeWidth=0))


def _status_label(status: str, lang: str) -> str:
    return _text(f"mtg_status_{status}", lang) if f"mtg_status_{status}" in TEXT else status


def timeline_points(points: pd.DataFrame, lang: str = DEFAULT_LANGUAGE,
                    chosen_sectors: tuple[str, ...] = ()) -> alt.Chart:
    """One point per meeting: x date, y host province, colour lead sector
    (``points`` as ``timeline_points`` of data_access returns them)."""
    names = sector_labels(lang)
    frame = points.copy()
    frame["held_on"] = pd.to_datetime(frame["held_on"])
    frame["sector_label"] = each_distinct(frame["sectors"],
                                          lambda s: names.get(lead_sector(s or "", chosen_sectors), "–"))
    frame["sectors_label"] = each_distinct(
        frame["sectors"], lambda s: ", ".join(names[c] for c in (s or "").split(",") if c in names) or "–")
    frame["date_label"] = each_distinct(frame["held_on"], lambda d: format_day(d.date(), lang))
    frame["status_label"] = each_distinct(frame["status"], lambda s: _status_label(s, lang))
    frame["organizer"] = frame["organizer"].fillna("–")
    provinces = sorted(frame["province"].unique())
    return alt.Chart(frame[["held_on", "province", "title", "organizer", "sector_label", "sectors_label",
                            "date_label", "status_label"]]).mark_circle(size=70, opacity=0.75).encode(
        x=alt.X("held_on:T", title=_text("mtg_axis_date", lang), axis=_time_axis(frame["held_on"]),
                scale=_time_scale(frame["held_on"])),
        y=alt.Y("province:N", title=_text("mtg_axis_province", lang), sort=provinces,
                axis=alt.Axis(labelLimit=PROVINCE_LABEL_LIMIT)),
        color=alt.Color("sector_label:N", title=_text("mtg_legend_sector", lang),
                        scale=scale(SECTOR_COLOURS, names), legend=bottom_legend()),
        tooltip=[alt.Tooltip("title:N", title=_text("mtg_tt_title", lang)),
                 alt.Tooltip("organizer:N", title=_text("mtg_tt_organizer", lang)),
                 alt.Tooltip("date_label:N", title=_text("mtg_tt_date", lang)),
                 alt.Tooltip("province:N", title=_text("mtg_axis_province", lang)),
                 alt.Tooltip("sectors_label:N", title=_text("mtg_tt_sectors", lang)),
                 alt.Tooltip("status_label:N", title=_text("mtg_tt_status", lang))],
    ).properties(height=alt.Step(ROW_HEIGHT))


def timeline_monthly(monthly: pd.DataFrame, lang: str = DEFAULT_LANGUAGE) -> alt.Chart:
    """Meetings per province and month as a heat strip (``monthly`` as
    ``timeline_monthly`` of data_access returns it) — for scopes too large for points."""
    frame = monthly.copy()
    frame["month"] = pd.to_datetime(frame["month"])
    frame["month_label"] = each_distinct(frame["month"], lambda d: month_label(d.year, d.month, lang))
    provinces = sorted(frame["province"].unique())
    return alt.Chart(frame[["month", "province", "meetings", "month_label"]]).mark_rect().encode(
        x=alt.X("yearmonth(month):T", title=_text("mtg_axis_month", lang), axis=_time_axis(frame["month"]),
                scale=_time_scale(frame["month"])),
        y=alt.Y("province:N", title=_text("mtg_axis_province", lang), sort=provinces,
                axis=alt.Axis(labelLimit=PROVINCE_LABEL_LIMIT)),
        color=alt.Color("meetings:Q", title=_text("mtg_tt_meetings", lang), scale=alt.Scale(scheme="blues"),
                        legend=bottom_legend()),
        tooltip=[alt.Tooltip("province:N", title=_text("mtg_axis_province", lang)),
                 alt.Tooltip("month_label:N", title=_text("mtg_axis_month", lang)),
                 alt.Tooltip("meetings:Q", title=_text("mtg_tt_meetings", lang))],
    ).properties(height=alt.Step(ROW_HEIGHT))
