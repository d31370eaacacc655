"""The meeting's date among the dates a report writes: its year, its day/month order, its weekday.

Rules (from how regional outlets write): the event day carries its weekday ("Kamis
(30/5/2024)", "Monday (5/10)"); a date in the header or byline is the publication
date; a day and month without a year take it from the publication date (the
byline's weekday telling a day-first "06/10/2015" from a month-first one); only
when the report has no publication date do years the text names stand in. Dates
in a "Baca juga" teaser or of an earlier event ("tahun lalu", "sebelumnya") are
not the meeting's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ingest.dates import ENGLISH_WEEKDAYS, WEEKDAY_NAMES, _DateMention, _valid
from ingest.result import Extraction
from ingest.text import _Doc

_YEAR_CONTEXT = re.compile(
    r"\b(?:[Tt]ahun|TAHUN|TA\.?|T\.A\.?|[Tt]h\.)\s*(?:[Aa]nggaran\s*|ANGGARAN\s*)?(?P<y>(?:19|20)\d{2})\b"
)
_LEGAL_NUMBER = re.compile(r"(?:nomor|no\.?)\s*[\w./-]+\s*$", re.IGNORECASE)
_PAST_REFERENCE = re.compile(r"^\s*,?\s*(?:telah|sudah|lalu|silam|yang\s+lalu)\b", re.IGNORECASE)
_REFERENCE_BEFORE = re.compile(r"(?:nomor|no\.|tertanggal|sejak|sebelumnya)\s*[^\n]{0,25}$", re.IGNORECASE)
# "As of July 30, 2025", "per 30 Juni 2024": the figures' date, not the meeting's.
_AS_OF_BEFORE = re.compile(r"\b(?:as\s+of|per|hingga|sampai(?:\s+dengan)?|until|data)\s+(?:tanggal\s+|akhir\s+)?$",
                           re.IGNORECASE)
_OTHER_EVENT = re.compile(r"\b(?:tahun\s+lalu|sebelumnya|last\s+year|previous|earlier)\b", re.IGNORECASE)
# "pada 12 Juli mendatang", "ditargetkan ... 30 Juni": a deadline or a plan, not the day the meeting sat.
_FUTURE_AFTER = re.compile(r"^\s*(?:\d{4}\s*)?(?:mendatang|yang\s+akan\s+datang|nanti|nanti(?:nya)?)\b", re.IGNORECASE)
_FUTURE_BEFORE = re.compile(r"\b(?:ditargetkan|target(?:nya)?|direncanakan|dijadwalkan|rencananya|paling\s+lambat|batas\s+waktu|"
                            r"tenggat|deadline)\b[^\n.]{0,40}$", re.IGNORECASE)
_WHY = {"publication": "the publication date", "text": "a year named in the text"}


def _orders(mention: _DateMention, doc: _Doc) -> list[tuple[int, int]]:
    """(day, month) readings: day first; month first too in an English report ("06/10/2015")."""
    orders = [(mention.day, mention.month)]
    if mention.swappable and doc.english:
        orders.append((mention.month, mention.day))
    return orders


def _as_date(mention: _DateMention, doc: _Doc) -> dt.date:
    """A dated mention as a date; where two orders read, the one the written weekday agrees with."""
    readings = [dt.date(mention.year, m, d) for d, m in _orders(mention, doc) if _valid(mention.year, m, d)]
    if mention.weekday is not None:
        for date in readings:
            if date.weekday() == mention.weekday:
                return date
    return readings[0]


def _event_score(doc: _Doc, mention: _DateMention) -> int:
    """How much a date looks like *the meeting's* date rather than a law's or an earlier event's."""
    score = 4 if mention.weekday is not None else 0
    score += 1 if mention.parenthesised else 0
    score -= 2 if mention.year is None and mention.weekday is None else 0
    if _PAST_REFERENCE.match(doc.text[mention.end:mention.end + 20]):
        score -= 3
    if _REFERENCE_BEFORE.search(doc.text[max(0, mention.start - 40):mention.start]):
        score -= 3
    if _AS_OF_BEFORE.search(doc.text[max(0, mention.start - 30):mention.start]):
        score -= 3
    s_start, _ = doc.sentence_at(mention.start)
    if _OTHER_EVENT.search(doc.text, s_start, mention.start) or earlier_report(doc, mention.start):
        score -= 5
    if _FUTURE_AFTER.match(doc.text[mention.end:mention.end + 30]) or \
            _FUTURE_BEFORE.search(doc.text[max(0, mention.start - 60):mention.start]):
        score -= 4
    if in_quote(doc, mention.start):
        score -= 4  # a date someone says ("... pada 12 Maret lalu," katanya) is not the report's event day
    return score


_EARLIER_REPORT = re.compile(r"(?:^|\n)[ \t]*(?:diberitakan\s+sebelumnya|sebagaimana\s+diberitakan|seperti\s+"
                             r"diberitakan|previously\s+reported|as\s+reported\s+earlier)\b", re.IGNORECASE)


def earlier_report(doc: _Doc, pos: int) -> bool:
    """``pos`` is in a paragraph that opens with "Diberitakan sebelumnya" (an earlier report's facts)."""
    para_start = doc.text.rfind("\n\n", 0, pos) + 1
    return bool(_EARLIER_REPORT.search(doc.text, para_start, pos))


