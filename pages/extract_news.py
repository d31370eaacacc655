"""Ekstraksi berita: a news report (pasted, or a .txt/.html file) → the fields ``ingest.extract``
proposes, each with the quote that supports it → the editor corrects them → one save: the
report as a new source, the meeting (or a further source of the same meeting already stored),
and the cooperative figures and Pokja stage it states. Koperasi Merah Putih figures are shown
with their quotes (``ui.kdmp_figures``), saved with the report as reported KDMP figures when the editor
ticks it. Editors only; undone from the Impor page.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from data_access import provenance, regions
from data_access.imports import news, news_item, news_kdmp, news_lookups
from data_access.models_meetings import MEETING_KINDS, MEETING_LEVELS, MEETING_STATUSES
from data_access.models_pokja import POKJA_STAGES
from data_access.models_reference import SECTORS
from ingest.extract import extract, read_document
from ui import auth as ui_auth
from ui import queries
from ui.db import database_errors_shown
from ui.formatting import date, number
from ui.i18n import current_language, t
from ui.kdmp_figures import show_kdmp_figures
from ui.news_evidence import show_candidates
from ui.news_form import mandate_choices, mandate_for, outlet_guess

user = ui_auth.require_editor()
lang = current_language()
st.title(t("page_extract"))
st.caption(t("ex_intro"))

provinces = queries.run(regions.provinces)
regencies = queries.run(regions.regencies)
province_names = dict(zip(provinces["code"], provinces["name"], strict=True))
regency_names = dict(zip(regencies["code"], regencies["name"], strict=True))
if user.province_code and user.role != "admin":
    province_names = {user.province_code: province_names[user.province_code]}

flash = st.session_state.pop("ex_flash", None)
if flash:
    (st.success if flash[0] == "ok" else st.error)(flash[1])
    st.caption(t("ex_undo_hint"))

FIELDS = ("title", "held_on", "date_inferred", "kind", "level", "status", "province", "regency", "venue", "city",
          "organizer", "opened_by_name", "opened_by_role", "participants", "theme", "sectors", "regencies",
          "outlet", "headline", "url", "published_on", "fig", "fig_as_of", "fig_area", "fig_total", "fig_active",
          "fig_inactive", "stage", "stage_regency", "stage_mandate", "stage_value", "stage_on", "stage_sk")


def _prefill(found, published: dt.date | None) -> None:
    """Put the extractor's proposal into the form's widgets (before they are drawn)."""
    state = st.session_state
    for name in FIELDS:
        state.pop(f"ex_f_{name}", None)
    province = found.province_code if found.province_code in province_names else next(iter(province_names))
    regency = found.regency_code if found.regency_code and found.regency_code[:2] == province else ""
    opened = found.opened_by
    coops = found.cooperatives
    opened_role = (opened.role if opened else None) or ""
    if opened and opened.on_behalf_of:
        opened_role = f"{opened_role} ({t('ex_on_behalf_of').lower()} {opened.on_behalf_of})".strip()
    state.update({
        "ex_f_title": found.title or "", "ex_f_held_on": found.date, "ex_f_date_inferred": found.date_inferred,
        "ex_f_kind": found.kind or "rakor",
        "ex_f_level": found.level or ("kabupaten_kota" if regency else "provinsi"),
        "ex_f_status": "planned" if found.date and found.date > dt.date.today() else "held",
        "ex_f_province": province, "ex_f_regency": regency, "ex_f_venue": found.venue or "",
        "ex_f_city": found.city or "", "ex_f_organizer": found.organizer or "",
        "ex_f_opened_by_name": (opened.name if opened else None) or "",
        "ex_f_opened_by_role": opened_role,
        "ex_f_participants": found.participants, "ex_f_theme": "",
        "ex_f_sectors": [s for s in found.sectors if s in SECTORS],
        "ex_f_regencies": [c for c in found.regencies_involved if c[:2] == province],
        "ex_f_outlet": outlet_guess(found.outlet), "ex_f_headline": found.headline or "", "ex_f_url": "",
        "ex_f_published_on": found.published_on or published,
        "ex_f_fig": coops is not None and coops.area_code is not None,  # an unclear area is the editor's call
        # the figures' own date ("per 31 Desember 2023") when the report gives one, never the meeting's by choice
        "ex_f_fig_as_of": (coops.as_of if coops else None) or found.published_on or published or found.date,
        "ex_f_fig_area": (coops.area_code if coops else None) or regency or province,
        "ex_f_fig_total": coops.total if coops else None,
        "ex_f_fig_active": coops.active if coops else None,
        "ex_f_fig_inactive": coops.inactive if coops else None,
        # the Pokja's kab/kota is the one its own sentence names (ingest.pokja_detail), never the venue's
        "ex_f_stage": found.pokja_stage is not None, "ex_f_stage_regency": found.pokja_regency_code or "",
        "ex_f_stage_value": found.pokja_stage or "persiapan", "ex_f_stage_on": found.sk_date or found.date,
        "ex_f_stage_sk": found.sk_number or "",
    })


def _warning_text(notice: dict) -> str:
    """A notice of the extractor in the interface language (``ex_warn_<code>``; roles translated)."""
    params = dict(notice["params"])
    if params.get("role") in ("total", "active", "inactive"):
        params["role"] = t(f"ex_{params['role']}")
    if "key" in params:  # a KDMP figure's name
        params["key"] = t(f"ex_kdmp_{params['key']}_key")
    return t(f"ex_warn_{notice['code']}", **params)


def _evidence_table(found: dict) -> None:
    """Per proposed field: its value, the quote behind it and the warnings about it."""
    notes: dict[str | None, list[str]] = {}
    for notice in found.get("notices", []):
        notes.setdefault(notice["field"], []).append(_warning_text(notice))
    opened, chaired, coops = found.get("opened_by") or {}, found.get("chaired_by") or {}, found.get("cooperatives") or {}
    rows = [  # (label, value, evidence key)
        ("ex_title", found.get("title"), "title"), ("ex_held_on", found.get("date"), "date"),
        ("ex_venue", found.get("venue"), "venue"), ("ex_city", found.get("city"), "city"),
        ("ex_regency", found.get("regency_name"), "regency_code"),
        ("ex_province", found.get("province_name"), "province_code"),
        ("ex_organizer", found.get("organizer"), "organizer"),
        ("ex_opened_by_name", opened.get("name"), "opened_by"), ("ex_opened_by_role", opened.get("role"), "opened_by"),
        ("ex_on_behalf_of", opened.get("on_behalf_of"), "opened_by"),
        ("ex_chaired_by", chaired.get("name"), "chaired_by"), ("ex_participants", found.get("participants"), "participants"),
        ("ex_sectors", ", ".join(found.get("sectors") or []), "sectors"),
        ("ex_total", coops.get("total"), "cooperatives"), ("ex_active", coops.get("active"), "cooperatives"),
        ("ex_inactive", coops.get("inactive"), "cooperatives"),
        ("ex_figures_as_of", coops.get("as_of"), "cooperatives"),
        ("ex_figures_area", regency_names.get(coops.get("area")) or province_names.get(coops.get("area")),
         "cooperatives"),
        ("ex_stage_value", found.get("pokja_stage"), "pokja_stage"), ("ex_kind", found.get("kind"), "kind"),
        ("ex_level", found.get("level"), "level"), ("ex_outlet", found.get("outlet"), "outlet"),
        ("ex_headline", found.get("headline"), "headline"), ("ex_published_on", found.get("published_on"), "published_on"),
    ]
    rows += [("ex_derived", t("ex_derived", role=t(f"ex_{role}"), value=number(value)), "cooperatives")
             for role, value in (coops.get("derived") or {}).items()]
    table, shown = [], set()
    for label, value, key in rows:
        field_notes = notes.get(key, []) if key not in shown else []
        if value in (None, "") and not field_notes:
            continue
        shown.add(key)
        if isinstance(value, int):
            value = number(value)
        elif key in ("date", "published_on", "cooperatives") and isinstance(value, str) and value[:4].isdigit():
            value = date(dt.date.fromisoformat(value))
        table.append((t(label), "" if value is None else str(value), found["evidence"].get(key) or "",
                      "\n".join(field_notes)))
    st.dataframe(pd.DataFrame(table, columns=[t("ex_col_field"), t("ex_col_value"), t("ex_col_evidence"),
                                              t("ex_col_warning")]), hide_index=True, width="stretch")
    general = [text for key, texts in notes.items() if key not in shown for text in texts]
    if general:
        st.warning(t("ex_warnings") + ":\n\n" + "\n".join(f"- {w}" for w in general))


# --- the report ------------------------------------------------------------------------------------
paste_tab, file_tab = st.tabs([t("ex_paste"), t("ex_upload")])
pasted = paste_tab.text_area(t("ex_text"), key="ex_text", height=220)
uploaded = file_tab.file_uploader(t("ex_file"), type=["txt", "html", "htm"], key="ex_file", max_upload_size=5)
hint = st.date_input(t("ex_published_hint"), value=None, key="ex_published_hint", format="DD/MM/YYYY",
                     min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31))
if st.button(t("ex_run"), key="ex_run", type="primary", icon=":material/manage_search:"):
    text = read_document(uploaded.getvalue(), uploaded.name) if uploaded is not None else pasted
    if not (text or "").strip():
        st.warning(t("ex_no_text"))
    else:
        found = extract(text, published_on=hint)
        st.session_state["ex_result"] = (text, found.to_dict())
        _prefill(found, hint)

if "ex_result" not in st.session_state:
    st.stop()
text, proposal = st.session_state["ex_result"]
st.subheader(t("ex_proposed"))
_evidence_table(proposal)
save_kdmp = show_kdmp_figures(proposal, lambda code: regency_names.get(code) or province_names.get(code))
show_candidates(proposal, lambda code: regency_names.get(code) or province_names.get(code), date)

# --- the form ---------------------------------------------------------------------------------------
st.subheader(t("ex_form"))
state = st.session_state
if state.get("ex_f_province") not in province_names:
    state["ex_f_province"] = next(iter(province_names))
left, right = st.columns(2)
title = left.text_input(t("ex_title"), key="ex_f_title", max_chars=300)
held_on = right.date_input(t("ex_held_on"), key="ex_f_held_on", format="DD/MM/YYYY",
                           min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31))
right.checkbox(t("ex_date_inferred"), key="ex_f_date_inferred")
kind = left.selectbox(t("ex_kind"), MEETING_KINDS, format_func=lambda k: t(f"ex_kind_{k}"), key="ex_f_kind")
level = left.selectbox(t("ex_level"), MEETING_LEVELS, format_func=lambda k: t(f"ex_level_{k}"), key="ex_f_level")
status = right.selectbox(t("ex_status"), MEETING_STATUSES, format_func=lambda k: t(f"ex_status_{k}"),
                         key="ex_f_status")
province = left.selectbox(t("ex_province"), list(province_names), format_func=province_names.get, key="ex_f_province")
in_province = [c for c in regency_names if c[:2] == province]
if state.get("ex_f_regency") not in ("", *in_province):
    state["ex_f_regency"] = ""
if state.get("ex_f_stage_regency") not in ("", *in_province):
    state["ex_f_stage_regency"] = ""
state["ex_f_regencies"] = [c for c in state.get("ex_f_regencies", []) if c in in_province]
regency = right.selectbox(t("ex_regency"), ["", *in_province],
                          format_func=lambda c: regency_names.get(c) or t("ex_none"), key="ex_f_regency")
venue = left.text_input(t("ex_venue"), key="ex_f_venue", max_chars=200)
city = right.text_input(t("ex_city"), key="ex_f_city", max_chars=100)
organizer = st.text_input(t("ex_organizer"), key="ex_f_organizer", max_chars=300)
opened_name = left.text_input(t("ex_opened_by_name"), key="ex_f_opened_by_name", max_chars=200)
opened_role = right.text_input(t("ex_opened_by_role"), key="ex_f_opened_by_role", max_chars=200)
participants = left.number_input(t("ex_participants"), min_value=0, step=1, value=None, key="ex_f_participants")
sectors = right.multiselect(t("ex_sectors"), SECTORS, format_func=lambda s: t(f"sector_{s}"), key="ex_f_sectors")
theme = st.text_area(t("ex_theme"), key="ex_f_theme", height=80)
involved = st.multiselect(t("ex_regencies"), in_province, format_func=regency_names.get, key="ex_f_regencies")

st.markdown(f"**{t('ex_source')}**")
left, right = st.columns(2)
outlet = left.text_input(t("ex_outlet"), key="ex_f_outlet", max_chars=200)
headline = right.text_input(t("ex_headline"), key="ex_f_headline", max_chars=500)
url = left.text_input(t("ex_url"), key="ex_f_url", max_chars=500)
published_on = right.date_input(t("ex_published_on"), key="ex_f_published_on", format="DD/MM/YYYY",
                                min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31))

figures = None
if st.checkbox(t("ex_figures"), key="ex_f_fig"):
    cols = st.columns(5)
    as_of = cols[0].date_input(t("ex_figures_as_of"), key="ex_f_fig_as_of", format="DD/MM/YYYY",
                               min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31))
    if state.get("ex_f_fig_area") not in (province, *in_province):
        state["ex_f_fig_area"] = regency or province
    fig_area = cols[4].selectbox(t("ex_figures_area"), [province, *in_province],
                                 format_func=lambda c: regency_names.get(c) or province_names.get(c), key="ex_f_fig_area")
    total = cols[1].number_input(t("ex_total"), min_value=0, step=1, value=None, key="ex_f_fig_total")
    active = cols[2].number_input(t("ex_active"), min_value=0, step=1, value=None, key="ex_f_fig_active")
    inactive = cols[3].number_input(t("ex_inactive"), min_value=0, step=1, value=None, key="ex_f_fig_inactive")
    figures = (as_of, total, active, inactive, fig_area)

stage = None
mandates = queries.run(news_lookups.mandates).merge(queries.run(provenance.mandate_kinds), left_on="id",
                                             right_on="mandate_id", how="left")
usable = mandates[mandates["province_code"].isna() | (mandates["province_code"] == province)]
if not usable.empty and st.checkbox(t("ex_stage"), key="ex_f_stage"):
    mandate_titles, real_default = mandate_choices(usable, t("demo_mark"))
    named = mandate_for((state.get("ex_result") or ("", {}))[1].get("pokja_name"), usable)
    real_default = list(mandate_titles).index(named) if named in mandate_titles else None  # no clear match: ask
    cols = st.columns(4)
    stage_regency = cols[0].selectbox(t("ex_stage_regency"), ["", *in_province],
                                      format_func=lambda c: regency_names.get(c) or t("ex_none"),
                                      key="ex_f_stage_regency")
    mandate_id = cols[1].selectbox(t("ex_mandate"), list(mandate_titles), format_func=mandate_titles.get,
                                   key="ex_f_stage_mandate", index=real_default, placeholder=t("ex_mandate_pick"))
    stage_value = cols[2].selectbox(t("ex_stage_value"), POKJA_STAGES, format_func=lambda s: t(f"ex_stage_{s}"),
                                    key="ex_f_stage_value")
    stage_on = cols[3].date_input(t("ex_stage_on"), key="ex_f_stage_on", format="DD/MM/YYYY",
                                  min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31))
    stage_sk = st.text_input(t("ex_stage_sk"), key="ex_f_stage_sk", max_chars=120)
    stage = (stage_regency, mandate_id, stage_value, stage_on, stage_sk)

# --- duplicates and saving ----------------------------------------------------------------------------
merge: str | int = "new"
if title.strip() and held_on:
    similar = queries.run(news_lookups.possible_duplicates, province, held_on, title.strip(), venue.strip() or None)
    if not similar.empty:
        st.info(t("ex_duplicates"))
        st.dataframe(pd.DataFrame({
            "#": similar["id"], t("ex_title"): similar["title"], t("ex_held_on"): similar["held_on"].map(date),
            t("ex_venue"): similar["venue"], t("ex_outlet"): similar["outlet"],
            t("ex_col_sources"): similar["sources"].map(number), t("ex_col_score"): similar["score"]}),
            hide_index=True, width="stretch")
        choices = {int(r.id): t("ex_merge_into", id=int(r.id), title=r.title) for r in similar.itertuples()}
        choices["new"] = t("ex_merge_new")
        merge = st.radio(t("ex_merge"), list(choices), format_func=choices.get, key="ex_f_merge")

missing = [t(label) for label, ok in (("ex_title", title.strip()), ("ex_held_on", held_on),
                                      ("ex_outlet", outlet.strip())) if not ok]
if figures and not any(v is not None for v in figures[1:4]):
    missing.append(t("ex_total"))
if stage and not (stage[0] and stage[1] is not None and stage[3]):
    missing.append(t("ex_stage_regency") if not stage[0] else t("ex_mandate") if stage[1] is None else t("ex_stage_on"))
if missing:
    st.caption(t("ex_missing", fields=", ".join(missing)))
if st.button(t("ex_save"), key="ex_save", type="primary", disabled=bool(missing), icon=":material/save:"):
    item = news_item.NewsMeeting(
        title=title.strip(), held_on=held_on, province_code=province, outlet=outlet.strip(), kind=kind, level=level,
        status=status, date_inferred=bool(state.get("ex_f_date_inferred")), regency_code=regency or None,
        venue=venue.strip() or None, city=city.strip() or None, organizer=organizer.strip() or None,
        opened_by_name=opened_name.strip() or None, opened_by_role=opened_role.strip() or None,
        participants=int(participants) if participants is not None else None, theme=theme.strip() or None,
        sectors=list(sectors), regencies=list(involved), headline=headline.strip() or None,
        url=url.strip() or None, published_on=published_on, text=text,
        figures=news_item.Figures(as_of=figures[0] or held_on, total=figures[1], active=figures[2], inactive=figures[3],
                             area_code=figures[4])
        if figures else None,
        stage=news_item.Stage(regency_code=stage[0], mandate_id=int(stage[1]), stage=stage[2], on=stage[3],
                              sk_number=stage[4].strip() or None)
        if stage else None,
        kdmp=news_kdmp.KdmpReported.from_proposal(proposal["kdmp_figures"], area_code=regency or province, as_of=held_on)
        if save_kdmp else None,
    )
    with database_errors_shown():
        saved = news.save(item, user=user, merge=merge)
    queries.clear()
    if saved.error is not None:
        st.session_state["ex_flash"] = ("error", saved.error.text(lang))
    elif saved.problems:
        st.session_state["ex_flash"] = ("error", t("ex_missing", fields=", ".join(saved.problems)))
    else:
        st.session_state["ex_flash"] = ("ok", t(f"ex_saved_{saved.action}", id=saved.meeting_id,
                                                batch=saved.batch_id))
    st.rerun()
