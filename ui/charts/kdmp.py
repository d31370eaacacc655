"""Koperasi Merah Putih charts: desa/kelurahan per area stacked by their KDMP stage.

Builders take plain DataFrames and the already translated labels, so they are tested through
``chart.to_dict()`` without Streamlit.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import KDMP_STAGE_COLOURS, bottom_legend, scale

STAGE_SEQUENCE = tuple(KDMP_STAGE_COLOURS)
"""Stack and legend order (operating first): the keys of ``KDMP_STAGE_COLOURS``."""
BAR_STEP = 28
"""Px per area bar (a step height, so the bars never collapse under title and legend)."""


def stage_bars(stages: pd.DataFrame, *, stage_labels: dict[str, str], title: str, x_title: str,
               tooltip_titles: dict[str, str]) -> alt.Chart:
    """Horizontal bars, one per area (in the frame's order), stacked by the share of its desa at each stage.

    ``stages`` columns (long format, one row per area and stage): ``area_name``, ``stage`` (a key of
    ``KDMP_STAGE_COLOURS``), ``share`` (0–1), ``desa_text``, ``share_text`` (pre-formatted for the
    tooltip). ``tooltip_titles`` keys: ``area``, ``stage``, ``desa``, ``share``.
    """
    order = {s: i for i, s in enumerate(STAGE_SEQUENCE)}
    data = stages.assign(stage_label=stages["stage"].map(stage_labels),
                         stage_order=stages["stage"].map(order).astype("int64"))
    data = data[["area_name", "stage_label", "stage_order", "share", "desa_text", "share_text"]]
    areas = list(dict.fromkeys(data["area_name"]))
    return (
        alt.Chart(data, title=title, height=alt.Step(BAR_STEP))
        .mark_bar(stroke="#9e9e9e", strokeWidth=0.5)
        .encode(
            x=alt.X("share:Q", stack="zero", title=x_title, scale=alt.Scale(domain=[0, 1]),
                    axis=alt.Axis(format="%")),
            y=alt.Y("area_name:N", title=None, sort=areas, axis=alt.Axis(labelLimit=240)),
            color=alt.Color("stage_label:N", scale=scale(KDMP_STAGE_COLOURS, stage_labels), title=None,
                            legend=bottom_legend()),
            order=alt.Order("stage_order:Q"),
            tooltip=[alt.Tooltip("area_name:N", title=tooltip_titles["area"]),
                     alt.Tooltip("stage_label:N", title=tooltip_titles["stage"]),
                     alt.Tooltip("desa_text:N", title=tooltip_titles["desa"]),
                     alt.Tooltip("share_text:N", title=tooltip_titles["share"])],
        )
        .properties(width="container")
    )
