"""One benchmark worker: one database, one scale, in its own process (so peak RSS is its own).

Prints one JSON object: per page cold / warm / filter-change render times (all
runs), peak RSS after visiting every page with ten filter sets, the slowest SQL
statement seen with its plan, and the floor page's render times.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def peak_rss_mib() -> float:
    """This process's peak resident memory in MiB.

    ``VmHWM`` from ``/proc/self/status`` where there is one: Linux carries the
    parent's ``ru_maxrss`` into a forked and exec'd child (the benchmark's own
    process, which has just built the national database), so ``getrusage``
    would report the parent's peak, not the worker's.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


class SlowestStatement:
    """Records the slowest SQL statement executed while the pages render."""

    def __init__(self, engine):
        from sqlalchemy import event

        self.engine, self.seconds, self.statement, self.parameters = engine, 0.0, "", None
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn, cursor, statement, parameters, context, executemany):
        conn.info["bench_started"] = time.perf_counter()

    def _after(self, conn, cursor, statement, parameters, context, executemany):
        elapsed = time.perf_counter() - conn.info.pop("bench_started", time.perf_counter())
        if elapsed > self.seconds and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            self.seconds, self.statement, self.parameters = elapsed, statement, parameters

    def plan(self) -> list[str]:
        if not self.statement:
            return []
        prefix = "EXPLAIN QUERY PLAN " if self.engine.dialect.name == "sqlite" else "EXPLAIN "
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql(prefix + self.statement, self.parameters).all()
        return [" | ".join(str(v) for v in row) for row in rows]


def compile_pages_once() -> None:
    """Let every AppTest run share one compiled-script cache, as a server's runs do.

    ``streamlit run`` keeps one ``ScriptCache`` per server: a page's source is read, rewritten for
    "magic" and compiled on its first run only. AppTest (1.67, ``app_test.py``) makes a new cache
    for every ``run()``, so each measured render paid 20–40 ms of recompiling ``dashboard.py`` and
    the page — a cost no user ever waits for after the first visit. Applied to the floor page too.
    Its ``LocalScriptRunner`` keeps a second cache of its own for the entry script (``dashboard.py``,
    ``floor_app.py``), also new per ``run()``: shared too (issue 22: it was 5–10 ms of every
    measured rerun, most of the floor page's figure).
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared
    local_script_runner.ScriptCache = lambda: shared


def run(url: str, runs: int) -> dict:
    os.environ["DATABASE_URL"] = url
    sys.path.insert(0, str(REPO))
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    compile_pages_once()

    from bench.pages import FILTER_PROVINCE, FILTER_REGENCY, MEMORY_FILTER_SETS, PAGES
    from data_access.engine import get_engine
    from data_access.preparation import prepare_database
    from ui import charts, queries

    engine = prepare_database(get_engine(url), with_demo=False)
    slowest = SlowestStatement(engine)
    dashboard = str(REPO / "dashboard.py")

    def fresh_app() -> AppTest:
        at = AppTest.from_file(dashboard, default_timeout=120)
        at.run()
        return at

    def clear_caches() -> None:
        """Every cached figure and chart gone: what a render after a write, or a new filter, meets."""
        queries.clear()
        queries.forget_all()
        st.cache_data.clear()
        charts.clear_built()

    results: dict = {"pages": {}}
    for name, path, _url in PAGES:
        figures = {"cold": [], "warm": [], "filter_province": [], "filter_regency": []}
        # One untimed round first: a server process pays once for importing the page's modules and
        # compiling its SQL statements (SQLAlchemy's statement cache), not on each user's render;
        # timed rounds then start from empty data and chart caches (``clear_caches``).
        for timed in [False] + [True] * runs:
            at = fresh_app()
            clear_caches()
            measured = {"cold": _timed(at.switch_page(path).run), "warm": _timed(at.run)}
            at.multiselect(key="f_prov").set_value([FILTER_PROVINCE])
            measured["filter_province"] = _timed(at.run)
            at.multiselect(key="f_kab").set_value([FILTER_REGENCY])
            measured["filter_regency"] = _timed(at.run)
            if timed:
                for kind, seconds in measured.items():
                    figures[kind].append(seconds)
            if at.exception:
                figures["exception"] = str(at.exception[0].message)[:300]
        results["pages"][name] = figures

    AppTest.from_file(str(REPO / "bench" / "floor_app.py"), default_timeout=60).run()  # warm-up, untimed
    floor = []
    for _ in range(runs):
        clear_caches()
        at = AppTest.from_file(str(REPO / "bench" / "floor_app.py"), default_timeout=60)
        floor.append(_timed(at.run))
    results["floor"] = floor

    for _name, path, _url in PAGES:
        at = fresh_app()
        at.switch_page(path).run()
        for filter_set in MEMORY_FILTER_SETS:
            at.multiselect(key="f_kab").set_value([])  # before the province, whose change narrows its options
            at.multiselect(key="f_prov").set_value(filter_set.get("f_prov", []))
            at.multiselect(key="f_sektor").set_value(filter_set.get("f_sektor", []))
            at.toggle(key="f_nyata").set_value(filter_set.get("f_nyata", False))
            at.run()
            if filter_set.get("f_kab"):
                at.multiselect(key="f_kab").set_value(filter_set["f_kab"])
                at.run()
    results["peak_rss_mib"] = peak_rss_mib()
    results["slowest_sql"] = {"seconds": slowest.seconds, "statement": " ".join(slowest.statement.split()),
                              "plan": slowest.plan()}
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(run(args.database_url, args.runs)))


if __name__ == "__main__":
    main()
