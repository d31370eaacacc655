"""Links that once took down every page open cleanly in Chromium (issue 21), with the note about the
dropped value at the top of the page (visible on a phone, where the sidebar is closed), and in-page
choices land in the link. A few of the property test's cases (``tests/test_url_property.py``)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.test_e2e import assert_no_exception, wait_settled
from tests.browser.test_widths import WIDTHS, dismiss_notice

NOTE = "Parameter tautan diabaikan"
CASES = [("koperasi", "dari=1999-01-01", "Kesehatan Koperasi", "dari = "),
         ("rakor", "sampai=2036-01-01&bulan=2031-05&zzz=1", "Kalender Rakor", "sampai = "),
         ("merah-putih", "macet=-5&hal=9999&n=7", "Koperasi Merah Putih", "macet = "),
         ("pokja", "mandat=foo&dari=2024-12-31&sampai=2019-01-01", "Status Pokja", "mandat = ")]


@pytest.mark.parametrize(("path", "query", "title", "named"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_link_opens_its_page_with_the_note_on_top(browser, app_server, path, query, title, named):
    context = browser.new_context(viewport=WIDTHS["390"])
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/{path}?{query}", wait_until="domcontentloaded")
        wait_settled(page)
        dismiss_notice(page)
        assert_no_exception(page, app_server, f"/{path}?{query}")
        heading = page.get_by_role("heading", name=title, exact=True).first
        note = page.locator('[data-testid="stMain"] [data-testid="stAlert"]').filter(has_text=NOTE).first
        note.wait_for()
        assert named in note.inner_text()
        assert note.bounding_box()["y"] < heading.bounding_box()["y"], "the note is not above the page's title"
        assert note.bounding_box()["y"] < WIDTHS["390"]["height"], "the note is below the fold"
        kept = parse_qs(urlsplit(page.url).query)
        page.goto(page.url, wait_until="domcontentloaded")  # the canonical link: same URL, no note
        wait_settled(page)
        assert parse_qs(urlsplit(page.url).query) == kept
        assert not page.locator('[data-testid="stAlert"]').filter(has_text=NOTE).count()
    finally:
        context.close()


def test_the_chosen_month_and_meeting_are_in_the_link(browser, app_server):
    context = browser.new_context(viewport=WIDTHS["1366"])
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/rakor?prov=53", wait_until="domcontentloaded")
        wait_settled(page)
        dismiss_notice(page)
        month = page.locator(".st-key-mtg_month_id")
        month.locator("input").click()
        options = page.get_by_role("option")
        options.first.click()  # the earliest month with meetings, not the one the page opened on
        page.wait_for_url(lambda url: "bulan=" in url)
        wait_settled(page)
        chosen = parse_qs(urlsplit(page.url).query)["bulan"][0]
        link = page.url
        fresh = context.new_page()
        fresh.goto(link, wait_until="domcontentloaded")
        wait_settled(fresh)
        assert parse_qs(urlsplit(fresh.url).query)["bulan"] == [chosen]
        assert fresh.locator(".st-key-mtg_month_id").inner_text().strip() != ""
    finally:
        context.close()
