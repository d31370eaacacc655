"""Chart of the Ringkasan page: meetings per month in scope."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import MEETING_STATUS_COLOURS


def meetings_per_month(months: pd.DataFrame, *, month_label: str, count_label: str, title: str) -> alt.Chart:
    """Bars of ``months`` as ``data_access.meetings.months`` returns it (columns ``year``,
    ``month`` 1–12, ``meetings``): one row per month, already counted in SQL."""
    per_month = pd.DataFrame({
        "month": pd.to_datetime(pd.DataFrame({"year": months["year"], "month": months["month"], "day": 1})),
        "meetings": months["meetings"],
    })
    return (
        alt.Chart(per_month, title=title, height=220)
        .mark_bar(color=MEETING_STATUS_COLOURS["held"])
        .encode(
            x=alt.X("yearmonth(month):T", title=month_label),
            # a count: whole-number ticks only (never 0,5 meetings)
            y=alt.Y("meetings:Q", title=count_label, axis=alt.Axis(format="d", tickMinStep=1)),
            tooltip=[alt.Tooltip("yearmonth(month):T", title=month_label),
                     alt.Tooltip("meetings:Q", title=count_label)],
        )
        .properties(width="container")
    )
