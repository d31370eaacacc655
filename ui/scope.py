"""Every page states its scope in words and the provenance of its figures.

"Kab. Belu, Nusa Tenggara Timur · 1 Januari 2019 – 31 Desember 2024" and, under
the figures, how many sources, the latest source date and how many rows are
synthetic — all from the same filters as the figures.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access import filters as flt
from data_access import provenance
from ui import filter_bar, queries
from ui.formatting import date, number
from ui.i18n import t


def describe(filters: flt.Filters, names: dict[str, str] | None = None, *, with_districts: bool = False) -> str:
    """The scope of ``filters`` in words, in the interface language.

    The kecamatan filter is named only where the page applies it (``with_districts``, the pages with
    per-desa data); elsewhere it would claim a narrower scope than the figures have.
    """
    names = names or filter_bar.area_names()
    if filters.regencies:
        area = ", ".join(names.get(c, c) for c in filters.regencies)
        provinces = sorted({c[:2] for c in filters.regencies})
        area += " · " + ", ".join(names.get(p, p) for p in provinces)
    elif filters.provinces:
        area = ", ".join(names.get(c, c) for c in filters.provinces)
    else:
        area = t("all_provinces")
    if filters.districts and with_districts:
        area = f"{t('f_district')} {', '.join(filters.districts)} · {area}"
    if filters.date_from and filters.date_to:
        period = f"{date(filters.date_from)} – {date(filters.date_to)}"
    elif filters.date_from:
        period = t("scope_from", d=date(filters.date_from))
    elif filters.date_to:
        period = t("scope_until", d=date(filters.date_to))
    else:
        period = t("scope_all_time")
    parts = [area, period]
    if filters.sectors:
        parts.append(", ".join(t(f"sector_{s}") for s in filters.sectors))
    if filters.real_only:
        parts.append(t("scope_real_only"))
    return " · ".join(parts)


def caption(filters: flt.Filters, *, with_districts: bool = False) -> None:
    st.caption(describe(filters, with_districts=with_districts))


def provenance_note(filters: flt.Filters, fact: str) -> pd.DataFrame:
    """Show the sources behind ``fact`` rows in view; returns them for the page."""
    sources = queries.run(provenance.sources_in_view, filters, fact)
    if sources.empty:
        st.caption(t("provenance_none"))
        return sources
    synthetic = int(sources.loc[sources["kind"] == "synthetic", "rows"].sum())
    latest = sources["published_on"].dropna().max()
    st.caption(t("provenance", n=number(len(sources)), latest=date(latest) if pd.notna(latest) else "–",
                 synthetic=number(synthetic), rows=number(int(sources["rows"].sum()))))
    with st.expander(t("provenance_details")):
        demo_source = sources["kind"].eq("synthetic")
        # in words: the kind of source, and a demo source named as such (not "skala small, seed 42")
        shown = sources.assign(
            kind=sources["kind"].map(lambda k: t(f"source_kind_{k}")),
            headline=sources["headline"].where(~demo_source, t("source_demo_headline")),
        ).drop(columns=["source_id"]).rename(columns={
            "kind": t("col_source_kind"), "outlet": t("col_outlet"), "headline": t("col_headline"),
            "url": t("col_url"), "published_on": t("col_published_on"), "rows": t("col_rows")})
        st.dataframe(shown, hide_index=True, width="stretch")
    return sources
