"""CSV and XLSX extracts of exactly the rows on screen, values as values.

- Values stay values: integers as integers (``Int64`` where a value may be
  missing, never ``2025.0``), percentages as numbers with the unit in the header
  ("% aktif"), dates as dates. Pages hand over raw values, not screen text.
- CSV (standard): UTF-8 with BOM, ``,`` between fields, ``.`` as decimal point,
  dates ISO 8601 (``2024-03-01``) — what pandas, R and most tools read.
- CSV for Excel with Indonesian regional settings: ``;`` between fields and
  ``,`` as decimal comma (Excel in Indonesia takes ``,`` as the decimal sign and
  ``;`` as the list separator, as the import templates do), same BOM and dates.
- XLSX: first sheet lists the filters (scope in words, the link parameters, the
  row count and the share of demo rows), second sheet the data; dates are date
  cells shown ``dd/mm/yyyy`` (they sort and filter as dates); Kemendagri codes are
  text cells formatted ``@`` (``53.10`` stays ``53.10``, not the number 53.1; issue 20).
  A CSV cannot say a field is text: the README says how to open its codes as text.
- Every extract whose rows can be synthetic carries a demo column
  (``demo=`` of ``offer``: yes/no per row, or how many demo rows an aggregate holds).
- Column headers in the interface language; file names state scope and date.
- Files are built only when clicked (deferred callables), not on every rerun;
  the callables get plain values, never session state.
"""

from __future__ import annotations

import datetime as dt
import io
import numbers
import re
import unicodedata
from functools import partial

import pandas as pd
import streamlit as st

from data_access import filters as flt
from ui.formatting import number, percent
from ui.i18n import current_language, language, t

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_DATE_FORMAT = "dd/mm/yyyy"
XLSX_TEXT_FORMAT = "@"
# A Kemendagri area code (53, 53.10, 53.10.01, 53.10.01.2001): text, never a number (53.10 ≠ 53.1).
CODE_PATTERN = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


def is_code_column(values: pd.Series) -> bool:
    """True when every present value is a Kemendagri code held as text (``CODE_PATTERN``)."""
    present = values.dropna()
    return ((pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)) and not present.empty
            and all(isinstance(v, str) and CODE_PATTERN.match(v) for v in present))


def _is_date(value) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with object columns of whole numbers as ``Int64`` and of dates as ``datetime64``.

    Floats that are whole numbers held in an object column (``2025.0`` beside a
    missing value) become integers; other columns are left as they are.
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype != object:
            continue
        present = values.dropna()
        if present.empty:
            continue
        if all(isinstance(v, numbers.Number) and not isinstance(v, bool) and float(v).is_integer() for v in present):
            out[column] = pd.array([None if pd.isna(v) else int(v) for v in values], dtype="Int64")
        elif all(_is_date(v) for v in present):
            out[column] = pd.to_datetime(values)
    return out


