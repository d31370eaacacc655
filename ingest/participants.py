"""Participants: the headcount of the meeting, when the text ties a number to the people there.

"diikuti 85 peserta", "dihadiri 45 orang peserta", "diikuti 45 pengurus koperasi",
"Sebanyak 200 peserta ... hadir", "Some 80 cooperative managers ... attended",
"with 150 cooperative managers attending". A sentence about another event ("Rakor
serupa tahun lalu ... diikuti 40 peserta") is not this meeting's.
"""

from __future__ import annotations

import re

from ingest.result import Extraction
from ingest.text import _Doc

NUMBER = r"(?P<n>\d{1,3}(?:[.,]\d{3})+|\d+)(?![.,]?\d)"
# Words after "diikuti N" that count things, not people.
_NOT_PEOPLE = (r"(?:persen|%|kabupaten|kota|kecamatan|desa|kelurahan|provinsi|hari|jam|tahun|bulan|unit|instansi|"
               r"opd|lembaga|perusahaan|koperasi|kab|sesi|materi|negara)\b")
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"\bpeserta\b[^.\n]{{0,80}}?\b(?:berjumlah|sebanyak|sejumlah|mencapai|total)\s*:?\s*"
    rf"(?:sekitar\s+|kurang\s+lebih\s+|±\s*)?{NUMBER}\s*(?:orang|peserta)?",
    rf"\b(?:diikuti|dihadiri)\s+(?:oleh\s+)?(?:sebanyak\s+|sekitar\s+|kurang\s+lebih\s+|±\s*)?{NUMBER}\s*"
    rf"(?:orang\s+)?(?!{_NOT_PEOPLE})[a-z]{{3,}}",
    rf"\bjumlah\s+peserta\s+(?:sebanyak\s+|berjumlah\s+|ada\s+|:\s*)?{NUMBER}",
    rf"(?<![\d.]){NUMBER}\s+(?:orang\s+)?peserta\b",
    rf"\battended\s+by\s+(?:some\s+|about\s+|around\s+|more\s+than\s+)?{NUMBER}\b",
    rf"(?<![\d.,]){NUMBER}\s+(?:[a-z]+\s+){{0,2}}(?:participants|officials|managers|members|people|representatives|"
    rf"delegates|attendees|heads|staff)\b[^.\n]{{0,60}}?\b(?:attended|attending|took\s+part|participated|joined)\b",
)]
_OTHER_EVENT = re.compile(r"\b(?:tahun\s+lalu|sebelumnya|last\s+year|previous)\b", re.IGNORECASE)


def headcount(text: str) -> int:
    """ "1.200" / "1,200" / "85" → int (thousands separators of either language)."""
    return int(re.sub(r"[.,]", "", text))


def _fill_participants(doc: _Doc, result: Extraction) -> None:
    """The first headcount of the body outside sentences about other events and teasers."""
    hits = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(doc.text, doc.body_start):
            s_start, s_end = doc.sentence_at(m.start())
            if doc.in_teaser(m.start()) or _OTHER_EVENT.search(doc.text, s_start, s_end):
                continue
            hits.append(m)
    if hits:
        m = min(hits, key=lambda h: h.start())
        result.participants = headcount(m.group("n"))
        result.evidence["participants"] = doc.snippet(m.start(), m.end())
