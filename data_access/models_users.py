"""Who may write, and what every write did: user accounts, import batches (row by row, so an undo
is exact) and the append-only audit trail.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from data_access.models_base import Base, _in

USER_ROLES = ("viewer", "editor", "admin")
IMPORT_KINDS = ("registry", "counts", "meetings", "pokja", "news", "kdmp")
BATCH_STATUSES = ("committed", "undone")
BATCH_ROW_ACTIONS = ("created", "updated")


class User(Base):
    """A person who may sign in. ``password_hash`` is an Argon2 hash (``auth.hash_password``),
    empty for accounts that only sign in through OIDC. ``province_code`` limits an editor's
    writes to one province. Accounts are deactivated, never deleted, so history keeps its names.
    The table is ``app_user`` because ``user`` is reserved in PostgreSQL."""

    __tablename__ = "app_user"
    __table_args__ = (CheckConstraint(_in("role", USER_ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(120), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(10), default="viewer")
    province_code: Mapped[str | None] = mapped_column(ForeignKey("province.code"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())


class ImportBatch(Base):
    """One committed import (or one saved news extraction): what can be undone as a whole.

    ``rows_*`` are the preview's counts at commit time; ``source_id`` is the batch's default
    source (NULL once an undo removed it). What the batch created or changed, row by row, is
    in ``ImportBatchRow``.
    """

    __tablename__ = "import_batch"
    __table_args__ = (
        CheckConstraint(_in("kind", IMPORT_KINDS), name="kind"),
        CheckConstraint(_in("status", BATCH_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(300))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    status: Mapped[str] = mapped_column(String(10), default="committed")
    strict: Mapped[bool] = mapped_column(Boolean, default=False)
    rows_new: Mapped[int] = mapped_column(Integer, default=0)
    rows_changed: Mapped[int] = mapped_column(Integer, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rows_rejected: Mapped[int] = mapped_column(Integer, default=0)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"))
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    undone_by: Mapped[str | None] = mapped_column(String(120))


class ImportBatchRow(Base):
    """One database row a batch created or changed, so an undo is exact.

    ``row_key`` is the row's primary key as sorted JSON (``{"id": 7}``,
    ``{"cooperative_id": 3, "year": 2024}``); ``previous`` the changed row's column values
    (and, for a meeting, its sectors and regencies) before the batch, as JSON.
    """

    __tablename__ = "import_batch_row"
    __table_args__ = (
        CheckConstraint(_in("action", BATCH_ROW_ACTIONS), name="action"),
        Index("ix_import_batch_row_table_key", "table_name", "row_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_key: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))
    previous: Mapped[str | None] = mapped_column(Text)


class AuditEntry(Base):
    """Who did what, when and from which source. Append-only; ``at`` is UTC.

    ``source_id`` is a plain number, not a foreign key: an undo may delete the source a batch
    created, and the history of that import must stay.
    """

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now(), index=True)
    username: Mapped[str] = mapped_column(String(120), index=True)
    action: Mapped[str] = mapped_column(String(30), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_key: Mapped[str | None] = mapped_column(String(300))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)
    source_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(Text)
