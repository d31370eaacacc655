"""Where: venue, city, the regency and province the meeting concerns, its level."""

from __future__ import annotations

import re
from collections import Counter

from ingest.places import _describe, _Place, _place_mentions, _region_name
from ingest.result import Extraction
from ingest.text import _Doc, _places_in
from ingest.venue import _find_venue, _Venue


def _resolve_by_explicit(candidates: set[str], named: list[_Place]) -> set[str]:
    """An ambiguous name ("Bogor") the report itself resolves elsewhere ("Bogor city", "Kota Bogor")."""
    explicit = {c for p in named if p.explicit for c in p.regency_codes if c in candidates}
    return explicit if len(explicit) == 1 else candidates


def _intersect(places: list[_Place]) -> set[str]:
    """Regencies every regency-level place agrees on; provinces only narrow the choice."""
    sets = [p.regency_codes for p in places if p.regency_codes]
    if not sets:
        return set()
    common = set.intersection(*sets) or sets[0]
    provinces = {r.code for p in places if p.is_province for r in p.regions}
    narrowed = {c for c in common if not provinces or c[:2] in provinces}
    return narrowed or common


_TINGKAT = re.compile(r"\b(?:tingkat|se-?)\s*$", re.IGNORECASE)
_LEVEL_PATTERNS = (
    (re.compile(r"\btingkat\s+(?:nasional|pusat)\b", re.I), "nasional"),
    (re.compile(r"\btingkat\s+(?:provinsi|prov\.)", re.I), "provinsi"),
    (re.compile(r"\btingkat\s+(?:kabupaten|kab\.|kota)", re.I), "kabupaten_kota"),
)


def _only_regency_named(doc: _Doc, used: list[_Place], result: Extraction) -> str | None:
    """A report that names one kab/kota only, bare ("Purbalingga", "Ngawi"), at least twice and no other one:
    that kab/kota — said in a warning (a bare name is weaker than "Kabupaten X")."""
    codes = [next(iter(p.regency_codes)) for p in used if not p.is_province and len(p.regency_codes) == 1]
    ambiguous = [p for p in used if not p.is_province and len(p.regency_codes) > 1]
    if len(set(codes)) != 1 or len(codes) < 2 or ambiguous:
        return None
    code = codes[0]
    first = next(p for p in used if code in p.regency_codes)
    result.evidence["regency_code"] = doc.snippet(first.start, first.end)
    result.warn("regency_bare_name", "regency_code", "kab/kota '{place}' taken from the only place the report names "
                "(written without 'Kabupaten'/'Kota')", place=first.text)
    return code


_PROVINCIAL_OFFICE = re.compile(r"\b(?:Gubernur|Provinsi|Pemprov|Prov\.)\b")
# A ministry's or a national agency's own office ("Kantor KemenkopUKM, Jakarta Selatan", "Gedung Kemnaker"):
# the city it stands in is the ministry's, never the kab/kota the report is about (issue 19, locked3 N17).
_NATIONAL_OFFICE = re.compile(r"\b(?:Kementerian|Kemen[a-z]*|Kemnaker|Kemendagri|Kemenko\w*|BP2MI|KP2MI|Istana)",
                              re.IGNORECASE)
# A sentence about the whole country ("the president launched around 80 thousand village cooperatives nationwide in
# Klaten District", "peluncuran ... se-Indonesia di Klaten"): the place it names is the national event's.
_NATIONAL_SENTENCE = re.compile(r"\b(?:nationwide|nationally|across\s+(?:the\s+country|Indonesia)|se-?Indonesia|"
                                r"seluruh\s+Indonesia|secara\s+nasional|tingkat\s+nasional)\b", re.IGNORECASE)


