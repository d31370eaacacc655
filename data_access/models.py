"""The schema: SQLAlchemy 2.x typed ORM models.

Every fact row points at a ``Source`` so a number on screen can always be traced
to the outlet, headline and date it came from. Generated demo rows point at a
source of kind ``synthetic``. Alembic migrations in ``data_access/migrations``
create exactly these tables; ``tests/test_migrations.py`` checks they agree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

SOURCE_KINDS = ("news", "official_dataset", "manual", "synthetic")
SECTORS = ("koperasi", "ketenagakerjaan", "transmigrasi", "perlindungan_pmi")
MEETING_KINDS = ("rakor", "rapat_teknis", "workshop", "sosialisasi", "lainnya")
MEETING_LEVELS = ("nasional", "provinsi", "kabupaten_kota")
MEETING_STATUSES = ("planned", "held", "cancelled")
POKJA_STAGES = ("belum_dibentuk", "persiapan", "terbentuk")
REGENCY_KINDS = ("kabupaten", "kota")
COOPERATIVE_JENIS = ("produsen", "pemasaran", "konsumen", "jasa", "simpan_pinjam", "serba_usaha")
TASK_FORCE_PROGRAMMES = ("pokja_pmi", "satgas_kdmp")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Province(Base):
    __tablename__ = "province"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    seat: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]

    regencies: Mapped[list[Regency]] = relationship(back_populates="province")


class Regency(Base):
    """A kabupaten or kota, keyed by its dotted Kemendagri code ("53.04")."""

    __tablename__ = "regency"
    __table_args__ = (
        CheckConstraint(_in("kind", REGENCY_KINDS), name="kind"),
        CheckConstraint("substr(code, 1, 2) = province_code", name="code_in_province"),
    )

    code: Mapped[str] = mapped_column(String(5), primary_key=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"), index=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    seat: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]

    province: Mapped[Province] = relationship(back_populates="regencies")


class RegionAlias(Base):
    """A name people write for a region ("NTT", "Kalteng", "Kab. Kupang").

    ``alias_key`` is the normalised form (see ``gazetteer.normalise``). The same
    key may point at two regions ("kupang"): lookups return every match so the
    caller can ask instead of guessing.
    """

    __tablename__ = "region_alias"
    __table_args__ = (
        CheckConstraint(
            "(province_code IS NULL) <> (regency_code IS NULL)", name="one_target"
        ),
        UniqueConstraint("alias_key", "province_code", "regency_code", name="uq_region_alias_alias_target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    alias_key: Mapped[str] = mapped_column(String(120), index=True)
    alias: Mapped[str] = mapped_column(String(120))
    province_code: Mapped[str | None] = mapped_column(ForeignKey("province.code"))
    regency_code: Mapped[str | None] = mapped_column(ForeignKey("regency.code"))


class Source(Base):
    """Where a fact comes from. ``key`` is the natural key (URL or outlet+headline)."""

    __tablename__ = "source"
    __table_args__ = (CheckConstraint(_in("kind", SOURCE_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    outlet: Mapped[str] = mapped_column(String(200))
    headline: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(500))
    published_on: Mapped[dt.date | None] = mapped_column(Date)
    author: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())


class Sector(Base):
    __tablename__ = "sector"
    __table_args__ = (CheckConstraint(_in("code", SECTORS), name="code"),)

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name_id: Mapped[str] = mapped_column(String(60))
    name_en: Mapped[str] = mapped_column(String(60))


class MeetingSector(Base):
    __tablename__ = "meeting_sector"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    sector_code: Mapped[str] = mapped_column(ForeignKey("sector.code"), primary_key=True, index=True)


class MeetingRegency(Base):
    """A kabupaten/kota taking part in (or concerned by) a meeting."""

    __tablename__ = "meeting_regency"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    regency_code: Mapped[str] = mapped_column(ForeignKey("regency.code"), primary_key=True, index=True)


class Meeting(Base):
    """A coordination meeting. ``regency_code`` is the kab/kota the meeting is
    about (Kab. Kupang), ``city`` where it sat (Kota Kupang)."""

    __tablename__ = "meeting"
    __table_args__ = (
        CheckConstraint(_in("kind", MEETING_KINDS), name="kind"),
        CheckConstraint(_in("level", MEETING_LEVELS), name="level"),
        CheckConstraint(_in("status", MEETING_STATUSES), name="status"),
        CheckConstraint("participants IS NULL OR participants >= 0", name="participants"),
        CheckConstraint("ends_on IS NULL OR ends_on >= held_on", name="ends_on"),
        UniqueConstraint("province_code", "held_on", "title", name="uq_meeting_natural_key"),
        Index("ix_meeting_province_held_on", "province_code", "held_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(20))
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)  # last day of a meeting over several days ("18-20 Mei")
    date_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(10), default="held")
    venue: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(100))
    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"))
    regency_code: Mapped[str | None] = mapped_column(ForeignKey("regency.code"), index=True)
    organizer: Mapped[str | None] = mapped_column(String(300))
    opened_by_name: Mapped[str | None] = mapped_column(String(200))
    opened_by_role: Mapped[str | None] = mapped_column(String(200))
    participants: Mapped[int | None]
    theme: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)

    sectors: Mapped[list[MeetingSector]] = relationship(cascade="all, delete-orphan")
    regencies: Mapped[list[MeetingRegency]] = relationship(cascade="all, delete-orphan")
    source: Mapped[Source] = relationship()


class Cooperative(Base):
    """A registry row as the national register (ODS) has it.

    Whether it is *active* is derived from ``CooperativeRat``: RAT held in each
    of the last N years (Permen KUKM 25/2015, N = 3 by default).
    """

    __tablename__ = "cooperative"
    __table_args__ = (
        CheckConstraint(f"jenis IS NULL OR {_in('jenis', COOPERATIVE_JENIS)}", name="jenis"),
        CheckConstraint("members IS NULL OR members >= 0", name="members"),
        Index("ix_cooperative_regency_jenis", "regency_code", "jenis"),
        # the register's order (kab/kota code, name, id): a page is read from the index, not sorted
        Index("ix_cooperative_regency_name", "regency_code", "name", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nik: Mapped[str | None] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    regency_code: Mapped[str] = mapped_column(ForeignKey("regency.code"))
    legal_entity_number: Mapped[str | None] = mapped_column(String(100))
    founded_on: Mapped[dt.date | None] = mapped_column(Date)
    jenis: Mapped[str | None] = mapped_column(String(20))
    kelompok: Mapped[str | None] = mapped_column(String(100))
    sektor_usaha: Mapped[str | None] = mapped_column(String(100))
    members: Mapped[int | None]
    dissolved: Mapped[bool] = mapped_column(Boolean, default=False)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)
    # The register's own status as its export gave it (words kept as written: "Aktif", "Non Aktif",
    # "Sudah Bersetifikat", "B"), on the date the export was imported; never derived, never used to
    # derive: the active figure comes from RAT history (``CooperativeRat``).
    register_status: Mapped[str | None] = mapped_column(String(40))
    register_nik_status: Mapped[str | None] = mapped_column(String(60))
    register_grade: Mapped[str | None] = mapped_column(String(20))
    register_status_on: Mapped[dt.date | None] = mapped_column(Date)


class CooperativeRat(Base):
    """One annual members' meeting (RAT) held by a cooperative in ``year``.

    ``run_length`` is derived on write (``cooperatives.recompute_runs``): how many
    consecutive years, ending with this one, the cooperative held its RAT. A
    cooperative is active in year Y at window N when its row for Y has
    ``run_length >= N`` — one indexed comparison instead of a window query.
    """

    __tablename__ = "cooperative_rat"
    __table_args__ = (
        CheckConstraint("year BETWEEN 1900 AND 2100", name="year"),
        CheckConstraint("run_length >= 1", name="run_length"),
        Index("ix_cooperative_rat_year_run", "year", "run_length"),
    )

    cooperative_id: Mapped[int] = mapped_column(
        ForeignKey("cooperative.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    held_on: Mapped[dt.date | None] = mapped_column(Date)
    run_length: Mapped[int] = mapped_column(Integer, default=1)


class CooperativeActivity(Base):
    """Derived: cooperatives active at each window, per year, kab/kota, jenis and source.

    ``cooperatives`` not-dissolved cooperatives of ``regency_code`` / ``jenis``
    (``''`` when unknown) / ``source_id`` held their RAT in each of the
    ``window_years`` years ending in ``year`` (their RAT row of ``year`` has
    ``run_length >= window_years``; 1 … 10, the largest window), and were founded by
    the end of ``year`` (or the founding date is unknown). Active at window N in
    year Y is ``SUM(cooperatives) WHERE year = Y AND window_years = N``: one row per
    kab/kota, jenis and source, however large the registry. Rebuilt by
    ``cooperative_summaries.refresh`` after every write to the registry (so no
    foreign keys: it is never written on its own).
    """

    __tablename__ = "cooperative_activity"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    window_years: Mapped[int] = mapped_column(Integer, primary_key=True)
    regency_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    jenis: Mapped[str] = mapped_column(String(20), primary_key=True)
    source_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cooperatives: Mapped[int] = mapped_column(Integer)


class CooperativeRegistered(Base):
    """Derived: not-dissolved cooperatives registered by the end of each year, per kab/kota, jenis and source.

    A cooperative counts from its founding year on (always, when the founding
    date is unknown). Rows exist for every year from the one before the earliest
    known founding year to the latest one (only year 0 when no founding date is
    known): registered in year Y is ``SUM(cooperatives)`` at the stored year
    ``cooperatives.registered_year_key(Y)`` — the latest stored year not after Y,
    else the first. Rebuilt by ``cooperative_summaries.refresh`` after every
    write to the registry (so no foreign keys: it is never written on its own).
    """

    __tablename__ = "cooperative_registered"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    regency_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    jenis: Mapped[str] = mapped_column(String(20), primary_key=True)
    source_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cooperatives: Mapped[int] = mapped_column(Integer)


class CooperativeCount(Base):
    """Cooperative figures as a source reported them for a province or kab/kota.

    Kept exactly as reported: any of the three may be unknown, and where all
    three are known but ``active + inactive != total`` the row is flagged
    ``inconsistent`` (a CHECK keeps the flag honest) rather than corrected.
    """

    __tablename__ = "cooperative_count"
    __table_args__ = (
        CheckConstraint("total IS NULL OR total >= 0", name="total"),
        CheckConstraint("active IS NULL OR active >= 0", name="active"),
        CheckConstraint("inactive IS NULL OR inactive >= 0", name="inactive"),
        CheckConstraint(
            "inconsistent = (total IS NOT NULL AND active IS NOT NULL AND inactive IS NOT NULL"
            " AND total <> active + inactive)",
            name="inconsistent_flag",
        ),
        CheckConstraint(
            "area_code = COALESCE(regency_code, province_code)", name="area_code"
        ),
        UniqueConstraint("area_code", "as_of", "source_id", name="uq_cooperative_count_natural_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    area_code: Mapped[str] = mapped_column(String(5), index=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"), index=True)
    regency_code: Mapped[str | None] = mapped_column(ForeignKey("regency.code"))
    as_of: Mapped[dt.date] = mapped_column(Date)
    as_of_precision: Mapped[str] = mapped_column(String(5), default="day")
    total: Mapped[int | None]
    active: Mapped[int | None]
    inactive: Mapped[int | None]
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    inconsistent: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)


class Mandate(Base):
    """A legal instrument obliging regencies to form a Pokja/Satgas.

    ``programme`` groups the mandates of one kind of task force (``TASK_FORCE_PROGRAMMES``: the
    Pokja/Satgas on migrant workers, the Satgas KDMP of Keppres 9/2025); ``binds_every_regency``
    (not a CHECK: SQLite cannot add one to an existing table without rebuilding it) marks a
    national instrument that names every kab/kota (Keppres 9/2025), so every one of them is
    mandated whether or not a record exists (see ``data_access.pokja``).
    """

    __tablename__ = "mandate"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    legal_basis: Mapped[str | None] = mapped_column(Text)
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    province_code: Mapped[str | None] = mapped_column(ForeignKey("province.code"))
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"))
    programme: Mapped[str] = mapped_column(String(20), default="pokja_pmi", server_default="pokja_pmi")
    binds_every_regency: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Pokja(Base):
    """One regency's task force under one mandate, at its current stage."""

    __tablename__ = "pokja"
    __table_args__ = (
        CheckConstraint(_in("stage", POKJA_STAGES), name="stage"),
        CheckConstraint("stage <> 'terbentuk' OR formed_on IS NOT NULL", name="formed_dated"),
        UniqueConstraint("regency_code", "mandate_id", name="uq_pokja_natural_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    regency_code: Mapped[str] = mapped_column(ForeignKey("regency.code"), index=True)
    mandate_id: Mapped[int] = mapped_column(ForeignKey("mandate.id"), index=True)
    stage: Mapped[str] = mapped_column(String(20), index=True)
    preparation_on: Mapped[dt.date | None] = mapped_column(Date)
    formed_on: Mapped[dt.date | None] = mapped_column(Date)
    sk_number: Mapped[str | None] = mapped_column(String(120))
    name: Mapped[str | None] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)

    history: Mapped[list[PokjaStageChange]] = relationship(
        cascade="all, delete-orphan", order_by="PokjaStageChange.changed_on"
    )


class PokjaStageChange(Base):
    """The history of a Pokja's stage: one row each time a source reports a stage."""

    __tablename__ = "pokja_stage_change"
    __table_args__ = (
        CheckConstraint(_in("stage", POKJA_STAGES), name="stage"),
        UniqueConstraint("pokja_id", "stage", "changed_on", name="uq_pokja_stage_change_natural_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pokja_id: Mapped[int] = mapped_column(ForeignKey("pokja.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"))


# --- Who may write, and what every write did -------------------------------------------------

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


class MeetingSource(Base):
    """A further source reporting a meeting: the same meeting reported by two outlets is one
    meeting (``Meeting.source_id`` is the first report) with one ``MeetingSource`` per
    further report."""

    __tablename__ = "meeting_source"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), primary_key=True, index=True)


# Imported last, for their side effects: demo_guard checks at every flush that a real record never
# refers to a synthetic one; the KDMP and runtime tables belong to this metadata.
from data_access import demo_guard, models_kdmp  # noqa: E402,F401
from data_access.models_runtime import DataVersion, SignInThrottle  # noqa: E402,F401
