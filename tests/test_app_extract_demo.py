"""The news form never ties a real report to demo data: no demo mandate pre-selected, the outlet
never pre-filled with a date (issue 12, point 2). Own SQLite database with demo data."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from data_access import auth, preparation
from data_access import engine as engine_module
from data_access.auth import Identity
from data_access.models_pokja import Mandate
from data_access.models_reference import Source
from tests.test_app_imports import REPORT, _extract, _signed_in
from ui.news_form import outlet_guess


@pytest.fixture
def demo_db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'extract_demo.sqlite'}"
    engine = preparation.prepare_database(engine_module.get_engine(url), with_demo=True)
    auth.add_user("editor", role="editor", password="kata-sandi-uji-123", province_code="53", actor="test",
                  engine=engine)
    monkeypatch.setenv("DATABASE_URL", url)
    return engine


def test_stage_form_never_preselects_a_demo_mandate(demo_db):
    with engine_module.session_scope(demo_db) as s:
        demo_ids = set(s.scalars(select(Mandate.id).join(Source, Source.id == Mandate.source_id)
                                 .where(Source.kind == "synthetic")))
    assert demo_ids  # the fixture has a demo mandate to be tempted by
    at = _signed_in("extract_news", Identity("editor", None, "editor", "53"))
    _extract(at, REPORT)
    at.checkbox(key="ex_f_stage").check().run()
    assert not at.exception, at.exception
    chooser = at.selectbox(key="ex_f_stage_mandate")
    assert chooser.value not in demo_ids  # no Pokja named in the report: a question (None), never a demo mandate
    assert any(label.endswith("· DEMO") for label in chooser.options)  # demo mandates offered only marked


@pytest.mark.parametrize("found,expected", [
    ("Kamis (25/8/2022)", ""), ("ANTARA, Kamis (25/8/2022)", "ANTARA"), ("kominfo.belukab.go.id", "kominfo.belukab.go.id"),
    ("12 Maret 2024", ""), (None, "")])
def test_outlet_is_never_a_date(found, expected):
    assert outlet_guess(found) == expected
