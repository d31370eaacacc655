"""Masuk / Keluar: the password form (or ``st.login`` when OIDC is configured) and sign-out."""

from __future__ import annotations

import streamlit as st

from data_access import auth
from ui import auth as ui_auth
from ui import filter_bar
from ui.i18n import t

user = ui_auth.current_user()
st.title(t("page_sign_out") if user else t("page_sign_in"))

if user is not None:
    st.success(t("auth_signed_in_as", name=user.label, role=ui_auth.role_label(user.role)), icon="👤")
    if user.province_code:
        st.caption(t("auth_province_limit", province=filter_bar.area_names().get(user.province_code,
                                                                                   user.province_code)))
    if st.button(t("auth_sign_out"), key="auth_sign_out", icon=":material/logout:"):
        ui_auth.sign_out()
        st.rerun()
    st.stop()

st.caption(t("auth_intro_closed") if auth.read_requires_sign_in() else t("auth_intro"))
if ui_auth.oidc_configured():
    st.button(t("auth_oidc_button"), key="auth_oidc", on_click=st.login, icon=":material/login:")
    st.stop()

with st.form("auth_form"):
    username = st.text_input(t("auth_username"), key="auth_username", autocomplete="username")
    password = st.text_input(t("auth_password"), type="password", key="auth_password",
                             autocomplete="current-password")
    submitted = st.form_submit_button(t("auth_submit"), type="primary")
if submitted:
    try:
        signed_in = ui_auth.sign_in_with_password(username, password)
    except PermissionError as locked:
        st.error(t("auth_locked", seconds=locked.args[0]), icon="⏳")
    else:
        if signed_in is None:
            st.error(t("auth_failed"), icon="🚫")
        else:
            st.rerun()
st.caption(t("auth_cli_hint"))
