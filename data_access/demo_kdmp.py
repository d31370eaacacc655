"""Synthetic Koperasi Merah Putih data for the demo data set (flagged by its synthetic source).

Every desa/kelurahan of the demo's provinces (small: NTB and NTT, about 4,600; national: all
83,762) gets a KDMP record, except about 3 % left without any report; each reached stage is dated
between April 2025 and October 2026 (before ``demo.REFERENCE_DATE``), each kab/kota moving at its
own pace so some are clearly slower. Most kab/kota (about 85 %) get a Satgas KDMP under Keppres
9/2025 where no real record exists. Rows go in through ``bulk.insert_rows`` with explicit ids.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from data_access import bulk, records
from data_access.models_kdmp import Kdmp, KdmpStageChange, Village
from data_access.models_pokja import Mandate, Pokja
from data_access.models_reference import Regency

PROVINCES = {"small": ("52", "53"), "national": None}  # None: every province
FIRST_MUSDESUS, LAST_DATE = dt.date(2025, 4, 14), dt.date(2026, 10, 31)
KEPPRES = "KEPPRES-9-2025-SATGAS-KDMP"


def _next_id(session: Session, model) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1


def _stage_dates(rng: random.Random, pace: float) -> list[dt.date]:
    """Dates of the stages reached, in order (musdesus first); stops at the first one past the end."""
    day = FIRST_MUSDESUS + dt.timedelta(days=int(rng.triangular(0, 110, 25) / pace))
    dates = [day]
    for low, high in ((10, 90), (20, 200), (90, 640)):  # deed, SK AHU, operating
        day = day + dt.timedelta(days=int(rng.uniform(low, high) / pace))
        if day > LAST_DATE or rng.random() < 0.05:  # not reached yet, or stuck at this stage
            break
        dates.append(day)
    return dates


def generate(session: Session, rng: random.Random, scale: str, source_id: int) -> dict[str, int]:
    """Add the KDMP rows and Satgas records of one demo data set; returns counts added."""
    wanted = PROVINCES[scale]
    stmt = select(Village.code, Village.name, Village.kind).order_by(Village.code)
    if wanted:
        stmt = stmt.where(func.substr(Village.code, 1, 2).in_(wanted))
    villages = session.execute(stmt).all()
    taken = set(session.scalars(select(Kdmp.village_code)))
    pace: dict[str, float] = {}
    next_id, next_change = _next_id(session, Kdmp), _next_id(session, KdmpStageChange)
    kdmp_rows, change_rows = [], []
    for code, name, kind in villages:
        regency = code[:5]
        if regency not in pace:
            pace[regency] = rng.uniform(0.45, 1.6)
        if code in taken or rng.random() < 0.03:
            continue
        dates = _stage_dates(rng, pace[regency])
        stage = ("musdesus", "akta_notaris", "sk_ahu", "operasional")[len(dates) - 1]
        kdmp_id = next_id + len(kdmp_rows)
        operating = len(dates) == 4
        year = dates[0].year
        kdmp_rows.append({
            "id": kdmp_id, "village_code": code, "district_code": code[:8], "regency_code": regency,
            "name": f"Koperasi {kind.capitalize()} Merah Putih {name}", "stage": stage,
            "musdesus_on": dates[0], "deed_on": dates[1] if len(dates) > 1 else None,
            "deed_number": f"DEMO-{rng.randint(1, 99):02d}/{year}" if len(dates) > 1 else None,
            "sk_ahu_on": dates[2] if len(dates) > 2 else None,
            "sk_ahu_number": f"AHU-DEMO{kdmp_id:07d}.AH.01.29.Tahun {dates[2].year}" if len(dates) > 2 else None,
            "operational_on": dates[3] if operating else None, "stage_changed_on": dates[-1],
            "has_outlet": operating or None, "has_warehouse": (rng.random() < 0.55) if operating else None,
            "has_clinic": (rng.random() < 0.3) if operating else None,
            "has_savings_loans": (rng.random() < 0.7) if operating else None, "source_id": source_id,
        })
        for stage_name, day in zip(("musdesus", "akta_notaris", "sk_ahu", "operasional"), dates, strict=False):
            change_rows.append({"id": next_change + len(change_rows), "kdmp_id": kdmp_id, "stage": stage_name,
                                "changed_on": day, "note": "demo", "source_id": source_id})
    bulk.insert_rows(session, Kdmp, kdmp_rows)
    bulk.insert_rows(session, KdmpStageChange, change_rows)
    return {"kdmp": len(kdmp_rows), "kdmp_stage_changes": len(change_rows),
            "satgas_kdmp": _satgas(session, rng, wanted, source_id)}


def _satgas(session: Session, rng: random.Random, wanted, source_id: int) -> int:
    """A Satgas KDMP for about 85 % of the kab/kota without a real record under Keppres 9/2025."""
    mandate_id = session.scalar(select(Mandate.id).where(Mandate.code == KEPPRES))
    if mandate_id is None:
        return 0
    taken = set(session.scalars(select(Pokja.regency_code).where(Pokja.mandate_id == mandate_id)))
    stmt = select(Regency.code).order_by(Regency.code)
    if wanted:
        stmt = stmt.where(Regency.province_code.in_(wanted))
    made = 0
    for regency in session.scalars(stmt).all():
        if regency in taken or rng.random() > 0.85:
            continue
        start = dt.date(2025, 4, 1) + dt.timedelta(days=rng.randint(0, 90))
        records.record_pokja_stage(session, regency_code=regency, mandate_id=mandate_id, stage="persiapan",
                                   on=start, source_id=source_id, note="demo")
        if rng.random() < 0.9:
            formed = start + dt.timedelta(days=rng.randint(7, 150))
            records.record_pokja_stage(session, regency_code=regency, mandate_id=mandate_id, stage="terbentuk",
                                       on=formed, source_id=source_id, note="demo",
                                       sk_number=f"DEMO/{rng.randint(1, 500)}/KEP/{formed.year}")
        made += 1
    return made


def remove(session: Session, source_id: int) -> None:
    """Delete the KDMP rows of one demo data set (the Pokja rows go with ``demo.remove``)."""
    kdmp_ids = select(Kdmp.id).where(Kdmp.source_id == source_id)
    session.execute(delete(KdmpStageChange).where(KdmpStageChange.kdmp_id.in_(kdmp_ids)))
    session.execute(delete(KdmpStageChange).where(KdmpStageChange.source_id == source_id))
    session.execute(delete(Kdmp).where(Kdmp.source_id == source_id))
