"""Preview, commit and undo of an import, in one transaction each.

``run_import(kind, data, file_name, user=..., dry_run=True)`` is the preview and
``dry_run=False`` the commit. Both do exactly the same work inside one
``session_scope`` transaction — find each row by its natural key, classify it
new / changed / unchanged / rejected, write it — and the preview (or a strict
commit with any rejected row, or a file with nothing to change) then rolls the
transaction back. So the preview is what the commit will do, and a rejected row
never writes anything.

Natural keys (a re-import of the same file finds every row ``unchanged`` and
writes nothing, not even a batch): registry → NIK (or name + regency when the
file has no NIK); counts → area + date + source; meetings → province + date +
title; Pokja → regency + mandate + stage + date.

Undo: a committed batch records each row it created or changed in
``import_batch_row`` — the row's primary key and, for a change, the row's values
before it (and a meeting's sectors and regencies); the first touch of a row in a
batch wins. ``undo`` puts every changed row back to those values, deletes the
created rows (children before parents), recomputes the derived RAT runs, then
deletes the sources the batch created. It refuses, changing nothing, when a
later batch still in force touched the same rows or now uses a source the batch
created (undo that one first), or when a row has gone. Batch rows, the batch
(status ``undone``) and the audit entries stay: they are the history.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Date, DateTime, Engine, and_, delete, func, insert, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from data_access import audit, cooperative_summaries, records
from data_access.auth import WRITE_ROLES, Identity, account
from data_access.engine import get_engine, session_scope
from data_access.frames import read_frame
from data_access.imports import parsing
from data_access.imports.kinds import KINDS, Context, Record, RowError, SourceSpec, map_headers, spec_for, validate
from data_access.imports.parsing import FileError, ImportProblem, header_key
from data_access.imports.regions import Gazetteer
from data_access.models import (
    Cooperative,
    CooperativeCount,
    CooperativeRat,
    ImportBatch,
    ImportBatchRow,
    Mandate,
    Meeting,
    MeetingRegency,
    MeetingSector,
    MeetingSource,
    Pokja,
    PokjaStageChange,
    Source,
    User,
)

STATUSES = ("new", "changed", "unchanged", "rejected")
MODELS = {m.__tablename__: m for m in (Source, Cooperative, CooperativeRat, CooperativeCount, Meeting,
                                        MeetingSource, Pokja, PokjaStageChange)}
SOURCE_REFERENCES = (Meeting.source_id, MeetingSource.source_id, Cooperative.source_id, CooperativeCount.source_id,
                     Pokja.source_id, PokjaStageChange.source_id, Mandate.source_id, ImportBatch.source_id)
DEFAULT_SOURCE_KIND = {"registry": "official_dataset"}
FLUSH_EVERY = 2_000


# --- the report ---------------------------------------------------------------------------------


@dataclass
class RowOutcome:
    row: int
    status: str
    key: str
    errors: list[RowError] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import found (preview) or did (commit): the same report on the page and the CLI."""

    kind: str
    file_name: str
    sha256: str
    strict: bool
    dry_run: bool
    outcomes: list[RowOutcome] = field(default_factory=list)
    file_error: ImportProblem | None = None
    file_type: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    ignored_columns: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    committed: bool = False
    batch_id: int | None = None
    earlier_batches: list[int] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        found = {status: 0 for status in STATUSES}
        for outcome in self.outcomes:
            found[outcome.status] += 1
        return found

    @property
    def errors(self) -> list[RowError]:
        return [error for outcome in self.outcomes for error in outcome.errors]

    @property
    def rejected(self) -> int:
        return self.counts["rejected"]

    @property
    def writes(self) -> int:
        counts = self.counts
        return counts["new"] + counts["changed"]

    @property
    def blocked(self) -> bool:
        """Nothing can be committed: a file error, or strict mode with a rejected row."""
        return self.file_error is not None or (self.strict and self.rejected > 0)

    @property
    def exit_code(self) -> int:
        """0: clean; 1: rejected rows; 2: the file (or the account) was refused."""
        if self.file_error is not None:
            return 2
        return 1 if self.rejected else 0

    def errors_frame(self, lang: str = "id") -> pd.DataFrame:
        """One line per problem: ``row``, ``column``, ``value``, ``reason``."""
        return pd.DataFrame([(e.row, e.column, e.value, e.text(lang)) for e in self.errors],
                            columns=["row", "column", "value", "reason"])

    def rows_frame(self, lang: str = "id") -> pd.DataFrame:
        """One line per file row: ``row``, ``status``, ``key``, ``reason`` (rejected rows only)."""
        return pd.DataFrame([(o.row, o.status, o.key, "; ".join(f"{e.column}: {e.text(lang)}" for e in o.errors))
                             for o in self.outcomes], columns=["row", "status", "key", "reason"])

    def to_dict(self, lang: str = "id") -> dict:
        return {
            "kind": self.kind, "file": self.file_name, "sha256": self.sha256, "strict": self.strict,
            "dry_run": self.dry_run, "committed": self.committed, "batch_id": self.batch_id,
            "file_error": self.file_error.text(lang) if self.file_error else None, "counts": self.counts,
            "encoding": self.encoding, "delimiter": self.delimiter, "ignored_columns": self.ignored_columns,
            "unknown_columns": self.unknown_columns, "earlier_batches": self.earlier_batches,
            "errors": self.errors_frame(lang).to_dict(orient="records"),
        }

    def to_text(self, lang: str = "id") -> str:
        en = lang == "en"
        lines = [f"{'Import' if en else 'Impor'} {self.kind}: {self.file_name}"]
        if self.file_error is not None:
            lines.append(("Refused: " if en else "Ditolak: ") + self.file_error.text(lang))
            return "\n".join(lines)
        details = [d for d in (self.file_type, self.encoding, repr(self.delimiter) if self.delimiter else None,
                               self.sheet) if d]
        lines.append(" · ".join(details))
        c = self.counts
        lines.append((f"new {c['new']} · changed {c['changed']} · unchanged {c['unchanged']} · "
                      f"rejected {c['rejected']}") if en else
                     (f"baru {c['new']} · berubah {c['changed']} · tetap {c['unchanged']} · "
                      f"ditolak {c['rejected']}"))
        if self.unknown_columns:
            lines.append(("Columns not recognised (ignored): " if en else "Kolom tidak dikenal (diabaikan): ")
                         + ", ".join(self.unknown_columns))
        if self.earlier_batches:
            lines.append(("This exact file was imported before: batch " if en else
                          "Berkas yang sama persis pernah diimpor: batch ")
                         + ", ".join(f"#{b}" for b in self.earlier_batches))
        for error in self.errors:
            lines.append(f"  {'row' if en else 'baris'} {error.row} · {error.column} · "
                         f"{error.value!r} · {error.text(lang)}")
        if self.committed:
            lines.append(f"Committed as batch #{self.batch_id}." if en else
                          f"Tersimpan sebagai batch #{self.batch_id}.")
        elif self.dry_run:
            lines.append("Preview only: nothing was written." if en else "Pratinjau saja: tidak ada yang ditulis.")
        elif self.strict and self.rejected:
            lines.append("Strict mode: nothing was written because rows were rejected." if en else
                         "Mode ketat: tidak ada yang ditulis karena ada baris yang ditolak.")
        else:
            lines.append("Nothing to change." if en else "Tidak ada yang perlu diubah.")
        return "\n".join(lines)


