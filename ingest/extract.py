"""Propose a meeting record from an Indonesian regional news report.

Pure functions, no database: the gazetteer is read from its CSVs
(``data_access.gazetteer.alias_index``). Every proposed value carries the
snippet of the source that supports it (``evidence``) and anything doubtful is
said in ``warnings``; a value the text does not give stays ``None`` — the
extractor never fills a gap with a guess. The rules are written for the way
regional outlets report (datelines, "Kamis (25/8/2022)", "bertempat di ...",
"dibuka oleh ..."), not for particular articles.

    python -m ingest.extract FILE [FILE ...] [--json] [--published-on YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import bisect
import codecs
import datetime as dt
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from data_access.gazetteer import Region, alias_index, normalise, regions_by_code
from data_access.models import MEETING_KINDS, POKJA_STAGES, SECTORS

SNIPPET_MAX = 200

# --------------------------------------------------------------------------- #
# Reading uploaded documents
# --------------------------------------------------------------------------- #

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte Western code pages charset-normalizer may name for the same bytes.
_LATIN_CODEPAGES = {
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2", "iso8859_9",
    "iso8859_15", "mac_roman", "mac_latin2", "cp850", "cp437",
}


def _plausible_text(text: str) -> bool:
    """Latin-script prose: guards against a detector reading short cp1252 as UTF-16."""
    if not text:
        return True
    ok = sum(1 for ch in text if ch.isspace() or ord(ch) < 0x250 or 0x2000 <= ord(ch) < 0x2070)
    return ok / len(text) >= 0.95 and not any(0x80 <= ord(ch) < 0xA0 for ch in text)


def decode_text(data: bytes) -> str:
    """Bytes → text: BOM, then strict UTF-8, then charset-normalizer.

    Reports come from Windows PCs as often as from the web. On short texts
    charset-normalizer hesitates between Latin code pages (cp1250 vs cp1252
    differ only in letters Indonesian does not use) or even proposes UTF-16, so
    among Latin candidates cp1252 — what Indonesian Windows writes — wins when it
    decodes cleanly.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    encodings = {m.encoding for m in matches}
    if not matches or encodings & _LATIN_CODEPAGES:
        try:
            text = data.decode("cp1252")
            if _plausible_text(text):
                return text
        except UnicodeDecodeError:
            pass
    for match in matches:
        text = str(match)
        if _plausible_text(text):
            return text
    return data.decode("cp1252", errors="replace")


class _HTMLText(HTMLParser):
    """Collects the visible text of an HTML page; scripts and styles are dropped, never run."""

    SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "nav", "form",
            "button", "select", "math"}  # elements with an end tag only: a void one would never be popped
    BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
             "section", "article", "header", "footer", "blockquote", "figcaption", "figure", "pre",
             "hr", "dd", "dt", "dl", "main", "aside", "td", "th", "address", "time"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.saw_h1 = False
        self._skip: list[str] = []
        self._in_title = False
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip.append(tag)
        elif tag == "title":
            self._in_title = True
        elif tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "h1":
            self.saw_h1 = True
        if tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCK and not self._skip:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag == "title":
            self._in_title = False
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        """Source line breaks are layout, not text: only block elements end a line (<pre> aside)."""
        if self._skip:
            return
        if not self._pre:
            data = re.sub(r"\s+", " ", data)
        (self.title if self._in_title else self.parts).append(data)


