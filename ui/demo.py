"""Demo (synthetic) data is never taken for real: banner, marks and per-row demo counts.

- ``banner(filters, *facts)``: at the top of a page, the warning that demo
  rows are in view (counted by ``provenance.sources_in_view`` for the page's
  facts: ``cooperatives``, ``cooperative_counts``, ``meetings``, ``pokja``);
  returns ``(synthetic rows, rows)``.
- ``metric(target, label, value, demo)``: a metric marked DEMO when the figure
  is computed from any synthetic row; ``label(text, demo)`` a heading with the
  DEMO badge; ``chart_title`` the same for Altair titles (plain text).
- Cooperative health aggregates carry their own demo share: the
  ``registered_synthetic`` column (``data_access.cooperatives``), counted in
  the same SQL as the figures.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access import filters as flt
from data_access import provenance
from ui import queries
from ui.formatting import number
from ui.i18n import t


def in_view(filters: flt.Filters, *facts: str) -> tuple[int, int]:
    """``(synthetic rows, all rows)`` behind ``facts`` for ``filters``."""
    synthetic = rows = 0
    for fact in facts:
        sources = queries.run(provenance.sources_in_view, filters, fact)
        synthetic += int(sources.loc[sources["kind"] == "synthetic", "rows"].sum())
        rows += int(sources["rows"].sum())
    return synthetic, rows


def banner(filters: flt.Filters, *facts: str) -> tuple[int, int]:
    """Show the demo banner when any row behind ``facts`` is synthetic; return ``in_view``'s counts.

    The banner counts in the official's terms, per kind of fact ("4.812 dari 4.812 koperasi terdaftar;
    380 dari 383 rapat"), so one scope reads the same on every page that shows that fact (issue 20:
    a sum of "baris" over different facts differed per page)."""
    parts, synthetic, rows = [], 0, 0
    for fact in facts:
        fact_synthetic, fact_rows = in_view(filters, fact)
        synthetic, rows = synthetic + fact_synthetic, rows + fact_rows
        if fact_synthetic:
            parts.append(t("demo_banner_part", synthetic=number(fact_synthetic), rows=number(fact_rows),
                           unit=t(f"demo_unit_{fact}")))
    if synthetic:
        st.warning(t("demo_banner", parts="; ".join(parts)), icon=":material/science:")
    return synthetic, rows


def label(text: str, demo: bool) -> str:
    """``text`` with the DEMO badge (Streamlit markdown) when ``demo``."""
    return f"{text} {t('demo_badge')}" if demo else text


def metric(target, label_text: str, value: str, demo: bool, **kwargs) -> None:
    """``target.metric`` marked DEMO when ``demo``: in an orange delta line under the value (a label
    is cut short in narrow columns, the delta is not), or with the label badge when the metric
    already has a delta of its own."""
    if demo and kwargs.get("delta") is None:
        kwargs.update(delta=t("demo_delta"), delta_color="orange", delta_arrow="off")
        target.metric(label_text, value, **kwargs)
    else:
        target.metric(label(label_text, demo), value, **kwargs)


def figures_note(rows: int, synthetic: int, reported: pd.DataFrame, areas: set[str], when) -> None:
    """Under figures drawn from ``synthetic`` of ``rows`` demo rows: say they are not real, and when
    one area is in view and a real source reported figures for it (``reported``:
    ``cooperative_reported.reported_counts`` rows), name the latest of them as the real figure.
    ``when(row)`` words the reported row's date."""
    if not synthetic:
        return
    if synthetic == rows:
        st.warning(t("demo_figures_all"), icon=":material/science:")
    else:
        st.warning(t("demo_figures_part", synthetic=number(synthetic), rows=number(rows)), icon=":material/science:")
    real = reported[(reported["source_kind"] != "synthetic") & reported["area_code"].isin(areas)]
    if len(areas) == 1 and not real.empty:
        latest = real.sort_values(["as_of", "id"]).iloc[-1]
        shown = {k: number(int(latest[k])) if pd.notna(latest[k]) else "–" for k in ("total", "active", "inactive")}
        st.info(t("demo_real_instead", figures=t("demo_real_figures", **shown), outlet=latest["outlet"],
                  date=when(latest)), icon=":material/verified:")


def chart_title(text: str, demo: bool) -> str:
    """A chart title ending in "· DEMO" when the chart is drawn from any synthetic row."""
    return f"{text} · {t('demo_mark')}" if demo else text
