"""Dates and places a report names, each with why it was (or was not) taken — for a person to decide.

Every date the text writes becomes a ``Candidate`` (kind "date"): the chosen one marked, the
others with a reason: in the page header or byline (``header``, the publication date), in a teaser
for another report (``teaser``), in a quote (``quote``), in an earlier report ("Diberitakan
sebelumnya …", ``earlier_report``), the figures' as-of date (``as_of``), or simply another date of the
text (``other``). Every area named (kab/kota or province) becomes a candidate (kind "place"): the
chosen regency/province marked, the others with a reason: the dateline's city is the outlet's
(``dateline``), in a teaser (``teaser``), in an outlet's name (``outlet``), in an office's name ("Kantor
Imigrasi Pati", ``office``; ``ingest.offices``), a name that can mean
several areas (``ambiguous``), or another area named in the text (``other``). Rule source: issue 19.
"""

from __future__ import annotations

import re

from ingest.meeting_date import earlier_report, in_quote
from ingest.result import Candidate, Extraction
from ingest.text import _Doc

REASONS = {
    "chosen": "taken",
    "header": "the page header or byline (publication date)",
    "teaser": "a teaser for another report",
    "quote": "inside a quote",
    "earlier_report": "an earlier report (\u201cDiberitakan sebelumnya\u201d)",
    "as_of": "the date of the figures, not of the meeting",
    "other": "another date or area named in the text",
    "dateline": "the dateline names where the report was filed",
    "outlet": "part of an outlet's name",
    "ambiguous": "the name can mean several areas",
    "office": "part of an office's name (\u201cKantor Imigrasi Pati\u201d), not the report's area",
}
_AS_OF_BEFORE = re.compile(r"\b(?:per|hingga|sampai(?:\s+dengan)?|as\s+of|until|data)\s+(?:tanggal\s+|akhir\s+)?$",
                           re.IGNORECASE)


def _cand(doc: _Doc, kind: str, value: str, reason: str, start: int, end: int, chosen: bool = False) -> Candidate:
    s_start, s_end = doc.sentence_at(start)
    s_start = max(0, min(s_start, start))
    s_end = max(s_end, end)
    sentence = doc.text[s_start:s_end]
    lead = len(sentence) - len(sentence.lstrip())
    found = Candidate(kind=kind, value=value, role=None, reason=reason, sentence=sentence.strip(),
                      start=start - s_start - lead, end=end - s_start - lead, chosen=chosen)
    found.sentence_start = start
    return found


def _date_value(mention) -> str:
    if mention.year is None:
        return f"{mention.day:02d}/{mention.month:02d}"
    return f"{mention.year:04d}-{mention.month:02d}-{mention.day:02d}"


def fill_date_candidates(doc: _Doc, result: Extraction) -> None:
    """Every date of the text as a candidate (module docstring)."""
    chosen_text = result.date_text
    chosen_done = False
    for mention in doc.dates:
        chosen = not chosen_done and chosen_text is not None and mention.text == chosen_text \
            and mention.start >= doc.body_start and not doc.in_teaser(mention.start)
        if chosen:
            chosen_done = True
            value, reason = (result.date.isoformat() if result.date else _date_value(mention)), "chosen"
        else:
            value = _date_value(mention)
            if mention.start < doc.body_start:
                reason = "header"
            elif doc.in_teaser(mention.start):
                reason = "teaser"
            elif earlier_report(doc, mention.start):
                reason = "earlier_report"
            elif in_quote(doc, mention.start):
                reason = "quote"
            elif _AS_OF_BEFORE.search(doc.text[max(0, mention.start - 30):mention.start]):
                reason = "as_of"
            else:
                reason = "other"
        result.candidates.append(_cand(doc, "date", value, reason, mention.start, mention.end, chosen))


def fill_place_candidates(doc: _Doc, result: Extraction) -> None:
    """Every area named as a candidate (module docstring); one per area code and reason."""
    seen: set[tuple[str, str]] = set()
    chosen_codes = {result.regency_code or result.province_code} - {None}
    for place in doc.places:
        codes = sorted({r.code for r in place.regions})
        if not codes:
            continue
        value = codes[0] if len(codes) == 1 else " / ".join(codes)
        in_dateline = bool(doc.dateline and doc.dateline[0] <= place.start < doc.dateline[1])
        if doc.in_office(place.start):  # "Polres Sikka" (ingest.offices): shown, never the chosen mention
            reason = "office"
        elif value in chosen_codes and not in_dateline:
            reason = "chosen"
        elif in_dateline:
            reason = "dateline"
        elif doc.in_teaser(place.start):
            reason = "teaser"
        elif doc.in_outlet(place.start):
            reason = "outlet"
        elif len(codes) > 1:
            reason = "ambiguous"
        else:
            reason = "other"
        if (value, reason) in seen:
            continue
        seen.add((value, reason))
        result.candidates.append(_cand(doc, "place", value, reason, place.start, place.end, reason == "chosen"))
