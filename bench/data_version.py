"""How long the per-script-run data version read takes: ``python -m bench.data_version [URL ...]``.

Each URL (default: a fresh temporary SQLite file; add the PostgreSQL URL in
``PANTAU_TEST_POSTGRES_URL`` to measure both) is prepared (migrated, gazetteer + real facts),
then ``data_access.data_version.current`` runs ``READS`` times on one pooled engine, the way a
server process reads it once per script run (a pool checkout with its liveness ping on
PostgreSQL, then the primary-key read). Prints median and p95 in milliseconds and writes them
to ``bench/results-data-version.json``. Target (issue 13): ≤ 1 ms on both backends.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from data_access import data_version, preparation
from data_access import engine as engine_module

READS = 2_000
OUTPUT = Path(__file__).resolve().parent / "results-data-version.json"


def measure(url: str, reads: int = READS) -> dict:
    """``{"backend", "reads", "median_ms", "p95_ms"}`` for ``reads`` version reads on ``url``."""
    engine = preparation.prepare_database(engine_module.get_engine(url), with_demo=False)
    for _ in range(50):  # warm the pool and the statement cache
        data_version.current(engine)
    times = []
    for _ in range(reads):
        started = time.perf_counter()
        data_version.current(engine)
        times.append((time.perf_counter() - started) * 1000)
    return {"backend": engine.dialect.name, "reads": reads, "median_ms": round(statistics.median(times), 4),
            "p95_ms": round(statistics.quantiles(times, n=20)[-1], 4)}


def _postgres_database(server_url: str) -> str:
    from sqlalchemy import create_engine, make_url

    name = f"pantau_bench_version_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _drop(url: str, server_url: str) -> None:
    from sqlalchemy import create_engine, make_url

    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{make_url(url).database}"')  # a name made above
    admin.dispose()


def main(argv: list[str]) -> list[dict]:
    urls, made = list(argv), []
    if not urls:
        urls.append(f"sqlite:///{Path(tempfile.mkdtemp()) / 'version.sqlite'}")
        if os.environ.get("PANTAU_TEST_POSTGRES_URL"):
            made.append(_postgres_database(os.environ["PANTAU_TEST_POSTGRES_URL"]))
            urls.append(made[-1])
    results = [measure(url) for url in urls]
    engine_module.dispose_all()
    for url in made:  # the temporary PostgreSQL database goes again
        _drop(url, os.environ["PANTAU_TEST_POSTGRES_URL"])
    text = json.dumps({"load_average": round(os.getloadavg()[0], 2), "results": results}, indent=2)
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    print(text)
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
