"""Organisations: who held the meeting ("Dinas X menggelar ...", "... yang diselenggarakan Dinas X")."""

from __future__ import annotations

import re

from ingest.result import Extraction
from ingest.text import _Doc

_ORG_START = re.compile(
    r"\b(?:Suku\s+Dinas|Sudin|Satgas|Satuan\s+Tugas|Pokja|Kelompok\s+Kerja|Dinas|Disnaker\w*|Diskop\w*|Dinkop\w*|Disperindag\w*|Biro|Badan|Bagian|Sekretariat|Kantor|"
    r"Kementerian|Kemnaker|Kemenaker|Kemenkop\w*|BP2MI|BP3MI|UPTD?|Balai|Pemerintah|Pemprov|Pemkab|Pemkot|"
    r"Bappeda|Dekopin\w*|LTSA|Panitia)\b"
)
_ORG_VERB = re.compile(r"\b(?:mengadakan|melaksanakan|menggelar|mengelar|menyelenggarakan|melangsungkan|menghelat)\b")
_ORG_PASSIVE = re.compile(
    r"\b(?:diselenggarakan|dilaksanakan|diadakan|digelar|difasilitasi|diinisiasi)\s+(?:oleh\s+)?(?=[A-Z])"
)
# The organiser's span ends at its clause: "... Provinsi NTT tersebut dibuka", "... dan diikuti", "..., Kamis".
_ORG_END = re.compile(
    r"\s*[,;.(]|\s+(?:di|pada|bertempat|berlangsung|yang|bekerja\s?sama|dengan|selama|mulai|tersebut|itu|ini|"
    r"kembali|akan|telah|sudah|juga|pun|sebagai|untuk|guna|dalam|saat|ketika|on|in|at)\b|,?\s+dan\s+(?=[a-z])"
)
# "Dinas Koperasi, UKM, Perindustrian dan Perdagangan Kabupaten Ende": a list of capitalised names inside
# the name, closed by "dan <Name>", continues past its commas.
_ORG_LIST = re.compile(r"(?:,\s*[A-Z][\w&/-]*(?:\s+[A-Z][\w&/-]*)*)+,?\s+dan\s+(?=[A-Z])")
_ADVERBS = re.compile(r"(?:\s+(?:kembali|akan|telah|sudah|juga|pun|pernah|segera|resmi))+\s*$")


def _clean_org(org: str) -> str | None:
    org = org.strip(" ,–—-")
    if not _ORG_START.match(org) or len(org) > 250 or len(org.split()) < 2:
        return None
    return org


def _fill_organizer(doc: _Doc, result: Extraction) -> None:
    """Who held the meeting.

    "X melalui Dinas Y mengadakan ..." → Dinas Y (the province acts through its
    office); "Dinas Y bekerjasama dengan Dinas Z mengadakan ..." → both, as
    written; "... yang diselenggarakan Dinas Y, Kamis ..." → Dinas Y. The
    earliest statement in the text wins.
    """
    found: list[tuple[int, int, str]] = []
    for s_start, s_end in doc.sentences:
        if s_end <= doc.body_start:
            continue
        verb = _ORG_VERB.search(doc.text, s_start, s_end)
        if verb:
            cut = s_start
            if doc.dateline and s_start <= doc.dateline[1] <= verb.start():
                cut = doc.dateline[1]
            for d in doc.dates:
                if cut <= d.start and d.end <= verb.start():
                    cut = max(cut, d.end)
            prefix = doc.text[cut:verb.start()]
            via = list(re.finditer(r"\bmelalui\s+", prefix))
            offset = via[-1].end() if via else (_ORG_START.search(prefix).start() if _ORG_START.search(prefix) else 0)
            org = _clean_org(_ADVERBS.sub("", prefix[offset:]))
            if org:
                start = cut + offset
                found.append((start, start + len(org), org))
        for m in _ORG_PASSIVE.finditer(doc.text, s_start, s_end):
            end = _org_end(doc, m.end(), s_end)
            org = _clean_org(doc.text[m.end():end])
            if org:
                found.append((m.end(), m.end() + len(org), org))
    if found:
        start, end, org = min(found)
        result.organizer = org
        result.evidence["organizer"] = doc.snippet(start, end)


def _org_end(doc: _Doc, start: int, s_end: int) -> int:
    """Where an organisation's name that starts at ``start`` ends (see ``_ORG_END``, ``_ORG_LIST``)."""
    pos = start
    while True:
        end = _ORG_END.search(doc.text, pos, s_end)
        if end is None:
            return s_end
        listed = _ORG_LIST.match(doc.text, end.start(), s_end)
        if not listed:
            return end.start()
        pos = listed.end()
