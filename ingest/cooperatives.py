"""The area's cooperative figures: which counts of a report are the (total, active, inactive) of
the area, as of when — or why none are.

Rules (issue 11; a wrong figure under a name is the worst outcome, an empty one with a
reason is better):
- only body sentences that speak of cooperatives; a teaser ("Baca juga") never;
- a clause about a sub-area (kecamatan, desa), about Koperasi (Desa) Merah Putih (or in a sentence
  that goes on about them, ``ingest.kdmp``), or
  about another year ("Pada tahun 2019 tercatat ...", "tahun lalu") gives no figure;
- a subset (new, with an office, that held RAT, revived) is no role's figure, nor is a count written as part of
  an earlier number ("dari jumlah tersebut", "di antaranya", "sebagian" — ``ingest.figures``; locked8 T09);
- a count stated for Indonesia as a whole ("di Indonesia", "se-Indonesia", "secara nasional", "nationwide") is
  no area's: a candidate with reason national (issue 19, locked8 T12);
- a part of a partition whose remainder is the inactive count is the active count
  ("212 of the 530 ... The other 318 have shown no activity");
- two different values for one role, or counts of two different areas, leave the
  role (the figures) empty with a warning; total ≠ active + inactive leaves all three
  empty with a warning;
- a value only implied (inactive = total − active) goes to ``derived``, never to the field;
- the as-of date is the figures' own ("per 31 Desember 2023"), never the meeting's; of figures
  with different as-of dates side by side only the latest are taken;
- the area is the place the figure clauses name, "the province"/"provinsi" → the
  meeting's province, else the meeting's regency; a bare name of another regency in the
  clause, or anything else unclear → ``None`` with a warning.
"""

from __future__ import annotations

import re

from ingest.dates import as_of_in, in_year_clause
from ingest.figure_proof import add_candidate, doubt
from ingest.figures import Count, clauses, counts_in
from ingest.kdmp import KDMP_TERM, kdmp_sentences
from ingest.result import CooperativeCounts, Extraction
from ingest.tables import tables_in
from ingest.text import SNIPPET_MAX, _Doc, _places_in

_ABOUT_COOPERATIVES = re.compile(r"\b(?:koperasi|cooperatives?)\b", re.IGNORECASE)
# A sentence that goes on counting the previous one's cooperatives: "The other 318 have ...", "Sisanya ...".
_CONTINUES = re.compile(r"\W*(?:the\s+other|the\s+remaining|the\s+rest|sisanya|selebihnya|dari\s+jumlah\s+"
                        r"(?:itu|tersebut)|of\s+these|of\s+them|sebagian)\b", re.IGNORECASE)
_SUB_AREA = re.compile(r"\b(?:[Kk]ecamatan|Kec\.|[Dd]esa|[Kk]elurahan|Kel\.|Nagari|Gampong|Distrik|[Kk]ampung|"
                       r"sub-?districts?|villages?)\b")
# The country's figures ("Secara nasional terdapat ...", "Jumlah koperasi yang ada di Indonesia mencapai 209.488" —
# issue 19, locked8 T12) are no region's.
_NATIONAL = re.compile(r"\b(?:secara\s+nasional|se-?indonesia|seluruh\s+indonesia|di\s+indonesia|tingkat\s+nasional|nationwide|"
                       r"nationally|across\s+(?:the\s+)?(?:country|indonesia)|in\s+indonesia|tanah\s+air|di\s+negeri\s+ini)\b", re.IGNORECASE)
_PROVINCE_WORDS = re.compile(r"\b(?:the\s+province|provinsi\s+ini|se-?provinsi|tingkat\s+provinsi|di\s+provinsi)\b",
                             re.IGNORECASE)
_ROLES = ("total", "active", "inactive")
# Reasons a count was asked about that still read as the same role of the same area and time: such a count
# contests a proven one of its role (another period, area, event or a subset does not).
_CONTESTING = {"no_frame", "no_role", "estimate", "conflict"}
_REASONS = {"sub_area": "a sub-area (kecamatan/desa)", "kdmp": "Koperasi Merah Putih only",
            "other_year": "another year", "national": "the whole country"}


def _excluded(doc: _Doc, start: int, end: int, meeting_year: int | None,
              kdmp: list[tuple[int, int]]) -> str | None:
    """Why a clause's counts are not the area's, or ``None``."""
    piece = doc.text[start:end]
    if KDMP_TERM.search(piece) or any(k_start <= start < k_end for k_start, k_end in kdmp):
        return "kdmp"
    if _NATIONAL.search(piece):
        return "national"
    if _SUB_AREA.search(piece):
        return "sub_area"
    year = in_year_clause(doc, start, end)
    as_of = as_of_in(doc, start, end)
    if year == -1 or (year is not None and meeting_year is not None and year < meeting_year
                      and not (as_of and as_of[0].year == year)):
        return "other_year"
    return None


