"""What a weekly digest says: the figures of a subscriber's areas (``state``) and what changed
between two of them (``changes``). Pure reads through the dashboard's own queries, no sending.

``state(provinces, today, engine=)`` → a JSON-ready dict, stored with every send
(``digest_send.state``) so the next digest compares with exactly what the last one saw::

    {"provinces": ["53"], "demo": False,            # demo: only demo data exists for the areas
     "meetings": {"<id>": {"held_on": "2026-12-21", "title": ..., "status": "planned", "upcoming": True,
                           "province": "53"}},
     "pokja": {"53.04|<mandate>": {"regency": "Kabupaten Belu", "province": "53", "stage": "persiapan",
                                  "overdue": True}},
     "kdmp": {"53.04": {"name": "Kabupaten Belu", "operating": 12, "stalled": 3}},
     "counts": {"<source id>": {"outlet": ..., "headline": ..., "url": ..., "published_on": ..., "rows": 4}}}

Demo data is never part of a digest (``Filters.real_only``) unless the areas hold no real record of
any kind; then the state is read with demo data and ``demo`` is True (the message says so).
``changes(before, after)`` → a list of items ``{"kind": ..., ...}`` with ``kind`` one of
``KINDS``; ``before`` ``None`` (the first digest) lists the upcoming meetings and overdue Pokja only.
``in_sections(items, sections)`` keeps the items of the pages a subscription chose (``SECTION_OF``
maps each kind to its page, a key of ``models_briefing.DIGEST_SECTIONS``); the state stays whole, so
a subscription that changes its pages later still compares with everything the last digest saw.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine

from data_access import filters as flt
from data_access import kdmp, meetings, pokja, provenance
from data_access.engine import get_engine
from data_access.models_briefing import DIGEST_SECTIONS

KINDS = ("meeting_new", "meeting_held", "pokja_stage", "overdue_new", "kdmp_progress", "kdmp_stalled", "count_new")
SECTION_OF = {"meeting_new": "rakor", "meeting_held": "rakor", "pokja_stage": "pokja", "overdue_new": "pokja",
              "kdmp_progress": "merah-putih", "kdmp_stalled": "merah-putih", "count_new": "koperasi"}
assert set(SECTION_OF) == set(KINDS) and set(SECTION_OF.values()) == set(DIGEST_SECTIONS)
MEETINGS_LISTED = 200
FACTS = ("meetings", "pokja", "kdmp", "cooperatives", "cooperative_counts")


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def _text(value) -> str | None:
    """A source's text field; missing (``None`` / NaN from the frame) stays ``None``, never "nan"."""
    return None if value is None or pd.isna(value) else str(value)


def _has_real(filters: flt.Filters, engine: Engine) -> bool:
    real = filters.with_(real_only=True)
    return any(not provenance.sources_in_view(real, fact, engine=engine).empty for fact in FACTS)


def state(provinces: tuple[str, ...], today: dt.date, engine: Engine | None = None) -> dict:
    """The digest's figures for ``provinces`` (``()`` = national) as of ``today``."""
    engine = engine or get_engine()
    base = flt.Filters(provinces=provinces, today=today)
    demo_only = not _has_real(base, engine)
    filters = base.with_(real_only=not demo_only)
    listed = {}
    for when in ("past", "upcoming"):
        for row in meetings.meeting_list(filters, when, MEETINGS_LISTED, engine=engine).itertuples(index=False):
            listed[str(row.id)] = {"held_on": _iso(row.held_on), "title": row.title, "status": row.status,
                                   "upcoming": when == "upcoming", "province": row.province_code}
    status = pokja.pokja_by_regency(filters, engine=engine)
    pokja_state = {
        f"{row.regency_code}|{row.mandate_code}": {"regency": row.regency_name, "province": row.province_code,
                                                   "stage": row.stage, "overdue": row.overdue is True}
        for row in status.itertuples(index=False)}
    funnel = kdmp.funnel(filters, "kabupaten_kota", engine=engine)
    kdmp_state = {row.area_code: {"name": row.area_name, "operating": int(row.at_operasional),
                                  "stalled": int(row.stalled)}
                  for row in funnel.itertuples(index=False) if row.desa}
    counts = {str(row.source_id): {"outlet": _text(row.outlet), "headline": _text(row.headline), "url": _text(row.url),
                                   "published_on": _iso(row.published_on), "rows": int(row.rows)}
              for row in provenance.sources_in_view(filters, "cooperative_counts", engine=engine).itertuples(index=False)}
    return {"provinces": list(provinces), "demo": demo_only, "meetings": listed, "pokja": pokja_state,
            "kdmp": kdmp_state, "counts": counts}


def changes(before: dict | None, after: dict) -> list[dict]:
    """The items of a digest: what ``after`` has that ``before`` had not (see ``KINDS``)."""
    items: list[dict] = []
    if before is None:  # first digest: what is coming and what is late
        items += [{"kind": "meeting_new", "id": key, **m} for key, m in after["meetings"].items() if m["upcoming"]]
        items += [{"kind": "overdue_new", "key": key, **p} for key, p in after["pokja"].items() if p["overdue"]]
        return items
    for key, meeting in after["meetings"].items():
        old = before["meetings"].get(key)
        if old is None:
            items.append({"kind": "meeting_new", "id": key, **meeting})
        elif old["upcoming"] and not meeting["upcoming"] and meeting["status"] == "held":
            items.append({"kind": "meeting_held", "id": key, **meeting})
    for key, row in after["pokja"].items():
        old = before["pokja"].get(key)
        if old is not None and old["stage"] != row["stage"]:
            items.append({"kind": "pokja_stage", "key": key, "from": old["stage"], **row})
        if row["overdue"] and not (old or {}).get("overdue"):
            items.append({"kind": "overdue_new", "key": key, **row})
    for code, area in after["kdmp"].items():
        old = before["kdmp"].get(code, {"operating": 0, "stalled": 0})
        if area["operating"] > old["operating"]:
            items.append({"kind": "kdmp_progress", "code": code, "name": area["name"],
                          "before": old["operating"], "after": area["operating"]})
        if area["stalled"] > old["stalled"]:
            items.append({"kind": "kdmp_stalled", "code": code, "name": area["name"],
                          "before": old["stalled"], "after": area["stalled"]})
    items += [{"kind": "count_new", "source": key, **source} for key, source in after["counts"].items()
              if key not in before["counts"]]
    return items


def in_sections(items: list[dict], sections: tuple[str, ...]) -> list[dict]:
    """The items whose page (``SECTION_OF``) is one of ``sections``, in their order."""
    return [item for item in items if SECTION_OF[item["kind"]] in sections]
