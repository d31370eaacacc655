"""Impor: upload a CSV/XLSX file → preview (new / changed / unchanged / rejected, each rejected
row with row, column, value and reason) → save in one transaction; the latest imports with undo.

Editors only (``ui.auth.require_editor``). The preview and the save are the same
``data_access.imports`` run — the preview rolls back — so what is shown is what is
saved. After every save or undo the cached query results are cleared.
"""

from __future__ import annotations

import hashlib
from functools import partial

import pandas as pd
import streamlit as st

from data_access import imports
from data_access.imports import kinds
from data_access.imports.layouts.examples import EXAMPLES
from ui import auth as ui_auth
from ui import downloads, filter_bar, import_mapping, queries
from ui.db import database_errors_shown
from ui.formatting import number
from ui.i18n import current_language, t
from ui.timezones import local_times, shown_zone

user = ui_auth.require_editor()
lang = current_language()
zone = shown_zone(st.session_state.get("filters"), user)  # the one zone rule of every time shown
MAX_MB = imports.MAX_FILE_BYTES // (1024 * 1024)
XLSX_MIME = downloads.XLSX_MIME

st.title(t("page_imports"))
st.caption(t("imp_intro"))
if user.province_code and user.role != "admin":
    st.info(t("imp_limit", province=filter_bar.area_names().get(user.province_code, user.province_code)), icon="📍")

flash = st.session_state.pop("imp_flash", None)
if flash:
    (st.success if flash[0] == "ok" else st.error)(flash[1])


def _templates(kind: str) -> None:
    spec = kinds.KINDS[kind]
    with st.expander(t("imp_templates")):
        left, right = st.columns(2)
        left.download_button(t("imp_template_xlsx"), data=partial(imports.template_xlsx, kind, lang),
                             file_name=f"templat-{kind}.xlsx", mime=XLSX_MIME, key="imp_tpl_xlsx",
                             on_click="ignore", icon=":material/table:")
        right.download_button(t("imp_template_csv"), data=partial(imports.template_csv, kind, lang),
                              file_name=f"templat-{kind}.csv", mime=downloads.CSV_MIME, key="imp_tpl_csv",
                              on_click="ignore", icon=":material/download:")
        st.caption(t("imp_template_note"))
        if kind == "registry":
            st.caption(t("imp_registry_note"))
        groups = {name for group in spec.required_any for name in group}
        st.dataframe(pd.DataFrame(
            [((c.header_en if lang == "en" else c.header),
              "✔" if c.required else ("½" if c.field in groups else ""),
              c.help_en if lang == "en" else c.help_id, c.example) for c in spec.columns],
            columns=[t("imp_col_column"), t("imp_col_required"), t("imp_col_help"), t("imp_col_example")]),
            hide_index=True, width="stretch")
        if EXAMPLES.get(kind):
            st.markdown(f"**{t('imp_examples')}**")
            for layout, sample in EXAMPLES[kind]:
                st.caption(t(f"imp_layout_{layout}"))
                st.code(sample, language=None)


def _preview(kind: str, data: bytes, file_name: str, strict: bool, source: str | None,
             same: str | None, columns: dict[str, str]) -> imports.ImportReport:
    """The preview for these inputs, computed once and kept while they stay the same."""
    signature = (kind, hashlib.sha256(data).hexdigest(), file_name, strict, source, same, user.username,
                 tuple(sorted(columns.items())))
    cached = st.session_state.get("imp_preview")
    if cached and cached[0] == signature:
        return cached[1]
    with st.spinner(t("imp_preview") + "…"), database_errors_shown():
        report = imports.preview(kind, data, file_name, user=user, strict=strict, source_outlet=source,
                                 same_meeting=same, columns=columns)
    st.session_state["imp_preview"] = (signature, report)
    return report


