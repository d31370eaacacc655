"""Load the real facts of ``seed_data/real_facts.json`` (seed articles and
published figures), each attached to its named source.

Facts of a source already in the database are skipped, so loading again only
adds sources that are new in a later release.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import records
from data_access.config import SEED_DIR
from data_access.models_pokja import Mandate
from data_access.models_reference import Source

FACTS_JSON = SEED_DIR / "real_facts.json"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def read_facts() -> dict:
    return json.loads(FACTS_JSON.read_text(encoding="utf-8"))


def load(session: Session) -> dict[str, int]:
    """Insert the facts of every source not yet present; returns counts added."""
    facts = read_facts()
    records.ensure_sectors(session)
    known = set(session.scalars(select(Source.key)))
    new_ids: dict[str, int] = {}
    for src in facts["sources"]:
        if src["key"] in known:
            continue
        row = Source(key=src["key"], kind=src["kind"], outlet=src["outlet"],
                     headline=src["headline"], url=src["url"], published_on=_date(src["published_on"]),
                     author=src["author"], note=src["note"])
        session.add(row)
        session.flush()
        new_ids[src["key"]] = row.id
    added = {"sources": len(new_ids), "meetings": 0, "cooperative_counts": 0, "pokja_stages": 0}

    for m in facts["meetings"]:
        if m["source"] not in new_ids:
            continue
        regencies = m["regencies"]
        if regencies == "all_in_province":
            regencies = records.regencies_of_province(session, m["province"])
        records.add_meeting(
            session, sectors=m["sectors"], regencies=regencies,
            title=m["title"], kind=m["kind"], level=m["level"], held_on=_date(m["held_on"]),
            date_inferred=m["date_inferred"], status=m["status"], venue=m["venue"], city=m["city"],
            province_code=m["province"], regency_code=m["regency"], organizer=m["organizer"],
            opened_by_name=m["opened_by_name"], opened_by_role=m["opened_by_role"],
            participants=m["participants"], theme=m["theme"], source_id=new_ids[m["source"]],
        )
        added["meetings"] += 1

    for c in facts["cooperative_counts"]:
        if c["source"] not in new_ids:
            continue
        records.add_cooperative_count(
            session, area_code=c["area"], as_of=_date(c["as_of"]), source_id=new_ids[c["source"]],
            total=c["total"], active=c["active"], inactive=c["inactive"],
            precision=c["precision"], approximate=c.get("approximate", False), note=c.get("note"),
        )
        added["cooperative_counts"] += 1

    mandate_ids = dict(session.execute(select(Mandate.code, Mandate.id)).all())
    for md in facts["mandates"]:
        if md["code"] in mandate_ids or md["source"] not in new_ids:
            continue
        row = Mandate(code=md["code"], title=md["title"], legal_basis=md["legal_basis"],
                      issued_on=_date(md["issued_on"]), province_code=md["province"],
                      source_id=new_ids[md["source"]])
        session.add(row)
        session.flush()
        mandate_ids[md["code"]] = row.id

    for p in facts["pokja"]:
        if p["source"] not in new_ids:
            continue
        for step in p["history"]:
            records.record_pokja_stage(
                session, regency_code=p["regency"], mandate_id=mandate_ids[p["mandate"]],
                stage=step["stage"], on=_date(step["on"]), source_id=new_ids[p["source"]],
                sk_number=p.get("sk_number"), name=p.get("name"), note=step.get("note"),
            )
            added["pokja_stages"] += 1
    return added
