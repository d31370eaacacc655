"""The Impor page's mapping step in Chromium at 1366 and 390 px (issue 18): a real quarterly table
(f08) is refused naming its period column, the official maps that column, the preview shows every
row, the save stores them, undo takes them back — and the page never runs wider than the screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_e2e import assert_no_exception, choose, wait_settled
from tests.browser.test_widths import WIDTHS, WIDTHS_JS, dismiss_notice

F08 = Path(__file__).resolve().parents[1] / "cases" / "files" / "f08_jatim_triwulan.csv"


def _count(engine) -> int:
    from sqlalchemy import text
    with engine.connect() as conn:
        return conn.scalar(text("SELECT count(*) FROM cooperative_count"))


def _pick(page, key: str, option: str) -> None:
    choose(page, key, option)
    wait_settled(page)


@pytest.mark.parametrize("width", ["1366", "390"])
def test_map_preview_commit_and_undo(browser, app_server, width):
    from data_access import auth
    from data_access import engine as engine_module

    engine = engine_module.get_engine(f"sqlite:///{app_server.log_path.parent / 'app.sqlite'}")
    if auth.identity_for("pemeta", engine=engine) is None:
        auth.add_user("pemeta", role="editor", password="kata-sandi-uji-123", actor="test", engine=engine)
    before = _count(engine)  # (an earlier width's import is undone before this one starts)
    context = browser.new_context(viewport=WIDTHS[width])
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/masuk", wait_until="domcontentloaded")
        wait_settled(page)
        dismiss_notice(page)
        page.locator(".st-key-auth_username input").fill("pemeta")
        page.locator(".st-key-auth_password input").fill("kata-sandi-uji-123")
        page.get_by_role("button", name="Masuk", exact=True).click()
        page.get_by_role("heading", name="Keluar").wait_for()
        page.goto(f"{app_server.url}/impor", wait_until="domcontentloaded")
        wait_settled(page)
        page.get_by_role("heading", name="Impor").first.wait_for()
        _pick(page, "imp_kind", "Jumlah koperasi yang dilaporkan")
        page.locator(".st-key-imp_file input[type=file]").set_input_files(str(F08))
        page.get_by_text("PERIODE UPDATE", exact=False).first.wait_for()
        wait_settled(page)
        assert page.locator('[data-testid="stAlertContentError"]').filter(has_text="PERIODE UPDATE").count() == 1
        _pick(page, "imp_map_1", "Per Tanggal")
        page.locator('[data-testid="stMetricValue"]').filter(has_text="798").first.wait_for()
        assert_no_exception(page, app_server, "/impor")
        sizes = page.evaluate(WIDTHS_JS)
        assert sizes["document"] <= sizes["viewport"], f"/impor at {width} px: {sizes}"
        assert _count(engine) == before  # the preview wrote nothing
        page.locator(".st-key-imp_commit button").click()
        page.get_by_text("Tersimpan sebagai impor #", exact=False).first.wait_for(timeout=90_000)
        wait_settled(page)
        assert _count(engine) == before + 798
        page.locator("[class*='st-key-imp_undo_confirm'] label").first.click()
        wait_settled(page)
        page.locator(".st-key-imp_undo button").click()
        page.locator('[data-testid="stAlertContentSuccess"]').filter(has_text="dibatalkan").first.wait_for(
            timeout=90_000)
        wait_settled(page)
        assert _count(engine) == before
    except Exception:
        page.screenshot(path=str(Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" /
                                 f"failed-mapping-{width}.png"), full_page=True)
        raise
    finally:
        context.close()
