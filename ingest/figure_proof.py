"""Right or ask: when a cooperative count's sentence PROVES it is the area's total / active / inactive.

A count (``ingest.figures.Count``) gets a role from the words right around it. That role is
assigned to the area's figures only when the count was read through one of this closed set of
constructions, each of which directly counts *koperasi* of the report's one area at its as-of:

1. noun + status          "tercatat 248 koperasi aktif dan 282 koperasi tidak aktif"
2. label                  "Jumlah koperasi aktif: 301" / "koperasi tidak aktif sebanyak 89 unit"
3. register total         "per akhir tahun 2023 tercatat 530 koperasi" / "berjumlah 401 koperasi"
4. partition              "125 dari 281 koperasi masih aktif" (part: active, whole: total)
5. remainder              "Sisanya, 318 koperasi, tidak aktif" (after a sentence about the same whole)
6. breakdown              "530 koperasi, terdiri atas 248 aktif dan 282 tidak aktif"
7. table row/column       a table read by ``ingest.tables``

— inside a sentence that states the register (``tercatat``, ``terdapat``, ``jumlah``, ``berjumlah``,
``terdiri``, ``dari N koperasi``, "Koperasi aktif: N", "registered", "has" …; else ``no_frame``:
"Kami sedang menelaah 27 koperasi yang tidak aktif" is a set under review), with the words of one role
only (else ``no_role``: "Total yang sudah tidak aktif ada 100 koperasi"; "668 unit, koperasi yang tidak
aktif …" — a status after a comma and a new subject is not the number's), a number not doubted
elsewhere in the report (``echo``), an anaphoric whole that repeats an earlier number ("Dari 1.029 koperasi
tersebut" after "1.209 unit koperasi" → ``conflict``), no number before a "Sekarang tinggal …" sentence
(``comparison``) — and only when nothing in its words changes what it means (``doubt``):

- a comparison or change   "naik dari 212 unit menjadi 248 unit", "turun", "sebelumnya", "tahun lalu"
- an estimate or a bound   "sekitar 625", "50-an", "lebih dari 300", "hampir 400", "seribu lebih", "126 ribuan"
- another event or subset  "75 koperasi dibubarkan", "354 koperasi menggelar RAT", "binaan", "peserta",
                           "menerima bantuan", "koperasi lain"
- another area or period   kecamatan lists, province/national figures, "pada 2021" (``ingest.cooperatives``)

A proven count whose role another, doubted count of the report also claims (an estimate, an unframed or
ambiguous count of the same role) is asked too (``ingest.cooperatives``, reason ``conflict``).

Anything else is not assigned: it becomes a :class:`~ingest.result.Candidate` with its sentence
and the reason, for a person to give it a role with one click. A value only implied (total −
active) is never assigned. Rule source: issue 19 ("Assigned only by proof").
"""

from __future__ import annotations

import re

from ingest.figures import Count
from ingest.result import Candidate, Extraction
from ingest.text import _Doc

