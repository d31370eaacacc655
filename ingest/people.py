"""People: who opened the meeting (and for whom), who chaired it.

A person is written "Role, Titles Name, Degrees" ("Asisten II Setda NTB, Ir. Maria
Rekaan, M.Si"), "Role – Name", "Role Region Name" or, in English reports, "deputy
regent Ahmad Contoh". The name is kept without honorifics (Drs., Dr., Ir., H., Hj.,
Prof.) and degrees (M.Si, S.H., S.E., M.M.); the role apart. "dibuka oleh A,
mewakili B" and "dibuka oleh B yang diwakili A" both mean A opened it on behalf of B;
"dipimpin" (chaired) is not "dibuka" (opened).
"""

from __future__ import annotations

import re

from ingest.places import _place_mentions
from ingest.result import Extraction, OpenedBy
from ingest.text import _Doc

_ROLE_WORDS = (
    r"(?:Plt\.?|Plh\.?|Pj\.?|PJ\.?|Penjabat|Pejabat|Wakil|Wabup|Wagub|Wawali|Bupati|Wali\s?[Kk]ota|Gubernur|Sekda|Sekkot?|Sekot|"
    r"Sekretaris|Sekdis|Kepala|Kadis\w*|Asisten|Staf+\s+Ahli|Menteri|Wamen\w*|Dirjen|Direktur|Deputi|Ketua|Camat|"
    r"Kabid|Kabag|Karo|Kasi|Kasubag|Lurah|Kades)(?=[\s.A-Z]|$)"
)
_ROLE_START = re.compile(r"\b" + _ROLE_WORDS)
_SPEECH = re.compile(
    r"(?:\b(?:ujar|kata|ucap|tutur|jelas|ungkap|terang|tambah|harap|tandas|lanjut|sebut|imbuh|papar|pinta)"
    r"(?:nya)?|\b(?:diungkapkan|dikatakan|disampaikan|dijelaskan|ditegaskan|menurut|demikian)|[\"”])\s*",
    re.IGNORECASE,
)
# Honorifics before a name and academic degrees after it: not part of the name.
_HONORIFICS = re.compile(r"^(?:(?:Drs|Dra|Dr|dr|Ir|H|Hj|Prof|KH|Ny|Hc|Pdt)\.\s*|(?:Haji|Hajah)\s+)+")
_DEGREE = re.compile(r"(?:(?:[A-Z][a-z]{0,3}\.\s?){1,3}(?:[A-Z][A-Za-z]{0,3}\.?)?|[A-Z]{2,5}\.?|Ph\.?\s?D\.?)(?=\s|$)")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’-]*\.?|[A-Z]\.(?:[A-Z]\.)*|bin|binti|van|de|da)$")
_OPENED_PASSIVE = re.compile(
    r"\b[Dd]i\s?buka\s+(?:secara\s+)?(?:resmi\s+|langsung\s+)?(?:oleh\s+|(?=" + _ROLE_WORDS + "))"
)
_OPENED_ENGLISH = re.compile(r"\b(?:was\s+)?(?:officially\s+)?opened\s+by\s+(?:the\s+)?")
_CHAIRED = re.compile(r"\b(?:[Dd]ipimpin\s+(?:langsung\s+)?(?:oleh\s+)?|chaired\s+by\s+(?:the\s+)?)(?=[A-Za-z])")
_OPENED_ACTIVE = re.compile(
    r"\s*\b(?:(?:saat|ketika|sewaktu|sekaligus)\s+membuka|(?:mem)?buka\s+(?:secara\s+resmi\s+|dengan\s+resmi\s+|"
    r"resmi\s+)?(?:acara|kegiatan|rapat|rakor|workshop|lokakarya|sosialisasi|pertemuan|bimtek|pelatihan|forum)"
    r"|(?:officially\s+)?opened\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}(?:meeting|forum|workshop|rakor))\b",
    re.IGNORECASE,
)
# English: "... deputy governor Johni Contoh opened ...", "Acting Ambon mayor Dominggus Contoh opened ..." —
# a role ending in a lower-case word, then the capitalised name.
_ENGLISH_SUBJECT = re.compile(r"(?P<role>\b(?:[A-Za-z][a-z'-]*\s+){0,3}[a-z][a-z'-]*\s+)(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})"
                              r"\s*,?\s*$")