# A kab/kota named as the extreme of a comparison across kab/kota ("Jumlah koperasi terbesar berada di Kabupaten
# Minahasa", "terbanyak di Kota X") is one of several compared, not the place of the report (issue 19, locked8 T10).
_RANKED = re.compile(r"\bter(?:besar|banyak|tinggi|rendah|kecil|sedikit)(?:nya)?\b[^.;:\d]{0,30}?\b(?:berada\s+)?"
                     r"(?:di|pada|adalah|yaitu|ialah)\s+$", re.IGNORECASE)


def _not_ranked(doc: _Doc, named: list[_Place]) -> list[_Place]:
    """Drop a kab/kota named as the largest/smallest of several (``_RANKED``): a comparison across kab/kota."""
    return [p for p in named if not _RANKED.search(doc.text, max(0, p.start - 60), p.start)]


def _outside_national_sentences(doc: _Doc, named: list[_Place]) -> list[_Place]:
    """A kab/kota named in a sentence about the whole country does not outrank the report's own one: such places
    are dropped when the report names another kab/kota elsewhere (issue 19, locked8 T28: "West Lombok District"
    against "launched ... nationwide in Klaten District, Central Java")."""
    def national(p: _Place) -> bool:
        start, end = doc.sentence_at(p.start)
        return bool(_NATIONAL_SENTENCE.search(doc.text, start, end))
    own = [p for p in named if not national(p)]
    return own if own and len(own) < len(named) else named


