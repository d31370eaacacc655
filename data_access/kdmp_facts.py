"""Load the real KDMP facts of ``seed_data/kdmp_facts.json``, each attached to its named source.

What goes in: the Keppres 9/2025 mandate (programme ``satgas_kdmp``, binding every kab/kota), the
published figures (national and per province: the Ministry of Home Affairs' tally of 8 August 2025,
progress figures of May–June 2025) kept as reported, and one Satgas record per kab/kota of each
province the tally names as complete (stage ``terbentuk`` as of the tally's date — the date of the
report, not of the decree, which the note says). Facts of a source already stored are skipped, so
loading again adds only new sources.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import kdmp_records, records
from data_access.config import SEED_DIR
from data_access.models import Mandate, Source

FACTS_JSON = SEED_DIR / "kdmp_facts.json"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def read_facts() -> dict:
    return json.loads(FACTS_JSON.read_text(encoding="utf-8"))


def load(session: Session) -> dict[str, int]:
    """Insert the KDMP facts of every source not yet present; returns counts added."""
    facts = read_facts()
    known = set(session.scalars(select(Source.key)))
    new_ids: dict[str, int] = {}
    for src in facts["sources"]:
        if src["key"] in known:
            continue
        row = Source(key=src["key"], kind=src["kind"], outlet=src["outlet"], headline=src["headline"],
                     url=src["url"], published_on=_date(src["published_on"]), author=src["author"],
                     note=src["note"])
        session.add(row)
        session.flush()
        new_ids[src["key"]] = row.id
    added = {"sources": len(new_ids), "figures": 0, "satgas": 0}

    mandate_ids = dict(session.execute(select(Mandate.code, Mandate.id)).all())
    for md in facts["mandates"]:
        if md["code"] in mandate_ids or md["source"] not in new_ids:
            continue
        row = Mandate(code=md["code"], title=md["title"], legal_basis=md["legal_basis"],
                      issued_on=_date(md["issued_on"]), province_code=md["province"],
                      programme=md["programme"], binds_every_regency=md["binds_every_regency"],
                      source_id=new_ids[md["source"]])
        session.add(row)
        session.flush()
        mandate_ids[md["code"]] = row.id

    for f in facts["figures"]:
        if f["source"] in new_ids:
            kdmp_records.add_figure(session, area=f["area"], as_of=_date(f["as_of"]), measure=f["measure"],
                                    value=f["value"], of_total=f["of_total"], note=f["note"],
                                    source_id=new_ids[f["source"]])
            added["figures"] += 1

    for s in facts["satgas"]:
        if s["source"] not in new_ids:
            continue
        for province in s["provinces_complete"]:
            for regency in records.regencies_of_province(session, province):
                records.record_pokja_stage(session, regency_code=regency, mandate_id=mandate_ids[s["mandate"]],
                                           stage=s["stage"], on=_date(s["on"]), source_id=new_ids[s["source"]],
                                           note=s["note"])
                added["satgas"] += 1
    return added
