"""What a table's title says: the year, the province and what is counted.

"Tabel 9.3.1 Jumlah Koperasi Aktif dan Tidak Aktif Menurut Kabupaten/Kota di Provinsi
Nusa Tenggara Timur, 2018" → year 2018, province 53, and (for a table of one figure)
the measure. A table number ("9.3.1") is never a year.
"""

from __future__ import annotations

import re

from data_access.gazetteer import normalise
from data_access.imports.regions import Gazetteer

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.])")
_INACTIVE = ("tidak aktif", "non aktif", "nonaktif", "tidak beroperasi", "inactive")


def year(text: str) -> int | None:
    """The last 4-digit year standing alone in the text."""
    found = _YEAR.findall(text or "")
    return int(found[-1]) if found else None


def province(text: str, gazetteer: Gazetteer) -> str | None:
    """The province the title names (its longest province name or alias found as whole words)."""
    key = f" {normalise(text or '')} "
    best: tuple[int, str] | None = None
    for alias, codes in gazetteer.aliases.items():
        provinces = {c for c in codes if c in gazetteer.provinces}
        if len(provinces) != 1 or len(alias) < 4 or f" {alias} " not in key:
            continue
        if codes - provinces:  # also a kab/kota name ("Banda Aceh"): not a province's word
            continue
        if best is None or len(alias) > best[0]:
            best = (len(alias), provinces.pop())
    return best[1] if best else None


# Words that make a title something other than the number of (active/inactive) cooperatives: a share
# ("Persentase KSP / USP Koperasi yang Sehat", found in a real Satu Data export), a subset or another measure.
NOT_A_COUNT = ("persentase", "persen", "prosentase", "rasio", "ratio", "proporsi", "percentage", "rata", "average",
               "sehat", "berprestasi", "anggota", "karyawan", "modal", "aset", "volume", "shu", "ksp", "usp",
               "simpan", "dibubarkan", "bubar")


def measure(text: str) -> str | None:
    """"active", "inactive" or "total" when the text says exactly one; ``None`` otherwise.

    "Jumlah Koperasi Aktif" → active; "Koperasi Tidak Aktif" → inactive; "Jumlah Koperasi" →
    total; "Koperasi Aktif dan Tidak Aktif" names two → ``None``."""
    key = f" {normalise(text or '')} "
    if any(f" {w} " in key for w in NOT_A_COUNT):  # a share or a subset is never the count of all
        return None
    inactive = any(f" {w} " in key for w in _INACTIVE)
    rest = key
    for word in _INACTIVE:
        rest = rest.replace(f" {word} ", " ")
    active = " aktif " in rest or " active " in rest
    if active and inactive:
        return None
    if inactive:
        return "inactive"
    if active:
        return "active"
    if " koperasi " in key or " cooperatives " in key or " cooperative " in key:
        return "total"
    return None
