"""Chart building blocks shared by every page: one colour per sector and per status.

Chart functions live in one module per area (``ui/charts/<area>.py``) and return
Altair charts, so tests can read their specs (``chart.to_dict()``) without a browser.
"""

from __future__ import annotations

import altair as alt

SECTOR_COLOURS = {
    "koperasi": "#1b9e77",
    "ketenagakerjaan": "#d95f02",
    "transmigrasi": "#7570b3",
    "perlindungan_pmi": "#e7298a",
}
COOPERATIVE_STATUS_COLOURS = {"aktif": "#2c7fb8", "tidak_aktif": "#d95f0e"}
POKJA_STAGE_COLOURS = {"belum_dibentuk": "#bdbdbd", "persiapan": "#fdae61", "terbentuk": "#1a9641",
                       "tidak_ada_data": "#d9d9d9"}
MEETING_STATUS_COLOURS = {"held": "#4575b4", "planned": "#91bfdb", "cancelled": "#999999"}


def scale(colours: dict[str, str], labels: dict[str, str] | None = None) -> alt.Scale:
    """A fixed colour scale; ``labels`` maps codes to the shown (translated) names."""
    domain = [labels.get(k, k) for k in colours] if labels else list(colours)
    return alt.Scale(domain=domain, range=list(colours.values()))
