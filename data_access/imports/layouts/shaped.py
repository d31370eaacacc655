"""What a layout reader hands on: the rows as the kind reads them, and what the preview should say."""

from __future__ import annotations

from dataclasses import dataclass, field

from data_access.imports.parsing import header_key
from data_access.imports.reading import Table
from data_access.imports.rows import RowError

UNIT_HEADERS = ("satuan", "unit", "satuan data")
COUNT_UNITS = ("", "unit", "units", "koperasi", "buah", "cooperatives")


@dataclass
class Shaped:
    """``table``: headers and rows for the kind; ``layout``: ``plain`` | ``titled`` |
    ``satudata_long`` | ``years_as_columns``; ``notes``: (ui text key, values) for the preview;
    ``total_rows``: row numbers that are a province's total (checked against the kab/kota rows);
    ``row_errors``: rows the layout itself refuses (unit, measure); ``kota_written``: normalised
    "kota x" names the file lists (the BPS rule)."""

    table: Table
    layout: str
    notes: list[tuple[str, dict]] = field(default_factory=list)
    total_rows: set = field(default_factory=set)
    row_errors: dict = field(default_factory=dict)
    kota_written: frozenset[str] = frozenset()
    title: str = ""


def check_units(headers: list[str], rows: list[tuple], row_errors: dict) -> str | None:
    """Rows whose unit column ("satuan") is not a count of cooperatives are refused; the header
    of the unit column (then ignored) or ``None``."""
    index = next((i for i, h in enumerate(headers) if header_key(h) in UNIT_HEADERS), None)
    if index is None:
        return None
    for number, cells in rows:
        unit = cells[index] if index < len(cells) else ""
        symbol_only = bool((unit or "").strip()) and not header_key(unit)  # "%", "‰": a share, not a count
        if symbol_only or header_key(unit or "") not in COUNT_UNITS:
            row_errors.setdefault(number, []).append(
                RowError(number, headers[index], unit, "unit_not_count", {"unit": unit}))
    return headers[index]