# Each doubt: (reason code, pattern searched in the count's sentence). Order = priority of the reason shown.
_SENTENCE_DOUBTS: tuple[tuple[str, re.Pattern], ...] = (
    ("dissolved", re.compile(r"\b(?:di|mem|pem)?bubar(?:kan|nya)?\b|\bpembubaran\b|\b(?:di)?bekukan\b|\bpembekuan\b|"
                             r"\bdilebur\b|\bdigabung(?:kan)?\b|\bmerger\b|\bdicabut\b|\bdissolved\b|\bdisbanded\b|"
                             r"\bliquidated\b|\bfrozen\b", re.I)),
    ("rat", re.compile(r"\bRAT\b|\brapat\s+anggota\s+tahunan\b|\bannual\s+members?'?\s+meetings?\b", re.I)),
    ("comparison", re.compile(r"\b(?:naik|turun|bertambah|berkurang|meningkat|menurun|melonjak|merosot|sebelumnya|"
                              r"tahun\s+lalu|semula|awalnya|awal\s+masuk|dibanding(?:kan)?|compared|increased?|decreased?|"
                              r"rose|fell|grew|up\s+from|down\s+from|previously|last\s+year)\b|\bdari\s+[\d.,]+\s*"
                              r"(?:unit\s+|koperasi\s+)?(?:pada\s+\S+\s+)?menjadi\b", re.I)),
    ("subset", re.compile(r"\b(?:binaan|peserta|mengikuti|diundang|undangan|pelatihan|dilatih|"
                          r"bimtek|bantuan|hibah|(?:menerima|mendapat(?:kan)?|memperoleh)\s+(?:bantuan|hibah|dana|modal|penghargaan|"
                          r"pelatihan|pendidikan)|penerima|sehat|berprestasi|percontohan|"
                          r"wajib|participants?|trained|invited|received|funded|grants?)\b", re.I)),
)
# Right before the number: an estimate or a bound. Right after it: "50-an", "seribu lebih", "300-an".
_ESTIMATE_BEFORE = re.compile(r"(?:\b(?:sekitar|kurang\s+lebih|lebih\s+dari|hampir|kira-kira|sedikitnya|"
                              r"setidaknya|minimal|maksimal|paling\s+(?:sedikit|banyak)|mendekati|ratusan|ribuan|"
                              r"puluhan|about|around|nearly|almost|approximately|over|more\s+than|at\s+least|"
                              r"some|up\s+to)|[±~<>])\s*$", re.I)
# A number with a scale word after it ("126 ribuan", "126 ribu", "1,2 juta") is a rounded figure, never the count.
_ESTIMATE_AFTER = re.compile(r"(?:-?an\b|\s+lebih\b|\s*\+|\s*(?:ribu|rb|juta|jt|thousand|million)(?:an)?\b)", re.I)
# A count of "other" cooperatives ("420 koperasi lain yang terdaftar") is not a count of all of them.
_OTHER_KIND = re.compile(r"\s*(?:unit\s+)?koperasi\s+(?:lain(?:nya)?|selain)\b|\s*other\s+cooperatives\b", re.I)

REASONS = {
    "comparison": "in a comparison or change (an earlier or later figure)",
    "estimate": "an estimate, a rounded figure (ribu, juta) or a bound, not a count",
    "dissolved": "about cooperatives dissolved, frozen or merged",
    "rat": "a count of cooperatives that held (or must hold) their RAT",
    "subset": "a subset (other, supported, trained, participants, binaan ...)",
    "no_role": "the words do not say which count it is",
    "no_frame": "not stated as a count of the area's cooperatives (no tercatat / terdapat / jumlah …)",
    "echo": "the same number is asked about elsewhere in the report",
    "kdmp": "Koperasi Merah Putih only",
    "national": "the whole country",
    "sub_area": "a sub-area (kecamatan/desa)",
    "other_year": "another year",
    "earlier_date": "an earlier as-of date than other figures",
    "conflict": "contradicts another figure (left for a person to decide)",
    "areas": "figures of several areas in one report",
    "chosen": "proved by its sentence",
}


