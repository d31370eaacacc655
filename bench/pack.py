"""``python -m bench.pack [--database-url URL [--database-name NAME]] [--runs N]``: how long a briefing
pack takes.

On the national demo database (built or reused as ``python -m bench`` does: SQLite under
``data/bench/`` or a PostgreSQL server), makes the pack of Jawa Timur (38 kab/kota, the province
with the most) and the national pack ``runs`` times each and prints the median wall and CPU
seconds of each step: reading and storing the snapshot (``snapshots.create``), the PDF (with the
chart through vl-convert and the QR code) and the XLSX; writes ``bench/results-pack.json`` (SQLite) or
``bench/results-pack-postgresql.json``. On PostgreSQL the database is ``NAME`` on the server of
``URL`` (default ``pantau_bench_national``, the one ``python -m bench`` uses), created and filled
when missing.
Goal (issue 23): each pack "within seconds". A benchmark, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from bench.__main__ import build, database_for
from deploy.serve import REPO

CASES = {"jatim": {"provinces": ("35",)}, "national": {}}


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def measure(url: str, runs: int) -> dict:
    from briefing import pdf, xlsx
    from data_access import filters as flt
    from data_access import snapshots
    from data_access.engine import get_engine

    engine = get_engine(url)
    out = {}
    for name, chosen in CASES.items():
        filters = flt.Filters(**chosen)
        steps: dict[str, dict[str, list[float]]] = {k: {"wall": [], "cpu": []} for k in ("snapshot", "pdf", "xlsx", "total")}
        sizes = {}
        for _ in range(runs):
            snapshot, *snap_t = _timed(lambda: snapshots.create(filters, engine=engine))  # noqa: B023
            pdf_bytes, *pdf_t = _timed(lambda: pdf.render(snapshot, "id"))  # noqa: B023
            xlsx_bytes, *xlsx_t = _timed(lambda: xlsx.render(snapshot, "id"))  # noqa: B023
            for step, (wall, cpu) in (("snapshot", snap_t), ("pdf", pdf_t), ("xlsx", xlsx_t),
                                      ("total", (snap_t[0] + pdf_t[0] + xlsx_t[0], snap_t[1] + pdf_t[1] + xlsx_t[1]))):
                steps[step]["wall"].append(wall)
                steps[step]["cpu"].append(cpu)
            sizes = {"pdf_kib": round(len(pdf_bytes) / 1024), "xlsx_kib": round(len(xlsx_bytes) / 1024),
                     "rows": sum(len(s["rows"]) for s in snapshot.content["sections"])}
        out[name] = {"steps": {step: {kind: round(statistics.median(v), 3) for kind, v in values.items()}
                               for step, values in steps.items()}, **sizes}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pack", description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="a PostgreSQL server URL; default: SQLite files under data/bench/")
    parser.add_argument("--database-name", help="the PostgreSQL database to use (default pantau_bench_national)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sqlite-dir", type=Path, default=REPO / "data" / "bench")
    parser.add_argument("--output", type=Path, help="default: bench/results-pack[-postgresql].json")
    args = parser.parse_args(argv)
    output = args.output or REPO / "bench" / ("results-pack-postgresql.json" if args.database_url else "results-pack.json")
    url = database_for("national", args.database_url, args.sqlite_dir, args.database_name)
    database = build(url, "national")
    results = {"backend": "postgresql" if args.database_url else "sqlite", "runs": args.runs,
               "database_rows": {k: database["rows"][k] for k in ("cooperative", "meeting", "kdmp", "village")},
               "packs": measure(url, args.runs)}
    print(f"briefing pack, national demo data, {results['backend']}, median of {args.runs} runs (seconds, wall / CPU)")
    print(f"{'pack':<10} {'snapshot':>15} {'pdf':>15} {'xlsx':>15} {'total':>15}  rows  pdf KiB")
    for name, pack in results["packs"].items():
        cells = "".join(f" {pack['steps'][s]['wall']:>6.2f} / {pack['steps'][s]['cpu']:>5.2f}"
                        for s in ("snapshot", "pdf", "xlsx", "total"))
        print(f"{name:<10}{cells}  {pack['rows']:>4}  {pack['pdf_kib']:>7}")
    output.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
