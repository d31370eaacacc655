"""Pre-filling the Ekstraksi berita form without tying a real report to demo data or a date.

- ``outlet_guess(text)``: the outlet the extractor found, without parts that are
  dates ("ANTARA, Kamis (25/8/2022)" → "ANTARA"); an outlet's name has no digits,
  a dateline's date always has. Empty when nothing is left: an empty field the
  editor fills beats a date saved as the outlet.
- ``mandate_choices(mandates, demo_mark)``: mandates for the stage field, real
  ones first, each named by title and code, demo ones marked; with the index to
  pre-select (``None`` when no real mandate exists — a demo mandate is never
  pre-selected; ``data_access.demo_guard`` refuses a real report under one).
"""

from __future__ import annotations

import pandas as pd


def outlet_guess(outlet: str | None) -> str:
    parts = [p.strip() for p in (outlet or "").split(",")]
    return ", ".join(p for p in parts if p and not any(ch.isdigit() for ch in p))


def mandate_choices(mandates: pd.DataFrame, demo_mark: str) -> tuple[dict[int, str], int | None]:
    """``mandates``: columns ``id``, ``code``, ``title``, ``synthetic`` (bool; missing counts as demo).

    Returns ``({mandate id: label}, index to pre-select or None)``.
    """
    ordered = mandates.assign(synthetic=mandates["synthetic"].astype("boolean").fillna(True).astype(bool))
    ordered = ordered.sort_values(["synthetic", "code"], kind="stable")
    labels = {}
    for row in ordered.itertuples():
        name = f"{row.title} ({row.code})" if isinstance(row.title, str) and row.title and row.title != row.code \
            else str(row.code)
        labels[int(row.id)] = f"{name} · {demo_mark}" if row.synthetic else name
    first_real = not ordered.empty and not bool(ordered["synthetic"].iloc[0])
    return labels, (0 if first_real else None)