def _segment(doc: _Doc, count: Count, others: list[Count]) -> tuple[int, int]:
    """The words of the sentence that speak of ``count``: from the last clause break after the previous
    count (labels precede: "koperasi yang dibubarkan sebanyak 31 unit") to the next count (predicates
    follow: "120 koperasi yang melaksanakan RAT"). A partition's whole ("Dari 356 koperasi ..., 120 ...")
    keeps only its own noun phrase; its part reaches past the whole to the part's predicate."""
    s_start, s_end = doc.sentence_at(count.start)
    mine = sorted((c for c in others if s_start <= c.start < s_end), key=lambda c: c.start)
    if all(c is not count for c in mine):
        mine = sorted([*mine, count], key=lambda c: c.start)
    i = next(k for k, c in enumerate(mine) if c is count)
    prev_end = mine[i - 1].end if i else s_start
    bare = _BARE_COUNT.search(doc.text, count.end, s_end)  # "372 unit, tahun lalu 356 unit": 356 is no Count
    nxt = min([mine[i + 1].start] if i + 1 < len(mine) else [s_end] + ([bare.start()] if bare else []))
    if bare and i + 1 < len(mine):
        nxt = min(nxt, bare.start())
    breaks = list(_BREAK.finditer(doc.text, prev_end, count.start))
    start = breaks[-1].end() if breaks and i else prev_end
    if any(c.part_of is count for c in mine):  # a whole
        part = next(c for c in mine if c.part_of is count)
        return min(start, _segment(doc, part, [])[0]) if part.start < count.start else start, min(nxt, count.end + 30)
    if count.part_of is not None and count.part_of.start > count.start:  # a part written before its whole
        later = [c.start for c in mine if c.start > count.part_of.start]
        return start, later[0] if later else s_end
    if nxt < s_end:  # the words after the last break before the next count are the next count's
        ends = [m.start() for m in _BREAK.finditer(doc.text, count.end, nxt)]
        nxt = ends[-1] if ends else nxt
    return start, nxt


# Words saying a sentence states the register: "tercatat", "terdapat", "jumlah", "berjumlah", "terdiri", ...
_FRAME = re.compile(r"\b(?:tercatat|terdapat|terdata|terdaftar|mencatat(?:kan)?|mendata|ada|berjumlah|jumlah(?:nya)?|"
                    r"sebanyak|mencapai|terdiri|memiliki|mempunyai|menaungi|total|data|sisanya|selebihnya|"
                    r"registered|recorded|there\s+(?:are|were)|has|have|had|number(?:ed|s)?|totals?|of\s+(?:the|its)|"
                    r"remaining|the\s+other|the\s+rest)\b|\b(?:dari|of)\s+(?:the\s+|its\s+|total\s+|sebanyak\s+)?\d"
                    r"|\b(?:koperasi|cooperatives?)\b[^.\d]{0,30}:\s*\d", re.I)  # "Dari 356 koperasi", "Koperasi aktif: 301"
_CONTINUATION = re.compile(r"\W*(?:sisanya|selebihnya|the\s+other|the\s+remaining|the\s+rest|dari\s+jumlah|"
                           r"di\s*mana|yakni|yaitu|terdiri|adapun|masing-masing|of\s+these|of\s+them)\b", re.I)
_STATUS_WORDS = re.compile(r"\b(?P<inactive>(?:tidak|tak|non|belum)[\s-]?(?:lagi\s+)?(?:aktif|beroperasi)|mati\s+suri|"
                           r"vakum|pasif|inactive|dormant)|\b(?P<active>(?<!tidak\s)(?<!tak\s)aktif|beroperasi|active)\b",
                           re.I)
_CHANGE_NEXT = re.compile(r"\s*(?:namun\s+|tetapi\s+)?(?:sekarang|kini|saat\s+ini|now)\b[^.]{0,40}?\b(?:tinggal|tersisa|"
                          r"menjadi|berkurang|bertambah|naik|turun|only|down|up)\b", re.I)
_ANAPHOR = re.compile(r"\s*(?:unit\s+|buah\s+)?(?:koperasi\s+|cooperatives\s+)?(?:tersebut|itu)\b", re.I)
_NEW_SUBJECT = re.compile(r"\s*(?:unit|buah)?\s*,\s*(?:dan\s+|sedangkan\s+)?(?:koperasi|cooperatives)\b", re.I)
_BARE_COUNT = re.compile(r"(?<![\d.,/])\d[\d.,]*\s*(?:unit|buah|koperasi|cooperatives)\b", re.I)
_BREAK = re.compile(r"[,;:]|\b(?:dan|serta|sedangkan|sementara|while|and|whereas)\b", re.I)
_NEGATED_RAT = re.compile(r"\b(?:tidak|tak|belum|never|not|no)\s+(?:\w+\s+){0,2}(?:RAT|rapat\s+anggota)", re.I)


