"""One declaration per table: what the screen shows and what its downloads hold, from the same columns.

A page lists its columns as ``Col(header_key, source, kind)`` and calls ``show(frame, cols, ...)``:
the screen gets formatted text (Indonesian numbers, "8 Mei 2025", "68,9 %", "–" for missing), the
CSV/XLSX get values (issue 20 point 5: a page cannot drift into downloading display text):

- ``text`` / ``code``: the string (``None`` when missing; on screen "–"); a ``code`` column is a
  Kemendagri code, written as a text cell in the XLSX (``ui.downloads.CODE_PATTERN``);
- ``int``: whole numbers, ``Int64`` in the file (empty when missing); ``year``: the same without a
  thousands separator on screen ("2025", a rank "12");
- ``pct``: a 0–1 share, on screen "68,9 %", in the file the percentage as a number (68.9) — put
  the unit in the header ("% beroperasi");
- ``date``: a ``datetime.date``, on screen in words, in the file a date (ISO in CSV, date cell in XLSX);
- ``label``: a code shown as words through ``label`` (a callable value → text) on screen and in the file;
- ``url``: a web address, a link on screen (empty when missing), the address in the file.

``Col(..., shown="other")``: the screen shows the text of frame column ``other`` in place of the value
(a date said to its precision, "2018" or "Mei 2025"; a meeting's days "18–20 Mei 2022") while the
files keep ``source``'s values; declare what the screen leaves out (the precision, the last day) as a
column of its own, so it is on screen and in the files alike.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from data_access import filters as flt
from ui import downloads
from ui.formatting import MISSING, date, each_distinct, numbers, percents
from ui.i18n import t

KINDS = ("text", "code", "int", "year", "pct", "date", "label", "url")
RIGHT = ("int", "year", "pct")  # numbers as text, right-aligned on screen


@dataclass(frozen=True)
class Col:
    """A table column: its header (a text key of ``ui.texts``), the frame column it reads, its kind."""

    header: str
    source: str
    kind: str = "text"
    label: Callable[[object], str] | None = None
    shown: str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Col {self.header}: kind {self.kind!r}, expected one of {', '.join(KINDS)}")
        if (self.kind == "label") != (self.label is not None):
            raise ValueError(f"Col {self.header}: a 'label' column needs label=, no other kind takes one")


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


def screen_values(values: pd.Series, col: Col) -> pd.Series:
    """What the screen shows for ``values`` (text, "–" for missing)."""
    if col.kind == "int":
        return pd.Series(numbers(values), index=values.index)
    if col.kind == "year":
        return each_distinct(values, lambda v: MISSING if _missing(v) else str(int(v)))
    if col.kind == "pct":
        return pd.Series(percents(values), index=values.index)
    if col.kind == "date":
        return each_distinct(values, lambda v: MISSING if _missing(v) else date(v))
    if col.kind == "label":
        return each_distinct(values, lambda v: MISSING if _missing(v) else col.label(v))
    if col.kind == "url":  # a link column: "–" would be a link to nowhere
        return each_distinct(values, lambda v: None if _missing(v) else str(v))
    return each_distinct(values, lambda v: MISSING if _missing(v) else str(v))


def file_values(values: pd.Series, col: Col) -> pd.Series:
    """What the files hold for ``values`` (values, ``None``/``<NA>`` for missing)."""
    if col.kind in ("int", "year"):
        return pd.array([None if _missing(v) else int(v) for v in values], dtype="Int64")
    if col.kind == "pct":
        return (pd.to_numeric(values, errors="coerce").astype("float64") * 100).round(1)
    if col.kind == "date":
        return pd.Series([None if _missing(v) else pd.Timestamp(v).date() for v in values], index=values.index,
                         dtype=object)
    if col.kind == "label":
        return each_distinct(values, lambda v: None if _missing(v) else col.label(v))
    return each_distinct(values, lambda v: None if _missing(v) else str(v))


def frames(frame: pd.DataFrame, cols: list[Col]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(screen, file)`` of ``frame`` by ``cols``: the same columns and headers, text and values."""
    frame = frame.reset_index(drop=True)  # values are placed by position in both frames
    headers = [t(c.header) for c in cols]
    screen = pd.DataFrame({h: (screen_values(frame[c.source], c) if c.shown is None
                               else screen_values(frame[c.shown], Col(c.header, c.shown))).to_numpy()
                           for h, c in zip(headers, cols, strict=True)})
    file = pd.DataFrame({h: file_values(frame[c.source], c) for h, c in zip(headers, cols, strict=True)})
    return screen, file.reset_index(drop=True)


