"""The Koperasi Merah Putih page and the Satgas KDMP view of the Pokja page in a real browser.

Opens both in each language (no exception, dialog, raw text key or JavaScript error; the title in
that language), narrows to a kecamatan through the sidebar (the choice reaches the link as
``kec=`` and survives a reload), and switches the Pokja page to the Satgas KDMP by its radio.
"""

from __future__ import annotations

import pytest

from tests.browser.test_e2e import (
    assert_language,
    assert_no_dialog,
    assert_no_exception,
    assert_no_raw_keys,
    choose,
    figures,
    full_page_screenshot,
    open_app,
    params,
    text,
    wait_for_param,
    wait_settled,
)

PATH = "merah-putih"


@pytest.fixture(autouse=True)
def _server_has_seen_its_navigation(page, app_server):
    """Open "/" first: right after the server starts, Streamlit answers the first deep link with a
    "Page not found" notice until a run reached ``st.navigation`` (README, streamlit#8860)."""
    open_app(page, app_server)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_kdmp_page_opens_in_both_languages(page, app_server, screenshot_dir, lang):
    open_app(page, app_server, PATH, "bahasa=en" if lang == "en" else "")
    where = f"/{PATH} ({lang})"
    full_page_screenshot(page, screenshot_dir / f"merah-putih-{lang}.png")
    assert_no_exception(page, app_server, where)
    assert_no_dialog(page, where)
    assert page.locator('[data-testid="stMain"] h1').first.inner_text().strip() == text("page_kdmp", lang)
    assert figures(page), f"{where}: no metric"
    assert_no_raw_keys(page, where)
    assert_language(page, lang, where)
    assert not page.js_errors, f"{where}: JavaScript errors: {page.js_errors}"


def test_kecamatan_filter_goes_to_the_link_and_survives_a_reload(page, app_server):
    open_app(page, app_server, PATH, "prov=53&kab=53.01")
    assert_no_exception(page, app_server, f"/{PATH}?kab=53.01")
    before = figures(page)
    choose(page, "f_kec", "Semau (53.01.04)")
    wait_for_param(page, "kec", "53.01.04")
    assert_no_exception(page, app_server, f"/{PATH}?kec=53.01.04")
    assert figures(page) != before
    page.reload(wait_until="domcontentloaded")
    wait_settled(page)
    assert params(page).get("kec") == ["53.01.04"]
    assert page.locator(".st-key-f_kec [data-tag]", has_text="Semau").count() == 1


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pokja_page_switches_to_the_satgas_kdmp(page, app_server, screenshot_dir, lang):
    open_app(page, app_server, "pokja", "prov=11" + ("&bahasa=en" if lang == "en" else ""))
    where = f"/pokja?mandat=satgas_kdmp ({lang})"
    page.locator(".st-key-pokja_programme").get_by_text(text("pokja_programme_satgas_kdmp", lang),
                                                       exact=True).click()
    wait_for_param(page, "mandat", "satgas_kdmp")
    full_page_screenshot(page, screenshot_dir / f"pokja-satgas-kdmp-{lang}.png")
    assert_no_exception(page, app_server, where)
    assert_no_raw_keys(page, where)
    assert_language(page, lang, where)
    assert page.get_by_text(text("pokja_h_tally", lang), exact=True).first.is_visible()
    assert not page.js_errors, page.js_errors