_REPRESENTED = re.compile(r",?\s*(?:yang\s+|dan\s+)?\b(?:di)?wakili\s+(?:oleh\s+)?", re.IGNORECASE)
_REPRESENTING = re.compile(r",?\s*\b(?:m+ewakili|atas\s+nama|a\.\s?n\.|on\s+behalf\s+of)\s+(?:the\s+)?", re.IGNORECASE)
_REMARKS = re.compile(
    r"\s+(?:(?:dalam|pada|saat)\s+(?:sambutan|arahan)(?:nya)?|(?:memberikan|menyampaikan)\s+(?:sambutan|arahan))\b",
    re.IGNORECASE,
)
# Where the words about one person end: the clause goes on to something else.
_CHUNK_STOP = re.compile(
    r",?\s+(?:yang|serta|pada|di|bertempat|sekaligus|didampingi|dengan|dalam|untuk|saat|ketika|on|in|at|who|"
    r"and|selaku|sebagai)\b|[;(\"“]|,\s*dan\b|\s+dan\s+(?=[a-z])"
    r"|,\s*(?=(?:Senin|Selasa|Rabu|Kamis|Jum|Sabtu|Minggu|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b)|,?\s*\b(?:(?:m+ewakili|atas\s+nama|on\s+behalf)\b|a\.\s?n\.(?=\s))"
)
_PLACE_ROLE_NAME = re.compile(r"(?P<role>.*\b[a-z][a-z'-]*)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})$")
_CAPACITY = re.compile(r"\s*,?\s*(?:selaku|sebagai|in\s+(?:his|her)\s+capacity\s+as)\s+", re.IGNORECASE)
# "Bupati Ende dalam sambutan yang dibacakan Asisten III Setda Ende, Yohanes Contoh, membuka ...": the reader opens,
# on behalf of the speech's owner (issue 19: "Whoever reads the Bupati's speech and opens is the opener").
_READ_OUT = re.compile(r"\b(?:sambutan|arahan|pidato)\s+(?P<owner>(?:[^.,]{0,60}?\s)?)?(?:yang\s+)?dibacakan\s+(?:oleh\s+)?",
                       re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"(?P<owner>" + _ROLE_WORDS + r"[^,.]{0,40}?)\s+(?:dalam|pada|saat)\s*$")
_WHY = {"read_out": "read the head of region's speech",
        "represented": "represented the head of region", "remarks": "gave the sambutan/arahan"}


def _name(text: str) -> str | None:
    """ "Drs. J. T. Ose Luan" → "J. T. Ose Luan"; ``None`` unless it reads as a person's name."""
    name = _HONORIFICS.sub("", text.strip(" ,–—-")).strip()
    tokens = name.split()
    if 1 <= len(tokens) <= 7 and all(_NAME_TOKEN.match(t) for t in tokens) and not _ROLE_START.search(name) \
            and not _DEGREE.fullmatch(name):
        return name
    return None


def _tidy_role(role: str) -> str:
    """ "Plt.Sekretaris Daerah" → "Plt. Sekretaris Daerah"."""
    return re.sub(r"\b(Plt|Plh|Pj|PJ)\.(?=\w)", r"\1. ", role.strip(" ,–—-"))


def _split_role_name(chunk: str) -> OpenedBy | None:
    """ "Asisten II Setda NTB, Ir. Maria Rekaan, M.Si" → name "Maria Rekaan", role "Asisten II Setda NTB".

    Parts after the name that are degrees are dropped; a part that starts with a
    degree and runs on ("M.T. Sebanyak 200 peserta") ends the person there.
    """
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+[–—-]\s+", chunk.strip(" ,–—-.")) if p.strip()]
    if not parts:
        return None
    head, rest = parts[0], parts[1:]
    name: str | None = None
    role: str | None = None
    english = _PLACE_ROLE_NAME.match(head)  # "Tarakan city secretary Hamid Contoh"
    if _ROLE_START.match(head) or head[:1].islower():
        role = head
    elif _name(head):
        name = _name(head)
    elif english and _name(english.group("name")):
        role, name = english.group("role"), _name(english.group("name"))
    else:
        return None
    for part in rest:
        if name is None and _name(part):
            name = _name(part)
            continue
        degree = _DEGREE.match(part)
        if degree is None or degree.end() < len(part.rstrip(".")):
            break  # not a degree, or a degree the sentence runs on from
    if role is not None and name is None:
        role, name = _role_then_name(role)
    return OpenedBy(name, _tidy_role(role) if role else None) if (name or role) else None


def _role_then_name(role: str) -> tuple[str, str | None]:
    """A role with the name run on: "Gubernur NTT Viktor Laiskodat" (the title ends with its region),
    "deputy regent Ahmad Contoh" (English: lower-case role, capitalised name)."""
    if role[:1].islower():
        m = re.match(r"(?P<role>[a-z][a-z\s.'-]*?)\s+(?P<name>[A-Z].*)$", role)
        if m and _name(m.group("name")):
            return m.group("role"), _name(m.group("name"))
        return role, None
    for place in _place_mentions(role):
        name = _name(role[place.end:])
        if name:
            return role[:place.end], name
    return role, None


def _chunk(doc: _Doc, start: int, end: int) -> tuple[str, int]:
    stop = _CHUNK_STOP.search(doc.text, start, end)
    stop_at = stop.start() if stop else end
    return doc.text[start:stop_at].rstrip(" .,"), stop_at


