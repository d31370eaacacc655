"""The text model every rule shares: sentences, the header (headline, byline), the dateline, snippets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.dates import _DateMention
    from ingest.places import _Place

SNIPPET_MAX = 200


# Tokens before a full stop that do not end a sentence ("Kab. Belu", "Drs. J. T. Ose Luan").
_ABBREVIATIONS = {
    "kab", "prov", "kec", "kel", "ds", "jl", "jln", "no", "dr", "drs", "dra", "ir", "h", "hj", "prof",
    "plt", "plh", "pj", "st", "sh", "se", "mm", "ma", "msi", "si", "sp", "spd", "mpd", "sos", "kom", "ak",
    "dll", "dsb", "tsb", "bpk", "sdr", "yth", "lt", "tgl", "pt", "cv", "tbk", "kep", "rp", "ttd", "mt",
    "mh", "mph", "mkes", "skm", "sip", "ap", "map", "ssos", "sstp", "ip", "sth", "spt",
    "ch", "muh", "moh", "moch", "mochd", "muhd", "abd", "hm", "kh", "ny",  # in names: "Agustinus Ch. Dula", "Muh. Arifin"
}
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|\n+")
_BULLET = re.compile(r"^\s*[•*·▪●◦‣-]")
# A byline or dateline row, not a headline: a clock time, "WIB", "|" separators, a numeric date.
_BYLINE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\bWI(?:B|TA|T)\b|\||\b\d{1,2}/\d{1,2}/\d{2,4}\b")
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
    teasers: list[tuple[int, int]] = field(default_factory=list)
    english: bool = False
    dateline_outlets: list[tuple[int, int]] = field(default_factory=list)
    office_spans: list[tuple[int, int]] = field(default_factory=list)  # "Kantor Imigrasi Pati" (ingest.offices)

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

    def in_office(self, pos: int) -> bool:
        """Inside an office's name ("Polres Sikka"): its place does not place the report (``ingest.offices``)."""
        return any(s <= pos < e for s, e in self.office_spans)

    def in_teaser(self, pos: int) -> bool:
        """Inside a "Baca juga: ..." line (a link to another report)."""
        return any(s <= pos < e for s, e in self.teasers)

    def about_the_meeting(self, pos: int) -> bool:
        """Text that can say where the meeting was or what it was about: the headline and the body,
        not a byline, an outlet's name or a teaser for another report."""
        in_header = pos < self.body_start and not (self.headline and self.headline[0] <= pos < self.headline[1])
        return not (in_header or self.in_outlet(pos) or self.in_teaser(pos))


# Lines that point to other reports: their places and dates are not this meeting's.
_TEASER = re.compile(r"(?:^|(?<=[.!?\"”]\s))[ \t]*(?:baca\s+juga|simak\s+juga|lihat\s+juga|berita\s+terkait|read\s+also|also\s+read|"
                     r"see\s+also|read\s+next|artikel\s+terkait|berita\s+lainnya|baca\s+berikutnya|related\s+news)\b[^\n]*", re.IGNORECASE | re.MULTILINE)
# Outlets named after a place: "The Jakarta Post", "Pos Kupang", "Tribun Manado", "TRIBUNMANADO.CO.ID",
# "Radar Malang", "Lombok Post", "(ANTARA)". The place in an outlet's name says nothing about the meeting.
_OUTLET_NAME = re.compile(
    r"\b(?:The\s+)?(?:[A-Z][a-z]+\s+){0,2}(?:Post|Pos|Globe|Times|Tribune|Ekspres|Express|Xpress|News|Today|"
    r"Online|Daily|Herald)\b"
    r"|\b(?:Pos|Tribun|Radar|Harian|Suara|Warta|Kabar|Koran|Berita|Media|Info|Metro|Jurnal|Portal|Sindo|"
    r"Pikiran\s+Rakyat|Serambi|Fajar|Sriwijaya\s+Post|Antara|iNews|TVRI|RRI)\s+"
    r"(?!(?:Kabupaten|Kab|Kota|Provinsi|Prov|Center|Centre|Desa|Kecamatan|Daerah)\b)(?:[A-Z][a-z]+|[A-Z]{2,})\b"
    r"|\b[\w-]+\.(?:co\.id|com|id|net|news|or\.id|go\.id)\b"
    r"|\((?:ANTARA|Antara|AntaraNews)\)|\bANTARA\b|\bREPUBLIKA\b",
)
_ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|said|was|were|is|are|has|have|on|with|which|their|its)\b")
_INDONESIAN_WORDS = re.compile(r"\b(?:yang|dan|di|dari|dengan|ini|itu|untuk|pada|dalam|oleh|akan)\b")


