"""Write operations shared by the seed loader, the demo generator and imports.

Each function takes an open session (the caller owns the transaction) and keeps
the rules that must hold however a fact arrives: a reported count is stored as
reported with its ``inconsistent`` flag derived, a Pokja stage change is
appended to its history, derived RAT runs are recomputed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from data_access.models_cooperatives import CooperativeCount, CooperativeRat
from data_access.models_meetings import Meeting, MeetingRegency, MeetingSector
from data_access.models_pokja import Pokja, PokjaStageChange
from data_access.models_reference import Regency, Sector, Source

SECTOR_NAMES = {
    "koperasi": ("Koperasi", "Cooperatives"),
    "ketenagakerjaan": ("Ketenagakerjaan", "Manpower"),
    "transmigrasi": ("Ketransmigrasian", "Transmigration"),
    "perlindungan_pmi": ("Perlindungan PMI", "Migrant worker protection"),
}
STAGE_ORDER = {"belum_dibentuk": 0, "persiapan": 1, "terbentuk": 2}


def is_inconsistent(total: int | None, active: int | None, inactive: int | None) -> bool:
    """All three figures known and they do not add up."""
    if total is None or active is None or inactive is None:
        return False
    return total != active + inactive


def ensure_sectors(session: Session) -> None:
    existing = set(session.scalars(select(Sector.code)))
    for code, (name_id, name_en) in SECTOR_NAMES.items():
        if code not in existing:
            session.add(Sector(code=code, name_id=name_id, name_en=name_en))
    session.flush()


def add_cooperative_count(session: Session, *, area_code: str, as_of: dt.date, source_id: int,
                          total: int | None, active: int | None, inactive: int | None,
                          precision: str = "day", approximate: bool = False,
                          note: str | None = None) -> CooperativeCount:
    regency_code = area_code if "." in area_code else None
    row = CooperativeCount(
        area_code=area_code, province_code=area_code[:2], regency_code=regency_code,
        as_of=as_of, as_of_precision=precision, total=total, active=active, inactive=inactive,
        approximate=approximate, inconsistent=is_inconsistent(total, active, inactive),
        note=note, source_id=source_id,
    )
    session.add(row)
    session.flush()
    return row


def add_meeting(session: Session, *, sectors: Iterable[str], regencies: Iterable[str],
                **fields) -> Meeting:
    meeting = Meeting(**fields)
    meeting.sectors = [MeetingSector(sector_code=s) for s in dict.fromkeys(sectors)]
    meeting.regencies = [MeetingRegency(regency_code=r) for r in dict.fromkeys(regencies)]
    session.add(meeting)
    session.flush()
    return meeting


def regencies_of_province(session: Session, province_code: str) -> list[str]:
    return list(session.scalars(
        select(Regency.code).where(Regency.province_code == province_code).order_by(Regency.code)
    ))


def source_is_synthetic(session: Session, source_id: int) -> bool:
    """True when the source ``source_id`` is demo data (``Source.kind == "synthetic"``)."""
    return session.scalar(select(Source.kind).where(Source.id == source_id)) == "synthetic"


def find_pokja(session: Session, regency_code: str, mandate_id: int, source_id: int) -> Pokja | None:
    """The Pokja of ``regency_code`` under ``mandate_id`` of the same kind (demo or real) as the source
    ``source_id``: a real report finds only the real record, never the demo one (issue 20)."""
    return session.scalar(select(Pokja).where(
        Pokja.regency_code == regency_code, Pokja.mandate_id == mandate_id,
        Pokja.synthetic.is_(source_is_synthetic(session, source_id))))


def record_pokja_stage(session: Session, *, regency_code: str, mandate_id: int, stage: str,
                       on: dt.date, source_id: int, sk_number: str | None = None,
                       name: str | None = None, note: str | None = None) -> Pokja:
    """Append a reported stage to a Pokja's history and move its current stage forward.

    A report of an earlier stage after a later one is kept in the history but
    does not move the current stage back. A real report (its source not synthetic) extends only
    the real record and a demo one only the demo record (``find_pokja``); a real report where only
    a demo record exists makes a real record of its own.
    """
    pokja = find_pokja(session, regency_code, mandate_id, source_id)
    if pokja is None:
        pokja = Pokja(regency_code=regency_code, mandate_id=mandate_id, stage=stage, source_id=source_id,
                      synthetic=source_is_synthetic(session, source_id))
        session.add(pokja)
    elif STAGE_ORDER[stage] >= STAGE_ORDER[pokja.stage]:
        pokja.stage = stage
        pokja.source_id = source_id
    if stage == "persiapan" and (pokja.preparation_on is None or on < pokja.preparation_on):
        pokja.preparation_on = on
    if stage == "terbentuk" and (pokja.formed_on is None or on < pokja.formed_on):
        pokja.formed_on = on
    pokja.sk_number = sk_number or pokja.sk_number
    pokja.name = name or pokja.name
    session.flush()
    session.add(PokjaStageChange(pokja_id=pokja.id, stage=stage, changed_on=on, note=note,
                                 source_id=source_id))
    session.flush()
    return pokja


def run_lengths(years: Iterable[int]) -> dict[int, int]:
    """For each RAT year, the count of consecutive RAT years ending with it."""
    runs: dict[int, int] = {}
    for year in sorted(set(years)):
        runs[year] = runs.get(year - 1, 0) + 1
    return runs


def recompute_runs(session: Session, cooperative_ids: Iterable[int]) -> None:
    """Refresh ``CooperativeRat.run_length`` for these cooperatives after RAT rows change."""
    for coop_id in set(cooperative_ids):
        years = session.scalars(
            select(CooperativeRat.year).where(CooperativeRat.cooperative_id == coop_id)
        ).all()
        for year, run in run_lengths(years).items():
            session.execute(
                update(CooperativeRat)
                .where(CooperativeRat.cooperative_id == coop_id, CooperativeRat.year == year)
                .values(run_length=run)
            )
