"""Phone and laptop layout: what Streamlit's own styles leave to us, in one place.

``apply()`` (called by ``dashboard.py`` on every run) adds:

- CSS: below ``PHONE_MAX_PX`` the month calendar grid (container key ``mtg_cal_wide``, 7 columns
  of fixed-width cells, 608 px) gives way to its agenda list (``mtg_cal_narrow``); above it the
  list is hidden. Vega charts never push the page wider than the screen; on phones a table keeps
  room above it for its toolbar, which otherwise covers the caption over the table.
- JavaScript: on a phone, choosing a page in the sidebar closes the sidebar (Streamlit leaves it
  open over the page). It runs in the app's own document (``st.html(...,
  unsafe_allow_javascript=True)``), registers one click listener once per browser tab and touches
  nothing else.
- ``ui.a11y``: the accessibility fixes (caption contrast, visible focus, the navigation list).
"""

from __future__ import annotations

import streamlit as st

from ui import a11y

PHONE_MAX_PX = 700

CSS = f"""<style>
@media (max-width: {PHONE_MAX_PX}px) {{
  .st-key-mtg_cal_wide {{ display: none !important; }}
  [data-testid="stVegaLiteChart"], .stVegaLiteChart {{ max-width: 100%; overflow-x: hidden; }}
  /* the table toolbar (search, download, full screen) sits above a table: keep it off the caption */
  [data-testid="stElementContainer"]:has(> [data-testid="stDataFrame"]) {{ padding-top: 1.9rem; }}
}}
@media (min-width: {PHONE_MAX_PX + 1}px) {{
  .st-key-mtg_cal_narrow {{ display: none !important; }}
}}
[data-testid="stMain"] {{ overflow-x: hidden; }}
</style>"""

SCRIPT = f"""<script>
(() => {{
  const doc = document;
  if (doc.documentElement.dataset.pantauNavClose) return;
  doc.documentElement.dataset.pantauNavClose = "1";
  doc.addEventListener("click", (event) => {{
    if (!event.target.closest('[data-testid="stSidebarNavLink"]')) return;
    if (window.innerWidth > {PHONE_MAX_PX}) return;
    setTimeout(() => {{
      const close = doc.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (close) close.click();
    }}, 150);
  }}, true);
}})();
</script>"""


def apply() -> None:
    """Add the layout CSS and the phone navigation script to the page (no visible element)."""
    st.html(CSS + SCRIPT + a11y.CSS + a11y.SCRIPT, unsafe_allow_javascript=True)