def _area(doc: _Doc, result: Extraction, kept: list[tuple[Count, tuple[int, int]]]) -> set[str | None]:
    """The areas the figure clauses speak of (see the module docstring): per count, the regency named
    nearest to it in its clause ("rakor di Kota Kupang ... 401 koperasi di Kabupaten Kupang" → 53.01),
    else the province named, else the meeting's regency."""
    areas: set[str | None] = set()
    for count, (start, end) in kept:
        named = [p for p in _places_in(doc, start, end) if doc.about_the_meeting(p.start)
                 and not (doc.dateline and doc.dateline[0] <= p.start < doc.dateline[1])]  # where it was filed
        regencies = [p for p in named if len(p.regency_codes) == 1 and (p.explicit or p.title
                     or next(iter(p.regency_codes)) == result.regency_code)]
        provinces = [p for p in named if p.is_province and len(p.regions) == 1]
        others = [p for p in named if len(p.regency_codes) == 1 and p not in regencies]
        if regencies:
            nearest = min(regencies, key=lambda p: abs(p.start - count.start))
            areas.add(next(iter(nearest.regency_codes)))
        elif others:  # "Kutai Kartanegara has 1,020 cooperatives" at a meeting in Samarinda: a bare name
            areas.add(None)  # (a regency, or a person's name) — the area is unclear, never the meeting's
        elif provinces or _PROVINCE_WORDS.search(doc.text, start, end):
            areas.add(provinces[0].regions[0].code if provinces else result.province_code)
        elif len(set(result.regencies_involved) | {result.regency_code} - {None}) > 1:
            areas.add(None)  # the report names several kab/kota and the clause none: whose figures is a question
        else:
            areas.add(result.regency_code)
    return areas


def _fill_cooperatives(doc: _Doc, result: Extraction) -> None:
    """Propose the area's figures, with evidence and warnings (module docstring); a count is assigned
    only when its sentence proves it (``ingest.figure_proof``), every other one is a candidate."""
    meeting_year = (result.date or result.published_on).year if (result.date or result.published_on) else None
    kept: list[tuple[Count, tuple[int, int]]] = []
    as_of = None
    tables = tables_in(doc, meeting_year)
    kdmp = kdmp_sentences(doc)  # sentences about Koperasi Merah Putih: their counts are KDMP figures
    from_tables: set[int] = set()
    seen: list[Count] = []  # every count read, taken or not: the words between two counts are the later one's
    for table in tables:  # a table's counts are read by column/row (ingest.tables), not as sentences
        kept += table.counts
        from_tables |= {id(c) for c, _ in table.counts}
        heading = doc.sentence_at(max(table.start - 2, 0))
        if table.counts and doc.text[heading[0]:heading[1]].rstrip().endswith(":"):
            as_of = as_of or as_of_in(doc, heading[0], table.end)
    previous_about = False
    for s_start, s_end in doc.sentences:
        about = bool(_ABOUT_COOPERATIVES.search(doc.text, s_start, s_end))
        continues = previous_about and bool(_CONTINUES.match(doc.text, s_start, s_end))
        previous_about = about
        if s_end <= doc.body_start or doc.in_teaser(s_start) or not (about or continues) \
                or any(t.start <= s_start < t.end for t in tables):
            continue
        for c_start, c_end in clauses(doc, s_start, s_end):
            counts = counts_in(doc, c_start, c_end)
            if not counts:
                continue
            seen += counts
            why = _excluded(doc, c_start, c_end, meeting_year, kdmp)
            if why:
                result.warn(f"figures_{why}", "cooperatives", "figures of " + _REASONS[why] + " not taken: '{quote}'",
                            quote=doc.snippet(counts[0].start, counts[-1].end))
                for count in counts:
                    add_candidate(doc, result, count, why)
                continue
            kept += [(c, (c_start, c_end)) for c in counts]
            block = (s_start, s_end)
            prev = doc.sentence_at(max(s_start - 2, 0))  # a table's heading: "Berikut data ... per 30 November 2024:"
            if doc.text[prev[0]:prev[1]].rstrip().endswith(":"):
                block = (prev[0], s_end)
            as_of = as_of or as_of_in(doc, *block)
    before = [c for c, _ in kept]
    kept, latest = _latest_only(doc, result, kept)
    for count in before:
        if all(count is not c for c, _ in kept):
            add_candidate(doc, result, count, "earlier_date")
    as_of = latest or as_of
    _resolve_parts([c for c, _ in kept])
    proven: list[tuple[Count, tuple[int, int]]] = []
    for count, span in kept:
        others = seen + [c for c, _ in kept if id(c) in from_tables]
        if count.role not in _ROLES:
            reason = doubt(doc, count, others) or ("subset" if count.role == "subset" else "no_role")
        else:
            reason = None if id(count) in from_tables else doubt(doc, count, others)
        if reason:
            add_candidate(doc, result, count, reason)
        else:
            proven.append((count, span))
    asked = {c.value for c in result.candidates if c.kind == "figure" and not c.chosen}
    contested = {c.role for c in result.candidates if c.kind == "figure" and not c.chosen and c.role
                 and c.reason in _CONTESTING and all(str(p.value) != c.value for p, _ in proven)}
    if any(c.role in contested for c, _ in proven):  # two readings of one role, one of them doubted: ask both
        result.warn("figures_contested", "cooperatives", "another {role} figure in the report is in doubt — "
                    "left empty", role=", ".join(sorted(contested)))
        for count, _ in proven:
            add_candidate(doc, result, count, "conflict")
        return
    echoed = [(c, span) for c, span in proven if str(c.value) in asked]
    for count, _ in echoed:  # "sekitar 100 ... tidak aktif" then "100 koperasi" again: one reading doubted is all doubted
        add_candidate(doc, result, count, "echo")
    _assign(doc, result, [(c, span) for c, span in proven if (c, span) not in echoed], as_of)


