"""End-to-end tests in a real browser against a real ``streamlit run`` server.

What AppTest cannot see: the pages as the frontend draws them, widgets driven
by mouse and keyboard, the link in the address bar, a reload, a file download.
Every wait is bounded; the app counts as settled when its websocket is
connected, no script is running, nothing is stale or still a loading skeleton,
and the sidebar filters (or an exception box) are on screen. A full-page
screenshot of every page goes to ``artifacts/screenshots/`` (git-ignored) for
people to look at; a failing test leaves ``failed-<test>.png`` there too.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from ui.i18n import TEXT

REPO_ROOT = Path(__file__).resolve().parents[2]

# url path -> (page file, title key, screenshot name). Ringkasan is the default page, served at "/".
PAGES = {
    "": ("overview", "page_overview", "ringkasan"),
    "koperasi": ("cooperatives", "page_cooperatives", "koperasi"),
    "rakor": ("meetings", "page_meetings", "rakor"),
    "pokja": ("pokja_status", "page_pokja", "pokja"),
    "peta": ("maps", "page_maps", "peta"),
}
PAGE_IDS = [PAGES[path][2] for path in PAGES]

NTT, NTT_CODE = "Nusa Tenggara Timur", "53"
BELU, BELU_CODE = "Kabupaten Belu", "53.04"

# Whole interface texts that differ between the languages (texts with {placeholders} left out).
LABELS = {lang: {entry[lang] for entry in TEXT.values() if entry["id"] != entry.get("en", entry["id"])
                 and "{" not in entry[lang]} for lang in ("id", "en")}
# A text key shown instead of its text (``t()`` returns the key when it has no entry).
RAW_KEY = re.compile(r"(?<![\w./@-])[a-z]{2,}(?:_[a-z0-9]+)+(?![\w./@-])")

APP_SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testConnectionState !== 'CONNECTED') return false;
  if (app.dataset.testScriptState !== 'notRunning') return false;
  // Still rerunning, or widgets/charts whose code is still loading (drawn as skeletons).
  const busy = '[data-testid="stStatusWidget"], [data-stale="true"], [data-testid="stSkeleton"], '
             + '[data-testid="stAppSkeleton"]';
  if (document.querySelector(busy)) return false;
  return !!document.querySelector('[data-testid="stException"], .st-key-f_prov');
}"""


def text(key: str, lang: str = "id") -> str:
    return TEXT[key][lang]


def page_source(url_path: str) -> str:
    return (REPO_ROOT / "pages" / f"{PAGES[url_path][0]}.py").read_text(encoding="utf-8")


def is_placeholder(url_path: str) -> bool:
    return page_source(url_path).lstrip().startswith('"""Placeholder')


# --- helpers ---------------------------------------------------------------------------------

def wait_settled(page, timeout: float = 30_000) -> None:
    """Wait until the app's current run is over (see APP_SETTLED), then one more frame."""
    page.wait_for_function(APP_SETTLED, timeout=timeout)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def open_app(page, app_server, path: str = "", query: str = "") -> None:
    page.goto(f"{app_server.url}/{path}{'?' + query if query else ''}", wait_until="domcontentloaded")
    wait_settled(page)


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def wait_for_param(page, key: str, value: str) -> None:
    page.wait_for_url(lambda url: value in parse_qs(urlsplit(url).query).get(key, []))
    wait_settled(page)


def assert_no_exception(page, app_server, where: str) -> None:
    boxes = page.locator('[data-testid="stException"]')
    if boxes.count():
        details = "\n---\n".join(boxes.all_inner_texts())
        pytest.fail(f"{where}: exception shown in the page:\n{details}\n\nserver log:\n{app_server.log_tail()}",
                    pytrace=False)


def assert_no_dialog(page, where: str) -> None:
    """Streamlit's own notices ("Page not found", …) come as a modal dialog over the page."""
    dialogs = page.locator('[role="dialog"]').filter(visible=True)
    if dialogs.count():
        pytest.fail(f"{where}: a dialog covers the page: {dialogs.first.inner_text()!r}", pytrace=False)


def choose(page, widget_key: str, option: str) -> None:
    """Pick ``option`` in a sidebar multiselect/selectbox: click, type, Enter."""
    box = page.locator(f".st-key-{widget_key} input[role='combobox']")
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).wait_for()
    box.press("Enter")
    box.press("Escape")  # close the list so it covers nothing


