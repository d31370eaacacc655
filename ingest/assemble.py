"""The assembly of an ``Extraction``: one pass over the text, then every rule."""

from __future__ import annotations

import datetime as dt

from data_access.models_meetings import MEETING_KINDS
from data_access.models_pokja import POKJA_STAGES
from ingest.candidates import fill_date_candidates, fill_place_candidates
from ingest.cooperatives import _fill_cooperatives
from ingest.dates import _date_mentions
from ingest.kdmp import _fill_kdmp
from ingest.meeting_date import _fill_dates
from ingest.offices import office_spans
from ingest.organisations import _fill_organizer
from ingest.participants import _fill_participants
from ingest.people import _fill_opened_by
from ingest.places import _place_mentions
from ingest.pokja import _fill_pokja
from ingest.pokja_detail import fill_pokja_detail
from ingest.result import EVIDENCE_KEYS, Extraction
from ingest.text import SNIPPET_MAX, _dateline, _Doc, _header, _mark_outlets_and_teasers, _sentence_spans
from ingest.topic import _fill_sectors, _fill_title
from ingest.where import _fill_place


def _prepare(text: str) -> _Doc:
    """One pass over the text for what every rule shares."""
    body_start, headline = _header(text)
    doc = _Doc(text=text, sentences=_sentence_spans(text), body_start=body_start, headline=headline)
    doc.places = _place_mentions(text)
    doc.dates = _date_mentions(text)
    doc.office_spans = office_spans(text)
    _dateline(doc)
    doc.dateline_outlets = list(doc.outlet_spans)
    _mark_outlets_and_teasers(doc)
    if not doc.dateline_outlets:  # the byline's outlet ("Dewi Contoh, The Jakarta Post, Malang | ...")
        doc.dateline_outlets = [span for span in doc.outlet_spans if span[0] < doc.body_start][:1]
    return doc


def _derive_evidence(result: Extraction) -> None:
    """Fields that follow from another share its snippet; a field with no value has none."""
    ev = result.evidence
    ev.setdefault("date_text", ev.get("date"))
    if not result.date_inferred:
        ev["date_inferred"] = ev.get("date")
    ev["regency_name"] = ev.get("regency_code")
    ev["province_name"] = ev.get("province_code")
    for key in EVIDENCE_KEYS:
        value = getattr(result, key)
        if value is None or value == [] or (key == "date_inferred" and result.date is None):
            ev[key] = None
        elif ev.get(key) and len(ev[key]) > SNIPPET_MAX:
            ev[key] = ev[key][:SNIPPET_MAX]


def extract(text: str, *, published_on: dt.date | None = None) -> Extraction:
    """Propose a meeting record from a report's text (see the module docstring).

    ``published_on``, when the caller knows it, anchors a date written without
    its year ("Senin (3/6)"). Pass text from ``read_document`` (line endings
    already ``\n``); non-breaking spaces count as spaces.
    """
    doc = _prepare(text)  # the text is not rewritten: every evidence snippet is a verbatim part of it
    result = Extraction()
    if doc.dateline_outlets:
        result.outlet = ", ".join(text[s:e].strip() for s, e in doc.dateline_outlets)
        result.evidence["outlet"] = doc.snippet(*doc.dateline_outlets[0])
    _fill_title(doc, result)
    _fill_dates(doc, result, published_on)
    _fill_organizer(doc, result)
    _fill_opened_by(doc, result)  # before the place: an opener's title may name it, an attendee's does not
    _fill_place(doc, result)
    _fill_participants(doc, result)
    _fill_cooperatives(doc, result)
    _fill_kdmp(doc, result)
    _fill_pokja(doc, result)
    if result.pokja_stage is not None:
        fill_pokja_detail(doc, result)
    _fill_sectors(doc, result)
    fill_date_candidates(doc, result)
    fill_place_candidates(doc, result)
    assert result.kind is None or result.kind in MEETING_KINDS
    assert result.pokja_stage is None or result.pokja_stage in POKJA_STAGES
    _derive_evidence(result)
    return result

