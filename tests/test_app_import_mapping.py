"""AppTest of the Impor page's mapping step (issue 18): a real quarterly table (f08) is refused
naming its period column; the official maps it, the preview updates live, the save stores every
row, undo takes it back. Runs against its own SQLite database."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from data_access import auth
from data_access import engine as engine_module
from data_access.auth import Identity
from data_access.models_cooperatives import CooperativeCount
from tests.apptest_helpers import app
from tests.import_case_helpers import case


@pytest.fixture
def own_db(prepared_sqlite_url, monkeypatch):
    engine = engine_module.get_engine(prepared_sqlite_url)
    auth.add_user("jatim", role="editor", password="kata-sandi-uji-123", display_name="Editor Jatim",
                  actor="test", engine=engine)
    monkeypatch.setenv("DATABASE_URL", prepared_sqlite_url)
    return engine


def _count(engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(CooperativeCount))


def test_map_the_period_column_preview_commit_and_undo(own_db):
    before = _count(own_db)
    at = app()
    at.session_state["auth_user"] = Identity("jatim", "Editor Jatim", "editor", None)
    at.switch_page("pages/imports.py").run()
    at.selectbox(key="imp_kind").set_value("counts").run()
    at.file_uploader(key="imp_file").set_value(("f08.csv", case("f08_jatim_triwulan.csv"), "text/csv"))
    at.run()
    assert not at.exception, at.exception
    assert any("PERIODE UPDATE" in e.value for e in at.error)  # refused naming the column that fits
    period = at.selectbox(key="imp_map_1")
    assert period.label == "PERIODE UPDATE"
    assert period.options[2] == "Per Tanggal"  # the first suggestion: its values are periods
    period.set_value("as_of").run()
    assert not at.exception, at.exception
    assert {m.label: m.value for m in at.metric}["Baru"] == "798"
    assert _count(own_db) == before  # the preview wrote nothing
    at.text_input(key="imp_format_name").set_value("Jatim triwulan")
    at.button(key="imp_commit").click().run()
    assert not at.exception, at.exception
    assert _count(own_db) == before + 798
    assert {m.label: m.value for m in at.metric}["Tetap"] == "798"  # the mapping is kept for the same file
    next(c for c in at.checkbox if (c.key or "").startswith("imp_undo_confirm")).check().run()
    at.button(key="imp_undo").click().run()
    assert not at.exception, at.exception
    assert _count(own_db) == before

    # A second file with the same headers (the first quarter of the table): the saved format is offered.
    second = b"\n".join(case("f08_jatim_triwulan.csv").splitlines()[:39])
    for index in range(13):
        at.session_state[f"imp_map_{index}"] = ""
    at.file_uploader(key="imp_file").set_value(("f08-2018.csv", second, "text/csv")).run()
    assert not at.exception, at.exception
    offered = [b for b in at.button if b.key and b.key.startswith("imp_format_use_")]
    assert len(offered) == 1 and "Jatim triwulan" in offered[0].label
    offered[0].click().run()
    assert not at.exception, at.exception
    assert {m.label: m.value for m in at.metric}["Baru"] == "38"
    formats_table = next(d.value for d in at.dataframe if "Kolom dipetakan" in d.value.columns)
    assert list(formats_table["Nama"]) == ["Jatim triwulan"]
    at.button(key="imp_format_remove").click().run()
    assert not at.exception, at.exception
    assert not any("Kolom dipetakan" in d.value.columns for d in at.dataframe)


def test_a_desa_level_file_is_refused_on_the_page_saying_why(own_db):
    before = _count(own_db)
    at = app()
    at.session_state["auth_user"] = Identity("jatim", "Editor Jatim", "editor", None)
    at.switch_page("pages/imports.py").run()
    at.selectbox(key="imp_kind").set_value("counts").run()
    at.file_uploader(key="imp_file").set_value(("f10.csv", case("f10_opendata_desa.csv"), "text/csv")).run()
    assert not at.exception, at.exception
    assert any("per desa/kelurahan" in e.value for e in at.error)
    assert not [b for b in at.button if b.key == "imp_commit"]  # nothing to save
    assert _count(own_db) == before