def chip(page, widget_key: str, label: str):
    return page.locator(f".st-key-{widget_key} [data-tag]", has_text=label)


def figures(page) -> list[str]:
    """The metric tiles (label, value, delta) in the main area, in order."""
    return page.locator('[data-testid="stMain"] [data-testid="stMetric"]').all_inner_texts()


VISIBLE_TEXTS = """(selector) => {
  const root = document.querySelector(selector), texts = [];
  if (!root) return texts;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement, value = node.nodeValue.trim();
    // Material icons are ligature words ("keyboard_arrow_right"), not interface text.
    if (!value || parent.closest('[data-testid="stIconMaterial"], [data-testid="stIconEmoji"]')) continue;
    if (parent.checkVisibility()) texts.push(value);
  }
  return texts;
}"""


def lines(page, selector: str) -> set[str]:
    """The visible text pieces under ``selector`` (one per text node), icons left out."""
    return set(page.evaluate(VISIBLE_TEXTS, selector))


def assert_no_raw_keys(page, where: str) -> None:
    found = sorted({key for line in lines(page, '[data-testid="stMain"]') | lines(page, '[data-testid="stSidebar"]')
                    for key in RAW_KEY.findall(line)})
    assert not found, f"{where}: text keys shown instead of texts (missing from ui/texts?): {found}"


def assert_language(page, lang: str, where: str) -> None:
    """Interface texts on screen are in ``lang``: some of its own, none only the other language has."""
    other = "en" if lang == "id" else "id"
    shown = lines(page, '[data-testid="stMain"]') | lines(page, '[data-testid="stSidebar"]')
    assert shown & LABELS[lang], f"{where}: no {lang} interface text on screen"
    wrong = sorted(shown & (LABELS[other] - LABELS[lang]))
    assert not wrong, f"{where}: {other} texts shown in {lang}: {wrong}"


def nav_link(page, title: str):
    return page.locator('[data-testid="stSidebarNavLink"]', has_text=title)


def full_page_screenshot(page, path) -> None:
    """Streamlit scrolls inside its main area and sidebar: grow the window to fit them first."""
    viewport = page.viewport_size
    height = page.evaluate("""() => Math.max(innerHeight, ...['stMain', 'stSidebarContent'].map(
        id => document.querySelector(`[data-testid="${id}"]`)?.scrollHeight || 0))""")
    page.set_viewport_size({"width": viewport["width"], "height": min(int(height) + 40, 16_000)})
    try:
        wait_settled(page)
        page.screenshot(path=str(path), full_page=True, animations="disabled")
    finally:
        page.set_viewport_size(viewport)


# --- tests -----------------------------------------------------------------------------------

@pytest.mark.parametrize("url_path", list(PAGES), ids=PAGE_IDS)
def test_page_opens_cleanly(page, app_server, screenshot_dir, url_path):
    """Each page URL: no exception box or dialog, nav entry current, a title, texts not raw keys, no JS error."""
    open_app(page, app_server, url_path)
    full_page_screenshot(page, screenshot_dir / f"{PAGES[url_path][2]}.png")
    where = f"/{url_path}"
    assert_no_exception(page, app_server, where)
    assert_no_dialog(page, where)

    title = text(PAGES[url_path][1])
    current = page.locator('[data-testid="stSidebarNavLink"][aria-current="page"]')
    assert current.inner_text().strip().endswith(title), f"{where}: current nav entry {current.inner_text()!r}"
    if is_placeholder(url_path):
        assert page.locator('[data-testid="stMain"] [data-testid="stElementContainer"]').first.is_visible()
    else:
        heading = page.locator('[data-testid="stMain"] h1').first
        assert heading.is_visible(), f"{where}: no page title (h1) visible"
        assert heading.inner_text().strip()
        if url_path == "":
            assert heading.inner_text().strip() == text("app_title")
    assert page.locator(".st-key-f_prov").is_visible()
    assert_no_raw_keys(page, where)
    assert not page.js_errors, f"{where}: JavaScript errors: {page.js_errors}"


