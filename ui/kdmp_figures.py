"""The Koperasi Merah Putih (KDMP) figures an extraction proposes, shown read-only with their quotes
on the Ekstraksi berita page, and the editor's choice to save them with the report as reported KDMP
figures (``data_access.imports.news_kdmp``). They are never cooperative figures."""

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


def show_kdmp_figures(found: dict, area_name: Callable[[str], str | None]) -> bool:
    """A read-only table of the KDMP figures (nothing when there are none) and a checkbox (key
    ``ex_f_kdmp``, off by default): whether to save them. Returns the checkbox (False without figures)."""
    rows = kdmp_rows(found, area_name)
    if not rows:
        return False
    st.markdown(f"**{t('ex_kdmp_title')}**")
    st.caption(t("ex_kdmp_caption"))
    st.dataframe(pd.DataFrame(rows, columns=[t("ex_col_field"), t("ex_col_value"), t("ex_col_evidence")]),
                 hide_index=True, width="stretch", key="ex_kdmp_table")
    stated = any((found.get("kdmp_figures") or {}).get(key) is not None for key in KEYS if key != "villages")
    return stated and st.checkbox(t("ex_kdmp_save"), key="ex_f_kdmp", help=t("ex_kdmp_save_help"))
