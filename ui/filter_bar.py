"""The shared filter bar: sidebar widgets ⇄ ``st.session_state`` ⇄ the URL.

On the first run of a session the URL parameters (``?prov=53&kab=53.04&dari=…``)
are parsed by ``data_access.filters.parse`` into the widgets' session state;
every run then writes the current filters back to ``st.query_params``, so a
copied link reproduces the view. Dropped parameters are shown as a note.
Widget keys are prefixed ``f_`` and drawn on every page by ``dashboard.py``, so
the filters survive page changes.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from data_access import filters as flt
from data_access import regions, villages
from data_access.models_reference import SECTORS
from ui import queries
from ui.i18n import t

STATE_KEYS = ("f_prov", "f_kab", "f_kec", "f_from", "f_to", "f_sektor", "f_nyata", "f_n")
PAGE_PARAMS = ("bahasa", "mandat", "macet", "snapshot")  # parameters the filter bar leaves alone (language, page settings)


def _region_tables():
    return queries.run(regions.provinces), queries.run(regions.regencies)


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _load_from_url(provinces, regencies_df) -> None:
    params = _url_params()
    wanted_districts = flt.district_codes(params)
    known_districts = queries.run(villages.known_districts, wanted_districts) if wanted_districts else set()
    parsed, notes = flt.parse(params, known_provinces=set(provinces["code"]),
                              known_regencies=set(regencies_df["code"]), known_districts=known_districts)
    notes += st.session_state.pop("url_notes", [])  # e.g. an unknown ?bahasa=, noted by dashboard.py
    st.session_state.update({
        "f_prov": list(parsed.provinces), "f_kab": list(parsed.regencies), "f_kec": list(parsed.districts),
        "f_from": parsed.date_from, "f_to": parsed.date_to, "f_sektor": list(parsed.sectors),
        "f_nyata": parsed.real_only, "f_n": parsed.window, "f_notes": notes,
    })


def current() -> flt.Filters:
    """The filters in session state (without drawing anything)."""
    state = st.session_state
    return flt.Filters(
        provinces=tuple(state.get("f_prov", ())), regencies=tuple(state.get("f_kab", ())),
        districts=tuple(state.get("f_kec", ())),
        date_from=state.get("f_from"), date_to=state.get("f_to"), sectors=tuple(state.get("f_sektor", ())),
        real_only=bool(state.get("f_nyata", False)), window=int(state.get("f_n", flt.DEFAULT_WINDOW)),
    )


def _clear() -> None:
    for key in STATE_KEYS:
        st.session_state.pop(key, None)
    st.session_state["f_notes"] = []


def select_area(code: str) -> None:
    """Make one area the filter (a click on a chart or map)."""
    st.session_state["f_kec"] = []
    if "." in code:
        st.session_state["f_prov"] = [code[:2]]
        st.session_state["f_kab"] = [code]
    else:
        st.session_state["f_prov"] = [code]
        st.session_state["f_kab"] = []


def render() -> flt.Filters:
    """Draw the filter bar in the sidebar and return the chosen filters."""
    provinces, regencies_df = _region_tables()
    if "f_prov" not in st.session_state:
        _load_from_url(provinces, regencies_df)
    province_names = dict(zip(provinces["code"], provinces["name"], strict=True))
    regency_names = dict(zip(regencies_df["code"], regencies_df["name"], strict=True))

    with st.sidebar:
        st.header(t("filters"))
        st.multiselect(t("f_province"), options=list(province_names), format_func=province_names.get,
                       key="f_prov", placeholder=t("all_provinces"))
        chosen = set(st.session_state["f_prov"])
        options = [c for c in regency_names if not chosen or c[:2] in chosen]
        st.session_state["f_kab"] = [c for c in st.session_state.get("f_kab", []) if c in options]
        st.multiselect(t("f_regency"), options=options, format_func=regency_names.get, key="f_kab",
                       placeholder=t("all_regencies"))
        _district_select()
        bounds = {"min_value": dt.date(2000, 1, 1), "max_value": dt.date(2035, 12, 31), "format": "DD/MM/YYYY"}
        st.date_input(t("f_date_from"), key="f_from", **bounds)
        st.date_input(t("f_date_to"), key="f_to", **bounds)
        sector_names = {s: t(f"sector_{s}") for s in SECTORS}
        st.multiselect(t("f_sector"), options=list(SECTORS), format_func=sector_names.get, key="f_sektor",
                       placeholder=t("all_sectors"))
        st.slider(t("f_window"), min_value=flt.MIN_WINDOW, max_value=5, key="f_n", help=t("f_window_help"))
        st.toggle(t("f_real_only"), key="f_nyata")
        st.button(t("f_reset"), on_click=_clear, width="stretch")
        notes = st.session_state.get("f_notes") or []
        if notes:
            st.warning(t("f_dropped") + ":\n\n" + "\n".join(f"- `{n}`" for n in notes))

    filters = current()
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        filters = filters.with_(date_from=filters.date_to, date_to=filters.date_from)
    _write_url(filters)
    return filters


def _district_select() -> None:
    """Kecamatan of the chosen kab/kota (asked from the database only once some are chosen); with no
    kab/kota chosen there is no kecamatan choice (the cascade province → kab/kota → kecamatan)."""
    regencies = tuple(st.session_state.get("f_kab", ()))
    chosen = st.session_state.get("f_kec", [])
    if not regencies:
        st.session_state["f_kec"] = []
        return
    districts = queries.run(villages.districts_of, regencies)
    names = dict(zip(districts["district_code"], districts["district_name"], strict=True))
    st.session_state["f_kec"] = [c for c in chosen if c in names]
    st.multiselect(t("f_district"), options=list(names), format_func=lambda c: f"{names[c]} ({c})", key="f_kec",
                   placeholder=t("all_districts"), help=t("f_district_help"))


def _write_url(filters: flt.Filters) -> None:
    wanted = flt.to_params(filters)
    for key in PAGE_PARAMS:
        if key in st.query_params:
            wanted[key] = st.query_params[key]
    if {k: st.query_params.get(k) for k in st.query_params} != wanted:
        st.query_params.from_dict(wanted)


def area_names() -> dict[str, str]:
    """Code → official name for provinces and kab/kota (for scope lines and labels)."""
    provinces, regencies_df = _region_tables()
    names = dict(zip(provinces["code"], provinces["name"], strict=True))
    names.update(zip(regencies_df["code"], regencies_df["name"], strict=True))
    return names
