"""Place names: every gazetteer name the text writes, and what its context says it can mean."""

from __future__ import annotations

import re
from dataclasses import dataclass

from data_access.gazetteer import Region, alias_index, normalise, regions_by_code
from ingest.text import _capitalised

_ADMIN_PREFIXES = {"kabupaten", "kab", "kota", "provinsi", "prov"}
# Seats and bare names that are also everyday words ("Jalan Raya", "Tanjung", "Ibu Kota Negara").
_BARE_STOPWORDS = {
    "raya", "tanjung", "benteng", "rantau", "sumber", "batu", "negara", "pinang", "pandan", "salak",
    "metro", "puncak", "banjar", "bula", "bone", "buru", "manna", "waris", "menteng", "koja", "pusat",
}
_TOKEN = re.compile(r"[^\W_]+")
_PREFIX_LEVEL = {"kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota"}
_ABBREVIATED = {"adm": "administrasi"}  # "Kota Adm. Jakarta Utara" = "Kota Administrasi Jakarta Utara"
_TITLE_CONTEXT = re.compile(
    r"(?P<title>Wakil\s+Bupati|Bupati|Wabup|Pemkab|Wakil\s+Wali\s?kota|Wali\s?kota(?:\s+Adm\.)?|Wawali|Pemkot|"
    r"Wakil\s+Gubernur|Gubernur|Wagub|Pemprov)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Place:
    """A place name in the text and every region it can mean (after context filtering)."""

    start: int
    end: int
    text: str
    regions: tuple[Region, ...]
    explicit: bool  # "Kabupaten Belu", "Kota Kupang", "Provinsi NTT", "NTT", "Kalimantan Timur"
    title: str | None  # "Bupati" in "Bupati Belu"

    @property
    def is_province(self) -> bool:
        return bool(self.regions) and all(r.level == "provinsi" for r in self.regions)

    @property
    def regency_codes(self) -> set[str]:
        return {r.code for r in self.regions if r.level != "provinsi"}

    @property
    def kabupaten_prefixed(self) -> bool:
        return normalise(self.text).split(" ")[0] in {"kabupaten", "kab"}




def _place_mentions(text: str) -> list[_Place]:
    """Every gazetteer name in the text, longest match first.

    Prefixed names ("Kabupaten Belu", "Kota Kupang", "Provinsi NTT") and province
    names count anywhere; a bare name ("Belu", "Atambua") must be capitalised
    and not an everyday word. Whether a bare name is *used* is decided by where
    it stands (venue, dateline, "Bupati X") — "Yohanes Muna" is a person, not
    Kabupaten Muna.
    """
    index = alias_index()
    tokens = [(m.start(), m.end(), normalise(m.group())) for m in _TOKEN.finditer(text)]
    found: list[_Place] = []
    prefixed_only: dict[str, tuple[Region, ...]] = {}
    i = 0
    while i < len(tokens):
        match = None
        for n in range(min(6, len(tokens) - i), 0, -1):
            window = tokens[i:i + n]
            if any(not re.fullmatch(r"\s*\.?\s*|-", text[a[1]:b[0]]) or "\n" in text[a[1]:b[0]]
                   for a, b in zip(window, window[1:], strict=False)):
                continue  # "Kab. Kupang", "Toli-Toli" are one name; a line break or comma ends it
            key = " ".join(_ABBREVIATED.get(t[2], t[2]) if j == 1 else t[2] for j, t in enumerate(window))
            if key in index:
                match = (n, key)
                break
            level = _PREFIX_LEVEL.get(window[0][2]) if n > 1 else None
            rest = key.split(" ", 1)[-1]
            if level and any(r.level == level for r in index.get(rest, ())):  # "Kabupaten Tolitoli": no such
                prefixed_only[key] = tuple(r for r in index[rest] if r.level == level)  # alias, but "Tolitoli"
                match = (n, key)
                break
        if match is None:
            i += 1
            continue
        n, key = match
        start, end = tokens[i][0], tokens[i + n - 1][1]
        words = [text[a:b] for a, b, _ in tokens[i:i + n]]
        regions = prefixed_only.get(key) or index[key]
        prefixed = key.split(" ")[0] in _ADMIN_PREFIXES and n > 1
        is_province = all(r.level == "provinsi" for r in regions)
        named = words[1:] if prefixed else words
        ok = all(_capitalised(w) for w in named)
        if not prefixed and not is_province and key in _BARE_STOPWORDS:
            ok = False
        if ok:
            title_m = _TITLE_CONTEXT.search(text[max(0, start - 30):start])
            title = title_m.group("title") if title_m and not prefixed else None
            regions = _filter_by_title(regions, title)
            english = _ENGLISH_LEVEL.match(text, end) if not prefixed and not is_province else None
            if english:  # "Malang regency", "Bogor city": as explicit as "Kabupaten Malang"
                level = "kota" if english.group(1).lower() in ("city", "mayor") else "kabupaten"
                regions = tuple(r for r in regions if r.level == level) or regions
            found.append(_Place(start, end, text[start:end], regions, prefixed or is_province or bool(english), title))
        i += n
    english = _english_provinces(text) + _english_regencies(text)  # "Riau Islands" is one name, not "Riau" + a word
    found = [p for p in found if not any(e.start <= p.start < e.end for e in english)]
    return sorted(found + english, key=lambda p: p.start)


# "Sorong District" in Antara English is the kabupaten ("sub-district" is a kecamatan and not matched);
# "Jayapura acting mayor" the kota, "Kupang regent" the kabupaten.
_ENGLISH_LEVEL = re.compile(r"\s+(?:acting\s+|deputy\s+|vice\s+)?(regency|city|district|regent|mayor)\b(?!\s+of\b)",
                            re.IGNORECASE)
# English names of provinces as Indonesian outlets' English editions write them.
_COMPASS = {"north": "utara", "south": "selatan", "east": "timur", "west": "barat", "central": "tengah",
            "southeast": "tenggara", "southwest": "barat daya", "n": "utara", "s": "selatan", "e": "timur",
            "w": "barat"}
_ENGLISH_PROVINCE = re.compile(
    r"\b(?P<dir>North|South|East|West|Central|Southeast|Southwest|[NSEW])\.?\s+(?P<name>Sumatra|Sumatera|Java|"
    r"Kalimantan|Sulawesi|Nusa\s+Tenggara|Papua|Maluku)\b|\b(?P<alone>Bangka\s+Belitung|Riau\s+Islands)\b")
_ENGLISH_ALONE = {"bangka belitung": "kepulauan bangka belitung", "riau islands": "kepulauan riau"}


def _english_provinces(text: str) -> list[_Place]:
    """ "West Kalimantan", "E Nusa Tenggara", "Riau Islands" → their provinces (explicit)."""
    index = alias_index()
    found = []
    for m in _ENGLISH_PROVINCE.finditer(text):
        if m.group("alone"):
            key = _ENGLISH_ALONE[normalise(m.group("alone"))]
        else:
            name = normalise(m.group("name")).replace("sumatra", "sumatera").replace("java", "jawa")
            key = f"{name} {_COMPASS[m.group('dir').lower()]}"
        regions = tuple(r for r in index.get(key, ()) if r.level == "provinsi")
        if regions:
            found.append(_Place(m.start(), m.end(), m.group(), regions, True, None))
    return sorted(found, key=lambda p: p.start)


# "West Lombok District", "South Tangerang City", "Southwest Sumba", "South Central Timor": the gazetteer's
# "Lombok Barat", "Tangerang Selatan", "Sumba Barat Daya", "Timor Tengah Selatan" (issue 19, locked8 T28).
_ENGLISH_REGENCY = re.compile(
    r"\b(?P<dir>North|South|East|West|Southeast|Southwest|Northeast|Northwest|Central)(?P<central>\s+Central)?\s+"
    r"(?P<name>[A-Z][a-z]+(?:[\s-](?!(?:District|Regency|City)\b)[A-Z][a-z]+)?)(?P<level>\s+(?:District|Regency|City))?\b")
_COMPASS_MORE = {"northeast": "timur laut", "northwest": "barat laut"}


def _english_regencies(text: str) -> list[_Place]:
    """English compass forms of kab/kota names → the gazetteer's "X Barat/Timur/Utara/Selatan/Tengah/Barat Daya"
    ("Central Jakarta" is Jakarta Pusat); explicit when "District/Regency/City" follows (then that level only)."""
    index = alias_index()
    found = []
    for m in _ENGLISH_REGENCY.finditer(text):
        direction = m.group("dir").lower()
        compass = _COMPASS.get(direction) or _COMPASS_MORE[direction]
        name = normalise(m.group("name"))
        if direction == "central" and name == "jakarta":
            compass = "pusat"
        key = f"{name} {'tengah ' if m.group('central') else ''}{compass}"
        level = (m.group("level") or "").strip().lower()
        regions = tuple(r for r in index.get(key, ()) if r.level != "provinsi"
                        and (not level or r.level == ("kota" if level == "city" else "kabupaten")))
        if regions:
            found.append(_Place(m.start(), m.end(), m.group(), regions, bool(level), None))
    return found


def _filter_by_title(regions: tuple[Region, ...], title: str | None) -> tuple[Region, ...]:
    """Context decides: "Bupati Kupang" is the kabupaten, "Wali Kota Kupang" the kota."""
    if not title:
        return regions
    t = title.lower().replace(" ", "")
    wanted = ("provinsi" if any(w in t for w in ("gubernur", "wagub", "pemprov"))
              else "kota" if any(w in t for w in ("walikota", "wawali", "pemkot")) else "kabupaten")
    narrowed = tuple(r for r in regions if r.level == wanted)
    return narrowed or regions






def _region_name(code: str | None) -> str | None:
    region = regions_by_code().get(code or "")
    return region.name if region else None


def _describe(regions: set[str]) -> str:
    return " or ".join(f"{_region_name(c)} ({c})" for c in sorted(regions))

