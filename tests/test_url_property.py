"""No link can break a page (issue 21): any combination of any declared URL parameter, plus unknown
ones, with values at and beyond every bound, empty, repeated, very long, unicode, codes of areas that
do not exist, ``kec`` without ``kab``, dates reversed.

- ``data_access.url_params`` / ``filters`` (pure, many examples): reading never raises; writing what
  was read and reading it again gives the same value with no note (parse ∘ write = id).
- The whole app under AppTest (few examples, each a full run of a page): no exception, the page's
  title shown, and the URL after the run canonical: opening it again gives the same URL, no note.

The cases Hypothesis found (or that crashed before) are kept as explicit ``@example``s. Examples are
derandomised so CI runs the same cases each time; raise ``PANTAU_PROPERTY_EXAMPLES`` to explore more.
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from data_access import filters as flt
from data_access import url_params
from data_access.url_params import PARAMS, Param
from tests.apptest_helpers import app
from ui.i18n import TEXT

PROVINCES = {"53", "62", "64"}
REGENCIES = {"53.01", "53.04", "53.71", "62.71"}
DISTRICTS = {"53.04.01", "53.71.02"}
TODAY = dt.date(2026, 11, 23)
EXAMPLES = int(os.environ.get("PANTAU_PROPERTY_EXAMPLES", "0"))

# page file → (URL path, title key)
PAGES = {"overview": ("ringkasan", "app_title"), "cooperatives": ("koperasi", "page_cooperatives"),
         "meetings": ("rakor", "page_meetings"), "pokja_status": ("pokja", "page_pokja"),
         "kdmp": ("merah-putih", "page_kdmp"), "maps": ("peta", "page_maps")}
HOSTILE = st.sampled_from(["", " ", ",", ",,53,", "x" * 300, "ē", "😀", "53' OR '1'='1", "<b>x</b>", "\u200b",
                           "1e3", "-1", "0", "00", "٣", "²", "9" * 30, "nan", "true", "2024-02-30", "2024-13-01"])


def _bounds(param: Param) -> st.SearchStrategy[str]:
    """Values at and just beyond the declared bounds, and well-formed values the widgets refuse."""
    if param.kind == "date":
        lo, hi = param.lo, param.hi
        return st.sampled_from([d.isoformat() for d in (lo, hi, lo - dt.timedelta(days=1), hi + dt.timedelta(days=1),
                                                        dt.date(1900, 1, 1), dt.date(2100, 12, 31))]) | st.dates(
            dt.date(1990, 1, 1), dt.date(2045, 1, 1)).map(dt.date.isoformat)
    if param.kind == "int":
        return st.sampled_from([param.lo, param.hi, param.lo - 1, param.hi + 1, param.default or 1]).map(str) \
            | st.integers(param.lo - 5, min(param.hi + 5, 10**6)).map(str)
    if param.kind == "month":
        return st.sampled_from(["2000-01", "2035-12", "1999-12", "2036-01", "2026-00", "2026-13", "2026-1"]) \
            | st.tuples(st.integers(1998, 2037), st.integers(0, 13)).map(lambda ym: f"{ym[0]:04d}-{ym[1]:02d}")
    if param.kind == "choices":
        return st.sampled_from([*param.choices, param.choices[0].upper(), "tidak_ada"])
    if param.kind == "bool":
        return st.sampled_from(["0", "1", "2", "yes"])
    if param.kind == "text":
        return st.text(max_size=120) | st.sampled_from(["kupang", "KSP", "x" * 101])
    if param.choices:  # sectors
        return st.lists(st.sampled_from([*param.choices, "bukan_sektor"]), max_size=4).map(",".join)
    codes = {"prov": ["53", "62", "99", "5", "530"], "kab": ["53.04", "53.71", "62.71", "53.99", "11.01", "5304"],
             "kec": ["53.04.01", "53.71.02", "53.99.01", "62.71.01"],
             "desa": ["53.04.01.2001", "53.71.02.1001", "99.99.99.9999", "53.04.01"]}[param.name]
    return st.lists(st.sampled_from(codes), max_size=4).map(",".join)


def _value(param: Param) -> st.SearchStrategy[str | list[str]]:
    one = _bounds(param) | HOSTILE
    return one | st.lists(one, min_size=2, max_size=3)  # a key repeated in the link


NAMES = sorted({p.name for p in PARAMS})
PAGE_NAMES = [n for n in NAMES if n != "snapshot"]  # a snapshot replaces the page: tests/test_app_briefing.py


def _links(names):
    return st.fixed_dictionaries({}, optional={
        **{name: _value(url_params.get(name)) for name in names},
        "bahasa": st.sampled_from(["id", "en", "fr", ""]),
        "zzz": HOSTILE, "utm_source": st.just("wa"),
    })


LINKS, PAGE_LINKS = _links(NAMES), _links(PAGE_NAMES)


def _parse(params):
    return flt.parse(params, known_provinces=PROVINCES, known_regencies=REGENCIES, known_districts=DISTRICTS,
                     today=TODAY)


# --- pure: every declaration ----------------------------------------------------------------------

@settings(max_examples=EXAMPLES or 300, deadline=None, derandomize=True, database=None)
@given(LINKS)
@example({"dari": "1999-01-01"})  # accepted by the old parser (1900–2100), refused by the date widget: crashed
@example({"sampai": "2036-01-01"})
@example({"n": "7"})  # accepted by the old parser (1–10), the slider stops at 5
@example({"dari": "2024-12-31", "sampai": "2019-01-01"})
@example({"kec": "53.04.01"})  # kec without kab
@example({"prov": ["53", "62"], "kab": "53.04,62.71,53.04"})
def test_reading_a_link_never_raises_and_writing_it_reads_back_the_same(params):
    filters, _ = _parse(params)
    written = flt.to_params(filters)
    again, notes = _parse(written)
    assert again == filters and notes == [] and flt.to_params(again) == written
    for param in PARAMS:
        if param.field is not None:
            continue
        value, _ = url_params.read(param, params.get(param.name))
        text = url_params.write(param, value)
        assert url_params.read(param, text) == (value if text is not None else param.default, [])


def test_declared_defaults_agree_with_the_rules_they_stand_for():
    from data_access import kdmp, pokja_rules

    assert url_params.get("macet").default == kdmp.STALLED_DAYS
    assert url_params.get("mandat").default == pokja_rules.DEFAULT_PROGRAMME
    assert set(url_params.get("mandat").choices) == set(pokja_rules.PROGRAMMES)
    assert flt.DEFAULT_WINDOW == url_params.get("n").default and url_params.WINDOW_MAX <= flt.MAX_WINDOW


# --- the app: every page --------------------------------------------------------------------------

def _link_notes(at) -> list[str]:
    return [w.value for w in at.main.warning if w.value.startswith(("Parameter tautan", "Link parameters"))]


def _check_page(page: str, params: dict) -> None:
    at = app(page, query=params)
    assert not at.exception, [e.value for e in at.exception]
    lang = at.session_state["lang"]
    title = TEXT[PAGES[page][1]][lang]
    assert [x.value for x in at.title][:1] == [title]
    canonical = {k: at.query_params[k] for k in at.query_params}
    again = app(page, query=canonical)
    assert not again.exception, [e.value for e in again.exception]
    assert {k: again.query_params[k] for k in again.query_params} == canonical
    assert _link_notes(again) == [], f"the canonical link {canonical} still has notes"


@settings(max_examples=EXAMPLES or 6, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(PAGES)), PAGE_LINKS)
@example("cooperatives", {"dari": "1999-01-01"})  # took down every page before issue 21
@example("meetings", {"sampai": "2036-01-01", "bulan": "2031-05", "rapat": "999999", "zzz": "1"})
@example("kdmp", {"macet": "-5", "hal": "9999", "desa": "99.99.99.9999", "kec": "53.04.01", "n": "7"})
@example("pokja_status", {"mandat": "foo", "prov": ["53", "53"], "dari": "2024-12-31", "sampai": "2019-01-01"})
def test_any_link_opens_its_page_with_a_canonical_url(page, params):
    _check_page(page, params)


def test_a_desa_link_lists_and_shows_that_desa_whatever_its_place_in_the_list(sqlite_url):
    """Issue 20 point 12: ``?desa=`` alone searches for that desa, so it is in view and chosen."""
    import sqlite3

    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as con:  # the last desa with a record: page > 1
        code = con.execute("SELECT v.code FROM village v JOIN kdmp k ON k.village_code = v.code "
                           "ORDER BY v.code DESC LIMIT 1").fetchone()[0]
    at = app("kdmp", query={"desa": code})
    assert not at.exception and not _link_notes(at)
    assert at.session_state["kdmp_history_desa"] == code
    assert at.query_params["desa"] == code and at.query_params["cari"] == code
