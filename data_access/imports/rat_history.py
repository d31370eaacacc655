"""How much RAT history each imported cooperative has, and from which year the active rule
can judge it — so a register import never ends in a bare "0 % active".

The rule (README, Permen KUKM 25/2015): active in year Y when the RAT was held in each of
the N years up to Y (N = ``filters.DEFAULT_WINDOW``). A register export gives one last RAT
per cooperative, so after a first import each has one year of history and the rule can
judge it only from ``first RAT year + N - 1`` once the years between are known.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.filters import DEFAULT_WINDOW
from data_access.imports.job import chunks
from data_access.imports.parsing import header_key
from data_access.imports.rows import Record
from data_access.models_cooperatives import Cooperative, CooperativeRat


def summarise(session: Session, found: list[Record], window: int = DEFAULT_WINDOW) -> tuple[list[dict], list]:
    """``(rows, notes)``: per imported row ``{row, label, rat_years, first_year, last_year,
    judged_from}`` (``judged_from`` None when no RAT at all) and the report's notes."""
    ids: dict[int, int] = {}
    niks = {r.key[1]: r.row for r in found if r.key[0] == "nik"}
    for chunk in chunks(sorted(niks)):
        for coop_id, nik in session.execute(select(Cooperative.id, Cooperative.nik).where(Cooperative.nik.in_(chunk))):
            ids[coop_id] = niks[nik]
    for record in (r for r in found if r.key[0] == "name"):
        for coop_id, name in session.execute(select(Cooperative.id, Cooperative.name).where(
                Cooperative.regency_code == record.key[2], Cooperative.nik.is_(None))):
            if header_key(name) == record.key[1]:
                ids[coop_id] = record.row
    history: dict[int, tuple[int, int, int]] = {}
    for chunk in chunks(sorted(ids)):
        for coop_id, years, first, last in session.execute(
                select(CooperativeRat.cooperative_id, func.count(), func.min(CooperativeRat.year),
                       func.max(CooperativeRat.year))
                .where(CooperativeRat.cooperative_id.in_(chunk)).group_by(CooperativeRat.cooperative_id)):
            history[coop_id] = (years, first, last)
    labels = {r.row: r.label for r in found}
    rows = []
    for coop_id, row in sorted(ids.items(), key=lambda pair: pair[1]):
        years, first, last = history.get(coop_id, (0, None, None))
        rows.append({"row": row, "label": labels[row], "rat_years": years, "first_year": first, "last_year": last,
                     "judged_from": first + window - 1 if first is not None else None})
    if not rows:
        return rows, []
    spread = Counter(r["rat_years"] for r in rows)
    detail = ", ".join(f"{years}: {n}" for years, n in sorted(spread.items()))
    judged = [r["judged_from"] for r in rows if r["judged_from"] is not None]
    notes = [("imp_note_rat_history", {"n": len(rows), "detail": detail, "window": window,
                                       "earliest": min(judged) if judged else "–",
                                       "none": spread.get(0, 0)})]
    return rows, notes
