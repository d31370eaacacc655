"""Cooperatives: the national register's rows and their RAT history, the derived activity and
registration summaries, and cooperative figures as sources reported them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from data_access.models_base import Base, _in

COOPERATIVE_JENIS = ("produsen", "pemasaran", "konsumen", "jasa", "simpan_pinjam", "serba_usaha")


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
    as_of_precision: Mapped[str] = mapped_column(String(10), default="day")  # day|month|quarter|semester|year
    total: Mapped[int | None]
    active: Mapped[int | None]
    inactive: Mapped[int | None]
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    inconsistent: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)
