"""Status and stage colours: >= 3:1 against the white page and apart for colour-blind readers.

Contrast: WCAG 2.1 relative luminance (success criterion 1.4.11, non-text contrast).
Colour-blindness: Machado, Oliveira & Fernandes (2009) simulation matrices at severity 1.0 in
linear RGB, then CIELAB (D65); each pair of a palette must stay at least ``MIN_DELTA_E`` apart
(CIE76) under protanopia, deuteranopia and tritanopia — the old "Belum dibentuk" #BDBDBD and
"Belum ada laporan" #D9D9D9 were 9 apart even for normal vision.
"""

from __future__ import annotations

import itertools
import math

import pytest

from ui.charts import (
    COOPERATIVE_STATUS_COLOURS,
    KDMP_STAGE_COLOURS,
    MEETING_STATUS_COLOURS,
    POKJA_STAGE_COLOURS,
    SECTOR_COLOURS,
)

MIN_CONTRAST = 3.0
MIN_DELTA_E = 12.0
MACHADO = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    "normal": [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
}
PALETTES = {"sectors": SECTOR_COLOURS, "cooperative status": COOPERATIVE_STATUS_COLOURS,
            "pokja stages": POKJA_STAGE_COLOURS, "meeting status": MEETING_STATUS_COLOURS,
            "kdmp stages": KDMP_STAGE_COLOURS}


def linear(hex_colour: str) -> list[float]:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def luminance(rgb: list[float]) -> float:
    r, g, b = rgb
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = (min(max(v, 0.0), 1.0) for v in rgb)
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
               0.0193 * r + 0.1192 * g + 0.9505 * b)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x / 0.95047), f(y), f(z / 1.08883)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def seen(hex_colour: str, vision: str) -> tuple[float, float, float]:
    rgb = linear(hex_colour)
    return lab([sum(row[j] * rgb[j] for j in range(3)) for row in MACHADO[vision]])


@pytest.mark.parametrize("name", PALETTES)
def test_non_text_contrast_against_the_page(name):
    for key, colour in PALETTES[name].items():
        ratio = 1.05 / (luminance(linear(colour)) + 0.05)
        assert ratio >= MIN_CONTRAST, f"{name} {key} {colour}: {ratio:.2f}:1"


@pytest.mark.parametrize("vision", MACHADO)
@pytest.mark.parametrize("name", PALETTES)
def test_colours_apart_for_colour_blind_readers(name, vision):
    for (k1, c1), (k2, c2) in itertools.combinations(PALETTES[name].items(), 2):
        distance = math.dist(seen(c1, vision), seen(c2, vision))
        assert distance >= MIN_DELTA_E, f"{name}: {k1} {c1} vs {k2} {c2} under {vision}: {distance:.1f}"


def test_the_two_greys_of_the_issue_would_fail():
    assert math.dist(seen("#BDBDBD", "normal"), seen("#D9D9D9", "normal")) < MIN_DELTA_E
