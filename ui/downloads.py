"""CSV and XLSX extracts of exactly the rows on screen.

- CSV: UTF-8 with BOM, so Excel opens Indonesian text correctly.
- XLSX: first sheet lists the filters (scope in words and the link
  parameters), second sheet the data.
- Column headers in the interface language; file names state scope and date.
- Both files are built only when clicked (deferred callables), not on every
  rerun; the callables get plain values, never session state.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from functools import partial

import pandas as pd
import streamlit as st

from data_access import filters as flt
from ui.i18n import t

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, filter_rows: list[tuple[str, str]], *, filters_sheet: str = "Filter",
               data_sheet: str = "Data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame(filter_rows, columns=["", " "]).to_excel(writer, sheet_name=filters_sheet, index=False)
        frame.to_excel(writer, sheet_name=data_sheet, index=False)
    return buffer.getvalue()


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80] or "semua"


def file_stem(name: str, scope: str, today: dt.date | None = None) -> str:
    """``pantau-rakor_<name>_<scope>_<YYYY-MM-DD>``."""
    return f"pantau-rakor_{slug(name)}_{slug(scope)}_{(today or dt.date.today()).isoformat()}"


def offer(frame: pd.DataFrame, *, name: str, filters: flt.Filters, scope: str, key: str) -> None:
    """Two buttons: CSV and XLSX of ``frame`` (already labelled for the screen)."""
    stem = file_stem(name, scope)
    params = "&".join(f"{k}={v}" for k, v in flt.to_params(filters).items())
    filter_rows = [(t("xlsx_scope"), scope), (t("xlsx_link"), params or "–"),
                   (t("xlsx_rows"), str(len(frame))), (t("xlsx_generated"), dt.date.today().isoformat())]
    left, right = st.columns(2)
    left.download_button(t("download_csv"), data=partial(csv_bytes, frame.copy()), file_name=f"{stem}.csv", mime=CSV_MIME,
                         key=f"{key}_csv", on_click="ignore", icon=":material/download:")
    right.download_button(t("download_xlsx"),
                          data=partial(xlsx_bytes, frame.copy(), filter_rows,
                                       filters_sheet=t("xlsx_filters_sheet"), data_sheet=t("xlsx_data_sheet")),
                          file_name=f"{stem}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx", on_click="ignore",
                          icon=":material/table:")
