"""The shared filter bar: sidebar widgets ⇄ ``st.session_state`` ⇄ the URL.

On the first run of a session the URL parameters (``?prov=53&kab=53.04&dari=…``)
are parsed by ``data_access.filters.parse`` into the widgets' session state;
every run then writes the current filters back to ``st.query_params`` (``ui.url_state.write``),
so a copied link reproduces the view. Each parameter (URL key, state key, bounds) is declared once
in ``data_access.url_params``; the widgets take their bounds from there, so no link can give a
widget a value it refuses. Dropped parameters are noted at the top of the page (``ui.url_state``).
Widget keys are prefixed ``f_`` and drawn on every page by ``dashboard.py``, so
the filters survive page changes.
"""

from __future__ import annotations

import streamlit as st

from data_access import filters as flt
from data_access import regions, url_params, villages
from data_access.models_reference import SECTORS
from ui import date_echo, queries, url_state
from ui.i18n import t

STATE = {p.field: p.state for p in url_params.FILTERS}  # Filters field → session-state key
STATE_KEYS = tuple(STATE.values())


def _region_tables():
    return queries.run(regions.provinces), queries.run(regions.regencies)


def _load_from_url(provinces, regencies_df, page: str | None) -> None:
    params = url_state.raw_params()
    wanted_districts = flt.district_codes(params)
    known_districts = queries.run(villages.known_districts, wanted_districts) if wanted_districts else set()
    parsed, notes = flt.parse(params, known_provinces=set(provinces["code"]),
                              known_regencies=set(regencies_df["code"]), known_districts=known_districts)
    notes += st.session_state.pop("url_notes", [])  # e.g. an unknown ?bahasa=, noted by dashboard.py
    notes += url_params.unknown(params) + url_params.invalid_elsewhere(params, page)
    for field_name, key in STATE.items():
        value = getattr(parsed, field_name)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value
    url_state.add_notes(notes)


def current() -> flt.Filters:
    """The filters in session state (without drawing anything)."""
    values = {}
    for param in url_params.FILTERS:
        value = st.session_state.get(param.state, param.default)
        values[param.field] = tuple(value) if isinstance(param.default, tuple) else value
    values["real_only"], values["window"] = bool(values["real_only"]), int(values["window"])
    return flt.Filters(**values)


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


def render(page: str | None = None) -> flt.Filters:
    """Draw the filter bar in the sidebar and return the chosen filters (``page``: the URL path in view)."""
    provinces, regencies_df = _region_tables()
    if "f_prov" not in st.session_state:
        _load_from_url(provinces, regencies_df, page)
    province_names = dict(zip(provinces["code"], provinces["name"], strict=True))
    regency_names = dict(zip(regencies_df["code"], regencies_df["name"], strict=True))

    with st.sidebar:
        st.header(t("filters"))
        # select_all=False on every multiselect: typing part of a name and Enter must pick one option, not
        # Streamlit's English "Select N matches" bulk action; area names match as typed ("contains": "Nusa
        # Tenggara T" is Timur alone, where fuzzy matching also finds the t of "Barat") (issue 20 point 13)
        st.multiselect(t("f_province"), options=list(province_names), format_func=province_names.get,
                       key="f_prov", placeholder=t("all_provinces"), select_all=False,
                       filter_mode="contains")
        chosen = set(st.session_state["f_prov"])
        options = [c for c in regency_names if not chosen or c[:2] in chosen]
        st.session_state["f_kab"] = [c for c in st.session_state.get("f_kab", []) if c in options]
        st.multiselect(t("f_regency"), options=options, format_func=regency_names.get, key="f_kab",
                       placeholder=t("all_regencies"), select_all=False, filter_mode="contains")
        _district_select()
        bounds = {"min_value": url_params.DATE_MIN, "max_value": url_params.DATE_MAX, "format": "DD/MM/YYYY"}
        for label, key in (("f_date_from", "f_from"), ("f_date_to", "f_to")):
            # a typed 31/02 silently becomes 29/02: the chosen day said back in words (issue 20 point 10)
            date_echo.echo(st, st.date_input(t(label), key=key, **bounds))
        sector_names = {s: t(f"sector_{s}") for s in SECTORS}
        st.multiselect(t("f_sector"), options=list(SECTORS), format_func=sector_names.get, key="f_sektor",
                       placeholder=t("all_sectors"), select_all=False)
        st.slider(t("f_window"), min_value=url_params.WINDOW_MIN, max_value=url_params.WINDOW_MAX, key="f_n", help=t("f_window_help"))
        st.toggle(t("f_real_only"), key="f_nyata")
        st.button(t("f_reset"), on_click=_clear, width="stretch")

    filters = current()
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        filters = filters.with_(date_from=filters.date_to, date_to=filters.date_from)
    url_state.write(page, filters)
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
                   placeholder=t("all_districts"), help=t("f_district_help"), select_all=False,
                   filter_mode="contains")


def area_names() -> dict[str, str]:
    """Code → official name for provinces and kab/kota (for scope lines and labels)."""
    provinces, regencies_df = _region_tables()
    names = dict(zip(provinces["code"], provinces["name"], strict=True))
    names.update(zip(regencies_df["code"], regencies_df["name"], strict=True))
    return names
