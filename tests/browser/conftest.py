"""One real Streamlit server and one headless Chromium for the browser tests.

- ``app_server`` (session): a fresh SQLite file (gazetteer, real facts, small demo
  data), then ``streamlit run app.py`` (the served entry around ``dashboard.py``) on a free loopback port with
  ``DATABASE_URL`` pointing at it, through ``deploy.serve.streamlit_server`` (the
  benchmark's server: bounded wait for ``/_stcore/health``, the whole process
  group stopped at the end); its log tail goes into failures.
- ``browser`` (session): Debian's ``/usr/bin/chromium`` driven by Playwright; no
  browser is ever downloaded. Without it the tests skip, unless ``CI=true``,
  where a missing browser fails them.
- ``page`` (per test): a fresh tab (its own Streamlit session) in one shared
  browser context with bounded default timeouts; ``page.js_errors`` collects uncaught
  JavaScript errors; a failing test leaves ``failed-<test>.png`` in
  ``artifacts/screenshots/``.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from data_access import engine as engine_module
from data_access import preparation
from deploy.serve import CHROMIUM as CHROMIUM_PATH
from deploy.serve import CHROMIUM_ARGS, streamlit_server

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(CHROMIUM_PATH)
SCREENSHOT_DIR = REPO_ROOT / "artifacts" / "screenshots"
SERVER_START_TIMEOUT = 60  # seconds
VIEWPORT = {"width": 1400, "height": 900}


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _unavailable(reason: str):
    """Skip locally; in CI (``CI=true``) the browser tests must run, so fail."""
    if _in_ci():
        pytest.fail(f"{reason} (CI=true: browser tests may not be skipped)", pytrace=False)
    pytest.skip(reason)



@dataclass
class AppServer:
    url: str
    log_path: Path

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])


@pytest.fixture(scope="session")
def app_server(tmp_path_factory) -> AppServer:
    """``streamlit run app.py`` (``deploy.serve.streamlit_server``) on a fresh SQLite file."""
    folder = tmp_path_factory.mktemp("browser")
    db_url = f"sqlite:///{folder / 'app.sqlite'}"
    engine = preparation.prepare_database(engine_module.get_engine(db_url), with_demo=True)
    engine.dispose()  # the server process opens its own connections
    log_path = folder / "streamlit.log"
    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(streamlit_server(
                REPO_ROOT / "app.py", db_url, timeout=SERVER_START_TIMEOUT, log_path=log_path,
                drop_env=("PANTAU_READ_REQUIRES_SIGN_IN",)))  # these tests read the public dashboard
        except (RuntimeError, TimeoutError) as exc:  # the message carries the server log's tail
            pytest.fail(str(exc), pytrace=False)
        yield AppServer(url=url, log_path=log_path)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test does as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (requirements-dev.txt)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.browser_call_failed = report.failed


@pytest.fixture(scope="session")
def browser_context(browser):
    """One context for the session, so the app's JavaScript is fetched and compiled once.

    Each test still gets its own tab, and each tab its own Streamlit session.
    """
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(20_000)
    context.set_default_navigation_timeout(30_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(request, browser_context, app_server):
    tab = browser_context.new_page()
    tab.js_errors = []  # uncaught errors in the page's JavaScript, for the tests to check
    tab.on("pageerror", lambda error: tab.js_errors.append(str(error)))
    try:
        yield tab
        if getattr(request.node, "browser_call_failed", False):  # keep what the browser showed
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
            with contextlib.suppress(Exception):  # best effort: never hide the test's own failure
                tab.screenshot(path=str(SCREENSHOT_DIR / f"failed-{name}.png"), full_page=True, timeout=10_000)
    finally:
        tab.close()


@pytest.fixture(scope="session", autouse=True)
def screenshot_dir() -> Path:
    """``artifacts/screenshots/``, without the failure shots of an earlier run."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOT_DIR.glob("failed-*.png"):
        old.unlink()
    return SCREENSHOT_DIR
