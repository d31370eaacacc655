"""Ringkasan (overview): what the database holds, and whether any of it is synthetic."""

import streamlit as st

from ui import queries
from ui.formatting import number
from ui.i18n import t

st.title(t("app_title"))
st.caption(t("app_tagline"))

summary = queries.database_summary()
synthetic_rows = int(summary["synthetic"].sum())
if synthetic_rows:
    st.warning(t("synthetic_banner", n=number(synthetic_rows)), icon="⚠️")

st.subheader(t("database_contents"))
cols = st.columns(len(summary))
for col, row in zip(cols, summary.itertuples(index=False), strict=True):
    col.metric(t(f"kind_{row.kind}"), number(row.total))
