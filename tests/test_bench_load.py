"""``bench.load`` at tiny scale: one server on a small SQLite database, a few protocol sessions.
Checks the figures are there and sane (every view finished, none failed, memory read from the
server process), not that targets are met: that is the benchmark's job."""

from __future__ import annotations

import argparse

from bench import load


def test_load_benchmark_smoke(sqlite_url):
    """On the shared SQLite fixture (small demo data): the benchmark only reads."""
    args = argparse.Namespace(sessions=3, think=0.5, duration=2.0, levels=[1, 2], saturation_seconds=1.5,
                              warm_repeats=1, idle=2, churn=6, ttl=1.0, proxy=False)
    results = load.run(sqlite_url, args)
    setup = results["setups"]["1_process"]
    assert setup["warm_render"]["errors"] == 0 and setup["warm_render"]["median_s"] > 0
    people = setup["people"]
    assert people["errors"] == 0, people["first_errors"]
    assert people["sessions_held"] == 3 and people["views"] >= 3 and people["p95_s"] > 0
    assert [level["concurrency"] for level in setup["saturation"]] == [1, 2]
    assert all(level["errors"] == 0 and level["views"] > 0 for level in setup["saturation"])
    assert setup["idle"]["rss_before_mib"] > 50 and setup["churn"]["rss_after_all_mib"] > 50
    assert set(setup["verdicts"]) == {"people_p95", "people_no_errors", "saturation", "idle", "churn"}
