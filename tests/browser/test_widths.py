"""Every page at phone width (390 px) and at an office laptop's 1366 px, in headless Chromium.

Per page and width: the document never scrolls sideways (document and main area no wider than
the viewport), no raw key (``\\w+_\\w+: ``) or ``None`` in the visible text, and the demo banner
wherever demo rows are in view. Screenshots of both widths go to ``artifacts/screenshots/`` (``docs/screenshots/`` with PANTAU_UPDATE_DOCS_SCREENSHOTS=1; the
README links them). One server for the module (``app_server``), one browser context per width.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser.test_e2e import assert_no_exception, lines, wait_settled

REPO_ROOT = Path(__file__).resolve().parents[2]
# The README's screenshots are refreshed only on request (PANTAU_UPDATE_DOCS_SCREENSHOTS=1): a test run
# never changes tracked files; otherwise they go with the other browser shots under artifacts/.
DOCS_SHOTS = (REPO_ROOT / "docs" / "screenshots" if os.environ.get("PANTAU_UPDATE_DOCS_SCREENSHOTS") == "1"
              else REPO_ROOT / "artifacts" / "screenshots")
WIDTHS = {"390": {"width": 390, "height": 844}, "1366": {"width": 1366, "height": 768}}
# url path, query, screenshot name, demo rows in view (the small demo data covers every province)
PAGES = [("", "", "ringkasan", True), ("koperasi", "prov=53&kab=53.01", "koperasi", True),
         ("rakor", "prov=53", "rakor", True), ("pokja", "prov=53", "pokja", True), ("peta", "", "peta", True),
         ("merah-putih", "prov=53", "merah-putih", True), ("masuk", "", "masuk", False)]
RAW = re.compile(r"\b[a-z]+_[a-z_]+: |\bNone\b")
DEMO_BANNER = "Data demo dalam tampilan ini"
SIDEBAR_IS = """(state) => {
  const bar = document.querySelector('[data-testid="stSidebar"]');
  const open = !!bar && bar.checkVisibility() && bar.getBoundingClientRect().right > 40;
  return String(open) === state;
}"""
WIDTHS_JS = """() => ({viewport: innerWidth, document: document.documentElement.scrollWidth,
  main: (document.querySelector('[data-testid="stMain"]') || document.body).scrollWidth,
  widest: [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && e.checkVisibility())
    .slice(0, 5).map(e => (e.dataset.testid || e.tagName) + ':' + Math.round(e.getBoundingClientRect().right))})"""


def dismiss_notice(page) -> None:
    """Close Streamlit's "Page not found" notice of a first deep link after the server starts (README)."""
    notice = page.locator('[role="dialog"]').filter(visible=True)
    if notice.count():
        page.keyboard.press("Escape")
        notice.first.wait_for(state="hidden")


@pytest.fixture(scope="module", params=list(WIDTHS))
def sized(request, browser):
    context = browser.new_context(viewport=WIDTHS[request.param], accept_downloads=True)
    context.set_default_timeout(20_000)
    context.set_default_navigation_timeout(30_000)
    try:
        yield request.param, context
    finally:
        context.close()


def full_screenshot(page, path: Path) -> None:
    viewport = page.viewport_size
    height = page.evaluate("""() => Math.max(innerHeight, ...['stMain'].map(
        id => document.querySelector(`[data-testid="${id}"]`)?.scrollHeight || 0))""")
    page.set_viewport_size({"width": viewport["width"], "height": min(int(height) + 40, 12_000)})
    try:
        wait_settled(page)
        page.screenshot(path=str(path), full_page=True, animations="disabled")
    finally:
        page.set_viewport_size(viewport)


@pytest.mark.parametrize("url_path,query,name,demo", PAGES, ids=[p[2] for p in PAGES])
def test_page_fits_and_reads_right(sized, app_server, url_path, query, name, demo):
    width, context = sized
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/{url_path}{'?' + query if query else ''}", wait_until="domcontentloaded")
        wait_settled(page)
        dismiss_notice(page)
        where = f"/{url_path}?{query} at {width} px"
        assert_no_exception(page, app_server, where)
        sizes = page.evaluate(WIDTHS_JS)
        assert sizes["document"] <= sizes["viewport"] and sizes["main"] <= sizes["viewport"], f"{where}: {sizes}"
        shown = lines(page, '[data-testid="stMain"]')
        raw = sorted(line for line in shown if RAW.search(line))
        assert not raw, f"{where}: raw keys or None on screen: {raw[:5]}"
        if demo:
            assert any(DEMO_BANNER in line for line in shown), f"{where}: demo rows in view but no banner"
        DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
        full_screenshot(page, DOCS_SHOTS / f"{name}-{width}.png")
    finally:
        page.close()


