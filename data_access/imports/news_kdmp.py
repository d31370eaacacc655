"""Koperasi Merah Putih figures a news report states, saved with the report (``imports.news.save``).

The extractor (``ingest.kdmp``, ``Extraction.kdmp_figures``) proposes counts per stage, the
desa/kelurahan in scope, the area and the figures' own date; the editor confirms them on the
Ekstraksi page. Each count becomes one ``kdmp_figure`` row exactly as reported
(``kdmp_records.add_figure``), its source the report; the desa/kelurahan in scope, when stated, is
the ``of_total`` of every count ("2.285 of 2.400 desa"). Extractor keys → measures: ``MEASURE_OF``.
A figure already stored for the same area, date, measure and source is left alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import kdmp_records
from data_access.models_kdmp import KdmpFigure

MEASURE_OF = {"formed": "kdmp_formed", "notarial_deed": "notarial_deed", "legal_entity": "legal_entity",
              "operational": "operational"}


@dataclass
class KdmpReported:
    """KDMP figures of one report: ``counts`` {extractor key: count}, ``villages`` in scope (or None),
    ``area_code`` "" (country), "53" or "53.01", ``as_of`` the figures' date."""

    as_of: dt.date
    area_code: str
    counts: dict[str, int] = field(default_factory=dict)
    villages: int | None = None

    @classmethod
    def from_proposal(cls, proposal: dict, *, area_code: str, as_of: dt.date) -> KdmpReported | None:
        """From ``Extraction.to_dict()["kdmp_figures"]``; its own area and date win over the defaults
        given (the meeting's). ``None`` when it states no count."""
        counts = {key: int(proposal[key]) for key in MEASURE_OF if proposal.get(key) is not None}
        if not counts:
            return None
        own_date = dt.date.fromisoformat(proposal["as_of"]) if proposal.get("as_of") else None
        return cls(as_of=own_date or as_of, area_code=proposal.get("area") or area_code, counts=counts,
                   villages=proposal.get("villages"))

    def problems(self, known_areas) -> list[str]:
        """``["kdmp_figures"]`` when the area is unknown, a key is not a measure or a count negative."""
        ok = (self.area_code == "" or self.area_code in known_areas) and set(self.counts) <= set(MEASURE_OF) \
            and all(v >= 0 for v in self.counts.values()) and (self.villages is None or self.villages >= 0)
        return [] if ok else ["kdmp_figures"]


def save_figures(session: Session, job, reported: KdmpReported | None, source_id: int, outlet: str) -> int:
    """Store each count of ``reported`` under ``source_id`` (tracked in ``job`` for undo); returns rows added."""
    if reported is None:
        return 0
    added = 0
    for key, value in reported.counts.items():
        measure = MEASURE_OF[key]
        exists = session.scalar(select(KdmpFigure.id).where(
            KdmpFigure.area_code == reported.area_code, KdmpFigure.as_of == reported.as_of,
            KdmpFigure.measure == measure, KdmpFigure.source_id == source_id))
        if exists:
            continue
        row = kdmp_records.add_figure(session, area=reported.area_code, as_of=reported.as_of, measure=measure,
                                      value=value, of_total=reported.villages, source_id=source_id,
                                      note=f"Dari berita: {outlet}")
        job.created(row)
        added += 1
    return added
