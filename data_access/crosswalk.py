"""BPS ↔ Kemendagri regency codes.

TEMPORARY COPY (branch i10): only the API of the crosswalk being built on another branch,
with the few rows the import tests need (all of Aceh, where the two numberings differ,
and the Jawa Barat / Jawa Timur rows of the case files). The lead keeps the other
branch's module and its ``seed_data/bps_kemendagri.csv`` at merge.
"""

from __future__ import annotations

from functools import cache

# BPS code → (Kemendagri code, BPS name). Source: BPS Master File Desa / bridging table.
_ROWS = {
    "1101": ("11.09", "SIMEULUE"), "1102": ("11.10", "ACEH SINGKIL"), "1103": ("11.01", "ACEH SELATAN"),
    "1104": ("11.02", "ACEH TENGGARA"), "1105": ("11.03", "ACEH TIMUR"), "1106": ("11.04", "ACEH TENGAH"),
    "1107": ("11.05", "ACEH BARAT"), "1108": ("11.06", "ACEH BESAR"), "1109": ("11.07", "PIDIE"),
    "1110": ("11.11", "BIREUEN"), "1111": ("11.08", "ACEH UTARA"), "1112": ("11.12", "ACEH BARAT DAYA"),
    "1113": ("11.13", "GAYO LUES"), "1114": ("11.16", "ACEH TAMIANG"), "1115": ("11.15", "NAGAN RAYA"),
    "1116": ("11.14", "ACEH JAYA"), "1117": ("11.17", "BENER MERIAH"), "1118": ("11.18", "PIDIE JAYA"),
    "1171": ("11.71", "BANDA ACEH"), "1172": ("11.72", "SABANG"), "1173": ("11.74", "LANGSA"),
    "1174": ("11.73", "LHOKSEUMAWE"), "1175": ("11.75", "SUBULUSSALAM"),
    "3201": ("32.01", "BOGOR"), "3204": ("32.04", "BANDUNG"), "3216": ("32.16", "BEKASI"),
    "3271": ("32.71", "KOTA BOGOR"), "3273": ("32.73", "KOTA BANDUNG"), "3275": ("32.75", "KOTA BEKASI"),
    "3279": ("32.79", "KOTA BANJAR"), "3505": ("35.05", "BLITAR"), "3572": ("35.72", "KOTA BLITAR"),
}


@cache
def bps_regencies() -> dict[str, tuple[str, str]]:
    """BPS 4-digit code "1101" → (Kemendagri code "11.09", BPS name "SIMEULUE")."""
    return dict(_ROWS)


@cache
def kemendagri_to_bps() -> dict[str, str]:
    """Kemendagri code "11.09" → BPS code "1101"."""
    return {kemendagri: bps for bps, (kemendagri, _name) in _ROWS.items()}
