"""Koperasi Merah Putih: real facts, write rules, the funnel, the desa list (both backends).

Expected figures are computed here from the raw rows with the documented rules, never taken from
the functions under test.
"""

import csv
import datetime as dt
from collections import Counter

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import engine as engine_module
from data_access import filters as flt
from data_access import kdmp, kdmp_desa, kdmp_records, preparation
from data_access.config import SEED_DIR
from data_access.models_kdmp import Kdmp, KdmpFigure, KdmpStageChange, Village
from data_access.models_pokja import Mandate, Pokja
from data_access.models_reference import Source

TODAY = dt.date(2026, 11, 30)
COMPLETE = {"34", "61", "65", "62", "63", "11", "15", "16", "18", "21", "19", "36", "31", "75", "72", "76", "74",
            "71", "91", "52", "51"}  # the 21 provinces of the tally of 8 August 2025 (kdmp.md)


def test_tally_of_8_august_2025_as_reported(db_engine):
    with Session(db_engine) as s:
        rows = s.execute(select(KdmpFigure.area_code, KdmpFigure.measure, KdmpFigure.value, KdmpFigure.of_total,
                                Source.outlet, Source.kind)
                         .join(Source).where(KdmpFigure.as_of == dt.date(2025, 8, 8))).all()
    assert {r.kind for r in rows} == {"news"} and {r.outlet for r in rows} == {"orbitnews.co"}
    national = {r.measure: (r.value, r.of_total) for r in rows if r.area_code == ""}
    assert national == {"satgas_regencies_formed": (409, 514), "satgas_provinces_complete": (21, 38)}
    missing = {r.area_code: r.value for r in rows if r.measure == "satgas_regencies_missing"}
    assert {c for c, v in missing.items() if v == 0} == COMPLETE
    assert {c: v for c, v in missing.items() if v} == {"33": 10, "64": 2, "12": 9, "32": 4}
    assert {r.area_code for r in rows if r.measure == "satgas_province_formed" and r.value == 0} == {
        "92", "93", "94", "95"}


def test_satgas_records_for_every_regency_of_the_complete_provinces(db_engine):
    with open(SEED_DIR / "regions.csv", encoding="utf-8") as fh:
        expected = {r["code"] for r in csv.DictReader(fh) if r["level"] != "provinsi" and r["province_code"] in COMPLETE}
    with Session(db_engine) as s:
        mandate = s.scalar(select(Mandate).where(Mandate.code == "KEPPRES-9-2025-SATGAS-KDMP"))
        real = s.execute(select(Pokja.regency_code, Pokja.stage, Pokja.formed_on).join(Source)
                         .where(Pokja.mandate_id == mandate.id, Source.kind == "news")).all()
    assert (mandate.programme, mandate.binds_every_regency, mandate.issued_on) == ("satgas_kdmp", True, None)
    assert {r.regency_code for r in real} == expected
    assert {(r.stage, r.formed_on) for r in real} == {("terbentuk", dt.date(2025, 8, 8))}


