"""Frozen briefing snapshots: written once, read back by id (issue 23).

``create(filters, page=, lang=, user=, engine=)`` reads the view's figures
(``briefing_content.collect``) and the data version in one read transaction, stores them in
``briefing_snapshot`` and returns the ``Snapshot``. ``load(id, engine=)`` returns it again (``None``
for an unknown id), with exactly the stored figures, whatever was imported or undone since.

``figures_hash`` is the SHA-256 (hex) of the canonical JSON of the content (sorted keys, no
whitespace): two packs with the same hash hold the same figures; a reader can recompute it from
the XLSX's or the stored content (``hash_of``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import Engine, select

from data_access import briefing_content, data_version
from data_access import filters as flt
from data_access.engine import get_engine
from data_access.models_briefing import BriefingSnapshot

PAGES = ("ringkasan", "koperasi", "rakor", "pokja", "merah-putih", "peta")
"""URL paths of the dashboard pages a snapshot can come from (``dashboard.py``)."""


@dataclass(frozen=True)
class Snapshot:
    id: int
    created_at: dt.datetime  # UTC, naive
    created_by: str | None
    page: str
    query: str  # the view's URL query, e.g. "prov=53&dari=2025-01-01"
    lang: str
    data_version: int
    figures_hash: str
    content: dict


def hash_of(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _query(filters: flt.Filters) -> str:
    return "&".join(f"{k}={v}" for k, v in flt.to_params(filters).items())


def create(filters: flt.Filters, *, page: str = "ringkasan", lang: str = "id", user: str | None = None,
           engine: Engine | None = None, now: dt.datetime | None = None) -> Snapshot:
    """Freeze the view of ``filters`` on ``page``; ``ValueError`` for an unknown page or language."""
    if page not in PAGES:
        raise ValueError(f"page {page!r}: expected one of {', '.join(PAGES)}")
    if lang not in ("id", "en"):
        raise ValueError(f"lang {lang!r}: expected id or en")
    engine = engine or get_engine()
    version = data_version.current(engine)
    content = briefing_content.collect(filters, engine=engine)
    if data_version.current(engine) != version:  # a write landed while reading: read once more
        version = data_version.current(engine)
        content = briefing_content.collect(filters, engine=engine)
    created = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    row = BriefingSnapshot(created_at=created, created_by=user, page=page, query=_query(filters), lang=lang,
                           data_version=version, figures_hash=hash_of(content),
                           content=json.dumps(content, ensure_ascii=False))
    with engine.begin() as conn:
        new_id = conn.execute(BriefingSnapshot.__table__.insert().returning(BriefingSnapshot.id),
                              {c: getattr(row, c) for c in ("created_at", "created_by", "page", "query", "lang",
                                                           "data_version", "figures_hash", "content")}).scalar_one()
    return Snapshot(new_id, created, user, page, row.query, lang, version, row.figures_hash, content)


def load(snapshot_id: int, engine: Engine | None = None) -> Snapshot | None:
    """The stored snapshot ``snapshot_id``, or ``None`` when there is none."""
    stmt = select(BriefingSnapshot).where(BriefingSnapshot.id == snapshot_id)
    with (engine or get_engine()).connect() as conn:
        row = conn.execute(stmt).mappings().first()
    if row is None:
        return None
    return Snapshot(row["id"], row["created_at"], row["created_by"], row["page"], row["query"], row["lang"],
                    row["data_version"], row["figures_hash"], json.loads(row["content"]))
