"""AppTest of the Ekstraksi berita page on a Koperasi Merah Putih report: its KDMP figures are shown
read-only with their quotes in both languages, and never pre-filled as cooperative figures."""

from __future__ import annotations

import pytest

from data_access.auth import Identity
from tests.apptest_helpers import app
from tests.test_app_imports import _extract, own_db  # noqa: F401 - fixture

KDMP_REPORT = (
    "Satgas KDMP Kabupaten Kupang Gelar Rakor\n\n"
    "OELAMASI - Satgas Percepatan Pembentukan Koperasi Desa/Kelurahan Merah Putih Kabupaten Kupang menggelar "
    "rapat koordinasi di Aula Kantor Bupati Kupang, Senin (11/8/2025). Dari 177 desa dan kelurahan di Kabupaten "
    "Kupang, seluruhnya telah membentuk Koperasi Desa Merah Putih. Sebanyak 160 koperasi sudah berbadan hukum, "
    "namun baru 14 koperasi yang beroperasi.\n")


@pytest.mark.parametrize(("lang", "field", "formed", "legal"), [
    (None, "Isian", "KDMP terbentuk", "Berbadan hukum (SK AHU)"),
    ("en", "Field", "KDMP formed", "With legal entity (SK AHU)")])
def test_kdmp_figures_are_shown_with_their_quotes_and_not_as_cooperative_figures(
        own_db, lang, field, formed, legal):  # noqa: F811 - fixture
    at = app(lang=lang)
    at.session_state["auth_user"] = Identity("editor", "Editor NTT", "editor", "53")
    at.switch_page("pages/extract_news.py").run()
    _extract(at, KDMP_REPORT)
    tables = [d.value for d in at.dataframe if field in d.value.columns]
    kdmp = next(tb for tb in tables if formed in list(tb[field]))
    values = dict(zip(kdmp[field], kdmp[kdmp.columns[1]], strict=True))
    quotes = dict(zip(kdmp[field], kdmp[kdmp.columns[2]], strict=True))
    assert values[formed] == "177" and values[legal] == "160"
    assert "berbadan hukum" in quotes[legal]
    assert "Kupang" in " ".join(kdmp[kdmp.columns[1]])  # the area, by name
    assert not at.checkbox(key="ex_f_fig").value  # no cooperative figures proposed
    assert at.session_state["ex_f_fig_total"] is None  # the 177/160/14 are not an area's cooperatives


def test_kdmp_figures_saved_with_the_report_when_ticked_and_undone_with_it(own_db):  # noqa: F811 - fixture
    import datetime as dt

    from sqlalchemy import select

    from data_access import engine as engine_module
    from data_access import imports
    from data_access.models_kdmp import KdmpFigure
    from data_access.models_reference import Source
    from data_access.models_users import ImportBatch

    at = app()
    at.session_state["auth_user"] = Identity("editor", "Editor NTT", "editor", "53")
    at.switch_page("pages/extract_news.py").run()
    _extract(at, KDMP_REPORT)
    at.text_input(key="ex_f_title").input("Rakor Satgas KDMP Kabupaten Kupang")
    at.text_input(key="ex_f_outlet").input("pos-kupang.com")
    at.checkbox(key="ex_f_kdmp").check().run()
    # the mandate follows the Satgas's own name (issue 19): the KDMP Satgas, never the PMI one
    chooser = at.selectbox(key="ex_f_stage_mandate")
    assert "SATGAS-KDMP" in chooser.options[chooser.index]
    at.button(key="ex_save").click().run()
    assert not at.exception, at.exception
    assert any("tersimpan" in s.value for s in at.success)
    with engine_module.session_scope(own_db) as s:
        rows = s.execute(select(KdmpFigure.measure, KdmpFigure.area_code, KdmpFigure.as_of, KdmpFigure.value,
                                KdmpFigure.of_total, Source.outlet, Source.kind)
                         .join(Source, Source.id == KdmpFigure.source_id)
                         .where(Source.outlet == "pos-kupang.com")).all()
        batch = s.scalar(select(ImportBatch.id).where(ImportBatch.kind == "news"))
    day = dt.date(2025, 8, 11)  # "Senin (11/8/2025)"; 177 desa/kelurahan, all formed, 160 legal, 14 operating
    assert sorted(rows) == sorted([
        ("kdmp_formed", "53.01", day, 177, 177, "pos-kupang.com", "news"),
        ("legal_entity", "53.01", day, 160, 177, "pos-kupang.com", "news"),
        ("operational", "53.01", day, 14, 177, "pos-kupang.com", "news")])
    assert imports.undo(batch, user="editor", engine=own_db).done
    with engine_module.session_scope(own_db) as s:
        assert s.scalar(select(KdmpFigure.id).join(Source, Source.id == KdmpFigure.source_id)
                        .where(Source.outlet == "pos-kupang.com")) is None
