"""Times shown in the zone of the province, with the zone named (WIB, WITA, WIT).

Indonesia's three zones (Keputusan Presiden No. 41 Tahun 1987, provinces formed since then
placed with the region they were split from): WIB = UTC+7 (Asia/Jakarta), WITA = UTC+8
(Asia/Makassar), WIT = UTC+9 (Asia/Jayapura). Keyed by the two-digit Kemendagri province code.
Stored times are naive UTC (``data_access.audit.utc_now``).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

ZONES = {"WIB": ZoneInfo("Asia/Jakarta"), "WITA": ZoneInfo("Asia/Makassar"), "WIT": ZoneInfo("Asia/Jayapura")}
WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
WIT_PROVINCES = {"81", "82", "91", "92", "93", "94", "95", "96"}
DEFAULT_ZONE = "WIB"  # no province chosen: the capital's zone, named on every time


def zone_name(province_code: str | None) -> str:
    """``WIB``, ``WITA`` or ``WIT`` of a province (``WIB`` when unknown or not given)."""
    code = (province_code or "")[:2]
    if code in WITA_PROVINCES:
        return "WITA"
    if code in WIT_PROVINCES:
        return "WIT"
    return DEFAULT_ZONE


def shown_zone(filters, user) -> str:
    """The one zone rule for every time shown (Impor, Riwayat; issue 20 point 9): the zone of the
    province in view when the filters name one province, else of the signed-in editor's province,
    else ``DEFAULT_ZONE``. ``filters``: a ``Filters`` or None; ``user``: an ``Identity`` or None."""
    in_view = (filters.provinces or tuple({c[:2] for c in filters.regencies})) if filters else ()
    return zone_name(in_view[0] if len(in_view) == 1 else (user.province_code if user else None))


def local_times(values, zone: str) -> list[str]:
    """``local_time`` of every value of a column (pandas Timestamps, datetimes or missing)."""
    return [local_time(v.to_pydatetime() if hasattr(v, "to_pydatetime") else v, zone)
            if v is not None and v == v else "" for v in values]


def local_time(utc: dt.datetime | None, zone: str) -> str:
    """``"30/11/2026 17.05 WITA"`` for a naive UTC time (empty when missing): Indonesian 24-hour
    clock with a point (PUEBI), the zone named."""
    if utc is None:
        return ""
    moment = (utc if utc.tzinfo else utc.replace(tzinfo=dt.UTC)).astimezone(ZONES[zone])
    return f"{moment:%d/%m/%Y %H.%M} {zone}"
