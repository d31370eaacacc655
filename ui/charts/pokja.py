"""Pokja charts: stage shares per province (stacked bars) and one regency's stage timeline.

Builders take plain DataFrames and the already translated labels, so they are
tested through ``chart.to_dict()`` without Streamlit.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from ui.charts import POKJA_STAGE_COLOURS, POKJA_STAGE_MARKS, bottom_legend, legend_labels, scale

STAGE_SEQUENCE = tuple(POKJA_STAGE_COLOURS)  # belum_dibentuk, persiapan, terbentuk, tidak_ada_data
"""Stack and legend order; the keys of ``POKJA_STAGE_COLOURS``."""
BAR_STEP = 36
"""Px per province bar. A step height (not a fixed one): with a fixed height Streamlit fits
title, axis and bottom legend into it and the bars collapse."""
LABEL_MIN_SHARE = 0.08
"""Segments at least this wide (share of the bar) carry their stage mark and kab/kota count."""


def _order(stage: pd.Series) -> pd.Series:
    return stage.map({s: i for i, s in enumerate(STAGE_SEQUENCE)}).astype("int64")


def stage_legend(stage_labels: dict[str, str], counts: dict[str, int]) -> str:
    """The legend's ``labelExpr``: each stage as "<mark> <name> (<kab/kota count>)"."""
    return legend_labels({label: f"{POKJA_STAGE_MARKS.get(stage, '')} {label} ({counts.get(stage, 0)})".strip()
                          for stage, label in stage_labels.items()})


