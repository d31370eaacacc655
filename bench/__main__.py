"""``python -m bench [--scale small|national] [--database-url URL] [--runs N]``

Builds (or reuses) demo databases at small scale and at the chosen scale, drives
every page through AppTest in one worker process per scale (so each peak RSS is
its own), times first chart in headless Chromium against a served app beside a
one-chart floor page, prints a table with the targets of issue 5 and writes
``bench/results.json``. It is a benchmark, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.pages import PAGES
from deploy.serve import CHROMIUM, CHROMIUM_ARGS, REPO, streamlit_server

TARGETS = {
    "ratio_cold": 1.5, "ratio_filter": 1.5, "browser_ratio": 2.0, "rss_ratio": 2.0,
    "cold_s": 1.0, "warm_p95_s": 0.25, "filter_p95_s": 0.3, "build_s": 60.0,
}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "p95": p95(values)}


def database_for(scale: str, server_url: str | None, sqlite_dir: Path, name: str | None = None) -> str:
    """The benchmark database's URL: ``sqlite_dir/<scale>.sqlite``, or on the PostgreSQL server the
    database ``name`` (default ``pantau_bench_<scale>``), created when missing."""
    if server_url is None:
        path = sqlite_dir / f"{scale}.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    from data_access.config import normalise_url

    server_url = normalise_url(server_url)
    name = name or f"pantau_bench_{scale}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))  # fixed name built above
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def build(url: str, scale: str) -> dict:
    """Create and fill the database unless it already holds this scale's demo data."""
    from data_access import demo
    from data_access.engine import get_engine
    from data_access.preparation import prepare_database
    from data_access.stats import table_counts

    engine = prepare_database(get_engine(url), with_demo=False)
    started = time.perf_counter()
    counts = demo.generate(engine, scale)
    seconds = time.perf_counter() - started
    info = {"built": counts["cooperatives"] > 0, "seconds": round(seconds, 1) if counts["cooperatives"] else None,
            "rows": table_counts(engine)}
    if url.startswith("sqlite"):
        info["size_mib"] = round(Path(make_url(url).database).stat().st_size / 2**20, 1)
    else:
        with engine.connect() as conn:
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
        info["size_mib"] = round(size / 2**20, 1)
    return info


