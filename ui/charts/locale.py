"""Vega-Lite ``locale`` configs: Indonesian (or English) month names, day names and numbers in charts.

Vega formats axis labels, legends and tooltips of ``:T`` and ``:Q`` fields itself, with
d3-format and d3-time-format; without a ``config.locale`` it writes "May 2019" and "1,234.5"
even on an Indonesian page. The values follow d3's own ``id-ID`` and ``en-US`` locale files
(d3-format/locale/id-ID.json, d3-time-format/locale/id-ID.json): decimal comma, thousands
point, "Januari … Desember", "Jan … Des" (Mei, Agu, Okt, Des), "Minggu … Sabtu".
``ui.charts.show`` applies the one of the interface language to every chart.
"""

from __future__ import annotations

NUMBER = {
    "id": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["Rp", ""]},
}
TIME = {
    "id": {
        "dateTime": "%A, %e %B %Y pukul %H.%M.%S", "date": "%d/%m/%Y", "time": "%H.%M.%S",
        "periods": ["AM", "PM"],
        "days": ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
        "shortDays": ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
        "months": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                   "Oktober", "November", "Desember"],
        "shortMonths": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
    },
    "en": {
        "dateTime": "%x, %X", "date": "%-m/%-d/%Y", "time": "%-I:%M:%S %p", "periods": ["AM", "PM"],
        "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December"],
        "shortMonths": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    },
}


def vega_locale(lang: str) -> dict:
    """``{"number": ..., "time": ...}`` for Vega-Lite's ``config.locale`` (``id`` unless ``en``)."""
    lang = "en" if lang == "en" else "id"
    return {"number": NUMBER[lang], "time": TIME[lang]}