def show(frame: pd.DataFrame, cols: list[Col], *, name: str, key: str, demo: pd.Series | None,
         filters: flt.Filters, scope: str, height: int | None = None, rows: int | None = None,
         all_rows: Callable[[], tuple[pd.DataFrame, pd.Series]] | None = None,
         inside: AbstractContextManager | None = None) -> pd.DataFrame:
    """The table on screen (with its demo column after the key column, ``key_position``, when any row is
    demo) and its three downloads
    (``ui.downloads.offer``). ``demo``: per row a bool or a count of demo records (``with_demo``).
    ``rows``: a list cut on screen to its first ``rows`` rows (the page says so); the files still hold
    every row of ``frame`` (issue 20 point 6). ``all_rows``: for a paged list (``frame`` is one page), a
    plain callable → ``(every row of the view, its demo)``, read on click (``downloads.offer_built``), so the
    files hold the whole view, by the same ``cols``. ``inside``: a container for the table only (a
    chart's figures in ``st.expander``), the downloads staying in view below it. Returns the screen
    frame (the rows shown)."""
    screen, file = frames(frame, cols)
    if demo is not None:
        demo = pd.Series(demo).reset_index(drop=True)
    shown, shown_demo = (screen, demo) if rows is None else (screen.head(rows), None if demo is None else demo.head(rows))
    marked = shown_demo is not None and bool(shown_demo.astype("int64").any())
    on_screen = shown
    if marked:  # on screen the demo column follows the key column, in view on a 390 px phone (files: last)
        flagged = downloads.with_demo(shown, shown_demo)[0]
        demo_header, after = flagged.columns[-1], key_position(cols) + 1
        columns = list(flagged.columns[:-1])
        on_screen = flagged[[*columns[:after], demo_header, *columns[after:]]]
    with inside if inside is not None else nullcontext():
        st.dataframe(on_screen, hide_index=True, height=height or "auto", column_config=column_config(cols))
    if all_rows is None:
        downloads.offer(file, name=name, filters=filters, scope=scope, key=key, demo=demo)
    else:
        downloads.offer_built(partial(file_of, all_rows, tuple(cols)), name=name, filters=filters, scope=scope,
                              key=key)
    return shown


def key_position(cols: list[Col]) -> int:
    """The position of the column a reader finds a row by: the first one in words (``text`` or ``label``:
    a name, a title), past leading codes, ranks and numbers; the first column when none is in words. The
    demo column follows it on screen, so a phone shows the name and its demo mark before anything is cut."""
    return next((i for i, c in enumerate(cols) if c.kind in ("text", "label")), 0)


def column_config(cols: list[Col]) -> dict[str, object]:
    """``st.dataframe`` column settings by kind: a ``url`` column as links, numbers right-aligned."""
    config = {}
    for c in cols:
        if c.kind == "url" and c.shown is None:
            config[t(c.header)] = st.column_config.LinkColumn(t(c.header))
        elif c.kind in RIGHT and c.shown is None:
            config[t(c.header)] = st.column_config.TextColumn(t(c.header), alignment="right")
    return config


def file_of(build: Callable[[], tuple[pd.DataFrame, pd.Series]], cols: tuple[Col, ...]) -> tuple[pd.DataFrame, pd.Series]:
    """``build()``'s rows as the files hold them (``frames``), with their demo values."""
    frame, demo = build()
    return frames(frame, list(cols))[1], pd.Series(demo).reset_index(drop=True)
