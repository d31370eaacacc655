"""Koperasi Desa/Kelurahan Merah Putih (KDMP): which sentences speak of them, and their figures.

Since Inpres 9/2025 every desa/kelurahan is to form a KDMP; its stages are musdesus (formed) →
notarial deed (akta pendirian) → legal entity approved (SK AHU, "berbadan hukum") → operational
(outlets, warehouse, ...). Reports of Satgas rakor state counts per stage; these are KDMP
figures and never an area's cooperative figures (``ingest.cooperatives`` skips every sentence
returned by ``kdmp_sentences``).

Rules (from how outlets write; see tests/extract_corpus/heldout4/m12, m13 and the cases):
- a sentence naming KDMP ("Koperasi Desa/Kelurahan Merah Putih", "KDMP", "Kopdes", "Red and
  White cooperatives") and the sentences after it in the same paragraph speak of KDMP — in a
  following paragraph only while they name a KDMP stage (wire reports give each sentence its
  own paragraph) — until one turns to something else ("Sementara itu", "Selain itu", "Meanwhile");
- a count's stage is the first stage word after it, up to the next number ("45 di antaranya
  sudah mengantongi SK AHU" → legal entity); a count negated ("belum beroperasi") has none;
  the whole of a part ("12 dari 48 KDMP sudah beroperasi") gives its stage to the part, and
  the whole of a percentage ("53 persen dari 190 KDMP ...") to none; a stage still under way ("masih dalam proses
  penerbitan akta", "sedang mengurus", "tengah") is not done, like a plan (issue 19, locked8 T17/T19);
- "N desa/kelurahan/villages" followed by a stage counts that stage ("2.285 desa telah menggelar
  musdesus" → formed) — and is the desa/kelurahan in scope too when all of them did ("seluruhnya",
  "all N villages"); preceded by one ("sudah terbentuk di 120 desa") it counts that stage; else
  it is the desa/kelurahan in scope;
- "50 dari 54 desa/kelurahan" with the one stage written before the part ("SK badan hukum … untuk 50 dari 54
  desa/kelurahan … telah terbit") gives the part that stage; two stages before it leave it asked;
- an estimate ("sekitar 78.600"), a target or plan ("ditargetkan … 30.000 akta"), the stage of another
  body ("409 dari 514 sudah membentuk satuan tugas"), a national sentence ("di seluruh Indonesia"), people
  ("17.355 notaris") or one part of an unwritten sum ("208 desa dan 27 kelurahan") is no figure (issue 19);
- a clause about a sub-area (kecamatan, a named desa) gives no figure; two different values for
  one key leave it empty with a warning;
- a sentence counting out of a national sentence ("Dari jumlah tersebut …" after "… se-Indonesia") is national;
- the area is the place named between a count and its stage word, else the report's kab/kota, else a
  province its organiser or title names (never a dateline's, a venue's or one in passing); several or
  none → no figure, with a warning; the as-of date is the figures' own.
"""

from __future__ import annotations

import re

from ingest.dates import as_of_in
from ingest.figure_proof import _ESTIMATE_BEFORE
from ingest.figures import _NUM, _PERCENT, clauses, parse_count
from ingest.result import Extraction, KdmpFigures
from ingest.text import _Doc, _places_in

KDMP_TERM = re.compile(r"\bMerah[\s-]+Putih\b|\bK[DK]K?MP\b|\bKop(?:des|kel)\b|\bRed[\s-]+and[\s-]+White\s+"
                       r"(?:Village\s+|Villages?'?\s+)?Cooperatives?\b", re.IGNORECASE)
_TURN = re.compile(r"\W*(?:sementara\s+itu|selain\s+itu|adapun|secara\s+umum|secara\s+keseluruhan|di\s+sisi\s+lain|"
                   r"meanwhile|in\s+addition|separately)\b", re.IGNORECASE)
_STAGES = (
    ("legal_entity", r"badan\s+hukum|SK\s*AHU|\bAHU\b|legal[\s-]+entit|legal\s+status|legally\s+registered"),
    ("notarial_deed", r"\bakta\b|notari"),
    ("operational", r"beroperasi|operasional|operating|operational|in\s+operation"),
    ("formed", r"terbentuk|dibentuk|membentuk|berdiri|didirikan|established|formed|set\s+up|musdesus|"
               r"musyawarah\s+(?:desa|kelurahan)"),
)
_STAGE = re.compile("|".join(f"(?P<{key}>{pattern})" for key, pattern in _STAGES), re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:belum|tidak|tak|not|yet\s+to|have\s+not|has\s+not)\b[^,.;]{0,20}$", re.IGNORECASE)
# A stage still under way ("235 kampung ... masih dalam proses penerbitan akta notaris", "4 masih dalam proses
# pengurusan di notaris", "sedang mengurus akta") is not done, like a plan word (issue 19, locked8 T17/T19).
_IN_PROCESS = re.compile(r"\b(?:(?:dalam\s+)?proses|diproses|sedang|(?-i:tengah)|mengurus|diurus|pengurusan|"
                         r"in\s+(?:the\s+)?process|being\s+processed|underway|pending)\b", re.IGNORECASE)