class _Rollback(Exception):
    """Leave the transaction without writing (preview, strict refusal, nothing to do)."""


# --- helpers ------------------------------------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json_value(value):
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def row_key(obj) -> str:
    mapper = obj.__mapper__
    return json.dumps({c.key: _json_value(getattr(obj, c.key)) for c in mapper.primary_key}, sort_keys=True)


def snapshot(obj) -> dict:
    return {attr.key: _json_value(getattr(obj, attr.key)) for attr in obj.__mapper__.column_attrs}


def restore(obj, values: dict) -> None:
    columns = {attr.key: attr.columns[0] for attr in obj.__mapper__.column_attrs}
    primary = {c.key for c in obj.__mapper__.primary_key}
    for key, value in values.items():
        column = columns.get(key)
        if column is None or key in primary:
            continue
        if value is not None and isinstance(column.type, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = dt.date.fromisoformat(value)
        setattr(obj, key, value)


def writer_account(session: Session, user: Identity | str) -> User:
    """The active editor/admin account behind ``user``, read inside the transaction."""
    username = user.username if isinstance(user, Identity) else str(user)
    row = account(session, username)
    if row is None:
        raise FileError("unknown_user", user=username)
    if row.role not in WRITE_ROLES:
        raise FileError("not_allowed", user=row.username, role=row.role)
    return row


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]


# --- one import ---------------------------------------------------------------------------------


