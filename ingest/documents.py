"""Reading uploaded documents: bytes in any common encoding, .txt or .html → text."""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

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

