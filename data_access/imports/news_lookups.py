"""What the "Ekstraksi" form looks up before saving a news report: stored meetings that look like
the reported one (same province and date, similar title or venue, scored with rapidfuzz), and the
mandates a Pokja stage can be recorded under.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from rapidfuzz import fuzz
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from data_access.engine import get_engine, session_scope
from data_access.gazetteer import normalise
from data_access.models_meetings import Meeting, MeetingSource
from data_access.models_pokja import Mandate
from data_access.models_reference import Source

TITLE_SIMILAR = 80   # rapidfuzz token_set_ratio on normalised titles
VENUE_SIMILAR = 85
DUPLICATE_COLUMNS = ["id", "title", "held_on", "venue", "city", "outlet", "sources", "score"]
MANDATE_COLUMNS = ["id", "code", "title", "province_code"]


def _score(title_a: str, title_b: str, venue_a: str | None, venue_b: str | None) -> int:
    score = int(fuzz.token_set_ratio(normalise(title_a), normalise(title_b)))
    if venue_a and venue_b:
        venue = int(fuzz.token_set_ratio(normalise(venue_a), normalise(venue_b)))
        if venue >= VENUE_SIMILAR:
            score = max(score, venue)
    return score


def similar_meetings(session: Session, province_code: str, held_on: dt.date, title: str, venue: str | None):
    """``[(row, score)]``, best first: stored meetings of the province on ``held_on`` whose title scores at least
    ``TITLE_SIMILAR`` or whose venue scores at least ``VENUE_SIMILAR`` (rows: id, title, held_on, venue, city,
    outlet)."""
    rows = session.execute(
        select(Meeting.id, Meeting.title, Meeting.held_on, Meeting.venue, Meeting.city, Source.outlet)
        .join(Source, Source.id == Meeting.source_id)
        .where(Meeting.province_code == province_code, Meeting.held_on == held_on)
        .order_by(Meeting.id)
    ).all()
    found = []
    for row in rows:
        score = _score(title, row.title, venue, row.venue)
        if score >= TITLE_SIMILAR or (venue and row.venue and score >= VENUE_SIMILAR):
            found.append((row, score))
    return sorted(found, key=lambda pair: (-pair[1], pair[0].id))


def possible_duplicates(province_code: str, held_on: dt.date, title: str, venue: str | None = None,
                        engine: Engine | None = None) -> pd.DataFrame:
    """Meetings already stored that look like this one (same province and date, similar title or
    venue), best first. Columns: ``DUPLICATE_COLUMNS`` (``sources``: how many reports in all)."""
    with session_scope(engine or get_engine()) as session:
        found = similar_meetings(session, province_code, held_on, title or "", venue)
        out = []
        for row, score in found:
            further = session.scalar(select(func.count()).select_from(MeetingSource)
                                     .where(MeetingSource.meeting_id == row.id))
            out.append((row.id, row.title, row.held_on, row.venue, row.city, row.outlet, 1 + further, score))
    return pd.DataFrame(out, columns=DUPLICATE_COLUMNS)


def mandates(engine: Engine | None = None) -> pd.DataFrame:
    """Mandates a Pokja stage can be recorded under. Columns: ``MANDATE_COLUMNS``."""
    with (engine or get_engine()).connect() as conn:
        rows = conn.execute(select(Mandate.id, Mandate.code, Mandate.title, Mandate.province_code)
                            .order_by(Mandate.code)).all()
    return pd.DataFrame(rows, columns=MANDATE_COLUMNS)