def test_phone_calendar_is_a_list_and_sidebar_closes_after_navigation(browser, app_server):
    context = browser.new_context(viewport=WIDTHS["390"])
    page = context.new_page()
    try:
        # a past period: the calendar opens on its latest month with meetings
        page.goto(f"{app_server.url}/rakor?prov=53&dari=2019-01-01&sampai=2020-12-31&nyata=1",
                  wait_until="domcontentloaded")
        wait_settled(page)
        assert not page.locator(".st-key-mtg_cal_wide").is_visible()  # the 608 px grid is not drawn
        agenda = page.locator(".st-key-mtg_cal_narrow [data-testid='stDataFrame']")
        assert agenda.is_visible()
        sizes = page.evaluate(WIDTHS_JS)
        assert sizes["document"] <= sizes["viewport"], sizes
        # only past meetings in this period: the lists open on the past ones
        selected = page.locator('[data-testid="stMain"] [role="tab"][aria-selected="true"]')
        assert selected.inner_text().startswith("Lalu"), selected.inner_text()
        # the sidebar: opened by hand, closed by choosing a page
        dismiss_notice(page)
        if not page.evaluate(SIDEBAR_IS, "true"):
            page.locator('[data-testid="stExpandSidebarButton"]').click()
            page.wait_for_function(SIDEBAR_IS, arg="true")
        page.locator('[data-testid="stSidebarNavLink"]', has_text="Status Pokja").click()
        page.wait_for_url(re.compile(r"/pokja"))
        wait_settled(page)
        page.wait_for_function(SIDEBAR_IS, arg="false", timeout=5_000)  # closed by ui.layout's script
    finally:
        context.close()


def test_editor_stays_signed_in_across_a_reload_until_signing_out(browser, app_server):
    from data_access import auth
    from data_access import engine as engine_module

    engine = engine_module.get_engine(f"sqlite:///{app_server.log_path.parent / 'app.sqlite'}")
    if auth.identity_for("penyunting", engine=engine) is None:
        auth.add_user("penyunting", role="editor", password="kata-sandi-uji-123", province_code="53", actor="test",
                      engine=engine)
    context = browser.new_context(viewport=WIDTHS["1366"])
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/masuk", wait_until="domcontentloaded")
        wait_settled(page)
        dismiss_notice(page)
        page.locator(".st-key-auth_username input").fill("penyunting")
        page.locator(".st-key-auth_password input").fill("kata-sandi-uji-123")
        page.get_by_role("button", name="Masuk", exact=True).click()
        page.get_by_role("heading", name="Keluar").wait_for()
        cookie = next(c for c in context.cookies() if c["name"] == "pantau_sesi")
        assert "kata-sandi" not in cookie["value"] and cookie["sameSite"] == "Strict"
        assert 0 < cookie["expires"] - __import__("time").time() <= 8 * 3600 + 60

        page.reload(wait_until="domcontentloaded")  # a new Streamlit session: restored from the cookie
        wait_settled(page)
        page.get_by_role("heading", name="Keluar").wait_for()
        full_screenshot(page, DOCS_SHOTS / "masuk-keluar-1366.png")
        for width in ("1366", "390"):  # the editor's pages at both widths
            page.set_viewport_size(WIDTHS[width])
            for path in ("riwayat", "impor", "ekstraksi"):
                page.goto(f"{app_server.url}/{path}", wait_until="domcontentloaded")
                wait_settled(page)
                assert_no_exception(page, app_server, f"/{path}")
                sizes = page.evaluate(WIDTHS_JS)
                assert sizes["document"] <= sizes["viewport"], f"/{path} at {width} px: {sizes}"
                shown = lines(page, '[data-testid="stMain"]')
                assert not [line for line in shown if RAW.search(line)], f"/{path}: raw keys"
                full_screenshot(page, DOCS_SHOTS / f"{path}-{width}.png")
        page.set_viewport_size(WIDTHS["1366"])

        page.goto(f"{app_server.url}/masuk", wait_until="domcontentloaded")
        wait_settled(page)
        page.locator(".st-key-auth_sign_out button").click()
        page.get_by_role("heading", name="Masuk").wait_for()
        wait_settled(page)
        page.reload(wait_until="domcontentloaded")
        wait_settled(page)
        page.get_by_role("heading", name="Masuk").wait_for()  # signed out stays signed out
    finally:
        context.close()