def in_quote(doc: _Doc, pos: int) -> bool:
    """``pos`` lies inside quotation marks opened in its paragraph ("…", “…”)."""
    para_start = doc.text.rfind("\n", 0, pos) + 1
    before = doc.text[para_start:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _context_years(doc: _Doc, near: int) -> list[tuple[int, int, int]]:
    """Years the report names for itself ("tahun 2019", "TA 2021", "Mei 2019"), most cited first.

    "UU Nomor 18 Tahun 2017" is a law's year, not the report's, and is skipped.
    Returns (year, position, count).
    """
    counts: Counter[int] = Counter()
    where: dict[int, int] = {}
    for m in _YEAR_CONTEXT.finditer(doc.text):
        if _LEGAL_NUMBER.search(doc.text[max(0, m.start() - 30):m.start()]):
            continue
        y = int(m.group("y"))
        counts[y] += 1
        where.setdefault(y, m.start())
    for d in doc.dates:
        if d.year is not None and not doc.in_teaser(d.start):
            counts[d.year] += 1
            where.setdefault(d.year, d.start)
    return sorted(((y, where[y], c) for y, c in counts.items()), key=lambda t: (-t[2], abs(t[1] - near)))


def _resolve_year(doc: _Doc, mention: _DateMention, published: dt.date | None,
                  published_at: tuple[int, int] | None) -> tuple[dt.date | None, str | None, tuple[int, int] | None]:
    """The year (and order) a year-less date ("Kamis(22/08)", "Thursday (7/3)") most plausibly has.

    With a publication date: its year, or the year before for a December meeting
    reported in January. Without one: the years the text names. Among the
    readings the first whose calendar agrees with the written weekday wins;
    without a weekday, the first. Returns (date, "publication"/"text", span).
    """
    candidates: list[tuple[int, str, tuple[int, int] | None]] = []
    if published is not None:
        same = dt.date(published.year, mention.month, mention.day) if _valid(published.year, mention.month,
                                                                              mention.day) else None
        years = [published.year, published.year - 1]
        if same is not None and same > published + dt.timedelta(days=7):
            years.reverse()
        candidates += [(y, "publication", published_at) for y in years]
    else:
        candidates += [(y, "text", (pos, pos + 4)) for y, pos, _count in _context_years(doc, mention.start)]
    readings = [(dt.date(y, m, d), why, span) for y, why, span in candidates for d, m in _orders(mention, doc)
                if _valid(y, m, d)]
    if published is not None:
        readings = [r for r in readings if r[0] <= published + dt.timedelta(days=7)] or readings
    if not readings:
        return None, None, None
    if mention.weekday is not None:
        for reading in readings:
            if reading[0].weekday() == mention.weekday:
                return reading
    return readings[0]


def _fill_dates(doc: _Doc, result: Extraction, published_on: dt.date | None) -> None:
    """Event date, its checks, and the byline publication date kept apart."""
    header = [d for d in doc.dates if d.start < doc.body_start and d.year is not None]
    body = [d for d in doc.dates if d.start >= doc.body_start and not doc.in_teaser(d.start)]
    published_at = None
    if published_on is not None:
        result.published_on = published_on
    elif header:
        first = header[0]
        result.published_on = _as_date(first, doc)
        published_at = (first.start, first.end)
        result.evidence["published_on"] = doc.snippet(first.start, first.end)
    if not body:
        result.warn("no_date", "date", "no meeting date found in the text")
        return
    best = max(body, key=lambda d: (_event_score(doc, d), -d.start))
    snippet = doc.snippet(best.start, best.end)
    if _event_score(doc, best) < 0:
        # Right or ask (issue 19): the only dates are said in a quote, of another event, a deadline or a
        # reference; none proves the meeting's day, so none is proposed — the text's dates stay candidates.
        result.evidence["date_text"] = snippet
        result.warn("date_unproven", "date", "no date of the text is shown to be the meeting's ('{written}' is in a "
                    "quote, a plan or another event): date left empty", written=best.text)
        return
    result.date_text = best.text
    result.evidence["date_text"] = snippet
    if best.year is not None:
        result.date = _as_date(best, doc)
        result.evidence["date"] = snippet
    else:
        date, why, span = _resolve_year(doc, best, result.published_on, published_at)
        if date is None:
            result.warn("year_unknown", "date", "the year of '{written}' is not written and could not be inferred",
                        written=best.text)
            return
        result.date, result.date_inferred = date, True
        result.evidence["date"] = snippet
        result.evidence["date_inferred"] = doc.snippet(*span) if span else None
        result.warn(f"year_from_{why}", "date", "year not written in '{written}': {year} inferred from " + _WHY[why],
                    written=best.text, year=date.year)
    if best.weekday is not None:
        result.weekday_ok = result.date.weekday() == best.weekday
        result.evidence["weekday_ok"] = snippet
        if not result.weekday_ok:
            result.warn("weekday_mismatch", "date", "weekday mismatch: '{written}' written but {date} is a {actual_en}",
                        written=best.weekday_text, date=result.date.isoformat(),
                        actual_id=WEEKDAY_NAMES[result.date.weekday()],
                        actual_en=ENGLISH_WEEKDAYS[result.date.weekday()])
