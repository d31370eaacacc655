"""Chart building blocks shared by every page: one colour per sector and per status.

Chart functions live in one module per area (``ui/charts/<area>.py``) and return
Altair charts, so tests can read their specs (``chart.to_dict()``) without a browser.
Pages draw them with ``show(chart, ...)`` instead of ``st.altair_chart(chart, ...)``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import altair as alt
import streamlit as st
from altair.utils import schemapi


def _no_validation_while_building() -> None:
    """Turn off Altair's "debug mode" (validation of each piece as it is made), process-wide.

    Why: in debug mode every ``alt.Color``, ``alt.Scale``, ``alt.Legend``, ``alt.Tooltip``,
    ``alt.LookupData`` … is converted to a dict and checked against the Vega-Lite JSON schema
    the moment it is created — Altair's own comment: it "slows things down, particularly for
    larger specs, but leads to much more useful tracebacks". It cost 3–10 ms per chart on
    every rerun (a ``LookupData`` holding a DataFrame is converted and checked twice).
    The check is not lost: ``chart.to_dict()`` still validates the whole spec, and the chart
    unit tests (``tests/test_charts_*.py``) call it, so a wrong spec still fails there, only
    with a shorter traceback (``show`` below skips that final check in the app, for the same
    reason). Applied here, once, because every chart module imports
    this package before it builds anything.
    """
    schemapi.disable_debug_mode()


_no_validation_while_building()

SECTOR_COLOURS = {
    "koperasi": "#1b9e77",
    "ketenagakerjaan": "#d95f02",
    "transmigrasi": "#7570b3",
    "perlindungan_pmi": "#e7298a",
}
COOPERATIVE_STATUS_COLOURS = {"aktif": "#2c7fb8", "tidak_aktif": "#d95f0e"}
POKJA_STAGE_COLOURS = {"belum_dibentuk": "#bdbdbd", "persiapan": "#fdae61", "terbentuk": "#1a9641",
                       "tidak_ada_data": "#d9d9d9"}
KDMP_STAGE_COLOURS = {"operasional": "#1a9641", "sk_ahu": "#a6d96a", "akta_notaris": "#fee08b",
                      "musdesus": "#fdae61", "tidak_ada_data": "#d9d9d9"}
"""Koperasi Merah Putih stages, furthest first (green = operating, grey = no report)."""
MEETING_STATUS_COLOURS = {"held": "#4575b4", "planned": "#91bfdb", "cancelled": "#999999"}


def scale(colours: dict[str, str], labels: dict[str, str] | None = None) -> alt.Scale:
    """A fixed colour scale; ``labels`` maps codes to the shown (translated) names."""
    domain = [labels.get(k, k) for k in colours] if labels else list(colours)
    return alt.Scale(domain=domain, range=list(colours.values()))


@cache
def _without_validation(cls: type) -> type:
    """A subclass of the Altair chart class ``cls`` whose ``to_dict()`` defaults to ``validate=False``."""

    def to_dict(self, validate: bool = False, **kwargs: Any) -> dict:
        return cls.to_dict(self, validate, **kwargs)

    return type(cls.__name__, (cls,), {"to_dict": to_dict, "__module__": cls.__module__})


def show(chart: alt.TopLevelMixin, **kwargs: Any):
    """``st.altair_chart(chart, **kwargs)`` without Altair's schema validation on every rerun.

    Why: Streamlit (1.67, ``vega_charts._convert_altair_to_vega_lite_spec``) turns the chart
    into a spec with ``chart.to_dict()``, whose default ``validate=True`` runs jsonschema over
    the whole Vega-Lite spec — 10–20 ms per chart on *every* rerun, the largest Python cost of a
    warm page, for a check whose answer never changes: the builders in ``ui/charts`` are pure
    functions, and their unit tests (``tests/test_charts_*.py``) call ``chart.to_dict()``, which
    does validate. So the app draws a copy whose ``to_dict()`` skips the check, and nothing
    global is switched (other sessions, tests and ``chart.to_dict()`` keep validating).
    Returns what ``st.altair_chart`` returns (the selection state when ``on_select`` is set).
    """
    drawn = chart.copy(deep=False)
    object.__setattr__(drawn, "__class__", _without_validation(type(chart)))  # Altair's __setattr__ sets spec keys
    return st.altair_chart(drawn, **kwargs)
