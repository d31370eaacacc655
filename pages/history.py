"""Riwayat: the audit trail — who changed what, when (in the zone of the province in view or of the
editor's province: WIB/WITA/WIT, named) and from which source — filterable by action, user and day,
downloadable as CSV and XLSX. Needs a signed-in account."""

from __future__ import annotations

import datetime as dt
import json
import re

import pandas as pd
import streamlit as st

from data_access import audit
from ui import auth as ui_auth
from ui import date_echo, digest_panel, downloads, queries
from ui.formatting import date, number
from ui.i18n import t
from ui.timezones import local_times, shown_zone

signed_in = ui_auth.require_signed_in()
st.title(t("page_history"))
st.caption(t("hist_intro"))  # the zone of the times is named in the time column's header
digest_panel.render(signed_in)


def _action_label(action: str) -> str:
    label = t(f"hist_action_{action}")
    return action if label == f"hist_action_{action}" else label


def _entity_label(entity: str) -> str:
    for key in (f"imp_kind_{entity}", f"hist_entity_{entity}"):
        if t(key) != key:
            return t(key)
    return entity


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _detail_value(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return t("demo_yes") if value else t("demo_no")
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, str) and ISO_DATE.match(value):  # a date kept as ISO text in the audit detail
        return date(dt.date.fromisoformat(value))
    return str(value)


def _detail_key(key: str) -> str:
    """A detail's name in words: our text when there is one, else the key without underscores."""
    label = t(f"hist_detail_{key}")
    return key.replace("_", " ") if label == f"hist_detail_{key}" else label


def _detail(value) -> str:
    """The JSON detail of an audit entry in words ("Nama tampilan: –, Kata sandi: ya"); no raw keys."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return str(value)
    if isinstance(parsed, dict):
        return ", ".join(f"{_detail_key(k)}: {_detail_value(v)}" for k, v in parsed.items() if k != "sha256")
    return str(parsed)


present = queries.run(audit.choices)
action_options = sorted(present.loc[present["kind"] == "action", "value"])
user_options = sorted(present.loc[present["kind"] == "username", "value"])
left, middle = st.columns(2)
actions = left.multiselect(t("hist_actions"), options=action_options, format_func=_action_label, key="hist_actions", select_all=False,
                           placeholder=t("hist_actions"))
who = middle.selectbox(t("hist_user"), options=["", *user_options],
                       format_func=lambda u: u or t("hist_all_users"), key="hist_user")
left, middle = st.columns(2)
bounds = {"min_value": dt.date(2020, 1, 1), "max_value": dt.date(2035, 12, 31), "format": "DD/MM/YYYY"}
date_from = left.date_input(t("hist_from"), value=None, key="hist_from", **bounds)
date_to = middle.date_input(t("hist_to"), value=None, key="hist_to", **bounds)
date_echo.echo(left, date_from)  # a typed 31/02 silently becomes 29/02: the day is said back
date_echo.echo(middle, date_to)

found = queries.run(audit.entries, tuple(actions), who or None, date_from, date_to)
if found.empty:
    st.info(t("hist_empty"))
    st.stop()

zone = shown_zone(st.session_state.get("filters"), ui_auth.current_user())
shown = pd.DataFrame({
    t("hist_col_at_zone", zone=zone): local_times(found["at"], zone),
    t("hist_col_user"): found["username"],
    t("hist_col_action"): found["action"].map(_action_label),
    t("hist_col_entity"): found["entity"].map(_entity_label),
    t("hist_col_key"): found["entity_key"],
    t("hist_col_batch"): found["batch_id"].map(lambda b: "" if pd.isna(b) else f"#{int(b)}"),
    t("hist_col_source"): found["source_id"].map(lambda s: "" if pd.isna(s) else str(int(s))),
    t("hist_col_detail"): found["detail"].map(_detail),
})
st.caption(t("hist_shown", n=number(len(shown)), limit=number(audit.ENTRY_LIMIT)))
st.dataframe(shown, hide_index=True, width="stretch", key="hist_table")

choice_rows = [(t("hist_actions"), ", ".join(map(_action_label, actions)) or "–"), (t("hist_user"), who or "–"),
               (t("hist_from"), date(date_from) if date_from else "–"), (t("hist_to"), date(date_to) if date_to else "–"),
               (t("xlsx_rows"), len(shown)), (t("xlsx_generated"), dt.date.today().isoformat())]
stem = downloads.file_stem(t("page_history"), who or t("hist_all_users"))
downloads.buttons(shown.copy(), choice_rows, stem=stem, key="hist", filters_sheet=t("hist_filters_sheet"))