def _assign(doc: _Doc, result: Extraction, proven: list[tuple[Count, tuple[int, int]]], as_of) -> None:
    """The proven counts become the area's figures unless they disagree (two values for one role, several
    areas, active + inactive ≠ total): then none is assigned and all are candidates (issue 19, rule 3)."""
    by_role: dict[str, list[Count]] = {r: [c for c, _ in proven if c.role == r] for r in _ROLES}
    if not any(by_role.values()):
        return

    def ask(reason: str) -> None:
        for count, _ in proven:
            add_candidate(doc, result, count, reason)

    counts = CooperativeCounts()
    for role, found in by_role.items():
        values = sorted({c.value for c in found})
        if len(values) > 1:
            result.warn("figures_conflict", "cooperatives", "two values for the {role} count ({values}) — left empty",
                        role=role, values=", ".join(map(str, values)))
            return ask("conflict")
        if values:
            setattr(counts, role, values[0])
    areas = _area(doc, result, proven)
    if len(areas) > 1:
        result.warn("figures_areas", "cooperatives", "figures of several areas in one report — left empty")
        return ask("areas")
    counts.area_code = next(iter(areas))
    if None not in (counts.total, counts.active, counts.inactive) and counts.active + counts.inactive != counts.total:
        result.warn("figures_inconsistent", "cooperatives",
                    "cooperative figures do not add up: {active} active + {inactive} inactive ≠ {total} total "
                    "— left empty", active=counts.active, inactive=counts.inactive, total=counts.total)
        return ask("conflict")
    _derive(counts, result)
    if as_of:
        counts.as_of = as_of[0]
    if counts.area_code is None:
        result.warn("figures_area_unknown", "cooperatives", "the area of the cooperative figures is not clear")
    result.cooperatives = counts
    for count, _ in proven:
        add_candidate(doc, result, count, "chosen", chosen=True)
    spans = [(c.start, c.end) for c, _ in proven if getattr(counts, c.role or "", None) == c.value]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    result.evidence["cooperatives"] = (doc.snippet(start, end) if end - start <= SNIPPET_MAX else doc.snippet(*spans[0]))


def _latest_only(doc: _Doc, result: Extraction, kept: list[tuple[Count, tuple[int, int]]]):
    """Clauses with different as-of dates ("Per Desember 2023 terdapat 398 ..., sedangkan per Juni 2024
    tercatat 402 ..."): only the latest one's counts are the area's. Returns (kept, latest as-of)."""
    dated = {span: as_of_in(doc, *span) for _, span in kept}
    dates = {found for found in dated.values() if found}
    if len({found[0] for found in dates}) < 2:
        return kept, None
    latest = max(dates, key=lambda found: found[0])
    earlier = [c for c, span in kept if dated[span] and dated[span][0] < latest[0]]
    result.warn("figures_earlier", "cooperatives", "figures of an earlier date not taken: '{quote}'",
                quote=doc.snippet(earlier[0].start, earlier[-1].end))
    return [(c, span) for c, span in kept if c not in earlier], latest


def _resolve_parts(counts: list[Count]) -> None:
    """A part whose whole is the total and whose remainder is stated as inactive (or active) is the
    other role: "212 of the 530 ..." + "The other 318 have shown no activity" → 212 active."""
    for part in counts:
        whole = part.part_of
        if whole is None or whole.role != "total" or part.role in ("active", "inactive"):
            if whole is not None and whole.role != "total" and part.role not in ("active", "inactive"):
                part.role = "subset"  # "60 of its 248 inactive cooperatives": a part of a part
            continue
        for other, role in (("inactive", "active"), ("active", "inactive")):
            if any(c.role == other and c is not part and c.value + part.value == whole.value for c in counts):
                part.role = role
                part.by_partition = True
                break


def _derive(counts: CooperativeCounts, result: Extraction) -> None:
    """The one value two others imply, proposed only as derived (and said so)."""
    total, active, inactive = counts.total, counts.active, counts.inactive
    derived = {}
    if total is not None and active is not None and inactive is None and total >= active:
        derived["inactive"] = total - active
    elif total is not None and inactive is not None and active is None and total >= inactive:
        derived["active"] = total - inactive
    for role, value in derived.items():
        counts.derived[role] = value
        result.warn("figures_derived", "cooperatives", "{role} {value} is not written, only implied by the others "
                    "(derived, not proposed as stated)", role=role, value=value)
