"""The coordination meetings (rakor and the like): the meeting, its sectors, the kab/kota taking
part, and the further sources reporting it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from data_access.models_base import Base, _in
from data_access.models_reference import Source

MEETING_KINDS = ("rakor", "rapat_teknis", "workshop", "sosialisasi", "lainnya")
MEETING_LEVELS = ("nasional", "provinsi", "kabupaten_kota")
MEETING_STATUSES = ("planned", "held", "cancelled")


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



class MeetingSource(Base):
    """A further source reporting a meeting: the same meeting reported by two outlets is one
    meeting (``Meeting.source_id`` is the first report) with one ``MeetingSource`` per
    further report."""

    __tablename__ = "meeting_source"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), primary_key=True, index=True)
