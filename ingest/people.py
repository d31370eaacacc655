"""People and organisations: who held the meeting and who opened it."""

from __future__ import annotations

import re

from ingest.places import _place_mentions
from ingest.result import Extraction, OpenedBy
from ingest.text import _Doc

_ORG_START = re.compile(
    r"\b(?:Dinas|Disnaker\w*|Diskop\w*|Dinkop\w*|Disperindag\w*|Biro|Badan|Bagian|Sekretariat|Kantor|"
    r"Kementerian|Kemnaker|Kemenaker|Kemenkop\w*|BP2MI|BP3MI|UPTD?|Balai|Pemerintah|Pemprov|Pemkab|Pemkot|"
    r"Bappeda|Dekopin\w*|LTSA|Panitia)\b"
)
_ORG_VERB = re.compile(r"\b(?:mengadakan|melaksanakan|menggelar|mengelar|menyelenggarakan|melangsungkan|menghelat)\b")
_ORG_PASSIVE = re.compile(
    r"\b(?:diselenggarakan|dilaksanakan|diadakan|digelar|difasilitasi|diinisiasi)\s+(?:oleh\s+)?(?=[A-Z])"
)
_ORG_END = re.compile(
    r"\s*[,;.(]|\s+(?:di|pada|bertempat|berlangsung|yang|bekerja\s?sama|dengan|dan\s+dibuka|selama|mulai)\b"
)


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
            org = _clean_org(prefix[offset:])
            if org:
                start = cut + offset
                found.append((start, start + len(org), org))
        for m in _ORG_PASSIVE.finditer(doc.text, s_start, s_end):
            end = _ORG_END.search(doc.text, m.end(), s_end)
            org = _clean_org(doc.text[m.end():end.start() if end else s_end])
            if org:
                found.append((m.end(), m.end() + len(org), org))
    if found:
        start, end, org = min(found)
        result.organizer = org
        result.evidence["organizer"] = doc.snippet(start, end)


_ROLE_WORDS = (
    r"(?:Plt\.?|Plh\.?|Pj\.?|PJ\.?|Wakil|Wabup|Wagub|Wawali|Bupati|Wali\s?[Kk]ota|Gubernur|Sekda|Sekretaris|"
    r"Sekdis|Kepala|Kadis\w*|Asisten|Staf+\s+Ahli|Menteri|Wamen\w*|Dirjen|Direktur|Deputi|Ketua|Camat|Kabid|"
    r"Kabag|Karo|Kasi|Kasubag|Lurah|Kades)(?=[\s.A-Z]|$)"
)
_ROLE_START = re.compile(r"\b" + _ROLE_WORDS)
_SPEECH = re.compile(
    r"(?:\b(?:ujar|kata|ucap|tutur|jelas|ungkap|terang|tambah|harap|tandas|lanjut|sebut|imbuh|papar|pinta)"
    r"(?:nya)?|\b(?:diungkapkan|dikatakan|disampaikan|dijelaskan|ditegaskan|menurut|demikian)|[\"”])\s*",
    re.IGNORECASE,
)
_DEGREES = re.compile(
    r"(?:,\s*(?:[A-Z]{2,4}|[A-Z][a-z]{0,3}\.\s?[A-Z][A-Za-z]{0,4}|Ph\.\s?D|[A-Z]\.[A-Z])\.?)+\s*$"
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’-]*\.?|[A-Z]\.(?:[A-Z]\.)*|(?:Drs?|Dra|Ir|Hj?|Prof|dr)\.|bin|binti|van|de|da)$")
_OPENED_PASSIVE = re.compile(
    r"\b[Dd]i\s?buka\s+(?:secara\s+)?(?:resmi\s+|langsung\s+)?(?:oleh\s+|(?=" + _ROLE_WORDS + "))"
)
_OPENED_ACTIVE = re.compile(
    r"\s*\b(?:(?:saat|ketika|sewaktu|sekaligus)\s+membuka|membuka\s+(?:secara\s+resmi\s+|dengan\s+resmi\s+|"
    r"resmi\s+)?(?:acara|kegiatan|rapat|rakor|workshop|lokakarya|sosialisasi|pertemuan|bimtek|pelatihan|forum))\b",
    re.IGNORECASE,
)
_REPRESENTED = re.compile(r",?\s*(?:yang\s+|dan\s+)?(?:di)?wakili\s+(?:oleh\s+)?", re.IGNORECASE)
_REPRESENTING = re.compile(r",?\s*\bm+ewakili\s+", re.IGNORECASE)
_REMARKS = re.compile(
    r"\s+(?:(?:dalam|pada|saat)\s+(?:sambutan|arahan)(?:nya)?|(?:memberikan|menyampaikan)\s+(?:sambutan|arahan))\b",
    re.IGNORECASE,
)
_CHUNK_STOP = re.compile(
    r",?\s+(?:yang|serta|pada|di|bertempat|sekaligus|didampingi|dengan|dalam|untuk|saat|ketika)\b|[;(\"“]"
    r"|,\s*(?=(?:Senin|Selasa|Rabu|Kamis|Jum|Sabtu|Minggu)\b)|,?\s*\bm+ewakili\b"
)


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    return 1 <= len(tokens) <= 7 and all(_NAME_TOKEN.match(t) for t in tokens) and not _ROLE_START.search(text)


