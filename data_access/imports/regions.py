"""Region names as people write them → Kemendagri codes, for imports.

Loads the gazetteer (38 provinces, 514 regencies and their aliases) once per
import into memory, so a 200,000-row register does not ask the database once
per row. The matching is ``gazetteer.lookup``'s: every alias that matches is a
candidate; one candidate is an answer, several are a question ("Kupang": Kab.
Kupang 53.01 or Kota Kupang 53.71 — the row is rejected naming both codes), none
is answered with the closest names (rapidfuzz).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import crosswalk
from data_access.gazetteer import normalise
from data_access.imports.parsing import CellError, clean
from data_access.models_reference import Province, Regency, RegionAlias

_CODE = re.compile(r"^(\d{2})(?:\.?(\d{2}))?$")
_DOTLESS = re.compile(r"^\d{4}$")
_PREFIXES = (("kota administrasi ", "kota "), ("kota adm ", "kota "), ("kabupaten administrasi ", "kabupaten "),
             ("kab administrasi ", "kabupaten "), ("kabupaten adm ", "kabupaten "), ("kab adm ", "kabupaten "),
             ("kab ", "kabupaten "))  # longest first
SUGGESTION_CUTOFF = 75


@dataclass
class Gazetteer:
    provinces: dict[str, str]                    # code → name
    regencies: dict[str, tuple[str, str, str]]   # code → (name, kind, province code)
    aliases: dict[str, set[str]]                 # alias key → region codes (both levels)
    compact: dict[str, set[str]] = None          # alias key without spaces → region codes
    memo: dict[str, set[str]] = field(default_factory=dict)  # ``lookup`` answers (names repeat in a register)

    @classmethod
    def load(cls, session: Session) -> Gazetteer:
        provinces = dict(session.execute(select(Province.code, Province.name)).all())
        regencies = {code: (name, kind, prov) for code, name, kind, prov in session.execute(
            select(Regency.code, Regency.name, Regency.kind, Regency.province_code))}
        aliases: dict[str, set[str]] = defaultdict(set)
        for key, prov, reg in session.execute(
                select(RegionAlias.alias_key, RegionAlias.province_code, RegionAlias.regency_code)):
            aliases[key].add(reg or prov)
        for code, name in provinces.items():
            aliases[normalise(name)].add(code)
        for code, (name, _kind, _prov) in regencies.items():
            aliases[normalise(name)].add(code)
        compact: dict[str, set[str]] = defaultdict(set)
        for key, codes in aliases.items():
            compact[key.replace(" ", "")] |= codes
        return cls(provinces, regencies, dict(aliases), dict(compact))

    def lookup(self, text: str) -> set[str]:
        """Every code a name can mean: as written, with "Kab."/"Kota Adm." spelled out, or
        without its spaces and hyphens."""
        if text in self.memo:
            return self.memo[text]
        self.memo[text] = found = self._lookup(text)
        return found

    def _lookup(self, text: str) -> set[str]:
        key = " ".join("kepulauan" if word in ("kep", "kepl") else word for word in normalise(clean(text)).split())
        for short, long in _PREFIXES:
            if key.startswith(short):
                key = long + key[len(short):]
                break
        found = self.aliases.get(key)
        if found:
            return found
        return (self.compact or {}).get(key.replace(" ", ""), set())

    def kind(self, code: str) -> str | None:
        """"kabupaten" / "kota" for a regency code, ``None`` for a province."""
        return self.regencies[code][1] if code in self.regencies else None

    def code_readings(self, text: str, scheme: str | None = None) -> list[tuple[str, str]]:
        """``[(scheme, code)]`` a written code can mean: "53.01" → Kemendagri only; "1101" →
        Kemendagri 11.01 and BPS 1101 (= 11.09); ``scheme="bps"`` (a ``bps_*`` column) → BPS
        only. Empty when no reading is a known region."""
        raw = clean(text).replace(" ", "")
        readings: list[tuple[str, str]] = []
        if _DOTLESS.match(raw):
            bps = crosswalk.bps_regencies().get(raw)
            if bps and bps[0] in self.regencies:
                readings.append(("bps", bps[0]))
            if scheme == "bps":
                return readings
        elif scheme == "bps":
            return []
        match = _CODE.match(raw)
        if match:
            code = match[1] if match[2] is None else f"{match[1]}.{match[2]}"
            if code in self.provinces or code in self.regencies:
                readings.insert(0, ("kemendagri", code))
        return readings

    # --- labels ----------------------------------------------------------------------------
    def name(self, code: str) -> str:
        if code in self.provinces:
            return self.provinces[code]
        return self.regencies[code][0] if code in self.regencies else code

    def label(self, code: str) -> str:
        """"Kabupaten Kupang (53.01)"."""
        return f"{self.name(code)} ({code})"

    # --- codes -----------------------------------------------------------------------------
    def code(self, text: str) -> str | None:
        """"53.01", "5301", "53" → a known code; ``None`` when empty; CellError when unknown."""
        raw = clean(text).replace(" ", "")
        if not raw:
            return None
        match = _CODE.match(raw)
        if match:
            code = match[1] if match[2] is None else f"{match[1]}.{match[2]}"
            if code in self.provinces or code in self.regencies:
                return code
        raise CellError("unknown_code")

    def _suggest(self, key: str, keep) -> str:
        found: list[str] = []
        for alias, _score, _ in process.extract(key, list(self.aliases), scorer=fuzz.WRatio, limit=12,
                                                score_cutoff=SUGGESTION_CUTOFF):
            for code in sorted(self.aliases[alias]):
                if keep(code) and self.label(code) not in found:
                    found.append(self.label(code))
        return ", ".join(found[:3])

    def province(self, text: str) -> str:
        """The province a name or code means; CellError with suggestions otherwise."""
        raw = clean(text)
        if _CODE.match(raw.replace(" ", "")) and len(raw.replace(" ", "")) == 2:
            code = self.code(raw)
            if code in self.provinces:
                return code
        key = normalise(raw)
        hits = sorted(c for c in self.lookup(raw) if c in self.provinces)
        if len(hits) == 1:
            return hits[0]
        suggestions = self._suggest(key, lambda c: c in self.provinces)
        if suggestions:
            raise CellError("unknown_province_suggest", suggestions=suggestions)
        raise CellError("unknown_province")

    def regency(self, text: str, province_code: str | None = None, kind: str | None = None) -> str:
        """The kab/kota a name means (within ``province_code``, of ``kind`` when given).

        Several matches → CellError ``ambiguous_region`` listing each candidate with its
        code; none → the closest names."""
        key = normalise(clean(text))
        hits = sorted(c for c in self.lookup(text) if c in self.regencies)
        if kind and len(hits) > 1:
            hits = [c for c in hits if self.regencies[c][1] == kind] or hits
        if province_code:
            inside = [c for c in hits if c.startswith(province_code + ".")]
            if hits and not inside:
                raise CellError("regency_not_in_province", regency=", ".join(self.label(c) for c in hits),
                                province=self.label(province_code))
            hits = inside
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise CellError("ambiguous_region", candidates=", ".join(self.label(c) for c in hits))
        suggestions = self._suggest(
            key, lambda c: c in self.regencies and (not province_code or c.startswith(province_code + ".")))
        if suggestions:
            raise CellError("unknown_regency_suggest", suggestions=suggestions)
        raise CellError("unknown_regency")

    def matches(self, code: str, text: str) -> bool:
        """Whether ``text`` is one of the names of ``code`` (to check a code column against a name)."""
        return code in self.lookup(text)
