"""``python -m data_access import | undo | user`` as a subprocess on a fresh SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "kata-sandi-uji-123"
GOOD = ("Provinsi;Kabupaten/Kota;Per Tanggal;Jumlah Koperasi;Aktif;Tidak Aktif\r\n"
        "NTT;Kabupaten Kupang;31/12/2023;1.234;1.000;234\r\n")
WITH_REJECT = GOOD + "NTT;Kupang;2023;10;5;5\r\n"


@pytest.fixture
def cli(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite'}"}

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "data_access", *args], cwd=REPO, env=env, input=stdin,
                              capture_output=True, text=True, timeout=120)

    assert run("init").returncode == 0
    added = run("user", "add", "editor", "--role", "editor", "--province", "53", "--password-stdin",
                stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert run("user", "add", "viewer", "--role", "viewer", "--password-stdin", stdin=PASSWORD + "\n").returncode == 0
    return run


def _stats(cli) -> dict[str, int]:
    return json.loads(cli("stats").stdout)


def test_dry_run_writes_nothing_and_exit_code_reports_rejections(cli, tmp_path):
    path = tmp_path / "angka.csv"
    path.write_bytes(WITH_REJECT.encode("cp1252"))
    before = _stats(cli)
    preview = cli("import", "counts", str(path), "--user", "editor", "--dry-run")
    assert preview.returncode == 1
    assert "baru 1 · berubah 0 · tetap 0 · ditolak 1" in preview.stdout
    assert "baris 3 · Kabupaten/Kota · 'Kupang'" in preview.stdout and "53.71" in preview.stdout
    assert _stats(cli) == before

    strict = cli("import", "counts", str(path), "--user", "editor", "--strict", "--json", "--lang", "en")
    assert strict.returncode == 1
    report = json.loads(strict.stdout)
    assert report["committed"] is False and report["counts"]["rejected"] == 1
    assert report["errors"][0] | {"reason": ""} == {"row": 3, "column": "Kabupaten/Kota", "value": "Kupang",
                                                     "reason": ""}
    assert _stats(cli) == before

    lenient = cli("import", "counts", str(path), "--user", "editor")
    assert lenient.returncode == 1 and "batch #1" in lenient.stdout
    after = _stats(cli)
    assert after["cooperative_count"] == before["cooperative_count"] + 1
    assert after["import_batch"] == 1

    path.write_bytes(GOOD.encode())
    clean = cli("import", "counts", str(path), "--user", "editor")
    assert clean.returncode == 0 and "tetap 1" in clean.stdout
    assert _stats(cli) == after  # the same rows again: nothing written

    undone = cli("undo", "1", "--user", "editor")
    assert undone.returncode == 0, undone.stdout
    assert _stats(cli)["cooperative_count"] == before["cooperative_count"]


def test_refusals_exit_2(cli, tmp_path):
    path = tmp_path / "angka.csv"
    path.write_text(GOOD, encoding="utf-8")
    assert cli("import", "counts", str(path), "--user", "viewer").returncode == 2
    assert cli("import", "counts", str(path), "--user", "nobody").returncode == 2
    missing = cli("import", "meetings", str(path), "--user", "editor")
    assert missing.returncode == 2 and "Judul" in missing.stdout
    assert cli("import", "counts", str(tmp_path / "none.csv"), "--user", "editor").returncode == 2


def test_users_never_take_a_password_argument(cli):
    refused = cli("user", "add", "other", "--role", "editor", "--password", PASSWORD)
    assert refused.returncode == 2 and "unrecognized arguments" in refused.stderr
    listed = cli("user", "list")
    assert listed.returncode == 0
    assert "editor" in listed.stdout and "viewer" in listed.stdout and "argon2" not in listed.stdout
    assert cli("user", "add", "editor", "--role", "admin", "--no-password").returncode == 2  # exists


def test_read_only_database_gives_a_clear_message_and_exit_2(tmp_path):
    """A database that refuses writes: one clear line on stderr, exit code 2, no traceback."""
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT

    path = tmp_path / "ro.sqlite"
    env_rw = {**__import__("os").environ, "DATABASE_URL": f"sqlite:///{path}"}
    subprocess.run([sys.executable, "-m", "data_access", "init"], cwd=REPO_ROOT, env=env_rw, check=True,
                   capture_output=True)
    subprocess.run([sys.executable, "-m", "data_access", "user", "add", "ed", "--role", "editor",
                    "--password-stdin"], cwd=REPO_ROOT, env=env_rw, input="secretpass1\n", text=True,
                   check=True, capture_output=True)
    csv = tmp_path / "counts.csv"
    csv.write_text("Provinsi;Kabupaten/Kota;Per Tanggal;Jumlah Koperasi;Aktif;Tidak Aktif\n"
                   "NTT;Kab. Belu;31/12/2023;120;80;40\n", encoding="utf-8")
    env_ro = {**env_rw, "DATABASE_URL": f"sqlite:///file:{path}?mode=ro&uri=true"}
    done = subprocess.run([sys.executable, "-m", "data_access", "import", "counts", str(csv), "--user", "ed"],
                          cwd=REPO_ROOT, env=env_ro, capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "nothing was stored" in done.stderr


def test_case_files_through_the_command_line(cli):
    """The published layouts through ``python -m data_access import`` as an office would run it."""
    cases = REPO / "tests" / "cases" / "files"
    before = _stats(cli)
    table = cli("import", "counts", str(cases / "f03_bps_dalam_angka.xlsx"), "--user", "editor", "--json")
    assert table.returncode == 0, table.stdout
    report = json.loads(table.stdout)
    assert report["counts"]["new"] == 8 and report["layout"] == "titled"
    assert any("Kabupaten Kupang (53.01)" in note for note in report["notes"])
    assert _stats(cli)["cooperative_count"] == before["cooperative_count"] + 8

    agenda = cli("import", "meetings", str(cases / "f06_agenda_dinas.csv"), "--user", "editor",
                 "--same-meeting", "attach")
    assert agenda.returncode == 1  # this editor may change NTT only: the Jatim and NTB rows are refused
    assert "baru 3 · berubah 1 · tetap 0 · ditolak 2" in agenda.stdout
    after = _stats(cli)
    assert after["meeting_source"] == before["meeting_source"] + 1
    assert after["meeting"] == before["meeting"] + 3


def test_a_kdmp_list_through_the_command_line(cli, tmp_path):
    from tests.test_import_kdmp import DINAS_FILE

    path = tmp_path / "kdmp-tts.csv"
    path.write_bytes(DINAS_FILE)
    before = _stats(cli)
    done = cli("import", "kdmp", str(path), "--user", "editor")
    assert done.returncode == 1, done.stderr  # committed, with rejected rows
    assert "baru 7" in done.stdout and "ditolak 5" in done.stdout
    after = _stats(cli)
    assert after["kdmp"] == before["kdmp"] + 7
    assert after["kdmp_stage_change"] == before["kdmp_stage_change"] + 16


def test_map_or_refuse_cases_through_the_command_line(cli, tmp_path):
    """Issue 18's real files as an office would run them: f10 refused for its level, f08 with its
    period column mapped (in a mapping file), f09 with the listing's date and stage given."""
    cases = REPO / "tests" / "cases" / "files"
    added = cli("user", "add", "nasional", "--role", "editor", "--password-stdin", stdin="kata-sandi-uji-123\n")
    assert added.returncode == 0, added.stderr
    before = _stats(cli)
    desa = cli("import", "counts", str(cases / "f10_opendata_desa.csv"), "--user", "nasional")
    assert desa.returncode == 2 and "per desa/kelurahan" in desa.stdout
    mapping = tmp_path / "jatim.txt"
    mapping.write_text("# Jawa Timur, tabel triwulanan\nPERIODE UPDATE=per_tanggal\n", encoding="utf-8")
    quarterly = cli("import", "counts", str(cases / "f08_jatim_triwulan.csv"), "--user", "nasional",
                    "--kolom-file", str(mapping), "--json", "--simpan-format", "Jatim triwulan")
    assert quarterly.returncode == 0, quarterly.stdout
    assert json.loads(quarterly.stdout)["counts"]["new"] == 798
    again = cli("import", "counts", str(cases / "f08_jatim_triwulan.csv"), "--user", "nasional", "--dry-run")
    assert again.returncode == 2 and "--format 'Jatim triwulan'" in again.stderr  # offered
    reused = cli("import", "counts", str(cases / "f08_jatim_triwulan.csv"), "--user", "nasional", "--dry-run",
                 "--format", "Jatim triwulan")
    assert reused.returncode == 0 and "tetap 798" in reused.stdout
    saved = json.loads(cli("format", "list").stdout)
    assert [(f["kind"], f["name"], f["created_by"]) for f in saved] == [("counts", "Jatim triwulan", "nasional")]
    assert cli("format", "remove", str(saved[0]["id"])).returncode == 0
    assert json.loads(cli("format", "list").stdout) == []
    listing = cli("import", "kdmp", str(cases / "f09_simkopdes_desa.csv"), "--user", "nasional",
                  "--per-tanggal", "5 Agustus 2026", "--tahap", "SK AHU", "--kolom", "cooperatives=abaikan")
    assert listing.returncode == 0, listing.stdout + listing.stderr
    after = _stats(cli)
    assert after["cooperative_count"] == before["cooperative_count"] + 798
    assert after["kdmp"] == before["kdmp"] + 52