def _show_report(report: imports.ImportReport) -> None:
    if report.file_error is not None:
        st.error(report.file_error.text(lang), icon="🚫")
        return
    counts = report.counts
    columns = st.columns(4)
    for column, status in zip(columns, imports.STATUSES, strict=True):
        column.metric(t(f"imp_{status}"), number(counts[status]))
    if counts.get("merged"):
        st.caption(f"{t('imp_status_merged')}: {number(counts['merged'])}")
    delimiter = {";": "; (titik koma)" if lang == "id" else "; (semicolon)", ",": ",", "\t": "tab"}.get(
        report.delimiter or "", report.delimiter or "–")
    st.caption(t("imp_file_info", type=(report.file_type or "").upper(), encoding=_encoding_words(report.encoding),
                 delimiter=delimiter if report.file_type == "csv" else "–", rows=number(len(report.outcomes))))
    _show_reading(report)
    if report.unknown_columns:
        st.warning(t("imp_unknown_columns", columns=", ".join(report.unknown_columns)))
    if report.ignored_columns:
        st.caption(t("imp_ignored_columns", columns=", ".join(report.ignored_columns)))
    if report.earlier_batches:
        st.info(t("imp_earlier", batches=", ".join(f"#{b}" for b in report.earlier_batches)))
    if counts["rejected"]:
        st.subheader(t("imp_problems"))
        problems = report.errors_frame(lang).rename(columns={
            "row": t("imp_col_row"), "column": t("imp_col_column"), "value": t("imp_col_value"),
            "reason": t("imp_col_reason")})
        # the reason right after the row number and kept in view: on a phone the last column was cut off
        problems = problems[[t("imp_col_row"), t("imp_col_reason"), t("imp_col_column"), t("imp_col_value")]]
        st.dataframe(problems, hide_index=True, width="stretch", key="imp_problems", column_config={
            t("imp_col_reason"): st.column_config.TextColumn(width="large", pinned=True)})
        st.download_button(t("imp_download_problems"), data=partial(downloads.csv_bytes, problems),
                           file_name=f"ditolak-{report.file_name.rsplit('.', 1)[0]}.csv", mime=downloads.CSV_MIME,
                           key="imp_problems_csv", on_click="ignore", icon=":material/download:")
    with st.expander(t("imp_all_rows")):
        rows = report.rows_frame(lang)
        rows["status"] = rows["status"].map(lambda s: t(f"imp_status_{s}"))
        st.dataframe(rows.rename(columns={"row": t("imp_col_row"), "status": t("imp_col_status"),
                                          "key": t("imp_col_key"), "reason": t("imp_col_reason")}),
                     hide_index=True, width="stretch",
                     column_config={t("imp_col_status"): st.column_config.TextColumn(pinned=True)})


def _show_reading(report: imports.ImportReport) -> None:
    """Detected layout, code scheme, title, total-row check, RAT history, probable same meetings."""
    if report.layout:
        st.markdown(t("imp_layout", layout=t(f"imp_layout_{report.layout}")))
    notes = report.note_texts(lang)
    if notes:
        with st.container(border=True):
            st.caption(t("imp_reading"))
            for (code, _params), note in zip(report.notes, notes, strict=True):
                (st.warning if code == "imp_note_not_adds_up" else st.markdown)(f"- {note}")
    if report.rat_history:
        with st.expander(t("imp_rat_title")):
            st.dataframe(pd.DataFrame([(r["row"], r["label"], r["rat_years"], r["first_year"], r["judged_from"])
                                       for r in report.rat_history],
                                      columns=[t("imp_col_row"), t("imp_col_key"), t("imp_col_rat_years"),
                                               t("imp_col_first_year"), t("imp_col_judged_from")]),
                         hide_index=True, width="stretch")
    if report.same_meetings:
        st.subheader(t("imp_same_title"))
        st.dataframe(pd.DataFrame([(s["row"], f"#{s['meeting_id']} · {s['title']}", s["held_on"], s["score"])
                                   for s in report.same_meetings],
                                  columns=[t("imp_col_row"), t("imp_col_meeting"), t("imp_col_date"),
                                           t("imp_col_similarity")]), hide_index=True, width="stretch")


def _encoding_words(encoding: str | None) -> str:
    """How the file's text was read, in an official's words ("UTF-8", "Windows (Excel lama)"), not the
    codec's name ("utf-8-sig", "cp1252")."""
    if not encoding:
        return "–"
    name = encoding.lower().replace("_", "-")
    if name.startswith("utf-8") or name == "utf8":
        return "UTF-8"
    if name in ("cp1252", "windows-1252", "latin-1", "latin1", "iso-8859-1"):
        return t("imp_encoding_windows")
    return encoding


def _commit(kind: str, data: bytes, file_name: str, strict: bool, source: str | None, same: str | None,
            columns: dict[str, str]) -> None:
    with database_errors_shown():
        report = imports.commit(kind, data, file_name, user=user, strict=strict, source_outlet=source,
                                same_meeting=same, columns=columns)
    queries.clear()
    st.session_state.pop("imp_preview", None)
    if report.committed:
        counts = report.counts
        st.session_state["imp_flash"] = ("ok", t("imp_committed", batch=report.batch_id, new=number(counts["new"]),
                                                 changed=number(counts["changed"])))
    else:
        reason = report.file_error.text(lang) if report.file_error else t("imp_not_committed")
        st.session_state["imp_flash"] = ("error", reason)


kind = st.selectbox(t("imp_kind"), options=list(imports.KIND_NAMES), format_func=lambda k: t(f"imp_kind_{k}"),
                    key="imp_kind")