def test_record_stage_moves_forward_and_keeps_history(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    with engine_module.session_scope(eng) as s:
        src = Source(key="test:kdmp", kind="manual", outlet="test")
        s.add(src)
        s.flush()
        code = s.scalar(select(Village.code).where(Village.district_code == "53.01.04").order_by(Village.code))
        kdmp_records.record_kdmp_stage(s, village_code=code, stage="akta_notaris", on=dt.date(2025, 6, 1),
                                       source_id=src.id, deed_number="12")
        kdmp_records.record_kdmp_stage(s, village_code=code, stage="musdesus", on=dt.date(2025, 5, 1),
                                       source_id=src.id)
        row = kdmp_records.record_kdmp_stage(s, village_code=code, stage="sk_ahu", on=dt.date(2025, 7, 1),
                                             source_id=src.id, sk_ahu_number="AHU-1", operating={"has_clinic": False})
        assert (row.stage, row.stage_changed_on, row.deed_number, row.sk_ahu_number) == (
            "sk_ahu", dt.date(2025, 7, 1), "12", "AHU-1")
        assert (row.musdesus_on, row.deed_on, row.has_clinic, row.regency_code) == (
            dt.date(2025, 5, 1), dt.date(2025, 6, 1), False, "53.01")
        assert len(s.scalars(select(KdmpStageChange).where(KdmpStageChange.kdmp_id == row.id)).all()) == 3
        with pytest.raises(ValueError, match="stage 'gerai'"):
            kdmp_records.record_kdmp_stage(s, village_code=code, stage="gerai", on=TODAY, source_id=src.id)
        with pytest.raises(ValueError, match="measure 'x'"):
            kdmp_records.add_figure(s, area="", as_of=TODAY, measure="x", value=1, source_id=src.id)


def _reference_funnel(engine, filters, stalled_days):
    """Per kab/kota: desa, KDMP at each stage, stalled — from raw rows with the module's rules."""
    with Session(engine) as s:
        villages = s.scalars(select(Village.code)).all()
        rows = s.execute(select(Kdmp.regency_code, Kdmp.stage, Kdmp.stage_changed_on, Source.kind)
                         .join(Source, Source.id == Kdmp.source_id)).all()

    def in_area(code):
        return not filters.provinces or code[:2] in filters.provinces
    desa = Counter(v[:5] for v in villages if in_area(v))
    stages, stalled = Counter(), Counter()
    for r in rows:
        if not in_area(r.regency_code) or (filters.real_only and r.kind == "synthetic"):
            continue
        stages[(r.regency_code, r.stage)] += 1
        if r.stage != "operasional" and (filters.today - r.stage_changed_on).days > stalled_days:
            stalled[r.regency_code] += 1
    return desa, stages, stalled


@pytest.mark.parametrize("filters", [flt.Filters(provinces=("53",), today=TODAY),
                                     flt.Filters(provinces=("52", "53"), real_only=True, today=TODAY)])
def test_funnel_per_regency_matches_the_rule(db_engine, filters):
    desa, stages, stalled = _reference_funnel(db_engine, filters, 60)
    frame = kdmp.funnel(filters, "kabupaten_kota", 60, engine=db_engine).set_index("area_code")
    assert dict(frame["desa"]) == dict(desa)
    for code, row in frame.iterrows():
        at = {s: stages[(code, s)] for s in ("musdesus", "akta_notaris", "sk_ahu", "operasional")}
        assert [row[f"at_{s}"] for s in at] == list(at.values())
        assert row["at_tidak_ada_data"] == desa[code] - sum(at.values())
        assert row["reached_akta_notaris"] == at["akta_notaris"] + at["sk_ahu"] + at["operasional"]
        assert row["stalled"] == stalled[code]
        # issue 20: shares of the desa with a record, and the share with a record said apart
        recorded = sum(at.values())
        assert row["recorded_share"] == pytest.approx(recorded / desa[code])
        if recorded:
            assert row["operational_share"] == pytest.approx(at["operasional"] / recorded)
        else:
            assert pd.isna(row["operational_share"]) and pd.isna(row["legal_entity_share"])


def test_province_funnel_adds_up_to_the_regency_funnel(db_engine):
    filters = flt.Filters(today=TODAY)
    provinces = kdmp.funnel(filters, "provinsi", engine=db_engine).set_index("area_code")
    regencies = kdmp.funnel(filters, "kabupaten_kota", engine=db_engine)
    summed = regencies.groupby(regencies["area_code"].str[:2])[["desa", "at_operasional", "stalled"]].sum()
    assert (provinces[["desa", "at_operasional", "stalled"]] == summed).all().all()
    assert int(provinces["desa"].sum()) == 83_762 and len(provinces) == 38
    assert kdmp.totals(provinces)["desa"] == 83_762


def test_kecamatan_funnel_and_slowest(db_engine):
    filters = flt.Filters(provinces=("53",), regencies=("53.01",), today=TODAY)
    frame = kdmp.funnel(filters, kdmp.level_for(filters), engine=db_engine)
    assert set(frame["area_code"].str[:5]) == {"53.01"} and frame["area_name"].notna().all()
    slowest = kdmp.slowest_regencies(flt.Filters(today=TODAY), limit=5, engine=db_engine)
    assert list(slowest["rank"]) == [1, 2, 3, 4, 5] and (slowest["reached_musdesus"] > 0).all()
    assert slowest["operational_share"].is_monotonic_increasing
    with pytest.raises(ValueError, match="level 'desa'"):
        kdmp.funnel(filters, "desa", engine=db_engine)


def test_desa_list_pages_and_counts(db_engine):
    filters = flt.Filters(provinces=("53",), today=TODAY)
    with Session(db_engine) as s:
        codes = s.scalars(select(Village.code).where(Village.regency_code.like("53.%")).order_by(Village.code)).all()
        on_record = set(s.scalars(select(Kdmp.village_code).where(Kdmp.regency_code.like("53.%"))))
    assert kdmp_desa.desa_count(filters, engine=db_engine) == len(codes)
    second = kdmp_desa.desa_page(filters, page=2, page_size=20, engine=db_engine)
    assert list(second["village_code"]) == codes[20:40]
    assert kdmp_desa.desa_count(filters, stage="tidak_ada_data", engine=db_engine) == len(set(codes) - on_record)
    found = kdmp_desa.desa_page(filters, search="  SEMAU ", engine=db_engine)  # kecamatan Semau is no desa name
    assert found.empty or found["village_name"].str.lower().str.contains("semau").all()
    by_code = kdmp_desa.desa_page(filters, search="53.01.04", engine=db_engine)
    assert set(by_code["village_code"].str[:8]) == {"53.01.04"}
    with pytest.raises(ValueError, match="stage 'x'"):
        kdmp_desa.desa_page(filters, stage="x", engine=db_engine)


def test_real_only_hides_the_demo_records(db_engine):
    filters = flt.Filters(provinces=("53",), real_only=True, today=TODAY)
    page = kdmp_desa.desa_page(filters, engine=db_engine)
    assert set(page["stage"]) == {kdmp.NO_REPORT}
    assert (kdmp_desa.reported_figures(filters, engine=db_engine)["source_kind"] != "synthetic").all()


def test_demo_stage_dates_are_in_the_programme_period(db_engine):
    with Session(db_engine) as s:
        rows = s.execute(select(KdmpStageChange.changed_on).join(Source).where(Source.kind == "synthetic")).all()
        small = s.scalars(select(Village.code).where(Village.regency_code.like("52.%") | Village.regency_code.like("53.%"))).all()
        demo = s.scalars(select(Kdmp.village_code).join(Source).where(Source.kind == "synthetic")).all()
    assert min(r.changed_on for r in rows) >= dt.date(2025, 4, 1)
    assert max(r.changed_on for r in rows) <= dt.date(2026, 10, 31)
    assert 0.9 < len(demo) / len(small) < 1.0  # every desa but about 3 % left without a report
