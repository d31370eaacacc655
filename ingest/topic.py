"""What the meeting is: its title and kind, and the sectors it is about."""

from __future__ import annotations

import re

from data_access.models_reference import SECTORS
from ingest.result import Extraction
from ingest.text import SNIPPET_MAX, _Doc

_MEETING = re.compile(
    r"\b(?P<k>rapat\s+koordinasi(?:\s+teknis)?|rakor(?:da|nis|tek|nas|wil)?|rapat\s+teknis|ratek|"
    r"workshop|lokakarya|sosialisasi|bimbingan\s+teknis|bimtek|rapat\s+kerja|raker|pertemuan|forum)\b",
    re.IGNORECASE,
)
_TITLE_STOP = re.compile(
    r"\s*[;:\"“”]|\s*\((?![A-Za-z]{2,12}\))|,\s*(?=[a-z])"
    r"|,\s*(?=(?:Program|Kegiatan|Senin|Selasa|Rabu|Kamis|Jum|Sabtu|Minggu)\b)"
    r"|\s+(?=(?:yang|bertempat|berlangsung|digelar|dilaksanakan|diadakan|diselenggarakan|pada|di|dengan|"
    r"bekerja\s?sama|ini|tersebut|dalam|untuk|guna|sebagai|dibuka|oleh|selama|mulai|sejak|bagi|kepada|"
    r"hari|kali)\b)"
)


def _meeting_kind(word: str) -> str:
    w = " ".join(word.lower().split())
    if w.startswith(("rapat koordinasi", "rakor", "coordination meeting")):
        return "rakor"
    if w in {"rapat teknis", "ratek"}:
        return "rapat_teknis"
    if w in {"workshop", "lokakarya"}:
        return "workshop"
    if w == "sosialisasi":
        return "sosialisasi"
    return "lainnya"


_TITLE_STOP_ANY_CASE = re.compile(_TITLE_STOP.pattern, re.IGNORECASE)


def _meeting_name(doc: _Doc, start: int, end: int, *, title_case: bool = False) -> tuple[str, int, int, str] | None:
    """The first meeting named in text[start:end] with at least three words ("Rakor ini" is not a name).

    A headline is Title Case ("Rakor Koperasi Digelar untuk ..."): there the
    words that end a name end it in any case.
    """
    stops = _TITLE_STOP_ANY_CASE if title_case else _TITLE_STOP
    for m in _MEETING.finditer(doc.text, start, end):
        s_end = min(doc.sentence_at(m.start())[1], end)
        stop = stops.search(doc.text, m.end("k"), s_end)
        name_end = stop.start() if stop else s_end
        name = doc.text[m.start():name_end].strip().rstrip(".,")
        if len(name.split()) < 3:
            continue
        if len(name) > SNIPPET_MAX:
            name = name[:SNIPPET_MAX].rsplit(" ", 1)[0]
        return name[0].upper() + name[1:], m.start(), m.start() + len(name), _meeting_kind(m.group("k"))
    return None


def _fill_title(doc: _Doc, result: Extraction) -> None:
    """Title: the meeting's name as the body writes it (mixed case), else the headline's, else the headline."""
    if doc.headline:
        s, e = doc.headline
        result.headline = doc.text[s:e].strip()
        result.evidence["headline"] = doc.snippet(s, e)
    found = _meeting_name(doc, doc.body_start, len(doc.text))
    if found is None and doc.headline:
        found = _meeting_name(doc, *doc.headline, title_case=True)
    if found:
        result.title, s, e, result.kind = found
        result.evidence["title"] = result.evidence["kind"] = doc.snippet(s, e)
        return
    if result.headline:
        result.title = result.headline
        result.evidence["title"] = result.evidence["headline"]
    first = _MEETING.search(doc.text) or _ENGLISH_MEETING.search(doc.text, doc.body_start)
    if first:
        result.kind = _meeting_kind(first.group("k"))
        result.evidence["kind"] = doc.snippet(first.start(), first.end())


# English reports name the kind only ("a coordination meeting"): it gives the kind, never the title.
_ENGLISH_MEETING = re.compile(r"\b(?P<k>coordination\s+meeting|workshop)\b", re.IGNORECASE)


_SECTOR_PATTERNS = {
    "koperasi": re.compile(r"\b(?:koperasi|perkoperasian|cooperatives?)\b", re.I),
    "ketenagakerjaan": re.compile(
        r"ketenagakerjaan|\btenaga\s+kerja\b(?!\s+indonesia)|kesempatan\s+kerja|pasar\s+kerja|pelatihan\s+kerja|"
        r"pengangguran|hubungan\s+industrial|lowongan\s+kerja|angkatan\s+kerja|\bnaker\b|upah\s+minimum|"
        r"keselamatan\s+kerja|\bmanpower\b|\blabou?r\s+(?:market|force|inspection)|\bemployment\b", re.I),
    "transmigrasi": re.compile(r"\b(?:ke)?transmigrasi(?:an)?\b|\btransmigran\b|\btransmigra(?:tion|nts?)\b", re.I),
    "perlindungan_pmi": re.compile(
        r"pekerja\s+migran|buruh\s+migran|\bc?pmi\b|\btk[iw]\b|tenaga\s+kerja\s+indonesia|perlindungan\s+pekerja|"
        r"\bbp[23]mi\b|human\s+traf+ick?ing|perdagangan\s+orang|\btppo\b|non\s?-?prosedural|migrant\s+workers?",
        re.I),
}
# Institution and budget-programme names ("Dinas Koperasi, Tenaga Kerja dan Transmigrasi",
# "BPJS Ketenagakerjaan", "Program Pembinaan Koperasi, UKM, ...") say who is there, not what is discussed.
_INSTITUTION = re.compile(
    r"\b(?:Dinas|Disnaker\w*|Biro|Badan|Bidang|Seksi|Kementerian|Kemnaker|BPJS|Balai|Program|UPTD?)\b"
    r"(?:[\s,]+(?:[A-Z][\w./&-]*|dan|&))*"
)


def _fill_sectors(doc: _Doc, result: Extraction) -> None:
    """Sectors the meeting is about: named in its title/headline, or discussed at least twice in the body."""
    focus = " ".join(x for x in (result.title, result.headline) if x)
    masked = _INSTITUTION.sub(lambda m: " " * len(m.group()), doc.text[doc.body_start:])
    first_hit: tuple[int, int] | None = None
    for sector in SECTORS:
        pattern = _SECTOR_PATTERNS[sector]
        body_hits = list(pattern.finditer(masked))
        if pattern.search(focus) or len(body_hits) >= 2:
            result.sectors.append(sector)
            if first_hit is None:
                if result.evidence.get("title") and pattern.search(result.title or ""):
                    result.evidence["sectors"] = result.evidence["title"]
                    first_hit = (0, 0)
                elif body_hits:
                    first_hit = (doc.body_start + body_hits[0].start(), doc.body_start + body_hits[0].end())
                    result.evidence["sectors"] = doc.snippet(*first_hit)
                elif result.evidence.get("headline"):
                    result.evidence["sectors"] = result.evidence["headline"]
                    first_hit = (0, 0)

