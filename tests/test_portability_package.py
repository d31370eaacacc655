"""``python -m data_access export --real`` / ``import package``: the real records as a Frictionless Data Package,
validated by the ``frictionless`` library, round-tripped byte for byte through either backend, and refusals
with nothing written."""

from __future__ import annotations

import csv
import filecmp
import json
import shutil
from pathlib import Path

import pytest
from frictionless import validate
from portability_helpers import fill_small_office

from data_access import engine as engine_module
from data_access.__main__ import main
from data_access.models import Base
from data_access.portability import PortabilityError, package_schema, tables
from data_access.portability.package_export import export
from data_access.portability.package_import import import_package


@pytest.fixture(scope="module")
def office(prepared_templates, tmp_path_factory) -> str:
    url = prepared_templates.sqlite_copy(tmp_path_factory.mktemp("office") / "office.sqlite")
    fill_small_office(url)
    return url


@pytest.fixture(scope="module")
def package(office, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pkg") / "paket"
    export(engine_module.get_engine(office), folder)
    return folder


def _rows(folder: Path, name: str) -> list[dict]:
    with open(folder / "data" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_package_is_valid_and_holds_only_real_records(package):
    report = validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["title", "message"])[:5]
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in descriptor["resources"]]
    assert {"meeting", "meeting_source", "cooperative_count", "cooperative", "pokja", "pokja_stage_change", "kdmp",
            "kdmp_figure", "source", "province", "regency"} <= set(names)
    assert {"region_alias", "village", "district", "sector", "cooperative_rat", "meeting_sector"} <= set(names)
    for table in Base.metadata.sorted_tables:  # every table whose rows name their source is exported, unless private
        if table.name not in package_schema.PRIVATE and any(fk.column.table.name == "source" for fk in table.foreign_keys):
            assert table.name in names
    assert not {"app_user", "audit_entry", "import_batch", "import_batch_row", "sign_in_throttle", "data_version",
                "cooperative_activity", "briefing_snapshot", "digest_subscription", "digest_send"} & set(names)
    assert {r["kind"] for r in _rows(package, "source")} <= {"news", "official_dataset", "manual"}
    assert "Rakor demo portabilitas" not in {r["title"] for r in _rows(package, "meeting")}
    regency = next(r for r in descriptor["resources"] if r["name"] == "regency")["schema"]
    assert {f["name"]: f["type"] for f in regency["fields"]}["code"] == "string"
    assert regency["primaryKey"] == ["code"]
    assert {"fields": ["province_code"], "reference": {"resource": "province", "fields": ["code"]}} in \
        regency["foreignKeys"]
    assert descriptor["licenses"] and descriptor["pantau_rakor"]["schema_revision"]
    assert "53.71" in {r["code"] for r in _rows(package, "regency")}  # Kemendagri codes kept as written


def test_a_broken_reference_is_found_by_the_validator(package, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(package, broken)
    rows = _rows(broken, "regency")
    rows[0]["province_code"] = "99"
    with open(broken / "data" / "regency.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert not validate(str(broken / "datapackage.json")).valid


def test_export_import_export_gives_the_same_files(package, empty_db_url, tmp_path):
    assert main(["--database-url", empty_db_url, "import", "package", str(package)]) == 0
    again = tmp_path / "again"
    export(engine_module.get_engine(empty_db_url), again)
    compared = filecmp.dircmp(package, again)
    assert not compared.diff_files and not compared.left_only and not compared.right_only
    data = filecmp.dircmp(package / "data", again / "data")
    assert sorted(data.same_files) == sorted(p.name for p in (package / "data").iterdir())
    with engine_module.get_engine(empty_db_url).connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM cooperative_registered").scalar() > 0


def _nothing_written(url: str, folder: Path, message: str) -> None:
    eng = engine_module.get_engine(url)
    with eng.connect() as conn:
        before = tables.counts(conn, tables.reflect(conn))
    with pytest.raises(PortabilityError, match=message):
        import_package(folder, eng)
    with eng.connect() as conn:
        assert tables.counts(conn, tables.reflect(conn)) == before


def test_unknown_columns_bad_cells_and_a_database_holding_data_are_refused(package, prepared_sqlite_url, tmp_path):
    empty = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    engine_module.migrate(engine_module.get_engine(empty))
    for change, message in ((lambda r: r.update(warna="merah"), "unknown columns: warna"),
                            (lambda r: r.update(held_on="27/02/2020"), "row 2, kolom/column held_on")):
        changed = tmp_path / "changed"
        shutil.rmtree(changed, ignore_errors=True)
        shutil.copytree(package, changed)
        rows = _rows(changed, "meeting")
        change(rows[0])
        with open(changed / "data" / "meeting.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        _nothing_written(empty, changed, message)
    _nothing_written(prepared_sqlite_url, package, "already holds data")
    with pytest.raises(PortabilityError, match="not empty"):
        export(engine_module.get_engine(prepared_sqlite_url), package)