def run_worker(url: str, runs: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.worker", "--database-url", url, "--runs", str(runs)],
                         cwd=REPO, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"bench worker failed for {url}:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def browser_first_chart(url: str, runs: int) -> dict:
    """Seconds from opening each page's URL to its first chart drawn, and the same for the floor page."""
    if not Path(CHROMIUM).exists():
        return {"skipped": f"{CHROMIUM} not installed"}
    from playwright.sync_api import sync_playwright

    chart = "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg.marks"
    figures: dict[str, list[float]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            targets = [("floor", REPO / "bench" / "floor_app.py", None, [""])]
            targets.append(("app", REPO / "dashboard.py", url, [p[2] for p in PAGES]))
            for label, script, db, paths in targets:
                with streamlit_server(script, db) as base:
                    for path in paths:
                        name = "floor" if label == "floor" else (path or "ringkasan")
                        for _ in range(runs):
                            page = browser.new_page(viewport={"width": 1400, "height": 1000})
                            started = time.perf_counter()
                            page.goto(f"{base}/{path}")
                            try:
                                page.wait_for_selector(chart, timeout=30_000)
                                figures.setdefault(name, []).append(time.perf_counter() - started)
                            except Exception as exc:  # a page without a chart is reported, not hidden
                                figures.setdefault(f"{name} (no chart: {type(exc).__name__})", [])
                            page.close()
        finally:
            browser.close()
    return {name: summary(values) if values else None for name, values in figures.items()}


def report(results: dict) -> list[str]:
    scales = results["scales"]
    lines = []
    header = f"{'page':<14}{'scale':<10}{'cold med':>10}{'cold p95':>10}{'warm p95':>10}{'prov p95':>10}{'kab p95':>10}"
    lines += [header, "-" * len(header)]
    for name, *_ in PAGES:
        for scale, data in scales.items():
            page = data["pages"][name]
            lines.append(f"{name:<14}{scale:<10}{page['cold']['median']:>10.3f}{page['cold']['p95']:>10.3f}"
                         f"{page['warm']['p95']:>10.3f}{page['filter_province']['p95']:>10.3f}"
                         f"{page['filter_regency']['p95']:>10.3f}")
    for scale, data in scales.items():
        lines.append(f"floor {scale}: median {data['floor']['median']:.3f} s; peak RSS {data['peak_rss_mib']:.0f} MiB;"
                     f" slowest SQL {data['slowest_sql']['seconds']:.3f} s")
    if "ratios" in results:
        lines.append("")
        lines.append("national ÷ small (target ≤ 1.5):")
        for name, ratio in results["ratios"]["pages"].items():
            lines.append(f"  {name:<14} cold {ratio['cold']:.2f}  filter {ratio['filter']:.2f}")
        lines.append(f"  peak RSS ratio {results['ratios']['rss']:.2f} (target ≤ 2.0)")
    browser = results.get("browser", {})
    if browser and "skipped" not in browser:
        lines.append("")
        lines.append("browser: open → first chart (median s):")
        for name, fig in browser.items():
            lines.append(f"  {name:<40} {fig['median']:.2f}" if fig else f"  {name:<40} no chart drawn")
    lines.append("")
    lines.append("targets:")
    for name, verdict in results["verdicts"].items():
        lines.append(f"  {name:<34} {verdict}")
    return lines


def verdicts(results: dict) -> dict[str, str]:
    out = {}
    largest = list(results["scales"].values())[-1]

    def mark(value, limit):
        return f"{value:.2f} (≤ {limit}) {'OK' if value <= limit else 'MISSED'}"

    out["cold render, slowest page (s)"] = mark(max(p["cold"]["median"] for p in largest["pages"].values()),
                                                TARGETS["cold_s"])
    out["warm p95, slowest page (s)"] = mark(max(p["warm"]["p95"] for p in largest["pages"].values()),
                                             TARGETS["warm_p95_s"])
    out["filter change p95, slowest (s)"] = mark(max(max(p["filter_province"]["p95"], p["filter_regency"]["p95"])
                                                     for p in largest["pages"].values()), TARGETS["filter_p95_s"])
    if "ratios" in results:
        out["national ÷ small cold, worst"] = mark(max(r["cold"] for r in results["ratios"]["pages"].values()),
                                                   TARGETS["ratio_cold"])
        out["national ÷ small filter, worst"] = mark(max(r["filter"] for r in results["ratios"]["pages"].values()),
                                                     TARGETS["ratio_filter"])
        out["peak RSS national ÷ small"] = mark(results["ratios"]["rss"], TARGETS["rss_ratio"])
    build = results["databases"].get("national", {})
    if build.get("seconds") is not None:
        out["national demo build (s)"] = mark(build["seconds"], TARGETS["build_s"])
    browser = results.get("browser", {})
    app_pages = [v["median"] for k, v in browser.items() if v and k != "floor"] if isinstance(browser, dict) else []
    if app_pages and browser.get("floor"):
        out["browser slowest ÷ floor"] = mark(max(app_pages) / browser["floor"]["median"], TARGETS["browser_ratio"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=("small", "national"), default="national")
    parser.add_argument("--database-url", help="a PostgreSQL server URL; default: SQLite files under data/bench/")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true", help="skip the headless Chromium figure")
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results.json")
    parser.add_argument("--sqlite-dir", type=Path, default=REPO / "data" / "bench",
                        help="where the SQLite benchmark databases are built and reused")
    args = parser.parse_args(argv)

    scales = ["small"] if args.scale == "small" else ["small", "national"]
    results: dict = {"backend": "postgresql" if args.database_url else "sqlite", "runs": args.runs,
                     "databases": {}, "scales": {}}
    urls = {}
    for scale in scales:
        urls[scale] = database_for(scale, args.database_url, args.sqlite_dir)
        results["databases"][scale] = build(urls[scale], scale)
    for scale in scales:
        raw = run_worker(urls[scale], args.runs)
        results["scales"][scale] = {
            "pages": {name: {kind: summary(values) for kind, values in figs.items() if isinstance(values, list)}
                      | ({"exception": figs["exception"]} if "exception" in figs else {})
                      for name, figs in raw["pages"].items()},
            "floor": summary(raw["floor"]), "peak_rss_mib": raw["peak_rss_mib"], "slowest_sql": raw["slowest_sql"],
        }
    if len(scales) == 2:
        small, national = results["scales"]["small"], results["scales"]["national"]
        results["ratios"] = {
            "pages": {name: {"cold": national["pages"][name]["cold"]["median"] / small["pages"][name]["cold"]["median"],
                             "filter": max(national["pages"][name][k]["median"] / small["pages"][name][k]["median"]
                                           for k in ("filter_province", "filter_regency"))}
                      for name in national["pages"]},
            "rss": national["peak_rss_mib"] / small["peak_rss_mib"],
        }
    if not args.no_browser:
        results["browser"] = browser_first_chart(urls[scales[-1]], max(1, min(args.runs, 3)))
    results["verdicts"] = verdicts(results)
    args.output.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print("\n".join(report(results)))
    print(f"\nwritten: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
