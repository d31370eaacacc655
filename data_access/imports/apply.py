"""Preview and commit of an import, in one transaction each.

``run_import(kind, data, file_name, user=..., dry_run=True)`` is the preview and
``dry_run=False`` the commit. Both do exactly the same work inside one
``session_scope`` transaction — find each row by its natural key, classify it
new / changed / unchanged / rejected, write it (the kind's writer, ``kinds/<kind>.py``)
— and the preview (or a strict commit with any rejected row, or a file with nothing
to change) then rolls the transaction back. So the preview is what the commit will
do, and a rejected row never writes anything.

Natural keys (a re-import of the same file finds every row ``unchanged`` and
writes nothing, not even a batch): registry → NIK (or name + regency when the
file has no NIK); counts → area + date + source; meetings → province + date +
title; Pokja → regency + mandate + stage + date; KDMP → desa code. Undo: ``imports.undo``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from data_access import audit, cooperative_summaries
from data_access.auth import Identity
from data_access.engine import get_engine, session_scope
from data_access.imports import accounting, checks, collapse, layouts, mapping, rat_history, reading, suggest
from data_access.imports.job import Job, sha256, writer_account
from data_access.imports.kinds import KINDS, Context, Record, RowError, map_headers, spec_for, validate
from data_access.imports.kinds.kdmp import needs_listing
from data_access.imports.parsing import FileError, header_key
from data_access.imports.regions import Gazetteer
from data_access.imports.report import ImportReport, RowOutcome
from data_access.imports.rows import HeaderMap, index_headers
from data_access.imports.undo import registry_regencies
from data_access.imports.villages import VillageIndex
from data_access.models_pokja import Mandate
from data_access.models_users import ImportBatch, ImportBatchRow, User

_Job = Job  # the name ``imports.news`` uses


class _Rollback(Exception):
    """Leave the transaction without writing (preview, strict refusal, nothing to do)."""


def _mandates(session: Session) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for mandate_id, code, title in session.execute(select(Mandate.id, Mandate.code, Mandate.title)):
        found[header_key(code)] = (mandate_id, code)
        found.setdefault(header_key(title), (mandate_id, code))
    return found


def _outside(record: Record, user: User, gazetteer: Gazetteer) -> RowError | None:
    if user.role == "admin" or not user.province_code or record.province_code == user.province_code:
        return None
    return RowError(record.row, record.province_column, record.area_value, "outside_province",
                    {"allowed": gazetteer.label(user.province_code)})


def run_import(kind: str, data: bytes, file_name: str, *, user: Identity | str, strict: bool = False,
               dry_run: bool = True, source_outlet: str | None = None, engine: Engine | None = None,
               today: dt.date | None = None, same_meeting: str | None = None,
               columns: dict[str, str] | None = None, listing: tuple[dt.date, str] | None = None) -> ImportReport:
    """Preview (``dry_run=True``) or commit one file of ``kind``; see the module docstring.
    ``columns``: the official's mapping, file header → field (or ``abaikan``), ``mapping.apply_choices``.
    ``listing``: kdmp only, ``(export date, stage)`` for a listing that gives no stage nor stage date."""
    report = ImportReport(kind=kind, file_name=file_name, sha256=sha256(data), strict=strict, dry_run=dry_run)
    try:
        spec = spec_for(kind)
        table = reading.read_table(data, file_name)
    except FileError as problem:
        report.file_error = problem
        return report
    report.file_type, report.encoding, report.delimiter, report.sheet = (
        table.file_type, table.encoding, table.delimiter, table.sheet)
    engine = engine or get_engine()
    try:
        with session_scope(engine) as session:
            writer = writer_account(session, user)
            gazetteer = Gazetteer.load(session)
            shaped = layouts.shape(table, spec, gazetteer)
            written_headers = list(shaped.table.headers)
            table, chosen_ignored = mapping.apply_choices(spec, shaped.table, columns or {})
            chosen_positions = frozenset(i for i, h in enumerate(written_headers)
                                         if any(header_key(h) == header_key(c) for c in columns or {}))
            table, level_notes = mapping.hierarchy_from_values(spec, table, gazetteer, chosen_positions)
            report.layout, report.notes = shaped.layout, [*shaped.notes, *level_notes]
            ctx = Context(gazetteer, _mandates(session), today or dt.date.today(), shaped.kota_written,
                          VillageIndex(session), listing)
            report.columns = accounting.account(spec, table, _loose_map(spec, table.headers), gazetteer,
                                                chosen_ignored, written_headers)
            accounting.finer_than_kind(kind, report.columns)  # the level first: it names the cause
            accounting.coarser_than_kind(kind, report.columns)
            try:
                hmap, validated = validate(spec, table, ctx)
            except FileError as problem:
                hint = _other_kind_hint(problem, kind, table.headers)  # the wrong kind chosen: the likelier cause
                raise (_suggested(problem, spec, table) or problem) if hint is problem else hint from problem
            report.columns = accounting.account(spec, table, hmap, gazetteer, chosen_ignored, written_headers)
            if kind == "kdmp" and listing is None and needs_listing(hmap.index):
                raise FileError("kdmp_listing_needs_stage", found=", ".join(h for h in written_headers if h))
            accounting.refuse_unaccounted(report.columns, spec)
            report.notes += accounting.notes(report.columns)
            validated = [shaped.row_errors.get(number, result)
                         for (number, _cells), result in zip(table.rows, validated, strict=True)]
            report.notes += checks.reading_notes(validated, gazetteer)
            if kind == "counts":
                report.notes += checks.total_checks(validated, shaped.total_rows, gazetteer)
            report.ignored_columns = [*hmap.ignored, *sorted(chosen_ignored)]
            report.unknown_columns = [c.header for c in report.columns if c.role == "not_imported"]
            if not table.rows:
                raise FileError("no_rows")
            report.earlier_batches = list(session.scalars(
                select(ImportBatch.id).where(ImportBatch.file_sha256 == report.sha256,
                                             ImportBatch.status == "committed").order_by(ImportBatch.id)))
            outcomes: dict[int, RowOutcome] = {}
            accepted: list[Record] = []
            first_row: dict[tuple, Record] = {}
            for (number, _cells), result in zip(table.rows, validated, strict=True):
                if isinstance(result, list):
                    outcomes[number] = RowOutcome(number, "rejected", "", result)
                    continue
                problem = _outside(result, writer, gazetteer)
                if problem is None and result.key in first_row:
                    earlier = first_row[result.key]
                    if not collapse.same(earlier, result):
                        raise collapse.refusal(earlier, result, dict(table.rows), report.columns)
                    outcomes[number] = RowOutcome(number, "merged", result.label)
                    continue
                if problem is not None:
                    outcomes[number] = RowOutcome(number, "rejected", result.label, [problem])
                    continue
                first_row[result.key] = result
                outcomes[number] = RowOutcome(number, "new", result.label)
                accepted.append(result)
            merged = [number for number, outcome in outcomes.items() if outcome.status == "merged"]
            if merged:
                report.notes.append(("merged_rows", {"count": len(merged), "rows": ", ".join(map(str, merged))}))
            batch = ImportBatch(kind=kind, file_name=file_name[:300], file_sha256=report.sha256, user_id=writer.id,
                                created_at=audit.utc_now(), status="committed", strict=strict)
            session.add(batch)
            session.flush()
            span_before = cooperative_summaries.stored_years(session) if kind == "registry" else None
            job = Job(session, report, writer, batch, gazetteer, source_outlet)
            job.same_meeting = same_meeting
            try:
                results = spec.writer(job, accepted)
                session.flush()
                job.write_rows()
                session.flush()
            except IntegrityError as error:  # a rule only the database knew: refuse the whole file
                raise _database_problem(error) from error
            if kind == "registry":
                report.rat_history, notes = rat_history.summarise(session, accepted)
                report.notes += notes
            for number, (status, errors) in results.items():
                outcomes[number].status = status
                outcomes[number].errors = errors
            report.outcomes = [outcomes[number] for number, _cells in table.rows]
            if dry_run or report.blocked or report.writes == 0:
                raise _Rollback
            counts = report.counts
            batch.rows_new, batch.rows_changed = counts["new"], counts["changed"]
            batch.rows_unchanged, batch.rows_rejected = counts["unchanged"], counts["rejected"]
            audit.record(session, username=writer.username, action="import", entity=kind,
                         entity_key=file_name, batch_id=batch.id, source_id=batch.source_id,
                         detail={"sha256": report.sha256, "strict": strict, **counts})
            if kind == "registry":
                touched = session.execute(select(ImportBatchRow.table_name, ImportBatchRow.row_key,
                                                 ImportBatchRow.action, ImportBatchRow.previous)
                                          .where(ImportBatchRow.batch_id == batch.id)).all()
                cooperative_summaries.refresh_regencies(session, registry_regencies(session, touched), span_before)
            report.batch_id = batch.id
            report.committed = True
    except _Rollback:
        pass
    except FileError as problem:
        report.file_error = problem
        report.outcomes = []
    return report


def _loose_map(spec, headers: list[str]) -> HeaderMap:
    """The columns the kind recognises even when a required one is missing (the level check runs
    before a missing column is reported: "per desa" is the cause, not a missing kab/kota; and a
    suggestion is only made for a field no column fills); an empty map for a doubled column."""
    try:
        return index_headers(spec, headers)
    except FileError:
        return HeaderMap({}, {}, [], [])


def _suggested(problem: FileError, spec, table) -> FileError | None:
    """A required field with no recognised column, and an unread column whose values fit it: name
    that column and how to map it (the mapping step on the page offers the same)."""
    if problem.code != "missing_columns":
        return None
    hmap = _loose_map(spec, [h if h else "" for h in table.headers])
    for column in spec.columns:
        if not column.required or column.field in hmap.index:
            continue
        found = suggest.for_missing(spec, table, hmap, column.field)
        if found:
            return FileError("missing_columns_suggest", columns=column.header, found=problem.params["found"],
                             column=found[0], field=column.header, field_id=column.field,
                             values=", ".join(found[1]))
    return None


def _other_kind_hint(problem: FileError, kind: str, headers: list[str]) -> FileError:
    """Missing columns because the wrong kind was chosen: name the kind the headers fit."""
    if problem.code != "missing_columns":
        return problem
    for other, other_spec in KINDS.items():
        if other == kind:
            continue
        try:
            found = map_headers(other_spec, headers)
        except FileError:
            continue
        if len(found.index) >= 2:
            return FileError("missing_columns_other_kind", columns=problem.params["columns"],
                             other=other_spec.title_id, other_en=other_spec.title_en)
    return problem


class DatabaseProblem(FileError):
    pass


def _database_problem(error: IntegrityError) -> FileError:
    detail = str(getattr(error, "orig", error)).splitlines()[0][:200]
    return DatabaseProblem("database", detail=detail)