def _iso_dates(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Standard CSV: UTF-8 with BOM, comma-separated, decimal point, ISO dates."""
    return _iso_dates(typed(frame)).to_csv(index=False).encode("utf-8-sig")


def csv_excel_id_bytes(frame: pd.DataFrame) -> bytes:
    """CSV for Excel with Indonesian regional settings: ``;`` separated, decimal comma, UTF-8 with BOM."""
    return _iso_dates(typed(frame)).to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, filter_rows: list[tuple[str, object]], *, filters_sheet: str = "Filter",
               data_sheet: str = "Data") -> bytes:
    """Filters sheet, then the data with numbers as numbers and dates as ``dd/mm/yyyy`` date cells."""
    data = typed(frame)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl", date_format=XLSX_DATE_FORMAT,
                        datetime_format=XLSX_DATE_FORMAT) as writer:
        pd.DataFrame(filter_rows, columns=[t("xlsx_item"), t("xlsx_value")]).to_excel(
            writer, sheet_name=filters_sheet, index=False)  # a named header row; counts stay numbers
        data.to_excel(writer, sheet_name=data_sheet, index=False)
        sheet = writer.sheets[data_sheet]
        for position, column in enumerate(data.columns, start=1):
            if pd.api.types.is_datetime64_any_dtype(data[column]):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=position, max_col=position):
                    cell.number_format = XLSX_DATE_FORMAT
            elif is_code_column(data[column]):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=position, max_col=position):
                    cell.data_type, cell.number_format = "s", XLSX_TEXT_FORMAT
    return buffer.getvalue()


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80] or "semua"


def file_stem(name: str, scope: str, today: dt.date | None = None) -> str:
    """``pantau-rakor_<name>_<scope>_<YYYY-MM-DD>``."""
    return f"pantau-rakor_{slug(name)}_{slug(scope)}_{(today or dt.date.today()).isoformat()}"


def with_demo(frame: pd.DataFrame, demo: pd.Series | None) -> tuple[pd.DataFrame, int]:
    """``frame`` with its demo column, and how many of its rows hold demo data.

    ``demo``: one value per row of ``frame`` — booleans (the row is synthetic:
    a "Data demo" column of yes/no) or counts (an aggregate holding that many
    synthetic rows: a "Baris demo" integer column); ``None`` when no row can be
    synthetic (no column added).
    """
    if demo is None:
        return frame, 0
    values = pd.Series(demo).reset_index(drop=True)
    if len(values) != len(frame):
        raise ValueError(f"demo has {len(values)} values for {len(frame)} rows")
    out = frame.reset_index(drop=True).copy()
    if pd.api.types.is_bool_dtype(values):
        out[t("col_demo_flag")] = values.map({True: t("demo_yes"), False: t("demo_no")})
        return out, int(values.sum())
    counts = values.fillna(0).astype("int64")
    out[t("col_demo_count")] = counts
    return out, int((counts > 0).sum())


def filter_rows(frame: pd.DataFrame, filters: flt.Filters, scope: str, demo_rows: int) -> list[tuple[str, object]]:
    """The XLSX filters sheet: scope, link parameters, rows, share of rows with demo data, date made."""
    params = "&".join(f"{k}={v}" for k, v in flt.to_params(filters).items())
    share = t("xlsx_demo_share_value", n=number(demo_rows), rows=number(len(frame)),
              p=percent(demo_rows / len(frame)) if len(frame) else "–")
    return [(t("xlsx_scope"), scope), (t("xlsx_link"), params or t("xlsx_link_none")), (t("xlsx_rows"), len(frame)),
            (t("xlsx_demo_share"), share), (t("xlsx_generated"), dt.date.today().isoformat())]


def offer(frame: pd.DataFrame, *, name: str, filters: flt.Filters, scope: str, key: str,
          demo: pd.Series | None) -> None:
    """Three buttons: CSV, CSV for Excel (Indonesian settings) and XLSX of ``frame`` (raw values,
    headers labelled for the screen) with its demo column (see ``with_demo``)."""
    data, demo_rows = with_demo(frame, demo)
    buttons(data, filter_rows(data, filters, scope, demo_rows), stem=file_stem(name, scope), key=key,
            filters_sheet=t("xlsx_filters_sheet"))


def buttons(data: pd.DataFrame, rows: list[tuple[str, object]], *, stem: str, key: str, filters_sheet: str) -> None:
    """The three download buttons of ``data`` (keys ``{key}_csv``, ``{key}_csvid``, ``{key}_xlsx``): CSV,
    CSV for Excel with Indonesian settings, and XLSX whose first sheet ``filters_sheet`` lists ``rows``
    (what the file holds: the filters or choices, as label–value pairs). Built on click."""
    left, middle, right = st.columns(3)
    left.download_button(t("download_csv"), data=partial(csv_bytes, data), file_name=f"{stem}.csv", mime=CSV_MIME,
                         key=f"{key}_csv", on_click="ignore", icon=":material/download:", help=t("download_csv_help"))
    middle.download_button(t("download_csv_excel_id"), data=partial(csv_excel_id_bytes, data),
                           file_name=f"{stem}_excel-id.csv", mime=CSV_MIME, key=f"{key}_csvid", on_click="ignore",
                           icon=":material/download:", help=t("download_csv_excel_id_help"))
    right.download_button(t("download_xlsx"),
                          data=partial(xlsx_bytes, data, rows,
                                       filters_sheet=filters_sheet, data_sheet=t("xlsx_data_sheet")),
                          file_name=f"{stem}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx", on_click="ignore",
                          icon=":material/table:")


def built_bytes(build, fmt: str, filters: flt.Filters, scope: str, lang: str) -> bytes:
    """The file ``fmt`` (``csv``, ``csv_id`` or ``xlsx``) of ``build()``'s ``(frame, demo)`` in ``lang``."""
    with language(lang):
        frame, demo = build()
        data, demo_rows = with_demo(frame, demo)
        if fmt == "csv":
            return csv_bytes(data)
        if fmt == "csv_id":
            return csv_excel_id_bytes(data)
        return xlsx_bytes(data, filter_rows(data, filters, scope, demo_rows),
                          filters_sheet=t("xlsx_filters_sheet"), data_sheet=t("xlsx_data_sheet"))


def offer_built(build, *, name: str, filters: flt.Filters, scope: str, key: str) -> None:
    """``offer`` for a view larger than the screen shows (a paged list): the three files hold every row
    of the view, read on click by ``build()`` → ``(frame, demo)`` (a plain callable of plain values:
    it runs outside the script, texts in the language of the click's page)."""
    stem, lang = file_stem(name, scope), current_language()
    left, middle, right = st.columns(3)
    left.download_button(t("download_csv"), data=partial(built_bytes, build, "csv", filters, scope, lang),
                         file_name=f"{stem}.csv", mime=CSV_MIME, key=f"{key}_csv", on_click="ignore",
                         icon=":material/download:", help=t("download_csv_help"))
    middle.download_button(t("download_csv_excel_id"), data=partial(built_bytes, build, "csv_id", filters, scope, lang),
                           file_name=f"{stem}_excel-id.csv", mime=CSV_MIME, key=f"{key}_csvid", on_click="ignore",
                           icon=":material/download:", help=t("download_csv_excel_id_help"))
    right.download_button(t("download_xlsx"), data=partial(built_bytes, build, "xlsx", filters, scope, lang),
                          file_name=f"{stem}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx", on_click="ignore",
                          icon=":material/table:")
