"""The Koperasi Merah Putih (KDMP) figures an extraction proposes, shown read-only with their quotes
on the Ekstraksi berita page. They are never cooperative figures; storing them needs the KDMP
table (issue 14), so the page only displays them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from ui.formatting import date, number
from ui.i18n import t

KEYS = ("villages", "formed", "notarial_deed", "legal_entity", "operational")


def kdmp_rows(found: dict, area_name: Callable[[str], str | None]) -> list[tuple[str, str, str]]:
    """(label, value, quote) per stated KDMP figure of ``found`` (an ``Extraction.to_dict()``), then
    its area and as-of date; ``[]`` when the report states none."""
    kdmp = found.get("kdmp_figures") or {}
    evidence = kdmp.get("evidence") or {}
    rows = [(t(f"ex_kdmp_{key}"), number(kdmp[key]), evidence.get(key) or "")
            for key in KEYS if kdmp.get(key) is not None]
    if not rows:
        return []
    if kdmp.get("area"):
        rows.append((t("ex_kdmp_area"), area_name(kdmp["area"]) or kdmp["area"], evidence.get("area") or ""))
    if kdmp.get("as_of"):
        rows.append((t("ex_kdmp_as_of"), date(dt.date.fromisoformat(kdmp["as_of"])), evidence.get("as_of") or ""))
    return rows


def show_kdmp_figures(found: dict, area_name: Callable[[str], str | None]) -> None:
    """A read-only table of the KDMP figures (nothing when there are none)."""
    rows = kdmp_rows(found, area_name)
    if not rows:
        return
    st.markdown(f"**{t('ex_kdmp_title')}**")
    st.caption(t("ex_kdmp_caption"))
    st.dataframe(pd.DataFrame(rows, columns=[t("ex_col_field"), t("ex_col_value"), t("ex_col_evidence")]),
                 hide_index=True, width="stretch", key="ex_kdmp_table")
