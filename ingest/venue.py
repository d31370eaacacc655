"""Venue: the place a report says the meeting sat ("bertempat di Aula Hotel Matahari-Atambua, Kabupaten Belu"),
and the places that phrase names. Moved out of ``ingest.where`` unchanged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.places import _Place
from ingest.text import _capitalised, _Doc, _places_in, _whole_place

_VENUE_WORDS = (
    r"aula|hotel|gedung|ruang|ruangan|kantor|balai|pendopo|pendapa|lantai|graha|wisma|rumah\s+jabatan|rujab|"
    r"auditorium|convention|resort|restoran|rumah\s+makan|kampus|mess|lt\.|hall|ballroom|sekretariat"
)
_VENUE_TRIGGER = re.compile(
    rf"\b(?:bertempat|berlangsung|digelar|dilaksanakan|diadakan|diselenggarakan|dipusatkan)\s+di\s*"
    rf"|\bdi\s*(?=(?:{_VENUE_WORDS})\b)",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"\s*(?:Jalan|Jl\.?|Jln\.?|Kelurahan|Kel\.|Desa|Kecamatan|Kec\.|RT|RW|No\.?)\s", re.I)
_VENUE_START = re.compile(rf"(?:{_VENUE_WORDS})\b", re.IGNORECASE)
_VENUE_END = re.compile(
    r"[;:!?(\"“\n]|\s(?:pada|yang|dengan|selama|mulai|untuk|dalam\s+rangka|sejak|sekaligus|serta|oleh)\b"
)


@dataclass
class _Venue:
    venue: str | None = None
    venue_span: tuple[int, int] | None = None
    city: _Place | None = None
    places: list[_Place] = field(default_factory=list)


def _find_venue(doc: _Doc) -> _Venue:
    """ "bertempat di Aula Hotel Matahari-Atambua, Kabupaten Belu" → venue, city, places.

    The phrase after the trigger runs to the end of the clause; its first comma
    part is the venue (a place name at its end is the city: "Hotel Royal
    Victoria Sangatta"), following parts count only while they are places
    ("Palangka Raya", "Kabupaten Belu"). "Kantor Bupati Belu" keeps Belu in the
    venue's name — the office is Belu's — but Belu still places it.
    """
    for trigger in _VENUE_TRIGGER.finditer(doc.text, doc.body_start):
        s_end = doc.sentence_at(trigger.start())[1]
        end = _VENUE_END.search(doc.text, trigger.end(), s_end)
        phrase_end = min(end.start() if end else s_end, trigger.end() + 160)
        parts, pos = [], trigger.end()
        for part in doc.text[trigger.end():phrase_end].split(","):
            parts.append((pos, pos + len(part)))
            pos += len(part) + 1
        first_s, first_e = parts[0]
        first = doc.text[first_s:first_e].strip().rstrip(".")
        if not first:
            continue
        found = _Venue()
        whole = _whole_place(doc, first_s, first_e)
        if whole is not None:
            found.places.append(whole)
        elif _VENUE_START.match(first) or (_capitalised(first) and len(first.split()) <= 8
                                            and not trigger.group().lower().startswith("di")):
            inner = [p for p in _places_in(doc, first_s, first_e)  # "Aula Polres Sikka": the office's, kept
                     if not p.is_province and not doc.in_office(p.start)]  # in the venue's name (ingest.offices)
            lead = len(doc.text[first_s:first_e]) - len(doc.text[first_s:first_e].lstrip())
            venue_start, venue_end = first_s + lead, first_s + lead + len(first)
            if inner and inner[-1].end >= venue_end - 1 and inner[-1].start > venue_start:
                last = inner[-1]
                found.places.append(last)
                if last.title is None:
                    venue_end = last.start
            found.venue = doc.text[venue_start:venue_end].strip(" -–—,")
            found.venue = found.venue[:1].upper() + found.venue[1:]
            found.venue_span = (venue_start, venue_end)
        else:
            continue
        for s, e in parts[1:]:
            place = _whole_place(doc, s, e)
            if place is None:
                if _ADDRESS.match(doc.text[s:e]):  # "Jalan Kesuma Bangsa, Samarinda": skip the street
                    continue
                break
            found.places.append(place)
        found.city = next((p for p in found.places if p.title is None and not p.is_province
                           and not p.kabupaten_prefixed), None)
        return found
    return _english_venue(doc) if doc.english else _Venue()


_ENGLISH_IN = re.compile(r"\b(?:in|at)\s+(?=[A-Z])")
_ENGLISH_MEETING = re.compile(r"\b(?:meeting|held|gathered|convened|forum|workshop)\b", re.IGNORECASE)


def _english_venue(doc: _Doc) -> _Venue:
    """English reports: "... a coordination meeting ... in Kepanjen" — the town is where it sat."""
    for s_start, s_end in doc.sentences:
        if s_end <= doc.body_start or not _ENGLISH_MEETING.search(doc.text, s_start, s_end):
            continue
        for m in _ENGLISH_IN.finditer(doc.text, s_start, s_end):
            place = next((p for p in doc.places if p.start == m.end() and not p.is_province), None)
            if place is not None and not re.match(r"\s+(?:regency|city)\b", doc.text[place.end:], re.I):
                return _Venue(city=place, places=[place])
    return _Venue()
