"""Helpers for tests that drive their own Chromium against running servers (two servers on one
database, servers behind nginx): a settled wait, the Koperasi page's "registered" tile, and an
import through the Impor page (sign in, upload, preview, save)."""

from __future__ import annotations

from tests.browser.test_e2e import APP_SETTLED, choose, figures
from tests.fault_helpers import PASSWORD
from ui.i18n import TEXT

WAIT_MS = 60_000


def settled(page) -> None:
    page.wait_for_function(APP_SETTLED, polling=100, timeout=WAIT_MS)


def registered(page) -> int:
    """The "registered" tile of the Koperasi page (the first metric), as a number."""
    tile = figures(page)[0]
    assert tile.startswith(TEXT["coop_metric_registered"]["id"]), tile
    value = [line for line in tile.splitlines()[1:] if line.strip()][0]
    return int(value.replace(".", ""))


def sign_in_attempt(page, base: str, password: str) -> str:
    """Open ``base``/masuk (a new session), try ``editor`` with ``password``; the message shown
    (an error text), or "" when signed in."""
    page.goto(f"{base}/masuk", wait_until="domcontentloaded")
    settled(page)
    page.locator(".st-key-auth_username input").fill("editor")
    page.locator(".st-key-auth_password input").fill(password)
    page.get_by_role("button", name=TEXT["auth_submit"]["id"], exact=True).click()
    outcome = page.locator('[data-testid="stAlert"]').or_(
        page.locator('[data-testid="stSidebar"]').get_by_text("editor"))
    outcome.first.wait_for(timeout=WAIT_MS)
    alerts = page.locator('[data-testid="stAlert"]').all_inner_texts()
    return alerts[0] if alerts else ""


def import_through_the_page(page, base: str, csv_path, kind: str = "registry") -> None:
    """Sign in as ``editor`` on ``base``, then upload ``csv_path`` on the Impor page, wait for the
    preview's save button and save; returns when the page says it was saved."""
    page.goto(f"{base}/masuk", wait_until="domcontentloaded")
    settled(page)
    page.locator(".st-key-auth_username input").fill("editor")
    page.locator(".st-key-auth_password input").fill(PASSWORD)
    page.get_by_role("button", name=TEXT["auth_submit"]["id"], exact=True).click()
    page.locator('[data-testid="stSidebar"]').get_by_text("editor").first.wait_for(timeout=WAIT_MS)
    settled(page)
    page.locator(f'[data-testid="stSidebarNavLink"][href="{base}/impor"]').click()
    page.wait_for_url(f"{base}/impor*")
    settled(page)
    choose(page, "imp_kind", TEXT[f"imp_kind_{kind}"]["id"])
    settled(page)
    page.locator(".st-key-imp_file input[type=file]").set_input_files(str(csv_path))
    page.get_by_text(TEXT["imp_preview"]["id"], exact=True).first.wait_for(timeout=WAIT_MS)
    page.locator(".st-key-imp_commit button").wait_for(timeout=WAIT_MS)
    settled(page)
    page.locator(".st-key-imp_commit button").click()
    page.get_by_text(TEXT["imp_committed"]["id"].split("#")[0]).first.wait_for(timeout=WAIT_MS)
