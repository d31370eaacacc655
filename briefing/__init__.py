"""Rendering a briefing snapshot (``data_access.snapshots.Snapshot``) as PDF, XLSX or on screen.

The figures come from the snapshot's stored ``content`` only (never from a new query), so every
rendering of one snapshot shows the same numbers. Shared here: the texts of a language without
Streamlit's session (``text``), the cell formatting (``cell``), the stamp line and the permalink.

- ``briefing.pdf.render(snapshot, lang, base_url)`` → PDF bytes (fpdf2, charts via vl-convert)
- ``briefing.xlsx.render(snapshot, lang)`` → XLSX bytes (openpyxl)
- ``briefing.pack.make(filters, page=, lang=, ...)`` → snapshot + both files (CLI and pages)
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from ui.formatting import date, number, percent
from ui.i18n import TEXT

WITA = ZoneInfo("Asia/Makassar")
PUBLIC_URL_ENV = "PANTAU_PUBLIC_URL"
DEFAULT_PUBLIC_URL = "http://localhost:8501"
PAGE_PATHS = {"ringkasan": "", "koperasi": "koperasi", "rakor": "rakor", "pokja": "pokja",
              "merah-putih": "merah-putih", "peta": "peta"}


def text(key: str, lang: str, **values) -> str:
    """``ui.i18n.t`` for an explicit language (the CLI and the digest have no session)."""
    entry = TEXT.get(key)
    if entry is None:
        return key
    chosen = entry.get(lang) or entry["id"]
    return chosen.format(**values) if values else chosen


def public_url() -> str:
    """Where the dashboard is served (``PANTAU_PUBLIC_URL``), for permalinks in files and messages."""
    return os.environ.get(PUBLIC_URL_ENV, "").strip().rstrip("/") or DEFAULT_PUBLIC_URL


def permalink(snapshot, base_url: str | None = None) -> str:
    """``<base>/<page>?snapshot=ID`` (the frozen view)."""
    path = PAGE_PATHS.get(snapshot.page, "")
    return f"{base_url or public_url()}/{path}?snapshot={snapshot.id}"


def live_link(snapshot, base_url: str | None = None) -> str:
    """Today's view of the same page and filters."""
    path = PAGE_PATHS.get(snapshot.page, "")
    return f"{base_url or public_url()}/{path}" + (f"?{snapshot.query}" if snapshot.query else "")


def when(created_at: dt.datetime) -> str:
    """A stored naive-UTC time as ``4/12/2026 14.05`` in WITA (the zone is named by the caller's text)."""
    moment = created_at.replace(tzinfo=dt.UTC).astimezone(WITA)
    return f"{moment.day}/{moment.month}/{moment.year} {moment:%H.%M}"


def stamp(snapshot, lang: str) -> str:
    return text("bp_stamp", lang, id=snapshot.id, when=when(snapshot.created_at), version=snapshot.data_version,
                hash=snapshot.figures_hash[:16])


def cell(value, kind: str, lang: str) -> str:
    """One stored value as shown (``briefing_content`` types); missing → "–"."""
    if value is None:
        return "–"
    if kind == "int":
        return number(int(value), lang)
    if kind == "share":
        return percent(float(value), lang)
    if kind == "date":
        return date(dt.date.fromisoformat(value), lang)
    if kind == "bool":
        return text("bp_yes" if value else "bp_no", lang)
    if kind == "stage":
        return text(f"stage_{value}", lang)
    if kind == "status":
        return text(f"mtg_status_{value}", lang)
    return str(value)


def scope_lines(content: dict, lang: str) -> list[str]:
    """Area, period and the active rule of a pack, one line each."""
    params = content["filters"]
    area = ", ".join(content["areas"]) or text("bp_national", lang)
    start, end = params.get("dari"), params.get("sampai")
    period = (f"{date(dt.date.fromisoformat(start), lang) if start else '…'} – "
              f"{date(dt.date.fromisoformat(end), lang) if end else '…'}") if (start or end) else text("bp_all_dates", lang)
    rule = text("bp_rule", lang, start=content["as_of_year"] - content["window"] + 1, end=content["as_of_year"],
                n=content["window"])
    return [f"{text('bp_area', lang)}: {area}", f"{text('bp_period', lang)}: {period}", rule]
