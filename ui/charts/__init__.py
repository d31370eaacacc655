"""Chart building blocks shared by every page: one colour per sector and per status.

Chart functions live in one module per area (``ui/charts/<area>.py``) and return
Altair charts, so tests can read their specs (``chart.to_dict()``) without a browser.
Pages draw them with ``show(chart, ...)`` instead of ``st.altair_chart(chart, ...)``.
"""

from __future__ import annotations

import importlib
import json
import textwrap
from functools import cache
from typing import Any

import altair as alt
import streamlit as st
from altair.utils import schemapi

from ui.charts.locale import vega_locale
from ui.i18n import current_language, t


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

# Colour-blind safe: Okabe & Ito (2008) "Color Universal Design" plus Paul Tol's wine (#882255) and
# greys; each colour has >= 3:1 contrast against the white page (WCAG 2.1, 1.4.11 non-text contrast)
# and every pair stays apart under simulated protanopia, deuteranopia and tritanopia
# (tests/test_charts_palette.py checks both). Stages are also named in legends and tooltips.
SECTOR_COLOURS = {
    "koperasi": "#009E73",
    "ketenagakerjaan": "#D55E00",
    "transmigrasi": "#0072B2",
    "perlindungan_pmi": "#CC79A7",
}
COOPERATIVE_STATUS_COLOURS = {"aktif": "#0072B2", "tidak_aktif": "#D55E00"}
POKJA_STAGE_COLOURS = {"belum_dibentuk": "#882255", "persiapan": "#D55E00", "terbentuk": "#0072B2",
                       "tidak_ada_data": "#8C8C8C"}
POKJA_STAGE_MARKS = {"belum_dibentuk": "○", "persiapan": "◐", "terbentuk": "●", "tidak_ada_data": "?"}
"""A mark per Pokja stage, drawn on the bars and the map and leading its legend label, so the
stages are told apart without colour (issue 12 point 6): empty, half, full circle; ? = no report."""
KDMP_STAGE_COLOURS = {"operasional": "#0072B2", "sk_ahu": "#117733", "akta_notaris": "#D55E00",
                      "musdesus": "#882255", "tidak_ada_data": "#8C8C8C"}
"""Koperasi Merah Putih stages, furthest first (Okabe-Ito + Tol's wine like the Pokja stages; grey = no report)."""
MEETING_STATUS_COLOURS = {"held": "#0072B2", "planned": "#CC79A7", "cancelled": "#767676"}


def scale(colours: dict[str, str], labels: dict[str, str] | None = None) -> alt.Scale:
    """A fixed colour scale; ``labels`` maps codes to the shown (translated) names."""
    domain = [labels.get(k, k) for k in colours] if labels else list(colours)
    return alt.Scale(domain=domain, range=list(colours.values()))


def bottom_legend(**kwargs: Any) -> alt.Legend:
    """A legend under the chart, one entry per line: Vega starts a bottom legend at the plot's left
    edge (after the area names), so a row of four or five stage or sector names ran past the right
    edge of a 390 px phone screen and was cut off (even in two columns). A label longer than 200 px
    (a mandate's full title) ends in "…" inside the screen; the tooltip gives it whole."""
    return alt.Legend(orient="bottom", direction="vertical", labelLimit=200, **kwargs)


def legend_labels(labels: dict[str, str]) -> str:
    """A Vega ``labelExpr`` showing ``labels[datum.label]`` instead of each legend label (e.g. the
    stage's mark and count before its name); a label not in ``labels`` stays as it is."""
    return f"{json.dumps(labels, ensure_ascii=False)}[datum.label] || datum.label"


@cache
def _without_validation(cls: type) -> type:
    """A subclass of the Altair chart class ``cls`` whose ``to_dict()`` defaults to ``validate=False``."""

    def to_dict(self, validate: bool = False, **kwargs: Any) -> dict:
        return cls.to_dict(self, validate, **kwargs)

    return type(cls.__name__, (cls,), {"to_dict": to_dict, "__module__": cls.__module__, "drawable": True})


TITLE_WRAP = 34  # characters per title line: a title fits a 390 px phone screen instead of being cut


def _wrapped(title):
    """A long plain title as lines (Vega draws a list of strings as lines; it never wraps by itself)."""
    if isinstance(title, str) and len(title) > TITLE_WRAP:
        return textwrap.wrap(title, TITLE_WRAP)
    if isinstance(title, alt.TitleParams) and isinstance(title.text, str) and len(title.text) > TITLE_WRAP:
        wrapped = title.copy(deep=False)
        wrapped.text = textwrap.wrap(title.text, TITLE_WRAP)
        return wrapped
    return title


