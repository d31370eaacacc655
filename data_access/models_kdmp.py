"""The schema below kab/kota, and the Koperasi Desa/Kelurahan Merah Putih (KDMP) programme.

Part of the one metadata of ``data_access.models_base`` (``data_access.models`` imports this module, so
Alembic and ``tests/test_migrations.py`` see these tables). Sources of the rules:

- Kemendagri codes have four levels: ``53.01.01.2001`` = province 53, kab/kota 01, kecamatan 01,
  desa/kelurahan 2001; the last segment starts with 1 for a kelurahan, 2 for a desa, 3 for a
  desa adat (counted as desa here). Codes and names: ``seed_data/villages.csv.gz``.
- Inpres 9/2025: one KDMP per desa/kelurahan; its stages are the special village meeting
  (musyawarah desa/kelurahan khusus, ``musdesus``), the notarial deed of establishment
  (``akta_notaris``), the legal entity approved by the Ministry of Law (``sk_ahu``) and
  operating (``operasional``).
- Figures published for the country or a province are kept exactly as reported
  (``KdmpFigure``), never derived from or reconciled with the per-desa records.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from data_access.models_base import Base, _in

VILLAGE_KINDS = ("desa", "kelurahan")
KDMP_STAGES = ("musdesus", "akta_notaris", "sk_ahu", "operasional")
KDMP_STAGE_DATE = {"musdesus": "musdesus_on", "akta_notaris": "deed_on", "sk_ahu": "sk_ahu_on",
                   "operasional": "operational_on"}
KDMP_FIGURE_LEVELS = ("nasional", "provinsi", "kabupaten_kota")
KDMP_MEASURES = (
    "musdesus_held",               # desa/kelurahan that held their musdesus
    "kdmp_formed",                 # KDMP formed (as the source counts them)
    "notarial_deed",               # KDMP with their notarial deed of establishment (akta pendirian)
    "legal_entity",                # KDMP with an approved legal entity
    "operational",                 # KDMP operating
    "satgas_regencies_formed",     # kab/kota with a Satgas KDMP (of ``of_total``)
    "satgas_regencies_missing",    # kab/kota of a province still without one
    "satgas_provinces_complete",   # provinces where every kab/kota has one
    "satgas_province_formed",      # 1 / 0: the province's own Satgas exists
)


class District(Base):
    """A kecamatan, keyed by its dotted Kemendagri code ("53.01.01")."""

    __tablename__ = "district"
    __table_args__ = (CheckConstraint("substr(code, 1, 5) = regency_code", name="code_in_regency"),)

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    regency_code: Mapped[str] = mapped_column(ForeignKey("regency.code"), index=True)
    name: Mapped[str] = mapped_column(String(100))


class Village(Base):
    """A desa or kelurahan ("53.01.01.2001"); ``regency_code`` repeats the code's prefix so an
    area filter needs no join."""

    __tablename__ = "village"
    __table_args__ = (
        CheckConstraint(_in("kind", VILLAGE_KINDS), name="kind"),
        CheckConstraint("substr(code, 1, 8) = district_code", name="code_in_district"),
        CheckConstraint("substr(code, 1, 5) = regency_code", name="code_in_regency"),
        Index("ix_village_regency_name", "regency_code", "name"),
    )

    code: Mapped[str] = mapped_column(String(13), primary_key=True)
    district_code: Mapped[str] = mapped_column(ForeignKey("district.code"), index=True)
    regency_code: Mapped[str] = mapped_column(ForeignKey("regency.code"))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10))


class Kdmp(Base):
    """One desa/kelurahan's Koperasi Merah Putih at its most advanced stage on record.

    Each stage reached has its date (CHECK ``stage_dated``), or ``stage_listed_on``: the date of a
    listing that stated the stage without its own date (migration 0010; the stage's date column stays
    empty, never invented); ``stage_changed_on`` is the date of
    the latest stage change (what "stalled for N days" is measured from). ``has_*`` say what
    operates (outlet/gerai, warehouse, clinic, savings and loans): ``None`` = not reported.
    ``regency_code`` / ``district_code`` repeat the village code's prefixes for the area filters.
    """

    __tablename__ = "kdmp"
    __table_args__ = (
        CheckConstraint(_in("stage", KDMP_STAGES), name="stage"),
        CheckConstraint(
            "(stage <> 'musdesus' OR musdesus_on IS NOT NULL OR stage_listed_on IS NOT NULL)"
            " AND (stage <> 'akta_notaris' OR deed_on IS NOT NULL OR stage_listed_on IS NOT NULL)"
            " AND (stage <> 'sk_ahu' OR sk_ahu_on IS NOT NULL OR stage_listed_on IS NOT NULL)"
            " AND (stage <> 'operasional' OR operational_on IS NOT NULL OR stage_listed_on IS NOT NULL)",
            name="stage_dated",
        ),
        CheckConstraint("substr(village_code, 1, 5) = regency_code", name="village_in_regency"),
        # Covering the funnel's GROUP BY area, stage, source (``kdmp.funnel``; migration 0009).
        Index("ix_kdmp_regency_stage", "regency_code", "stage", "source_id", "stage_changed_on"),
        Index("ix_kdmp_district_stage", "district_code", "stage", "source_id", "stage_changed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("village.code"), unique=True)
    district_code: Mapped[str] = mapped_column(ForeignKey("district.code"))
    regency_code: Mapped[str] = mapped_column(ForeignKey("regency.code"))
    name: Mapped[str | None] = mapped_column(String(300))
    stage: Mapped[str] = mapped_column(String(20))
    musdesus_on: Mapped[dt.date | None] = mapped_column(Date)
    deed_on: Mapped[dt.date | None] = mapped_column(Date)
    deed_number: Mapped[str | None] = mapped_column(String(120))
    sk_ahu_on: Mapped[dt.date | None] = mapped_column(Date)
    sk_ahu_number: Mapped[str | None] = mapped_column(String(120))
    operational_on: Mapped[dt.date | None] = mapped_column(Date)
    stage_changed_on: Mapped[dt.date] = mapped_column(Date)
    stage_listed_on: Mapped[dt.date | None] = mapped_column(Date)
    has_outlet: Mapped[bool | None] = mapped_column(Boolean)
    has_warehouse: Mapped[bool | None] = mapped_column(Boolean)
    has_clinic: Mapped[bool | None] = mapped_column(Boolean)
    has_savings_loans: Mapped[bool | None] = mapped_column(Boolean)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)

    history: Mapped[list[KdmpStageChange]] = relationship(
        cascade="all, delete-orphan", order_by="KdmpStageChange.changed_on")


class KdmpStageChange(Base):
    """The history of a KDMP's stage: one row each time a source reports a stage reached."""

    __tablename__ = "kdmp_stage_change"
    __table_args__ = (
        CheckConstraint(_in("stage", KDMP_STAGES), name="stage"),
        UniqueConstraint("kdmp_id", "stage", "changed_on", name="uq_kdmp_stage_change_natural_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kdmp_id: Mapped[int] = mapped_column(ForeignKey("kdmp.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)


class KdmpFigure(Base):
    """A KDMP figure as a source published it for the country, a province or a kab/kota.

    ``area_code`` is ``''`` for the country, else the province or kab/kota code; ``of_total`` is
    the denominator the source gave ("409 of 514"), ``None`` when it gave none.
    """

    __tablename__ = "kdmp_figure"
    __table_args__ = (
        CheckConstraint(_in("level", KDMP_FIGURE_LEVELS), name="level"),
        CheckConstraint(_in("measure", KDMP_MEASURES), name="measure"),
        CheckConstraint("value >= 0 AND (of_total IS NULL OR of_total >= 0)", name="value"),
        CheckConstraint("area_code = COALESCE(regency_code, province_code, '')", name="area_code"),
        UniqueConstraint("area_code", "as_of", "measure", "source_id", name="uq_kdmp_figure_natural_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    level: Mapped[str] = mapped_column(String(20))
    area_code: Mapped[str] = mapped_column(String(5), index=True)
    province_code: Mapped[str | None] = mapped_column(ForeignKey("province.code"))
    regency_code: Mapped[str | None] = mapped_column(ForeignKey("regency.code"))
    as_of: Mapped[dt.date] = mapped_column(Date)
    measure: Mapped[str] = mapped_column(String(40))
    value: Mapped[int] = mapped_column(Integer)
    of_total: Mapped[int | None] = mapped_column(Integer)
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)
