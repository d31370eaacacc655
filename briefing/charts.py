"""Chart images for the PDF: the dashboard's own Altair builders, drawn without a browser by
``vl-convert-python`` (the Altair project's converter) with the Vega-Lite version Altair targets.

``meetings_png(section, lang)`` → PNG bytes of "meetings per month" (``ui.charts.overview``), or
``None`` when the section has no rows (the PDF then says so instead of an empty chart).
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import vl_convert

from briefing import text
from ui.charts import prepared
from ui.charts.overview import meetings_per_month

WIDTH_PX = 700  # the A4 text width at the PNG's scale


def vl_version() -> str:
    """Altair's Vega-Lite schema (``v6.4.1``) as vl-convert names it (``6.4``)."""
    major, minor = re.match(r"v?(\d+)\.(\d+)", alt.SCHEMA_VERSION).groups()
    return f"{major}.{minor}"


def _png(chart: alt.TopLevelMixin, lang: str, whole_ticks_to: int | None = None) -> bytes:
    """``whole_ticks_to``: a count axis up to this value gets ticks at whole numbers only (a small
    count's automatic ticks fall on halves, which the axis's integer format shows as "1, 1, 2, 2")."""
    spec = prepared(chart, lang).properties(width=WIDTH_PX).to_dict(validate=False)
    if whole_ticks_to is not None and whole_ticks_to <= 10:
        spec["encoding"]["y"].setdefault("axis", {})["values"] = list(range(whole_ticks_to + 1))
    return vl_convert.vegalite_to_png(spec, vl_version=vl_version(), scale=2)


def meetings_png(section: dict, lang: str) -> bytes | None:
    if not section["rows"]:
        return None
    months = pd.DataFrame(section["rows"], columns=section["columns"])
    chart = meetings_per_month(months, month_label=text("bp_c_month", lang), count_label=text("bp_c_meetings", lang),
                               title=text("bp_s_meetings_per_month", lang))
    return _png(chart, lang, whole_ticks_to=int(months["meetings"].max()))
