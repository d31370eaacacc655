"""data_access.pokja and pokja_rules on both backends: Pokja status per kab/kota, shares per province, history.

Expectations come from the published facts (seed_data/real_facts.json, described in
research/real-data.md) or from ``reference``: the mandate rule re-implemented in plain
Python over raw rows, never from the SQL under test.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import engine as engine_module
from data_access import pokja, pokja_rules, preparation, records
from data_access.engine import session_scope
from data_access.filters import Filters
from data_access.models_pokja import Mandate, Pokja, PokjaStageChange
from data_access.models_reference import Regency, Source

TODAY = dt.date(2024, 5, 9)
MOU = "MOU-NTT-2019-POKJA-PMI"
KEPMENAKER = "KEPMENAKER-37-2022-SATGAS-PPMI"
MOU_ISSUED = dt.date(2019, 5, 9)
RANKS = {"belum_dibentuk": 1, "persiapan": 2, "terbentuk": 3}


# --- the rule in plain Python ---------------------------------------------------------

def reference(engine, filters: Filters, programme: str = "pokja_pmi") -> dict:
    """Mandated kab/kota, rows and best stages computed from raw rows with the documented rule,
    over the mandates of one programme."""
    with Session(engine) as s:
        province_of = dict(s.execute(select(Regency.code, Regency.province_code)).all())
        synthetic = set(s.scalars(select(Source.id).where(Source.kind == "synthetic")))
        mandates = {m.id: m for m in s.scalars(select(Mandate).where(Mandate.programme == programme))}
        pokjas = [p for p in s.scalars(select(Pokja)) if p.mandate_id in mandates]
        changes = list(s.scalars(select(PokjaStageChange)))

    def visible(source_id: int) -> bool:
        return not (filters.real_only and source_id in synthetic)

    def in_area(code: str) -> bool:
        if filters.regencies:
            return code in filters.regencies
        return not filters.provinces or province_of[code] in filters.provinces

    seen = [p for p in pokjas if visible(p.source_id)]
    live = {m_id: m for m_id, m in mandates.items() if visible(m.source_id)}
    provincial = defaultdict(set)
    for m in live.values():
        if m.province_code:
            provincial[m.province_code].add(m.code)
    applicable = defaultdict(set, {p: set(codes) for p, codes in provincial.items()})
    for m in live.values():
        if m.binds_every_regency:  # Keppres 9/2025: every kab/kota
            for province in set(province_of.values()):
                applicable[province].add(m.code)
    for p in seen:
        mandate = mandates[p.mandate_id]
        province = province_of[p.regency_code]
        if (mandate.id in live and mandate.province_code is None and not mandate.binds_every_regency
                and not provincial[province]):
            applicable[province].add(mandate.code)
    best = defaultdict(int)
    for p in seen:
        best[p.regency_code] = max(best[p.regency_code], RANKS[p.stage])
    mandated = {code for code in province_of if in_area(code) and (code in best or applicable[province_of[code]])}
    rows = {(p.regency_code, mandates[p.mandate_id].code, p.stage) for p in seen if in_area(p.regency_code)}
    rows |= {(code, m_code, pokja_rules.NO_REPORT) for code in mandated if code not in best
             for m_code in applicable[province_of[code]]}
    first = {}
    for c in changes:
        if visible(c.source_id):
            key = (c.pokja_id, c.stage)
            first[key] = min(first.get(key, c.changed_on), c.changed_on)
    dates = {(p.regency_code, mandates[p.mandate_id].code): {s: first.get((p.id, s)) for s in RANKS}
             for p in seen if in_area(p.regency_code)}
    stage_of = {code: pokja_rules.STAGE_OF_RANK[best.get(code, 0)] for code in mandated}
    return {"province_of": province_of, "mandated": mandated, "rows": rows, "dates": dates, "stage_of": stage_of}


def flag(value) -> bool | None:
    """A nullable boolean cell as True / False / None."""
    return None if pd.isna(value) else bool(value)


def ntt_codes(engine) -> set[str]:
    with Session(engine) as s:
        return set(s.scalars(select(Regency.code).where(Regency.province_code == "53")))


# --- the published facts ----------------------------------------------------------------

def test_real_ntt_rows_are_the_published_facts(db_engine):
    table = pokja.pokja_by_regency(Filters(provinces=("53",), real_only=True, today=TODAY), engine=db_engine)
    rows = {r.regency_code: r for r in table.itertuples()}
    assert len(table) == len(rows) == len(ntt_codes(db_engine)) == 22
    for code in ("53.04", "53.21"):
        row = rows[code]
        assert (row.stage, row.mandate_code, row.preparation_on) == ("persiapan", MOU, dt.date(2019, 8, 22))
        assert row.mandate_issued_on == MOU_ISSUED and row.formed_on is None
    kupang = rows["53.01"]
    assert (kupang.stage, kupang.mandate_code, kupang.formed_on) == ("terbentuk", KEPMENAKER, dt.date(2023, 6, 9))
    assert kupang.sk_number == "Keputusan Bupati Kupang No. 224/KEP/HK/2023"
    assert kupang.source_outlet == "kupang.antaranews.com" and kupang.source_kind == "news"
    others = set(rows) - {"53.01", "53.04", "53.21"}
    assert len(others) == 19
    assert {rows[c].stage for c in others} == {pokja_rules.NO_REPORT}
    assert {rows[c].mandate_code for c in others} == {MOU}
    assert all(pd.isna(rows[c].source_outlet) and pd.isna(rows[c].sk_number) for c in others)


def test_days_since_mandate_and_overdue(db_engine):
    table = pokja.pokja_by_regency(Filters(provinces=("53",), real_only=True, today=TODAY), engine=db_engine)
    rows = {r.regency_code: r for r in table.itertuples()}
    days = (TODAY - MOU_ISSUED).days  # 1827
    assert rows["53.04"].days_since_mandate == days and flag(rows["53.04"].overdue) is True
    assert flag(rows["53.21"].overdue) is True
    kupang = rows["53.01"]  # formed; its Kepmenaker mandate has no recorded issue date
    assert flag(kupang.overdue) is False and pd.isna(kupang.days_since_mandate) and pd.isna(kupang.days_to_form)
    no_report = rows["53.71"]
    assert no_report.days_since_mandate == days and flag(no_report.overdue) is None
    # Just inside the grace period nothing is overdue yet.
    early = pokja.pokja_by_regency(
        Filters(provinces=("53",), real_only=True, today=MOU_ISSUED + dt.timedelta(days=pokja_rules.OVERDUE_AFTER_DAYS)),
        engine=db_engine)
    assert not early["overdue"].fillna(False).any()


def test_is_overdue_rule():
    issued = dt.date(2020, 1, 1)
    at_limit = issued + dt.timedelta(days=pokja_rules.OVERDUE_AFTER_DAYS)
    assert pokja_rules.OVERDUE_AFTER_DAYS == 365
    assert pokja_rules.is_overdue("persiapan", issued, at_limit) is False
    assert pokja_rules.is_overdue("belum_dibentuk", issued, at_limit + dt.timedelta(days=1)) is True
    assert pokja_rules.is_overdue("terbentuk", issued, dt.date(2030, 1, 1)) is False
    assert pokja_rules.is_overdue(pokja_rules.NO_REPORT, issued, dt.date(2030, 1, 1)) is None
    assert pokja_rules.is_overdue("persiapan", None, dt.date(2030, 1, 1)) is None


def test_real_ntt_shares(db_engine):
    shares = pokja.stage_shares_by_province(Filters(provinces=("53",), real_only=True), engine=db_engine)
    counts = dict(zip(shares["stage"], shares["regencies"], strict=True))
    n = len(ntt_codes(db_engine))
    assert counts == {"terbentuk": 1, "persiapan": 2, "belum_dibentuk": 0, pokja_rules.NO_REPORT: n - 3}
    assert set(shares["mandated"]) == {n}
    assert shares["share"].sum() == pytest.approx(1.0)
    assert shares.loc[shares["stage"] == "persiapan", "share"].item() == pytest.approx(2 / n)


# --- against the plain-Python rule ----------------------------------------------------------

FILTER_CASES = {
    "all": Filters(today=TODAY),
    "real_only": Filters(real_only=True, today=TODAY),
    "ntt": Filters(provinces=("53",), today=TODAY),
    "ntb_real": Filters(provinces=("52",), real_only=True, today=TODAY),
    "ntb_ntt": Filters(provinces=("52", "53"), today=TODAY),
    "belu_kupang": Filters(regencies=("53.04", "53.01"), today=TODAY),
    "aceh": Filters(provinces=("11",), today=TODAY),
}


@pytest.mark.parametrize("programme", pokja_rules.PROGRAMMES)
@pytest.mark.parametrize("case", FILTER_CASES)
def test_shares_match_the_rule(db_engine, case, programme):
    filters = FILTER_CASES[case]
    ref = reference(db_engine, filters, programme)
    expected = defaultdict(int)
    for code in ref["mandated"]:
        expected[(ref["province_of"][code], ref["stage_of"][code])] += 1
    shares = pokja.stage_shares_by_province(filters, programme, engine=db_engine)
    got = {(r.province_code, r.stage): r.regencies for r in shares.itertuples() if r.regencies}
    assert got == dict(expected)
    for province, group in shares.groupby("province_code"):
        assert set(group["stage"]) == set(pokja_rules.STAGES_WITH_NO_REPORT)
        assert set(group["mandated"]) == {sum(1 for c in ref["mandated"] if ref["province_of"][c] == province)}


@pytest.mark.parametrize("programme", pokja_rules.PROGRAMMES)
@pytest.mark.parametrize("case", FILTER_CASES)
def test_rows_and_stage_dates_match_the_rule(db_engine, case, programme):
    filters = FILTER_CASES[case]
    ref = reference(db_engine, filters, programme)
    table = pokja.pokja_by_regency(filters, programme, engine=db_engine)
    assert set(zip(table["regency_code"], table["mandate_code"], table["stage"], strict=True)) == ref["rows"]
    assert len(table) == len(ref["rows"])
    for row in table.loc[table["stage"] != pokja_rules.NO_REPORT].itertuples():
        dates = ref["dates"][(row.regency_code, row.mandate_code)]
        assert (row.not_started_on, row.preparation_on, row.formed_on) == (
            dates["belum_dibentuk"], dates["persiapan"], dates["terbentuk"])
    formed = {c for c, s in ref["stage_of"].items() if s == "terbentuk"}
    assert set(table.loc[table["regency_formed"], "regency_code"]) == formed
    assert list(table["regency_code"]) == sorted(table["regency_code"])


@pytest.mark.parametrize("case", ["all", "ntt", "real_only"])
def test_not_formed_lists_every_mandated_regency_without_a_formed_pokja(db_engine, case):
    filters = FILTER_CASES[case]
    ref = reference(db_engine, filters)
    listed = pokja.not_formed(filters, engine=db_engine)
    expected = {c for c, s in ref["stage_of"].items() if s != "terbentuk"}
    assert set(listed["regency_code"]) == expected
    assert "terbentuk" not in set(listed["stage"])


def test_kab_kupang_formed_satgas_keeps_it_off_the_not_formed_list(db_engine):
    listed = pokja.not_formed(Filters(provinces=("53",)), engine=db_engine)
    assert "53.01" not in set(listed["regency_code"])  # a demo MOU row is not formed, the real Satgas is
    assert {"53.04", "53.21"} <= set(listed["regency_code"])


def test_regency_status(db_engine):
    status = pokja.regency_status(Filters(provinces=("53",), real_only=True), engine=db_engine)
    assert list(status.columns) == pokja.STATUS_COLUMNS
    assert set(status["area_code"]) == ntt_codes(db_engine)
    assert status["mandated"].all()
    rows = {r.area_code: r for r in status.itertuples()}
    assert (rows["53.04"].stage, rows["53.04"].stage_since) == ("persiapan", dt.date(2019, 8, 22))
    assert (rows["53.01"].stage, rows["53.01"].stage_since) == ("terbentuk", dt.date(2023, 6, 9))
    assert rows["53.71"].stage == pokja_rules.NO_REPORT and rows["53.71"].stage_since is None
    aceh = pokja.regency_status(Filters(provinces=("11",)), engine=db_engine)
    assert len(aceh) > 0 and not aceh["mandated"].any() and set(aceh["stage"]) == {pokja_rules.NO_REPORT}


def test_stage_history(db_engine):
    real = pokja.stage_history(Filters(real_only=True), "53.01", engine=db_engine)
    assert list(real.columns) == pokja.HISTORY_COLUMNS
    assert len(real) == 1
    row = real.iloc[0]
    assert (row["changed_on"], row["stage"], row["mandate_code"]) == (dt.date(2023, 6, 9), "terbentuk", KEPMENAKER)
    assert row["note"] == "SK Bupati Kupang No. 224/KEP/HK/2023" and row["source_outlet"] == "kupang.antaranews.com"
    every = pokja.stage_history(Filters(), "53.01", engine=db_engine)
    with Session(db_engine) as s:
        raw = s.execute(select(PokjaStageChange.changed_on, PokjaStageChange.stage)
                        .join(Pokja, Pokja.id == PokjaStageChange.pokja_id)
                        .join(Mandate, Mandate.id == Pokja.mandate_id)
                        .where(Pokja.regency_code == "53.01", Mandate.programme == "pokja_pmi")).all()
    assert sorted(zip(every["changed_on"], every["stage"], strict=True)) == sorted(raw)
    assert list(every["changed_on"]) == sorted(every["changed_on"])
    assert len(every) > len(real)  # the demo MOU history is there too
    assert pokja.stage_history(Filters(), "11.01", engine=db_engine).empty


# --- the rule on a database written for the purpose -------------------------------------------

def test_mandate_rule_on_fresh_database(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    today = dt.date(2025, 1, 1)
    with session_scope(eng) as s:
        real = Source(key="test:manual", kind="manual", outlet="Uji manual")
        fake = Source(key="test:synthetic", kind="synthetic", outlet="Uji sintetis")
        s.add_all([real, fake])
        s.flush()
        kepmenaker = s.scalar(select(Mandate.id).where(Mandate.code == KEPMENAKER))
        s.add_all([
            Mandate(code="TEST-BALI", title="Mandat Bali (sintetis)", province_code="51",
                    issued_on=dt.date(2020, 1, 1), source_id=fake.id),
            Mandate(code="TEST-KALBAR-NEW", title="Mandat Kalbar baru", province_code="61",
                    issued_on=today - dt.timedelta(days=100), source_id=real.id),
            Mandate(code="TEST-KALTENG-OLD", title="Mandat Kalteng lama", province_code="62",
                    issued_on=today - dt.timedelta(days=400), source_id=real.id),
        ])
        s.flush()
        ids = dict(s.execute(select(Mandate.code, Mandate.id)).all())
        # NTB has no provincial mandate: one Satgas under the national instrument brings NTB into view.
        for stage, on in (("persiapan", dt.date(2023, 2, 1)), ("terbentuk", dt.date(2024, 1, 10)),
                          ("belum_dibentuk", dt.date(2024, 3, 1))):  # a late report of an earlier stage
            records.record_pokja_stage(s, regency_code="52.01", mandate_id=kepmenaker, stage=stage, on=on,
                                       source_id=real.id, sk_number="SK-TEST" if stage == "terbentuk" else None)
        records.record_pokja_stage(s, regency_code="61.01", mandate_id=ids["TEST-KALBAR-NEW"],
                                   stage="belum_dibentuk", on=today - dt.timedelta(days=90), source_id=real.id)
        records.record_pokja_stage(s, regency_code="62.01", mandate_id=ids["TEST-KALTENG-OLD"],
                                   stage="belum_dibentuk", on=today - dt.timedelta(days=390), source_id=real.id)
        ntb = set(s.scalars(select(Regency.code).where(Regency.province_code == "52")))
        bali = set(s.scalars(select(Regency.code).where(Regency.province_code == "51")))

    def table(**kw):
        return pokja.pokja_by_regency(Filters(today=today, **kw), engine=eng)

    t = table(provinces=("52",))
    rows = {r.regency_code: r for r in t.itertuples()}
    assert set(rows) == ntb and len(t) == len(ntb)
    head = rows["52.01"]
    assert head.stage == "terbentuk"  # the later "belum_dibentuk" report does not move it back
    assert (head.preparation_on, head.formed_on, head.not_started_on) == (
        dt.date(2023, 2, 1), dt.date(2024, 1, 10), dt.date(2024, 3, 1))
    assert head.sk_number == "SK-TEST" and flag(head.overdue) is False
    assert {rows[c].stage for c in ntb - {"52.01"}} == {pokja_rules.NO_REPORT}
    assert {rows[c].mandate_code for c in ntb - {"52.01"}} == {KEPMENAKER}
    assert pokja.not_formed(Filters(provinces=("52",)), engine=eng)["regency_code"].nunique() == len(ntb) - 1

    # A provincial mandate from a synthetic source binds Bali only while demo data is shown.
    assert set(table(provinces=("51",))["regency_code"]) == bali
    assert table(provinces=("51",), real_only=True).empty
    assert pokja.stage_shares_by_province(Filters(provinces=("51",), real_only=True), engine=eng).empty

    # Overdue: 100 days after a mandate is not overdue, 400 days is.
    assert flag(table(regencies=("61.01",)).set_index("regency_code").loc["61.01", "overdue"]) is False
    old = table(regencies=("62.01",)).set_index("regency_code").loc["62.01"]
    assert flag(old["overdue"]) is True and old["days_since_mandate"] == 400

    # NTT keeps its MOU: Kab. Kupang's national Satgas does not add Kepmenaker rows for the others.
    ntt = table(provinces=("53",), real_only=True)
    assert set(ntt.loc[ntt["stage"] == pokja_rules.NO_REPORT, "mandate_code"]) == {MOU}


def test_satgas_kdmp_binds_every_regency(db_engine):
    """Keppres 9/2025 names every kab/kota: all 514 are mandated, with or without a record."""
    status = pokja.regency_status(Filters(today=TODAY), "satgas_kdmp", engine=db_engine)
    assert len(status) == 514 and status["mandated"].all()
    shares = pokja.stage_shares_by_province(Filters(provinces=("11",), today=TODAY), "satgas_kdmp", engine=db_engine)
    aceh = shares.set_index("stage")["regencies"]  # Aceh complete per the tally of 8 August 2025
    assert aceh["terbentuk"] == shares["mandated"].iloc[0] == 23
    with pytest.raises(ValueError, match="programme 'x'"):
        pokja.pokja_by_regency(Filters(today=TODAY), "x", engine=db_engine)
