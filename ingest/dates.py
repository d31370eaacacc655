"""Dates: every date the text writes, the meeting's among them, its year and weekday checked."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from ingest.result import Extraction
from ingest.text import _Doc

WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6, "ahad": 6}
_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8,
    "agt": 8, "ags": 8, "agus": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12,
}
_WD = r"(?P<wd>Senin|Selasa|Rabu|Kamis|Jum['’`]?at|Sabtu|Minggu|Ahad)"
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMERIC_DATE = re.compile(
    rf"(?:{_WD}\s*,?\s*)?(?P<open>\(\s*)?(?<![\d/.-])(?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})"
    rf"(?:\s*[/.-]\s*(?P<y>\d{{4}}|\d{{2}}))?(?![\d/])(?P<close>\s*\))?",
    re.IGNORECASE,
)
_MONTH_DATE = re.compile(
    rf"(?:{_WD}\s*,?\s*(?P<open>\(\s*)?(?:tanggal\s+|tgl\.?\s*)?)?"
    rf"(?:(?P<d0>\d{{1,2}})\s*(?:[–—-]|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*)?"
    rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\b\.?(?:\s+(?P<y>\d{{4}}))?(?!\d)(?P<close>\s*\))?",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(
    rf"(?:{_WD}\s*,?\s*)?(?<!\d)(?P<y>(?:19|20)\d{{2}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d)",
    re.IGNORECASE,
)
_YEAR_CONTEXT = re.compile(
    r"\b(?:[Tt]ahun|TAHUN|TA\.?|T\.A\.?|[Tt]h\.)\s*(?:[Aa]nggaran\s*|ANGGARAN\s*)?(?P<y>(?:19|20)\d{2})\b"
)
_LEGAL_NUMBER = re.compile(r"(?:nomor|no\.?)\s*[\w./-]+\s*$", re.IGNORECASE)
_PAST_REFERENCE = re.compile(r"^\s*,?\s*(?:telah|sudah|lalu|silam|yang\s+lalu)\b", re.IGNORECASE)
_REFERENCE_BEFORE = re.compile(r"(?:nomor|no\.|tertanggal|sejak|sebelumnya)\s*[^\n]{0,25}$", re.IGNORECASE)


@dataclass(frozen=True)
class _DateMention:
    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    weekday: int | None
    weekday_text: str | None
    parenthesised: bool


def _weekday(name: str | None) -> int | None:
    return _WEEKDAYS.get(re.sub(r"[^a-z]", "", name.lower())) if name else None


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2024, month, day)  # 2024: a leap year lets 29/2 through when the year is unknown
    except ValueError:
        return False
    return year is None or 1990 <= year <= 2100


def _date_mentions(text: str) -> list[_DateMention]:
    """Every date the text writes, in the five spellings regional outlets use.

    Numeric dates without a year only count after a weekday ("Kamis(22/08)"):
    a bare "3/6" is as likely a ratio or a law number.
    """
    found: list[_DateMention] = []
    for m in _NUMERIC_DATE.finditer(text):
        year = m.group("y")
        if year is None and not m.group("wd"):
            continue
        if year is not None and not (m.group("wd") or m.group("open")) and "/" not in m.group() \
                and "-" not in m.group():
            continue
        y = (int(year) + 2000 if len(year) == 2 else int(year)) if year else None
        found.append(_mention(m, int(m.group("d")), int(m.group("m")), y, bool(m.group("open"))))
    for m in _MONTH_DATE.finditer(text):
        day = int(m.group("d0") or m.group("d"))
        year = int(m.group("y")) if m.group("y") else None
        found.append(_mention(m, day, _MONTHS[m.group("mon").lower()], year, bool(m.group("open"))))
    for m in _ISO_DATE.finditer(text):
        found.append(_mention(m, int(m.group("d")), int(m.group("m")), int(m.group("y")), False))
    found = [f for f in found if _valid(f.year, f.month, f.day)]
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_DateMention] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


def _mention(m: re.Match, day: int, month: int, year: int | None, parenthesised: bool) -> _DateMention:
    text = m.group().strip()
    if text.count(")") > text.count("("):
        text = text[: text.rindex(")")].rstrip()
    start = m.start() + (len(m.group()) - len(m.group().lstrip()))
    wd = m.groupdict().get("wd")
    return _DateMention(start, start + len(text), text, day, month, year, _weekday(wd), wd, parenthesised)


def _event_score(doc: _Doc, mention: _DateMention) -> int:
    """How much a date looks like *the meeting's* date rather than a law's or an earlier event's.

    Indonesian reports write the event day with its weekday ("Kamis (30/5/2024)");
    "pada tanggal 7 – 9 Mei 2019 telah dilakukan workshop" refers to the past.
    """
    score = 4 if mention.weekday is not None else 0
    score += 1 if mention.parenthesised else 0
    score -= 2 if mention.year is None and mention.weekday is None else 0
    if _PAST_REFERENCE.match(doc.text[mention.end:mention.end + 20]):
        score -= 3
    if _REFERENCE_BEFORE.search(doc.text[max(0, mention.start - 40):mention.start]):
        score -= 3
    return score


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
        if d.year is not None:
            counts[d.year] += 1
            where.setdefault(d.year, d.start)
    return sorted(((y, where[y], c) for y, c in counts.items()), key=lambda t: (-t[2], abs(t[1] - near)))


def _resolve_year(doc: _Doc, mention: _DateMention, published: dt.date | None,
                  published_at: tuple[int, int] | None) -> tuple[dt.date | None, str | None, tuple[int, int] | None]:
    """The year a year-less date ("Kamis(22/08)") most plausibly has.

    Candidates: the publication year (or the year before, for a December
    meeting reported in January), then the years the text names. Among them
    the first whose calendar agrees with the written weekday wins; without a
    weekday, the first. Returns (date, where the year came from, its span).
    """
    candidates: list[tuple[int, str, tuple[int, int] | None]] = []
    if published is not None:
        same = dt.date(published.year, mention.month, mention.day) if _valid(published.year, mention.month,
                                                                              mention.day) else None
        years = [published.year, published.year - 1]
        if same is not None and same > published + dt.timedelta(days=7):
            years.reverse()
        candidates += [(y, "the publication date", published_at) for y in years]
    for y, pos, _count in _context_years(doc, mention.start):
        candidates.append((y, "a year named in the text", (pos, pos + 4)))
    seen: set[int] = set()
    ordered = [c for c in candidates if not (c[0] in seen or seen.add(c[0]))]
    ordered = [c for c in ordered if _valid(c[0], mention.month, mention.day)]
    if not ordered:
        return None, None, None
    if mention.weekday is not None:
        for y, why, span in ordered:
            if dt.date(y, mention.month, mention.day).weekday() == mention.weekday:
                return dt.date(y, mention.month, mention.day), why, span
    y, why, span = ordered[0]
    return dt.date(y, mention.month, mention.day), why, span


def _fill_dates(doc: _Doc, result: Extraction, published_on: dt.date | None) -> None:
    """Event date, its checks, and the byline publication date kept apart.

    A date in the header (byline "31 Mei 2024") is when the page was published;
    the meeting's date is the best-scoring date of the body.
    """
    header = [d for d in doc.dates if d.start < doc.body_start and d.year is not None]
    body = [d for d in doc.dates if d.start >= doc.body_start]
    published_at = None
    if published_on is not None:
        result.published_on = published_on
    elif header:
        first = header[0]
        result.published_on = dt.date(first.year, first.month, first.day)
        published_at = (first.start, first.end)
        result.evidence["published_on"] = doc.snippet(first.start, first.end)
    if not body:
        result.warnings.append("no meeting date found in the text")
        return
    best = max(body, key=lambda d: (_event_score(doc, d), -d.start))
    result.date_text = best.text
    snippet = doc.snippet(best.start, best.end)
    result.evidence["date_text"] = snippet
    if best.year is not None:
        result.date = dt.date(best.year, best.month, best.day)
        result.evidence["date"] = snippet
    else:
        date, why, span = _resolve_year(doc, best, result.published_on, published_at)
        if date is None:
            result.warnings.append(f"the year of '{best.text}' is not written and could not be inferred")
            return
        result.date, result.date_inferred = date, True
        result.evidence["date"] = snippet
        result.evidence["date_inferred"] = doc.snippet(*span) if span else None
        result.warnings.append(f"year not written in '{best.text}': {date.year} inferred from {why}")
    if best.weekday is not None:
        result.weekday_ok = result.date.weekday() == best.weekday
        result.evidence["weekday_ok"] = snippet
        if not result.weekday_ok:
            result.warnings.append(
                f"weekday mismatch: '{best.weekday_text}' written but {result.date.isoformat()} "
                f"is a {WEEKDAY_NAMES[result.date.weekday()]}"
            )