def _split_role_name(chunk: str) -> OpenedBy | None:
    """ "Wakil Bupati Belu – Drs. J. T. Ose Luan" → role, name; degrees (", SH") stay with the name."""
    chunk = chunk.strip(" ,–—-")
    degrees = _DEGREES.search(chunk)
    core, tail = (chunk[:degrees.start()], chunk[degrees.start():].strip()) if degrees else (chunk, "")
    core = core.strip(" ,–—-")
    for sep in (" – ", " — ", " - ", ", "):
        if sep in core:
            role, name = core.rsplit(sep, 1)
            if _looks_like_name(name.strip()):
                return OpenedBy(name.strip() + tail, _tidy_role(role))
    if _ROLE_START.match(core):
        # "Gubernur NTT Viktor Bungtilu Laiskodat": the title ends with its region, the name follows.
        for place in _place_mentions(core):
            name = core[place.end:].strip(" ,–—-")
            if _looks_like_name(name):
                return OpenedBy(name + tail, _tidy_role(core[:place.end]))
        return OpenedBy(None, _tidy_role(chunk))
    if _looks_like_name(core):
        return OpenedBy(core + tail, None)
    return None


def _tidy_role(role: str) -> str:
    """ "Plt.Sekretaris Daerah" → "Plt. Sekretaris Daerah"."""
    return re.sub(r"\b(Plt|Plh|Pj|PJ)\.(?=\w)", r"\1. ", role.strip(" ,–—-"))


def _chunk(doc: _Doc, start: int, end: int) -> tuple[str, int]:
    stop = _CHUNK_STOP.search(doc.text, start, end)
    stop_at = stop.start() if stop else end
    return doc.text[start:stop_at].rstrip(" .,"), stop_at


def _subject_before(doc: _Doc, s_start: int, pos: int) -> tuple[int, str] | None:
    """The official named just before ``pos``: after the last speech verb or quote, from the first title."""
    prefix_start = s_start
    for m in _SPEECH.finditer(doc.text, s_start, pos):
        prefix_start = m.end()
    role = _ROLE_START.search(doc.text, prefix_start, pos)
    if role:
        return role.start(), doc.text[role.start():pos]
    name = doc.text[prefix_start:pos].strip(" ,")
    return (pos - len(name), name) if _looks_like_name(name) else None


def _fill_opened_by(doc: _Doc, result: Extraction) -> None:
    """Who opened the meeting, in decreasing certainty.

    1. "dibuka oleh X" / "X saat membuka rakor" (with "yang diwakili oleh Y":
       Y opened it, for X); 2. the official "mewakili" (representing) the head
       of region; 3. the official giving the "sambutan/arahan". 2 and 3 are how
       such reports name the opener without saying "dibuka" — flagged.
    """
    for s_start, s_end in doc.sentences:
        if s_end <= doc.body_start:
            continue
        m = _OPENED_PASSIVE.search(doc.text, s_start, s_end)
        if m:
            rep = _REPRESENTED.search(doc.text, m.end(), s_end)
            first, first_end = _chunk(doc, m.end(), rep.start() if rep else s_end)
            opener = _split_role_name(first)
            if rep and rep.start() <= first_end + 1:
                second, _ = _chunk(doc, rep.end(), s_end)
                deputy = _split_role_name(second)
                if deputy:
                    deputy.role = f"{deputy.role or ''} (mewakili {first})".strip()
                    opener = deputy
            if opener:
                result.opened_by = opener
                result.evidence["opened_by"] = doc.snippet(m.start(), m.end())
                return
        m = _OPENED_ACTIVE.search(doc.text, s_start, s_end)
        if m:
            subject = _subject_before(doc, s_start, m.start())
            opener = _split_role_name(subject[1]) if subject else None
            if opener:
                result.opened_by = opener
                result.evidence["opened_by"] = doc.snippet(subject[0], m.end())
                return
    for pattern, why in ((_REPRESENTING, "represented the head of region"),
                         (_REMARKS, "gave the sambutan/arahan")):
        for s_start, s_end in doc.sentences:
            if s_end <= doc.body_start:
                continue
            m = pattern.search(doc.text, s_start, s_end)
            if not m:
                continue
            subject = _subject_before(doc, s_start, m.start())
            opener = _split_role_name(subject[1]) if subject else None
            if not opener:
                continue
            if pattern is _REPRESENTING:
                whom, _ = _chunk(doc, m.end(), s_end)
                opener.role = f"{opener.role or ''} (mewakili {whom})".strip()
            result.opened_by = opener
            result.evidence["opened_by"] = doc.snippet(subject[0], m.end())
            result.warnings.append(f"opened_by inferred: the text does not say who opened it; "
                                   f"{opener.name or opener.role} {why}")
            return

