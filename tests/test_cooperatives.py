"""The cooperative health queries, on real SQLite and real PostgreSQL.

Expected figures are computed here, independently of the SQL under test: the
registry and its RAT *years* are read with plain selects, and the rule is
applied in Python (``cooperatives.is_active`` on the set of RAT years, never
the stored ``run_length``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cache

import pandas as pd
import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from data_access import (
    cooperative_register,
    cooperative_reported,
    cooperative_summaries,
    cooperatives,
    preparation,
    records,
)
from data_access import engine as engine_module
from data_access.filters import Filters
from data_access.models_cooperatives import COOPERATIVE_JENIS, Cooperative, CooperativeCount, CooperativeRat
from data_access.models_reference import Province, Regency, Source


@dataclass(frozen=True)
class Coop:
    id: int
    name: str
    nik: str | None
    regency_code: str
    province_code: str
    founded_on: dt.date | None
    dissolved: bool
    jenis: str | None
    kelompok: str | None
    synthetic: bool
    rat_years: frozenset[int]


@cache
def registry_of(url: str) -> tuple[Coop, ...]:
    """Every cooperative with its RAT years, read with plain selects (cached per database)."""
    eng = engine_module.get_engine(url)
    with eng.connect() as conn:
        rats: dict[int, set[int]] = {}
        for coop_id, year in conn.execute(select(CooperativeRat.cooperative_id, CooperativeRat.year)):
            rats.setdefault(coop_id, set()).add(year)
        rows = conn.execute(
            select(Cooperative.id, Cooperative.name, Cooperative.nik, Cooperative.regency_code,
                   Regency.province_code, Cooperative.founded_on, Cooperative.dissolved, Cooperative.jenis,
                   Cooperative.kelompok, Source.kind)
            .join(Regency, Regency.code == Cooperative.regency_code)
            .join(Source, Source.id == Cooperative.source_id)
        ).all()
    return tuple(Coop(r.id, r.name, r.nik, r.regency_code, r.province_code, r.founded_on, bool(r.dissolved),
                      r.jenis, r.kelompok, r.kind == "synthetic", frozenset(rats.get(r.id, ())))
                 for r in rows)


def in_scope(c: Coop, f: Filters) -> bool:
    if f.regencies and c.regency_code not in f.regencies:
        return False
    if not f.regencies and f.provinces and c.province_code not in f.provinces:
        return False
    return not (f.real_only and c.synthetic)


def registered_in(c: Coop, f: Filters, year: int) -> bool:
    return in_scope(c, f) and not c.dissolved and (c.founded_on is None or c.founded_on.year <= year)


def active_in(c: Coop, f: Filters, year: int) -> bool:
    return registered_in(c, f, year) and cooperatives.is_active(set(c.rat_years), year, f.window)


def expected_counts(url: str, f: Filters, key) -> dict:
    """{key(coop): (registered, active)} in ``f.as_of_year`` by the Python rule."""
    reg, act = Counter(), Counter()
    for c in registry_of(url):
        if registered_in(c, f, f.as_of_year):
            reg[key(c)] += 1
            act[key(c)] += active_in(c, f, f.as_of_year)
    return {k: (reg[k], act[k]) for k in reg}


TODAY = dt.date(2026, 6, 1)
FILTER_CASES = {
    "national": Filters(today=TODAY),
    "national N=2": Filters(window=2, today=TODAY),
    "national until 2020": Filters(date_to=dt.date(2020, 12, 31), today=TODAY),
    "NTT": Filters(provinces=("53",), today=TODAY),
    "NTT + NTB, N=1": Filters(provinces=("52", "53"), window=1, today=TODAY),
    "Kab. Kupang and Belu": Filters(provinces=("53",), regencies=("53.01", "53.04"), today=TODAY),
    "real only": Filters(real_only=True, today=TODAY),
}


@pytest.fixture(params=list(FILTER_CASES))
def case(request):
    return FILTER_CASES[request.param]


def test_fixture_has_what_the_tests_need(db_url):
    coops = registry_of(db_url)
    assert len(coops) > 1000
    assert any(c.dissolved and c.rat_years for c in coops), "dissolved cooperatives with RAT rows"
    assert any(c.province_code == "53" for c in coops)


def test_health_by_area_provinces(db_engine, db_url, case):
    got = cooperatives.health_by_area(case, "provinsi", engine=db_engine)
    expected = expected_counts(db_url, case, lambda c: c.province_code)
    with db_engine.connect() as conn:
        provinces = set(conn.scalars(select(Province.code)))
    assert set(got["area_code"]) == (set(case.provinces) if case.provinces else provinces)
    for row in got.itertuples():
        registered, active = expected.get(row.area_code, (0, 0))
        assert (row.registered, row.active, row.inactive) == (registered, active, registered - active), row.area_code
        if registered:
            assert row.pct_active == pytest.approx(active / registered)
        else:
            assert pd.isna(row.pct_active)


@pytest.mark.parametrize("case", [c for c in FILTER_CASES.values() if c.provinces],
                         ids=[k for k, c in FILTER_CASES.items() if c.provinces])
def test_health_by_area_regencies(db_engine, db_url, case):
    got = cooperatives.health_by_area(case, "kabupaten_kota", engine=db_engine)
    expected = expected_counts(db_url, case, lambda c: c.regency_code)
    with db_engine.connect() as conn:
        in_provinces = set(conn.scalars(select(Regency.code).where(Regency.province_code.in_(case.provinces))))
    assert set(got["area_code"]) == (set(case.regencies) or in_provinces)
    for row in got.itertuples():
        assert (row.registered, row.active) == expected.get(row.area_code, (0, 0)), row.area_code
        assert row.province_code == row.area_code[:2]


def test_health_by_jenis(db_engine, db_url, case):
    got = cooperatives.health_by_jenis(case, engine=db_engine)
    expected = expected_counts(db_url, case, lambda c: c.jenis)
    assert list(got["jenis"])[:len(COOPERATIVE_JENIS)] == list(COOPERATIVE_JENIS)
    for row in got.itertuples():
        key = row.jenis if isinstance(row.jenis, str) else None
        assert (row.registered, row.active) == expected.get(key, (0, 0)), key
    assert got["registered"].sum() == sum(r for r, _ in expected.values())


def test_trend_by_year(db_engine, db_url, case):
    got = cooperatives.trend_by_year(case, engine=db_engine)
    years = list(range(cooperatives.TREND_START_YEAR, case.as_of_year + 1))
    assert list(got["year"]) == years
    coops = registry_of(db_url)
    for row in got.itertuples():
        registered = sum(registered_in(c, case, row.year) for c in coops)
        active = sum(active_in(c, case, row.year) for c in coops)
        assert (row.registered, row.active, row.inactive) == (registered, active, registered - active), row.year
    # the last year is the headline figure
    totals = cooperatives.health_by_area(case, "provinsi", engine=db_engine)
    assert (got["registered"].iloc[-1], got["active"].iloc[-1]) == (totals["registered"].sum(), totals["active"].sum())


@pytest.mark.parametrize("query, key, args", [
    (cooperatives.health_by_area, "area_code", ("provinsi",)),
    (cooperatives.health_by_area, "area_code", ("kabupaten_kota",)),
    (cooperatives.health_by_jenis, "jenis", ()),
    (cooperatives.trend_by_year, "year", ()),
])
def test_registered_synthetic_is_what_real_only_leaves_out(db_engine, case, query, key, args):
    """The demo share read in the same query equals the figure minus the same figure with "real data only"."""
    got = query(case, *args, engine=db_engine)
    real = query(dataclasses.replace(case, real_only=True), *args, engine=db_engine)
    real_by_key = dict(zip(real[key].fillna("").astype(str), real["registered"], strict=True))
    expected = got["registered"] - got[key].fillna("").astype(str).map(real_by_key).fillna(0)
    assert got["registered_synthetic"].tolist() == expected.astype("int64").tolist()
    if case.real_only:
        assert not got["registered_synthetic"].any()
    else:
        assert got["registered_synthetic"].sum() > 0  # the fixture holds demo cooperatives


def test_rat_year_span(db_engine, db_url):
    years = {y for c in registry_of(db_url) for y in c.rat_years}
    span = cooperatives.rat_year_span(engine=db_engine)
    assert (span["first_year"].iloc[0], span["last_year"].iloc[0]) == (min(years), max(years))


def test_rat_year_span_of_an_empty_registry(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    span = cooperatives.rat_year_span(engine=eng)
    assert span["first_year"].isna().all() and span["last_year"].isna().all()


def test_trend_starts_where_asked_and_can_be_empty(db_engine):
    f = Filters(today=TODAY)
    assert list(cooperatives.trend_by_year(f, 2023, engine=db_engine)["year"]) == [2023, 2024, 2025]
    empty = cooperatives.trend_by_year(f, 2030, engine=db_engine)
    assert empty.empty and list(empty.columns) == cooperatives.TREND_COLUMNS


def _registry_expected(url: str, f: Filters, search: str = "") -> list[Coop]:
    term = search.strip().lower()
    return [c for c in registry_of(url) if registered_in(c, f, f.as_of_year)
            and (not term or term in c.name.lower() or term in (c.nik or "").lower())]


def test_registry_pages_cover_the_scope_once(db_engine, db_url):
    f = Filters(provinces=("53",), today=TODAY)
    expected = {c.id: c for c in _registry_expected(db_url, f)}
    size = cooperative_register.registry_size(f, engine=db_engine)
    assert list(size.columns) == ["rows"] and size["rows"].iloc[0] == len(expected)
    seen = []
    for offset in range(0, len(expected) + 50, 50):
        page = cooperative_register.registry(f, limit=50, offset=offset, engine=db_engine)
        assert list(page.columns) == cooperative_register.REGISTRY_COLUMNS
        assert len(page) <= 50
        assert list(page["regency_code"]) == sorted(page["regency_code"])
        seen.extend(page.to_dict("records"))
    assert sorted(r["id"] for r in seen) == sorted(expected)
    for r in seen:
        c = expected[r["id"]]
        assert (r["name"], r["nik"], r["regency_code"], r["jenis"], r["kelompok"]) == (
            c.name, c.nik, c.regency_code, c.jenis, c.kelompok)
        last = max((y for y in c.rat_years if y <= f.as_of_year), default=None)
        assert (None if pd.isna(r["last_rat_year"]) else r["last_rat_year"]) == last
        assert r["active"] == active_in(c, f, f.as_of_year)
        assert r["regency_name"]


def test_registry_limit_and_search(db_engine, db_url):
    f = Filters(today=TODAY)
    assert len(cooperative_register.registry(f, engine=db_engine)) == min(cooperative_register.REGISTRY_PAGE_SIZE,
                                                                  len(_registry_expected(db_url, f)))
    for term in ("sejahtera", "MAKMUR", "sim-042000000012"):
        expected = {c.id for c in _registry_expected(db_url, f, term)}
        assert expected, term
        got = cooperative_register.registry(f, term, limit=100_000, engine=db_engine)
        assert set(got["id"]) == expected, term
        assert cooperative_register.registry_size(f, term, engine=db_engine)["rows"].iloc[0] == len(expected)


SEARCH_NAMES = ["Koperasi 100% Maju", "Koperasi 1000 Maju", "KSP_Makmur", "KSPXMakmur", "Koperasi Back\\slash",
                "Koperasi Backslash", "Koperasi A/B", "Koperasi AXB"]


@pytest.fixture
def search_engine(prepared_db_url):
    """A fresh database whose registry holds names with LIKE wildcards and escape characters in them."""
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    with Session(eng) as s, s.begin():
        src = Source(key="test:search", kind="manual", outlet="test")
        s.add(src)
        s.flush()
        for i, name in enumerate(SEARCH_NAMES):
            s.add(Cooperative(name=name, nik=f"53{i:02d}_X", regency_code="53.01", founded_on=dt.date(2000, 1, 1),
                              source_id=src.id))
    return eng


@pytest.mark.parametrize(("term", "must_be"), [
    ("100%", {"Koperasi 100% Maju"}),
    ("p_m", {"KSP_Makmur"}),
    ("ksp", {"KSP_Makmur", "KSPXMakmur"}),
    ("back\\", {"Koperasi Back\\slash"}),
    ("a/b", {"Koperasi A/B"}),
    ("5302_x", {"KSP_Makmur"}),
    ("%", None),
    ("_", None),
    ("/", None),
    ("  maju ", None),
])
def test_search_is_plain_text(search_engine, term, must_be):
    f = Filters(today=TODAY)
    got = cooperative_register.registry(f, term, engine=search_engine)
    needle = term.strip().lower()
    expected = {name for i, name in enumerate(SEARCH_NAMES) if needle in name.lower() or needle in f"53{i:02d}_x"}
    assert set(got["name"]) == expected
    if must_be is not None:
        assert expected == must_be
    assert cooperative_register.registry_size(f, term, engine=search_engine)["rows"].iloc[0] == len(expected)


@pytest.fixture
def odd_engine(prepared_db_url):
    """Data the demo never makes: RAT rows before founding, dissolved cooperatives with a run, no jenis."""
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    cases = [  # regency, founded, dissolved, jenis, RAT years
        ("53.01", dt.date(2021, 6, 1), False, "jasa", range(2017, 2026)),  # RAT before founding
        ("53.01", dt.date(2010, 1, 1), True, "konsumen", range(2015, 2026)),  # dissolved
        ("53.04", None, False, None, range(2019, 2026)),  # founding date and jenis unknown
        ("62.01", dt.date(2010, 1, 1), False, "produsen", [2015, 2016, 2018, 2019, 2020, 2022, 2023, 2024, 2025]),
        ("62.01", dt.date(2024, 3, 1), False, "produsen", [2024, 2025]),  # founded inside the trend
        ("64.72", dt.date(2030, 1, 1), False, "jasa", [2024, 2025]),  # founded after as-of year
        ("64.72", dt.date(2025, 12, 31), False, "jasa", []),  # founded on the last day of the as-of year
        ("64.72", dt.date(2024, 12, 31), False, "jasa", [2025]),
    ]
    with Session(eng) as s, s.begin():
        src = Source(key="test:odd", kind="manual", outlet="test")
        s.add(src)
        s.flush()
        for regency, founded, dissolved, jenis, years in cases:
            coop = Cooperative(name=f"odd {regency}", regency_code=regency, founded_on=founded, dissolved=dissolved,
                               jenis=jenis, source_id=src.id)
            s.add(coop)
            s.flush()
            if years:
                s.execute(insert(CooperativeRat), [{"cooperative_id": coop.id, "year": y, "run_length": 1}
                                                   for y in years])
                records.recompute_runs(s, [coop.id])
        cooperative_summaries.refresh(s)  # what every writer of the registry does
    return eng


@pytest.mark.parametrize("f", [Filters(today=TODAY), Filters(window=2, today=TODAY),
                               Filters(provinces=("53", "62"), today=TODAY), Filters(real_only=True, today=TODAY)])
def test_odd_data_whole_registry_and_area_paths_agree_with_the_rule(odd_engine, f):
    url = odd_engine.url.render_as_string(hide_password=False)
    coops = registry_of(url)
    trend = cooperatives.trend_by_year(f, engine=odd_engine)
    for row in trend.itertuples():
        assert row.registered == sum(registered_in(c, f, row.year) for c in coops), row.year
        assert row.active == sum(active_in(c, f, row.year) for c in coops), row.year
    jenis = cooperatives.health_by_jenis(f, engine=odd_engine)
    jenis = jenis.assign(key=jenis["jenis"].fillna("?")).set_index("key")
    expected = expected_counts(url, f, lambda c: c.jenis or "?")
    assert {k for k, r in jenis["registered"].items() if r} == set(expected)
    for key, (registered, active) in expected.items():
        assert (jenis.loc[key, "registered"], jenis.loc[key, "active"]) == (registered, active), key
    areas = cooperatives.health_by_area(f, "provinsi", engine=odd_engine).set_index("area_code")
    for key, (registered, active) in expected_counts(url, f, lambda c: c.province_code).items():
        assert (areas.loc[key, "registered"], areas.loc[key, "active"]) == (registered, active), key


def _expected_reported(eng, f: Filters) -> pd.DataFrame:
    with eng.connect() as conn:
        rows = pd.DataFrame(conn.execute(
            select(CooperativeCount.id, CooperativeCount.area_code, CooperativeCount.regency_code,
                   CooperativeCount.province_code, CooperativeCount.as_of, CooperativeCount.total,
                   CooperativeCount.active, CooperativeCount.inactive, Source.kind, Source.outlet)
            .join(Source, Source.id == CooperativeCount.source_id)).all(),
            columns=["id", "area_code", "regency_code", "province_code", "as_of", "total", "active", "inactive",
                     "kind", "outlet"])
    keep = pd.Series(True, index=rows.index)
    if f.regencies:
        keep &= rows["regency_code"].isin(f.regencies)
    elif f.provinces:
        keep &= rows["province_code"].isin(f.provinces)
    if f.date_from:
        keep &= rows["as_of"] >= f.date_from
    if f.date_to:
        keep &= rows["as_of"] <= f.date_to
    if f.real_only:
        keep &= rows["kind"] != "synthetic"
    return rows[keep]


@pytest.mark.parametrize("f", [
    Filters(today=TODAY), Filters(provinces=("53",), today=TODAY),
    Filters(provinces=("53",), regencies=("53.01",), today=TODAY),
    Filters(date_from=dt.date(2019, 1, 1), date_to=dt.date(2022, 12, 31), today=TODAY),
    Filters(real_only=True, provinces=("62", "64"), today=TODAY),
])
def test_reported_counts_as_reported(db_engine, f):
    got = cooperative_reported.reported_counts(f, engine=db_engine)
    expected = _expected_reported(db_engine, f)
    assert list(got.columns) == cooperative_reported.REPORTED_COLUMNS
    assert sorted(got["id"]) == sorted(expected["id"])
    merged = got.merge(expected, on="id", suffixes=("", "_raw"))
    for column in ("total", "active", "inactive"):
        assert merged[column].astype("Float64").equals(merged[f"{column}_raw"].astype("Float64")), column
    # flagged where all three are known and do not add up, as recomputed here
    for row in merged.itertuples():
        known = not (pd.isna(row.total) or pd.isna(row.active) or pd.isna(row.inactive))
        assert row.inconsistent == (known and row.total != row.active + row.inactive), row.id
    assert list(got["area_code"]) == sorted(got["area_code"])


def test_reported_counts_kab_kupang_and_flags(db_engine):
    kupang = cooperative_reported.reported_counts(Filters(provinces=("53",), regencies=("53.01",), today=TODAY),
                                          engine=db_engine)
    assert len(kupang) == 1
    row = kupang.iloc[0]
    assert (row.total, row.active, row.inactive) == (401, 157, 244)
    assert row.outlet == "swaratimor.co.id" and row.area_name == "Kabupaten Kupang"
    assert row.as_of == dt.date(2022, 12, 1) and not row.inconsistent and not row.approximate

    ntt = cooperative_reported.reported_counts(Filters(provinces=("53",), today=TODAY), engine=db_engine)
    tribun = ntt[(ntt["outlet"] == "kupang.tribunnews.com") & (ntt["area_code"] == "53")].iloc[0]
    assert (tribun.total, tribun.active, tribun.inactive, tribun.inconsistent) == (4146, 3776, 352, True)
    haluan = ntt[ntt["outlet"] == "haluanntt.com"].iloc[0]
    assert haluan.approximate
    kota = ntt[ntt["area_code"] == "53.71"].iloc[0]
    assert kota.total == 611 and pd.isna(kota.active) and pd.isna(kota.inactive) and not kota.inconsistent
    assert set(ntt["area_code"]) == {"53", "53.01", "53.71"}
