"""Ekstraksi berita's "Kandidat" section in headless Chromium (issue 19): at 1366 and 390 px, in both
languages, a dissolved count (n08) is shown with its sentence and reason, never prefilled, the page never
scrolls sideways, and one click puts it in the form."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_e2e import assert_no_exception, wait_settled
from tests.browser.test_widths import WIDTHS, WIDTHS_JS, dismiss_notice

N08 = (Path(__file__).resolve().parents[1] / "extract_corpus" / "cases" / "n08_dibubarkan.txt").read_text("utf-8")
WORDS = {"id": ("Kandidat", "Jadikan Tidak aktif", "dibubarkan, dibekukan"),
         "en": ("Candidates", "Use as Inactive", "dissolved, frozen")}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_candidates_at_both_widths(browser, app_server, lang):
    from data_access import auth
    from data_access import engine as engine_module

    engine = engine_module.get_engine(f"sqlite:///{app_server.log_path.parent / 'app.sqlite'}")
    if auth.identity_for("kandidat", engine=engine) is None:
        auth.add_user("kandidat", role="editor", password="kata-sandi-uji-123", province_code="53", actor="test",
                      engine=engine)
    heading, button, reason = WORDS[lang]
    context = browser.new_context(viewport=WIDTHS["1366"])
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/masuk", wait_until="domcontentloaded")
        wait_settled(page)
        dismiss_notice(page)
        page.locator(".st-key-auth_username input").fill("kandidat")
        page.locator(".st-key-auth_password input").fill("kata-sandi-uji-123")
        page.get_by_role("button", name="Masuk", exact=True).click()
        page.get_by_role("heading", name="Keluar").wait_for()
        for width in ("1366", "390"):
            page.set_viewport_size(WIDTHS[width])
            page.goto(f"{app_server.url}/ekstraksi?bahasa={lang}", wait_until="domcontentloaded")
            wait_settled(page)
            page.locator(".st-key-ex_text textarea").fill(N08)
            page.locator(".st-key-ex_run button").click()
            page.get_by_role("heading", name=heading).wait_for()
            wait_settled(page)
            assert_no_exception(page, app_server, f"/ekstraksi {lang} {width}")
            assert page.get_by_text(reason).first.is_visible()
            sizes = page.evaluate(WIDTHS_JS)
            assert sizes["document"] <= sizes["viewport"], f"{lang} at {width} px: {sizes}"
            inactive = page.locator(".st-key-ex_f_fig_inactive input")
            assert inactive.input_value() == ""  # asked, never prefilled
            page.locator(".st-key-ex_cand_fig_0_inactive button").click()
            expect(page.locator(".st-key-ex_f_fig_inactive input")).to_have_value("210")
            assert page.locator(".st-key-ex_cand_fig_0_inactive button").inner_text().strip() == button
    finally:
        context.close()
