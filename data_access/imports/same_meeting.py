"""A meeting row that is probably a meeting already stored (reported by the news, say).

Same province, dates that overlap (a stored meeting's ``ends_on`` counts) and a similar
title (rapidfuzz ``token_set_ratio`` on normalised titles ≥ ``TITLE_SIMILAR``, the threshold
the news extraction uses): the row is named in the report (``ImportReport.same_meetings``)
and, by the importer's choice (``same_meeting``): ``"attach"`` → the row's source becomes a
further source of the stored meeting (``MeetingSource``; undone with the batch);
``"new"`` → a meeting of its own; no choice → the row is held back, saying why.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.gazetteer import normalise
from data_access.imports.job import Job
from data_access.imports.rows import Record, RowError
from data_access.models_meetings import Meeting, MeetingSource

TITLE_SIMILAR = 80
CHOICES = ("attach", "new")


def find(session: Session, values: dict) -> tuple[Meeting, int] | None:
    """The stored meeting this row most probably is, with its similarity score (0–100)."""
    start = values["held_on"]
    end = values.get("ends_on") or start
    stored = session.scalars(select(Meeting).where(
        Meeting.province_code == values["province_code"], Meeting.held_on <= end,
        func.coalesce(Meeting.ends_on, Meeting.held_on) >= start).order_by(Meeting.id))
    best = None
    for meeting in stored:
        score = int(fuzz.token_set_ratio(normalise(values["title"]), normalise(meeting.title)))
        if score >= TITLE_SIMILAR and (best is None or score > best[1]):
            best = (meeting, score)
    return best


def offer_or_attach(job: Job, record: Record, same: tuple[Meeting, int]) -> tuple[str, list[RowError]]:
    meeting, score = same
    job.report.same_meetings.append({"row": record.row, "meeting_id": meeting.id, "title": meeting.title,
                                     "held_on": meeting.held_on.isoformat(), "score": score})
    choice = getattr(job, "same_meeting", None)
    if choice == "new":
        return "", []
    if choice != "attach":
        return "rejected", [RowError(record.row, record.key_column, record.values["title"], "same_meeting",
                                     {"meeting": meeting.id, "title": meeting.title,
                                      "held_on": meeting.held_on.isoformat()})]
    source_id = job.ensure_source(record.source)
    linked = job.session.scalar(select(func.count()).select_from(MeetingSource).where(
        MeetingSource.meeting_id == meeting.id, MeetingSource.source_id == source_id))
    if linked or meeting.source_id == source_id:
        return "unchanged", []
    link = MeetingSource(meeting_id=meeting.id, source_id=source_id)
    job.session.add(link)
    job.session.flush()
    job.created(link)
    return "changed", []
