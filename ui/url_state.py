"""The URL ⇄ ``st.session_state`` for page settings and in-page choices, and the canonical link.

Every parameter is declared once in ``data_access.url_params``. ``dashboard.py`` calls, per run:

1. ``start(page)`` before the page draws: the first time a page is drawn in a session, its
   settings found in the URL (``?mandat=``, ``?macet=``, ``?bulan=``, ``?rapat=``, ``?hal=``,
   ``?desa=``, ``?cari=``) are read through their declaration into the widgets' session state; a
   value the declaration refuses is dropped with a note.
2. ``finish(page, filters, slot)`` after the page drew (also after ``st.stop()``): a value from the
   link that the page could not use (a meeting or desa not in view, a page past the last) is noted;
   the URL is rewritten to its canonical form (``write``); the notes are shown in ``slot``, a
   container at the top of the page (on a phone the sidebar is closed, so a note there went unseen).

Notes live in ``st.session_state["f_notes"]`` (the filter bar's notes of the shared filters go there
too) until the filters are cleared.
"""

from __future__ import annotations

import streamlit as st

from data_access import url_params
from data_access.filters import Filters, to_params
from ui.i18n import DEFAULT_LANGUAGE, current_language, t

NOTES_KEY = "f_notes"
GIVEN_KEY = "url_given"  # {state key: value} set from the link in this run, checked by finish()


def state_key(param: url_params.Param) -> str:
    """The session-state key of ``param``'s widget (the month picker has one per language)."""
    return param.state.replace("_id", f"_{st.session_state.get('lang', DEFAULT_LANGUAGE)}") \
        if param.state == "mtg_month_id" else param.state


def add_notes(notes: list[str]) -> None:
    st.session_state[NOTES_KEY] = [*st.session_state.get(NOTES_KEY, []), *notes]


def raw_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def start(page: str) -> None:
    """Load ``page``'s settings from the URL the first time the page is drawn in this session."""
    marker = f"url_loaded:{page}"
    if marker in st.session_state:
        return
    st.session_state[marker] = True
    params, given, notes = raw_params(), {}, []
    for param in url_params.for_page(page):
        if param.name not in params:
            continue
        value, dropped = url_params.read(param, params[param.name])
        notes += dropped
        if value is not None and value != param.default:
            st.session_state[state_key(param)] = value
            given[state_key(param)] = (param, value)
            if param.narrows and param.narrows not in params:  # e.g. ?desa= alone: search for that desa
                st.session_state[state_key(url_params.get(param.narrows, page))] = value
    st.session_state[GIVEN_KEY] = given
    add_notes(notes)


def finish(page: str, filters: Filters, slot) -> None:
    """Note link values the page replaced, write the canonical URL, show the notes in ``slot``."""
    for key, (param, value) in st.session_state.pop(GIVEN_KEY, {}).items():
        if st.session_state.get(state_key(param), key) != value:
            add_notes([url_params.note(param, url_params.write(param, value) or "",
                                       "tidak ada dalam tampilan ini", "not in this view")])
    write(page, filters)
    notes = st.session_state.get(NOTES_KEY) or []
    if notes:
        lang = current_language()
        said = [n.said(lang) if isinstance(n, url_params.LinkNote) else f"`{n}`" for n in notes]
        slot.warning(t("f_dropped") + ":\n\n" + "\n".join(f"- {n}" for n in said), icon=":material/link_off:")


def canonical(page: str, filters: Filters, params: dict[str, list[str]] | None = None) -> dict[str, str]:
    """The URL parameters of the view: the filters, ``page``'s settings from session state, the
    language, and the settings of other pages carried in the URL (rewritten; invalid ones left out)."""
    params = raw_params() if params is None else params
    wanted = to_params(filters)
    for param in url_params.PARAMS:
        if param.field is not None:
            continue
        if param.applies_to(page):
            value = st.session_state.get(state_key(param), param.default)
            if param.default is None and value is not None and value == _own_choice(param, value):
                continue  # what the page picks by itself (this month, the first meeting): not in the link
        elif param.name in params and not any(p.name == param.name and p.applies_to(page) for p in url_params.PARAMS):
            value, _ = url_params.read(param, params[param.name])
        else:
            continue
        text = url_params.write(param, value)
        if text is not None:
            wanted[param.name] = text
    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    if lang != DEFAULT_LANGUAGE:
        wanted[url_params.LANGUAGE_PARAM] = lang
    return wanted


def _own_choice(param: url_params.Param, value) -> object:
    """The value ``param``'s page picked by itself the first time it was drawn in this session (the
    current month, the first meeting listed, the first desa), or ``None`` when it came from the link.

    A choice whose default depends on the data (``default=None``) enters the link only once it differs
    from that, so a link names only what the reader chose, and opening it again picks the same."""
    key = f"url_own:{state_key(param)}"
    if key not in st.session_state:
        given = st.session_state.get(GIVEN_KEY, {}).get(state_key(param))
        st.session_state[key] = None if given is not None and given[1] == value else value
    return st.session_state[key]


def write(page: str, filters: Filters) -> None:
    """Make the URL the canonical link of the view (only when it differs)."""
    wanted = canonical(page, filters)
    if {k: st.query_params.get(k) for k in st.query_params} != wanted:
        st.query_params.from_dict(wanted)
