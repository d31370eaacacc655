"""Build ``seed_data/bps_kemendagri.csv`` from BPS's bridging table (extract of 2020).

Source: github.com/zakiego/Kode-Wilayah-Administrasi-Indonesia-Relasi-BPS-Kemendagri,
commit ``8d5e83e7ffdb17e114ae2eeeb2cbfc1859f1813b`` (2022-05-22): ``csv/provinsi.csv``
and ``csv/kabkota.csv`` (columns ``kode_bps, nama_bps, kode_dagri, nama_dagri``),
read from sig.bps.go.id/bridging-kode on 22 May 2022 (BPS statistical area codes
2020 semester 2 against Kemendagri codes of 2020). Run from the repository root
with a directory holding those two files::

    mkdir -p /tmp/bps-extract && git --git-dir=<clone>/.git archive 8d5e83e7ffdb17e114ae2eeeb2cbfc1859f1813b csv \\
        | tar -x -C /tmp/bps-extract
    .venv/bin/python seed_data/build_bps_crosswalk.py --source /tmp/bps-extract/csv

The files' git blob ids are checked, so the output is always that commit's data.
Each row is joined to our gazetteer (``regions.csv``, Kemendagri 2025):

- the 2020 Kemendagri code is kept when the gazetteer has it and the names agree
  (``same_code``), or when the names differ as documented (``NAME_DIFFERENCES``:
  a renaming, a word one scheme leaves out);
- a kab/kota whose 2020 code is gone moved whole to a province created in 2022
  (``SUCCESSORS``): its code is the one gazetteer kab/kota of the same kind and
  name in the successor provinces (``new_province_2022``);
- anything else stops the build with the row named: nothing is guessed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from rapidfuzz import fuzz  # noqa: E402

from data_access.crosswalk import COLUMNS, CROSSWALK_CSV, name_key  # noqa: E402
from data_access.gazetteer import read_regions  # noqa: E402

SOURCE_COMMIT = "8d5e83e7ffdb17e114ae2eeeb2cbfc1859f1813b"
# git blob ids of the source files at SOURCE_COMMIT (git ls-tree).
SOURCE_BLOBS = {
    "provinsi.csv": "9c7ae535ea59afcb12b39302e361a892dbc97538",
    "kabkota.csv": "ecfedd84f7fe91497a7f5612214b6efdd5d86f72",
}
# Provinces of 2020 that lost kab/kota to the provinces created in 2022:
# Papua → Papua Selatan (UU 14/2022), Papua Tengah (UU 15/2022), Papua
# Pegunungan (UU 16/2022); Papua Barat → Papua Barat Daya (UU 29/2022).
SUCCESSORS = {"91": ("93", "94", "95"), "92": ("96",)}
# Same Kemendagri code, names further apart than NAME_AGREEMENT: code -> (basis, reason).
NAME_DIFFERENCES = {
    "12.12": ("renamed", "renamed Kabupaten Toba in 2020 (PP 12/2020); BPS 2020 still writes TOBA SAMOSIR"),
    "71.09": ("same_code", "Kemendagri's name begins Kepulauan (Kep.); BPS leaves the word out"),
}
# Lowest rapidfuzz ratio of the name keys accepted as one name spelled differently; every other
# pair of the source scores 95 or more (e.g. LABUHAN BATU / Labuhanbatu 100).
NAME_AGREEMENT = 90.0


def git_blob_id(data: bytes) -> str:
    """The id git gives a file's content: sha1 of ``blob <size>\\0<data>``."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def read_source(source: Path, name: str) -> list[dict[str, str]]:
    """Rows of one source file; SystemExit if it is not the pinned commit's file."""
    data = (source / name).read_bytes()
    if git_blob_id(data) != SOURCE_BLOBS[name]:
        raise SystemExit(f"{source / name} is not the file of commit {SOURCE_COMMIT}")
    return list(csv.DictReader(data.decode("utf-8").splitlines()))


def dotted(code: str) -> str:
    return code if len(code) == 2 else f"{code[:2]}.{code[2:]}"


def bps_name(name: str) -> str:
    """The source writes a few names letter-spaced ("S I A K"); join them."""
    letters = name.split(" ")
    return "".join(letters) if len(letters) > 1 and all(len(x) == 1 for x in letters) else name


def names_agree(a: str, b: str) -> bool:
    return fuzz.ratio(name_key(a), name_key(b)) >= NAME_AGREEMENT


def kind_of(code: str) -> str:
    """Kota codes end in 71 and above in both schemes; ``code`` dotted or not."""
    return "kota" if int(code[-2:]) >= 71 else "kabupaten"


def settle(level: str, src: dict[str, str], gazetteer: dict[str, dict[str, str]]) -> dict[str, str]:
    """One output row for one source row (see the module docstring)."""
    old = dotted(src["kode_dagri"])
    row = {"level": level, "kode_bps": src["kode_bps"], "nama_bps": bps_name(src["nama_bps"]),
           "kode_dagri_2020": old, "nama_dagri_2020": src["nama_dagri"], "note": ""}
    if src["nama_bps"] != row["nama_bps"]:
        row["note"] = f"the source writes the BPS name {src['nama_bps']!r}"
    here = gazetteer.get(old)
    if here is not None and old in NAME_DIFFERENCES:
        basis, row["note"] = NAME_DIFFERENCES[old]
    elif here is not None and names_agree(row["nama_bps"], here["name"]):
        basis = "same_code"
        if level == "provinsi" and old in SUCCESSORS:
            basis = "area_reduced_2022"
            row["note"] = (f"lost kab/kota to province(s) {', '.join(SUCCESSORS[old])} in 2022: "
                           "a figure for a year before 2023 covers more than today's province")
    elif here is None and level == "kabupaten_kota" and old[:2] in SUCCESSORS:
        found = [r for r in gazetteer.values()
                 if r["province_code"] in SUCCESSORS[old[:2]] and r["level"] == "kabupaten_kota"
                 and r["kind"] == kind_of(old) and name_key(r["name"]) == name_key(row["nama_bps"])]
        if len(found) != 1:
            raise SystemExit(f"BPS {src['kode_bps']} {src['nama_bps']}: {len(found)} successor areas match")
        here, basis = found[0], "new_province_2022"
        row["note"] = f"2020 code {old}; moved whole to province {here['province_code']} in 2022"
    else:
        raise SystemExit(f"BPS {src['kode_bps']} {src['nama_bps']}: Kemendagri {old} "
                         f"is {here['name'] if here else 'not in the gazetteer'}; add a documented rule")
    row.update(kode_kemendagri=here["code"], nama_kemendagri=here["name"], basis=basis)
    return {column: row[column] for column in COLUMNS}


def build(source: Path) -> list[dict[str, str]]:
    """All output rows: provinces, then kab/kota, in the source's order."""
    gazetteer = {r["code"]: r for r in read_regions()}
    rows = [settle("provinsi", src, gazetteer) for src in read_source(source, "provinsi.csv")]
    rows += [settle("kabupaten_kota", src, gazetteer) for src in read_source(source, "kabkota.csv")]
    for column in ("kode_bps", "kode_kemendagri"):
        values = [r[column] for r in rows]
        if len(values) != len(set(values)):
            raise SystemExit(f"{column} is not one-to-one")
    return rows


def write(rows: list[dict[str, str]], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True,
                        help="directory holding the extract's provinsi.csv and kabkota.csv")
    parser.add_argument("--out", type=Path, default=CROSSWALK_CSV)
    args = parser.parse_args(argv)
    rows = build(args.source)
    write(rows, args.out)
    print(f"{args.out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
