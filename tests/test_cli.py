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


def test_a_user_added_before_the_first_start_gets_the_first_starts_demo(tmp_path, monkeypatch):
    """Issue 20 walkthrough: `user add` run on a fresh machine before the dashboard had created the
    embedded database made it without the demo data the README promises on first start."""
    from sqlalchemy import func, select

    from data_access import __main__ as cli
    from data_access import config, engine
    from data_access.models_cooperatives import Cooperative

    path = tmp_path / "data" / "pantau_rakor.sqlite"
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(config, "DEFAULT_SQLITE_PATH", path)
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO("kata-sandi-uji-123\n"))
    assert cli.main(["user", "add", "periksa", "--role", "editor", "--province", "53", "--password-stdin"]) == 0
    eng = engine.get_engine(f"sqlite:///{path}")
    with engine.session_scope(eng) as s:
        demo_rows = s.scalar(select(func.count()).select_from(Cooperative))  # the register holds only demo rows
    assert demo_rows > 0
    # a database named on the command line never gets demo data unasked
    named = tmp_path / "named.sqlite"
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO("kata-sandi-uji-123\n"))
    assert cli.main(["--database-url", f"sqlite:///{named}", "user", "add", "lain", "--role", "viewer",
                     "--password-stdin"]) == 0
    with engine.session_scope(engine.get_engine(f"sqlite:///{named}")) as s:
        assert s.scalar(select(func.count()).select_from(Cooperative)) == 0