_templates(kind)
uploaded = st.file_uploader(t("imp_upload", mb=MAX_MB), type=["csv", "txt", "tsv", "xlsx"], key="imp_file",
                            max_upload_size=MAX_MB)
left, right = st.columns(2)
strict = left.checkbox(t("imp_strict"), key="imp_strict", help=t("imp_strict_help"))
source = right.text_input(t("imp_source"), key="imp_source", help=t("imp_source_help"), max_chars=200).strip() or None

if uploaded is not None:
    data = uploaded.getvalue()
    st.subheader(t("imp_preview"))
    same = st.session_state.get("imp_same") if kind == "meetings" else None
    file_hash = hashlib.sha256(data).hexdigest()
    mapped = import_mapping.choices(kind, file_hash)
    report = _preview(kind, data, uploaded.name, strict, source, same, mapped)
    _show_report(report)
    import_mapping.show(kind, report, lang, file_hash)
    if report.same_meetings or same:
        st.radio(t("imp_same_choice"), options=["attach", "new"], index=None, key="imp_same",
                 format_func=lambda c: t(f"imp_same_{c}"), horizontal=True)
    if report.file_error is None:
        if report.strict and report.rejected:
            st.warning(t("imp_strict_blocked"))
        elif report.writes == 0 and report.counts["rejected"] and not report.counts["unchanged"]:
            st.warning(t("imp_nothing_all_rejected", n=number(report.counts["rejected"])))  # not "already there"
        elif report.writes == 0 and report.counts["rejected"]:
            st.info(t("imp_nothing_part_rejected", same=number(report.counts["unchanged"]),
                      rejected=number(report.counts["rejected"])))
        elif report.writes == 0:
            st.info(t("imp_nothing"))
        if mapped:
            st.text_input(t("imp_format_name"), key="imp_format_name", max_chars=120)
        if st.button(t("imp_commit", n=number(report.writes)), key="imp_commit", type="primary",
                     disabled=report.blocked or report.writes == 0, icon=":material/save:"):
            _commit(kind, data, uploaded.name, strict, source, same, mapped)
            if st.session_state.get("imp_flash", ("",))[0] == "ok":
                import_mapping.save_after_commit(kind, [c.header for c in report.columns], mapped, user.username)
            st.rerun()

import_mapping.saved_formats(lang)
st.divider()
st.subheader(t("imp_batches"))
listed = queries.run(imports.batches)
if listed.empty:
    st.info(t("imp_no_batches"))
else:
    shown = pd.DataFrame({
        t("imp_col_batch"): listed["id"].map(lambda i: f"#{i}"),
        t("imp_col_kind"): listed["kind"].map(lambda k: t(f"imp_kind_{k}")),
        t("imp_col_file"): listed["file_name"],
        t("imp_col_when", zone=zone): local_times(listed["created_at"], zone),
        t("imp_col_user"): listed["display_name"].fillna(listed["username"]),
        t("imp_col_batch_status"): listed["status"].map(lambda s: t(f"imp_batch_{s}")),
        t("imp_new"): listed["rows_new"], t("imp_changed"): listed["rows_changed"],
        t("imp_unchanged"): listed["rows_unchanged"], t("imp_rejected"): listed["rows_rejected"],
    })
    st.dataframe(shown, hide_index=True, width="stretch", key="imp_batches_table")
    when = dict(zip(listed["id"].astype(int), local_times(listed["created_at"], zone), strict=True))
    mine = listed[(listed["status"] == "committed")
                  & ((listed["username"] == user.username) | (user.role == "admin"))]
    if mine.empty:
        st.caption(t("imp_undo_none"))
    else:
        labels = {int(r.id): f"#{r.id} · {r.file_name} · {when[int(r.id)]}" for r in mine.itertuples(index=False)}
        chosen = st.selectbox(t("imp_undo_pick"), options=list(labels), format_func=labels.get, key="imp_undo_batch")
        picked = mine.loc[mine["id"] == chosen].iloc[0]
        # one confirmation per import: after an undo the next import shown starts unticked (issue 20)
        confirmed = st.checkbox(t("imp_undo_confirm", new=number(int(picked["rows_new"])),
                                  changed=number(int(picked["rows_changed"]))), key=f"imp_undo_confirm_{chosen}",
                                value=False)
        if st.button(t("imp_undo"), key="imp_undo", disabled=not confirmed, icon=":material/undo:"):
            with database_errors_shown():
                result = imports.undo(int(chosen), user=user)
            queries.clear()
            st.session_state.pop("imp_preview", None)
            st.session_state["imp_flash"] = ("ok" if result.done else "error", result.to_text(lang))
            st.session_state.pop(f"imp_undo_confirm_{chosen}", None)
            st.session_state.pop("imp_undo_batch", None)
            st.rerun()
