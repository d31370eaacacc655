"""Write rules for Koperasi Merah Putih records, shared by the seed loader, the demo and (later) imports.

- ``record_kdmp_stage`` appends a reported stage to a desa's KDMP history and moves its current
  stage forward (a report of an earlier stage after a later one stays in the history only), keeps
  the first date each stage was reported, and the date of the latest stage change.
- ``add_figure`` stores a published figure exactly as reported, for the country (``area=""``), a
  province (``"53"``) or a kab/kota (``"53.01"``).
The caller owns the transaction; ``ValueError`` names the field that is wrong.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.models_kdmp import KDMP_MEASURES, KDMP_STAGE_DATE, KDMP_STAGES, Kdmp, KdmpFigure, KdmpStageChange

STAGE_RANK = {stage: rank for rank, stage in enumerate(KDMP_STAGES)}
OPERATING = ("has_outlet", "has_warehouse", "has_clinic", "has_savings_loans")


def record_kdmp_stage(session: Session, *, village_code: str, stage: str, on: dt.date, source_id: int,
                      name: str | None = None, deed_number: str | None = None,
                      sk_ahu_number: str | None = None, note: str | None = None,
                      operating: dict[str, bool | None] | None = None) -> Kdmp:
    """Append ``stage`` reached on ``on`` to the KDMP of ``village_code`` (created when new)."""
    if stage not in STAGE_RANK:
        raise ValueError(f"stage {stage!r}: expected one of {', '.join(KDMP_STAGES)}")
    unknown = set(operating or {}) - set(OPERATING)
    if unknown:
        raise ValueError(f"operating: unknown field(s) {', '.join(sorted(unknown))}")
    kdmp = session.scalar(select(Kdmp).where(Kdmp.village_code == village_code))
    if kdmp is None:
        kdmp = Kdmp(village_code=village_code, district_code=village_code[:8], regency_code=village_code[:5],
                    stage=stage, stage_changed_on=on, source_id=source_id)
        session.add(kdmp)
    elif STAGE_RANK[stage] > STAGE_RANK[kdmp.stage] or (stage == kdmp.stage and on < kdmp.stage_changed_on):
        kdmp.stage, kdmp.stage_changed_on, kdmp.source_id = stage, on, source_id
    column = KDMP_STAGE_DATE[stage]
    if getattr(kdmp, column) is None or on < getattr(kdmp, column):
        setattr(kdmp, column, on)
    kdmp.name = name or kdmp.name
    kdmp.deed_number = deed_number or kdmp.deed_number
    kdmp.sk_ahu_number = sk_ahu_number or kdmp.sk_ahu_number
    for field, value in (operating or {}).items():
        if value is not None:
            setattr(kdmp, field, value)
    session.flush()
    session.add(KdmpStageChange(kdmp_id=kdmp.id, stage=stage, changed_on=on, note=note, source_id=source_id))
    session.flush()
    return kdmp


def record_listed_stage(session: Session, *, village_code: str, stage: str, listed_on: dt.date, source_id: int,
                        name: str | None = None, note: str | None = None) -> tuple[Kdmp, KdmpStageChange]:
    """A listing (a national system's export) states that the KDMP of ``village_code`` stands at
    ``stage`` as of ``listed_on`` without the stage's own date: the record is created or moved
    forward with ``stage_listed_on = listed_on`` and ``stage_changed_on = listed_on`` (known since),
    the stage's own date column (``sk_ahu_on`` …) left empty — never invented; the history row's
    note says so. The caller checks the stage is not behind the stored one."""
    if stage not in STAGE_RANK:
        raise ValueError(f"stage {stage!r}: expected one of {', '.join(KDMP_STAGES)}")
    kdmp = session.scalar(select(Kdmp).where(Kdmp.village_code == village_code))
    if kdmp is None:
        kdmp = Kdmp(village_code=village_code, district_code=village_code[:8], regency_code=village_code[:5],
                    stage=stage, stage_changed_on=listed_on, stage_listed_on=listed_on, source_id=source_id)
        session.add(kdmp)
    else:
        kdmp.stage, kdmp.stage_changed_on, kdmp.stage_listed_on = stage, listed_on, listed_on
        kdmp.source_id = source_id
    kdmp.name = name or kdmp.name
    session.flush()
    said = f"tercantum pada tahap ini per {listed_on.isoformat()}; tanggal tahapnya tidak disebut"
    change = KdmpStageChange(kdmp_id=kdmp.id, stage=stage, changed_on=listed_on,
                             note=f"{note} · {said}" if note else said, source_id=source_id)
    session.add(change)
    session.flush()
    return kdmp, change


def add_figure(session: Session, *, area: str, as_of: dt.date, measure: str, value: int, source_id: int,
               of_total: int | None = None, approximate: bool = False, note: str | None = None) -> KdmpFigure:
    """Store one published KDMP figure as reported (``area``: ``""``, a province or a kab/kota code)."""
    if measure not in KDMP_MEASURES:
        raise ValueError(f"measure {measure!r}: expected one of {', '.join(KDMP_MEASURES)}")
    level = "nasional" if not area else ("kabupaten_kota" if "." in area else "provinsi")
    row = KdmpFigure(level=level, area_code=area, province_code=area[:2] or None,
                     regency_code=area if "." in area else None, as_of=as_of, measure=measure, value=value,
                     of_total=of_total, approximate=approximate, note=note, source_id=source_id)
    session.add(row)
    session.flush()
    return row
