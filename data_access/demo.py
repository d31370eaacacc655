"""Deterministic demo data, flagged synthetic.

``python -m data_access demo --scale {small,national}``. The same seed gives the
same rows. Every generated row hangs off one ``source`` of kind ``synthetic``
(key ``synthetic:demo:<scale>:<seed>``), which the interface shows as a banner
and the "real data only" filter hides. Meeting status is decided against a
fixed ``REFERENCE_DATE`` (not today) so that runs on different days agree.

Bulk rows go in through Core ``insert`` with explicit ids, which is what keeps
the national build (about 200,000 cooperatives) within a minute.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from data_access import bulk, cooperative_summaries, demo_kdmp, records
from data_access.engine import analyze, session_scope
from data_access.models_cooperatives import Cooperative, CooperativeRat
from data_access.models_kdmp import Kdmp, KdmpStageChange
from data_access.models_meetings import Meeting, MeetingRegency, MeetingSector
from data_access.models_pokja import Mandate, Pokja, PokjaStageChange
from data_access.models_reference import Province, Regency, Source

REFERENCE_DATE = dt.date(2026, 11, 1)
RAT_YEARS = range(2015, 2026)
# Provinces sending most migrant workers (BP2MI placements): Pokja demo rows go here.
MIGRANT_PROVINCES = {"small": ("52", "53"),
                     "national": ("12", "18", "32", "33", "35", "51", "52", "53")}


@dataclass(frozen=True)
class Scale:
    cooperatives: int
    meetings: int


SCALES = {"small": Scale(cooperatives=5_000, meetings=400),
          "national": Scale(cooperatives=200_000, meetings=10_000)}

JENIS = (("simpan_pinjam", 35), ("konsumen", 25), ("produsen", 20), ("jasa", 12), ("pemasaran", 8))
KELOMPOK = ("Koperasi Unit Desa", "Koperasi Pertanian", "Koperasi Perkebunan", "Koperasi Nelayan",
            "Koperasi Karyawan", "Koperasi Wanita", "Koperasi Serba Usaha", "Koperasi Simpan Pinjam")
SEKTOR = ("Pertanian", "Perikanan", "Perdagangan", "Jasa Keuangan", "Industri Pengolahan",
          "Peternakan", "Kerajinan")
WORDS = ("Sejahtera", "Makmur", "Maju Bersama", "Harapan", "Mandiri", "Sinar Pagi", "Karya Bakti",
         "Bina Usaha", "Tunas Baru", "Sumber Rejeki", "Setia Kawan", "Lestari", "Berkah", "Cahaya")
MEETING_KINDS = (("rakor", 70), ("rapat_teknis", 15), ("workshop", 8), ("sosialisasi", 7))
KIND_TITLES = {"rakor": "Rapat Koordinasi", "rapat_teknis": "Rapat Teknis", "workshop": "Workshop",
               "sosialisasi": "Sosialisasi"}
SECTOR_TITLES = {"koperasi": "Koperasi", "ketenagakerjaan": "Ketenagakerjaan",
                 "transmigrasi": "Ketransmigrasian", "perlindungan_pmi": "Perlindungan PMI"}
ORGANIZERS = {"koperasi": "Dinas Koperasi dan UKM", "ketenagakerjaan": "Dinas Tenaga Kerja dan Transmigrasi",
              "transmigrasi": "Dinas Tenaga Kerja dan Transmigrasi",
              "perlindungan_pmi": "Dinas Tenaga Kerja dan Transmigrasi"}
VENUES = ("Aula Kantor Bupati", "Aula Dinas", "Hotel", "Ruang Rapat Setda", "Gedung Serbaguna")
OPENERS = ("Bupati", "Wakil Bupati", "Sekretaris Daerah", "Asisten Perekonomian", "Kepala Dinas")


def source_key(scale: str, seed: int) -> str:
    return f"synthetic:demo:{scale}:{seed}"


def _weighted(rng: random.Random, pairs) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _rat_years(rng: random.Random, founded_year: int, healthy_share: float) -> list[int]:
    """Plausible RAT years: most cooperatives hold it yearly, some lapse, some never did.

    ``healthy_share`` varies by kab/kota so that areas differ as they do in reality.
    """
    start = max(founded_year + 1, RAT_YEARS.start)
    profile = rng.random()
    years = []
    if profile < healthy_share:  # healthy, the odd missed year
        years = [y for y in range(start, RAT_YEARS.stop) if rng.random() < 0.93]
    elif profile < healthy_share + (1 - healthy_share) * 0.65:  # lapsed at some point
        stop = rng.randint(RAT_YEARS.start, RAT_YEARS.stop - 1)
        years = [y for y in range(start, stop) if rng.random() < 0.85]
    elif profile < healthy_share + (1 - healthy_share) * 0.9:  # revived recently
        begin = rng.randint(2019, 2024)
        years = [y for y in range(max(start, begin), RAT_YEARS.stop) if rng.random() < 0.9]
    return years  # else: never held a RAT in the window


def _next_id(session: Session, model) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1


def _sync_sequences(session: Session) -> None:
    """After inserting explicit ids, move PostgreSQL's id sequences past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for model in (Source, Cooperative, Meeting, Mandate, Pokja, PokjaStageChange, Kdmp, KdmpStageChange):
        highest = func.coalesce(select(func.max(model.id)).scalar_subquery(), 1)
        session.execute(select(func.setval(func.pg_get_serial_sequence(model.__tablename__, "id"), highest)))


