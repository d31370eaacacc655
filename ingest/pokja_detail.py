"""The Pokja/Satgas a report is about: its own name, its kab/kota and its SK (number and date).

Rules (issue 19, point 5; a venue is where people met, not whose Pokja it is):
- the Pokja's sentence is the first body sentence naming a task force ("Pokja …", "Satgas …",
  "Kelompok Kerja …", "Satuan Tugas …") that is not a teaser;
- its name is the task-force words with the capitalised words (and "dan", "PMI") that follow:
  "Pokja Pelayanan Terpadu Perlindungan PMI dan Tenaga Kerja Akad";
- its kab/kota is the one regency that sentence names ("Kabupaten Sumba Barat Daya telah menerbitkan SK
  Bupati … Pokja …"), never the dateline's; two regencies there, or none and a report naming several,
  leave it empty (a question); none there and the report naming exactly one regency → that one;
- the SK: "SK Bupati … Nomor 123/KEP/HK/2024" → the number as written; "tanggal 12 Januari 2024" /
  "tertanggal …" after it → its date.
"""

from __future__ import annotations

import datetime as dt
import re

from ingest.dates import _date_mentions
from ingest.result import Extraction
from ingest.text import _Doc, _places_in

_BODY = re.compile(r"\b(?:Pokja|POKJA|Kelompok\s+Kerja|Satgas|SATGAS|Satuan\s+Tugas|Gugus\s+Tugas)\b")
_NAME_TAIL = re.compile(r"(?:\s+(?:\([^)]{1,40}\)|dan|&|[A-Z][\w/-]*|PMI|PPMI|TPPO|AKAD))*")
_SK_NUMBER = re.compile(r"\b(?:SK|Surat\s+Keputusan|Keputusan)\b[^.\n]{0,80}?\b(?:Nomor|No\.?)\s*:?\s*"
                        r"(?P<n>[\w]+(?:[./-][\w]+)+|\d+)", re.IGNORECASE)
_SK_DATE = re.compile(r"\s*,?\s*(?:tanggal|tertanggal|tgl\.?)\s+", re.IGNORECASE)


def fill_pokja_detail(doc: _Doc, result: Extraction) -> None:
    """Set ``pokja_name``, ``pokja_regency_code``, ``sk_number``, ``sk_date`` from the Pokja's sentence."""
    for s_start, s_end in doc.sentences:
        if s_end <= doc.body_start or doc.in_teaser(s_start):
            continue
        m = _BODY.search(doc.text, s_start, s_end)
        if not m:
            continue
        tail = _NAME_TAIL.match(doc.text, m.end(), s_end)
        name = doc.text[m.start():tail.end()].strip(" ,")
        name = re.sub(r"\s+(?:dan|&)$", "", name)
        result.pokja_name = name if len(name) > len(m.group()) else None
        result.evidence["pokja_name"] = doc.snippet(m.start(), tail.end())
        _regency(doc, result, s_start, s_end)
        _sk(doc, result, s_start, s_end)
        return


def _regency(doc: _Doc, result: Extraction, s_start: int, s_end: int) -> None:
    named = {next(iter(p.regency_codes)) for p in _places_in(doc, s_start, s_end)
             if len(p.regency_codes) == 1 and not p.is_province
             and not (doc.dateline and doc.dateline[0] <= p.start < doc.dateline[1])}
    if len(named) == 1:
        result.pokja_regency_code = named.pop()
    elif not named and len(result.regencies_involved) == 1:
        result.pokja_regency_code = result.regencies_involved[0]


def _sk(doc: _Doc, result: Extraction, s_start: int, s_end: int) -> None:
    m = _SK_NUMBER.search(doc.text, s_start, s_end)
    if not m:
        return
    result.sk_number = m.group("n")
    result.evidence["sk_number"] = doc.snippet(m.start(), m.end())
    after = _SK_DATE.match(doc.text, m.end(), s_end)
    if after:
        dates = [d for d in _date_mentions(doc.text[after.end():after.end() + 40]) if d.start == 0 and d.year]
        if dates:
            d = dates[0]
            result.sk_date = dt.date(d.year, d.month, d.day)
