"""``python -m ingest.extract`` (and ``python -m ingest``): JSON Lines, the summary, errors."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.test_extract import HTML_PAGE, KALTARA, NO_NUMBERS, REPO_ROOT, SIKKA, SPEC_KEYS
from tests.test_extract_seeds import SEEDS, needs_seeds

# --------------------------------------------------------------------------- #
# Command line
# --------------------------------------------------------------------------- #


def run_cli(*args: str, module: str = "ingest.extract") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=REPO_ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)


def test_cli_json_lines(tmp_path):
    files = [tmp_path / "kaltara.txt", tmp_path / "kosong.txt", tmp_path / "belu.html"]
    files[0].write_text(KALTARA, encoding="utf-8")
    files[1].write_text(NO_NUMBERS, encoding="utf-8")
    files[2].write_bytes(HTML_PAGE)
    proc = run_cli(*map(str, files), "--json")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 3
    rows = [json.loads(line) for line in lines]
    for row, path in zip(rows, files, strict=True):
        assert SPEC_KEYS <= set(row)
        assert row["file"] == str(path)
    assert rows[0]["date"] == "2024-06-07" and rows[0]["regency_code"] == "65.71"
    assert rows[1]["date"] is None and rows[1]["participants"] is None
    assert rows[2]["regency_code"] == "53.04"


def test_cli_summary_published_on_and_package_entry_point(tmp_path):
    path = tmp_path / "sikka.txt"
    path.write_text(SIKKA, encoding="utf-8")
    proc = run_cli(str(path), "--published-on", "2024-06-04")
    assert proc.returncode == 0, proc.stderr
    assert "Rapat Koordinasi Pengawasan Koperasi" in proc.stdout and "2024-06-03" in proc.stdout
    proc = run_cli(str(path), "--json", module="ingest")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["date"] is None  # no year and no publication date: not guessed


@needs_seeds
def test_cli_on_the_seeds():
    paths = sorted(SEEDS.glob("*.txt"))
    proc = run_cli(*map(str, paths), "--json")
    assert proc.returncode == 0, proc.stderr
    dates = [json.loads(line)["date"] for line in proc.stdout.splitlines()]
    assert dates == ["2020-02-27", "2022-08-25", "2019-08-22", "2022-12-01", "2024-05-30"]


def test_cli_missing_file_is_reported(tmp_path):
    proc = run_cli(str(tmp_path / "tidak-ada.txt"), "--json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "tidak-ada.txt" in proc.stderr

