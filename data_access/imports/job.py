"""The writes of one import inside its transaction: what the batch touched (for undo) and its sources.

A kind's writer (``KindSpec.writer(job, records)``) finds each record by its natural key,
writes it and tells the ``Job`` (``created`` / ``updating`` before a change), so that
``undo`` can put everything back. Sources: a row's own (``SourceSpec``) or, when the
row names none, one source for the whole file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from sqlalchemy import Date, DateTime, insert, select
from sqlalchemy.orm import Session

from data_access import audit
from data_access.auth import WRITE_ROLES, Identity, account
from data_access.imports.parsing import FileError, header_key
from data_access.imports.regions import Gazetteer
from data_access.imports.report import ImportReport
from data_access.imports.rows import Record, RowError, SourceSpec
from data_access.models_reference import Source
from data_access.models_users import ImportBatch, ImportBatchRow, User

DEFAULT_SOURCE_KIND = {"registry": "official_dataset"}
FLUSH_EVERY = 2_000


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


def chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]


# --- one import ---------------------------------------------------------------------------------


class Job:
    """The writes of one import inside its transaction, remembering what the batch touched."""

    same_meeting: str | None = None  # "attach" | "new" | None: what to do with a probable same meeting

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
        for chunk in chunks(self.batch_rows, 5_000):
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

    def with_usable_source(self, found: list[Record], results: dict):
        """The records of ``found`` whose source exists or can be created; each other one is
        entered in ``results`` as rejected with ``source_error``."""
        for record in found:
            if self.can_create_source(record.source):
                yield record
            else:
                results[record.row] = ("rejected", [self.source_error(record)])

    def source_error(self, record: Record) -> RowError:
        return RowError(record.row, "Kode Sumber", record.source.key if record.source else "", "unknown_source_key")