def remove(engine: Engine, scale: str, seed: int = 42) -> bool:
    """Delete one demo data set (all rows hanging off its synthetic source)."""
    with session_scope(engine) as session:
        source_id = session.scalar(select(Source.id).where(Source.key == source_key(scale, seed)))
        if source_id is None:
            return False
        demo_kdmp.remove(session, source_id)
        pokja_ids = select(Pokja.id).where(Pokja.source_id == source_id)
        session.execute(delete(PokjaStageChange).where(PokjaStageChange.pokja_id.in_(pokja_ids)))
        session.execute(delete(PokjaStageChange).where(PokjaStageChange.source_id == source_id))
        session.execute(delete(Pokja).where(Pokja.source_id == source_id))
        session.execute(delete(Mandate).where(Mandate.source_id == source_id))
        meeting_ids = select(Meeting.id).where(Meeting.source_id == source_id)
        session.execute(delete(MeetingSector).where(MeetingSector.meeting_id.in_(meeting_ids)))
        session.execute(delete(MeetingRegency).where(MeetingRegency.meeting_id.in_(meeting_ids)))
        session.execute(delete(Meeting).where(Meeting.source_id == source_id))
        coop_ids = select(Cooperative.id).where(Cooperative.source_id == source_id)
        session.execute(delete(CooperativeRat).where(CooperativeRat.cooperative_id.in_(coop_ids)))
        session.execute(delete(Cooperative).where(Cooperative.source_id == source_id))
        session.execute(delete(Source).where(Source.id == source_id))
        cooperative_summaries.refresh(session)
    return True


def generate(engine: Engine, scale: str = "small", seed: int = 42) -> dict[str, int]:
    """Add one deterministic demo data set; a no-op if it is already present."""
    size = SCALES[scale]
    rng = random.Random(f"{scale}:{seed}")
    counts = {"cooperatives": 0, "rat_rows": 0, "meetings": 0, "pokja": 0}
    with session_scope(engine) as session:
        key = source_key(scale, seed)
        if session.scalar(select(Source.id).where(Source.key == key)) is not None:
            return counts
        records.ensure_sectors(session)
        source = Source(key=key, kind="synthetic", outlet="Pantau Rakor (data demo)",
                        headline=f"Data demo sintetis, skala {scale}, seed {seed}",
                        published_on=REFERENCE_DATE,
                        note="Dibangkitkan oleh data_access.demo; bukan data nyata.")
        session.add(source)
        session.flush()
        regencies = session.execute(
            select(Regency.code, Regency.province_code, Regency.name, Regency.seat)
            .order_by(Regency.code)
        ).all()
        provinces = dict(session.execute(select(Province.code, Province.name)).all())
        counts["cooperatives"], counts["rat_rows"] = _cooperatives(session, rng, size, regencies, source.id, seed)
        counts["meetings"] = _meetings(session, rng, size, regencies, provinces, source.id)
        counts["pokja"] = _pokja(session, rng, scale, regencies, source.id)
        counts.update(demo_kdmp.generate(session, rng, scale, source.id))
        _sync_sequences(session)
        cooperative_summaries.refresh(session)
    analyze(engine)
    return counts


def _cooperatives(session, rng, size, regencies, source_id, seed) -> tuple[int, int]:
    weights = [rng.uniform(0.3, 3.0) for _ in regencies]
    province_health = {code: rng.uniform(0.3, 0.75) for code in sorted({r.province_code for r in regencies})}
    health = {r.code: min(0.9, max(0.15, province_health[r.province_code] + rng.uniform(-0.12, 0.12)))
              for r in regencies}
    next_id = _next_id(session, Cooperative)
    coop_rows, rat_rows = [], []
    for i in range(size.cooperatives):
        reg = rng.choices(regencies, weights=weights)[0]
        founded = dt.date(rng.randint(1975, 2024), rng.randint(1, 12), rng.randint(1, 28))
        jenis = _weighted(rng, JENIS)
        coop_id = next_id + i
        coop_rows.append({
            "id": coop_id, "nik": f"SIM-{seed:03d}{coop_id:09d}",
            "name": f"Koperasi {rng.choice(WORDS)} {reg.seat or reg.name.split(' ', 1)[-1]} {i % 97 + 1}",
            "regency_code": reg.code, "legal_entity_number": f"{rng.randint(1, 999)}/BH/DEMO/{founded.year}",
            "founded_on": founded, "jenis": jenis, "kelompok": rng.choice(KELOMPOK),
            "sektor_usaha": rng.choice(SEKTOR), "members": rng.randint(20, 2500),
            "dissolved": rng.random() < 0.02, "source_id": source_id,
        })
        years = _rat_years(rng, founded.year, health[reg.code])
        for year, run in records.run_lengths(years).items():
            rat_rows.append({"cooperative_id": coop_id, "year": year, "run_length": run,
                             "held_on": dt.date(year, rng.randint(1, 6), rng.randint(1, 28))})
    bulk.insert_rows(session, Cooperative, coop_rows)
    bulk.insert_rows(session, CooperativeRat, rat_rows)
    return len(coop_rows), len(rat_rows)


