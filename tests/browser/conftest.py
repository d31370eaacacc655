"""One real Streamlit server and one headless Chromium for the browser tests.

- ``app_server`` (session): a fresh SQLite file (gazetteer, real facts, small demo
  data), then ``streamlit run dashboard.py`` on a free loopback port with
  ``DATABASE_URL`` pointing at it; waits (bounded) for ``/_stcore/health`` and
  always stops the whole process group at the end.
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
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.serve import free_port
from data_access import engine as engine_module

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
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
    process: subprocess.Popen

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)  # the group started for this server only
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def _wait_healthy(server: AppServer) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"streamlit exited with code {server.process.returncode} before answering "
                        f"/_stcore/health; server log:\n{server.log_tail()}", pytrace=False)
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    pytest.fail(f"streamlit did not answer /_stcore/health within {SERVER_START_TIMEOUT} s; "
                f"server log:\n{server.log_tail()}", pytrace=False)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory) -> AppServer:
    folder = tmp_path_factory.mktemp("browser")
    db_url = f"sqlite:///{folder / 'app.sqlite'}"
    engine = engine_module.prepare_database(engine_module.get_engine(db_url), with_demo=True)
    engine.dispose()  # the server process opens its own connections

    port = free_port()
    log_path = folder / "streamlit.log"
    env = {**os.environ, "DATABASE_URL": db_url, "PYTHONUNBUFFERED": "1"}
    env.pop("PANTAU_READ_REQUIRES_SIGN_IN", None)  # these tests read the public dashboard
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        # Other people edit the working tree while tests run: never rerun on their saves.
        "--server.fileWatcherType", "none",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    server = AppServer(url=f"http://127.0.0.1:{port}", log_path=log_path, process=process)
    try:
        _wait_healthy(server)
        yield server
    finally:
        _stop(process)


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