_VILLAGES = re.compile(r"\s*(?:desa(?:\s*/\s*kelurahan|\s+dan\s+kelurahan)?|kelurahan|villages?"
                       r"(?:\s+and\s+(?:urban\s+)?(?:wards|sub-?districts))?)\b", re.IGNORECASE)
_WHOLE = re.compile(r"(?<![\d.,])(?P<part>\d[\d.,]*)\s*(?P<percent>persen|percent|%)?\s*(?:unit\s+|koperasi\s+)?"
                    r"(?:dari|of)\s+(?:the\s+|total\s+|its\s+)?$", re.IGNORECASE)
# A sub-area: "Kecamatan Sabbang", "Desa Sukamaju" — not "Koperasi Desa Merah Putih", "desa/kelurahan".
_SUB_AREA = re.compile(r"\b(?:[Kk]ecamatan|Kec\.|Distrik|sub-?districts?)\b|\b(?:Desa|Kelurahan|Nagari|Gampong|Kampung)"
                       r"\s+(?!Merah\b|dan\b|Red\b)[A-Z]")
_ALL = re.compile(r"\b(?:all|seluruh|semua)\s+(?:the\s+|of\s+the\s+)?$", re.IGNORECASE)
_ALL_AFTER = re.compile(r"\b(?:seluruhnya|semuanya|all\s+of\s+them)\b", re.IGNORECASE)
# "mencapai 92,5 persen atau 50 kelurahan/desa": a part said again as a count, never the desa/kelurahan in scope.
_RESTATED = re.compile(r"(?:persen|percent|%)\s+(?:atau|or)\s+$", re.IGNORECASE)
# A count that is not yet a count of KDMP at a stage (issue 19, locked4 P07/P16): an estimate ("sekitar 78.600
# musdesus"), a target or plan ("ditargetkan sudah ada 30.000 akta"), or a stage of something else ("409 dari 514
# sudah membentuk satuan tugas"). Such a count is left to the editor.
_PLANNED = re.compile(r"\b(?:ditargetkan|target(?:nya)?|direncanakan|rencana(?:nya)?|diharapkan|diproyeksikan|"
                      r"akan|bakal|targeted|expected|planned|will)\b", re.IGNORECASE)
# The whole country ("80.081 koperasi berbadan hukum di seluruh Indonesia"), people counted ("17.355 notaris"), or
# one part of a sum the text does not write ("di 208 desa dan 27 kelurahan"): no figure of the report's area.
_NATIONAL = re.compile(r"\b(?:seluruh\s+Indonesia|se-?Indonesia|di\s+Indonesia|tanah\s+air|nasional|nationwide|"
                       r"across\s+Indonesia|the\s+country)\b", re.IGNORECASE)
_PEOPLE = re.compile(r"\s*(?:orang\b|notaris\b|anggota\b|pengurus\b|peserta\b|warga\b|people\b|notaries\b|members\b)",
                     re.IGNORECASE)
_SUM_PART = re.compile(r"\s*(?:desa|kelurahan)\s+dan\s+[\d.,]+\s*(?:desa|kelurahan)\b", re.IGNORECASE)
_SUM_PART_BEFORE = re.compile(r"[\d.,]+\s*(?:desa|kelurahan)\s+dan\s+$", re.IGNORECASE)
_OTHER_SUBJECT = re.compile(r"\s*(?:\(?\s*)?(?:satuan\s+tugas|satgas|pengurus|kepengurusan|tim\b|task\s+force)",
                            re.IGNORECASE)
# A sentence that counts out of the sentence before ("Dari jumlah tersebut sudah ada 108 koperasi yang beroperasi"
# after "80.000 koperasi … se-Indonesia"): it keeps that sentence's scope (issue 19, locked6 R11).
_ANAPHOR = re.compile(r"\W*(?:dari\s+(?:jumlah|total|angka|koperasi)\s+(?:tersebut|itu)|di\s+antaranya|"
                      r"of\s+(?:these|them|this\s+number|that\s+number|the\s+total)\b)", re.IGNORECASE)
