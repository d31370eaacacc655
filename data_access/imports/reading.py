"""Reading real-world files into rows of text. Pure: no database.

- ``read_table(data, filename)``: CSV (UTF-8, UTF-8 with BOM, UTF-16 with BOM or
  Windows-1252, detected with charset-normalizer; ``,`` ``;`` tab or ``|`` sniffed
  from the header) or XLSX (size-capped, zip-bomb and XML-entity checked, opened
  read-only; every cell is taken as text and formulas are never evaluated — a
  formula cell comes back as ``FormulaCell`` so validation can refuse it).

The text becomes values in ``parsing``. Errors are ``parsing.FileError`` (the whole file),
a code and values rendered by ``messages.text``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

import charset_normalizer

from data_access.imports.parsing import FileError, clean, header_key

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ROWS = 300_000
DELIMITERS = (",", ";", "\t", "|")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


class FormulaCell(str):
    """The text of an XLSX formula cell ("=SUM(B2:B9)"): shown, never evaluated, refused."""


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells as text)
    file_type: str  # "csv" | "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)
    header_row: int = 1
    raw_headers: list[str] = field(default_factory=list)  # as written (line breaks kept)

    def grid(self) -> list[tuple[int, list[str]]]:
        """Every non-empty row as read, the first one included (layouts find the real header)."""
        return [(self.header_row, self.raw_headers or self.headers), *self.rows]


# --- decoding and CSV ----------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``: BOMs first, then charset-normalizer limited to UTF-8 and
    Windows-1252 (the two encodings Indonesian spreadsheets are saved in; an open guess
    picks look-alike code pages such as cp1250 for short files)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    best = charset_normalizer.from_bytes(data, cp_isolation=["utf_8", "cp1252"]).best()
    candidates = [best.encoding] if best is not None else []
    candidates += ["utf_8", "cp1252"]
    for encoding in candidates:
        try:
            return data.decode(encoding), "utf-8" if encoding == "utf_8" else encoding
        except UnicodeDecodeError:
            continue
    raise FileError("undecodable")


def _records(text: str, delimiter: str, limit: int | None = None) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out = []
    for record in reader:
        if any(cell.strip() for cell in record):
            out.append(record)
            if limit and len(out) >= limit:
                break
    return out


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header into the most columns while the next rows
    agree on that count (most rows of Indonesian Excel exports use ``;``)."""
    best, best_score = ",", (0, 0.0)
    for delimiter in DELIMITERS:
        sample = _records(text, delimiter, limit=30)
        if not sample or len(sample[0]) < 2:
            continue
        width = len(sample[0])
        body = sample[1:]
        agree = sum(1 for r in body if len(r) == width) / len(body) if body else 1.0
        score = (1 if agree >= 0.6 else 0, agree * width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes) -> Table:
    text, encoding = decode(data)
    text = text.lstrip("\ufeff")
    delimiter = None
    first_line, _, rest = text.partition("\n")
    if first_line.strip().lower().startswith("sep=") and len(first_line.strip()) == 5:  # Excel's hint
        delimiter, text = first_line.strip()[4], rest
    delimiter = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, record in enumerate(reader, start=1):
        if not any(cell.strip() for cell in record):
            continue
        if headers is None:
            headers, raw, header_row = [clean(h) for h in record], record, number
            continue
        rows.append((number, record))
        if len(rows) > MAX_ROWS:
            raise FileError("too_many_rows", limit=f"{MAX_ROWS:,}".replace(",", "."))
    if headers is None:
        raise FileError("no_header")
    return Table(headers=headers, rows=rows, file_type="csv", encoding=encoding, delimiter=delimiter,
                 header_row=header_row, raw_headers=list(raw))


# --- XLSX ----------------------------------------------------------------------------------------

def check_xlsx_container(data: bytes) -> None:
    """Refuse zip bombs and XML entity tricks before openpyxl sees the file."""
    buffer = io.BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        raise FileError("xlsx_invalid", detail="not a zip container")
    try:
        with zipfile.ZipFile(buffer) as archive:
            total = 0
            for info in archive.infolist():
                total += info.file_size
                if total > MAX_XLSX_UNCOMPRESSED:
                    raise FileError("xlsx_bomb", size=total // (1024 * 1024),
                                    limit=MAX_XLSX_UNCOMPRESSED // (1024 * 1024))
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    with archive.open(info) as member:
                        head = member.read(4096).upper()
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise FileError("xlsx_entities")
    except zipfile.BadZipFile as error:
        raise FileError("xlsx_invalid", detail=str(error)) from error


def cell_text(value) -> str:
    """One XLSX value as the text a person sees in the cell (dates as ISO dates)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def read_xlsx(data: bytes) -> Table:
    check_xlsx_container(data)
    import openpyxl  # noqa: PLC0415 - only XLSX uploads need it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False,
                                          keep_links=False)
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise FileError("xlsx_invalid", detail=type(error).__name__) from error
    try:
        names = workbook.sheetnames
        wanted = next((n for n in names if header_key(n) in ("data", "impor", "import")), names[0])
        sheet = workbook[wanted]
        sheet.reset_dimensions()  # do not trust the declared size; read the rows present
        headers: list[str] | None = None
        rows: list[tuple[int, list[str]]] = []
        for cells in sheet.iter_rows():
            texts, number = [], None
            for cell in cells:
                if number is None and getattr(cell, "row", None):
                    number = cell.row
                if getattr(cell, "data_type", None) == "f":
                    texts.append(FormulaCell(str(cell.value)))
                else:
                    texts.append(cell_text(cell.value))
            if not any(t.strip() for t in texts):
                continue
            if headers is None:
                headers, raw, header_row = [clean(t) for t in texts], texts, number or 1
                continue
            rows.append((number or len(rows) + 2, texts))
            if len(rows) > MAX_ROWS:
                raise FileError("too_many_rows", limit=f"{MAX_ROWS:,}".replace(",", "."))
    finally:
        workbook.close()
    if headers is None:
        raise FileError("no_header")
    while headers and not headers[-1]:
        headers.pop()
    return Table(headers=headers, rows=rows, file_type="xlsx", sheet=wanted, header_row=header_row,
                 raw_headers=list(raw))


def read_table(data: bytes, filename: str) -> Table:
    """Rows of text from an uploaded file (type from the name, checked against the bytes)."""
    if not data:
        raise FileError("file_empty")
    if len(data) > MAX_FILE_BYTES:
        raise FileError("file_too_large", size=round(len(data) / 1024 / 1024, 1),
                        limit=MAX_FILE_BYTES // (1024 * 1024))
    name = filename.lower()
    if name.endswith(".xls") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileError("xls_old")
    if name.endswith((".xlsx", ".xlsm")) or data.startswith(b"PK\x03\x04"):
        return read_xlsx(data)
    if name.endswith(CSV_SUFFIXES) or "." not in name:
        return read_csv(data)
    raise FileError("file_type", name=filename)
