"""The seed articles' and published facts are in, each with its named source."""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.models_cooperatives import CooperativeCount
from data_access.models_meetings import Meeting
from data_access.models_pokja import Mandate, Pokja
from data_access.models_reference import Source


def test_five_seed_meetings_with_sources(db_engine):
    with Session(db_engine) as s:
        rows = s.execute(
            select(Meeting.held_on, Meeting.regency_code, Meeting.city, Source.outlet, Source.kind)
            .join(Source).where(Source.kind != "synthetic").order_by(Meeting.held_on)
        ).all()
    assert [(r.held_on, r.regency_code, r.city) for r in rows] == [
        (dt.date(2019, 8, 22), "53.04", "Atambua"),
        (dt.date(2020, 2, 27), "53.04", "Atambua"),
        (dt.date(2022, 8, 25), "62.71", "Palangka Raya"),
        (dt.date(2022, 12, 1), "53.01", "Kota Kupang"),
        (dt.date(2024, 5, 30), "64.08", "Sangatta"),
    ]
    assert {r.outlet for r in rows} == {"Dinas Kominfo Kab. Belu", "Balanganews", "swaratimor.co.id",
                                        "Disnakertrans Kaltim"}
    assert all(r.kind == "news" for r in rows)


def test_inferred_year_is_flagged(db_engine):
    with Session(db_engine) as s:
        meeting = s.scalar(select(Meeting).where(Meeting.held_on == dt.date(2019, 8, 22)))
        assert meeting.date_inferred is True
        assert {x.sector_code for x in meeting.sectors} == {"perlindungan_pmi", "ketenagakerjaan"}
        assert {x.regency_code for x in meeting.regencies} == {"53.04", "53.21"}


def test_kab_kupang_cooperative_figures(db_engine):
    with Session(db_engine) as s:
        row = s.scalar(select(CooperativeCount).where(CooperativeCount.area_code == "53.01"))
        assert (row.total, row.active, row.inactive, row.inconsistent) == (401, 157, 244, False)
        assert row.as_of == dt.date(2022, 12, 1)
        assert s.get(Source, row.source_id).outlet == "swaratimor.co.id"


def test_inconsistent_published_figures_kept_and_flagged(db_engine):
    with Session(db_engine) as s:
        tribun = s.scalar(
            select(CooperativeCount).join(Source)
            .where(CooperativeCount.area_code == "53", Source.outlet == "kupang.tribunnews.com")
        )
        assert (tribun.total, tribun.active, tribun.inactive) == (4146, 3776, 352)
        assert tribun.inconsistent is True
        samarinda = s.scalar(select(CooperativeCount).where(CooperativeCount.area_code == "64.72"))
        assert (samarinda.total, samarinda.active, samarinda.inactive, samarinda.inconsistent) == (1264, 273, 988, True)
        partial = s.scalar(select(CooperativeCount).where(CooperativeCount.area_code == "53.71"))
        assert (partial.total, partial.active, partial.inactive, partial.inconsistent) == (611, None, None, False)


def test_pokja_in_preparation_in_belu_and_malaka(db_engine):
    with Session(db_engine) as s:
        rows = s.execute(
            select(Pokja.regency_code, Pokja.stage, Pokja.preparation_on, Source.kind)
            .join(Source).join(Mandate, Mandate.id == Pokja.mandate_id)
            .where(Source.kind != "synthetic", Mandate.programme == "pokja_pmi").order_by(Pokja.regency_code)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("53.01", "terbentuk", None, "news"),
        ("53.04", "persiapan", dt.date(2019, 8, 22), "news"),
        ("53.21", "persiapan", dt.date(2019, 8, 22), "news"),
    ]