SERIES_MARKS = ("area", "line", "trail")
"""Marks drawn as one shape per series: Vega-Lite groups them by every field channel, so a per-row
description field would make each row its own series (the stacked trend area fell to 0 between
years, a sawtooth). They get no description."""


def _described(chart):
    """``chart`` with an ARIA description made of its text tooltips ("Provinsi: NTT; Tahap: Persiapan; …").

    Without one, Vega-Lite describes each mark to screen readers with every encoded field by its
    raw name and value ("status_order: 0", "share: 0.45744681"). Only nominal (pre-formatted
    text) tooltip fields are used; charts without such tooltips, or with a description of their
    own, are left as they are.
    """
    mark = chart._kwds.get("mark", alt.Undefined)
    if (mark if isinstance(mark, str) else getattr(mark, "_kwds", {}).get("type")) in SERIES_MARKS:
        return chart
    encoding = chart._kwds.get("encoding", alt.Undefined)
    given = getattr(encoding, "_kwds", {})
    if encoding is alt.Undefined or given.get("description", alt.Undefined) is not alt.Undefined:
        return chart
    tips = given.get("tooltip", alt.Undefined)
    if not isinstance(tips, list):
        return chart
    parts = []
    for tip in tips:
        given = getattr(tip, "_kwds", {})  # attribute access on Altair channels returns property setters
        shorthand = given.get("shorthand", alt.Undefined)
        parsed = alt.utils.parse_shorthand(shorthand) if isinstance(shorthand, str) else {}
        field = parsed.get("field") or given.get("field")
        kind = parsed.get("type") or given.get("type")
        title = given.get("title")
        if kind != "nominal" or not isinstance(field, str) or parsed.get("aggregate") or parsed.get("timeUnit"):
            continue
        head = f"{title}: " if isinstance(title, str) else ""
        parts.append(f"{json.dumps(head)} + datum[{json.dumps(field)}]")
    if not parts:
        return chart
    return chart.transform_calculate(aria_text=" + '; ' + ".join(parts)).encode(
        description=alt.Description("aria_text:N"))


def _with_descriptions(chart):
    try:
        if isinstance(chart, alt.LayerChart):
            described = chart.copy(deep=False)
            described.layer = [_described(layer) for layer in chart.layer]
            return described
        return _described(chart) if isinstance(chart, alt.Chart) else chart
    except Exception:  # a description is a courtesy: never stop a chart from being drawn
        return chart


