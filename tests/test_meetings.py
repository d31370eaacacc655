"""data_access.meetings on real SQLite and real PostgreSQL.

Expected figures come from the seed facts (seed_data/real_facts.json) or from a
reference model: every meeting with its sectors, regencies taking part and source
kind read by plain SQL, then filtered in Python by the rule the page promises
(host kab/kota or a kab/kota taking part, else host province; dates; any chosen
sector; real data only) — never from the code under test.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import pytest
from sqlalchemy import text

from data_access import meetings, preparation
from data_access.filters import Filters
from data_access.models_reference import SECTORS
from data_access.real_facts import read_facts

NTT_2019_2020_REAL = Filters(provinces=("53",), date_from=dt.date(2019, 1, 1), date_to=dt.date(2020, 12, 31),
                             real_only=True)


@dataclass(frozen=True)
class Ref:
    id: int
    held_on: dt.date
    status: str
    province: str
    regency: str | None
    kind: str
    source_kind: str
    sectors: frozenset[str]
    regencies: frozenset[str]


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _world(engine) -> list[Ref]:
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT m.id, m.held_on, m.status, m.province_code, m.regency_code, m.kind, s.kind "
            "FROM meeting m JOIN source s ON s.id = m.source_id")).all()
        sectors: dict[int, set[str]] = {}
        for meeting_id, code in conn.execute(text("SELECT meeting_id, sector_code FROM meeting_sector")):
            sectors.setdefault(meeting_id, set()).add(code)
        regencies: dict[int, set[str]] = {}
        for meeting_id, code in conn.execute(text("SELECT meeting_id, regency_code FROM meeting_regency")):
            regencies.setdefault(meeting_id, set()).add(code)
    return [Ref(r[0], _date(r[1]), r[2], r[3], r[4], r[5], r[6], frozenset(sectors.get(r[0], ())),
                frozenset(regencies.get(r[0], ()))) for r in rows]


def _in_scope(world: list[Ref], f: Filters) -> list[Ref]:
    kept = []
    for m in world:
        if f.regencies:
            if m.regency not in f.regencies and not (m.regencies & set(f.regencies)):
                continue
        elif f.provinces and m.province not in f.provinces:
            continue
        if f.date_from and m.held_on < f.date_from or f.date_to and m.held_on > f.date_to:
            continue
        if f.sectors and not (m.sectors & set(f.sectors)):
            continue
        if f.real_only and m.source_kind == "synthetic":
            continue
        kept.append(m)
    return kept


def _upcoming(m: Ref, f: Filters) -> bool:
    return m.status == "planned" and m.held_on >= f.today


def _codes(sectors) -> str:
    return ",".join(s for s in SECTORS if s in sectors)


@pytest.fixture
def world(db_engine) -> list[Ref]:
    return _world(db_engine)


FILTER_SETS = {
    "national": Filters(),
    "ntt": Filters(provinces=("53",)),
    "ntt_2019_2020_real": NTT_2019_2020_REAL,
    "belu": Filters(provinces=("53",), regencies=("53.04",)),
    "malaka_real": Filters(provinces=("53",), regencies=("53.21",), real_only=True),
    "koperasi": Filters(sectors=("koperasi",)),
    "pmi_or_transmigrasi_2021_2024": Filters(sectors=("perlindungan_pmi", "transmigrasi"),
                                             date_from=dt.date(2021, 1, 1), date_to=dt.date(2024, 12, 31)),
    "two_provinces": Filters(provinces=("62", "64")),
    "real_only": Filters(real_only=True),
    "nothing": Filters(date_from=dt.date(2001, 1, 1), date_to=dt.date(2001, 12, 31)),
}


def test_real_rakor_in_ntt_2019_2020(db_engine):
    """The two real NTT meetings of 2019–2020, as the seed facts give them."""
    facts = [m for m in read_facts()["meetings"]
             if m["province"] == "53" and "2019-01-01" <= m["held_on"] <= "2020-12-31"]
    assert sorted(m["held_on"] for m in facts) == ["2019-08-22", "2020-02-27"]

    summary = meetings.summary(NTT_2019_2020_REAL, engine=db_engine).iloc[0].to_dict()
    assert summary == {"total": 2, "held": 2, "planned": 0, "cancelled": 0, "upcoming": 0, "past": 2,
                       "provinces": 1}
    past = meetings.meeting_list(NTT_2019_2020_REAL, "past", engine=db_engine)
    assert [d.isoformat() for d in past["held_on"]] == ["2020-02-27", "2019-08-22"]  # latest first
    by_date = {m["held_on"]: m for m in facts}
    for row in past.to_dict("records"):
        fact = by_date[row["held_on"].isoformat()]
        assert row["title"] == fact["title"]
        assert row["organizer"] == fact["organizer"]
        assert row["kind"] == fact["kind"]
        assert row["sectors"] == _codes(fact["sectors"])
        assert row["date_inferred"] == fact["date_inferred"]
        assert row["source_kind"] != "synthetic"
        assert row["province"] == "Nusa Tenggara Timur"
    assert meetings.meeting_list(NTT_2019_2020_REAL, "upcoming", engine=db_engine).empty


@pytest.mark.parametrize("name", FILTER_SETS)
def test_summary_matches_reference(db_engine, world, name):
    f = FILTER_SETS[name]
    scope = _in_scope(world, f)
    statuses = Counter(m.status for m in scope)
    upcoming = sum(_upcoming(m, f) for m in scope)
    expected = {"total": len(scope), "held": statuses["held"], "planned": statuses["planned"],
                "cancelled": statuses["cancelled"], "upcoming": upcoming, "past": len(scope) - upcoming,
                "provinces": len({m.province for m in scope})}
    assert meetings.summary(f, engine=db_engine).iloc[0].to_dict() == expected


def test_sector_filter(db_engine, world):
    pmi = NTT_2019_2020_REAL.with_(sectors=("perlindungan_pmi",))
    rows = meetings.meeting_list(pmi, "past", engine=db_engine)
    assert [d.isoformat() for d in rows["held_on"]] == ["2019-08-22"]
    koperasi = NTT_2019_2020_REAL.with_(sectors=("koperasi",))
    assert [d.isoformat() for d in meetings.meeting_list(koperasi, "past", engine=db_engine)["held_on"]] == [
        "2020-02-27"]
    # Nationally (demo data included): a meeting counts once when it has any chosen sector.
    both = Filters(sectors=("koperasi", "transmigrasi"))
    expected = {m.id for m in world if m.sectors & {"koperasi", "transmigrasi"}}
    points = meetings.timeline_points(both, limit=100_000, engine=db_engine)
    assert set(points["id"]) == expected
    assert len(points) == len(expected)


def test_regency_filter_includes_meetings_the_regency_takes_part_in(db_engine, world):
    malaka = Filters(provinces=("53",), regencies=("53.21",), date_from=dt.date(2019, 1, 1),
                     date_to=dt.date(2019, 12, 31), real_only=True)
    rows = meetings.meeting_list(malaka, "past", engine=db_engine)
    assert [d.isoformat() for d in rows["held_on"]] == ["2019-08-22"]
    assert rows.iloc[0]["kind"] == "rapat_teknis"
    assert rows.iloc[0]["regency_code"] == "53.04"  # hosted by Belu: Malaka only takes part
    # Without the date bound: every real meeting Malaka hosts or takes part in.
    wide = malaka.with_(date_from=None, date_to=None)
    expected = {m.id for m in _in_scope(world, wide)}
    assert set(meetings.meeting_list(wide, "past", engine=db_engine)["id"]) == expected
    assert meetings.summary(wide, engine=db_engine).iloc[0]["total"] == len(expected)


@pytest.mark.parametrize("name", ["national", "ntt", "koperasi", "belu", "nothing"])
def test_months_match_reference(db_engine, world, name):
    f = FILTER_SETS[name]
    expected = Counter((m.held_on.year, m.held_on.month) for m in _in_scope(world, f))
    got = meetings.months(f, engine=db_engine)
    assert list(got.columns) == meetings.MONTH_COLUMNS
    assert {(y, mo): n for y, mo, n in got.itertuples(index=False)} == dict(expected)
    assert list(zip(got["year"], got["month"], strict=True)) == sorted(expected)


@pytest.mark.parametrize("name", ["national", "koperasi", "pmi_or_transmigrasi_2021_2024", "ntt_2019_2020_real"])
def test_month_days_match_reference(db_engine, world, name):
    f = FILTER_SETS[name]
    scope = _in_scope(world, f)
    busiest = Counter((m.held_on.year, m.held_on.month) for m in scope).most_common(1)[0][0]
    in_month = [m for m in scope if (m.held_on.year, m.held_on.month) == busiest]
    expected = Counter((m.held_on, s) for m in in_month for s in m.sectors if not f.sectors or s in f.sectors)
    totals = Counter(m.held_on for m in in_month)
    got = meetings.month_days(f, *busiest, engine=db_engine)
    assert list(got.columns) == meetings.DAY_COLUMNS
    assert {(d, s): n for d, s, n, _ in got.itertuples(index=False)} == dict(expected)
    assert {d: t for d, _, _, t in got.itertuples(index=False)} == dict(totals)
    if f.sectors:
        assert set(got["sector"]) <= set(f.sectors)


def test_month_days_of_a_month_without_meetings(db_engine):
    assert meetings.month_days(NTT_2019_2020_REAL, 2019, 3, engine=db_engine).empty


@pytest.mark.parametrize("name", ["ntt", "belu", "koperasi"])
def test_timeline_points_match_reference(db_engine, world, name):
    f = FILTER_SETS[name]
    scope = sorted(_in_scope(world, f), key=lambda m: (m.held_on, m.id))
    got = meetings.timeline_points(f, limit=100_000, engine=db_engine)
    assert list(got.columns) == meetings.POINT_COLUMNS
    assert list(got["id"]) == [m.id for m in scope]
    by_id = {m.id: m for m in scope}
    for row in got.to_dict("records"):
        assert row["sectors"] == _codes(by_id[row["id"]].sectors)
        assert row["province_code"] == by_id[row["id"]].province
    limited = meetings.timeline_points(f, limit=7, engine=db_engine)
    assert list(limited["id"]) == [m.id for m in scope[:7]]


@pytest.mark.parametrize("name", ["national", "two_provinces", "koperasi"])
def test_timeline_monthly_matches_reference(db_engine, world, name):
    f = FILTER_SETS[name]
    expected = Counter((m.province, dt.date(m.held_on.year, m.held_on.month, 1)) for m in _in_scope(world, f))
    got = meetings.timeline_monthly(f, engine=db_engine)
    assert list(got.columns) == meetings.MONTHLY_COLUMNS
    assert {(p, mo): n for mo, p, _, n in got.itertuples(index=False)} == dict(expected)
    assert got["province"].notna().all()


@pytest.mark.parametrize("today", [dt.date(2026, 11, 23), dt.date(2026, 10, 1), dt.date(2027, 6, 1)])
def test_lists_partition_the_scope_and_respect_the_limit(db_engine, world, today):
    f = Filters(today=today)
    scope = _in_scope(world, f)
    upcoming = sorted((m for m in scope if _upcoming(m, f)), key=lambda m: (m.held_on, m.id))
    past = sorted((m for m in scope if not _upcoming(m, f)), key=lambda m: (m.held_on, m.id), reverse=True)
    got_up = meetings.meeting_list(f, "upcoming", limit=5, engine=db_engine)
    got_past = meetings.meeting_list(f, "past", limit=5, engine=db_engine)
    assert list(got_up["id"]) == [m.id for m in upcoming[:5]]
    assert list(got_past["id"]) == [m.id for m in past[:5]]
    assert (got_up["status"] == "planned").all()
    assert all(d >= today for d in got_up["held_on"])
    full = meetings.meeting_list(f, "past", engine=db_engine)
    assert len(full) == min(len(past), meetings.LIST_LIMIT)
    assert list(full.columns) == meetings.LIST_COLUMNS
    kinds = {m.id: m.source_kind for m in scope}
    assert [kinds[i] for i in full["id"]] == list(full["source_kind"])  # demo rows carry their flag


def test_lists_reject_unknown_part(db_engine):
    with pytest.raises(ValueError):
        meetings.meeting_list(Filters(), "someday", engine=db_engine)


def test_detail_and_regencies_taking_part(db_engine):
    past = meetings.meeting_list(NTT_2019_2020_REAL, "past", engine=db_engine)
    teknis_id = int(past.loc[past["kind"] == "rapat_teknis", "id"].iloc[0])
    fact = next(m for m in read_facts()["meetings"] if m["held_on"] == "2019-08-22")
    detail = meetings.meeting_detail(NTT_2019_2020_REAL, teknis_id, engine=db_engine)
    assert len(detail) == 1
    row = detail.iloc[0]
    assert (row["opened_by_name"], row["opened_by_role"]) == (fact["opened_by_name"], fact["opened_by_role"])
    assert (row["venue"], row["city"], row["theme"]) == (fact["venue"], fact["city"], fact["theme"])
    assert bool(row["date_inferred"]) is True
    assert row["source_outlet"] and row["source_headline"]
    regencies = meetings.meeting_regencies(NTT_2019_2020_REAL, teknis_id, engine=db_engine)
    assert list(regencies["code"]) == sorted(fact["regencies"])
    assert [n.split()[-1] for n in regencies["name"]] == ["Belu", "Malaka"]
    # A meeting outside the filters is not shown, nor are its regencies.
    elsewhere = Filters(provinces=("62",))
    assert meetings.meeting_detail(elsewhere, teknis_id, engine=db_engine).empty
    assert meetings.meeting_regencies(elsewhere, teknis_id, engine=db_engine).empty
    # With a regency filter (its EXISTS on meeting_regency must not swallow the join).
    malaka = Filters(provinces=("53",), regencies=("53.21",))
    assert list(meetings.meeting_regencies(malaka, teknis_id, engine=db_engine)["code"]) == ["53.04", "53.21"]


def test_decode_sectors():
    assert meetings.decode_sectors(0) == ""
    assert meetings.decode_sectors(None) == ""
    assert meetings.decode_sectors(1 + 8) == "koperasi,perlindungan_pmi"
    assert meetings.decode_sectors(sum(meetings.SECTOR_BITS.values())) == ",".join(SECTORS)


def test_further_sources_of_a_meeting_oldest_first_and_only_in_scope(prepared_db_url):
    from sqlalchemy import select

    from data_access import engine as engine_module
    from data_access.models_meetings import Meeting, MeetingSource
    from data_access.models_reference import Source

    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    with engine_module.session_scope(eng) as s:
        meeting = s.scalars(select(Meeting).order_by(Meeting.id)).first()
        later = Source(key="test:pos-kupang", kind="news", outlet="Pos Kupang", headline="Laporan kedua", published_on=dt.date(2023, 2, 1))
        earlier = Source(key="test:victory-news", kind="news", outlet="Victory News", headline="Laporan ketiga", published_on=dt.date(2023, 1, 5))
        s.add_all([later, earlier])
        s.flush()
        s.add_all([MeetingSource(meeting_id=meeting.id, source_id=later.id),
                   MeetingSource(meeting_id=meeting.id, source_id=earlier.id)])
        meeting_id, province = meeting.id, meeting.province_code
    frame = meetings.further_sources(Filters(), meeting_id, engine=eng)
    assert list(frame.columns) == meetings.FURTHER_SOURCE_COLUMNS
    assert list(frame["outlet"]) == ["Victory News", "Pos Kupang"]
    other = "11" if province != "11" else "12"
    assert meetings.further_sources(Filters(provinces=(other,)), meeting_id, engine=eng).empty
