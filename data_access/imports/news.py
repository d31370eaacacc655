"""Saving a meeting read from a news report (the "Ekstraksi" page), as one undoable batch.

The editor corrects what ``ingest.extract`` proposed; ``save`` then stores, in one
transaction: the report as a new ``source`` of kind ``news``; the meeting — or,
when the same meeting is already known (same province and date, similar title
or venue: ``news_lookups.possible_duplicates``), the report as a further source of that
meeting (``MeetingSource``) instead of a second meeting; and, when given, the
cooperative figures, the Pokja stage and the Koperasi Merah Putih figures
(``news_kdmp``) the report states. It is an
``ImportBatch`` of kind ``news`` (undone from the Impor page like any import) and
audited as ``save_meeting`` or ``add_source``. Saving the same report again
changes nothing. What is saved (``NewsMeeting``) and its checks are in ``news_item``.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_access import audit, records
from data_access.engine import get_engine, session_scope
from data_access.imports.apply import ImportReport, _Job, writer_account
from data_access.imports.news_item import NewsMeeting, SaveResult, item_problems
from data_access.imports.news_kdmp import save_figures
from data_access.imports.news_lookups import similar_meetings
from data_access.imports.parsing import FileError
from data_access.imports.regions import Gazetteer
from data_access.models_cooperatives import CooperativeCount
from data_access.models_meetings import Meeting, MeetingSource
from data_access.models_pokja import PokjaStageChange
from data_access.models_reference import Source
from data_access.models_users import ImportBatch


def save(item: NewsMeeting, *, user, merge: str | int = "auto", engine: Engine | None = None) -> SaveResult:
    """Store the report and its meeting (see the module docstring).

    ``merge``: ``"auto"`` adds the report to the most similar stored meeting when there is
    one; ``"new"`` stores a new meeting unless one has exactly the same province, date and
    title; a meeting id adds the report to that meeting."""
    result = SaveResult()
    try:
        with session_scope(engine or get_engine()) as session:
            writer = writer_account(session, user)
            gazetteer = Gazetteer.load(session)
            result.problems = item_problems(item, gazetteer)
            if result.problems:
                return result
            areas = {item.province_code, *(c[:2] for c in filter(None, [item.regency_code, *item.regencies]))}
            if item.stage is not None:
                areas.add(item.stage.regency_code[:2])
            if item.kdmp is not None:
                areas.add(item.kdmp.area_code[:2])
            if writer.role != "admin" and writer.province_code and areas != {writer.province_code}:
                raise FileError("outside_province", allowed=gazetteer.label(writer.province_code))
            key = item.source_key()
            if session.scalar(select(Source.id).where(Source.key == key)) is not None:
                result.action = "unchanged"
                result.meeting_id = session.scalar(
                    select(Meeting.id).join(Source, Source.id == Meeting.source_id).where(Source.key == key)
                ) or session.scalar(select(MeetingSource.meeting_id).join(Source, Source.id == MeetingSource.source_id)
                                    .where(Source.key == key))
                return result
            digest = hashlib.sha256((item.text or key).encode()).hexdigest()
            report = ImportReport(kind="news", file_name=(item.headline or item.title)[:300], sha256=digest,
                                  strict=True, dry_run=False)
            batch = ImportBatch(kind="news", file_name=report.file_name, file_sha256=digest, user_id=writer.id,
                                created_at=audit.utc_now(), status="committed", strict=True)
            session.add(batch)
            session.flush()
            job = _Job(session, report, writer, batch, gazetteer, None)
            source = Source(key=key, kind="news", outlet=item.outlet.strip()[:200], headline=item.headline,
                            url=item.url, published_on=item.published_on, author=item.author,
                            note=f"Disimpan dari halaman Ekstraksi oleh {writer.username}.",
                            recorded_at=audit.utc_now())
            session.add(source)
            session.flush()
            job.created(source)
            batch.source_id = source.id

            target = None
            if isinstance(merge, int):
                target = session.get(Meeting, merge)
            else:
                found = similar_meetings(session, item.province_code, item.held_on, item.title, item.venue)
                exact = [m for m, _ in found if m.title == item.title]
                if merge == "auto" and found:
                    target = session.get(Meeting, found[0][0].id)
                elif exact:
                    target = session.get(Meeting, exact[0].id)
            if target is not None:
                link = MeetingSource(meeting_id=target.id, source_id=source.id)
                session.add(link)
                session.flush()
                job.created(link)
                result.action, result.meeting_id = "merged", target.id
            else:
                regencies = item.regencies or ([item.regency_code] if item.regency_code else [])
                meeting = records.add_meeting(
                    session, sectors=item.sectors, regencies=regencies, title=item.title.strip()[:300],
                    kind=item.kind, level=item.level, held_on=item.held_on, date_inferred=item.date_inferred,
                    status=item.status, venue=item.venue, city=item.city, province_code=item.province_code,
                    regency_code=item.regency_code, organizer=item.organizer, opened_by_name=item.opened_by_name,
                    opened_by_role=item.opened_by_role, participants=item.participants, theme=item.theme,
                    source_id=source.id)
                job.created(meeting)
                result.action, result.meeting_id = "created", meeting.id
            counted = _figures(session, job, item, source.id)
            staged = _stage(session, job, item, source.id)
            kdmp_added = save_figures(session, job, item.kdmp, source.id, item.outlet)
            batch.rows_new = 1 + counted + staged + kdmp_added
            job.write_rows()
            audit.record(session, username=writer.username,
                         action="save_meeting" if result.action == "created" else "add_source",
                         entity="meeting", entity_key=f"{result.meeting_id}", batch_id=batch.id,
                         source_id=source.id,
                         detail={"title": item.title, "held_on": item.held_on, "outlet": item.outlet,
                                 "url": item.url, "figures": counted, "pokja_stage": staged,
                                 "kdmp_figures": kdmp_added})
            result.batch_id = batch.id
    except FileError as problem:
        result.error = problem
        result.action, result.batch_id = "", None
    return result


def _figures(session: Session, job: _Job, item: NewsMeeting, source_id: int) -> int:
    if item.figures is None:
        return 0
    f = item.figures
    area = f.area_code or item.regency_code or item.province_code
    exists = session.scalar(select(CooperativeCount.id).where(
        CooperativeCount.area_code == area, CooperativeCount.as_of == f.as_of,
        CooperativeCount.source_id == source_id))
    if exists:
        return 0
    row = records.add_cooperative_count(session, area_code=area, as_of=f.as_of, source_id=source_id, total=f.total,
                                        active=f.active, inactive=f.inactive, approximate=f.approximate)
    job.created(row)
    return 1


def _stage(session: Session, job: _Job, item: NewsMeeting, source_id: int) -> int:
    if item.stage is None:
        return 0
    s = item.stage
    pokja = records.find_pokja(session, s.regency_code, s.mandate_id, source_id)
    if pokja is not None:
        if session.scalar(select(PokjaStageChange.id).where(
                PokjaStageChange.pokja_id == pokja.id, PokjaStageChange.stage == s.stage,
                PokjaStageChange.changed_on == s.on)):
            return 0
        job.updating(pokja)
    pokja = records.record_pokja_stage(session, regency_code=s.regency_code, mandate_id=s.mandate_id,
                                       stage=s.stage, on=s.on, source_id=source_id, sk_number=s.sk_number,
                                       note=f"Dari berita: {item.outlet}")
    job.created(pokja)
    change = session.scalar(select(PokjaStageChange).where(
        PokjaStageChange.pokja_id == pokja.id, PokjaStageChange.stage == s.stage, PokjaStageChange.changed_on == s.on))
    job.created(change)
    return 1
