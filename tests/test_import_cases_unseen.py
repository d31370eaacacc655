"""Unseen real files u02 and u03 (issue 18; tests/cases/unseen/README.md holds each right result,
written before the first run) and the kinds of fault they showed, on both backends and through the
command line. u01 is tested in test_import_cases_map_or_refuse.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from data_access import imports
from data_access.models_kdmp import KdmpFigure
from tests.conftest import _create_pg_database, _pg_server_url
from tests.import_case_helpers import PASSWORD, counts_by_area, prepared_engine

REPO = Path(__file__).resolve().parents[1]
UNSEEN = Path(__file__).parent / "cases" / "unseen"
U02 = "u02_lubuklinggau_diskop_uraian_tahun.csv"
U03 = "u03_simkopdes_kabkota.csv"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def eng(request, tmp_path_factory):
    if request.param == "sqlite":
        return prepared_engine(f"sqlite:///{tmp_path_factory.mktemp('unseen') / 'unseen.sqlite'}")
    return prepared_engine(_create_pg_database(_pg_server_url()))


def _file(name: str) -> bytes:
    return (UNSEEN / name).read_bytes()


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def _kdmp_state(eng) -> tuple:
    with eng.connect() as conn:
        listed = conn.execute(text("SELECT village_code, stage, stage_listed_on FROM kdmp ORDER BY village_code")).all()
        figures = conn.execute(select(func.count()).select_from(KdmpFigure)).scalar_one()
    return tuple(map(tuple, listed)), figures


# u02: Kota Lubuk Linggau's Diskop UMKM indicator table (Uraian, Satuan, 2022, 2023, 2024), no area


def test_u02_indicator_table_with_no_area_is_refused_naming_the_missing_area(eng):
    before = counts_by_area(eng)
    published = _file(U02)
    titled = b"Jumlah Koperasi Aktif\r\n" + published  # the first run's advice ("write it in the title") followed
    for data, columns in ((published, {}), (titled, {}), (published, {"Uraian": "kabupaten_kota"})):
        report = imports.commit("counts", data, "u02.csv", user="editor", engine=eng, columns=columns)
        assert not report.committed and report.counts["new"] == 0
        problem = report.file_error
        assert problem is not None and problem.code == "no_area_column", (columns, problem and problem.code)
        said = problem.text("en")
        assert "Uraian, Satuan, 2022, 2023, 2024" in said and "Jumlah UMKM Bidang Kuliner" in said
        assert "title" not in said  # never the advice to write a title
    assert counts_by_area(eng) == before


def test_years_as_columns_with_an_area_column_still_reads_as_before(eng):
    data = _csv([["Jumlah Koperasi Aktif"], ["Kabupaten/Kota", "2022", "2023"], ["Kabupaten Belu", "10", "12"]])
    report = imports.preview("counts", data, "tahun.csv", user="editor", engine=eng)
    assert report.file_error is None and report.counts["new"] == 2 and report.layout == "years_as_columns"


def test_a_missing_column_is_named_never_a_column_the_file_already_has(eng):
    """The header map was dropped whole when one required column was missing, so the suggestion
    named the file's own "Per Tanggal" for Per Tanggal and hid the missing area."""
    data = _csv([["Uraian", "Per Tanggal", "Aktif"], ["Koperasi Aktif Simpan Pinjam", "2023", "57"]])
    report = imports.preview("counts", data, "uraian.csv", user="editor", engine=eng)
    problem = report.file_error
    assert problem is not None and problem.code == "missing_columns", problem and problem.code
    assert "Kabupaten/Kota" in problem.params["columns"] and "Per Tanggal" not in problem.params["columns"]
    roles = {c.header: (c.role, c.field) for c in report.columns}
    assert roles["Per Tanggal"] == ("field", "as_of") and roles["Aktif"] == ("field", "active")


# u03: SIMKOPDES dashboard per kab/kota (Province_ID, No, Kabupaten/Kota, Jumlah Koperasi, …)


def test_u03_a_kab_kota_summary_is_not_a_kdmp_listing(eng):
    before = _kdmp_state(eng)
    for listing in (None, (dt.date(2026, 8, 6), "sk_ahu")):
        report = imports.commit("kdmp", _file(U03), "u03.csv", user="editor", engine=eng, listing=listing)
        assert not report.committed and report.counts["new"] == 0
        problem = report.file_error
        assert problem is not None and problem.code == "coarser_than_kind", problem and problem.code
        assert problem.params["column"] == "Kabupaten/Kota"
        said = problem.text("en")
        assert "per kabupaten/kota" in said and "desa/kelurahan" in said and "--per-tanggal" not in said
        roles = {c.header: c.role for c in report.columns}
        assert roles["Province_ID"] == "internal_id"  # the portal's 1, never Kemendagri 11
        assert roles["Kabupaten/Kota"] == "field" and roles["No"] == "checked"
        assert roles["Simpanan Pokok"] == "other_measure"
    assert _kdmp_state(eng) == before


def test_kdmp_rows_per_kecamatan_or_province_are_refused_as_coarser(eng):
    per_kecamatan = _csv([["Kabupaten/Kota", "Kecamatan", "Jumlah KDMP"], ["Kabupaten Belu", "Atambua Barat", "4"]])
    report = imports.preview("kdmp", per_kecamatan, "kec.csv", user="editor", engine=eng)
    assert report.file_error is not None and report.file_error.code == "coarser_than_kind"
    assert report.file_error.params["column"] == "Kecamatan"
    per_desa = _csv([["Kabupaten/Kota", "Kecamatan", "Desa", "Tahap", "Tanggal SK AHU"],
                     ["Kabupaten Belu", "Atambua Barat", "Umanen", "SK AHU", "12/05/2025"]])
    listed = imports.preview("kdmp", per_desa, "desa.csv", user="editor", engine=eng)
    assert listed.file_error is None or listed.file_error.code != "coarser_than_kind"


# the same through the command line, as an official runs it


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('cli') / 'cli.sqlite'}"}

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "data_access", *args], cwd=REPO, env=env, input=stdin,
                              capture_output=True, text=True, timeout=300)

    assert run("init").returncode == 0
    assert run("user", "add", "editor", "--role", "editor", "--password-stdin", stdin=PASSWORD + "\n").returncode == 0
    return run


@pytest.mark.parametrize("kind, name, cause", [
    ("counts", U02, "No area column"),
    ("kdmp", U03, "per kabupaten/kota"),
])
def test_unseen_files_through_the_command_line(cli, kind, name, cause):
    before = json.loads(cli("stats").stdout)
    for extra in ((), ("--dry-run",)):
        done = cli("import", kind, str(UNSEEN / name), "--user", "editor", "--json", "--lang", "en", *extra)
        assert done.returncode == 2, done.stderr
        report = json.loads(done.stdout)
        assert not report["committed"] and cause in report["file_error"]
    assert json.loads(cli("stats").stdout) == before
