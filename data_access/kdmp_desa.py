"""Koperasi Merah Putih per desa: the searchable paged list, one desa's history, published figures.

The list is read one page at a time (``LIMIT``/``OFFSET`` in SQL, in village-code order from the
primary key), never all 83,762 desa into pandas; ``desa_count`` gives the number of matching
desa for the pager. Rules (no report, stalled) as in ``data_access.kdmp``; ``real_only`` hides
synthetic records (the desa then shows as no report) and synthetic history rows and figures.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, and_, func, literal, or_, select
from sqlalchemy.orm import aliased

from data_access import filters as flt
from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.kdmp import NO_REPORT, STALLED_DAYS, stalled_before
from data_access.models_kdmp import KDMP_STAGES, District, Kdmp, KdmpFigure, KdmpStageChange, Village
from data_access.models_reference import Province, Regency, Source

PAGE_SIZE = 50
STAGE_CHOICES = ("semua", *KDMP_STAGES, NO_REPORT, "macet")
"""The list's stage filter: all, one stage, no report, or stalled ("macet")."""
DESA_COLUMNS = [
    "village_code", "village_name", "kind", "district_name", "regency_name", "kdmp_name", "stage",
    "musdesus_on", "deed_on", "deed_number", "sk_ahu_on", "sk_ahu_number", "operational_on",
    "stage_changed_on", "stalled", "has_outlet", "has_warehouse", "has_clinic", "has_savings_loans",
    "source_outlet", "source_kind",
]
HISTORY_COLUMNS = ["changed_on", "stage", "note", "source_outlet", "source_headline", "source_url",
                   "source_published_on", "source_kind"]
FIGURE_COLUMNS = ["as_of", "level", "area_code", "area_name", "measure", "value", "of_total", "approximate",
                  "note", "source_outlet", "source_headline", "source_url", "source_published_on", "source_kind"]


def _joined(filters: flt.Filters):
    """``Village`` left-joined to its KDMP in view (``real_only`` in the join, so hidden = no report)."""
    on = and_(Kdmp.village_code == Village.code, flt.real_only_clause(filters, Kdmp.source_id))
    return Village.__table__.outerjoin(Kdmp, on)


def _where(filters: flt.Filters, search: str, stage: str, stalled_days: int):
    if stage not in STAGE_CHOICES:
        raise ValueError(f"stage {stage!r}: expected one of {', '.join(STAGE_CHOICES)}")
    parts = [flt.village_area_clause(filters, Village.regency_code, Village.district_code)]
    term = " ".join(search.split()).lower()[:100]
    if term:
        pattern = f"%{term}%"
        parts.append(or_(func.lower(Village.name).like(pattern), Village.code.like(f"{term}%")))
    if stage == NO_REPORT:
        parts.append(Kdmp.id.is_(None))
    elif stage == "macet":
        parts.append(and_(Kdmp.stage != "operasional",
                          Kdmp.stage_changed_on < stalled_before(filters, stalled_days)))
    elif stage != "semua":
        parts.append(Kdmp.stage == stage)
    return and_(*parts)


def desa_page(filters: flt.Filters, search: str = "", stage: str = "semua", page: int = 1,
              stalled_days: int = STALLED_DAYS, page_size: int = PAGE_SIZE,
              engine: Engine | None = None) -> pd.DataFrame:
    """One page (1-based) of the desa/kelurahan in view whose name contains ``search`` (case-blind) or
    whose code starts with it, at ``stage`` (``STAGE_CHOICES``), ordered by code.

    Columns (``DESA_COLUMNS``): codes and names; ``kind`` (desa/kelurahan); ``kdmp_name``; ``stage``
    (a KDMP stage or ``NO_REPORT``); the date each stage was reached, deed and SK AHU numbers;
    ``stage_changed_on``; ``stalled`` (bool); what operates (``has_*``: True/False/None = not
    reported); ``source_outlet`` / ``source_kind`` (None for no report).
    """
    source = aliased(Source)
    stalled = and_(Kdmp.stage != "operasional", Kdmp.stage_changed_on < stalled_before(filters, stalled_days))
    stmt = (
        select(Village.code, Village.name, Village.kind, District.name, Regency.name, Kdmp.name,
               func.coalesce(Kdmp.stage, literal(NO_REPORT)), Kdmp.musdesus_on, Kdmp.deed_on, Kdmp.deed_number,
               Kdmp.sk_ahu_on, Kdmp.sk_ahu_number, Kdmp.operational_on, Kdmp.stage_changed_on,
               func.coalesce(stalled, False), Kdmp.has_outlet, Kdmp.has_warehouse, Kdmp.has_clinic,
               Kdmp.has_savings_loans, source.outlet, source.kind)
        .select_from(_joined(filters))
        .join(District, District.code == Village.district_code)
        .join(Regency, Regency.code == Village.regency_code)
        .outerjoin(source, source.id == Kdmp.source_id)
        .where(_where(filters, search, stage, stalled_days))
        .order_by(Village.code)
        .limit(page_size).offset(max(page - 1, 0) * page_size)
    )
    with (engine or get_engine()).connect() as conn:
        out = read_frame(conn, stmt, DESA_COLUMNS)
    out["stalled"] = out["stalled"].astype(bool)
    return out


