"""Desa/kelurahan as people write them → their Kemendagri code, always within a kab/kota.

Used by the ``kdmp`` import kind. The kecamatan and desa of a kab/kota are read from the
gazetteer tables (``district``, ``village``) the first time a row names that kab/kota, so an
import reads only the kab/kota its file lists, never the country's 83,762 desa.

Rules (issue 14; codes: ``models_kdmp``):
- A desa code ``53.02.05.2005`` (also written ``5302052005``) names one desa or kelurahan.
- A name is looked up only among the desa of its kab/kota and, when the kecamatan is given, of that
  kecamatan. Names compare without case, punctuation or spaces ("Oe'ekam" = "Oeekam",
  "Niki-Niki" = "Niki Niki"); "Desa …" / "Kelurahan …" (or "Kel.", "Ds.") before the name chooses
  the kind when a desa and a kelurahan share it.
- A name matching several desa (in different kecamatan, or a desa and a kelurahan) raises
  ``CellError("ambiguous_village")`` naming every candidate with its code and kecamatan; no match
  raises ``unknown_village`` (with the closest names of the kab/kota or kecamatan when there are).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.gazetteer import normalise
from data_access.imports.parsing import CellError, clean
from data_access.models_kdmp import District, Village

_CODE = re.compile(r"^(\d{2})\.?(\d{2})\.?(\d{2})\.?(\d{4})$")
_KIND_WORDS = (("kelurahan ", "kelurahan"), ("kel ", "kelurahan"), ("desa ", "desa"), ("ds ", "desa"))
_DISTRICT_WORDS = ("kecamatan ", "kec ")
SUGGESTION_CUTOFF = 80


@dataclass(frozen=True)
class Place:
    """One desa/kelurahan: ``code`` "53.02.05.2005", ``kind`` "desa" | "kelurahan"."""

    code: str
    name: str
    kind: str
    district_code: str
    district_name: str


def _key(text: str) -> str:
    return normalise(clean(text)).replace(" ", "")


def name_and_kind(text: str) -> tuple[str, str | None]:
    """``("oesao", "kelurahan")`` for "Kel. Oesao": the compared name and the kind written before it."""
    key = normalise(clean(text))
    for word, kind in _KIND_WORDS:
        if key.startswith(word) and len(key) > len(word):
            return key[len(word):].replace(" ", ""), kind
    return key.replace(" ", ""), None


def district_key(text: str) -> str:
    key = normalise(clean(text))
    for word in _DISTRICT_WORDS:
        if key.startswith(word) and len(key) > len(word):
            key = key[len(word):]
    return key.replace(" ", "")


def parse_code(text: str) -> str | None:
    """"53.02.05.2005" or "5302052005" → "53.02.05.2005"; ``None`` when not shaped like a desa code."""
    match = _CODE.match(clean(text).replace(" ", ""))
    return ".".join(match.groups()) if match else None


class VillageIndex:
    """The desa of the kab/kota an import names, loaded per kab/kota on first use (one session)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._places: dict[str, list[Place]] = {}
        self._districts: dict[str, dict[str, str]] = {}

    def _load(self, regency: str) -> list[Place]:
        if regency not in self._places:
            districts = dict(self.session.execute(
                select(District.code, District.name).where(District.regency_code == regency)).all())
            rows = self.session.execute(select(Village.code, Village.name, Village.kind, Village.district_code)
                                        .where(Village.regency_code == regency).order_by(Village.code))
            self._districts[regency] = districts
            self._places[regency] = [Place(code, name, kind, district, districts.get(district, district))
                                     for code, name, kind, district in rows]
        return self._places[regency]

    @staticmethod
    def label(place: Place) -> str:
        """"Desa Tumu (53.02.05.2005, Kec. Amanuban Tengah)"."""
        return f"{place.kind.capitalize()} {place.name} ({place.code}, Kec. {place.district_name})"

    def by_code(self, text: str) -> Place:
        """The desa a code names; ``CellError("unknown_village_code")`` when none."""
        code = parse_code(text)
        found = next((p for p in self._load(code[:5]) if p.code == code), None) if code else None
        if found is None:
            raise CellError("unknown_village_code")
        return found

    def district(self, text: str, regency: str) -> str:
        """The kecamatan code a name means within ``regency``; ``CellError`` when none."""
        self._load(regency)
        districts = self._districts[regency]
        key = district_key(text)
        hits = [code for code, name in districts.items() if district_key(name) == key]
        if len(hits) == 1:
            return hits[0]
        by_key = {district_key(name): name for name in districts.values()}
        close = process.extract(key, list(by_key), scorer=fuzz.WRatio, limit=3, score_cutoff=SUGGESTION_CUTOFF)
        if close:
            raise CellError("unknown_district_suggest", suggestions=", ".join(by_key[k] for k, _s, _i in close))
        raise CellError("unknown_district")

    def in_district(self, place: Place, text: str) -> bool:
        return district_key(place.district_name) == district_key(text)

    def names_match(self, place: Place, text: str) -> bool:
        key, kind = name_and_kind(text)
        return _key(place.name) == key and kind in (None, place.kind)

    def find(self, text: str, regency: str, district: str | None = None) -> Place:
        """The one desa named ``text`` in ``regency`` (and ``district``); see the module rules."""
        places = [p for p in self._load(regency) if district is None or p.district_code == district]
        key, kind = name_and_kind(text)
        hits = [p for p in places if _key(p.name) == key]
        if kind and len(hits) > 1:
            hits = [p for p in hits if p.kind == kind] or hits
        elif kind:
            hits = [p for p in hits if p.kind == kind]
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise CellError("ambiguous_village", candidates="; ".join(self.label(p) for p in hits))
        by_key = {_key(p.name): p for p in places}
        close = process.extract(key, list(by_key), scorer=fuzz.WRatio, limit=3, score_cutoff=SUGGESTION_CUTOFF)
        if close:
            raise CellError("unknown_village_suggest",
                            suggestions="; ".join(self.label(by_key[k]) for k, _s, _i in close))
        raise CellError("unknown_village")
