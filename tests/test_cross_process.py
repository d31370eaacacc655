"""One truth across processes: two ``streamlit run`` servers on one database (a PostgreSQL
database and an SQLite file). A registry import through server A's Impor page in Chromium, then
one through the command line: server B's next render shows each, in the same browser session
(no restart, no cache expiry); on PostgreSQL, wrong passwords through fresh sessions on A lock
the account on B too. The expected figure is B's own figure before the writes plus
the rows written, checked against a direct count of the registry.
"""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import text

from data_access import auth, preparation
from data_access import engine as engine_module
from data_access.sign_in_limits import LIMITS
from deploy.serve import CHROMIUM, CHROMIUM_ARGS, REPO, streamlit_server
from tests.browser.conftest import VIEWPORT
from tests.fault_helpers import PASSWORD, chromium_or_skip, in_own_thread, registry_csv
from tests.live_helpers import import_through_the_page, registered, settled, sign_in_attempt
from ui.i18n import TEXT

LINK = "koperasi?prov=53&kab=53.04"
THROUGH_PAGE, THROUGH_CLI = 7, 11


def _locked_across(context, base_a: str, base_b: str) -> list[str]:
    """Wrong passwords through fresh sessions on A up to the limit, then the right one on B."""
    seen = []
    for _ in range(LIMITS["account"]):
        page = context.new_page()
        seen.append(sign_in_attempt(page, base_a, "salah-sekali-123"))
        page.close()
    seen.append(sign_in_attempt(context.new_page(), base_b, PASSWORD))
    return seen


def _drive(base_a: str, base_b: str, csv_path, cli_import, lockout: bool) -> list:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            reader, editor = context.new_page(), context.new_page()
            reader.goto(f"{base_b}/{LINK}", wait_until="domcontentloaded")
            settled(reader)
            seen = [registered(reader)]
            import_through_the_page(editor, base_a, csv_path)
            reader.reload(wait_until="domcontentloaded")  # a new session on B
            settled(reader)
            seen.append(registered(reader))
            cli_import()
            for path in ("rakor", "koperasi"):  # B's next render in the same session: no reload
                reader.locator(f'[data-testid="stSidebarNavLink"][href="{base_b}/{path}"]').click()
                reader.wait_for_url(f"{base_b}/{path}*")
                settled(reader)
            seen.append(registered(reader))
            if lockout:
                seen.append(_locked_across(browser.new_context(viewport=VIEWPORT), base_a, base_b))
            return seen
        finally:
            browser.close()


def _registry_rows(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT COUNT(*) FROM cooperative WHERE regency_code = '53.04'")).scalar_one()


def test_a_write_in_one_process_shows_in_the_other(empty_db_url, tmp_path):
    chromium_or_skip()
    lockout = empty_db_url.startswith("postgresql")  # the sign-in limit across servers: once, on PostgreSQL
    engine = preparation.prepare_database(engine_module.get_engine(empty_db_url), with_demo=True)
    auth.add_user("editor", role="editor", password=PASSWORD, actor="test", engine=engine)
    rows_before = _registry_rows(engine)
    through_page = tmp_path / "register-halaman.csv"
    through_page.write_bytes(registry_csv(THROUGH_PAGE, nik_prefix="5304111"))
    through_cli = tmp_path / "register-cli.csv"
    through_cli.write_bytes(registry_csv(THROUGH_CLI, nik_prefix="5304222"))

    def cli_import() -> None:
        done = subprocess.run([sys.executable, "-m", "data_access", "--database-url", empty_db_url, "import",
                               "registry", str(through_cli), "--user", "editor"],
                              cwd=REPO, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr

    with streamlit_server("app.py", empty_db_url) as base_a, streamlit_server("app.py", empty_db_url) as base_b:
        seen = in_own_thread(lambda: _drive(base_a, base_b, through_page, cli_import, lockout), timeout=300,
                             name="two-servers")
    assert _registry_rows(engine) == rows_before + THROUGH_PAGE + THROUGH_CLI  # both writes stored
    before = seen[0]
    assert seen[:3] == [before, before + THROUGH_PAGE, before + THROUGH_PAGE + THROUGH_CLI]
    if lockout:  # counted in the database: fresh sessions on A, then the right password on B waits
        failed, locked = TEXT["auth_failed"]["id"], TEXT["auth_locked"]["id"].split("{")[0]
        assert [failed in m for m in seen[3][:-1]] == [True] * LIMITS["account"], seen[3]
        assert locked in seen[3][-1], seen[3]
