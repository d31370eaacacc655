"""Two replicas behind nginx (``deploy.replicas``) over PostgreSQL, on loopback: the browser's
core path through the proxy — a deep link with its filters, a filter chosen lands in the URL,
a CSV download, an import with preview and save (the upload must reach the replica that holds
the session) — and a new browser, possibly on the other replica, sees the saved rows."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from data_access import auth, preparation
from data_access import engine as engine_module
from deploy.replicas import NGINX, nginx_config, replica_environment, replicas
from deploy.serve import CHROMIUM, CHROMIUM_ARGS
from tests.browser.conftest import VIEWPORT
from tests.browser.test_e2e import BELU, BELU_CODE, choose, params, wait_for_param
from tests.fault_helpers import PASSWORD, chromium_or_skip, in_own_thread, registry_csv
from tests.live_helpers import import_through_the_page, registered, settled

ROWS = 9


def _core_path(base: str, csv_path) -> dict:
    from playwright.sync_api import sync_playwright

    seen: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
            page = context.new_page()
            page.goto(f"{base}/koperasi?prov=53", wait_until="domcontentloaded")
            settled(page)
            seen["dialogs"] = page.locator('[role="dialog"]').filter(visible=True).all_inner_texts()
            choose(page, "f_kab", BELU)
            wait_for_param(page, "kab", BELU_CODE)
            seen["params"] = params(page)
            seen["before"] = registered(page)
            button = page.locator('[data-testid="stDownloadButton"]', has_text="CSV").filter(visible=True).first
            with page.expect_download(timeout=30_000) as info:
                button.click()
            seen["csv"] = info.value.path().read_bytes()
            import_through_the_page(page, base, csv_path)
            reader = browser.new_context(viewport=VIEWPORT).new_page()  # a new browser: its own replica key
            reader.goto(f"{base}/koperasi?prov=53&kab={BELU_CODE}", wait_until="domcontentloaded")
            settled(reader)
            seen["after"] = registered(reader)
            seen["cookies"] = {c["name"] for c in context.cookies()}
            return seen
        finally:
            browser.close()


@pytest.mark.parametrize("empty_db_url", ["postgresql"], indirect=True)
def test_core_path_through_nginx_and_two_replicas(empty_db_url, tmp_path):
    chromium_or_skip()
    if not Path(NGINX).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{NGINX} is missing (CI=true: the proxy test may not be skipped)", pytrace=False)
        pytest.skip(f"{NGINX} is missing: install Debian's nginx (scripts/test does as root)")
    engine = preparation.prepare_database(engine_module.get_engine(empty_db_url), with_demo=True)
    auth.add_user("editor", role="editor", password=PASSWORD, actor="test", engine=engine)
    engine.dispose()
    csv_path = tmp_path / "register-proxy.csv"
    csv_path.write_bytes(registry_csv(ROWS, nik_prefix="5304333"))
    with replicas(2, empty_db_url, run_dir=tmp_path / "deploy", worker_processes="1") as deployment:
        seen = in_own_thread(lambda: _core_path(deployment.url, csv_path), timeout=300, name="proxy")
    assert seen["dialogs"] == []
    assert seen["params"]["prov"] == ["53"] and seen["params"]["kab"] == [BELU_CODE]
    rows = list(csv.reader(io.StringIO(seen["csv"].decode("utf-8-sig"))))
    assert seen["csv"].startswith(b"\xef\xbb\xbf") and len(rows) >= 2 and all(rows[0])
    assert seen["after"] == seen["before"] + ROWS
    assert "pantau_replica" in seen["cookies"]
    assert deployment.environment["PANTAU_SESSION_SECRET"] and deployment.environment["STREAMLIT_SERVER_COOKIE_SECRET"]


def test_replicas_share_both_secrets_drawn_once_or_as_configured(tmp_path):
    """Every replica gets the same Streamlit cookie secret and the same sign-in cookie key
    (``PANTAU_SESSION_SECRET``): without the latter each replica draws its own and a sign-in
    cookie made by one is refused by the other."""
    absent = tmp_path / "no-secrets.toml"
    drawn = replica_environment(environ={}, secrets_file=absent)
    for name in ("STREAMLIT_SERVER_COOKIE_SECRET", "PANTAU_SESSION_SECRET"):
        assert len(drawn[name]) >= 32, name
    assert drawn["PANTAU_SESSION_SECRET"] != drawn["STREAMLIT_SERVER_COOKIE_SECRET"]
    assert replica_environment(environ={}, secrets_file=absent)["PANTAU_SESSION_SECRET"] != drawn[
        "PANTAU_SESSION_SECRET"]  # drawn per deployment, not a constant
    given = {"STREAMLIT_SERVER_COOKIE_SECRET": "kue-rahasia", "PANTAU_SESSION_SECRET": "sesi-rahasia"}
    assert {k: replica_environment(environ=given, secrets_file=absent)[k] for k in given} == given
    in_file = tmp_path / "secrets.toml"
    in_file.write_text('[session]\nsecret = "dari-berkas"\n', encoding="utf-8")
    assert replica_environment(environ={}, secrets_file=in_file)["PANTAU_SESSION_SECRET"] == "dari-berkas"


def test_nginx_config_has_every_replica_and_the_upgrade(tmp_path):
    text = nginx_config([8601, 8602, 8603], "0.0.0.0:8080", tmp_path)
    assert [line.strip() for line in text.splitlines() if line.strip().startswith("server 127.0.0.1:")] == [
        f"server 127.0.0.1:{port} max_fails=0;" for port in (8601, 8602, 8603)]
    assert "hash $pantau_replica consistent;" in text and "proxy_set_header Upgrade $http_upgrade;" in text
    assert "${" not in text
