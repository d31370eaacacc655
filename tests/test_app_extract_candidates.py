"""Ekstraksi berita's "Kandidat" section (issue 19): every count, date and area the extractor did not fill in
is shown with its sentence and reason, in both languages, and one click puts it in the form."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_access.auth import Identity
from tests.apptest_helpers import app
from tests.test_app_imports import _extract, own_db  # noqa: F401  (fixture)

CASES = Path(__file__).resolve().parent / "extract_corpus" / "cases"
N08 = (CASES / "n08_dibubarkan.txt").read_text(encoding="utf-8")
N10 = (CASES / "n10_diberitakan_sebelumnya.txt").read_text(encoding="utf-8")


def _page(lang: str):
    at = app(lang=lang)
    at.session_state["auth_user"] = Identity("editor", "Editor NTT", "editor", "53")
    at.switch_page("pages/extract_news.py").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(("lang", "heading", "reason"), [
    ("id", "Kandidat", "Tidak diisikan: tentang koperasi yang dibubarkan, dibekukan atau digabung."),
    ("en", "Candidates", "Not filled in: about cooperatives dissolved, frozen or merged.")])
def test_a_dissolved_count_is_asked_about_and_one_click_gives_it_a_role(own_db, lang, heading, reason):  # noqa: F811
    at = _extract(_page(lang), N08)
    assert heading in [s.value for s in at.subheader]
    assert any("**210**" in m.value for m in at.markdown)  # the number highlighted in its sentence
    assert reason in [c.value for c in at.caption]
    assert at.number_input(key="ex_f_fig_inactive").value is None  # never prefilled, never derived
    assert at.button(key="ex_cand_fig_0_inactive").label == ("Jadikan Tidak aktif" if lang == "id" else "Use as Inactive")
    if lang == "en":
        return  # AppTest re-reads the form's translated selectboxes outside the script (in Indonesian): click once, in id
    at.button(key="ex_cand_fig_0_inactive").click().run()
    assert not at.exception, at.exception
    assert at.number_input(key="ex_f_fig_inactive").value == 210
    assert at.number_input(key="ex_f_fig_total").value == 640  # the proved figure stays


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_earlier_reports_date_is_a_candidate_one_click_away(own_db, lang):  # noqa: F811
    import datetime as dt

    at = _extract(_page(lang), N10)
    assert at.date_input(key="ex_f_held_on").value == dt.date(2023, 1, 30)
    buttons = [b for b in at.button if (b.key or "").startswith("ex_cand_date_")]
    assert len(buttons) == 1  # the chosen date has none
    if lang == "en":
        assert buttons[0].label == "Use as the meeting date"
        return  # see above: the click is tested in Indonesian
    buttons[0].click().run()
    assert not at.exception, at.exception
    assert at.date_input(key="ex_f_held_on").value == dt.date(2023, 1, 28)
