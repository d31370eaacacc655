"""Load the real KDMP facts of ``seed_data/kdmp_facts.json``, each attached to its named source.

What goes in: the Keppres 9/2025 mandate (programme ``satgas_kdmp``, binding every kab/kota), the
published figures (national and per province: the Ministry of Home Affairs' tally of 8 August 2025,
progress figures of May–June 2025) kept as reported, and one Satgas record per kab/kota of each
province the tally names as complete (stage ``terbentuk`` as of the tally's date — the date of the
report, not of the decree, which the note says). Each fact goes in once (its natural key), so
loading again adds only what is missing.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import kdmp_records, records
from data_access.config import SEED_DIR
from data_access.models_kdmp import KdmpFigure
from data_access.models_pokja import Mandate, Pokja
from data_access.models_reference import Source

FACTS_JSON = SEED_DIR / "kdmp_facts.json"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def read_facts() -> dict:
    return json.loads(FACTS_JSON.read_text(encoding="utf-8"))


def _source_ids(session: Session, sources: list[dict]) -> dict[str, int]:
    """Every source of the file by key: the stored one, or a new row."""
    ids = dict(session.execute(select(Source.key, Source.id).where(Source.key.in_([s["key"] for s in sources]))).all())
    for src in sources:
        if src["key"] not in ids:
            row = Source(key=src["key"], kind=src["kind"], outlet=src["outlet"], headline=src["headline"],
                         url=src["url"], published_on=_date(src["published_on"]), author=src["author"],
                         note=src["note"])
            session.add(row)
            session.flush()
            ids[src["key"]] = row.id
    return ids


def load(session: Session) -> dict[str, int]:
    """Insert every KDMP fact not yet stored (by its natural key); returns counts added.

    Idempotent fact by fact, not per source: a schema downgrade drops the KDMP tables but keeps
    the sources, and the next start must bring the facts back.
    """
    facts = read_facts()
    source_ids = _source_ids(session, facts["sources"])
    added = {"figures": 0, "mandates": 0, "satgas": 0}

    mandate_ids = dict(session.execute(select(Mandate.code, Mandate.id)).all())
    for md in facts["mandates"]:
        if md["code"] in mandate_ids:
            continue
        row = Mandate(code=md["code"], title=md["title"], legal_basis=md["legal_basis"],
                      issued_on=_date(md["issued_on"]), province_code=md["province"],
                      programme=md["programme"], binds_every_regency=md["binds_every_regency"],
                      source_id=source_ids[md["source"]])
        session.add(row)
        session.flush()
        mandate_ids[md["code"]] = row.id
        added["mandates"] += 1

    stored = set(session.execute(select(KdmpFigure.area_code, KdmpFigure.as_of, KdmpFigure.measure,
                                        KdmpFigure.source_id)).all())
    for f in facts["figures"]:
        key = (f["area"], _date(f["as_of"]), f["measure"], source_ids[f["source"]])
        if key not in stored:
            kdmp_records.add_figure(session, area=f["area"], as_of=key[1], measure=f["measure"], value=f["value"],
                                    of_total=f["of_total"], note=f["note"], source_id=key[3])
            added["figures"] += 1

    for s in facts["satgas"]:
        mandate_id = mandate_ids[s["mandate"]]
        on_record = set(session.scalars(select(Pokja.regency_code).where(Pokja.mandate_id == mandate_id)))
        for province in s["provinces_complete"]:
            for regency in records.regencies_of_province(session, province):
                if regency in on_record:
                    continue
                records.record_pokja_stage(session, regency_code=regency, mandate_id=mandate_id, stage=s["stage"],
                                           on=_date(s["on"]), source_id=source_ids[s["source"]], note=s["note"])
                added["satgas"] += 1
    return added