class _Job:
    """The writes of one import inside its transaction, remembering what the batch touched."""

    def __init__(self, session: Session, report: ImportReport, user: User, batch: ImportBatch,
                 gazetteer: Gazetteer, source_outlet: str | None) -> None:
        self.session, self.report, self.user, self.batch = session, report, user, batch
        self.gazetteer = gazetteer
        self.source_outlet = source_outlet
        self.touched: set[tuple[str, str]] = set()
        self.batch_rows: list[dict] = []
        self.sources: dict[str | None, int | None] = {}

    # --- batch rows ---------------------------------------------------------------------------
    def _track(self, obj, action: str, previous: dict | None = None) -> None:
        self.track(obj.__tablename__, row_key(obj), action, previous)

    def track(self, table: str, key: str, action: str, previous: dict | None = None) -> None:
        """Remember one row the batch touched; the first touch wins (a row created and then
        changed by the same batch is just created). Written in bulk by ``write_rows``."""
        if (table, key) in self.touched:
            return
        self.touched.add((table, key))
        self.batch_rows.append({"batch_id": self.batch.id, "table_name": table, "row_key": key, "action": action,
                                "previous": json.dumps(previous, ensure_ascii=False) if previous else None})

    def write_rows(self) -> None:
        for chunk in _chunks(self.batch_rows, 5_000):
            self.session.execute(insert(ImportBatchRow), chunk)
        self.batch_rows.clear()

    def created(self, obj) -> None:
        self._track(obj, "created")

    def updating(self, obj, extra: dict | None = None) -> None:
        """Call before changing ``obj``: keeps its values as they were before this batch."""
        self._track(obj, "updated", {**snapshot(obj), **(extra or {})})

    # --- sources ------------------------------------------------------------------------------
    def _default_key(self) -> str:
        return f"impor:{self.report.kind}:{header_key(self.report.file_name)}"[:300]

    def find_source(self, spec: SourceSpec | None) -> int | None:
        key = spec.key if spec else self._default_key()
        if key not in self.sources:
            self.sources[key] = self.session.scalar(select(Source.id).where(Source.key == key))
        return self.sources[key]

    def can_create_source(self, spec: SourceSpec | None) -> bool:
        return spec is None or bool(spec.outlet) or self.find_source(spec) is not None

    def ensure_source(self, spec: SourceSpec | None) -> int:
        found = self.find_source(spec)
        if found is not None:
            if spec is None and self.batch.source_id is None:
                self.batch.source_id = found
            return found
        report = self.report
        note = f"Diimpor dari berkas {report.file_name} (sha256 {report.sha256[:12]}) oleh {self.user.username}."
        if spec is None:
            source = Source(key=self._default_key(), kind=DEFAULT_SOURCE_KIND.get(report.kind, "manual"),
                            outlet=(self.source_outlet or f"Berkas impor {report.file_name}")[:200],
                            headline=report.file_name[:500], note=note, recorded_at=audit.utc_now())
        else:
            source = Source(key=spec.key, kind=spec.kind, outlet=spec.outlet[:200], headline=spec.headline,
                            url=spec.url, published_on=spec.published_on, note=note, recorded_at=audit.utc_now())
        self.session.add(source)
        self.session.flush()
        self.created(source)
        self.sources[source.key] = source.id
        if spec is None:
            self.batch.source_id = source.id
        return source.id

    # --- kinds --------------------------------------------------------------------------------
    def run(self, kind: str, records_in: list[Record]) -> dict[int, tuple[str, list[RowError]]]:
        results = getattr(self, f"_{kind}")(records_in)
        self.session.flush()
        self.write_rows()
        return results

    def _source_error(self, record: Record) -> RowError:
        return RowError(record.row, "Kode Sumber", record.source.key if record.source else "", "unknown_source_key")

    def _registry(self, found: list[Record]) -> dict:
        session, results = self.session, {}
        by_nik: dict[str, Cooperative] = {}
        niks = [r.key[1] for r in found if r.key[0] == "nik"]
        for chunk in _chunks(niks):
            for coop in session.scalars(select(Cooperative).where(Cooperative.nik.in_(chunk))):
                by_nik[coop.nik] = coop
        by_name: dict[tuple[str, str], list[Cooperative]] = defaultdict(list)
        named_regencies = sorted({r.key[2] for r in found if r.key[0] == "name"})
        for chunk in _chunks(named_regencies):
            for coop in session.scalars(select(Cooperative).where(Cooperative.regency_code.in_(chunk),
                                                                  Cooperative.nik.is_(None))):
                by_name[(header_key(coop.name), coop.regency_code)].append(coop)
        existing_ids = [c.id for c in by_nik.values()] + [c.id for cs in by_name.values() for c in cs]
        rats: dict[tuple[int, int], CooperativeRat] = {}
        years = sorted({r.extra["rat"][0] for r in found if r.extra.get("rat")})
        for chunk in _chunks(existing_ids):
            for rat in session.scalars(select(CooperativeRat).where(CooperativeRat.cooperative_id.in_(chunk),
                                                                    CooperativeRat.year.in_(years or [0]))):
                rats[(rat.cooperative_id, rat.year)] = rat
        new_rows: list[tuple[Record, dict]] = []
        runs_for: set[int] = set()

        for record in found:
            values = record.values
            if record.key[0] == "nik":
                coop = by_nik.get(record.key[1])
            else:
                matches = by_name.get((record.key[1], record.key[2]), [])
                if len(matches) > 1:
                    results[record.row] = ("rejected", [RowError(record.row, record.key_column, values["name"],
                                                                 "ambiguous_cooperative", {"n": len(matches)})])
                    continue
                coop = matches[0] if matches else None
            rat = record.extra.get("rat")
            if coop is None:
                new_rows.append((record, {**values, "dissolved": False, "source_id": self.ensure_source(None)}))
                results[record.row] = ("new", [])
                continue
            diff = {k: v for k, v in values.items() if getattr(coop, k) != v}
            rat_row = rats.get((coop.id, rat[0])) if rat else None
            rat_new = bool(rat) and rat_row is None
            rat_changed = rat_row is not None and rat[1] is not None and rat_row.held_on != rat[1]
            if not (diff or rat_new or rat_changed):
                results[record.row] = ("unchanged", [])
                continue
            self.updating(coop)
            for key, value in diff.items():
                setattr(coop, key, value)
            coop.source_id = self.ensure_source(None)
            if rat_new:
                rat_row = CooperativeRat(cooperative_id=coop.id, year=rat[0], held_on=rat[1], run_length=1)
                session.add(rat_row)
                session.flush()
                self.created(rat_row)
                rats[(coop.id, rat[0])] = rat_row
                runs_for.add(coop.id)
            elif rat_changed:
                self.updating(rat_row)
                rat_row.held_on = rat[1]
            results[record.row] = ("changed", [])
        session.flush()
        self._insert_cooperatives(new_rows)
        records.recompute_runs(session, runs_for)  # a new cooperative's single RAT row has run 1 already
        return results

    def _insert_cooperatives(self, new_rows: list[tuple[Record, dict]]) -> None:
        """New register rows in bulk (Core INSERT … RETURNING), each with its last RAT."""
        columns = {"name", "nik", "regency_code", "legal_entity_number", "founded_on", "jenis", "kelompok",
                   "sektor_usaha", "members", "dissolved", "source_id"}
        for chunk in _chunks(new_rows, FLUSH_EVERY):
            rows = [{c: values.get(c) for c in columns} for _record, values in chunk]
            ids = self.session.scalars(
                insert(Cooperative).returning(Cooperative.id, sort_by_parameter_order=True), rows).all()
            rats = []
            for (record, _values), coop_id in zip(chunk, ids, strict=True):
                self.track("cooperative", json.dumps({"id": coop_id}), "created")
                if record.extra.get("rat"):
                    year, held_on = record.extra["rat"]
                    rats.append({"cooperative_id": coop_id, "year": year, "held_on": held_on, "run_length": 1})
                    self.track("cooperative_rat", json.dumps({"cooperative_id": coop_id, "year": year},
                                                             sort_keys=True), "created")
            if rats:
                self.session.execute(insert(CooperativeRat), rats)

    def _counts(self, found: list[Record]) -> dict:
        session, results = self.session, {}
        for record in found:
            if not self.can_create_source(record.source):
                results[record.row] = ("rejected", [self._source_error(record)])
                continue
            values = record.values
            source_id = self.find_source(record.source)
            existing = None
            if source_id is not None:
                existing = session.scalar(select(CooperativeCount).where(
                    CooperativeCount.area_code == values["area_code"], CooperativeCount.as_of == values["as_of"],
                    CooperativeCount.source_id == source_id))
            if existing is None:
                row = records.add_cooperative_count(
                    session, area_code=values["area_code"], as_of=values["as_of"],
                    source_id=self.ensure_source(record.source), total=values["total"], active=values["active"],
                    inactive=values["inactive"], precision=values["precision"], approximate=values["approximate"],
                    note=values.get("note"))
                self.created(row)
                results[record.row] = ("new", [])
                continue
            wanted = {"total": values["total"], "active": values["active"], "inactive": values["inactive"],
                      "as_of_precision": values["precision"], "approximate": values["approximate"]}
            if "note" in values:
                wanted["note"] = values["note"]
            diff = {k: v for k, v in wanted.items() if getattr(existing, k) != v}
            if not diff:
                results[record.row] = ("unchanged", [])
                continue
            self.updating(existing)
            for key, value in diff.items():
                setattr(existing, key, value)
            existing.inconsistent = records.is_inconsistent(existing.total, existing.active, existing.inactive)
            results[record.row] = ("changed", [])
        return results

    def _meeting_regencies(self, wanted, province_code: str) -> list[str] | None:
        if wanted == "all_in_province":
            return records.regencies_of_province(self.session, province_code)
        return wanted

    def _meetings(self, found: list[Record]) -> dict:
        session, results = self.session, {}
        for record in found:
            if not self.can_create_source(record.source):
                results[record.row] = ("rejected", [self._source_error(record)])
                continue
            values, extra = record.values, record.extra
            meeting = session.scalar(select(Meeting).where(
                Meeting.province_code == values["province_code"], Meeting.held_on == values["held_on"],
                Meeting.title == values["title"]))
            regencies = self._meeting_regencies(extra["regencies"], values["province_code"])
            if meeting is None:
                fields = {**extra["defaults"], **values}
                meeting = records.add_meeting(
                    session, sectors=extra["sectors"] or [],
                    regencies=regencies if regencies is not None else extra["default_regencies"],
                    date_inferred=False, source_id=self.ensure_source(record.source), **fields)
                self.created(meeting)
                results[record.row] = ("new", [])
                continue
            diff = {k: v for k, v in values.items() if getattr(meeting, k) != v}
            old_sectors = sorted(s.sector_code for s in meeting.sectors)
            old_regencies = sorted(r.regency_code for r in meeting.regencies)
            new_sectors = sorted(set(extra["sectors"])) if extra["sectors"] is not None else old_sectors
            new_regencies = sorted(set(regencies)) if regencies is not None else old_regencies
            if not diff and new_sectors == old_sectors and new_regencies == old_regencies:
                results[record.row] = ("unchanged", [])
                continue
            self.updating(meeting, {"sectors": old_sectors, "regencies": old_regencies})
            for key, value in diff.items():
                setattr(meeting, key, value)
            set_meeting_links(meeting, new_sectors, new_regencies)
            meeting.source_id = self.ensure_source(record.source)
            session.flush()
            results[record.row] = ("changed", [])
        return results

    def _pokja(self, found: list[Record]) -> dict:
        session, results = self.session, {}
        for record in found:
            if not self.can_create_source(record.source):
                results[record.row] = ("rejected", [self._source_error(record)])
                continue
            v = record.values
            pokja = session.scalar(select(Pokja).where(Pokja.regency_code == v["regency_code"],
                                                       Pokja.mandate_id == v["mandate_id"]))
            change = None
            if pokja is not None:
                change = session.scalar(select(PokjaStageChange).where(
                    PokjaStageChange.pokja_id == pokja.id, PokjaStageChange.stage == v["stage"],
                    PokjaStageChange.changed_on == v["on"]))
            if change is None:
                if pokja is not None:
                    self.updating(pokja)
                pokja = records.record_pokja_stage(
                    session, regency_code=v["regency_code"], mandate_id=v["mandate_id"], stage=v["stage"],
                    on=v["on"], source_id=self.ensure_source(record.source), sk_number=v["sk_number"],
                    name=v["name"], note=v["note"])
                self.created(pokja)  # no-op when it existed (already tracked as updated)
                change = session.scalar(select(PokjaStageChange).where(
                    PokjaStageChange.pokja_id == pokja.id, PokjaStageChange.stage == v["stage"],
                    PokjaStageChange.changed_on == v["on"]))
                self.created(change)
                results[record.row] = ("new", [])
                continue
            note_diff = v["note"] is not None and change.note != v["note"]
            pokja_diff = {k: v[k] for k in ("sk_number", "name") if v[k] is not None and getattr(pokja, k) != v[k]}
            if not note_diff and not pokja_diff:
                results[record.row] = ("unchanged", [])
                continue
            if note_diff:
                self.updating(change)
                change.note = v["note"]
            if pokja_diff:
                self.updating(pokja)
                for key, value in pokja_diff.items():
                    setattr(pokja, key, value)
            session.flush()
            results[record.row] = ("changed", [])
        return results