def doubt(doc: _Doc, count: Count, others: list[Count] | None = None) -> str | None:
    """Why ``count``'s words do not prove its role (a reason code of :data:`REASONS`), or ``None``.
    ``others``: the other counts read in the report (to find the words that are this count's)."""
    before = doc.text[max(0, count.start - 30):count.start]
    if _ESTIMATE_BEFORE.search(before) or _ESTIMATE_AFTER.match(doc.text, count.end):
        return "estimate"
    if _OTHER_KIND.match(doc.text, count.end):
        return "subset"
    if _ANAPHOR.match(doc.text, count.end) and not any(
            c.value == count.value and c.start < count.start for c in others or []):
        return "conflict"  # "Dari 1.029 unit koperasi tersebut" after "1.209 unit koperasi": "tersebut" names another number
    start, end = _segment(doc, count, others or [])
    in_partition = count.by_partition or count.part_of is not None or any(c.part_of is count for c in others or [])
    s_start, s_end = doc.sentence_at(count.start)
    prev_start, _ = doc.sentence_at(max(s_start - 2, 0))
    if not in_partition and not _FRAME.search(doc.text, s_start, s_end) \
            and not _CONTINUATION.match(doc.text, s_start, s_end):
        return "no_frame"  # "Kami sedang menelaah 27 koperasi yang tidak aktif": not said to be the area's register
    own = max([start] + [c.end for c in others or [] if c.part_of is count and c.end <= count.start])
    said = {k for m in _STATUS_WORDS.finditer(doc.text, own, count.start) for k in ("inactive", "active")
            if m.group(k)}
    if count.role in ("active", "inactive") and _NEW_SUBJECT.match(doc.text, count.end):
        return "no_role"  # "dari total 668 unit, koperasi yang tidak aktif …": the status is a new subject's
    if said and (count.role == "total" or said - {count.role}):
        return "no_role"  # "Total yang sudah tidak aktif ada 100 koperasi": two roles in its own words
    if _CHANGE_NEXT.match(doc.text, s_end) or _CHANGE_NEXT.match(doc.text, s_end + 1):
        return "comparison"  # "… mencapai 1.067. Sekarang tinggal 987.": the number before a change
    for code, pattern in _SENTENCE_DOUBTS:
        if count.by_partition and code in ("rat", "subset"):
            continue  # "212 of the 530 ... still hold their RAT" + "The other 318 ... no activity": the partition proves it
        found = pattern.search(doc.text, start, end)
        if found and code == "rat" and _NEGATED_RAT.search(doc.text, start, end):
            continue  # "tidak menggelar RAT selama tiga tahun": why it is inactive, not a count of RAT held
        if found:
            return code
    return None


def candidate(doc: _Doc, count: Count, reason: str, chosen: bool = False) -> Candidate:
    """The count with its sentence (offsets of the number inside it) and the reason code."""
    s_start, s_end = doc.sentence_at(count.start)
    s_start = max(s_start, 0)
    sentence = doc.text[s_start:s_end]
    lead = len(sentence) - len(sentence.lstrip())
    return Candidate(kind="figure", value=str(count.value), role=count.role if count.role in
                     ("total", "active", "inactive") else None, reason=reason,
                     sentence=sentence.strip(), start=count.start - s_start - lead,
                     end=count.end - s_start - lead, chosen=chosen)


def add_candidate(doc: _Doc, result: Extraction, count: Count, reason: str, chosen: bool = False) -> None:
    """Record one figure candidate (once per number position)."""
    if any(c.kind == "figure" and c.sentence_start == count.start for c in result.candidates):
        return
    found = candidate(doc, count, reason, chosen)
    found.sentence_start = count.start
    result.candidates.append(found)