def _fill_place(doc: _Doc, result: Extraction) -> None:
    """Venue and city (where it sat) apart from the regency it concerns.

    "rapat koordinasi koperasi tingkat Kabupaten Kupang ... di Hotel Neo Aston
    Kota Kupang" sat in Kota Kupang but is about Kab. Kupang. A name that stays
    ambiguous ("Kupang": 53.01 or 53.71) leaves the regency empty with a warning.
    """
    venue = _find_venue(doc)
    if venue.venue:
        result.venue = venue.venue
        result.evidence["venue"] = doc.snippet(*venue.venue_span)
    city = venue.city
    if city is None and doc.dateline_places:
        # The dateline names where the report was filed: a fair city only when the
        # venue names no place or one the dateline agrees with ("Kantor Bupati Sikka" / "MAUMERE").
        # A report filed in one town ("Yogyakarta (ANTARA)") about the one regency it names explicitly
        # ("Sleman regency") is about that regency: the dateline does not place it then.
        filed = doc.dateline_places[0]
        explicit = {c for p in doc.places if p.explicit and doc.about_the_meeting(p.start) and not p.is_province
                    and not doc.in_office(p.start)
                    and len(p.regency_codes) == 1 for c in p.regency_codes}
        elsewhere = len(explicit) == 1 and not explicit & filed.regency_codes
        # The dateline ("BANDARLAMPUNG", "jpnn.com, SAMARINDA", "Palu, KemenP2MI") is the outlet's filing city,
        # not the kab/kota the report is about: it is shown as the city and never places the kab/kota.
        if not elsewhere and (not venue.places or filed.regency_codes & _intersect(venue.places)):
            city = filed  # shown as the city only: never the kab/kota (issue 19 rule 4; locked4 P02/P19, locked5 Q02/Q25/Q27)
    if city is not None:
        result.city = city.text.title() if city.text.isupper() else city.text
        result.evidence["city"] = doc.snippet(city.start, city.end)
        if city in doc.dateline_places:
            result.warn("city_from_dateline", "city", "city '{city}' taken from the dateline (where the report was filed)",
                        city=result.city)

    venue_spans = [(p.start, p.end) for p in venue.places]
    # a place in an office's name ("Kantor Imigrasi Pati", "Polres Sikka") is the office's, not the report's
    # (ingest.offices; issue 19, locked7 S20/S21): it places neither the kab/kota nor the province
    used = [p for p in doc.places if doc.about_the_meeting(p.start) and (p.start, p.end) not in venue_spans
            and not doc.in_office(p.start)]
    opener_role = (result.opened_by.role or "") if result.opened_by else ""
    # a kab/kota named only in a person's title ("Bupati Malaka" attending a rakor in Kupang) does not place the
    # meeting, unless that person opened it (issue 19: "a title of a person from elsewhere does not")
    named = [p for p in used if (p.explicit or (p.title and p.text in opener_role)) and not p.is_province
             and len(p.regency_codes) == 1]
    named = _not_ranked(doc, _outside_national_sentences(doc, named))

    # The regency the meeting is about: "tingkat Kabupaten X", or the organiser's own regency.
    subject = next((p for p in named if _TINGKAT.search(doc.text[max(0, p.start - 12):p.start])), None)
    if subject is None and result.organizer:
        org_start = doc.text.find(result.organizer)
        org_places = [p for p in (_places_in(doc, org_start, org_start + len(result.organizer)) if org_start >= 0
                                  else []) if not doc.in_office(p.start)]  # "Kantor Imigrasi Pati menggelar …"
        if org_places and not org_places[0].is_province and len(org_places[0].regency_codes) == 1:
            subject = org_places[0]

    venue_regencies = _resolve_by_explicit(_intersect(venue.places), named)
    in_venue = _place_mentions(venue.venue) if venue.venue else []
    provincial_venue = bool(venue.venue) and (bool(_PROVINCIAL_OFFICE.search(venue.venue)) or (
        bool(in_venue) and all(p.is_province for p in in_venue)))
    national_venue = bool(venue.venue) and bool(_NATIONAL_OFFICE.search(venue.venue))
    if national_venue:  # the ministry's city places neither the meeting's kab/kota nor its subject
        venue_regencies = set()
        provincial_venue = True
    regency: str | None = None
    if subject is not None:
        regency = next(iter(subject.regency_codes))
        result.evidence["regency_code"] = doc.snippet(subject.start, subject.end)
    elif len(venue_regencies) == 1:
        regency = next(iter(venue_regencies))
        where = next(p for p in venue.places if regency in p.regency_codes)
        result.evidence["regency_code"] = doc.snippet(where.start, where.end)
    elif len(venue_regencies) > 1:
        where = next(p for p in venue.places if len(p.regency_codes) > 1)
        result.warn("ambiguous_place", "regency_code", "ambiguous place '{place}': {candidates} — regency left empty",
                    place=where.text, candidates=_describe(venue_regencies))
    elif provincial_venue:  # "Aula Disnakertrans Sultra", "Kantor Gubernur Kalbar": a kab/kota named elsewhere in
        result.warn("provincial_venue", "regency_code",  # the report (an attendee's title, a PMI's home) is not its place
                    "the meeting sat at a provincial or national office ('{venue}'): no kab/kota taken from other names",
                    venue=venue.venue)
    elif not venue.places and len({next(iter(p.regency_codes)) for p in named}) == 1:
        regency = next(iter(named[0].regency_codes))
        result.evidence["regency_code"] = doc.snippet(named[0].start, named[0].end)
    if regency is None and not named and not provincial_venue and len(venue_regencies) != 1 \
            and not (venue.places and len(venue_regencies) > 1):
        regency = _only_regency_named(doc, [p for p in used if p not in doc.dateline_places and not doc.in_teaser(p.start)],
                                      result)
    result.regency_code = regency
    result.regency_name = _region_name(regency)
    if regency is None:
        _warn_office_place(doc, result)

    involved = {next(iter(p.regency_codes)) for p in named}
    if regency:
        involved.add(regency)
    result.regencies_involved = sorted(involved)
    if involved:
        other = next((p for p in named if next(iter(p.regency_codes)) != regency), None)
        result.evidence["regencies_involved"] = (doc.snippet(other.start, other.end) if other
                                                 else result.evidence.get("regency_code"))

    _fill_province(doc, result, venue, venue_regencies, used)
    _fill_level(doc, result, named)


