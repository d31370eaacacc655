"""Offices named after an area: "Kantor Imigrasi Pati", "Polres Sikka", "Bank NTT Cabang Ende", "Kodim 1603/Sikka".

Rule (issue 19; locked7 S20 "Kantor Imigrasi Pati" in a report about Kabupaten Rembang, S21 "Kantor Imigrasi
Tanjung Balai Asahan" at a desa binaan in Kabupaten Batubara): a place name inside the name of an office or
institution that is not the area's own government — immigration (Imigrasi, Kanim), the migrant-worker agency's
units (BP3MI, UPT BP2MI), police, prosecutors, courts, hospitals, banks and their branches, universities and
schools, military commands, prisons, airports and ports, tax, land, statistics and election offices, a
ministry's regional office — is part of that name. It is not a statement of where the report is: such an office
serves several kab/kota, or stands in one and works in another (Kanim Pati holds a sosialisasi in Rembang). So
its place never proves the report's kab/kota or province: it is shown as a candidate (reason ``office``), and
when it is the only place named, the area is asked, not proposed. A wrong area is worse than a question.

The area's own government is not listed: "Dinas Koperasi Kabupaten Pati", "Pemkab Pati", "Bupati Pati",
"Wali Kota Kupang", DPRD and Dekopinda still place the report as its organiser or host. LTSA is left out for the
same reason: it is the one-stop service the kab/kota government runs.

An office's name runs from its word over at most six capitalised words, numbers, Roman numerals and "/"
("Kantor Imigrasi Kelas I Non TPI Pati", "Kodim 1603/Sikka", "Bank NTT Cabang Ende"); it ends at punctuation, a
line break, a lower-case word, a linking word or headline verb written capitalised ("Di", "Dan", "Gelar") or a
word of the area's government ("Pemkab", "Bupati", "Dinas").
"""

from __future__ import annotations

import re

_OFFICE = re.compile(
    r"\b(?:Imigrasi|Kanim|Kakanim|Rudenim|BP3MI|BP2MI|KP2MI|P4MI|BNP2TKI|"
    r"Polres\w*|Polda|Polsek|Polair\w*|Kapolres\w*|Kapolda|Kapolsek|"
    r"Kejari|Kejati|Kajari|Kajati|Kejaksaan|Pengadilan|PN|"
    r"RSUD|RSU|RS|Rumah\s+Sakit|Bank|Cabang|Capem|BPJS|"
    r"Universitas|Politeknik|Institut|Sekolah\s+Tinggi|STIE|STKIP|IAIN|UIN|Akademi|SMAN?|SMKN?|SMPN?|"
    r"Kodim|Korem|Koramil|Kodam|Dandim|Danrem|Lanal|Lanud|Lantamal|Yonif|"
    r"Ma(?:polres\w*|polda|polsek|kodim|korem|koramil)|"  # the headquarters: "di Mapolres Sikka"
    r"Lapas|Rutan|LPKA|Bapas|Kalapas|Karutan|"
    r"Bandara|Bandar\s+Udara|Pelabuhan|KSOP|Syahbandar|"
    r"KPP|KPPN|Bea\s+Cukai|Kantor\s+Pajak|Kantor\s+Pertanahan|BPN|Kantor\s+Pos|Basarnas|BMKG|BPS|BNN[KP]?|"
    r"KPU|Bawaslu|Kanwil|Kantor\s+Wilayah|Kemenag|Kementerian)\b"
)
# One word of the office's name after its word; ")" may close an abbreviation first ("… (BP3MI) Lampung").
_NAME_WORD = re.compile(r"[ \t]*(?:[-/][ \t]*)?(?P<word>[A-Z0-9][\w'’-]*)")
_STOP = {
    "di", "ke", "dari", "dan", "bersama", "dengan", "untuk", "pada", "terkait", "tentang", "serta", "oleh", "yang",
    "gelar", "menggelar", "adakan", "lakukan", "sosialisasi", "bahas", "perkuat", "dorong", "ajak", "imbau", "cegah",
    "bentuk", "rakor", "rapat", "audiensi", "kunjungi", "sambangi", "terima", "tangkap", "amankan",
    "pemkab", "pemkot", "pemprov", "pemda", "pemerintah", "bupati", "wabup", "wali", "walikota", "wawali",
    "gubernur", "wagub", "dinas", "dprd", "sekda",
}
_MAX_WORDS = 6


def office_spans(text: str) -> list[tuple[int, int]]:
    """Where each office's name stands (module docstring): a place starting inside one is the office's."""
    spans = []
    for m in _OFFICE.finditer(text):
        pos = m.end() + 1 if text[m.end():m.end() + 1] == ")" else m.end()
        end = pos
        for _ in range(_MAX_WORDS):
            word = _NAME_WORD.match(text, pos)
            if word is None or word.group("word").lower() in _STOP:
                break
            end = pos = word.end()
        if end > m.end():
            spans.append((m.start(), end))
    return spans
