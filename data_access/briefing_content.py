"""What a briefing pack holds: the figures of the view, read once, as plain JSON-ready data.

``collect(filters, engine=)`` returns a dict (the ``content`` of a ``briefing_snapshot``)::

    {"filters": {URL parameters of the view}, "today": "2026-12-04", "as_of_year": 2025, "window": 3,
     "areas": ["Nusa Tenggara Timur", ...] (names of the chosen provinces / kab/kota, [] = national),
     "headline": [{"key": "registered", "value": 1234, "demo": False}, ...] (demo: demo rows are part of it),
     "sections": [{"key": "coop_health", "columns": [...], "types": [...], "rows": [[...], ...],
                   "demo_rows": [bool, ...]}, ...],
     "sources": [{"fact": "meetings", "kind": "news", "outlet": ..., "headline": ..., "url": ...,
                  "published_on": "2025-03-01", "rows": 12}, ...]}

``types`` name how a value is shown: ``int``, ``share`` (0–1), ``date`` (ISO text), ``text``,
``stage`` (a Pokja stage code), ``status`` (a meeting status code), ``bool``. Missing values are ``None``. Every figure comes from the
same data_access query the dashboard page draws it with (named per section below), so a pack and the
page agree; the renderers (``briefing.pdf``, ``briefing.xlsx``, the snapshot view) only format.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
from sqlalchemy import Engine

from data_access import cooperatives, kdmp, meetings, pokja, provenance, regions
from data_access import filters as flt
from data_access.engine import get_engine

RECENT_MEETINGS = 10
FACTS = ("cooperatives", "meetings", "pokja", "kdmp")


def _value(value, kind: str):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind == "int":
        return int(value)
    if kind == "share":
        return float(value)
    if kind == "bool":
        return bool(value)
    if kind == "date":
        return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]
    return str(value)


def _section(key: str, frame: pd.DataFrame, spec: dict[str, str], demo: pd.Series) -> dict:
    """``spec``: column → type, in the order shown. ``demo``: per row, whether it is synthetic."""
    rows = [[_value(v, kind) for v, kind in zip(values, spec.values(), strict=True)]
            for values in frame[list(spec)].itertuples(index=False, name=None)]
    return {"key": key, "columns": list(spec), "types": list(spec.values()), "rows": rows,
            "demo_rows": [bool(d) for d in demo]}


def _area_names(filters: flt.Filters, engine: Engine) -> list[str]:
    if filters.regencies:
        names = regions.regencies(engine).set_index("code")["name"]
        return [str(names.get(code, code)) for code in filters.regencies]
    if filters.provinces:
        names = regions.provinces(engine).set_index("code")["name"]
        return [str(names.get(code, code)) for code in filters.provinces]
    return []


def collect(filters: flt.Filters, engine: Engine | None = None) -> dict:
    """The pack's figures for ``filters`` (see the module docstring for the shape)."""
    engine = engine or get_engine()
    level = "kabupaten_kota" if (filters.provinces or filters.regencies) else "provinsi"
    health = cooperatives.health_by_area(filters, level, engine=engine)  # Kesehatan Koperasi, Ringkasan
    summary = meetings.summary(filters, engine=engine).iloc[0]  # Kalender Rakor
    past = meetings.meeting_list(filters, "past", RECENT_MEETINGS, engine=engine)
    upcoming = meetings.meeting_list(filters, "upcoming", RECENT_MEETINGS, engine=engine)
    by_month = meetings.months(filters, engine=engine)
    status = pokja.pokja_by_regency(filters, engine=engine)  # Status Pokja
    funnel = kdmp.funnel(filters, kdmp.level_for(filters), engine=engine)  # Merah Putih
    kdmp_totals = kdmp.totals(funnel)
    shares = pokja.stage_shares_by_province(filters, engine=engine)  # Ringkasan's Pokja figure
    formed = int(shares.loc[shares["stage"] == "terbentuk", "regencies"].sum())
    mandated = int(shares.drop_duplicates("province_code")["mandated"].sum()) if not shares.empty else 0
    sources = []
    for fact in FACTS:
        for row in provenance.sources_in_view(filters, fact, engine=engine).itertuples(index=False):
            sources.append({"fact": fact, "kind": row.kind, "outlet": _value(row.outlet, "text"),  # missing: None
                            "headline": _value(row.headline, "text"), "url": _value(row.url, "text"),
                            "published_on": _value(row.published_on, "date"), "rows": int(row.rows)})
    demo = {fact: any(s["fact"] == fact and s["kind"] == "synthetic" for s in sources) for fact in FACTS}

    headline = [  # "demo": whether demo (synthetic) rows are part of the figure
        {"key": "registered", "value": int(health["registered"].sum()), "demo": demo["cooperatives"]},
        {"key": "active", "value": int(health["active"].sum()), "demo": demo["cooperatives"]},
        {"key": "held", "value": int(summary["held"]), "demo": demo["meetings"]},
        {"key": "planned", "value": int(summary["planned"]), "demo": demo["meetings"]},
        {"key": "pokja_formed", "value": formed, "demo": demo["pokja"]},
        {"key": "pokja_mandated", "value": mandated, "demo": demo["pokja"]},
        {"key": "kdmp_desa", "value": int(kdmp_totals["desa"]), "demo": False},
        {"key": "kdmp_operating", "value": int(kdmp_totals["at_operasional"]), "demo": demo["kdmp"]},
    ]
    meeting_spec = {"held_on": "date", "title": "text", "province": "text", "regency": "text", "status": "status",
                    "source_outlet": "text"}
    sections = [
        _section("coop_health", health, {"area_code": "text", "area_name": "text", "registered": "int", "active": "int",
                                         "inactive": "int", "pct_active": "share"},
                 health["registered_synthetic"].gt(0)),
        _section("meetings_per_month", by_month, {"year": "int", "month": "int", "meetings": "int"},
                 pd.Series(False, index=by_month.index)),
        _section("meetings_past", past, meeting_spec, past["source_kind"].eq("synthetic")),
        _section("meetings_upcoming", upcoming, meeting_spec, upcoming["source_kind"].eq("synthetic")),
        _section("pokja", status, {"regency_code": "text", "regency_name": "text", "province_name": "text",
                                   "mandate_code": "text", "stage": "stage", "days_since_mandate": "int", "overdue": "bool",
                                   "source_outlet": "text"},
                 status["source_kind"].eq("synthetic")),
        _section("kdmp", funnel, {"area_code": "text", "area_name": "text", "desa": "int", "reached_sk_ahu": "int",
                                  "at_operasional": "int", "stalled": "int", "operational_share": "share"},
                 funnel["synthetic"].gt(0)),
    ]
    return {"filters": flt.to_params(filters), "today": filters.today.isoformat(), "as_of_year": filters.as_of_year,
            "window": filters.window, "areas": _area_names(filters, engine), "headline": headline,
            "sections": sections, "sources": sources}