def _meetings(session, rng, size, regencies, provinces, source_id) -> int:
    by_province: dict[str, list] = {}
    for reg in regencies:
        by_province.setdefault(reg.province_code, []).append(reg)
    province_codes = sorted(by_province)
    next_id = _next_id(session, Meeting)
    meeting_rows, sector_rows, regency_rows = [], [], []
    start, days = dt.date(2019, 1, 1), (dt.date(2026, 12, 31) - dt.date(2019, 1, 1)).days
    for i in range(size.meetings):
        prov = rng.choice(province_codes)
        level = "provinsi" if rng.random() < 0.35 else "kabupaten_kota"
        host = rng.choice(by_province[prov])
        held_on = start + dt.timedelta(days=rng.randint(0, days))
        kind = _weighted(rng, MEETING_KINDS)
        sectors = rng.sample(list(SECTOR_TITLES), k=rng.choice((1, 1, 2, 3)))
        area = provinces[prov] if level == "provinsi" else host.name
        title = f"{KIND_TITLES[kind]} {' dan '.join(SECTOR_TITLES[s] for s in sectors)} {area} {held_on.year} #{i + 1}"
        if held_on >= REFERENCE_DATE:
            status = "planned"
        else:
            status = "cancelled" if rng.random() < 0.03 else "held"
        meeting_id = next_id + i
        meeting_rows.append({
            "id": meeting_id, "title": title, "kind": kind, "level": level, "held_on": held_on,
            "date_inferred": False, "status": status,
            "venue": f"{rng.choice(VENUES)} {host.seat or ''}".strip(), "city": host.seat,
            "province_code": prov, "regency_code": host.code,
            "organizer": f"{ORGANIZERS[sectors[0]]} {area}",
            "opened_by_name": None, "opened_by_role": f"{rng.choice(OPENERS)} (demo)",
            "participants": rng.randint(15, 150) if status != "planned" else None,
            "theme": None, "source_id": source_id,
        })
        sector_rows += [{"meeting_id": meeting_id, "sector_code": s} for s in sectors]
        taking_part = by_province[prov] if level == "provinsi" else [host]
        regency_rows += [{"meeting_id": meeting_id, "regency_code": r.code} for r in taking_part]
    bulk.insert_rows(session, Meeting, meeting_rows)
    bulk.insert_rows(session, MeetingSector, sector_rows)
    bulk.insert_rows(session, MeetingRegency, regency_rows)
    return len(meeting_rows)


def _pokja(session, rng, scale, regencies, source_id) -> int:
    provinces = MIGRANT_PROVINCES[scale]
    ntt_mandate = session.scalar(select(Mandate.id).where(Mandate.code == "MOU-NTT-2019-POKJA-PMI"))
    demo_mandate = Mandate(code=f"DEMO-POKJA-PMI-{source_id}",
                           title="Pembentukan Pokja Pelayanan Terpadu Perlindungan PMI (mandat demo)",
                           legal_basis="UU 18/2017; PP 59/2021 (mandat demo sintetis)",
                           issued_on=dt.date(2020, 1, 15), source_id=source_id)
    session.add(demo_mandate)
    session.flush()
    taken = set(session.execute(select(Pokja.regency_code, Pokja.mandate_id)).all())
    made = 0
    for reg in regencies:
        if reg.province_code not in provinces:
            continue
        mandate_id = ntt_mandate if (reg.province_code == "53" and ntt_mandate) else demo_mandate.id
        if (reg.code, mandate_id) in taken:
            continue
        roll = rng.random()
        mandated_on = dt.date(2019, 5, 9) if mandate_id == ntt_mandate else demo_mandate.issued_on
        start = mandated_on + dt.timedelta(days=rng.randint(30, 1500))  # preparation after the mandate
        records.record_pokja_stage(session, regency_code=reg.code, mandate_id=mandate_id,
                                   stage="belum_dibentuk", on=mandated_on, source_id=source_id, note="demo")
        if roll > 0.3:
            records.record_pokja_stage(session, regency_code=reg.code, mandate_id=mandate_id,
                                       stage="persiapan", on=start, source_id=source_id, note="demo")
        if roll > 0.6:
            formed = start + dt.timedelta(days=rng.randint(30, 400))
            records.record_pokja_stage(
                session, regency_code=reg.code, mandate_id=mandate_id, stage="terbentuk", on=formed,
                source_id=source_id, sk_number=f"DEMO/{rng.randint(1, 400)}/KEP/HK/{formed.year}",
                note="demo",
            )
        made += 1
    return made
