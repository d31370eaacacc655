"""Smoke test: the benchmark runs end to end at small scale with one run, so it cannot rot.

It checks that figures are produced, not how fast they are: targets are read
from the benchmark's output, never asserted in tests.
"""

import json
import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_bench_small_one_run(tmp_path):
    output = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--scale", "small", "--runs", "1", "--no-browser",
         "--output", str(output), "--sqlite-dir", str(tmp_path)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(output.read_text())
    pages = results["scales"]["small"]["pages"]
    assert set(pages) == {"overview", "cooperatives", "meetings", "pokja_status", "maps", "kdmp"}
    for name, figures in pages.items():
        assert "exception" not in figures, (name, figures)
        assert figures["cold"]["median"] > 0
        assert figures["filter_regency"]["p95"] > 0
    assert results["scales"]["small"]["peak_rss_mib"] > 0
    assert results["scales"]["small"]["slowest_sql"]["plan"]
    assert "targets:" in done.stdout
