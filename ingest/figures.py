"""Figures: participants and cooperative counts."""

from __future__ import annotations

import re

from ingest.result import CooperativeCounts, Extraction
from ingest.text import SNIPPET_MAX, _Doc

_NUMBER = r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)(?![.,]?\d)"
_PARTICIPANTS = [re.compile(p, re.IGNORECASE) for p in (
    rf"\bpeserta\b[^.\n]{{0,80}}?\b(?:berjumlah|sebanyak|sejumlah|mencapai|total)\s*:?\s*"
    rf"(?:sekitar\s+|kurang\s+lebih\s+|±\s*)?{_NUMBER}\s*(?:orang|peserta)?",
    rf"\b(?:diikuti|dihadiri)\s+(?:oleh\s+)?(?:sebanyak\s+|sekitar\s+|kurang\s+lebih\s+|±\s*)?{_NUMBER}\s*"
    rf"(?:orang|peserta)\b",
    rf"\bjumlah\s+peserta\s+(?:sebanyak\s+|berjumlah\s+|ada\s+|:\s*)?{_NUMBER}",
    rf"(?<![\d.]){_NUMBER}\s+(?:orang\s+)?peserta\b",
)]


def _number(text: str) -> int:
    return int(text.replace(".", ""))


def _fill_participants(doc: _Doc, result: Extraction) -> None:
    """Headcount only when the text ties a number to "peserta" or "diikuti/dihadiri"
    ("1 orang, duduk" in a photo caption is not an attendance)."""
    hits = [m for p in _PARTICIPANTS for m in p.finditer(doc.text, doc.body_start)]
    if hits:
        m = min(hits, key=lambda h: h.start())
        result.participants = _number(m.group("n"))
        result.evidence["participants"] = doc.snippet(m.start(), m.end())


_NOT_ACTIVE = r"(?:tidak|tak|non|belum)[\s-]?aktif"
_COOP = r"(?:unit\s+)?koperasi\b"
_COOP_PATTERNS = {
    "total": [
        rf"\b(?:berjumlah|sebanyak|sejumlah|total|terdapat|tercatat|ada|mencapai)\s+{_NUMBER}\s+{_COOP}"
        rf"(?!\s+(?:yang\s+)?(?:masih\s+|sudah\s+|dalam\s+kondisi\s+|berstatus\s+)?(?:{_NOT_ACTIVE}|aktif))",
        rf"\bjumlah\s+koperasi\b[^.\n]{{0,60}}?\b(?:sebanyak|berjumlah|mencapai|ada|sebesar|yakni|yaitu|:)\s*{_NUMBER}",
    ],
    "active": [
        rf"{_NUMBER}\s+{_COOP}\s+(?:yang\s+)?(?:masih\s+|dalam\s+kondisi\s+|berstatus\s+)?aktif\b",
        rf"\bkoperasi\s+(?:yang\s+)?aktif\s+(?:sebanyak|berjumlah|sejumlah|ada|mencapai|:)\s*{_NUMBER}",
    ],
    "inactive": [
        rf"{_NUMBER}\s+{_COOP}\s+(?:yang\s+)?(?:dalam\s+kondisi\s+|berstatus\s+)?{_NOT_ACTIVE}\b",
        rf"\bkoperasi\s+(?:yang\s+)?{_NOT_ACTIVE}\s+(?:sebanyak|berjumlah|sejumlah|ada|mencapai|:)\s*{_NUMBER}",
    ],
}


def _fill_cooperatives(doc: _Doc, result: Extraction) -> None:
    """ "berjumlah 401 koperasi", "157 koperasi yang aktif", "244 koperasi tidak aktif".

    Kept as reported: if active + inactive ≠ total the record says so in a
    warning instead of correcting a number.
    """
    counts = CooperativeCounts()
    spans: list[tuple[int, int]] = []
    for key, patterns in _COOP_PATTERNS.items():
        hits = [m for p in patterns for m in re.finditer(p, doc.text, re.IGNORECASE)]
        if hits:
            m = min(hits, key=lambda h: h.start())
            setattr(counts, key, _number(m.group("n")))
            spans.append((m.start(), m.end()))
    if not spans:
        return
    result.cooperatives = counts
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    result.evidence["cooperatives"] = (doc.snippet(start, end) if end - start <= SNIPPET_MAX
                                       else doc.snippet(*spans[0]))
    if None not in (counts.total, counts.active, counts.inactive) and \
            counts.active + counts.inactive != counts.total:
        result.warnings.append(f"cooperative counts do not add up: {counts.active} active + "
                               f"{counts.inactive} inactive ≠ {counts.total} total")

