"""``python -m data_access init | stats`` on a fresh SQLite file."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_init_then_stats(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite'}"}
    subprocess.run([sys.executable, "-m", "data_access", "init"], cwd=REPO, env=env, check=True,
                   capture_output=True)
    out = subprocess.run([sys.executable, "-m", "data_access", "stats"], cwd=REPO, env=env, check=True,
                         capture_output=True, text=True).stdout
    counts = json.loads(out)
    assert counts["province"] == 38
    assert counts["regency"] == 514
    assert counts["meeting"] == 5
    assert counts["cooperative"] == 0
