"""Cooperative figures stated in a report: each count found, with the role the words give it.

A count is a number tied to cooperatives by the words around it, in the kinds of
phrasing regional outlets use: a noun ("berjumlah 401 koperasi", "478 registered
cooperatives"), a partition ("74 dari 210 koperasi", "212 of the 530 cooperatives",
"Dari 356 koperasi ..., sebanyak 129 unit ...", "342 of them active", "206 di
antaranya aktif"), a label ("Koperasi aktif: 301", "Jumlah koperasi aktif ...
tercatat 612 unit") or a remainder ("Sisanya, 752 koperasi, tidak aktif", "The other
318 ..."). Its role is read from the status words after it (aktif / tidak aktif /
tidak beroperasi / mati suri / inactive ...), the adjective before the noun
("140 inactive cooperatives"), or the label; a count qualified as a subset (new,
with an office, that held RAT, revived, legal entity of a village cooperative) has
no role. Numbers are read with Babel's ``parse_decimal`` ("1.204" id, "1,120" en).
Which counts become the area's figures is decided in ``ingest.cooperatives``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.numbers import NumberFormatError, parse_decimal

from ingest.text import _Doc

_NUM = re.compile(r"(?<![\d.,/])\d{1,3}(?:[.,]\d{3})+(?![\d/])|(?<![\d.,/])\d+(?![\d/]|[.,]\d)")
_NOUN = re.compile(r"\s*(?:unit\s+|buah\s+)?(?:(?:registered|inactive|active|idle|dormant|tidak\s+aktif)\s+)?"
                   r"(?:koperasi|cooperatives?)\b", re.IGNORECASE)
_INACTIVE = (r"(?:tidak|tak|non|belum)[\s-]?(?:lagi\s+)?(?:aktif|beroperasi|berjalan|berkegiatan|beraktivitas|"
             r"(?:menjalankan|melakukan|melaksanakan)\s+(?:usaha|kegiatan))|mati\s+suri|vakum|pasif|"
             r"inactive|idle|dormant|not\s+active|no\s+longer\s+active|no\s+activity|(?:have|has)\s+not\s+been\s+active")
_ACTIVE = r"(?:masih\s+)?(?:aktif|beroperasi)|masih\s+hidup|active|operating|operational"
_SUBSET = (r"baru\b|new\b|newly|(?:melaksanakan|menggelar|mengikuti|menerima|mendapat|berbadan)\b|yang\s+(?:sudah\s+|telah\s+)?(?:memiliki|punya|melaksanakan|menggelar|mengikuti|"
           r"menerima|mendapat|berbadan)|(?:sudah|telah)\s+(?:memiliki|melaksanakan|menggelar|berbadan)|memiliki\s+"
           r"(?:gerai|kantor)|RAT\b|revived|held|hold|with\s+(?:their\s+own|an?\s+)|that\s+(?:held|have|hold)|"
           r"received|sehat|berprestasi|dibubarkan|dissolved")
_STATUS = re.compile(rf"\b(?P<inactive>{_INACTIVE})|\b(?P<active>{_ACTIVE})\b|\b(?P<subset>{_SUBSET})",
                     re.IGNORECASE)
# Between a count and its status: "yang", "masih", "di antaranya", "of them", "are", "koperasi,", ...
_LINK = re.compile(r"(?:\s*,?\s*(?:yang|masih|merupakan|dalam\s+kondisi|berstatus|dinyatakan|tergolong|berpredikat|"
                   r"masuk\s+kategori|di\s+antaranya|diantaranya|of\s+them|are|is|"
                   r"were|still|sudah|telah|kini|lagi|koperasi|unit|cooperatives?|registered|ini|itu|lainnya|have|has|had|shown|"
                   r"show|been|of\s+which|of\s+whom)\b|\s*,?\s*(?:atau|or)\s+[\d.,]+\s*(?:persen|percent|%)"
                   r"|\s*\(\s*[\d.,]+\s*(?:persen|percent|%)\s*\))*"
                   r"\s*,?\s*", re.IGNORECASE)
_TOTAL_TRIGGER = re.compile(r"\b(?:berjumlah|sebanyak|sejumlah|total|terdapat|tercatat|ada|mencapai|tinggal|"
                            r"mencatat(?:kan)?|mendata|terdata|terdaftar|menaungi|membina|"
                            r"memiliki|mempunyai|has|have|had|counts?|records?|there\s+are)\s*:?\s*$", re.IGNORECASE)
_WHOLE_BEFORE = re.compile(r"(?:^|[,.;:\"“]\s*|\s)(?:dari|of)\s+(?:the\s+|its\s+|total\s+|sebanyak\s+)?$", re.IGNORECASE)
_PART_OF = re.compile(r"\s*(?:unit\s+|koperasi\s+)?(?:dari|of)\s+(?:the\s+|its\s+|total\s+|sebanyak\s+)?(?=\d)",
                      re.IGNORECASE)
_LABEL = re.compile(
    rf"\b(?:(?:jumlah\s+)?(?:koperasi|cooperatives?)(?:\s+yang)?|yang)\s+(?:(?P<inactive>{_INACTIVE})|(?P<active>{_ACTIVE}))\b"
    rf"[^.:\d]{{0,60}}?[:=]?\s*$|\bjumlah\s+(?:koperasi|cooperatives)\b(?P<total>[^.:\d]{{0,60}}?)[:=]?\s*$",
    re.IGNORECASE)
# A place between a count and its status: "154 koperasi di Mamuju masih aktif".
_PLACE = re.compile(r"\s*(?i:unit\s+)?(?i:koperasi|cooperatives?)\s+(?:di|in)\s+(?:(?:Kabupaten|Kota|Kab\.)\s+)?"
                    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}")
# "312 cooperatives are registered in the district", "401 koperasi yang terdaftar": the whole.
_REGISTERED = re.compile(r"\s+(?:are\s+|were\s+|yang\s+)?(?:registered|recorded|terdaftar|tercatat|terdata)\b",
                         re.IGNORECASE)
# "372 koperasi (219 aktif, 153 tidak aktif)": a count whose parts follow in brackets is the whole.
_BREAKDOWN = re.compile(r"\s*\(\s*\d")
_PERCENT = re.compile(r"\s*(?:persen|%|percent|per\s+cent)\b|\s*%", re.IGNORECASE)
# "Cooperatives in Palu city number 400", "Koperasi di Sikka berjumlah 401": the subject before the count.
_SUBJECT_TOTAL = re.compile(r"\b(?:koperasi|cooperatives)\b(?P<between>[^.:\d]{0,50}?)\b(?:number(?:ed|s)?|"
                            r"total(?:l?ed|s)?|berjumlah|sebanyak|mencapai|tercatat|ada)\s*:?\s*$", re.IGNORECASE)


# Clauses: contrasts and comparisons ("naik dari 410 unit pada tahun lalu") speak of other counts.
_CLAUSE_SPLIT = re.compile(r",?\s+(?:sedangkan|sementara(?:\s+itu)?|namun|tetapi|sehingga|whereas|while|but)\b|;"
                           r"|,?\s+(?:naik|turun|bertambah|berkurang|meningkat|menurun)\s+dari\b|,?\s+(?:up|down)\s+from\b"
                           r"|,?\s+dibanding(?:kan)?\b|,?\s+compared\s+(?:with|to)\b"
                           r"|,\s+(?=(?:pada\s+|di\s+)?tahun\s+(?:lalu|sebelumnya)\b|last\s+year\b)", re.IGNORECASE)


# A label written right before its number, in a list of figures: "Jumlah koperasi 245, aktif 130, tidak aktif 115".
_TIGHT_LABEL = re.compile(r"(?:\bjumlah\s+(?:koperasi|cooperatives)|(?:[,;:(]\s*|\bdan\s+|\band\s+)(?:koperasi\s+)?"
                          r"(?:yang\s+)?(?:(?P<inactive>tidak\s+aktif|non[\s-]?aktif|inactive)|(?P<active>aktif|active)))"
                          r"\s*:?\s*$", re.IGNORECASE)


# A count written as part of an earlier number is never the whole (issue 19, locked8 T09: "... sebanyak 34.043
# unit. Sebanyak 9.626 unit koperasi (20 persen) dari jumlah tersebut dinyatakan kurang produktif" is no total).
_PART_OF_EARLIER = re.compile(r"\b(?:dari\s+(?:jumlah|total)\s+(?:tersebut|itu|ini|tadi)|di\s*antaranya|"
                              r"sebagian(?!\s+(?:besar\s+)?dari\s+\d)|of\s+(?:these|them|this\s+total|that\s+number))\b",
                              re.IGNORECASE)


_MEASURE = re.compile(r"\s*(?:tahun|bulan|minggu|pekan|hari|jam|kali|orang|peserta|anggota|desa|kelurahan|"
                      r"kecamatan|kabupaten|kota|provinsi|juta|miliar|triliun|ribu|years?|months?|days?|times|"
                      r"people|members|villages)\b", re.IGNORECASE)


def clauses(doc: _Doc, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] (a sentence) cut at contrasts and comparisons; the cue words belong to neither."""
    spans, pos = [], start
    for m in _CLAUSE_SPLIT.finditer(doc.text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return spans


@dataclass
class Count:
    """One number tied to cooperatives. ``role``: total / active / inactive / subset / None (a part
    whose status the words do not give); ``part_of``: the whole of its partition, if any."""

    value: int
    start: int
    end: int
    role: str | None
    part_of: Count | None = None
    by_partition: bool = False  # the role was given by a partition's arithmetic (ingest.cooperatives._resolve_parts)


def parse_count(text: str, english: bool) -> int | None:
    """ "1.204" → 1204 (Indonesian grouping), "1,120" → 1120 in an English report; else ``None``."""
    try:
        value = parse_decimal(text, locale="en" if english else "id", strict=True)
    except NumberFormatError:
        return None
    return int(value) if value == int(value) else None


def _status(text: str) -> str | None:
    """The first status the words right after a count give it (up to the next number)."""
    m = _STATUS.match(text, _LINK.match(text).end())
    if m is None:
        return None
    return next(k for k in ("inactive", "active", "subset") if m.group(k))


def counts_in(doc: _Doc, start: int, end: int) -> list[Count]:
    """Every cooperative count of text[start:end] (one clause), in order."""
    text = doc.text
    numbers = [m for m in _NUM.finditer(text, start, end)
               if not any(d.start <= m.start() < d.end for d in doc.dates) and not _PERCENT.match(text, m.end())]
    found: list[Count] = []
    for i, m in enumerate(numbers):
        value = parse_count(m.group(), doc.english)
        if value is None or (1900 <= value <= 2100 and not _NOUN.match(text, m.end())) or _MEASURE.match(text, m.end()):
            continue  # "selama 2 tahun", "40 orang", "5 desa": a measure of something else, never a count of koperasi
        window_end = numbers[i + 1].start() if i + 1 < len(numbers) else end
        before = text[start:m.start()]
        after = text[m.end():window_end]
        noun = _NOUN.match(after)
        adjective = re.match(r"\s*(?:unit\s+)?(inactive|idle|dormant|active)\s+cooperatives?", after, re.I)
        label = _LABEL.search(before[-90:])
        if label and re.search(r"\d\s*$", text[max(start, m.start() - len(before[-90:]) + label.start() - 6):
                                                 m.start() - len(before[-90:]) + label.start()]):
            label = None  # "dari 103 jumlah koperasi terdaftar hanya 33 …": the label is 103's, not 33's
        status = _status(after)
        if status is None and not _WHOLE_BEFORE.search(before[-20:]) and (place := _PLACE.match(after)):
            status = _status(after[place.end():])  # "154 koperasi di Mamuju masih aktif" (not a whole's "dari ...")
        role: str | None
        tight = _TIGHT_LABEL.search(before[-40:])
        if tight and not noun:  # "Jumlah koperasi 245, aktif 130, tidak aktif 115": the label just before is the role
            role = "inactive" if tight.group("inactive") else "active" if tight.group("active") else "total"
        elif adjective:
            role = "active" if adjective.group(1).lower() == "active" else "inactive"
        elif status is not None:
            role = status
        elif noun and found and _WHOLE_BEFORE.search(before[-20:]):
            role = "total"  # "188 koperasi tidak aktif dari 398 koperasi": the words before are the part's
        elif label:
            role = "inactive" if label.group("inactive") else "active" if label.group("active") else "total"
        elif subject := _SUBJECT_TOTAL.search(before[-80:]):
            told = _STATUS.search(subject.group("between"))  # "koperasi yang memiliki gerai sebanyak 9": a subset
            role = next(k for k in ("inactive", "active", "subset") if told.group(k)) if told else "total"
        elif noun and (_TOTAL_TRIGGER.search(before[-40:]) or _WHOLE_BEFORE.search(before[-20:])
                       or _BREAKDOWN.match(text, m.end() + noun.end()) or _REGISTERED.match(after, noun.end())):
            role = "total"
        elif noun or _PART_OF.match(text, m.end()) or re.match(r"\s*(?:of\s+them|di\s*antaranya)\b", after, re.I):
            role = None
        else:
            continue
        if role == "total" and _PART_OF_EARLIER.search(
                text, numbers[i - 1].end() if i else start, window_end):
            role = "subset"  # "Sebanyak 9.626 unit ... dari jumlah tersebut": a part of an earlier number (_PART_OF_EARLIER)
        count = Count(value, m.start(), m.end(), role)
        if _WHOLE_BEFORE.search(before[-20:]) and found and found[-1].part_of is None \
                and _PART_OF.match(text, found[-1].end) and _PART_OF.match(text, found[-1].end).end() == m.start():
            found[-1].part_of = count  # "74 dari 210 koperasi ... mati suri": the status after is the part's
            if not adjective and not label:
                told = _STATUS.search(after)
                if found[-1].role is None and told:
                    found[-1].role = next(k for k in ("inactive", "active", "subset") if told.group(k))
                count.role = "total"
        found.append(count)
    return found
