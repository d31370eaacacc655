"""The reference tables every fact points at: the gazetteer (provinces, kab/kota and the names
people write for them), sources and sectors.

Every fact row points at a ``Source`` so a number on screen can always be traced to the outlet,
headline and date it came from. Generated demo rows point at a source of kind ``synthetic``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from data_access.models_base import Base, _in

SOURCE_KINDS = ("news", "official_dataset", "manual", "synthetic")
SECTORS = ("koperasi", "ketenagakerjaan", "transmigrasi", "perlindungan_pmi")
REGENCY_KINDS = ("kabupaten", "kota")


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
