"""Checks of the offline map shapes in seed_data/shapes (built by seed_data/build_shapes.py).

Only the standard library: the app reads these files as plain JSON.
"""

import csv
import itertools
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "seed_data" / "shapes"
PROVINCES = SHAPES / "provinces.geojson"
REGENCY_DIR = SHAPES / "regencies"
REGIONS_CSV = ROOT / "seed_data" / "regions.csv"

# Rough bounding box of Indonesia: lon 94..142, lat -11.5..6.5
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 94.0, 142.0, -11.5, 6.5


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def regency_files() -> list[Path]:
    return sorted(REGENCY_DIR.glob("*.geojson"))


def all_features() -> list[tuple[str, dict]]:
    feats = [(PROVINCES.name, f) for f in load(PROVINCES)["features"]]
    for path in regency_files():
        feats += [(f"regencies/{path.name}", f) for f in load(path)["features"]]
    return feats


def polygons(geometry: dict) -> list:
    """List of polygons, each a list of rings (exterior first)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    assert geometry["type"] == "MultiPolygon", geometry["type"]
    return geometry["coordinates"]


def signed_area(ring: list) -> float:
    """Shoelace formula with x = longitude, y = latitude (north up).

    Positive = counter-clockwise, negative = clockwise, as seen on a north-up map.
    """
    return (
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring)) / 2.0
    )


def test_provinces():
    fc = load(PROVINCES)
    assert fc["type"] == "FeatureCollection"
    codes = [f["properties"]["code"] for f in fc["features"]]
    assert len(codes) == 38
    assert len(set(codes)) == 38
    for f in fc["features"]:
        p = f["properties"]
        assert len(p["code"]) == 2 and p["code"].isdigit(), p
        assert p["name"], p


def test_regency_files_match_their_province():
    province_codes = {f["properties"]["code"] for f in load(PROVINCES)["features"]}
    files = regency_files()
    assert {p.stem for p in files} == province_codes
    seen = set()
    for path in files:
        prov = path.stem
        feats = load(path)["features"]
        assert feats, path
        for f in feats:
            p = f["properties"]
            assert p["code"].startswith(prov + "."), (path.name, p)
            assert len(p["code"]) == 5, p
            assert p["province_code"] == prov, (path.name, p)
            assert p["name"], p
            assert p["code"] not in seen, p
            seen.add(p["code"])
    assert len(seen) >= 513


@pytest.mark.skipif(
    not REGIONS_CSV.exists(), reason="seed_data/regions.csv not built yet"
)
def test_codes_and_names_agree_with_regions_csv():
    with REGIONS_CSV.open(newline="", encoding="utf-8") as fh:
        names = {row["code"]: row["name"] for row in csv.DictReader(fh)}
    for _, f in all_features():
        p = f["properties"]
        assert names.get(p["code"]) == p["name"], p


def test_every_exterior_ring_is_clockwise():
    # Vega / d3-geo (Altair mark_geoshape) treats polygons on the sphere and wants the
    # exterior ring CLOCKWISE and holes counter-clockwise, as seen on a north-up map
    # (the opposite of RFC 7946's right-hand rule). A counter-clockwise exterior means
    # "the whole globe except this polygon" to d3, and the chart fills with one colour.
    # With x = longitude and y = latitude (y up), the shoelace signed area of a clockwise
    # ring is NEGATIVE.
    bad = []
    for label, f in all_features():
        for rings in polygons(f["geometry"]):
            if signed_area(rings[0]) >= 0:
                bad.append((label, f["properties"]["code"], "exterior"))
            bad += [
                (label, f["properties"]["code"], "hole")
                for r in rings[1:]
                if signed_area(r) <= 0
            ]
    assert not bad, bad[:10]


def test_rings_are_closed():
    for label, f in all_features():
        for rings in polygons(f["geometry"]):
            for ring in rings:
                assert len(ring) >= 4, (label, f["properties"]["code"])
                assert ring[0] == ring[-1], (label, f["properties"]["code"])


def test_coordinates_inside_indonesia():
    for label, f in all_features():
        for rings in polygons(f["geometry"]):
            for ring in rings:
                for x, y in ring:
                    assert LON_MIN <= x <= LON_MAX and LAT_MIN <= y <= LAT_MAX, (
                        label,
                        f["properties"]["code"],
                        (x, y),
                    )


def test_national_map_stays_light():
    # The national map is drawn on page load: keep it small (about 0.1-0.2 MB).
    assert PROVINCES.stat().st_size < 400_000
