"""Make a briefing pack: freeze the view as a snapshot, then draw its PDF and XLSX.

``make(filters, page=, lang=, user=, engine=, base_url=) -> Pack`` (the CLI ``python -m data_access
pack`` and the pages' "Buat bahan rapat" button both call it). ``files(snapshot, lang)`` redraws the
files of a stored snapshot (the snapshot view's downloads): the same figures every time.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from briefing import pdf, xlsx
from data_access import filters as flt
from data_access import snapshots


@dataclass(frozen=True)
class Pack:
    snapshot: snapshots.Snapshot
    pdf: bytes
    xlsx: bytes


def files(snapshot: snapshots.Snapshot, lang: str | None = None, base_url: str | None = None) -> Pack:
    return Pack(snapshot, pdf.render(snapshot, lang, base_url), xlsx.render(snapshot, lang, base_url))


def make(filters: flt.Filters, *, page: str = "ringkasan", lang: str = "id", user: str | None = None,
         engine: Engine | None = None, base_url: str | None = None) -> Pack:
    return files(snapshots.create(filters, page=page, lang=lang, user=user, engine=engine), lang, base_url)
