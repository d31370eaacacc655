"""Kesehatan Koperasi: the register's own status beside the figure derived from RAT history,
and how many cooperatives have too little RAT history for the rule to judge them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access import register_status
from data_access.filters import Filters
from ui import queries
from ui.formatting import date, number
from ui.i18n import t


def show(filters: Filters) -> None:
    """Nothing when no register export with a status was imported for the cooperatives in view."""
    statuses = queries.run(register_status.register_statuses, filters)
    if statuses.empty:
        return
    st.markdown(f"**{t('reg_status_heading')}**")
    st.caption(t("reg_status_help", n=filters.window))

    def reported(row) -> str:
        first, last = date(row.first_reported_on), date(row.last_reported_on)
        return first if first == last else f"{first} – {last}"

    st.dataframe(pd.DataFrame({
        t("reg_status_col_status"): statuses["register_status"],
        t("reg_status_col_n"): [number(n) for n in statuses["cooperatives"]],
        t("reg_status_col_on"): [reported(r) for r in statuses.itertuples(index=False)],
    }), hide_index=True, width="content", key="reg_status_table")
    depth = queries.run(register_status.rat_history_depth, filters)
    short = int(depth.loc[depth["rat_years"] < filters.window, "cooperatives"].sum())
    st.caption(t("reg_history", short=number(short), all=number(int(depth["cooperatives"].sum())),
                 n=filters.window))
