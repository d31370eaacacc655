"""``python -m bench.load`` — server capacity without a browser (issue 13).

Sessions speak Streamlit's own WebSocket protocol (``bench.ws_client``) to one server process
and to two behind nginx (``deploy.replicas``), on the national demo database. For each setup:

- **warm render**: one session, nothing else running, reopens every page with cached figures;
  its median is the server's warm render time and ``cores ÷ median`` the throughput limit;
- **idle memory**: ``--idle`` sessions open one page each and stay connected; server RSS growth
  per session;
- **people**: ``--sessions`` sessions at once, each opening a link, then every ``--think``
  seconds (±50 %) choosing another province (70 %) or opening another page (30 %), for
  ``--duration`` seconds: sessions held, page views per second, p50/p95 request → script
  finished, errors;
- **saturation**: closed-loop sessions (no think time) at rising concurrency; the highest page
  views per second whose p95 ≤ 2 s, against 70 % of the limit;
- **churn**: ``--churn`` sessions opened (one page) and closed, 10 at a time; server RSS after
  the first 100 and after all, each once the disconnected sessions' TTL has passed.

The servers run with ``server.disconnectedSessionTTL`` = ``--ttl`` (default 5 s, not the served
120 s) so the churn figure does not wait minutes; the TTL only delays the release. Results go
to ``bench/results-load.json``. A benchmark: nothing asserts (``tests/test_bench_load.py`` runs
it at tiny scale).
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

from bench.__main__ import build, database_for, p95
from bench.ws_client import StreamlitSession, View
from deploy.replicas import replicas
from deploy.serve import REPO, rss_mib, streamlit_server

PAGES = ["", "koperasi", "rakor", "pokja", "peta"]
LINKS = ["", "prov=53", "prov=62&kab=62.71", "sektor=koperasi", "prov=35", "nyata=1", "prov=53&kab=53.04"]
TARGETS = {"p95_s": 1.5, "errors": 0, "saturation_share": 0.7, "saturation_p95_s": 2.0, "idle_mib": 5.0,
           "churn_ratio": 1.10}
CORES = os.cpu_count() or 2


def figures(views: list[View], seconds: float) -> dict:
    times = [v.seconds for v in views if v.error is None]
    errors = [f"{v.action}: {v.error}" for v in views if v.error]
    return {"views": len(views), "views_per_s": round(len(views) / seconds, 2) if seconds else None,
            "p50_s": round(statistics.median(times), 3) if times else None,
            "p95_s": round(p95(times), 3) if times else None, "errors": len(errors), "first_errors": errors[:5]}


async def warm_render(base: str, repeats: int) -> dict:
    async with StreamlitSession(base, timeout=120) as session:
        for page in PAGES:  # fill the caches
            await session.open(page, "prov=53")
        views = [await session.open(page, "prov=53") for _ in range(repeats) for page in PAGES]
    times = [v.seconds for v in views if v.error is None]
    median = statistics.median(times)
    return {"median_s": round(median, 4), "limit_views_per_s": round(CORES / median, 1),
            "errors": sum(v.error is not None for v in views)}


async def person(base: str, number: int, until: float, think: float, views: list[View], held: list[bool]) -> None:
    rng = random.Random(number)
    try:
        async with StreamlitSession(base, timeout=60) as session:
            views.append(await session.open(rng.choice(PAGES), rng.choice(LINKS)))
            while time.monotonic() < until:
                await asyncio.sleep(think * rng.uniform(0.5, 1.5))
                if time.monotonic() >= until:
                    break
                provinces = session.options("f_prov")
                if provinces and rng.random() < 0.7:
                    views.append(await session.choose("f_prov", [rng.choice(provinces)]))
                else:
                    views.append(await session.open(rng.choice(PAGES), session.query_string))
            held.append(True)
    except Exception as exc:  # the connection itself failed
        views.append(View(f"session {number}", 0.0, f"{type(exc).__name__}: {str(exc)[:200]}"))


async def people(base: str, sessions: int, duration: float, think: float) -> dict:
    views: list[View] = []
    held: list[bool] = []
    until = time.monotonic() + duration
    started = time.monotonic()

    async def staggered(n: int) -> None:
        await asyncio.sleep(think * n / sessions)  # people arrive over one think time
        await person(base, n, until, think, views, held)

    await asyncio.gather(*(staggered(n) for n in range(sessions)))
    return {"sessions": sessions, "sessions_held": len(held), "think_s": think, "duration_s": duration,
            **figures(views, time.monotonic() - started)}


async def saturation(base: str, levels: list[int], seconds: float) -> list[dict]:
    out = []
    for level in levels:
        views: list[View] = []
        until = time.monotonic() + seconds
        started = time.monotonic()
        await asyncio.gather(*(person(base, 1000 + n, until, 0.0, views, []) for n in range(level)))
        out.append({"concurrency": level, **figures(views, time.monotonic() - started)})
    return out


async def idle_memory(base: str, pids: list[int], count: int) -> dict:
    before = sum(rss_mib(p) for p in pids)
    async with contextlib.AsyncExitStack() as stack:
        for n in range(count):
            session = await stack.enter_async_context(StreamlitSession(base, timeout=60))
            await session.open("", LINKS[n % len(LINKS)])
        await asyncio.sleep(1)
        after = sum(rss_mib(p) for p in pids)
    return {"sessions": count, "rss_before_mib": round(before, 1), "rss_after_mib": round(after, 1),
            "growth_per_session_mib": round((after - before) / count, 3)}


async def churn(base: str, pids: list[int], total: int, ttl: float) -> dict:
    async def one(n: int) -> None:
        async with StreamlitSession(base, timeout=60) as session:
            await session.open(PAGES[n % len(PAGES)], LINKS[n % len(LINKS)])

    async def batch(start: int, stop: int) -> None:
        for first in range(start, stop, 10):
            await asyncio.gather(*(one(n) for n in range(first, min(first + 10, stop))), return_exceptions=True)

    async def settled_rss() -> float:
        # Disconnected sessions live in a TTL cache that drops expired ones when it is next
        # written: wait out the TTL, then one more session's disconnect writes it.
        await asyncio.sleep(ttl + 1)
        await one(0)
        await asyncio.sleep(1)
        return sum(rss_mib(p) for p in pids)

    first = min(100, total)
    await batch(0, first)
    after_first = await settled_rss()
    await batch(first, total)
    after_all = await settled_rss()
    return {"sessions": total, "rss_after_first_mib": round(after_first, 1), "rss_after_all_mib": round(after_all, 1),
            "ratio": round(after_all / after_first, 3) if after_first else None}


async def measure(base: str, pids: list[int], args) -> dict:
    """Every phase against ``base``; ``load_average`` (1-minute, before and after) shows how busy
    the machine was with other work: the figures are only as good as the cores were free."""
    result = {"load_average_before": round(os.getloadavg()[0], 2),
              "warm_render": await warm_render(base, args.warm_repeats)}
    result["idle"] = await idle_memory(base, pids, args.idle)
    result["people"] = await people(base, args.sessions, args.duration, args.think)
    result["saturation"] = await saturation(base, args.levels, args.saturation_seconds)
    result["churn"] = await churn(base, pids, args.churn, args.ttl)
    result["rss_end_mib"] = round(sum(rss_mib(p) for p in pids), 1)
    result["load_average_after"] = round(os.getloadavg()[0], 2)
    return result


def verdicts(result: dict) -> dict:
    limit = result["warm_render"]["limit_views_per_s"]
    fitting = [level["views_per_s"] for level in result["saturation"]
               if level["p95_s"] is not None and level["p95_s"] <= TARGETS["saturation_p95_s"] and not level["errors"]]
    best = max(fitting, default=0.0)
    people = result["people"]
    return {
        "people_p95": people["p95_s"] is not None and people["p95_s"] <= TARGETS["p95_s"],
        "people_no_errors": people["errors"] == 0 and people["sessions_held"] == people["sessions"],
        "saturation": {"best_views_per_s_at_p95_2s": best, "share_of_limit": round(best / limit, 3) if limit else None,
                       "met": bool(limit) and best >= TARGETS["saturation_share"] * limit},
        "idle": result["idle"]["growth_per_session_mib"] <= TARGETS["idle_mib"],
        "churn": result["churn"]["ratio"] is not None and result["churn"]["ratio"] <= TARGETS["churn_ratio"],
    }


def run_coroutine(coroutine):
    """``asyncio.run(coroutine)``, in a worker thread when this thread already runs an event loop
    (a caller inside Playwright's sync API, which keeps one running): the clients get a loop
    of their own either way."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def run(database_url: str, args) -> dict:
    env = {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(int(args.ttl))}
    results: dict = {"cores": CORES, "settings": {k: v for k, v in vars(args).items() if k != "output"},
                     "targets": TARGETS, "setups": {}}
    with streamlit_server(REPO / "app.py", database_url, timeout=300, extra_env=env) as base:
        results["setups"]["1_process"] = run_coroutine(measure(base, [base.pid], args))
    if args.proxy:
        with replicas(2, database_url, extra_env=env, timeout=300, worker_processes="1") as deployment:
            pids = [r.pid for r in deployment.replicas]
            results["setups"]["2_processes_nginx"] = run_coroutine(measure(deployment.url, pids, args))
    for setup in results["setups"].values():
        setup["verdicts"] = verdicts(setup)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=("small", "national"), default="national")
    parser.add_argument("--database-url", help="a PostgreSQL server URL (a database pantau_load_<scale> is made); "
                                               "default: an SQLite file under data/bench/")
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--think", type=float, default=10.0, help="seconds between one person's actions (±50 %%)")
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 2, 4, 8], help="saturation concurrencies")
    parser.add_argument("--saturation-seconds", type=float, default=15.0)
    parser.add_argument("--warm-repeats", type=int, default=5)
    parser.add_argument("--idle", type=int, default=50)
    parser.add_argument("--churn", type=int, default=1000)
    parser.add_argument("--ttl", type=float, default=5.0, help="server.disconnectedSessionTTL for the servers")
    parser.add_argument("--no-proxy", dest="proxy", action="store_false", help="only the one-process setup")
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results-load.json")
    args = parser.parse_args(argv)
    server_url = args.database_url
    url = database_for(f"load_{args.scale}", server_url, REPO / "data" / "bench")
    database = build(url, args.scale)
    results = {"backend": "postgresql" if server_url else "sqlite", "scale": args.scale,
               "database": database, **run(url, args)}
    args.output.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(json.dumps({name: {"people": s["people"], "warm_render": s["warm_render"], "verdicts": s["verdicts"]}
                      for name, s in results["setups"].items()}, indent=2))
    print(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
