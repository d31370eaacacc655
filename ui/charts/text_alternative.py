"""A text alternative for every chart (WCAG 2.2 SC 1.1.1): a sentence saying what it shows, and a
table of the same figures one click away.

``charts.show`` calls ``describe`` for each chart it draws: the sentence becomes the chart's ARIA
description (Vega-Lite's top-level ``description``, read out by screen readers) and, with the table,
the body of a collapsed expander under the chart. The table holds the chart's own rows with the
columns of its tooltip (the pre-formatted texts the chart shows, titled in the interface language),
so its figures are those of the chart and never recomputed. At most ``MAX_ROWS`` rows are listed;
the sentence then says how many there are (the page's download holds them all).

Charts whose data is not a table (the maps' shapes) get the sentence only; the map pages have their
figures in a table beside the map.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from ui.formatting import number
from ui.i18n import t

MAX_ROWS = 100


@dataclass(frozen=True)
class TextAlternative:
    sentence: str
    table: pd.DataFrame | None  # None: no table of the chart's figures (the data is not a frame)


def _layers(chart) -> list:
    return list(chart.layer) if isinstance(chart, alt.LayerChart) else [chart]


def _title(chart) -> str:
    title = getattr(chart, "title", alt.Undefined)
    if isinstance(title, alt.TitleParams):
        title = title.text
    if isinstance(title, list):
        title = " ".join(str(part) for part in title)
    return title if isinstance(title, str) else ""


def _frame(chart) -> pd.DataFrame | None:
    for candidate in (chart, *_layers(chart)):
        data = getattr(candidate, "data", alt.Undefined)
        if isinstance(data, pd.DataFrame):
            return data
    return None


def _tooltip_columns(chart) -> list[tuple[str, str, bool]]:
    """(field, title, is a count) of the first layer's list of tooltips: text fields (nominal/ordinal,
    the pre-formatted texts the chart shows) and unformatted quantitative ones (counts, formatted here
    as Indonesian/English integers); a quantitative tooltip with its own format (a share) is left out,
    its text twin is listed."""
    for layer in _layers(chart):
        encoding = getattr(layer, "_kwds", {}).get("encoding", alt.Undefined)
        tips = getattr(encoding, "_kwds", {}).get("tooltip", alt.Undefined)
        if not isinstance(tips, list):
            continue
        columns = []
        for tip in tips:
            given = getattr(tip, "_kwds", {})
            shorthand = given.get("shorthand", alt.Undefined)
            parsed = alt.utils.parse_shorthand(shorthand) if isinstance(shorthand, str) else {}
            field = parsed.get("field") or given.get("field")
            title = given.get("title")
            kind = parsed.get("type") or given.get("type")
            plain = kind in ("nominal", "ordinal")
            count = kind == "quantitative" and given.get("format", alt.Undefined) is alt.Undefined
            if isinstance(field, str) and not parsed.get("aggregate") and (plain or count):
                columns.append((field, title if isinstance(title, str) else field, count))
        if columns:
            return columns
    return []


def describe(chart) -> TextAlternative:
    """The sentence and the table of ``chart`` (never raises on an unusual chart: the sentence then
    names the title only)."""
    title = _title(chart) or t("chart_alt_untitled")
    frame = _frame(chart)
    columns = [c for c in _tooltip_columns(chart) if frame is not None and c[0] in frame.columns]
    columns = [c for c in columns if not c[2] or pd.api.types.is_integer_dtype(frame[c[0]])]
    if frame is None or not columns:
        return TextAlternative(t("chart_alt_no_table", title=title), None)
    head = frame.head(MAX_ROWS)
    table = pd.DataFrame({title_: (head[f].map(number) if count else head[f].astype(str))
                          for f, title_, count in reversed(columns)})  # the first of a repeated title wins
    table = table[list(dict.fromkeys(title_ for _, title_, _ in columns))]
    shown = t("chart_alt_cut", shown=number(len(table)), n=number(len(frame))) if len(frame) > MAX_ROWS else ""
    sentence = t("chart_alt_sentence", title=title, n=number(len(frame)),
                 columns=", ".join(str(c) for c in table.columns)) + shown
    return TextAlternative(sentence, table.reset_index(drop=True))


MARKDOWN_SPECIAL = "\\`*_{}[]<>()#+-.!|~$:"


def escaped(text: str) -> str:
    """``text`` shown literally by ``st.markdown`` (area names and titles come from the database)."""
    return "".join("\\" + c if c in MARKDOWN_SPECIAL else c for c in text)