def desa_count(filters: flt.Filters, search: str = "", stage: str = "semua", stalled_days: int = STALLED_DAYS,
               engine: Engine | None = None) -> int:
    """How many desa/kelurahan ``desa_page`` would list over all its pages."""
    stmt = select(func.count()).select_from(_joined(filters)).where(_where(filters, search, stage, stalled_days))
    with (engine or get_engine()).connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def stage_history(filters: flt.Filters, village_code: str, engine: Engine | None = None) -> pd.DataFrame:
    """Every reported stage of one desa's KDMP, oldest first. Columns: ``HISTORY_COLUMNS``."""
    change, source = KdmpStageChange, aliased(Source)
    stmt = (
        select(change.changed_on, change.stage, change.note, source.outlet, source.headline, source.url,
               source.published_on, source.kind)
        .join(Kdmp, Kdmp.id == change.kdmp_id)
        .join(source, source.id == change.source_id)
        .where(Kdmp.village_code == village_code, flt.real_only_clause(filters, Kdmp.source_id),
               flt.real_only_clause(filters, change.source_id))
        .order_by(change.changed_on, change.id)
    )
    with (engine or get_engine()).connect() as conn:
        return read_frame(conn, stmt, HISTORY_COLUMNS)


def reported_figures(filters: flt.Filters, engine: Engine | None = None) -> pd.DataFrame:
    """Published KDMP figures for the country and for the provinces / kab/kota in view, as reported.

    Columns (``FIGURE_COLUMNS``): ``as_of``, ``level`` (nasional/provinsi/kabupaten_kota),
    ``area_code`` (``""`` for the country), ``area_name`` (None for the country), ``measure``
    (``models_kdmp.KDMP_MEASURES``), ``value``, ``of_total`` (the source's denominator or None),
    ``approximate``, ``note``, and the source. Newest first, national before provinces.
    """
    source = aliased(Source)
    figure = KdmpFigure
    if filters.regencies or filters.districts or filters.provinces:
        provinces = set(filters.provinces) | {c[:2] for c in (*filters.regencies, *filters.districts)}
        area = or_(figure.level == "nasional", figure.province_code.in_(provinces))
    else:
        area = literal(True)
    stmt = (
        select(figure.as_of, figure.level, figure.area_code, func.coalesce(Regency.name, Province.name),
               figure.measure, figure.value, figure.of_total, figure.approximate, figure.note, source.outlet,
               source.headline, source.url, source.published_on, source.kind)
        .join(source, source.id == figure.source_id)
        .outerjoin(Province, Province.code == figure.province_code)
        .outerjoin(Regency, Regency.code == figure.regency_code)
        .where(area, flt.real_only_clause(filters, figure.source_id))
        .order_by(figure.as_of.desc(), figure.area_code, figure.measure)
    )
    with (engine or get_engine()).connect() as conn:
        out = read_frame(conn, stmt, FIGURE_COLUMNS)
    out["of_total"] = pd.array(out["of_total"].tolist(), dtype="Int64")
    out["approximate"] = out["approximate"].astype(bool)
    return out