def _list_after(text: str, m: re.Match) -> int:
    """Where a teaser ends: a heading alone on its line ("Berita Terkait", "Read Next:") goes on over the
    list lines under it (short lines, or lines starting with "-"/"•"), up to a blank line or a long line."""
    if len(m.group().strip(" \t:")) > 25:
        return m.end()
    end = m.end()
    for line in re.finditer(r"\n([^\n]*)", text[end:]):
        body = line.group(1).strip()
        if not body or (len(body) > 120 and not body.startswith(("-", "•"))):
            break
        end = m.end() + line.end()
    return end


# A photo caption: a line ending in its credit ("... Senin (27/10/2025).(DOK. Kemendagri)", "(MI/REZA SUNARYA)",
# "Dok. mmckobar |"). It describes a picture, maybe of another event: its places and dates are not proposed
# (issue 19, locked4 P15: a caption's "Kabupaten Sumedang ... Senin (27/10/2025)" taken over the report's own).
# So is a line opening with an upper-case label ("HARUS RAT: Koperasi yang berada di Tanjung Selor …", "RAPAT: …").
_CAPTION = re.compile(r"^[^\n]*(?:\((?:DOK|Dok|dok|FOTO|Foto|foto|Istimewa|ist|IST)\b[^)\n]*\)|\([A-Z]{2,}/[A-Z][A-Z .]+\)|"
                      r"\bDok\.\s+\S+\s*\|?)[ \t]*$|^[ \t]*[A-Z]{3,}(?:[ \t]+[A-Z]{2,}){0,3}:[ \t][^\n]*$", re.MULTILINE)


def _mark_outlets_and_teasers(doc: _Doc) -> None:
    """Outlet names anywhere, teaser lines and photo captions, and whether the report is written in English."""
    doc.teasers = [(m.start(), _list_after(doc.text, m)) for m in _TEASER.finditer(doc.text)]
    doc.teasers += [(m.start(), m.end()) for m in _CAPTION.finditer(doc.text)]
    doc.outlet_spans += [(m.start(), m.end()) for m in _OUTLET_NAME.finditer(doc.text)]
    doc.english = len(_ENGLISH_WORDS.findall(doc.text)) > len(_INDONESIAN_WORDS.findall(doc.text))


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
        and not _BULLET.match(text[s:e]) and not _BOILERPLATE.match(text[s:e]) and not _BYLINE.search(text[s:e])
    ]
    if not candidates:
        return body_start, None
    s, e = max(candidates, key=lambda span: span[1] - span[0])
    while s < e and text[s].isspace():
        s += 1
    return body_start, (s, e)


_DATELINE = re.compile(r"\s*(?P<head>[^\n]{2,80}?)\s*(?:[–—]+|\s-+|-+\s|-+(?=[A-Z]))\s*")
_WIRE = re.compile(r"\s*\((?P<wire>[^()]{2,30})\)\s*$")


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
    wire = _WIRE.search(head)  # "Pontianak (ANTARA)", "Bogor, W Java (ANTARA)": the wire is the outlet
    if wire:
        doc.outlet_spans.append((head_start + wire.start("wire"), head_start + wire.end("wire")))
        s, _e = parts[-1]
        parts[-1] = (s, head_start + wire.start())
    for s, e in parts:
        place = _whole_place(doc, s, e)
        if place is not None and not place.is_province:
            doc.dateline_places.append(place)
        elif place is None and not wire:
            doc.outlet_spans.append((s, e))


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


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