def html_to_text(html: str) -> str:
    """Visible text, one block per line; the <title> only stands in when there is no <h1>."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    body = "\n".join(line for line in lines if line)
    title = " ".join("".join(parser.title).split())
    return f"{title}\n{body}" if title and not parser.saw_h1 else body


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(?:body|p|div|h1)\b", head))


def read_document(data: bytes, filename: str) -> str:
    """Text of an uploaded report: .txt (UTF-8, UTF-8 BOM, Windows-1252, ...) or .html.

    Other names are sniffed: a file that starts like HTML is read as HTML.
    Line endings become ``\\n``.
    """
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    suffix = Path(filename).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"} or (suffix not in {".txt", ".text"} and _looks_like_html(text)):
        return html_to_text(text)
    return text


# --------------------------------------------------------------------------- #
# The result
# --------------------------------------------------------------------------- #


@dataclass
class OpenedBy:
    name: str | None
    role: str | None


@dataclass
class CooperativeCounts:
    total: int | None = None
    active: int | None = None
    inactive: int | None = None


@dataclass
class Extraction:
    """What the extractor proposes for one report. ``None`` means the text does not say."""

    title: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    date_inferred: bool = False
    weekday_ok: bool | None = None
    venue: str | None = None
    city: str | None = None
    regency_code: str | None = None
    regency_name: str | None = None
    province_code: str | None = None
    province_name: str | None = None
    organizer: str | None = None
    opened_by: OpenedBy | None = None
    participants: int | None = None
    sectors: list[str] = field(default_factory=list)
    cooperatives: CooperativeCounts | None = None
    pokja_stage: str | None = None
    regencies_involved: list[str] = field(default_factory=list)
    kind: str | None = None
    level: str | None = None
    headline: str | None = None
    outlet: str | None = None
    published_on: dt.date | None = None
    warnings: list[str] = field(default_factory=list)
    evidence: dict[str, str | None] = field(default_factory=dict)
    file: str | None = None

    def to_dict(self) -> dict:
        """JSON-ready: dates as ISO strings, nested values as plain dicts."""
        return {
            "file": self.file,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "date_inferred": self.date_inferred,
            "weekday_ok": self.weekday_ok,
            "venue": self.venue,
            "city": self.city,
            "regency_code": self.regency_code,
            "regency_name": self.regency_name,
            "province_code": self.province_code,
            "province_name": self.province_name,
            "organizer": self.organizer,
            "opened_by": {"name": self.opened_by.name, "role": self.opened_by.role} if self.opened_by else None,
            "participants": self.participants,
            "sectors": list(self.sectors),
            "cooperatives": (
                {"total": self.cooperatives.total, "active": self.cooperatives.active,
                 "inactive": self.cooperatives.inactive} if self.cooperatives else None
            ),
            "pokja_stage": self.pokja_stage,
            "regencies_involved": list(self.regencies_involved),
            "kind": self.kind,
            "level": self.level,
            "headline": self.headline,
            "outlet": self.outlet,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "warnings": list(self.warnings),
            "evidence": {key: self.evidence.get(key) for key in EVIDENCE_KEYS},
        }


EVIDENCE_KEYS = (
    "title", "date", "date_text", "date_inferred", "weekday_ok", "venue", "city", "regency_code",
    "regency_name", "province_code", "province_name", "organizer", "opened_by", "participants",
    "sectors", "cooperatives", "pokja_stage", "regencies_involved", "kind", "level", "headline",
    "outlet", "published_on",
)

# --------------------------------------------------------------------------- #
# The document: lines, sentences, header, snippets
# --------------------------------------------------------------------------- #

# Tokens before a full stop that do not end a sentence ("Kab. Belu", "Drs. J. T. Ose Luan").
_ABBREVIATIONS = {
    "kab", "prov", "kec", "kel", "ds", "jl", "jln", "no", "dr", "drs", "dra", "ir", "h", "hj", "prof",
    "plt", "plh", "pj", "st", "sh", "se", "mm", "ma", "msi", "si", "sp", "spd", "mpd", "sos", "kom", "ak",
    "dll", "dsb", "tsb", "bpk", "sdr", "yth", "lt", "tgl", "pt", "cv", "tbk", "kep", "rp", "ttd", "mt",
    "mh", "mph", "mkes", "skm", "sip", "ap", "map", "ssos", "sstp", "ip", "sth", "spt",
}
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|\n+")
_BULLET = re.compile(r"^\s*[•*·▪●◦‣-]")
_BOILERPLATE = re.compile(
    r"^\s*(?:facebook|twitter|instagram|youtube|whatsapp|telegram|share|bagikan|beranda|home|loading|"
    r"advertisement|iklan|leave a reply|tinggalkan balasan|baca juga|editor|penulis|reporter)\b",
    re.IGNORECASE,
)


@dataclass
class _Doc:
    """The text plus what every rule needs: sentence bounds, where the body starts, the dateline."""

    text: str
    sentences: list[tuple[int, int]]
    body_start: int
    headline: tuple[int, int] | None
    dateline: tuple[int, int] | None = None
    outlet_spans: list[tuple[int, int]] = field(default_factory=list)
    dateline_places: list[_Place] = field(default_factory=list)
    places: list[_Place] = field(default_factory=list)
    dates: list[_DateMention] = field(default_factory=list)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        starts = [s for s, _ in self.sentences]
        i = max(bisect.bisect_right(starts, pos) - 1, 0)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    def snippet(self, start: int, end: int) -> str:
        """The sentence around a match, verbatim; cut to 200 characters around the match if longer."""
        s_start, s_end = self.sentence_at(start)
        s_end = max(s_end, min(end, len(self.text)))
        if s_end - s_start <= SNIPPET_MAX:
            return self.text[s_start:s_end].strip()
        middle = (start + end) // 2
        lo = max(s_start, min(start, middle - SNIPPET_MAX // 2))
        hi = min(s_end, lo + SNIPPET_MAX)
        lo = max(s_start, hi - SNIPPET_MAX)
        piece = self.text[lo:hi]
        if lo > s_start and " " in piece[:30]:
            piece = piece[piece.index(" ") + 1:]
        if hi < s_end and " " in piece[-30:]:
            piece = piece[: piece.rindex(" ")]
        return piece.strip()[:SNIPPET_MAX]

    def in_outlet(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.outlet_spans)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split at full stops that end sentences, not at "Kab.", "Drs." or an initial "J."."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if not m.group().startswith("\n"):
            tail = re.search(r"([A-Za-z]+)$", text[start:m.start()])
            if tail and (tail.group(1).lower() in _ABBREVIATIONS or len(tail.group(1)) == 1):
                continue
            end = m.end()
        else:
            end = m.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
        while start < len(text) and text[start] in " \t":
            start += 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _is_body_line(line: str) -> bool:
    """A paragraph of the report, not a headline, byline or share button."""
    words = line.split()
    return (len(words) >= 12 and line.rstrip().endswith((".", "!", "?", '"', "”", ")"))) or len(words) >= 40


def _header(text: str) -> tuple[int, tuple[int, int] | None]:
    """Where the body starts and which line before it is the headline.

    Pages put a category, a headline and a byline (author, date, views) before
    the first paragraph; the headline is the longest line there that is not a
    bullet or a share button.
    """
    lines = _lines(text)
    body_start, header_lines = 0, []
    for start, end in lines:
        line = text[start:end]
        if _is_body_line(line):
            body_start = start
            break
        header_lines.append((start, end))
    else:
        return 0, None
    candidates = [
        (s, e) for s, e in header_lines
        if len(text[s:e].split()) >= 3 and len(text[s:e]) <= 250
        and not _BULLET.match(text[s:e]) and not _BOILERPLATE.match(text[s:e])
    ]
    if not candidates:
        return body_start, None
    s, e = max(candidates, key=lambda span: span[1] - span[0])
    while s < e and text[s].isspace():
        s += 1
    return body_start, (s, e)


# --------------------------------------------------------------------------- #
# Places
# --------------------------------------------------------------------------- #

_ADMIN_PREFIXES = {"kabupaten", "kab", "kota", "provinsi", "prov"}
# Seats and bare names that are also everyday words ("Jalan Raya", "Tanjung", "Ibu Kota Negara").
_BARE_STOPWORDS = {
    "raya", "tanjung", "benteng", "rantau", "sumber", "batu", "negara", "pinang", "pandan", "salak",
    "metro", "puncak", "banjar", "bula", "bone", "buru", "manna", "waris", "menteng", "koja", "pusat",
}
_TOKEN = re.compile(r"[^\W_]+")
_TITLE_CONTEXT = re.compile(
    r"(?P<title>Wakil\s+Bupati|Bupati|Wabup|Pemkab|Wakil\s+Wali\s?kota|Wali\s?kota|Wawali|Pemkot|"
    r"Wakil\s+Gubernur|Gubernur|Wagub|Pemprov)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Place:
    """A place name in the text and every region it can mean (after context filtering)."""

    start: int
    end: int
    text: str
    regions: tuple[Region, ...]
    explicit: bool  # "Kabupaten Belu", "Kota Kupang", "Provinsi NTT", "NTT", "Kalimantan Timur"
    title: str | None  # "Bupati" in "Bupati Belu"

    @property
    def is_province(self) -> bool:
        return bool(self.regions) and all(r.level == "provinsi" for r in self.regions)

    @property
    def regency_codes(self) -> set[str]:
        return {r.code for r in self.regions if r.level != "provinsi"}

    @property
    def kabupaten_prefixed(self) -> bool:
        return normalise(self.text).split(" ")[0] in {"kabupaten", "kab"}


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _place_mentions(text: str) -> list[_Place]:
    """Every gazetteer name in the text, longest match first.

    Prefixed names ("Kabupaten Belu", "Kota Kupang", "Provinsi NTT") and province
    names count anywhere; a bare name ("Belu", "Atambua") must be capitalised
    and not an everyday word. Whether a bare name is *used* is decided by where
    it stands (venue, dateline, "Bupati X") — "Yohanes Muna" is a person, not
    Kabupaten Muna.
    """
    index = alias_index()
    tokens = [(m.start(), m.end(), normalise(m.group())) for m in _TOKEN.finditer(text)]
    found: list[_Place] = []
    i = 0
    while i < len(tokens):
        match = None
        for n in range(min(6, len(tokens) - i), 0, -1):
            window = tokens[i:i + n]
            if any(not re.fullmatch(r"\s*\.?\s*", text[a[1]:b[0]]) or "\n" in text[a[1]:b[0]]
                   for a, b in zip(window, window[1:], strict=False)):
                continue
            key = " ".join(t[2] for t in window)
            if key in index:
                match = (n, key)
                break
        if match is None:
            i += 1
            continue
        n, key = match
        start, end = tokens[i][0], tokens[i + n - 1][1]
        words = [text[a:b] for a, b, _ in tokens[i:i + n]]
        regions = index[key]
        prefixed = key.split(" ")[0] in _ADMIN_PREFIXES and n > 1
        is_province = all(r.level == "provinsi" for r in regions)
        named = words[1:] if prefixed else words
        ok = all(_capitalised(w) for w in named)
        if not prefixed and not is_province and key in _BARE_STOPWORDS:
            ok = False
        if ok:
            title_m = _TITLE_CONTEXT.search(text[max(0, start - 30):start])
            title = title_m.group("title") if title_m and not prefixed else None
            regions = _filter_by_title(regions, title)
            found.append(_Place(start, end, text[start:end], regions, prefixed or is_province, title))
        i += n
    return found


def _filter_by_title(regions: tuple[Region, ...], title: str | None) -> tuple[Region, ...]:
    """Context decides: "Bupati Kupang" is the kabupaten, "Wali Kota Kupang" the kota."""
    if not title:
        return regions
    t = title.lower().replace(" ", "")
    wanted = ("provinsi" if any(w in t for w in ("gubernur", "wagub", "pemprov"))
              else "kota" if any(w in t for w in ("walikota", "wawali", "pemkot")) else "kabupaten")
    narrowed = tuple(r for r in regions if r.level == wanted)
    return narrowed or regions


def _places_in(doc: _Doc, start: int, end: int) -> list[_Place]:
    return [p for p in doc.places if start <= p.start and p.end <= end]


def _whole_place(doc: _Doc, start: int, end: int) -> _Place | None:
    """The place mention that is the whole of text[start:end] (punctuation aside), if any."""
    piece = doc.text[start:end]
    lead = len(piece) - len(piece.lstrip(" ,.-–—"))
    trail = len(piece) - len(piece.rstrip(" ,.-–—"))
    s, e = start + lead, end - trail
    for p in doc.places:
        if p.start == s and p.end == e:
            return p
    return None


def _region_name(code: str | None) -> str | None:
    region = regions_by_code().get(code or "")
    return region.name if region else None


def _describe(regions: set[str]) -> str:
    return " or ".join(f"{_region_name(c)} ({c})" for c in sorted(regions))


# --------------------------------------------------------------------------- #
# Dateline and outlet
# --------------------------------------------------------------------------- #

_DATELINE = re.compile(r"\s*(?P<head>[^\n]{2,80}?)\s*(?:[–—]+|\s-+|-+\s|-+(?=[A-Z]))\s*")


def _dateline(doc: _Doc) -> None:
    """ "BALANGANEWS, PALANGKA RAYA – ...", "Oelamasi, swaratimor.co.id – ...", "Sangatta – ...".

    The head of the first paragraph, before the dash, names the outlet and/or the
    place the report was filed from. A part that is wholly a gazetteer name is
    the place; anything else is the outlet, whose own place names ("DINAS
    KOMINFO KAB. BELU") say nothing about the meeting.
    """
    m = _DATELINE.match(doc.text, doc.body_start)
    if not m:
        return
    head_start, head_end = m.start("head"), m.end("head")
    head = m.group("head")
    if len(head.split()) > 8 or re.search(r"\b(?:yang|dan|di|ini|akan|telah)\b", head):
        return
    parts, pos = [], head_start
    for part in head.split(","):
        parts.append((pos, pos + len(part)))
        pos += len(part) + 1
    if not all(_capitalised(doc.text[s:e].strip()) or "." in doc.text[s:e] for s, e in parts):
        return
    doc.dateline = (head_start, head_end)
    for s, e in parts:
        place = _whole_place(doc, s, e)
        if place is not None and not place.is_province:
            doc.dateline_places.append(place)
        elif place is None:
            doc.outlet_spans.append((s, e))


# --------------------------------------------------------------------------- #
# Dates
# --------------------------------------------------------------------------- #

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


# --------------------------------------------------------------------------- #
# Title and kind
# --------------------------------------------------------------------------- #

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
    if w.startswith(("rapat koordinasi", "rakor")):
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
    first = _MEETING.search(doc.text)
    if first:
        result.kind = _meeting_kind(first.group("k"))
        result.evidence["kind"] = doc.snippet(first.start(), first.end())


# --------------------------------------------------------------------------- #
# Organiser and opener
# --------------------------------------------------------------------------- #

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


# --------------------------------------------------------------------------- #
# Figures: participants, cooperatives
# --------------------------------------------------------------------------- #

_NUMBER = r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)(?![.,]?\d)"
_PARTICIPANTS = [re.compile(p, re.IGNORECASE) for p in (
    rf"\bpeserta\b[^.\n]{{0,80}}?\b(?:berjumlah|sebanyak|sejumlah|mencapai|total)\s*:?\s*"
    rf"(?:sekitar\s+|kurang\s+lebih\s+|±\s*)?{_NUMBER}\s*(?:orang|peserta)?",
    rf"\b(?:diikuti|dihadiri)\s+(?:oleh\s+)?(?:sebanyak\s+|sekitar\s+|kurang\s+lebih\s+|±\s*)?{_NUMBER}\s*"
    rf"(?:orang|peserta)\b",
    rf"\bjumlah\s+peserta\s+(?:sebanyak\s+|berjumlah\s+|ada\s+|:\s*)?{_NUMBER}",
    rf"(?<![\d.]){_NUMBER}\s+(?:orang\s+)?peserta\b",
)]


def _number(text: str) -> int:
    return int(text.replace(".", ""))


def _fill_participants(doc: _Doc, result: Extraction) -> None:
    """Headcount only when the text ties a number to "peserta" or "diikuti/dihadiri"
    ("1 orang, duduk" in a photo caption is not an attendance)."""
    hits = [m for p in _PARTICIPANTS for m in p.finditer(doc.text, doc.body_start)]
    if hits:
        m = min(hits, key=lambda h: h.start())
        result.participants = _number(m.group("n"))
        result.evidence["participants"] = doc.snippet(m.start(), m.end())


_NOT_ACTIVE = r"(?:tidak|tak|non|belum)[\s-]?aktif"
_COOP = r"(?:unit\s+)?koperasi\b"
_COOP_PATTERNS = {
    "total": [
        rf"\b(?:berjumlah|sebanyak|sejumlah|total|terdapat|tercatat|ada|mencapai)\s+{_NUMBER}\s+{_COOP}"
        rf"(?!\s+(?:yang\s+)?(?:masih\s+|sudah\s+|dalam\s+kondisi\s+|berstatus\s+)?(?:{_NOT_ACTIVE}|aktif))",
        rf"\bjumlah\s+koperasi\b[^.\n]{{0,60}}?\b(?:sebanyak|berjumlah|mencapai|ada|sebesar|yakni|yaitu|:)\s*{_NUMBER}",
    ],
    "active": [
        rf"{_NUMBER}\s+{_COOP}\s+(?:yang\s+)?(?:masih\s+|dalam\s+kondisi\s+|berstatus\s+)?aktif\b",
        rf"\bkoperasi\s+(?:yang\s+)?aktif\s+(?:sebanyak|berjumlah|sejumlah|ada|mencapai|:)\s*{_NUMBER}",
    ],
    "inactive": [
        rf"{_NUMBER}\s+{_COOP}\s+(?:yang\s+)?(?:dalam\s+kondisi\s+|berstatus\s+)?{_NOT_ACTIVE}\b",
        rf"\bkoperasi\s+(?:yang\s+)?{_NOT_ACTIVE}\s+(?:sebanyak|berjumlah|sejumlah|ada|mencapai|:)\s*{_NUMBER}",
    ],
}


def _fill_cooperatives(doc: _Doc, result: Extraction) -> None:
    """ "berjumlah 401 koperasi", "157 koperasi yang aktif", "244 koperasi tidak aktif".

    Kept as reported: if active + inactive ≠ total the record says so in a
    warning instead of correcting a number.
    """
    counts = CooperativeCounts()
    spans: list[tuple[int, int]] = []
    for key, patterns in _COOP_PATTERNS.items():
        hits = [m for p in patterns for m in re.finditer(p, doc.text, re.IGNORECASE)]
        if hits:
            m = min(hits, key=lambda h: h.start())
            setattr(counts, key, _number(m.group("n")))
            spans.append((m.start(), m.end()))
    if not spans:
        return
    result.cooperatives = counts
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    result.evidence["cooperatives"] = (doc.snippet(start, end) if end - start <= SNIPPET_MAX
                                       else doc.snippet(*spans[0]))
    if None not in (counts.total, counts.active, counts.inactive) and \
            counts.active + counts.inactive != counts.total:
        result.warnings.append(f"cooperative counts do not add up: {counts.active} active + "
                               f"{counts.inactive} inactive ≠ {counts.total} total")


# --------------------------------------------------------------------------- #
# Pokja stage and sectors
# --------------------------------------------------------------------------- #

_POKJA = re.compile(
    r"\b(?:pokja|kelompok\s+kerja|satgas|satuan\s+tugas|gugus\s+tugas|tim\s+terpadu|ltsa)\b", re.IGNORECASE
)
_STAGE_PATTERNS = (
    ("belum_dibentuk", re.compile(r"\bbelum\s+(?:di\s?bentuk|terbentuk|membentuk|memiliki|punya|ada)\b", re.I)),
    ("terbentuk", re.compile(
        r"\b(?:telah|sudah)\s+(?:di\s?bentuk|terbentuk|membentuk|dikukuhkan|dilantik)\b"
        r"|\b(?:SK|surat\s+keputusan)\b[^.\n]{0,80}?\bpembentukan\b|\bpengukuhan\b|\bdikukuhkan\b", re.I)),
    ("persiapan", re.compile(
        r"\b(?:rapat\s+teknis|rencana|persiapan|akan\s+dibentuk|akan\s+membentuk|proses|tahap)\s+"
        r"(?:pembentukan|dibentuk)\b|\bpembentukan\b", re.I)),
)


def _fill_pokja(doc: _Doc, result: Extraction) -> None:
    """Stage of the task force the report is about, only in sentences that name one.

    "wajib membentuk Pokja" (an obligation) says nothing about the stage; "rapat
    teknis pembentukan Pokja" is preparation; "telah dibentuk"/"SK ...
    pembentukan" is formed.
    """
    stages: dict[str, tuple[int, int]] = {}
    for s_start, s_end in doc.sentences:
        sentence = doc.text[s_start:s_end]
        if not _POKJA.search(sentence):
            continue
        for stage, pattern in _STAGE_PATTERNS:
            m = pattern.search(sentence)
            if m:
                stages.setdefault(stage, (s_start + m.start(), s_start + m.end()))
                break
    if not stages:
        return
    stage = min(stages, key=lambda k: stages[k][0])
    result.pokja_stage = stage
    result.evidence["pokja_stage"] = doc.snippet(*stages[stage])
    if len(stages) > 1:
        result.warnings.append(f"several Pokja stages mentioned ({', '.join(sorted(stages))}); took '{stage}'")


_SECTOR_PATTERNS = {
    "koperasi": re.compile(r"\b(?:koperasi|perkoperasian)\b", re.I),
    "ketenagakerjaan": re.compile(
        r"ketenagakerjaan|\btenaga\s+kerja\b(?!\s+indonesia)|kesempatan\s+kerja|pasar\s+kerja|pelatihan\s+kerja|"
        r"pengangguran|hubungan\s+industrial|lowongan\s+kerja|angkatan\s+kerja|\bnaker\b|upah\s+minimum|"
        r"keselamatan\s+kerja", re.I),
    "transmigrasi": re.compile(r"\b(?:ke)?transmigrasi(?:an)?\b|\btransmigran\b", re.I),
    "perlindungan_pmi": re.compile(
        r"pekerja\s+migran|buruh\s+migran|\bc?pmi\b|\btk[iw]\b|tenaga\s+kerja\s+indonesia|perlindungan\s+pekerja|"
        r"\bbp[23]mi\b|human\s+traf+ick?ing|perdagangan\s+orang|\btppo\b|non\s?-?prosedural", re.I),
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


# --------------------------------------------------------------------------- #
# Where: venue, city, regency, province, level
# --------------------------------------------------------------------------- #

_VENUE_WORDS = (
    r"aula|hotel|gedung|ruang|ruangan|kantor|balai|pendopo|pendapa|lantai|graha|wisma|rumah\s+jabatan|rujab|"
    r"auditorium|convention|resort|restoran|rumah\s+makan|kampus|mess|lt\.|hall|ballroom|sekretariat"
)
_VENUE_TRIGGER = re.compile(
    rf"\b(?:bertempat|berlangsung|digelar|dilaksanakan|diadakan|diselenggarakan|dipusatkan)\s+di\s*"
    rf"|\bdi\s*(?=(?:{_VENUE_WORDS})\b)",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"\s*(?:Jalan|Jl\.?|Jln\.?|Kelurahan|Kel\.|Desa|Kecamatan|Kec\.|RT|RW|No\.?)\s", re.I)
_VENUE_START = re.compile(rf"(?:{_VENUE_WORDS})\b", re.IGNORECASE)
_VENUE_END = re.compile(
    r"[;:!?(\"“\n]|\s(?:pada|yang|dengan|selama|mulai|untuk|dalam\s+rangka|sejak|sekaligus|serta|oleh)\b"
)


@dataclass
class _Venue:
    venue: str | None = None
    venue_span: tuple[int, int] | None = None
    city: _Place | None = None
    places: list[_Place] = field(default_factory=list)


def _find_venue(doc: _Doc) -> _Venue:
    """ "bertempat di Aula Hotel Matahari-Atambua, Kabupaten Belu" → venue, city, places.

    The phrase after the trigger runs to the end of the clause; its first comma
    part is the venue (a place name at its end is the city: "Hotel Royal
    Victoria Sangatta"), following parts count only while they are places
    ("Palangka Raya", "Kabupaten Belu"). "Kantor Bupati Belu" keeps Belu in the
    venue's name — the office is Belu's — but Belu still places it.
    """
    for trigger in _VENUE_TRIGGER.finditer(doc.text, doc.body_start):
        s_end = doc.sentence_at(trigger.start())[1]
        end = _VENUE_END.search(doc.text, trigger.end(), s_end)
        phrase_end = min(end.start() if end else s_end, trigger.end() + 160)
        parts, pos = [], trigger.end()
        for part in doc.text[trigger.end():phrase_end].split(","):
            parts.append((pos, pos + len(part)))
            pos += len(part) + 1
        first_s, first_e = parts[0]
        first = doc.text[first_s:first_e].strip().rstrip(".")
        if not first:
            continue
        found = _Venue()
        whole = _whole_place(doc, first_s, first_e)
        if whole is not None:
            found.places.append(whole)
        elif _VENUE_START.match(first) or (_capitalised(first) and len(first.split()) <= 8
                                            and not trigger.group().lower().startswith("di")):
            inner = [p for p in _places_in(doc, first_s, first_e) if not p.is_province]
            lead = len(doc.text[first_s:first_e]) - len(doc.text[first_s:first_e].lstrip())
            venue_start, venue_end = first_s + lead, first_s + lead + len(first)
            if inner and inner[-1].end >= venue_end - 1 and inner[-1].start > venue_start:
                last = inner[-1]
                found.places.append(last)
                if last.title is None:
                    venue_end = last.start
            found.venue = doc.text[venue_start:venue_end].strip(" -–—,")
            found.venue = found.venue[:1].upper() + found.venue[1:]
            found.venue_span = (venue_start, venue_end)
        else:
            continue
        for s, e in parts[1:]:
            place = _whole_place(doc, s, e)
            if place is None:
                if _ADDRESS.match(doc.text[s:e]):  # "Jalan Kesuma Bangsa, Samarinda": skip the street
                    continue
                break
            found.places.append(place)
        found.city = next((p for p in found.places if p.title is None and not p.is_province
                           and not p.kabupaten_prefixed), None)
        return found
    return _Venue()


def _intersect(places: list[_Place]) -> set[str]:
    """Regencies every regency-level place agrees on; provinces only narrow the choice."""
    sets = [p.regency_codes for p in places if p.regency_codes]
    if not sets:
        return set()
    common = set.intersection(*sets) or sets[0]
    provinces = {r.code for p in places if p.is_province for r in p.regions}
    narrowed = {c for c in common if not provinces or c[:2] in provinces}
    return narrowed or common


_TINGKAT = re.compile(r"\b(?:tingkat|se-?)\s*$", re.IGNORECASE)
_LEVEL_PATTERNS = (
    (re.compile(r"\btingkat\s+(?:nasional|pusat)\b", re.I), "nasional"),
    (re.compile(r"\btingkat\s+(?:provinsi|prov\.)", re.I), "provinsi"),
    (re.compile(r"\btingkat\s+(?:kabupaten|kab\.|kota)", re.I), "kabupaten_kota"),
)


def _fill_place(doc: _Doc, result: Extraction) -> None:
    """Venue and city (where it sat) apart from the regency it concerns.

    "rapat koordinasi koperasi tingkat Kabupaten Kupang ... di Hotel Neo Aston
    Kota Kupang" sat in Kota Kupang but is about Kab. Kupang. A name that stays
    ambiguous ("Kupang": 53.01 or 53.71) leaves the regency empty with a warning.
    """
    venue = _find_venue(doc)
    if venue.venue:
        result.venue = venue.venue
        result.evidence["venue"] = doc.snippet(*venue.venue_span)
    city = venue.city
    if city is None and doc.dateline_places:
        # The dateline names where the report was filed: a fair city only when the
        # venue names no place or one the dateline agrees with ("Kantor Bupati Sikka" / "MAUMERE").
        filed = doc.dateline_places[0]
        if not venue.places or filed.regency_codes & _intersect(venue.places):
            city = filed
            venue.places.append(filed)
    if city is not None:
        result.city = city.text.title() if city.text.isupper() else city.text
        result.evidence["city"] = doc.snippet(city.start, city.end)
        if city in doc.dateline_places:
            result.warnings.append(f"city '{result.city}' taken from the dateline (where the report was filed)")

    venue_spans = [(p.start, p.end) for p in venue.places]
    used = [p for p in doc.places if not doc.in_outlet(p.start) and (p.start, p.end) not in venue_spans]
    named = [p for p in used if (p.explicit or p.title) and not p.is_province and len(p.regency_codes) == 1]

    # The regency the meeting is about: "tingkat Kabupaten X", or the organiser's own regency.
    subject = next((p for p in named if _TINGKAT.search(doc.text[max(0, p.start - 12):p.start])), None)
    if subject is None and result.organizer:
        org_start = doc.text.find(result.organizer)
        org_places = _places_in(doc, org_start, org_start + len(result.organizer)) if org_start >= 0 else []
        if org_places and not org_places[0].is_province and len(org_places[0].regency_codes) == 1:
            subject = org_places[0]

    venue_regencies = _intersect(venue.places)
    regency: str | None = None
    if subject is not None:
        regency = next(iter(subject.regency_codes))
        result.evidence["regency_code"] = doc.snippet(subject.start, subject.end)
    elif len(venue_regencies) == 1:
        regency = next(iter(venue_regencies))
        where = next(p for p in venue.places if regency in p.regency_codes)
        result.evidence["regency_code"] = doc.snippet(where.start, where.end)
    elif len(venue_regencies) > 1:
        where = next(p for p in venue.places if len(p.regency_codes) > 1)
        result.warnings.append(f"ambiguous place '{where.text}': {_describe(venue_regencies)} — "
                               "regency left empty")
    elif not venue.places and len({next(iter(p.regency_codes)) for p in named}) == 1:
        regency = next(iter(named[0].regency_codes))
        result.evidence["regency_code"] = doc.snippet(named[0].start, named[0].end)
    result.regency_code = regency
    result.regency_name = _region_name(regency)

    involved = {next(iter(p.regency_codes)) for p in named}
    if regency:
        involved.add(regency)
    result.regencies_involved = sorted(involved)
    if involved:
        other = next((p for p in named if next(iter(p.regency_codes)) != regency), None)
        result.evidence["regencies_involved"] = (doc.snippet(other.start, other.end) if other
                                                 else result.evidence.get("regency_code"))

    _fill_province(doc, result, venue, venue_regencies, used)
    _fill_level(doc, result, named)


def _fill_province(doc: _Doc, result: Extraction, venue: _Venue, venue_regencies: set[str],
                   used: list[_Place]) -> None:
    """The regency's province; else the one the venue's candidates share; else the organiser's,
    the title's, or the province the text names most."""
    provinces = [p for p in used if p.is_province]
    stated = None
    for text in (result.organizer, result.title):
        if text and stated is None:
            pos = doc.text.find(text)
            stated = next((p for p in provinces if pos >= 0 and pos <= p.start < pos + len(text)), None)
    code, where = None, None
    if result.regency_code:
        code = result.regency_code[:2]
        where = result.evidence.get("regency_code")
        if stated is not None and stated.regions[0].code != code:
            result.warnings.append(f"the meeting is held in {_region_name(result.regency_code)} but named for "
                                   f"{stated.regions[0].name}")
    elif venue_regencies and len({c[:2] for c in venue_regencies}) == 1:
        code = next(iter(venue_regencies))[:2]
        where = result.evidence.get("city")
    elif stated is not None:
        code, where = stated.regions[0].code, doc.snippet(stated.start, stated.end)
    elif provinces:
        counts = Counter(p.regions[0].code for p in provinces if len(p.regions) == 1)
        if counts:
            code = counts.most_common(1)[0][0]
            first = next(p for p in provinces if p.regions[0].code == code)
            where = doc.snippet(first.start, first.end)
    if code is None:
        return
    result.province_code = code
    result.province_name = _region_name(code)
    result.evidence["province_code"] = where


def _fill_level(doc: _Doc, result: Extraction, named: list[_Place]) -> None:
    """ "tingkat Provinsi" / "tingkat Kabupaten/Kota" as written; else "se-<province>"; else the
    organiser's level (a provincial office → provinsi)."""
    hits = [(m.start(), m.end(), level) for pattern, level in _LEVEL_PATTERNS for m in pattern.finditer(doc.text)]
    if hits:
        start, end, level = min(hits)
        result.level, result.evidence["level"] = level, doc.snippet(start, end)
        return
    se = re.search(r"\bse\s*[-–]\s*(?:provinsi\b|(?=[A-Z]))", doc.text)
    if se:
        after = next((p for p in doc.places if p.start >= se.end() and p.start - se.end() <= 2), None)
        if re.match(r"se\s*[-–]\s*provinsi", se.group(), re.I) or (after is not None and after.is_province):
            result.level, result.evidence["level"] = "provinsi", doc.snippet(se.start(), se.end() + 20)
            return
    if result.organizer:
        org = result.organizer
        pos = doc.text.find(org)
        inside = _places_in(doc, pos, pos + len(org)) if pos >= 0 else []
        if re.search(r"\b(?:Provinsi|Prov\.|Pemprov)", org) or (inside and inside[0].is_province):
            result.level = "provinsi"
        elif re.search(r"\b(?:Kabupaten|Kab\.|Kota|Pemkab|Pemkot)\b", org) or inside:
            result.level = "kabupaten_kota"
        if result.level:
            result.evidence["level"] = result.evidence.get("organizer")


# --------------------------------------------------------------------------- #
# The extractor
# --------------------------------------------------------------------------- #


def _prepare(text: str) -> _Doc:
    """One pass over the text for what every rule shares."""
    body_start, headline = _header(text)
    doc = _Doc(text=text, sentences=_sentence_spans(text), body_start=body_start, headline=headline)
    doc.places = _place_mentions(text)
    doc.dates = _date_mentions(text)
    _dateline(doc)
    return doc


def _derive_evidence(result: Extraction) -> None:
    """Fields that follow from another share its snippet; a field with no value has none."""
    ev = result.evidence
    ev.setdefault("date_text", ev.get("date"))
    if not result.date_inferred:
        ev["date_inferred"] = ev.get("date")
    ev["regency_name"] = ev.get("regency_code")
    ev["province_name"] = ev.get("province_code")
    for key in EVIDENCE_KEYS:
        value = getattr(result, key)
        if value is None or value == [] or (key == "date_inferred" and result.date is None):
            ev[key] = None
        elif ev.get(key) and len(ev[key]) > SNIPPET_MAX:
            ev[key] = ev[key][:SNIPPET_MAX]


def extract(text: str, *, published_on: dt.date | None = None) -> Extraction:
    """Propose a meeting record from a report's text (see the module docstring).

    ``published_on``, when the caller knows it, anchors a date written without
    its year ("Senin (3/6)"). Pass text from ``read_document`` (line endings
    already ``\n``); non-breaking spaces count as spaces.
    """
    doc = _prepare(text)  # the text is not rewritten: every evidence snippet is a verbatim part of it
    result = Extraction()
    if doc.outlet_spans:
        result.outlet = ", ".join(text[s:e].strip() for s, e in doc.outlet_spans)
        result.evidence["outlet"] = doc.snippet(*doc.outlet_spans[0])
    _fill_title(doc, result)
    _fill_dates(doc, result, published_on)
    _fill_organizer(doc, result)
    _fill_place(doc, result)
    _fill_opened_by(doc, result)
    _fill_participants(doc, result)
    _fill_cooperatives(doc, result)
    _fill_pokja(doc, result)
    _fill_sectors(doc, result)
    assert result.kind is None or result.kind in MEETING_KINDS
    assert result.pokja_stage is None or result.pokja_stage in POKJA_STAGES
    _derive_evidence(result)
    return result


# --------------------------------------------------------------------------- #
# Command line
# --------------------------------------------------------------------------- #


def _summary(d: dict) -> str:
    """A few readable lines per file for a person at a terminal."""
    opened = d["opened_by"]
    coops = d["cooperatives"]
    lines = [
        f"== {d['file']}",
        f"  title:        {d['title'] or '-'}",
        f"  date:         {d['date'] or '-'}  (as written: {d['date_text'] or '-'}"
        f"{', year inferred' if d['date_inferred'] else ''}"
        f"{', weekday mismatch' if d['weekday_ok'] is False else ''})",
        f"  venue:        {d['venue'] or '-'}; city: {d['city'] or '-'}",
        f"  regency:      {d['regency_code'] or '-'} {d['regency_name'] or ''}".rstrip(),
        f"  province:     {d['province_code'] or '-'} {d['province_name'] or ''}".rstrip(),
        f"  organizer:    {d['organizer'] or '-'}",
        f"  opened by:    {(opened['name'] or '-') + ' / ' + (opened['role'] or '-') if opened else '-'}",
        f"  participants: {d['participants'] if d['participants'] is not None else '-'}",
        f"  sectors:      {', '.join(d['sectors']) or '-'}",
        f"  cooperatives: {coops if coops else '-'}",
        f"  pokja stage:  {d['pokja_stage'] or '-'}",
        f"  regencies:    {', '.join(d['regencies_involved']) or '-'}",
        f"  kind/level:   {d['kind'] or '-'} / {d['level'] or '-'}",
    ]
    lines += [f"  ! {w}" for w in d["warnings"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.extract",
                                     description="Propose meeting records from news reports (.txt, .html).")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")
    parser.add_argument("--published-on", type=dt.date.fromisoformat, default=None,
                        help="publication date (YYYY-MM-DD) to anchor dates written without a year")
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    status = 0
    for name in args.files:
        try:
            text = read_document(Path(name).read_bytes(), name)
        except OSError as exc:
            print(f"{name}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
            continue
        result = extract(text, published_on=args.published_on)
        result.file = name
        data = result.to_dict()
        print(json.dumps(data, ensure_ascii=False) if args.json else _summary(data), flush=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
