"""Placeholder until the page lands in this change."""

import streamlit as st

st.info("…")
