"""What the preview says about the rows as read: code schemes, the BPS naming rule, and
whether the kab/kota rows add up to a province total row.

Both take the validated rows (a ``Record`` or a list of ``RowError``) and return notes
``(message code, values)`` for ``ImportReport.notes``. Figures are never changed: a total
that does not add up is reported and kept as reported.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from data_access.imports.regions import Gazetteer
from data_access.imports.rows import Record

MEASURES = (("total", "jumlah koperasi", "all cooperatives"), ("active", "koperasi aktif", "active cooperatives"),
            ("inactive", "koperasi tidak aktif", "inactive cooperatives"))


def reading_notes(validated: list, gazetteer: Gazetteer) -> list[tuple[str, dict]]:
    records = [r for r in validated if isinstance(r, Record)]
    notes: list[tuple[str, dict]] = []
    schemes = Counter(r.facts.get("code_scheme") for r in records if r.facts.get("code_scheme"))
    for scheme in ("bps", "kemendagri", "both"):
        if schemes[scheme]:
            notes.append((f"imp_note_scheme_{scheme}", {"rows": schemes[scheme]}))
    bps_rule = [r for r in records if r.facts.get("bps_rule")]
    if bps_rule:
        names = ", ".join(gazetteer.label(r.values.get("area_code") or r.values.get("regency_code"))
                          for r in bps_rule)
        notes.append(("imp_note_bps_rule", {"names": names}))
    return notes


def total_checks(validated: list, total_rows: set, gazetteer: Gazetteer) -> list[tuple[str, dict]]:
    """For each province total row: does the sum of the file's kab/kota rows of that province
    and date equal it, measure by measure (only where every kab/kota row gives the measure)."""
    records = [r for r in validated if isinstance(r, Record)]
    parts: dict[tuple, list[Record]] = defaultdict(list)
    for record in records:
        area = record.values.get("area_code", "")
        if "." in area:
            parts[(area[:2], record.values["as_of"])].append(record)
    notes = []
    for record in records:
        if record.row not in total_rows:
            continue
        area, as_of = record.values["area_code"], record.values["as_of"]
        rows = parts.get((area, as_of), [])
        for name, label_id, label_en in MEASURES:
            reported = record.values.get(name)
            figures = [r.values.get(name) for r in rows]
            if reported is None or not figures or any(f is None for f in figures):
                continue
            total = sum(figures)
            code = "imp_note_adds_up" if total == reported else "imp_note_not_adds_up"
            notes.append((code, {"measure": label_id, "measure_en": label_en, "province": gazetteer.label(area),
                                 "as_of": as_of.isoformat(), "reported": reported, "rows": len(rows), "sum": total,
                                 "gap": reported - total}))
    return notes