def province_stage_bars(shares: pd.DataFrame, *, stage_labels: dict[str, str], title: str, x_title: str,
                        tooltip_titles: dict[str, str]) -> alt.LayerChart:
    """Horizontal bars, one per province, stacked by stage share (0–1); stages told apart by
    colour and, for a reader without colour, by their mark (``POKJA_STAGE_MARKS``) and kab/kota
    count on every segment at least ``LABEL_MIN_SHARE`` wide and in the legend with the total.

    ``shares`` columns: ``province_name``, ``stage`` (a key of
    ``POKJA_STAGE_COLOURS``), ``share`` (0–1), ``regencies`` (kab/kota count), ``regencies_text``,
    ``share_text`` (pre-formatted for the tooltip). ``tooltip_titles`` keys:
    ``province``, ``stage``, ``regencies``, ``share``.
    """
    data = shares.assign(stage_label=shares["stage"].map(stage_labels), stage_order=_order(shares["stage"]))
    data = data.sort_values(["province_name", "stage_order"], kind="stable")
    # middle of each segment along the stack, for its label
    data["share_middle"] = data.groupby("province_name", sort=False)["share"].cumsum() - data["share"] / 2
    data["segment_label"] = (data["stage"].map(POKJA_STAGE_MARKS).fillna("") + " " + data["regencies_text"]).where(
        data["share"] >= LABEL_MIN_SHARE, "")
    data = data.loc[shares.index, ["province_name", "stage", "stage_label", "stage_order", "share", "share_middle",
                                   "segment_label", "regencies_text", "share_text"]]
    counts = shares.groupby("stage")["regencies"].sum().astype(int).to_dict()
    provinces = list(dict.fromkeys(data["province_name"]))
    tooltip = [alt.Tooltip("province_name:N", title=tooltip_titles["province"]),
               alt.Tooltip("stage_label:N", title=tooltip_titles["stage"]),
               alt.Tooltip("regencies_text:N", title=tooltip_titles["regencies"]),
               alt.Tooltip("share_text:N", title=tooltip_titles["share"])]
    y = alt.Y("province_name:N", title=None, sort=provinces, axis=alt.Axis(labelLimit=240))
    base = alt.Chart(data, height=alt.Step(BAR_STEP))
    segments = base.mark_bar(stroke="#ffffff", strokeWidth=1).encode(
        x=alt.X("share:Q", stack="zero", title=x_title, scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        y=y,
        color=alt.Color("stage_label:N", scale=scale(POKJA_STAGE_COLOURS, stage_labels), title=None,
                        legend=bottom_legend(labelExpr=stage_legend(stage_labels, counts))),
        order=alt.Order("stage_order:Q"),
        tooltip=tooltip,
    )
    labels = base.mark_text(color="#ffffff", fontWeight="bold", fontSize=12).encode(
        x=alt.X("share_middle:Q", title=x_title, scale=alt.Scale(domain=[0, 1])), y=y,
        text=alt.Text("segment_label:N"), tooltip=tooltip)
    return alt.layer(segments, labels, title=title).properties(width="container")


def _datetime(value) -> alt.DateTime:
    stamp = pd.Timestamp(value)
    return alt.DateTime(year=stamp.year, month=stamp.month, date=stamp.day)


def stage_timeline(history: pd.DataFrame, *, stage_labels: dict[str, str], title: str,
                   tooltip_titles: dict[str, str], until: dt.date | None = None) -> alt.LayerChart:
    """Reported stages of one kab/kota over time: a point per report, a dashed line per
    mandate, and a vertical rule where each mandate was issued (when its date is known).

    ``history`` columns: ``changed_on`` (date), ``stage``, ``mandate_code`` (and ``mandate_title``,
    shown instead of the code when present),
    ``mandate_issued_on`` (date or None), and the pre-formatted tooltip texts
    ``date_text``, ``issued_text``, ``note``, ``source_outlet``. The time axis runs
    from the earliest date to ``until`` (e.g. today) or the last report.
    ``tooltip_titles`` keys: ``date``, ``stage``, ``mandate``, ``note``, ``source``, ``issued``.
    """
    events = history.assign(
        changed_on=pd.to_datetime(history["changed_on"]).dt.strftime("%Y-%m-%d"),
        stage_label=history["stage"].map(stage_labels),
        note=history["note"].fillna(""),
        mandate_name=history["mandate_title"] if "mandate_title" in history else history["mandate_code"],
    )[["changed_on", "stage", "stage_label", "mandate_code", "mandate_name", "date_text", "note", "source_outlet"]]
    named = history.assign(mandate_name=events["mandate_name"])
    issued = (named.loc[named["mandate_issued_on"].notna(), ["mandate_code", "mandate_name", "mandate_issued_on",
                                                             "issued_text"]]
              .drop_duplicates("mandate_code"))
    issued = issued.assign(mandate_issued_on=pd.to_datetime(issued["mandate_issued_on"]).dt.strftime("%Y-%m-%d"))
    dates = [*history["changed_on"], *history["mandate_issued_on"].dropna()] + ([until] if until else [])
    # whole years, so the axis starts at or before the first report and its first label is not after it
    domain = [_datetime(dt.date(min(dates).year, 1, 1)), _datetime(dt.date(max(dates).year, 12, 31))]
    order = [stage_labels[s] for s in reversed(STAGE_SEQUENCE) if s in stage_labels and s != "tidak_ada_data"]
    colours = {k: v for k, v in POKJA_STAGE_COLOURS.items() if k != "tidak_ada_data"}
    x_axis = alt.Axis(format="%Y", tickCount="year", grid=True)
    x_scale = alt.Scale(domain=domain)
    base = alt.Chart(events).encode(
        x=alt.X("changed_on:T", title=None, scale=x_scale, axis=x_axis),
        y=alt.Y("stage_label:N", title=None, sort=order, scale=alt.Scale(domain=order),
                axis=alt.Axis(labelLimit=220)),
    )
    line = base.mark_line(color="#888888", strokeDash=[4, 3]).encode(detail="mandate_code:N")
    points = base.mark_point(filled=True, size=220, opacity=1).encode(
        color=alt.Color("stage_label:N", scale=scale(colours, stage_labels), legend=None),
        shape=alt.Shape("mandate_name:N", title=tooltip_titles["mandate"],
                        legend=bottom_legend()),
        tooltip=[alt.Tooltip("date_text:N", title=tooltip_titles["date"]),
                 alt.Tooltip("stage_label:N", title=tooltip_titles["stage"]),
                 alt.Tooltip("mandate_name:N", title=tooltip_titles["mandate"]),
                 alt.Tooltip("note:N", title=tooltip_titles["note"]),
                 alt.Tooltip("source_outlet:N", title=tooltip_titles["source"])],
    )
    layers = [line, points]
    if not issued.empty:
        layers.insert(0, alt.Chart(issued).mark_rule(color="#616161", strokeDash=[2, 2], strokeWidth=1.5).encode(
            x=alt.X("mandate_issued_on:T", scale=x_scale, axis=x_axis, title=None),
            tooltip=[alt.Tooltip("mandate_name:N", title=tooltip_titles["mandate"]),
                     alt.Tooltip("issued_text:N", title=tooltip_titles["issued"])]))
    return alt.layer(*layers, title=title, height=300).properties(width="container")
