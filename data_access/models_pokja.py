"""Task forces: the mandates obliging kab/kota to form a Pokja/Satgas, each kab/kota's task force
and the history of its stage.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from data_access.models_base import Base, _in

POKJA_STAGES = ("belum_dibentuk", "persiapan", "terbentuk")
TASK_FORCE_PROGRAMMES = ("pokja_pmi", "satgas_kdmp")


class Mandate(Base):
    """A legal instrument obliging regencies to form a Pokja/Satgas.

    ``programme`` groups the mandates of one kind of task force (``TASK_FORCE_PROGRAMMES``: the
    Pokja/Satgas on migrant workers, the Satgas KDMP of Keppres 9/2025); ``binds_every_regency``
    (not a CHECK: SQLite cannot add one to an existing table without rebuilding it) marks a
    national instrument that names every kab/kota (Keppres 9/2025), so every one of them is
    mandated whether or not a record exists (see ``data_access.pokja_rules``).
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
    """One regency's task force under one mandate, at its current stage.

    ``synthetic``: the record is demo data (its source is synthetic; ``demo_guard`` keeps the two in
    step). It is part of the natural key so a real report makes a real record of its own beside a
    demo one, never updating it (issue 20); queries hide a demo record beside a real one
    (``pokja_rules.pokja_visible``).
    """

    __tablename__ = "pokja"
    __table_args__ = (
        CheckConstraint(_in("stage", POKJA_STAGES), name="stage"),
        CheckConstraint("stage <> 'terbentuk' OR formed_on IS NOT NULL", name="formed_dated"),
        UniqueConstraint("regency_code", "mandate_id", "synthetic", name="uq_pokja_natural_key"),
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
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

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
