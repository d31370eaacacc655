"""The Impor page's mapping step (issue 18, rule 4): every column of the file with what it became
(``ImportReport.columns``, from ``data_access.imports.accounting``) and, per column, a choice of
field ranked by ``data_access.imports.suggest.rank`` (rapidfuzz on the field's names and the
column's values). Renders only; the choices live in ``st.session_state["imp_map_<i>"]`` and are
handed to the preview and the commit as ``columns`` ({file header: field or "abaikan"})."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.imports import formats, kinds, suggest
from ui.i18n import t

AUTO, IGNORE = "", "abaikan"
MAPPABLE = ("missing_columns", "missing_columns_suggest", "missing_columns_other_kind", "column_unaccounted_area",
            "column_unaccounted_measure", "duplicate_column", "mapping_no_column", "mapping_no_field")


def choices(kind: str, file_hash: str) -> dict[str, str]:
    """The official's choices for this file's columns (``imp_map_<i>`` beside the headers the step
    was drawn for, ``imp_map_headers``), as the import reads them; a value that is not a field of
    ``kind`` (or ``abaikan``) is never passed on."""
    drawn = st.session_state.get("imp_map_headers")
    if not drawn or drawn[0] != (kind, file_hash):
        return {}
    allowed = {IGNORE, *(c.field for c in kinds.KINDS[kind].columns)}
    found = {}
    for index, header in enumerate(drawn[1]):
        chosen = st.session_state.get(f"imp_map_{index}", AUTO)
        if chosen in allowed:
            found[header] = chosen
    return found


def _use(headers: list[str], mapping: dict[str, str]) -> None:
    """Button callback: a saved format's choices into the step's widgets."""
    for index, header in enumerate(headers):
        st.session_state[f"imp_map_{index}"] = mapping.get(header, AUTO)


def save_after_commit(kind: str, headers: list[str], mapped: dict[str, str], username: str) -> int | None:
    """Save the confirmed mapping under the name typed in ``imp_format_name`` (if any)."""
    name = (st.session_state.get("imp_format_name") or "").strip()
    if not name or not mapped:
        return None
    return formats.save(kind, name, headers, mapped, user=username)


def saved_formats(lang: str) -> None:
    """The saved formats, each removable."""
    listed = formats.listed()
    with st.expander(t("imp_formats_title")):
        if listed.empty:
            st.caption(t("imp_formats_none"))
            return
        st.dataframe(listed.rename(columns={"id": "#", "kind": t("imp_col_kind"), "name": t("imp_format_col_name"),
                                            "columns": t("imp_format_col_columns"), "created_by": t("imp_col_user"),
                                            "created_at": t("imp_col_when")}),
                     hide_index=True, width="stretch", key="imp_formats_table")
        labels = {int(r.id): f"#{r.id} · {r.name}" for r in listed.itertuples(index=False)}
        chosen = st.selectbox(t("imp_format_remove_pick"), options=list(labels), format_func=labels.get,
                              key="imp_format_remove_id")
        if st.button(t("imp_format_remove"), key="imp_format_remove", icon=":material/delete:"):
            formats.remove(int(chosen))
            st.rerun()


def _became(item, spec, lang: str) -> str:
    if item.role == "field":
        column = spec.column(item.field)
        return t("imp_role_field", field=column.header_en if lang == "en" else column.header)
    return t(f"imp_role_{item.role}")


def show(kind: str, report, lang: str, file_hash: str) -> None:
    """The step: a table of the columns and one choice per column (open when the file was refused
    for a reason a mapping can resolve). Option labels do not depend on the preview, so a choice
    keeps its value while the preview changes under it."""
    columns = getattr(report, "columns", []) or []
    if not columns:
        return
    st.session_state["imp_map_headers"] = ((kind, file_hash), [c.header for c in columns])
    spec = kinds.KINDS[kind]
    needed = report.file_error is not None and report.file_error.code in MAPPABLE
    headers = [c.header for c in columns]
    if not choices(kind, file_hash):
        for found in formats.matching(kind, headers):
            st.info(t("imp_format_offer", name=found["name"], who=found["created_by"], when=found["created_at"]))
            st.button(t("imp_format_use", name=found["name"]), key=f"imp_format_use_{found['id']}",
                      on_click=_use, args=(headers, found["mapping"]), icon=":material/input:")
    with st.expander(t("imp_map_title"), expanded=needed or any(c.role == "unaccounted" for c in columns)):
        st.caption(t("imp_map_intro"))
        st.dataframe(pd.DataFrame([(c.header, _became(c, spec, lang), ", ".join(c.sample)) for c in columns],
                                  columns=[t("imp_map_col_column"), t("imp_map_col_became"),
                                           t("imp_map_col_values")]),
                     hide_index=True, width="stretch", key="imp_map_table")
        for index, item in enumerate(columns):
            ranked = [field for field, _score in suggest.rank(spec, item.header, list(item.sample))]
            labels = {AUTO: t("imp_map_auto"), IGNORE: t("imp_map_ignore")}
            for field in ranked:
                column = spec.column(field)
                labels[field] = column.header_en if lang == "en" else column.header
            st.selectbox(item.header, options=list(labels), format_func=labels.get, key=f"imp_map_{index}",
                         help=t("imp_map_values", values=", ".join(item.sample) or "–"))