def set_meeting_links(meeting: Meeting, sectors: list[str], regencies: list[str]) -> None:
    """Make a meeting's sectors and regencies exactly these (removing first, then adding)."""
    for collection, attr, model, wanted in ((meeting.sectors, "sector_code", MeetingSector, sectors),
                                            (meeting.regencies, "regency_code", MeetingRegency, regencies)):
        for link in [link for link in collection if getattr(link, attr) not in wanted]:
            collection.remove(link)
        have = {getattr(link, attr) for link in collection}
        for code in wanted:
            if code not in have:
                collection.append(model(**{attr: code}))


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
               today: dt.date | None = None) -> ImportReport:
    """Preview (``dry_run=True``) or commit one file of ``kind``; see the module docstring."""
    report = ImportReport(kind=kind, file_name=file_name, sha256=sha256(data), strict=strict, dry_run=dry_run)
    try:
        spec = spec_for(kind)
        table = parsing.read_table(data, file_name)
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
            ctx = Context(gazetteer, _mandates(session), today or dt.date.today())
            try:
                hmap, validated = validate(spec, table, ctx)
            except FileError as problem:
                raise _other_kind_hint(problem, kind, table.headers) from problem
            report.ignored_columns, report.unknown_columns = hmap.ignored, hmap.unknown
            if not table.rows:
                raise FileError("no_rows")
            report.earlier_batches = list(session.scalars(
                select(ImportBatch.id).where(ImportBatch.file_sha256 == report.sha256,
                                             ImportBatch.status == "committed").order_by(ImportBatch.id)))
            outcomes: dict[int, RowOutcome] = {}
            accepted: list[Record] = []
            first_row: dict[tuple, int] = {}
            for (number, _cells), result in zip(table.rows, validated, strict=True):
                if isinstance(result, list):
                    outcomes[number] = RowOutcome(number, "rejected", "", result)
                    continue
                problem = _outside(result, writer, gazetteer)
                if problem is None and result.key in first_row:
                    problem = RowError(number, result.key_column, result.label, "duplicate_row",
                                       {"row": first_row[result.key], "key": result.label})
                if problem is not None:
                    outcomes[number] = RowOutcome(number, "rejected", result.label, [problem])
                    continue
                first_row[result.key] = number
                outcomes[number] = RowOutcome(number, "new", result.label)
                accepted.append(result)
            batch = ImportBatch(kind=kind, file_name=file_name[:300], file_sha256=report.sha256, user_id=writer.id,
                                created_at=audit.utc_now(), status="committed", strict=strict)
            session.add(batch)
            session.flush()
            span_before = cooperative_summaries.stored_years(session) if kind == "registry" else None
            job = _Job(session, report, writer, batch, gazetteer, source_outlet)
            try:
                results = job.run(kind, accepted)
                session.flush()
            except IntegrityError as error:  # a rule only the database knew: refuse the whole file
                raise _database_problem(error) from error
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


