"""Pre-filling the Ekstraksi berita form without tying a real report to demo data or a date.

- ``outlet_guess(text)``: the outlet the extractor found, without parts that are
  dates ("ANTARA, Kamis (25/8/2022)" → "ANTARA"); an outlet's name has no digits,
  a dateline's date always has. Empty when nothing is left: an empty field the
  editor fills beats a date saved as the outlet.
- ``mandate_choices(mandates, demo_mark)``: mandates for the stage field, real
  ones first, each named by title and code, demo ones marked; with the index to
  pre-select (``None`` when no real mandate exists — a demo mandate is never
  pre-selected; ``data_access.demo_guard`` refuses a real report under one).
- ``mandate_for(pokja_name, mandates)``: the one real mandate whose title names the same kind of
  task force on the same topic as the report's Pokja ("Pokja … PMI" ↔ a title with "Pokja"/"Kelompok Kerja"
  and PMI, "Satgas … PMI" ↔ "Satuan Tugas"/"Satgas" and PMI; a KDMP Satgas matches no PMI mandate);
  ``None`` when none or several match — then the editor picks (issue 19).
"""

from __future__ import annotations

import re

import pandas as pd

_TOPICS = {"pmi": re.compile(r"\b(?:PMI|PPMI|pekerja\s+migran|TKI|tenaga\s+kerja\s+akad|migrant)\b", re.I),
           "kdmp": re.compile(r"\bmerah\s+putih\b|\bKDMP\b|\bkopdes\b", re.I)}
_KINDS = {"pokja": re.compile(r"\b(?:pokja|kelompok\s+kerja)\b", re.I),
          "satgas": re.compile(r"\b(?:satgas|satuan\s+tugas|gugus\s+tugas|task\s+force)\b", re.I)}


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


def mandate_for(pokja_name: str | None, mandates: pd.DataFrame) -> int | None:
    """``mandates``: columns ``id``, ``title``, ``synthetic``. The id of the one real mandate of the same kind."""
    if not pokja_name:
        return None
    kinds = [k for k, pattern in _KINDS.items() if pattern.search(pokja_name)]
    if len(kinds) != 1:
        return None
    topics = [k for k, pattern in _TOPICS.items() if pattern.search(pokja_name)]
    if len(topics) != 1:
        return None  # "Satgas Percepatan Pembentukan Koperasi Merah Putih" is no PMI mandate's task force
    real = mandates[~mandates["synthetic"].astype("boolean").fillna(True).astype(bool)]
    matching = [int(r.id) for r in real.itertuples() if isinstance(r.title, str) and _KINDS[kinds[0]].search(r.title)
                and _TOPICS[topics[0]].search(r.title)]
    return matching[0] if len(matching) == 1 else None
