"""The weekly digest on Riwayat: the signed-in account's subscription form and subscriptions, and
the record of digest sends (an admin sees every account's, others their own), failed ones included.

``render(user)``: reads through ``ui.queries.run`` (``data_access.digest.subscriptions`` / ``sends``,
cached by the data version, which every send raises), writes through ``data_access.digest.subscribe``
/ ``unsubscribe`` and then ``queries.clear()``. Times shown in WIB, the zone the schedule is kept in.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access import digest, regions
from data_access.auth import Identity
from data_access.models_briefing import DIGEST_SECTIONS
from ui import queries
from ui.db import app_engine, database_errors_shown
from ui.i18n import LANGUAGES, current_language, t
from ui.timezones import local_time


def _form(user: Identity) -> None:
    provinces = queries.run(regions.provinces)
    names = dict(zip(provinces["code"], provinces["name"], strict=True))
    allowed = [user.province_code] if user.province_code and user.role != "admin" else list(names)
    with st.form("digest_subscribe", clear_on_submit=False):
        email = st.text_input(t("dg_email"), key="dg_email")
        webhook = st.text_input(t("dg_webhook"), key="dg_webhook")
        chosen = st.multiselect(t("dg_provinces"), options=allowed, format_func=lambda c: f"{names[c]} ({c})",
                                key="dg_provinces")
        sections = st.multiselect(t("dg_sections"), options=list(DIGEST_SECTIONS), default=list(DIGEST_SECTIONS),
                                  format_func=lambda s: t(f"dg_section_{s}"), key="dg_sections")
        left, middle, right = st.columns(3)
        weekday = left.selectbox(t("dg_weekday"), options=list(range(7)), format_func=lambda d: t(f"dg_weekday_{d}"),
                                 key="dg_weekday")
        hour = middle.number_input(t("dg_hour"), min_value=0, max_value=23, value=7, step=1, key="dg_hour")
        lang = right.selectbox(t("dg_lang"), options=list(LANGUAGES), format_func=LANGUAGES.get,
                               index=list(LANGUAGES).index(current_language()), key="dg_lang")
        no_change = st.checkbox(t("dg_send_no_change"), value=True, key="dg_no_change")
        if st.form_submit_button(t("dg_subscribe")):
            try:
                with database_errors_shown():
                    made = digest.subscribe(user.username, email=email, webhook_url=webhook, provinces=tuple(chosen),
                                            sections=tuple(sections),
                                            weekday=int(weekday), hour=int(hour), lang=lang,
                                            send_no_change=no_change, engine=app_engine())
            except digest.DigestError as error:
                st.error(t("dg_error", message=str(error)))
            else:
                queries.clear()
                st.success(t("dg_subscribed", id=made))


def _mine(user: Identity) -> None:
    mine = queries.run(digest.subscriptions, user.username)
    st.markdown(f"**{t('dg_mine')}**")
    if mine.empty:
        st.caption(t("dg_none"))
        return
    for row in mine.itertuples(index=False):
        left, right = st.columns([4, 1])
        left.write(f"#{row.id} · {row.email or ''} {row.webhook_url or ''} · {row.provinces or t('bp_national')} · "
                   f"{', '.join(t(f'dg_section_{s}') for s in digest.sections_of(row.sections))} · "
                   f"{t(f'dg_weekday_{row.weekday}')} {row.hour:02d}.00 WIB · {row.lang}")
        if right.button(t("dg_unsubscribe", id=row.id), key=f"dg_stop_{row.id}"):
            with database_errors_shown():
                digest.unsubscribe(int(row.id), user.username, engine=app_engine())
            queries.clear()
            st.rerun()


def _sends(user: Identity) -> None:
    st.subheader(t("dg_sends"))
    found = queries.run(digest.sends, None if user.role == "admin" else user.username)
    if found.empty:
        st.caption(t("dg_none"))
        return
    shown = pd.DataFrame({
        t("dg_c_sent_at"): [local_time(v.to_pydatetime() if hasattr(v, "to_pydatetime") else v, "WIB")
                            for v in found["sent_at"]],
        t("dg_c_username"): found["username"], t("dg_c_period"): found["period"],
        t("dg_c_channel"): found["channel"], t("dg_c_recipient"): found["recipient"],
        t("dg_c_status"): found["status"], t("dg_c_attempts"): found["attempts"],
        t("dg_c_subject"): found["subject"], t("dg_c_error"): found["error"].fillna(""),
    })
    st.dataframe(shown, hide_index=True, width="stretch", key="dg_sends_table")


def render(user: Identity) -> None:
    with st.expander(t("dg_h_subscribe"), icon=":material/mail:"):
        _form(user)
        _mine(user)
    _sends(user)