def _on_behalf(doc: _Doc, start: int, end: int) -> str | None:
    """Whom the opener stood in for: "mewakili Gubernur NTB, Lalu Fiktif" → "Gubernur NTB"."""
    m = _REPRESENTING.match(doc.text, start, end)
    if not m:
        return None
    whom, _ = _chunk(doc, m.end(), end)
    whom = whom.split(",")[0].strip()
    return whom or None


def _subject_before(doc: _Doc, s_start: int, pos: int) -> tuple[int, str] | None:
    """The official named just before ``pos``: after the last speech verb or quote, from the first title."""
    prefix_start = s_start
    for m in _SPEECH.finditer(doc.text, s_start, pos):
        prefix_start = m.end()
    role = _ROLE_START.search(doc.text, prefix_start, pos)
    if role:
        return role.start(), doc.text[role.start():pos]
    english = _ENGLISH_SUBJECT.search(doc.text, prefix_start, pos) if doc.english else None
    if english and _name(english.group("name")):
        return english.start(), english.group().strip(" ,")
    name = doc.text[prefix_start:pos].strip(" ,")
    return (pos - len(name), name) if _name(name) else None


def _person_after(doc: _Doc, start: int, s_end: int) -> OpenedBy | None:
    """The person written from ``start``, with "yang diwakili Y" (Y stood in) and "mewakili Z" (for Z)."""
    rep = _REPRESENTED.search(doc.text, start, s_end)
    first, first_end = _chunk(doc, start, rep.start() if rep else s_end)
    person = _split_role_name(first)
    if rep and rep.start() <= first_end + 1:
        second, second_end = _chunk(doc, rep.end(), s_end)
        deputy = _split_role_name(second)
        if deputy:
            deputy.on_behalf_of = person.role or person.name if person else first
            return deputy
    if person is not None:
        person.on_behalf_of = _on_behalf(doc, first_end, s_end)
        capacity = _CAPACITY.match(doc.text, first_end, s_end)  # "Syafril Contoh selaku Asisten II Setda"
        if capacity and person.role is None:
            role, _ = _chunk(doc, capacity.end(), s_end)
            person.role = _tidy_role(role) or None
    return person


def _fill_opened_by(doc: _Doc, result: Extraction) -> None:
    """Who opened the meeting, in decreasing certainty.

    1. "dibuka oleh X" / "opened by X" / "X saat membuka rakor"; 2. the official
    "mewakili" (representing) the head of region; 3. the official giving the
    "sambutan/arahan". 2 and 3 are how such reports name the opener without
    saying "dibuka" — flagged. "dipimpin" (chaired) fills ``chaired_by`` only.
    """
    for s_start, s_end in doc.sentences:
        if s_end <= doc.body_start:
            continue
        chaired = _CHAIRED.search(doc.text, s_start, s_end)
        if chaired and result.chaired_by is None:
            person = _person_after(doc, chaired.end(), s_end)
            if person:
                result.chaired_by = person
                result.evidence["chaired_by"] = doc.snippet(chaired.start(), chaired.end())
    if _read_out(doc, result):
        return
    for s_start, s_end in doc.sentences:
        if s_end <= doc.body_start:
            continue
        m = _OPENED_PASSIVE.search(doc.text, s_start, s_end) or _OPENED_ENGLISH.search(doc.text, s_start, s_end)
        if m:
            opener = _person_after(doc, m.end(), s_end)
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
    for pattern, why in ((_REPRESENTING, "represented"), (_REMARKS, "remarks")):
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
                opener.on_behalf_of = _on_behalf(doc, m.start(), s_end)
            result.opened_by = opener
            result.evidence["opened_by"] = doc.snippet(subject[0], m.end())
            result.warn(f"opener_{why}", "opened_by", "opened_by inferred: the text does not say who opened it; "
                        "{who} " + _WHY[why], who=opener.name or opener.role)
            return


def _read_out(doc: _Doc, result: Extraction) -> bool:
    """The official reading the head of region's speech is the opener, on behalf of the speech's owner; said
    as inferred unless the sentence says they opened it ("membuka kegiatan")."""
    for s_start, s_end in doc.sentences:
        if s_end <= doc.body_start:
            continue
        m = _READ_OUT.search(doc.text, s_start, s_end)
        if not m:
            continue
        reader = _person_after(doc, m.end(), s_end)
        if not reader or not reader.name:
            continue
        owner = re.sub(r"^(?:yang|dari)\b", "", (m.group("owner") or "").strip(" ,")).strip()
        if not owner:
            before = _OWNER_BEFORE.search(doc.text, s_start, m.start())
            owner = before.group("owner").strip() if before else ""
        reader.on_behalf_of = owner if owner and _ROLE_START.match(owner) else reader.on_behalf_of
        result.opened_by = reader
        result.evidence["opened_by"] = doc.snippet(m.start(), m.end())
        if not re.search(r"\bmembuka\b|\bdibuka\b", doc.text[s_start:s_end], re.IGNORECASE):
            result.warn("opener_read_out", "opened_by", "opened_by inferred: the text does not say who opened it; "
                        "{who} " + _WHY["read_out"], who=reader.name)
        return True
    return False
