"""``data_access.filters``: URL parameters ⇄ Filters, and the WHERE clauses (pure, no database)."""

import datetime as dt

import pytest
from sqlalchemy.dialects import postgresql, sqlite

from data_access import filters as flt
from data_access.models_meetings import Meeting

PROVINCES = {"53", "62", "64"}
REGENCIES = {"53.01", "53.04", "53.21", "53.71", "62.71", "64.08"}
TODAY = dt.date(2026, 11, 23)


def parse(params):
    return flt.parse(params, known_provinces=PROVINCES, known_regencies=REGENCIES, today=TODAY)


def test_full_link_round_trips():
    params = {"prov": "53", "kab": "53.04,53.21", "dari": "2019-01-01", "sampai": "2024-12-31",
              "sektor": "koperasi,perlindungan_pmi", "nyata": "1", "n": "2"}
    filters, notes = parse(params)
    assert notes == []
    assert filters == flt.Filters(provinces=("53",), regencies=("53.04", "53.21"),
                                  date_from=dt.date(2019, 1, 1), date_to=dt.date(2024, 12, 31),
                                  sectors=("koperasi", "perlindungan_pmi"), real_only=True, window=2, today=TODAY)
    assert flt.to_params(filters) == params
    assert parse(flt.to_params(filters))[0] == filters


def test_empty_params_mean_everything():
    filters, notes = parse({})
    assert filters == flt.Filters(today=TODAY)
    assert notes == [] and flt.to_params(filters) == {}


@pytest.mark.parametrize(("params", "fragment"), [
    ({"prov": "99"}, "prov='99'"),
    ({"prov": "53; DROP TABLE meeting"}, "DROP TABLE"),
    ({"kab": "53.99"}, "kab='53.99'"),
    ({"kab": "5304"}, "kab='5304'"),
    ({"dari": "2020-13-45"}, "dari="),
    ({"sampai": "kemarin"}, "sampai="),
    ({"sektor": "pariwisata"}, "sektor='pariwisata'"),
    ({"nyata": "ya"}, "nyata="),
    ({"n": "99"}, "n='99'"),
    ({"n": "-1"}, "n='-1'"),
])
def test_bad_values_are_dropped_with_a_note(params, fragment):
    filters, notes = parse(params)
    assert len(notes) == 1 and fragment in notes[0]
    assert filters == flt.Filters(today=TODAY)


def test_overlong_value_is_truncated_in_the_note():
    filters, notes = parse({"prov": "x" * 10_000})
    assert filters.provinces == ()
    assert len(notes[0]) < 200


def test_regency_outside_chosen_province_is_dropped():
    filters, notes = parse({"prov": "62", "kab": "53.04,62.71"})
    assert filters.regencies == ("62.71",)
    assert "53.04" in notes[0]


def test_swapped_dates_are_put_in_order():
    filters, notes = parse({"dari": "2024-12-31", "sampai": "2019-01-01"})
    assert (filters.date_from, filters.date_to) == (dt.date(2019, 1, 1), dt.date(2024, 12, 31))
    assert notes


def test_duplicates_collapse_and_lists_accepted():
    filters, _ = parse({"prov": ["53", "53,62"]})
    assert filters.provinces == ("53", "62")


@pytest.mark.parametrize(("date_to", "year"), [
    (None, 2025),                      # today 2026-11-23: last completed year
    (dt.date(2024, 12, 31), 2024),
    (dt.date(2024, 6, 30), 2023),
    (dt.date(2030, 12, 31), 2025),     # never beyond today
])
def test_as_of_year(date_to, year):
    assert flt.Filters(date_to=date_to, today=TODAY).as_of_year == year


def _sql(clause):
    return str(clause.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def test_area_clause_prefers_regencies():
    f = flt.Filters(provinces=("53",), regencies=("53.04",))
    sql = _sql(flt.area_clause(f, Meeting.province_code, Meeting.regency_code))
    assert "regency_code IN ('53.04')" in sql and "province_code" not in sql
    assert _sql(flt.area_clause(flt.Filters(), Meeting.province_code, Meeting.regency_code)) in ("1", "true")


def test_clauses_use_bound_parameters():
    """Values travel as parameters, never inside the SQL text."""
    f = flt.Filters(provinces=("53",), date_from=dt.date(2019, 1, 1), sectors=("koperasi",), real_only=True)
    compiled = flt.meeting_clause(f).compile(dialect=postgresql.dialect())
    text = str(compiled)
    assert "53" not in text and "koperasi" not in text and "2019" not in text
    values = [v for v in compiled.params.values()]
    assert dt.date(2019, 1, 1) in values and "synthetic" in values


DISTRICTS = {"53.01.04", "53.04.01", "62.71.01"}


def _parse_kec(params):
    return flt.parse(params, known_provinces=PROVINCES, known_regencies=REGENCIES, known_districts=DISTRICTS,
                     today=TODAY)


def test_kecamatan_round_trips_and_cascades():
    filters, notes = _parse_kec({"prov": "53", "kab": "53.01", "kec": "53.01.04,53.04.01,62.71.01,99.99.99,5301"})
    assert filters.districts == ("53.01.04",)
    assert flt.to_params(filters)["kec"] == "53.01.04"
    assert _parse_kec(flt.to_params(filters))[0] == filters
    assert any("kec='53.04.01'" in n and "outside" in n for n in notes)  # another kab/kota
    assert any("kec='62.71.01'" in n and "outside" in n for n in notes)  # another province
    assert sum("unknown region code" in n for n in notes) == 2  # not in the gazetteer / malformed


def test_kecamatan_alone_brings_its_regency_and_district_codes_lists_the_well_formed():
    alone = _parse_kec({"kec": "62.71.01"})[0]
    assert (alone.districts, alone.regencies, alone.provinces) == (("62.71.01",), ("62.71",), ())
    assert flt.district_codes({"kec": "53.01.04, x, 53.0104"}) == ("53.01.04",)


def test_village_area_clause():
    col_r, col_d = Meeting.regency_code, Meeting.venue  # any two string columns stand in
    assert "venue IN ('53.01.04')" in _sql(flt.village_area_clause(flt.Filters(districts=("53.01.04",)), col_r, col_d))
    assert "regency_code IN ('53.01')" in _sql(flt.village_area_clause(flt.Filters(regencies=("53.01",)), col_r, col_d))
    province = _sql(flt.village_area_clause(flt.Filters(provinces=("53",)), col_r, col_d))
    assert "regency_code > '53.'" in province and "regency_code < '53/'" in province
    assert "53.99" < "53/" and "53.01" > "53." and "54.01" > "53/"  # the range holds exactly province 53
