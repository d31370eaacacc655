"""The text of a weekly digest, from the items of ``data_access.digest_changes.changes``.

``compose(items, state, lang=, period=, area=, first=, sections=, base_url=) -> Message``: ``subject``,
a plain-text ``body`` (one line per item with a deep link to the dashboard view of its area) and a
JSON-ready ``payload`` for webhooks (the same items, their texts and links, the ``sections``), so an
office can forward it to its own Telegram or WhatsApp gateway. No item → the short "no change" text.
``items`` are already those of the chosen ``sections`` (``digest_changes.in_sections``); when not
every section is chosen, the body names the chosen ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from briefing import public_url, text
from data_access.digest_changes import SECTION_OF as PATHS
from data_access.models_briefing import DIGEST_SECTIONS
from ui.formatting import date


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    payload: dict
    changed: bool


def _day(value: str | None, lang: str) -> str:
    return date(dt.date.fromisoformat(value), lang) if value else "–"


def _line(item: dict, lang: str) -> str:
    kind = item["kind"]
    if kind in ("meeting_new", "meeting_held"):
        return text(f"dg_{kind}", lang, title=item["title"], date=_day(item["held_on"], lang),
                    status=text(f"mtg_status_{item['status']}", lang))
    if kind == "pokja_stage":
        return text("dg_pokja_stage", lang, regency=item["regency"], old=text(f"stage_{item['from']}", lang),
                    new=text(f"stage_{item['stage']}", lang))
    if kind == "overdue_new":
        return text("dg_overdue_new", lang, regency=item["regency"], stage=text(f"stage_{item['stage']}", lang))
    if kind in ("kdmp_progress", "kdmp_stalled"):
        return text(f"dg_{kind}", lang, name=item["name"], before=item["before"], after=item["after"])
    return text("dg_count_new", lang, outlet=item["outlet"] or "–", headline=(item["headline"] or "–")[:120],
                date=_day(item["published_on"], lang))


def _link(item: dict, base: str, lang: str) -> str:
    """The dashboard view of the item's area: its page with ``prov`` (and ``kab``) set."""
    regency = {"pokja_stage": item.get("key", "").split("|")[0], "overdue_new": item.get("key", "").split("|")[0],
               "kdmp_progress": item.get("code"), "kdmp_stalled": item.get("code")}.get(item["kind"])
    province = (regency or "")[:2] or item.get("province")
    query = [f"{name}={quote(value)}" for name, value in (("prov", province), ("kab", regency)) if value]
    if lang != "id":
        query.append(f"bahasa={lang}")
    return f"{base}/{PATHS[item['kind']]}" + (f"?{'&'.join(query)}" if query else "")


def compose(items: list[dict], state: dict, *, lang: str, period: str, area: str, first: bool,
            sections: tuple[str, ...] = DIGEST_SECTIONS, base_url: str | None = None) -> Message:
    base = base_url or public_url()
    subject = text("dg_subject", lang, area=area, period=period)
    lines = [text("dg_demo", lang)] if state.get("demo") else []
    if set(sections) != set(DIGEST_SECTIONS):
        lines.append(text("dg_sections_line", lang, names="; ".join(text(f"dg_section_{s}", lang) for s in sections)))
    entries = [{"kind": i["kind"], "text": _line(i, lang), "link": _link(i, base, lang)} for i in items]
    if first:
        lines.append(text("dg_first", lang))
    if entries:
        if not first:
            lines.append(text("dg_changes", lang, n=len(entries)))
        lines += [f"- {e['text']}\n  {e['link']}" for e in entries]
    else:
        lines.append(text("dg_first_none" if first else "dg_no_change", lang))
    lines += ["", text("dg_footer", lang), f"{base}/riwayat"]
    payload = {"subject": subject, "period": period, "area": area, "language": lang, "demo": bool(state.get("demo")),
               "sections": list(sections), "changed": bool(entries), "items": entries}
    return Message(subject, "\n".join(lines), payload, bool(entries))
