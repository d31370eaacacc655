"""``python -m data_access move``: SQLite → PostgreSQL → SQLite with every table and row equal, the source
left as it was, a target holding data refused, undo of an earlier import on the new server, and the
pages showing the same figures (AppTest). One small office database (tests/portability_helpers.py)
built once for the module."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from apptest_helpers import app
from pg_server import _create_pg_database, _pg_server_url
from portability_helpers import COUNTS_CSV, EDITOR, fill_small_office
from sqlalchemy import func, select

from data_access import auth, data_version, imports
from data_access import engine as engine_module
from data_access.models_cooperatives import CooperativeCount
from data_access.portability import PortabilityError, move, tables, transfer

REPO = Path(__file__).resolve().parents[1]
FILLED = ("province", "regency", "village", "district", "source", "meeting", "cooperative_count", "app_user",
          "import_batch", "import_batch_row", "audit_entry", "sign_in_throttle", "data_version", "pokja", "mandate", "cooperative", "cooperative_rat", "cooperative_registered")


@pytest.fixture(scope="module")
def office(prepared_templates, tmp_path_factory):
    url = prepared_templates.sqlite_copy(tmp_path_factory.mktemp("office") / "office.sqlite")
    batch = fill_small_office(url)
    engine_module.dispose(url)
    return url, batch


@pytest.fixture(scope="module")
def moved(office, tmp_path_factory):
    """The office moved to a new PostgreSQL database, and from there to a new SQLite file."""
    url, _ = office
    before = manifest(url)
    postgresql = _create_pg_database(_pg_server_url())
    there = move.move(url, postgresql)
    back = f"sqlite:///{tmp_path_factory.mktemp('back') / 'back.sqlite'}"
    move.move(postgresql, back)
    return {"before": before, "postgresql": postgresql, "sqlite": back, "report": there}


def manifest(url: str) -> dict:
    with transfer.snapshot(engine_module.get_engine(url)) as conn:
        return tables.manifest(conn)


def _facts(found: dict) -> dict:
    return {name: digest for name, digest in found["tables"].items() if name != "data_version"}


def test_round_trip_keeps_every_table_and_row(office, moved):
    url, _ = office
    before = moved["before"]
    assert all(before["tables"][name]["rows"] > 0 for name in FILLED)
    assert moved["report"]["tables"] == {name: t["rows"] for name, t in before["tables"].items()}
    for target in (moved["postgresql"], moved["sqlite"]):
        after = manifest(target)
        assert after["revision"] == before["revision"]
        assert _facts(after) == _facts(before)
    assert manifest(url) == before  # the source as it was, data version included


def test_the_data_version_is_raised_above_the_source(office, moved):
    source = data_version.current(engine_module.get_engine(office[0]))
    assert data_version.current(engine_module.get_engine(moved["postgresql"])) > source


def test_an_import_from_before_the_move_is_undone_on_the_new_server(office, moved, tmp_path):
    # a copy of the PostgreSQL target, so the other tests keep theirs
    target = _create_pg_database(_pg_server_url())
    move.move(moved["sqlite"], target)
    eng = engine_module.get_engine(target)
    count = select(func.count()).select_from(CooperativeCount)
    with eng.connect() as conn:
        before = conn.scalar(count)
    result = imports.undo(office[1], user=EDITOR, engine=eng)
    assert result.done, result.to_text("en")
    with eng.connect() as conn:
        assert conn.scalar(count) == before - 1
    # new rows get new ids: the sequences continue after the copied ones
    again = imports.commit("counts", COUNTS_CSV, "angka.csv", user=EDITOR, engine=eng)
    assert again.batch_id > office[1]
    auth.add_user("kedua", role="viewer", password="kata-sandi-uji-456", actor="test", engine=eng)


def _counts(url: str) -> dict:
    eng = engine_module.get_engine(url)
    with eng.connect() as conn:
        return {**tables.counts(conn, tables.reflect(conn)), "version": data_version.current(conn)}


def test_a_target_holding_data_is_refused_and_left_as_it_was(office, prepared_db_url):
    before = _counts(prepared_db_url)
    with pytest.raises(PortabilityError, match="already holds data"):
        move.move(office[0], prepared_db_url)
    assert _counts(prepared_db_url) == before


def test_the_command_line_moves_and_refuses(office, tmp_path):
    target = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    env = {**os.environ, "DATABASE_URL": office[0]}
    run = [sys.executable, "-m", "data_access", "move", "--to", target]
    done = subprocess.run(run, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["tables"]["import_batch"] == 1
    again = subprocess.run(run, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 2 and "sudah berisi data" in again.stderr


def _figures(page: str) -> list:
    at = app(page)
    assert not at.exception
    return ([(m.label, m.value) for m in at.metric]
            + [df.value.to_csv() for df in at.dataframe] + [c.value for c in at.caption])


@pytest.mark.parametrize("page", ["overview", "cooperatives", "pokja_status"])
def test_pages_show_the_same_figures_after_the_move(office, moved, monkeypatch, page):
    from ui import queries

    monkeypatch.setenv("DATABASE_URL", office[0])
    queries.clear()
    before = _figures(page)
    assert any(isinstance(shown, tuple) for shown in before)  # metrics were shown
    for target in (moved["postgresql"], moved["sqlite"]):
        monkeypatch.setenv("DATABASE_URL", target)
        queries.clear()
        assert _figures(page) == before
    queries.clear()