def _warn_office_place(doc: _Doc, result: Extraction) -> None:
    """The kab/kota is asked while an office's name names one ("Polres Sikka"): say why it was not taken."""
    office = next((p for p in doc.places if doc.in_office(p.start) and p.regency_codes
                   and doc.about_the_meeting(p.start)), None)
    if office is not None:
        span = next((s, e) for s, e in doc.office_spans if s <= office.start < e)
        result.warn("office_place", "regency_code", "'{place}' is part of an office's name ('{office}'), not the "
                    "area the report is about — kab/kota left to decide", place=office.text, office=doc.text[span[0]:span[1]])


def _fill_province(doc: _Doc, result: Extraction, venue: _Venue, venue_regencies: set[str],
                   used: list[_Place]) -> None:
    """The regency's province; else the one the venue's candidates share; else the organiser's,
    the title's, or the province the text names most."""
    provinces = [p for p in used if p.is_province]
    stated = None
    for text in (result.organizer, result.title):
        if text and stated is None:
            pos = doc.text.find(text)
            stated = next((p for p in provinces if pos >= 0 and pos <= p.start < pos + len(text)), None)
    code, where, basis = None, None, None
    if result.regency_code:
        code, basis = result.regency_code[:2], "regency"
        where = result.evidence.get("regency_code")
        if stated is not None and stated.regions[0].code != code:
            result.warn("province_differs", "province_code", "the meeting is held in {regency} but named for {province}",
                        regency=_region_name(result.regency_code), province=stated.regions[0].name)
    elif venue_regencies and len({c[:2] for c in venue_regencies}) == 1:
        code, basis = next(iter(venue_regencies))[:2], "venue"
        where = result.evidence.get("city")
    elif stated is not None:
        code, where, basis = stated.regions[0].code, doc.snippet(stated.start, stated.end), "stated"
    elif provinces:
        counts = Counter(p.regions[0].code for p in provinces if len(p.regions) == 1)
        if counts:
            code, basis = counts.most_common(1)[0][0], "named"
            first = next(p for p in provinces if p.regions[0].code == code)
            where = doc.snippet(first.start, first.end)
    if code is None:
        return
    result.province_code = code
    result.province_name = _region_name(code)
    result.province_basis = basis
    result.evidence["province_code"] = where


def _fill_level(doc: _Doc, result: Extraction, named: list[_Place]) -> None:
    """ "tingkat Provinsi" / "tingkat Kabupaten/Kota" as written; else "se-<province>"; else the
    organiser's level (a provincial office → provinsi)."""
    hits = [(m.start(), m.end(), level) for pattern, level in _LEVEL_PATTERNS for m in pattern.finditer(doc.text)]
    if hits:
        start, end, level = min(hits)
        result.level, result.evidence["level"] = level, doc.snippet(start, end)
        return
    se = re.search(r"\bse\s*[-–]\s*(?:provinsi\b|(?=[A-Z]))", doc.text)
    if se:
        after = next((p for p in doc.places if p.start >= se.end() and p.start - se.end() <= 2), None)
        if re.match(r"se\s*[-–]\s*provinsi", se.group(), re.I) or (after is not None and after.is_province):
            result.level, result.evidence["level"] = "provinsi", doc.snippet(se.start(), se.end() + 20)
            return
    if result.organizer:
        org = result.organizer
        pos = doc.text.find(org)
        inside = [p for p in (_places_in(doc, pos, pos + len(org)) if pos >= 0 else []) if not doc.in_office(p.start)]
        if re.search(r"\b(?:Provinsi|Prov\.|Pemprov)", org) or (inside and inside[0].is_province):
            result.level = "provinsi"
        elif re.search(r"\b(?:Kabupaten|Kab\.|Kota|Pemkab|Pemkot)\b", org) or inside:
            result.level = "kabupaten_kota"
        if result.level:
            result.evidence["level"] = result.evidence.get("organizer")

