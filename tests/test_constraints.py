"""The database itself rejects bad facts, on both backends."""

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from data_access import records
from data_access.models_cooperatives import CooperativeCount
from data_access.models_meetings import Meeting
from data_access.models_reference import Source


def _source_id(session) -> int:
    return session.scalar(select(Source.id).where(Source.kind == "news").limit(1))


def _attempt(db_engine, action):
    with Session(db_engine) as session:
        with pytest.raises(IntegrityError):
            action(session)
            session.flush()
        session.rollback()


def test_unknown_regency_rejected(db_engine):
    _attempt(db_engine, lambda s: records.add_cooperative_count(
        s, area_code="53.99", as_of=dt.date(2024, 1, 1), source_id=_source_id(s),
        total=1, active=1, inactive=0))


def test_negative_count_rejected(db_engine):
    _attempt(db_engine, lambda s: records.add_cooperative_count(
        s, area_code="53.04", as_of=dt.date(2024, 1, 1), source_id=_source_id(s),
        total=-5, active=None, inactive=None))


def test_dishonest_flag_rejected(db_engine):
    """The CHECK keeps ``inconsistent`` equal to what the figures say."""
    _attempt(db_engine, lambda s: s.add(CooperativeCount(
        area_code="53.04", province_code="53", regency_code="53.04", as_of=dt.date(2024, 1, 1),
        total=10, active=5, inactive=4, inconsistent=False, source_id=_source_id(s))))


def test_duplicate_meeting_natural_key_rejected(db_engine):
    def duplicate(s):
        m = s.scalar(select(Meeting).where(Meeting.held_on == dt.date(2022, 12, 1)))
        s.add(Meeting(title=m.title, kind="rakor", level="kabupaten_kota", held_on=m.held_on,
                      status="held", province_code=m.province_code, source_id=m.source_id))
    _attempt(db_engine, duplicate)


def test_unknown_sector_rejected(db_engine):
    _attempt(db_engine, lambda s: records.add_meeting(
        s, sectors=["pariwisata"], regencies=[], title="x", kind="rakor", level="provinsi",
        held_on=dt.date(2024, 1, 1), status="held", province_code="53", source_id=_source_id(s)))