def test_area_filters_go_to_the_url_and_survive_a_reload(page, app_server):
    """Province then regency chosen by keyboard land in the link; a reload of it restores both."""
    open_app(page, app_server)
    assert "prov" not in params(page)

    choose(page, "f_prov", NTT)
    wait_for_param(page, "prov", NTT_CODE)
    assert chip(page, "f_prov", NTT).is_visible()

    choose(page, "f_kab", BELU)
    wait_for_param(page, "kab", BELU_CODE)
    assert params(page)["prov"] == [NTT_CODE] and params(page)["kab"] == [BELU_CODE]

    page.reload(wait_until="domcontentloaded")
    wait_settled(page)
    assert_no_exception(page, app_server, "reload")
    assert chip(page, "f_prov", NTT).is_visible(), "province chip lost on reload"
    assert chip(page, "f_kab", BELU).is_visible(), "regency chip lost on reload"
    assert params(page)["prov"] == [NTT_CODE] and params(page)["kab"] == [BELU_CODE]

    # The filters are shared by every page: moving through the sidebar keeps them in the link.
    nav_link(page, text("page_maps")).click()
    page.wait_for_url(re.compile(r"/peta\?"))
    wait_settled(page)
    assert params(page)["prov"] == [NTT_CODE] and params(page)["kab"] == [BELU_CODE]
    assert chip(page, "f_kab", BELU).is_visible()


@pytest.mark.parametrize("url_path", list(PAGES), ids=PAGE_IDS)
def test_province_filter_changes_a_figure(page, app_server, url_path):
    """Choosing NTT in the sidebar changes at least one metric tile of the page."""
    if is_placeholder(url_path):
        pytest.skip(f"pages/{PAGES[url_path][0]}.py is still a placeholder")
    open_app(page, app_server, url_path)
    assert_no_exception(page, app_server, f"/{url_path}")
    before = figures(page)
    if not before:
        pytest.skip(f"/{url_path} shows no metric (st.metric) to compare")

    choose(page, "f_prov", NTT)
    wait_for_param(page, "prov", NTT_CODE)
    assert_no_exception(page, app_server, f"/{url_path}?prov={NTT_CODE}")
    after = figures(page)
    assert after != before, f"/{url_path}: no metric changed when choosing {NTT}: {before}"


def test_english_labels_and_language_switch(page, app_server):
    """``?bahasa=en`` opens in English; the sidebar switch goes to Indonesian and back, with the link."""
    open_app(page, app_server, query="bahasa=en")
    assert_no_exception(page, app_server, "/?bahasa=en")
    sidebar = page.locator('[data-testid="stSidebar"]')
    for key in ("filters", "f_province", "f_regency", "page_overview", "page_meetings"):
        assert sidebar.get_by_text(text(key, "en"), exact=True).first.is_visible(), f"{key}: English label missing"
    assert page.locator(".st-key-f_prov input").get_attribute("placeholder") == text("all_provinces", "en")
    assert_language(page, "en", "/?bahasa=en")

    choose(page, "lang", "Bahasa Indonesia")
    page.locator(".st-key-f_prov", has_text=text("f_province", "id")).wait_for()
    wait_settled(page)
    assert "bahasa" not in params(page)
    assert sidebar.get_by_text(text("page_overview", "id"), exact=True).is_visible()
    assert_language(page, "id", "after switching to Bahasa Indonesia")

    choose(page, "lang", "English")
    wait_for_param(page, "bahasa", "en")
    assert sidebar.get_by_text(text("page_overview", "en"), exact=True).is_visible()
    assert_language(page, "en", "after switching back to English")


def test_csv_download_holds_rows(page, app_server):
    """The first visible CSV download button of the pages that offer downloads gives a CSV with rows."""
    offering = [path for path in PAGES if re.search(r"downloads\.offer|download_button", page_source(path))]
    for url_path in offering:
        open_app(page, app_server, url_path)
        assert_no_exception(page, app_server, f"/{url_path}")
        buttons = page.locator('[data-testid="stDownloadButton"]', has_text="CSV").filter(visible=True)
        if buttons.count():
            break
    else:
        pytest.skip(f"no page shows a CSV download button ([data-testid=stDownloadButton] "
                    f"{text('download_csv')!r}) yet; pages offering downloads: {offering or 'none'}")

    with page.expect_download(timeout=30_000) as info:
        buttons.first.click()
    download = info.value
    assert download.failure() is None, download.failure()
    name = download.suggested_filename
    assert name.endswith(".csv"), name
    raw = download.path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{name}: no UTF-8 BOM (Excel would garble Indonesian text)"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) >= 2, f"/{url_path}: {name} holds no data row: {rows[:1]}"
    assert all(rows[0]), f"{name}: empty column header in {rows[0]}"
    assert all(len(row) == len(rows[0]) for row in rows), f"{name}: ragged CSV rows"
