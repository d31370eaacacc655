"""The briefing pack in a real browser: "Buat bahan rapat" on Kesehatan Koperasi freezes the view and
offers the PDF for download; the permalink opens the frozen view, and the filter bar keeps
``snapshot=`` in the link (a reload shows the snapshot again)."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from tests.browser.test_e2e import assert_no_dialog, assert_no_exception, open_app, params, text, wait_settled


@pytest.fixture(autouse=True)
def _server_has_seen_its_navigation(page, app_server):
    open_app(page, app_server)  # see test_kdmp_browser: the first deep link after start needs a run first


def test_pack_from_the_page_and_its_permalink(page, app_server):
    open_app(page, app_server, "koperasi", "prov=53")
    page.get_by_role("button", name=text("bp_button")).click()
    made = page.get_by_text(re.compile(r"Snapshot #\d+ dibuat"))
    made.wait_for(timeout=60_000)
    snapshot_id = re.search(r"#(\d+)", made.inner_text()).group(1)
    with page.expect_download() as download:
        page.get_by_role("button", name=text("bp_pdf")).click()
    data = open(download.value.path(), "rb").read()
    pdf_text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "Bahan Rapat Koordinasi" in pdf_text and "Nusa Tenggara Timur" in pdf_text

    open_app(page, app_server, "koperasi", f"snapshot={snapshot_id}")
    banner = page.get_by_text(re.compile(rf"Snapshot #{snapshot_id} tanggal .* WITA"))
    banner.first.wait_for()
    assert_no_exception(page, app_server, "snapshot view")
    assert_no_dialog(page, "snapshot view")
    assert params(page).get("snapshot") == [snapshot_id]
    page.reload(wait_until="domcontentloaded")
    wait_settled(page)
    assert page.get_by_text(re.compile(rf"Snapshot #{snapshot_id} tanggal")).first.is_visible()