def prepared(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """``chart`` as drawn: Vega-Lite ``config.locale`` of ``lang`` (Indonesian months and numbers, see
    ``ui.charts.locale``), the chart's other config kept, a long title wrapped onto lines, and
    marks described to screen readers by their text tooltips (``_described``), and the whole chart
    by its text alternative's sentence (``text_alternative``)."""
    from ui.charts import text_alternative  # imports ui.formatting, which imports this package

    drawn = _with_descriptions(chart.copy(deep=False))
    if getattr(drawn, "description", alt.Undefined) is alt.Undefined:  # the chart's ARIA description
        drawn.description = text_alternative.describe(chart).sentence
    config = chart.config.copy(deep=False) if isinstance(chart.config, alt.Config) else alt.Config()
    config.locale = vega_locale(lang)
    drawn.config = config
    if getattr(chart, "title", alt.Undefined) is not alt.Undefined:
        drawn.title = _wrapped(chart.title)
    return drawn


def _drawable(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """``prepared(chart, lang)`` as an instance of a subclass whose ``to_dict()`` skips validation."""
    drawn = prepared(chart, lang)
    object.__setattr__(drawn, "__class__", _without_validation(type(chart)))  # Altair's __setattr__ sets spec keys
    return drawn


# A map's shapes (``ui.charts.maps.Shapes``, read once per process) are keyed by their name alone:
# hashing every GeoJSON feature on each rerun would cost more than the chart it saves.
@st.cache_resource(max_entries=256, show_spinner=False, hash_funcs={"ui.charts.maps.Shapes": lambda s: s.key})
def _built(path: str, lang: str, args: tuple, kwargs: tuple) -> alt.TopLevelMixin:
    from ui.charts import text_alternative  # imports ui.formatting, which imports this package

    module, _, name = path.partition(":")
    chart = getattr(importlib.import_module(module), name)(*args, **dict(kwargs))
    drawn = _drawable(chart, lang)
    object.__setattr__(drawn, "_text_alternative", text_alternative.describe(chart))  # see ``show``
    return drawn


def built(builder, *args: Any, **kwargs: Any) -> alt.TopLevelMixin:
    """``builder(*args, **kwargs)`` ready to draw, built once per distinct inputs and language.

    Why: building an Altair chart (every ``encode``/``properties`` step deep-copies the spec) and
    preparing it cost 10–30 ms per chart on every rerun, the same work for the same figures.
    The chart is kept process-wide (``st.cache_resource``, at most 256, least recently used
    dropped) under the builder's import path, the interface language and the *content* of its
    arguments (Streamlit hashes a DataFrame's values), so new figures are a new key and a chart is
    never older than its data. Never mutated: ``show`` and Streamlit only read it (``to_dict``).
    Only for builders whose arguments Streamlit can hash cheaply (frames, texts, dicts, dates).
    """
    return _built(f"{builder.__module__}:{builder.__qualname__}", current_language(), args,
                  tuple(sorted(kwargs.items())))


def clear_built() -> None:
    """Forget every chart ``built`` keeps (the benchmark's cold render starts without them)."""
    _built.clear()


def _converted(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite spec Streamlit draws for ``chart`` (``st.altair_chart``'s own conversion: Altair's
    ``to_dict`` with each frame turned into Arrow bytes under a content hash), kept on the chart.

    Why (issue 22, profile of warm reruns): converting a chart cost 5–15 ms per chart on every rerun
    (on the maps, hashing the inlined shapes; elsewhere Altair deep-copying the spec and Arrow-encoding
    its frame), always the same spec for a chart ``built`` keeps. Only for those charts: they are
    never changed after building, so the spec stays theirs. Uses Streamlit's private
    ``_convert_altair_to_vega_lite_spec`` (1.67), so ``show`` gives exactly what ``st.altair_chart``
    would; ``tests/test_charts_built.py`` checks the two specs are the same.
    """
    from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

    spec = _convert_altair_to_vega_lite_spec(chart)
    object.__setattr__(chart, "_vega_lite_spec", spec)
    return spec


def show(chart: alt.TopLevelMixin, **kwargs: Any):
    """``st.altair_chart(chart, **kwargs)`` without Altair's schema validation on every rerun.

    Why: Streamlit (1.67, ``vega_charts._convert_altair_to_vega_lite_spec``) turns the chart
    into a spec with ``chart.to_dict()``, whose default ``validate=True`` runs jsonschema over
    the whole Vega-Lite spec — 10–20 ms per chart on *every* rerun, the largest Python cost of a
    warm page, for a check whose answer never changes: the builders in ``ui/charts`` are pure
    functions, and their unit tests (``tests/test_charts_*.py``) call ``chart.to_dict()``, which
    does validate. So the app draws a copy whose ``to_dict()`` skips the check, and nothing
    global is switched (other sessions, tests and ``chart.to_dict()`` keep validating).
    Every chart gets the interface language's Vega-Lite locale and a wrapped title (``prepared``);
    a chart from ``built`` has them already.
    Returns what ``st.altair_chart`` returns (the selection state when ``on_select`` is set).
    Under each chart, a collapsed expander holds its text alternative (``text_alternative.describe``:
    a sentence, also the chart's ARIA description (set by ``prepared``), and a table of the same figures).
    """
    from ui.charts import text_alternative  # imports ui.formatting, which imports this package

    drawn = chart if getattr(type(chart), "drawable", False) else _drawable(chart, current_language())
    # A chart from ``built`` carries its text alternative, made once with it in the same language:
    # describing (tooltip fields parsed, up to 100 rows formatted) cost 5–20 ms per chart per rerun.
    described = getattr(chart, "_text_alternative", None) or text_alternative.describe(chart)
    spec = getattr(chart, "_vega_lite_spec", None)
    if spec is None and getattr(chart, "_text_alternative", None) is not None:  # from ``built``: kept
        spec = _converted(chart)
    # a shallow copy: Streamlit only sets or drops top-level keys of the spec it is given
    result = st.vega_lite_chart(spec=dict(spec), **kwargs) if spec is not None else st.altair_chart(drawn, **kwargs)
    with st.expander(t("chart_alt_toggle"), icon=":material/table:"):
        st.markdown(text_alternative.escaped(described.sentence))
        if described.table is not None and not described.table.empty:
            st.table(described.table, hide_index=True)
    return result
