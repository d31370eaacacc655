"""The list of import batches, and undoing one batch exactly (or changing nothing and saying why).

A committed batch records each row it created or changed in ``import_batch_row`` — the
row's primary key and, for a change, the row's values before it (and a meeting's sectors
and regencies); the first touch of a row in a batch wins. ``undo`` puts every changed row
back to those values, deletes the created rows (children before parents), recomputes the
derived RAT runs, then deletes the sources the batch created. It refuses, changing
nothing, when a later batch still in force touched the same rows or now uses a source the
batch created (undo that one first), or when a row has gone. Batch rows, the batch
(status ``undone``) and the audit entries stay: they are the history.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, and_, delete, func, select, tuple_
from sqlalchemy.orm import Session, aliased

from data_access import audit, cooperative_summaries, records
from data_access.auth import Identity
from data_access.engine import get_engine, session_scope
from data_access.frames import read_frame
from data_access.imports import messages
from data_access.imports.job import chunks, restore, writer_account
from data_access.imports.kinds.meetings import set_meeting_links
from data_access.imports.parsing import FileError, ImportProblem
from data_access.models_cooperatives import Cooperative, CooperativeCount, CooperativeRat
from data_access.models_kdmp import Kdmp, KdmpFigure, KdmpStageChange
from data_access.models_meetings import Meeting, MeetingSource
from data_access.models_pokja import Mandate, Pokja, PokjaStageChange
from data_access.models_reference import Source
from data_access.models_users import ImportBatch, ImportBatchRow, User

MODELS = {m.__tablename__: m for m in (Source, Cooperative, CooperativeRat, CooperativeCount, Meeting,
                                        MeetingSource, Pokja, PokjaStageChange, Kdmp, KdmpStageChange,
                                        KdmpFigure)}
SOURCE_REFERENCES = (Meeting.source_id, MeetingSource.source_id, Cooperative.source_id, CooperativeCount.source_id,
                     Pokja.source_id, PokjaStageChange.source_id, Mandate.source_id, ImportBatch.source_id,
                     Kdmp.source_id, KdmpStageChange.source_id, KdmpFigure.source_id)

BATCH_COLUMNS = ["id", "kind", "file_name", "created_at", "username", "display_name", "status", "rows_new",
                 "rows_changed", "rows_unchanged", "rows_rejected", "undone_at", "undone_by", "source_id"]


def batches(limit: int = 200, engine: Engine | None = None) -> pd.DataFrame:
    """The latest import batches, newest first. Columns: ``BATCH_COLUMNS``."""
    stmt = (select(ImportBatch.id, ImportBatch.kind, ImportBatch.file_name, ImportBatch.created_at, User.username,
                   User.display_name, ImportBatch.status, ImportBatch.rows_new, ImportBatch.rows_changed,
                   ImportBatch.rows_unchanged, ImportBatch.rows_rejected, ImportBatch.undone_at,
                   ImportBatch.undone_by, ImportBatch.source_id)
            .join(User, User.id == ImportBatch.user_id)
            .order_by(ImportBatch.id.desc()).limit(limit))
    with (engine or get_engine()).connect() as conn:
        return read_frame(conn, stmt, BATCH_COLUMNS)


@dataclass
class UndoReport:
    """What an undo did, in the terms of the import's own report (issue 12 point 8): ``rows_new``
    rows of the file that came in new are gone again and ``rows_changed`` rows it changed hold
    their earlier values. ``deleted``/``restored`` count the stored records behind them (a new
    meeting row is also its source and its links), kept for the audit only — never shown as rows."""
    batch_id: int
    file_name: str = ""
    rows_new: int = 0
    rows_changed: int = 0
    deleted: int = 0
    restored: int = 0
    error: ImportProblem | None = None

    @property
    def done(self) -> bool:
        return self.error is None

    def to_text(self, lang: str = "id") -> str:
        if self.error is not None:
            return self.error.text(lang)
        return messages.text("undo_done", lang, batch=self.batch_id, file=self.file_name, new=self.rows_new,
                             changed=self.rows_changed)


DELETE_ORDER = ("cooperative_rat", "pokja_stage_change", "kdmp_stage_change", "kdmp_figure", "meeting_source",
                "cooperative_count", "meeting", "pokja", "kdmp", "cooperative", "source")


def _delete_rows(session: Session, model, keys: list[dict], batch_id: int) -> None:
    """Delete rows by primary key; every one must still be there."""
    columns = list(model.__mapper__.primary_key)
    for chunk in chunks(keys):
        if len(columns) == 1:
            condition = columns[0].in_([k[columns[0].key] for k in chunk])
        else:
            condition = tuple_(*columns).in_([tuple(k[c.key] for c in columns) for k in chunk])
        done = session.execute(delete(model).where(condition).execution_options(synchronize_session=False))
        if done.rowcount != len(chunk):
            raise FileError("batch_row_gone", batch=batch_id, table=model.__tablename__,
                            key=json.dumps(chunk[0], sort_keys=True))


def _source_in_use(session: Session, source_id: int) -> bool:
    for column in SOURCE_REFERENCES:
        if session.scalar(select(func.count()).select_from(column.table).where(column == source_id)):
            return True
    return False


def registry_regencies(session: Session, rows) -> set[str]:
    """The kab/kota of the cooperatives that batch rows ``rows`` (table, key, action, previous) touch:
    where each cooperative is now and, for one the batch changed, where it was before. Their summary
    rows are the ones to rebuild (``cooperative_summaries.refresh_regencies``)."""
    ids: set[int] = set()
    codes: set[str] = set()
    for table, key, _action, previous in rows:
        if table == "cooperative":
            ids.add(json.loads(key)["id"])
            before = json.loads(previous).get("regency_code") if previous else None
            if before:
                codes.add(before)
        elif table == "cooperative_rat":
            ids.add(json.loads(key)["cooperative_id"])
    for chunk in chunks(sorted(ids), 5_000):
        codes.update(session.scalars(select(Cooperative.regency_code).where(Cooperative.id.in_(chunk))))
    return codes


def undo(batch_id: int, *, user: Identity | str, engine: Engine | None = None) -> UndoReport:
    """Undo one committed batch exactly, or change nothing and say why."""
    report = UndoReport(batch_id)
    try:
        with session_scope(engine or get_engine()) as session:
            writer = writer_account(session, user)
            batch = session.get(ImportBatch, batch_id, with_for_update=True)
            if batch is None:
                raise FileError("batch_unknown", batch=batch_id)
            if batch.status != "committed":
                raise FileError("batch_undone", batch=batch_id)
            owner = session.get(User, batch.user_id)
            if writer.role != "admin" and writer.id != batch.user_id:
                raise FileError("undo_not_allowed", owner=owner.username, batch=batch_id)
            mine, later = aliased(ImportBatchRow), aliased(ImportBatchRow)
            later_batch = session.scalar(
                select(func.max(later.batch_id))
                .join(mine, and_(mine.table_name == later.table_name, mine.row_key == later.row_key))
                .join(ImportBatch, ImportBatch.id == later.batch_id)
                .where(mine.batch_id == batch_id, later.batch_id > batch_id, ImportBatch.status == "committed"))
            if later_batch is not None:
                raise FileError("batch_later", batch=batch_id, later=later_batch)
            rows = session.execute(
                select(ImportBatchRow.table_name, ImportBatchRow.row_key, ImportBatchRow.action,
                       ImportBatchRow.previous)
                .where(ImportBatchRow.batch_id == batch_id).order_by(ImportBatchRow.id.desc())).all()
            if batch.kind == "registry":  # before anything moves: the kab/kota the batch's rows are in now
                span_before = cooperative_summaries.stored_years(session)
                regencies = registry_regencies(session, rows)
            batch.source_id = None
            session.flush()
            runs_for: set[int] = set()
            # 1. Changed rows back to their values before the batch (newest change first).
            for table, key, action, previous in rows:
                if action != "updated":
                    continue
                obj = session.get(MODELS[table], json.loads(key))
                if obj is None:
                    raise FileError("batch_row_gone", batch=batch_id, table=table, key=key)
                values = json.loads(previous)
                restore(obj, values)
                if isinstance(obj, Meeting):
                    set_meeting_links(obj, values["sectors"], values["regencies"])
                if isinstance(obj, CooperativeRat):
                    runs_for.add(obj.cooperative_id)
                report.restored += 1
            session.flush()
            # 2. Created rows deleted in bulk, children before parents; the sources last, once
            #    nothing points at them any more.
            created: dict[str, list[dict]] = defaultdict(list)
            for table, key, action, _previous in rows:
                if action == "created":
                    created[table].append(json.loads(key))
            runs_for.update(k["cooperative_id"] for k in created["cooperative_rat"])
            for table in DELETE_ORDER:
                keys = created.pop(table, [])
                if table == "source":
                    for key in keys:
                        if _source_in_use(session, key["id"]):
                            found = session.scalar(select(Source.key).where(Source.id == key["id"]))
                            raise FileError("batch_source_used", batch=batch_id, source=found or key["id"])
                _delete_rows(session, MODELS[table], keys, batch_id)
                report.deleted += len(keys)
            assert not created, f"undo does not know how to delete {sorted(created)}"
            existing = set(session.scalars(select(Cooperative.id).where(Cooperative.id.in_(runs_for or {0}))))
            records.recompute_runs(session, runs_for & existing)
            if batch.kind == "registry":
                cooperative_summaries.refresh_regencies(session, regencies, span_before)
            batch.status, batch.undone_at, batch.undone_by = "undone", audit.utc_now(), writer.username
            report.file_name, report.rows_new, report.rows_changed = batch.file_name, batch.rows_new, batch.rows_changed
            audit.record(session, username=writer.username, action="undo", entity=batch.kind,
                         entity_key=batch.file_name, batch_id=batch.id,
                         detail={"new_removed": report.rows_new, "changed_restored": report.rows_changed})
    except FileError as problem:
        report.error = problem
        report.deleted = report.restored = report.rows_new = report.rows_changed = 0
    return report
