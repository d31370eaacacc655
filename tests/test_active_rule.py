"""The active rule: RAT held in each of the last N years, at N = 2 and N = 3."""

import datetime as dt

import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session

from data_access import cooperative_summaries, cooperatives, preparation, records
from data_access import engine as engine_module
from data_access.filters import Filters
from data_access.models_cooperatives import Cooperative, CooperativeRat
from data_access.models_reference import Source

# RAT years of five test cooperatives, as of 2024
CASES = {
    "every year": {2020, 2021, 2022, 2023, 2024},
    "last two only": {2023, 2024},
    "gap last year": {2021, 2022, 2024},
    "stopped": {2019, 2020, 2021},
    "never": set(),
}


@pytest.fixture
def rule_engine(prepared_db_url):
    """A fresh database whose only cooperatives are the five cases, in Kab. Sabu Raijua (53.20)."""
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    with Session(eng) as s, s.begin():
        src = Source(key="test:active-rule", kind="manual", outlet="test")
        s.add(src)
        s.flush()
        for name, years in CASES.items():
            coop = Cooperative(name=name, regency_code="53.20", founded_on=dt.date(2010, 1, 1), source_id=src.id)
            s.add(coop)
            s.flush()
            if years:
                s.execute(insert(CooperativeRat), [{"cooperative_id": coop.id, "year": y, "run_length": 1} for y in years])
            records.recompute_runs(s, [coop.id])
        cooperative_summaries.refresh(s)  # what every writer of the registry does
    return eng


@pytest.mark.parametrize(("window", "expected_active"), [
    (3, {"every year"}),
    (2, {"every year", "last two only"}),
])
def test_active_rule(rule_engine, window, expected_active):
    f = Filters(regencies=("53.20",), date_to=dt.date(2024, 12, 31), window=window)
    assert f.as_of_year == 2024
    row = cooperatives.health_by_area(f, "kabupaten_kota", engine=rule_engine).set_index("area_code").loc["53.20"]
    assert row.registered == len(CASES)
    assert row.active == len(expected_active)
    assert row.inactive == len(CASES) - len(expected_active)
    assert {name for name, years in CASES.items() if cooperatives.is_active(years, 2024, window)} == expected_active


def test_run_lengths():
    assert records.run_lengths([2019, 2020, 2022, 2023, 2024]) == {2019: 1, 2020: 2, 2022: 1, 2023: 2, 2024: 3}