# --- batches and undo ---------------------------------------------------------------------------

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
    batch_id: int
    deleted: int = 0
    restored: int = 0
    error: ImportProblem | None = None

    @property
    def done(self) -> bool:
        return self.error is None

    def to_text(self, lang: str = "id") -> str:
        if self.error is not None:
            return self.error.text(lang)
        if lang == "en":
            return f"Import #{self.batch_id} undone: {self.deleted} rows removed, {self.restored} rows restored."
        return f"Impor #{self.batch_id} dibatalkan: {self.deleted} baris dihapus, {self.restored} baris dipulihkan."


DELETE_ORDER = ("cooperative_rat", "pokja_stage_change", "meeting_source", "cooperative_count", "meeting", "pokja",
                "cooperative", "source")


def _delete_rows(session: Session, model, keys: list[dict], batch_id: int) -> None:
    """Delete rows by primary key; every one must still be there."""
    columns = list(model.__mapper__.primary_key)
    for chunk in _chunks(keys):
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
    for chunk in _chunks(sorted(ids), 5_000):
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
            audit.record(session, username=writer.username, action="undo", entity=batch.kind,
                         entity_key=batch.file_name, batch_id=batch.id,
                         detail={"deleted": report.deleted, "restored": report.restored})
    except FileError as problem:
        report.error = problem
        report.deleted = report.restored = 0
    return report