_IN_AT = re.compile(r"\b(?:di|in|at)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PROVINCE_WORD = re.compile(r"\b(?:province|provinsi)\b", re.IGNORECASE)
KEYS = ("formed", "notarial_deed", "legal_entity", "operational", "villages")


def kdmp_sentences(doc: _Doc) -> list[tuple[int, int]]:
    """Body sentences that speak of KDMP (module docstring), in order."""
    spans: list[tuple[int, int]] = []
    in_kdmp = False
    previous_end = None
    for start, end in doc.sentences:
        if end <= doc.body_start or doc.in_teaser(start):
            in_kdmp = False
            continue
        new_paragraph = previous_end is not None and "\n\n" in doc.text[previous_end:start].replace("\r", "")
        previous_end = end
        if KDMP_TERM.search(doc.text, start, end):
            in_kdmp = True
        elif _TURN.match(doc.text, start, end) or "\n" in doc.text[start:end].strip() \
                or (new_paragraph and not _STAGE.search(doc.text, start, end)):
            in_kdmp = False
        if in_kdmp:
            spans.append((start, end))
    return spans


def _counts(doc: _Doc, start: int, end: int) -> list[tuple[str, int, int, int, int]]:
    """(key, value, count start, stage start, stage end) for every KDMP count of one sentence."""
    text = doc.text
    numbers = [m for m in _NUM.finditer(text, start, end)
               if not any(d.start <= m.start() < d.end for d in doc.dates) and not _PERCENT.match(text, m.end())]
    found = []
    for i, m in enumerate(numbers):
        value = parse_count(m.group(), doc.english)
        if value is None or (1900 <= value <= 2100 and not _VILLAGES.match(text, m.end())):
            continue
        window_end = numbers[i + 1].start() if i + 1 < len(numbers) else end
        stage = _STAGE.search(text, m.end(), window_end)
        if _NATIONAL.search(text, start, end) or _PEOPLE.match(text, m.end()) or _SUM_PART.match(text, m.end()) \
                or _SUM_PART_BEFORE.search(text, max(start, m.start() - 30), m.start()) \
                or _ESTIMATE_BEFORE.search(text, max(start, m.start() - 30), m.start()) \
                or _PLANNED.search(text, start, stage.start() if stage else m.end()) \
                or (stage is not None and _OTHER_SUBJECT.match(text, stage.end())):
            continue
        negated = stage is not None and (_NEGATED.search(text[m.end():stage.start()])
                                         or _IN_PROCESS.search(text, m.end(), stage.start()))
        villages = _VILLAGES.match(text, m.end())
        whole = _WHOLE.search(text, max(start, m.start() - 40), m.start())
        if whole:  # "12 dari 48 KDMP sudah beroperasi": the stage is the part's; "53 persen dari 190": no count
            if villages:
                found.append(("villages", value, m.start(), m.start(), m.end()))
            part = parse_count(whole.group("part"), doc.english) if not whole.group("percent") else None
            if part is not None and stage is not None and not negated:
                key = next(k for k in KEYS if stage.group(k))
                found.append((key, part, whole.start(), stage.start(), stage.end()))
            elif part is not None and stage is None:  # "Akta ... badan hukum ... untuk 50 dari 54 desa ... telah terbit"
                earlier = _earlier_stage(text, start, whole.start())
                if earlier is not None:
                    found.append((earlier[0], part, whole.start(), earlier[1], earlier[2]))
            continue
        if villages and stage is not None and not negated:
            key = next(k for k in KEYS if stage.group(k))  # "2.285 desa ... telah menggelar musdesus": formed
            found.append((key, value, m.start(), stage.start(), stage.end()))
            if _ALL.search(text[start:m.start()][-20:]) or _ALL_AFTER.search(text, m.end(), window_end):
                found.append(("villages", value, m.start(), m.start(), m.end()))  # "seluruh 48 kelurahan"
            continue
        if villages and _RESTATED.search(text, max(start, m.start() - 20), m.start()):
            earlier = _earlier_stage(text, start, m.start())  # "SK badan hukum ... 92,5 persen atau 50 desa"
            if earlier is not None:
                found.append((earlier[0], value, m.start(), earlier[1], earlier[2]))
            continue
        if villages:
            before = text[start:m.start()]
            earlier = list(_STAGE.finditer(before))
            if earlier and _IN_AT.search(before[-20:]) and not _NEGATED.search(before[:earlier[-1].start()][-25:]) \
                    and not _IN_PROCESS.search(before[:earlier[-1].start()][-25:]):
                key = next(k for k in KEYS if earlier[-1].group(k))  # "sudah terbentuk di 120 desa"
                found.append((key, value, m.start(), start + earlier[-1].start(), m.end()))
                continue
            found.append(("villages", value, m.start(), m.start(), m.end()))
            continue
        if stage is None or negated:
            continue
        key = next(k for k in KEYS if stage.group(k))
        found.append((key, value, m.start(), stage.start(), stage.end()))
    return found


def _earlier_stage(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """(key, start, end) of the stage of ``text[start:end]`` when it names one stage only, not negated, else
    ``None`` ("Akta atau SK badan hukum … dari notaris untuk 50 dari 54 desa": two stages — asked)."""
    earlier = list(_STAGE.finditer(text, start, end))
    if not earlier or _NEGATED.search(text[start:earlier[-1].start()][-25:]) \
            or _IN_PROCESS.search(text[start:earlier[-1].start()][-25:]):
        return None
    if len({next(k for k in KEYS if m.group(k)) for m in earlier}) != 1:
        return None
    last = earlier[-1]
    return next(k for k in KEYS if last.group(k)), last.start(), last.end()


def _area_of(doc: _Doc, result: Extraction, spans: list[tuple[int, int]]) -> set[str]:
    """Codes of the places named between each count and its stage word."""
    codes: set[str] = set()
    for start, end in spans:
        for p in _places_in(doc, start, end):
            regencies = p.regency_codes
            if len(regencies) == 1 and (p.explicit or p.title or next(iter(regencies)) == result.regency_code):
                codes.add(next(iter(regencies)))
            elif p.is_province and len(p.regions) == 1:
                codes.add(p.regions[0].code)
        if _PROVINCE_WORD.search(doc.text, start, end) and not codes and result.province_code:
            codes.add(result.province_code)
    return codes


def _fill_kdmp(doc: _Doc, result: Extraction) -> None:
    """Propose the report's KDMP figures with evidence per key (module docstring)."""
    sentences = kdmp_sentences(doc)
    found = []
    national = False  # the sentence before spoke of the whole country
    for s_start, s_end in sentences:
        if national and _ANAPHOR.match(doc.text, s_start):  # counted out of a national count: not the area's
            continue
        national = bool(_NATIONAL.search(doc.text, s_start, s_end))
        for start, end in clauses(doc, s_start, s_end):
            mine = _counts(doc, start, end)
            if mine and _SUB_AREA.search(doc.text, start, end):  # "Di Kecamatan Sabbang, 12 KDMP sudah beroperasi"
                result.warn("kdmp_sub_area", "kdmp_figures", "KDMP figures of a sub-area (kecamatan/desa) not taken: "
                            "'{quote}'", quote=doc.snippet(mine[0][2], mine[-1][4]))
                continue
            found += mine
    if not found:
        return
    figures = KdmpFigures()
    for key in KEYS:
        mine = [c for c in found if c[0] == key]
        values = sorted({c[1] for c in mine})
        if len(values) > 1:
            result.warn("kdmp_conflict", "kdmp_figures", "two values for the KDMP {key} count ({values}) — left empty",
                        key=key, values=", ".join(map(str, values)))
        elif values:
            setattr(figures, key, values[0])
            figures.evidence[key] = doc.snippet(mine[0][2], mine[0][4])
    if all(getattr(figures, key) is None for key in KEYS):
        return
    areas = _area_of(doc, result, [(c[2], max(c[3], c[4])) for c in found])
    if len(areas) > 1:
        result.warn("kdmp_areas", "kdmp_figures", "KDMP figures of several areas ({areas}) — area left empty",
                    areas=", ".join(sorted(areas)))
    else:
        # Only an area the report proves: its kab/kota, or a province its organiser or title names — never the
        # province of a dateline, a venue or a passing mention ("termasuk … dari Jawa Tengah"; locked6 R11/R12).
        figures.area_code = next(iter(areas)) if areas else (
            result.regency_code or (result.province_code if result.province_basis == "stated" else None))
    for start, end in sentences:
        as_of = as_of_in(doc, start, end)
        if as_of:
            figures.as_of = as_of[0]
            figures.evidence["as_of"] = doc.snippet(as_of[1], as_of[2])
            break
    if not figures.area_code:
        # Right or ask (issue 19, locked6 R11/R12): a KDMP count whose area the report never names ("82.000 koperasi
        # desa Merah Putih yang sudah memiliki badan hukum" in a national report) is a figure under no name: asked.
        result.warn("kdmp_no_area", "kdmp_figures", "KDMP figures with no kab/kota or province of their own not taken: "
                    "'{quote}'", quote=doc.snippet(found[0][2], found[0][4]))
        return
    figures.evidence["area"] = doc.snippet(found[0][2], found[0][4])
    result.kdmp_figures = figures
