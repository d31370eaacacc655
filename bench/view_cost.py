"""``python -m bench.view_cost [--database-url URL] [--runs N] [--profile DIR]``

Server cost of one warm view of every dashboard page and of the one-chart floor page, run the
same way (issue 22): each page is opened through AppTest on a fresh session, run until warm
(data and chart caches filled), then rerun ``--runs`` times. For each rerun it reads

* ``wall``: seconds on the clock (blurred by everything else on a busy machine);
* ``cpu``: this process's CPU seconds (``time.process_time``: every thread, so it includes
  AppTest reading the script's messages, a little more than a server pays);
* ``script_cpu``: CPU seconds of the script thread alone (``time.thread_time`` inside it), i.e.
  what the server's script runner spends on the view.

Medians are printed beside the floor page's and as "÷ floor"; the 1-minute load average is read
before and after, because CPU seconds are far less sensitive to a busy machine than wall time,
but not immune (cache misses, frequency). ``--profile DIR`` also writes a cProfile of the
warm reruns of each page (``DIR/<page>.prof``, script thread only) and prints its top entries.
Writes ``bench/results-view-cost.json``. A benchmark, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_thread_cpu: list[float] = []
_profiler: list[cProfile.Profile] = []


def _instrument_script_thread() -> None:
    """Read the script thread's own CPU time (and profile it when asked) around each AppTest run."""
    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    original = LocalScriptRunner._run_script_thread

    def measured(self) -> None:
        started = time.thread_time()
        if _profiler:
            _profiler[0].enable()
        try:
            original(self)
        finally:
            if _profiler:
                _profiler[0].disable()
            _thread_cpu.append(time.thread_time() - started)

    LocalScriptRunner._run_script_thread = measured


def _one(at) -> dict[str, float]:
    _thread_cpu.clear()
    wall, cpu = time.perf_counter(), time.process_time()
    at.run()
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "script_cpu": sum(_thread_cpu)}


def _medians(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in rows) for k in rows[0]}


def measure(url: str, runs: int, warmups: int, profile_dir: Path | None, only: list[str] | None) -> dict:
    os.environ["DATABASE_URL"] = url
    sys.path.insert(0, str(REPO))
    from streamlit.testing.v1 import AppTest

    from bench.pages import PAGES
    from bench.worker import compile_pages_once

    compile_pages_once()
    _instrument_script_thread()
    load_before = os.getloadavg()
    results: dict = {"pages": {}, "load_1min_before": load_before[0]}

    def warm(at, name: str) -> dict:
        for _ in range(warmups):
            at.run()
        if at.exception:
            return {"exception": str(at.exception[0].message)[:300]}
        if profile_dir is not None:
            _profiler[:] = [cProfile.Profile()]
        rows = [_one(at) for _ in range(runs)]
        if profile_dir is not None:
            profile_dir.mkdir(parents=True, exist_ok=True)
            _profiler[0].dump_stats(profile_dir / f"{name}.prof")
            _profiler.clear()
        return _medians(rows) | {"load_1min": os.getloadavg()[0]}

    floor = AppTest.from_file(str(REPO / "bench" / "floor_app.py"), default_timeout=60)
    floor.run()
    results["floor"] = warm(floor, "floor")
    for name, path, _url in PAGES:
        if only and name not in only:
            continue
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
        at.run()
        at.switch_page(path).run()
        results["pages"][name] = warm(at, name)
    results["load_1min_after"] = os.getloadavg()[0]
    return results


def report(results: dict) -> list[str]:
    floor = results["floor"]
    head = f"{'page':<14}{'wall s':>9}{'cpu s':>9}{'script s':>10}{'cpu÷floor':>11}{'script÷floor':>14}{'load':>7}"
    lines = [head, "-" * len(head)]
    rows = [("floor", floor)] + list(results["pages"].items())
    for name, fig in rows:
        if "exception" in fig:
            lines.append(f"{name:<14} exception: {fig['exception']}")
            continue
        lines.append(f"{name:<14}{fig['wall']:>9.4f}{fig['cpu']:>9.4f}{fig['script_cpu']:>10.4f}"
                     f"{fig['cpu'] / floor['cpu']:>11.1f}{fig['script_cpu'] / floor['script_cpu']:>14.1f}"
                     f"{fig['load_1min']:>7.2f}")
    pages = [f for f in results["pages"].values() if "exception" not in f]
    if pages:
        lines.append(f"median over pages: wall {statistics.median(f['wall'] for f in pages):.4f} s, "
                     f"cpu {statistics.median(f['cpu'] for f in pages):.4f} s, "
                     f"script {statistics.median(f['script_cpu'] for f in pages):.4f} s")
    lines.append(f"load average (1 min) before {results['load_1min_before']:.2f}, after {results['load_1min_after']:.2f}"
                 f" on {os.cpu_count()} cores")
    return lines


def top_entries(profile_dir: Path, name: str, limit: int) -> list[str]:
    import io

    out = io.StringIO()
    pstats.Stats(str(profile_dir / f"{name}.prof"), stream=out).sort_stats("cumulative").print_stats(limit)
    return out.getvalue().splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.view_cost", description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=f"sqlite:///{REPO / 'data' / 'bench' / 'national.sqlite'}",
                        help="default: the national SQLite database that `python -m bench` builds")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--page", action="append", help="only this page (repeatable)")
    parser.add_argument("--profile", type=Path, help="write cProfile files of the warm reruns here")
    parser.add_argument("--top", type=int, default=0, help="with --profile: print this many top entries per page")
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results-view-cost.json")
    args = parser.parse_args(argv)
    results = measure(args.database_url, args.runs, args.warmups, args.profile, args.page)
    results["runs"] = args.runs
    lines = report(results)
    if args.profile and args.top:
        for name in ["floor", *results["pages"]]:
            lines += ["", f"== {name}"] + top_entries(args.profile, name, args.top)
    print("\n".join(lines))
    if not args.page:
        args.output.write_text(json.dumps(results, indent=2), encoding="utf-8")
        print(f"\nwritten: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
