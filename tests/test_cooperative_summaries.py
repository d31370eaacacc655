"""The derived summary tables stay equal to the registry they summarise, on both backends.

Expected rows are computed here in Python from the raw ``cooperative`` and
``cooperative_rat`` rows, not with the SELECTs of ``cooperative_summaries``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import delete, func, select, update

from data_access import (
    auth,
    cooperative_register,
    cooperative_summaries,
    cooperatives,
    demo,
    imports,
    preparation,
    records,
)
from data_access import engine as engine_module
from data_access.filters import MAX_WINDOW, Filters
from data_access.models_cooperatives import Cooperative, CooperativeActivity, CooperativeRat, CooperativeRegistered
from tests.migration_helpers import demo_database_at
from tests.test_imports import ODS_HEADER, PASSWORD, REGISTRY_ROWS, csv_bytes, ods_row

TODAY = dt.date(2024, 6, 1)  # as-of year 2023, the RAT year of the registry file


def expected_summaries(eng) -> tuple[Counter, Counter]:
    with eng.connect() as conn:
        coops = {cid: (regency, jenis or "", source_id, founded, dissolved)
                 for cid, regency, jenis, source_id, founded, dissolved in conn.execute(
                     select(Cooperative.id, Cooperative.regency_code, Cooperative.jenis, Cooperative.source_id,
                            Cooperative.founded_on, Cooperative.dissolved))}
        rats = conn.execute(select(CooperativeRat.cooperative_id, CooperativeRat.year,
                                   CooperativeRat.run_length)).all()
    registered, activity = Counter(), Counter()
    founding_years = [f.year for _r, _j, _s, f, dissolved in coops.values() if f and not dissolved]
    years = range(min(founding_years) - 1, max(founding_years) + 1) if founding_years else [0]
    for regency, jenis, source_id, founded, dissolved in coops.values():
        if not dissolved:
            for year in years:
                if founded is None or founded.year <= year:
                    registered[(year, regency, jenis, source_id)] += 1
    for cid, year, run in rats:
        regency, jenis, source_id, founded, dissolved = coops[cid]
        if not dissolved and (founded is None or founded.year <= year):
            for window in range(1, min(run, MAX_WINDOW) + 1):
                activity[(year, window, regency, jenis, source_id)] += 1
    return registered, activity


def stored_summaries(eng) -> tuple[Counter, Counter]:
    with eng.connect() as conn:
        registered = Counter({(y, r, j, s): n for y, r, j, s, n in conn.execute(
            select(CooperativeRegistered.year, CooperativeRegistered.regency_code,
                   CooperativeRegistered.jenis, CooperativeRegistered.source_id,
                   CooperativeRegistered.cooperatives))})
        activity = Counter({(y, w, r, j, s): n for y, w, r, j, s, n in conn.execute(
            select(CooperativeActivity.year, CooperativeActivity.window_years, CooperativeActivity.regency_code,
                   CooperativeActivity.jenis, CooperativeActivity.source_id, CooperativeActivity.cooperatives))})
    return registered, activity


def test_demo_writes_and_refresh_keep_the_summaries_equal_to_the_registry(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    assert stored_summaries(eng) == (Counter(), Counter())
    demo.generate(eng, "small")
    assert stored_summaries(eng) == expected_summaries(eng)
    assert sum(stored_summaries(eng)[1].values()) > 0

    # direct writes the demo never makes: dissolved, unknown jenis and founding date, RAT before founding
    with engine_module.session_scope(eng) as s:
        ids = s.scalars(select(Cooperative.id).order_by(Cooperative.id).limit(40)).all()
        s.execute(update(Cooperative).where(Cooperative.id.in_(ids[:10])).values(dissolved=True))
        s.execute(update(Cooperative).where(Cooperative.id.in_(ids[10:20])).values(jenis=None, founded_on=None))
        s.execute(update(Cooperative).where(Cooperative.id.in_(ids[20:30])).values(founded_on=dt.date(2022, 7, 1)))
        s.execute(delete(CooperativeRat).where(CooperativeRat.cooperative_id.in_(ids[30:40]),
                                               CooperativeRat.year == 2022))
        records.recompute_runs(s, ids[30:40])
        cooperative_summaries.refresh(s)
    assert stored_summaries(eng) == expected_summaries(eng)

    demo.remove(eng, "small")
    assert stored_summaries(eng) == (Counter(), Counter())


def test_downgrade_to_the_first_form_fills_it_from_the_registry(empty_db_url):
    from sqlalchemy import text

    eng = demo_database_at(empty_db_url, "0003")
    with eng.connect() as conn:
        registered = conn.execute(text("SELECT SUM(cooperatives) FROM cooperative_registered")).scalar()
        coops = conn.execute(text("SELECT COUNT(*) FROM cooperative WHERE NOT dissolved")).scalar()
        activity = conn.execute(text("SELECT year, run_length, SUM(cooperatives) FROM cooperative_activity "
                                     "GROUP BY year, run_length")).all()
    _registered, expected = expected_summaries(eng)  # the present form: per window, so runs are differences
    per_window = Counter()
    for (year, window, *_rest), n in expected.items():
        per_window[(year, window)] += n
    runs = {(year, run): per_window[(year, run)] - per_window[(year, run + 1)] for year, run in per_window}
    assert int(registered) == int(coops) > 0
    assert {(y, r): int(n) for y, r, n in activity} == {k: n for k, n in runs.items() if n}
    engine_module.migrate(eng)
    assert stored_summaries(eng) == expected_summaries(eng)


def test_migration_fills_the_summaries_of_an_existing_registry(empty_db_url):
    eng = demo_database_at(empty_db_url, "0002")
    engine_module.migrate(eng)
    assert stored_summaries(eng) == expected_summaries(eng)


def _raw_health(eng, f: Filters, regencies: list[str]) -> dict[str, tuple[int, int]]:
    """Registered / active per kab/kota counted from the raw tables (the rule, not the summaries)."""
    year = f.as_of_year
    with eng.connect() as conn:
        coops = conn.execute(select(Cooperative.id, Cooperative.regency_code, Cooperative.founded_on)
                             .where(Cooperative.dissolved.is_(False), Cooperative.regency_code.in_(regencies))).all()
        runs = dict(conn.execute(select(CooperativeRat.cooperative_id, CooperativeRat.run_length)
                                 .where(CooperativeRat.year == year)).all())
    out = {r: (0, 0) for r in regencies}
    for cid, regency, founded in coops:
        if founded is None or founded <= dt.date(year, 12, 31):
            registered, active = out[regency]
            out[regency] = (registered + 1, active + int(runs.get(cid, 0) >= f.window))
    return out


def test_registry_import_and_undo_change_the_health_figures(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    demo.generate(eng, "small")
    auth.add_user("ntt", role="editor", password=PASSWORD, province_code="53", actor="test", engine=eng)
    f = Filters(provinces=("53",), window=1, today=TODAY)
    regencies = ["53.01", "53.04", "53.71"]

    def shown() -> dict[str, tuple[int, int]]:
        frame = cooperatives.health_by_area(f, "kabupaten_kota", engine=eng).set_index("area_code")
        return {r: (int(frame.loc[r, "registered"]), int(frame.loc[r, "active"])) for r in regencies}

    before = shown()
    assert before == _raw_health(eng, f, regencies)
    report = imports.commit("registry", csv_bytes(REGISTRY_ROWS, ";", "cp1252"), "ods_ntt.csv", user="ntt",
                            engine=eng)
    assert report.committed and report.counts["new"] == 3
    after = shown()
    assert after == _raw_health(eng, f, regencies)
    # Kab. Kupang and Kota Kupang held their RAT in 2023; Belu's cooperative has none
    assert after == {"53.01": (before["53.01"][0] + 1, before["53.01"][1] + 1),
                     "53.04": (before["53.04"][0] + 1, before["53.04"][1]),
                     "53.71": (before["53.71"][0] + 1, before["53.71"][1] + 1)}
    assert stored_summaries(eng) == expected_summaries(eng)

    assert imports.undo(report.batch_id, user="ntt", engine=eng).done
    assert shown() == before
    assert stored_summaries(eng) == expected_summaries(eng)


def test_any_year_reads_the_registry_of_that_year_from_the_cumulative_summary(prepared_db_url):
    """Years before the first stored year, between foundings and after the last: as counted from the raw rows."""
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    demo.generate(eng, "small")
    regencies = ["53.01", "53.04", "53.71"]
    with engine_module.session_scope(eng) as s:
        ids = s.scalars(select(Cooperative.id).where(Cooperative.regency_code.in_(regencies))
                        .order_by(Cooperative.id).limit(9)).all()
        s.execute(update(Cooperative).where(Cooperative.id.in_(ids[:3])).values(founded_on=None))
        s.execute(update(Cooperative).where(Cooperative.id.in_(ids[3:6])).values(founded_on=dt.date(1931, 5, 2)))
        cooperative_summaries.refresh(s)
    with eng.connect() as conn:
        first, last = conn.execute(select(func.min(CooperativeRegistered.year),
                                          func.max(CooperativeRegistered.year))).one()
    assert first == 1930
    for as_of in (1900, 1930, 1931, 1950, last, last + 7):
        f = Filters(provinces=("53",), window=1, today=dt.date(as_of + 1, 3, 1))
        frame = cooperatives.health_by_area(f, "kabupaten_kota", engine=eng).set_index("area_code")
        shown = {r: (int(frame.loc[r, "registered"]), int(frame.loc[r, "active"])) for r in regencies}
        assert shown == _raw_health(eng, f, regencies), as_of
        size = int(cooperative_register.registry_size(f, engine=eng)["rows"].iloc[0])
        assert size == int(frame["registered"].sum()), as_of
    f = Filters(regencies=tuple(regencies), window=2, today=dt.date(last + 3, 1, 1))
    trend = cooperatives.trend_by_year(f, start_year=1929, engine=eng).set_index("year")
    for year in (1929, 1930, 1931, 2000, last, last + 2):
        expected = _raw_health(eng, Filters(regencies=tuple(regencies), window=2, today=dt.date(year + 1, 1, 1)),
                               regencies)
        assert int(trend.loc[year, "registered"]) == sum(r for r, _a in expected.values()), year
        assert int(trend.loc[year, "active"]) == sum(a for _r, a in expected.values()), year


def test_imports_rebuild_only_their_kab_kota_and_stay_equal_to_a_full_refresh(prepared_db_url):
    """A cooperative moved between kab/kota, and a founding year earlier than any (which moves every
    kab/kota's stored years): after each import and each undo the summaries equal the registry's."""
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    demo.generate(eng, "small")
    auth.add_user("ntt", role="editor", password=PASSWORD, province_code="53", actor="test", engine=eng)
    with engine_module.session_scope(eng) as s:  # counted in every stored year, so in the new earliest ones too
        unknown = s.scalars(select(Cooperative.id).where(Cooperative.regency_code == "53.04").limit(2)).all()
        s.execute(update(Cooperative).where(Cooperative.id.in_(unknown)).values(founded_on=None))
        cooperative_summaries.refresh(s)
    files = [
        REGISTRY_ROWS,
        [ODS_HEADER, ods_row("1", "Koperasi Produsen Sejahtera – Oelamasi", "12/03/1999", "15/03/2024",
                             "KOTA KUPANG", "NUSA TENGGARA TIMUR", "Produsen", "5301010010001", "1.240")],
        [ODS_HEADER, ods_row("9", "Koperasi Tua Soe", "17/08/1950", "2023", "Kabupaten Timor Tengah Selatan",
                             "NUSA TENGGARA TIMUR", "Konsumen", "5302010090009", "300")],
    ]
    batches = []
    for number, rows in enumerate(files):
        report = imports.commit("registry", csv_bytes(rows), f"ods_{number}.csv", user="ntt", engine=eng)
        assert report.committed, report
        batches.append(report.batch_id)
        assert stored_summaries(eng) == expected_summaries(eng), number
    with eng.connect() as conn:
        moved = conn.execute(select(Cooperative.regency_code).where(Cooperative.nik == "5301010010001")).scalar()
        span = cooperative_summaries.stored_years(conn)
    assert moved == "53.71" and span[0] == 1949  # the year before the earliest founding, 1950
    for batch_id in reversed(batches):
        assert imports.undo(batch_id, user="ntt", engine=eng).done
        assert stored_summaries(eng) == expected_summaries(eng), batch_id
