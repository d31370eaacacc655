"""Hostile input: injected and over-long URL parameters, HTML/script in stored names and pasted
reports, files that lie about what they are, writes without the right account, and cross-site
uploads. Each gets a clear message (or is shown as plain text), the app keeps running and the
database does not change unless a legitimate write was meant to change it.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import struct
import tomllib
import urllib.error
import urllib.request
import uuid
import zipfile
import zlib
from http.cookies import SimpleCookie

import pytest

from data_access import auth, filters, imports, preparation
from data_access import engine as engine_module
from data_access.auth import Identity
from data_access.imports import news, news_item, news_lookups
from data_access.stats import table_counts
from deploy.serve import CHROMIUM, CHROMIUM_ARGS, streamlit_server
from tests.apptest_helpers import app
from tests.browser.conftest import VIEWPORT
from tests.browser.test_e2e import wait_settled
from tests.conftest import REPO_ROOT
from tests.fault_helpers import (
    PASSWORD,
    chromium_or_skip,
    counts_csv,
    fresh_app_caches,  # noqa: F401 - fixture
    in_own_thread,
    registry_csv,
)
from ui.texts.auth import TEXT as AUTH_TEXT

DASHBOARD_PAGES = ["overview", "cooperatives", "meetings", "pokja_status", "maps"]
FILTER_PARAMS = ["prov", "kab", "dari", "sampai", "sektor", "nyata", "n"]
INJECTIONS = {
    "prov": "53' OR '1'='1",
    "kab": "53.04'); DROP TABLE cooperative; --",
    "dari": "2020-01-01' UNION SELECT password_hash FROM app_user --",
    "sampai": '2024-12-31"; DELETE FROM meeting; --',
    "sektor": "koperasi' OR 1=1 --",
    "nyata": "1; UPDATE province SET name = 'x'",
    "n": "3 OR 1=1",
    "bahasa": "en'; DROP TABLE app_user; --",
}
OVERLONG = "1" * 9_992 + "' OR 1=1"  # 10,000 characters
XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>"
XSS_MARKERS = ("<script", "onerror")
NEED_SIGN_IN = AUTH_TEXT["auth_need_sign_in"]["id"]


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def _no_traceback(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _sidebar_note(at) -> str:
    """The note on dropped link parameters (at the top of the page since issue 21, not in the sidebar)."""
    return "\n".join(w.value for w in at.main.warning if w.value.startswith(("Parameter tautan", "Link parameters")))


@pytest.fixture(scope="module")
def fixture_engine(sqlite_url):
    return engine_module.get_engine(sqlite_url)


# --- URL parameters --------------------------------------------------------------------------------

def _assert_dropped(at, never_shown: str | None = None) -> None:
    _no_traceback(at)
    note = _sidebar_note(at)
    for name in FILTER_PARAMS:
        assert f"**{name}** = " in note, f"no note that {name} was dropped: {note[:500]}"
    assert len(note) < 3_000, f"the note repeats the over-long values ({len(note)} characters)"
    chosen = at.session_state["filters"]
    assert (chosen.provinces, chosen.regencies, chosen.date_from, chosen.date_to, chosen.sectors,
            chosen.real_only, chosen.window) == ((), (), None, None, (), False, 3)
    assert at.session_state["lang"] == "id"
    assert dict(at.query_params) == {}, f"hostile values kept in the link: {list(at.query_params)}"
    assert at.title, "the page drew no title"
    if never_shown:
        shown = "\n".join(str(n.proto) for n in _walk(at._tree) if hasattr(n, "proto"))
        assert never_shown not in shown, "an over-long value was echoed in full"


@pytest.mark.parametrize("page", DASHBOARD_PAGES)
def test_sql_injection_in_every_filter_parameter(page, fixture_engine):
    before = table_counts(fixture_engine)
    at = app(page, query=INJECTIONS)
    _assert_dropped(at)
    assert table_counts(fixture_engine) == before


@pytest.mark.parametrize("page", DASHBOARD_PAGES)
def test_overlong_value_in_every_filter_parameter(page, fixture_engine):
    before = table_counts(fixture_engine)
    query = dict.fromkeys([*FILTER_PARAMS, "bahasa"], OVERLONG)
    at = app(page, query=query)
    _assert_dropped(at, never_shown="1" * 100)
    assert table_counts(fixture_engine) == before


def test_a_hostile_code_next_to_a_good_one_drops_only_the_hostile_one():
    at = app("overview", query={"prov": "53,0 OR 1=1", "kab": "53.04,53.04'--"})
    _no_traceback(at)
    assert at.multiselect(key="f_prov").value == ["53"] and at.multiselect(key="f_kab").value == ["53.04"]
    note = _sidebar_note(at)
    assert "**prov** = `0 OR 1=1`" in note and "**kab** = `53.04'--`" in note
    assert dict(at.query_params) == {"prov": "53", "kab": "53.04"}


@pytest.mark.parametrize("value", ["9" * 10_000, "²"], ids=["10000-digits", "superscript-two"])
def test_window_parameter_that_only_looks_like_a_number(value):
    parsed, notes = filters.parse({"n": value}, known_provinces={"53"}, known_regencies={"53.04"})
    assert parsed.window == filters.DEFAULT_WINDOW
    assert any(note.startswith("n=") for note in notes)


def test_unknown_language_parameter_gets_a_note():
    at = app("overview", query={"bahasa": INJECTIONS["bahasa"]})
    _no_traceback(at)
    assert at.session_state["lang"] == "id" and "bahasa" not in at.query_params
    assert "bahasa" in _sidebar_note(at)


# --- HTML and script in stored names and pasted reports ---------------------------------------------

ARTICLE = (f"Rakor Koperasi {XSS} di Atambua\n"
           f"ATAMBUA - Pemerintah Kabupaten Belu menggelar rapat koordinasi koperasi {XSS} pada Kamis "
           f"(25/8/2022) bertempat di Aula {XSS} dan dibuka oleh Bupati Belu.")
HEADLINE = ARTICLE.splitlines()[0]
XSS_FILE = f"{XSS}.csv"
MEETING_DAY = "2024-05-01"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> str:
    """A database holding a cooperative, a meeting (title, venue, source) and an import file
    name made of HTML and script, and an editor account."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.sqlite'}"
    engine = preparation.prepare_database(engine_module.get_engine(url), with_demo=False)
    auth.add_user("editor", role="editor", password=PASSWORD, actor="test", engine=engine)
    quoted = XSS.replace('"', '""')
    meeting = (f'Judul;Tanggal;Kode Wilayah;Tempat;Sumber;Tema\r\n"{quoted}";{MEETING_DAY};53.04;"{quoted}";'
               f'"{quoted}";"{quoted}"\r\n').encode()
    registry = f'Koperasi;NIK;Kode Wilayah;Jenis Koperasi\r\n"{quoted}";5304999000001;53.04;Produsen\r\n'.encode()
    for kind, data, name in (("meetings", meeting, "rapat.csv"), ("registry", registry, XSS_FILE)):
        report = imports.commit(kind, data, name, user="editor", engine=engine)
        assert report.committed, report.to_text()
    engine.dispose()
    return url


def _html_carriers(at) -> list[str]:
    """Elements that would let the browser interpret the payload as HTML (the app's own layout
    script, ``ui.layout``, is an ``html`` element too: only the stored payload counts)."""
    found = []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        raw = str(proto)
        if "alert(" not in raw or not any(marker in raw for marker in XSS_MARKERS):
            continue
        if getattr(proto, "allow_html", False) or getattr(node, "type", "") in ("html", "iframe"):
            found.append(f"{node.type}: {raw[:200]}")
    return found


def _values(at) -> str:
    """Everything the page shows as values: texts, widget values and options, table cells."""
    parts = [str(n.proto) for n in _walk(at._tree) if hasattr(n, "proto") and getattr(n, "type", "") != "dataframe"]
    parts += [frame.value.to_csv() for frame in at.dataframe]
    for widget in [*at.selectbox, *at.text_input, *at.text_area]:
        parts.append(str(widget.value))
    return "\n".join(parts)


def _signed(page: str, user: Identity):
    at = app()
    at.session_state["auth_user"] = user
    at.switch_page(f"pages/{page}.py").run()
    _no_traceback(at)
    return at


@pytest.mark.usefixtures("fresh_app_caches")
def test_html_in_names_is_never_rendered_as_html_apptest(hostile_db, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", hostile_db)
    editor = Identity("editor", None, "editor", None)
    views = {
        "/koperasi": app("cooperatives", query={"prov": "53", "kab": "53.04"}),
        "/rakor": app("meetings", query={"prov": "53", "kab": "53.04", "dari": MEETING_DAY, "sampai": MEETING_DAY}),
        "/riwayat": _signed("history", editor),
    }
    at = _signed("imports", editor)
    at.selectbox(key="imp_kind").set_value("registry").run()
    at.file_uploader(key="imp_file").set_value((XSS_FILE, registry_csv(1, name=XSS), "text/csv"))
    views["/impor"] = at.run()
    at = _signed("extract_news", editor)
    at.text_area(key="ex_text").input(ARTICLE)
    views["/ekstraksi"] = at.button(key="ex_run").click().run()
    for where, at in views.items():
        _no_traceback(at)
        assert XSS in _values(at), f"{where}: the stored name is not shown at all, so this checks nothing"
        assert not _html_carriers(at), f"{where}: HTML allowed in {_html_carriers(at)}"
    assert views["/ekstraksi"].text_input(key="ex_f_headline").value == HEADLINE


def _injected(page) -> dict[str, int]:
    return page.evaluate("""() => ({
        images: document.querySelectorAll('img[src="x"]').length,
        scripts: [...document.scripts].filter(s => s.text.includes('alert(')).length,
        handlers: document.querySelectorAll('[onerror]').length,
    })""")


def _browser_walk(base: str) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict = {"dialogs": [], "pages": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            context.set_default_timeout(30_000)
            page = context.new_page()
            page.on("dialog", lambda dialog: (out["dialogs"].append(dialog.message), dialog.dismiss()))

            def settle_and_record(name: str) -> None:
                wait_settled(page, timeout=60_000)
                page.wait_for_timeout(300)  # an onerror handler would have fired by now
                out["pages"][name] = {"injected": _injected(page),
                                      "exceptions": page.locator('[data-testid="stException"]').count(),
                                      "modals": page.locator('[role="dialog"]').filter(visible=True).count()}

            # The first visit after a restart goes to "/" (see test_load.py: a first visit to any
            # other page shows a bogus "Page not found").
            page.goto(f"{base}/", wait_until="domcontentloaded")
            wait_settled(page, timeout=60_000)
            page.goto(f"{base}/rakor?prov=53&kab=53.04&dari={MEETING_DAY}&sampai={MEETING_DAY}",
                      wait_until="domcontentloaded")
            settle_and_record("/rakor")
            out["pages"]["/rakor"]["literal"] = page.get_by_text(XSS, exact=True).count()
            page.goto(f"{base}/koperasi?prov=53&kab=53.04", wait_until="domcontentloaded")
            settle_and_record("/koperasi")

            page.goto(f"{base}/masuk", wait_until="domcontentloaded")
            wait_settled(page, timeout=60_000)
            page.locator(".st-key-auth_username input").fill("editor")
            page.locator(".st-key-auth_password input").fill(PASSWORD)
            page.locator(".st-key-auth_password input").press("Enter")
            page.get_by_text("Masuk sebagai").first.wait_for()
            page.locator('[data-testid="stSidebarNavLink"][href$="/impor"]').click()
            page.wait_for_url("**/impor*")
            settle_and_record("/impor")
            out["pages"]["/impor"]["literal"] = page.locator(".st-key-imp_undo_batch input").input_value()
            page.locator('[data-testid="stSidebarNavLink"][href$="/ekstraksi"]').click()
            page.wait_for_url("**/ekstraksi*")
            wait_settled(page, timeout=60_000)
            page.locator(".st-key-ex_text textarea").fill(ARTICLE)
            page.locator(".st-key-ex_run button").click()
            page.locator(".st-key-ex_f_headline input").wait_for()
            settle_and_record("/ekstraksi")
            out["pages"]["/ekstraksi"]["literal"] = page.locator(".st-key-ex_f_headline input").input_value()
            context.close()
        finally:
            browser.close()
    return out


@pytest.fixture(scope="module")
def hostile_server(hostile_db):
    with streamlit_server("dashboard.py", hostile_db) as base:
        yield base


def test_html_in_names_and_reports_is_text_in_the_browser(hostile_server):
    chromium_or_skip()
    seen = in_own_thread(lambda: _browser_walk(hostile_server), timeout=240, name="hostile-browser")
    assert seen["dialogs"] == [], f"script ran: alert dialogs {seen['dialogs']}"
    for where, found in seen["pages"].items():
        assert found["exceptions"] == 0 and found["modals"] == 0, (where, found)
        assert found["injected"] == {"images": 0, "scripts": 0, "handlers": 0}, (where, found["injected"])
    assert seen["pages"]["/rakor"]["literal"] >= 1, "the meeting title is not shown as text"
    assert XSS_FILE in seen["pages"]["/impor"]["literal"], seen["pages"]["/impor"]["literal"]
    assert seen["pages"]["/ekstraksi"]["literal"] == HEADLINE


# --- files that are not what they say ----------------------------------------------------------------

def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    pixels = b"".join(b"\x00" + b"\xff\x00\x00" * 16 for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))


BOMB_MIB = 300


def _zip_bomb(mib: int = BOMB_MIB) -> bytes:
    """An .xlsx-shaped zip whose sheet expands to ``mib`` MiB of zeros (about 300 KB on disk)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            block = b"\x00" * (1 << 20)
            for _ in range(mib):
                member.write(block)
    return buffer.getvalue()


def _lying(bomb: bytes, mib: int = BOMB_MIB) -> bytes:
    """The same bomb with its headers claiming the sheet is 1,000 bytes."""
    data = bytearray(bomb)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            if struct.unpack_from("<I", data, at + offset)[0] == mib << 20:
                struct.pack_into("<I", data, at + offset, 1_000)
            start = at + 4
    assert bytes(data) != bomb
    return bytes(data)


@pytest.fixture(scope="module")
def bad_files() -> dict[str, tuple[str, bytes, str, tuple[str, ...]]]:
    """name → (file name, bytes, expected problem code, words the Indonesian message must hold)."""
    bomb = _zip_bomb()
    assert len(bomb) < 1_000_000
    return {
        "50MB": ("besar.csv", b"Kode Wilayah;Per Tanggal;Jumlah Koperasi\r\n" + b"53;2024;1\r\n" * 5_000_000,
                 "file_too_large", ("terlalu besar", "20 MB")),
        "png-as-csv": ("gambar.csv", _png(), "undecodable", ("tidak dapat dibaca",)),
        "random-as-xlsx": ("acak.xlsx", random.Random(6).randbytes(64 * 1024), "xlsx_invalid",
                           ("bukan berkas Excel",)),
        "zip-bomb": ("bom.xlsx", bomb, "xlsx_bomb", ("mengembang", f"{BOMB_MIB} MB")),
        "lying-zip-bomb": ("bohong.xlsx", _lying(bomb), "xlsx_invalid", ("rusak",)),
    }


@pytest.fixture
def writable_db(prepared_sqlite_url, monkeypatch, request):
    request.getfixturevalue("fresh_app_caches")
    url = prepared_sqlite_url
    engine = preparation.prepare_database(engine_module.get_engine(url), with_demo=False)
    for name, role, province in (("editor", "editor", None), ("ntt", "editor", "53"), ("viewer", "viewer", None),
                                 ("admin", "admin", None)):
        auth.add_user(name, role=role, password=PASSWORD, province_code=province, actor="test", engine=engine)
    monkeypatch.setenv("DATABASE_URL", url)
    return engine


@pytest.mark.parametrize("case", ["50MB", "png-as-csv", "random-as-xlsx", "zip-bomb", "lying-zip-bomb"])
def test_bad_file_is_refused_clearly(case, bad_files, writable_db):
    name, data, code, words = bad_files[case]
    if case == "50MB":
        assert len(data) >= 50 * 1024 * 1024
    before = table_counts(writable_db)
    for run in (imports.preview, imports.commit):
        report = run("counts", data, name, user="editor", engine=writable_db)
        assert report.file_error is not None and report.file_error.code == code, report.to_text()
        assert not report.committed
        assert all(word in report.file_error.text("id") for word in words), report.file_error.text("id")

    at = _signed("imports", Identity("editor", None, "editor"))
    at.selectbox(key="imp_kind").set_value("counts").run()
    at.file_uploader(key="imp_file").set_value((name, data, "application/octet-stream"))
    at.run()
    _no_traceback(at)
    errors = [e.value for e in at.error]
    assert any(all(word in e for word in words) for e in errors), errors
    assert len(at.metric) == 0 and not any(b.key == "imp_commit" for b in at.button)
    # The app keeps running: a good file in the same session previews as usual.
    at.file_uploader(key="imp_file").set_value(("baik.csv", counts_csv([("53.04", "2024-06-30", 7)]), "text/csv"))
    at.run()
    _no_traceback(at)
    assert {m.label: m.value for m in at.metric}.get("Baru") == "1"
    assert table_counts(writable_db) == before


# --- writes without the right account ---------------------------------------------------------------

OUTSIDE = {  # one row in Kota Palangka Raya (62.71), outside NTT (53)
    "registry": b"Koperasi;NIK;Kode Wilayah;Jenis Koperasi\r\nKoperasi Luar;6271000000001;62.71;Produsen\r\n",
    "counts": b"Kode Wilayah;Per Tanggal;Jumlah Koperasi\r\n62.71;2024-06-30;12\r\n",
    "meetings": b"Judul;Tanggal;Kode Wilayah;Sumber\r\nRakor Luar;2024-05-02;62.71;Media Uji\r\n",
    "pokja": None,  # needs a mandate code from the database, filled in below
}


def _outside_files(engine) -> dict[str, bytes]:
    code = news_lookups.mandates(engine=engine)["code"].iloc[0]
    files = dict(OUTSIDE)
    files["pokja"] = f"Kode Wilayah;Mandat;Tahap;Tanggal;Sumber\r\n62.71;{code};persiapan;2024-05-02;Media Uji\r\n".encode()
    return files


def _news_item(province: str = "62", regency: str | None = "62.71") -> news_item.NewsMeeting:
    return news_item.NewsMeeting(title="Rakor Uji Luar", held_on=dt.date(2024, 5, 2), province_code=province,
                            outlet="Media Uji", regency_code=regency, text="Rakor Uji Luar.")


def test_writes_refused_at_the_data_level(writable_db):
    engine = writable_db
    files = _outside_files(engine)
    before = table_counts(engine)
    for kind, data in files.items():
        for user, code in ((None, "unknown_user"), ("nobody", "unknown_user"), ("viewer", "not_allowed"),
                           (Identity("viewer", None, "admin"), "not_allowed")):  # the stored role counts
            report = imports.commit(kind, data, f"{kind}.csv", user=user, engine=engine)
            assert report.file_error is not None and report.file_error.code == code, (kind, user)
        for user in ("ntt", Identity("ntt", None, "admin", None)):  # limited to 53, whatever it claims
            report = imports.commit(kind, data, f"{kind}.csv", user=user, engine=engine)
            assert not report.committed and report.counts["rejected"] == 1, (kind, report.to_text())
            assert [e.code for e in report.errors] == ["outside_province"]
    for user, code in ((None, "unknown_user"), ("viewer", "not_allowed"), ("ntt", "outside_province")):
        saved = news.save(_news_item(), user=user, engine=engine)
        assert saved.error is not None and saved.error.code == code, (user, saved)
    assert not news.save(_news_item("53", "62.71"), user="ntt", engine=engine).done  # a regency outside
    assert table_counts(engine) == before

    # The admin's batch cannot be undone by an editor, nor by a viewer; the admin's own write stands.
    done = imports.commit("counts", files["counts"], "k.csv", user="admin", engine=engine)
    assert done.committed
    after = table_counts(engine)
    for user, code in (("ntt", "undo_not_allowed"), ("editor", "undo_not_allowed"), ("viewer", "not_allowed"),
                       (None, "unknown_user")):
        assert imports.undo(done.batch_id, user=user, engine=engine).error.code == code, user
    assert table_counts(engine) == after


def test_writes_refused_on_the_pages(writable_db):
    engine = writable_db
    before = table_counts(engine)
    for page, editor_widget in (("imports", "file_uploader"), ("extract_news", "text_area"), ("history", None)):
        at = app(page)
        _no_traceback(at)
        assert any(NEED_SIGN_IN == w.value for w in at.warning), (page, [w.value for w in at.warning])
        if editor_widget:
            assert len(getattr(at, editor_widget)) == 0, f"{page}: editor widgets shown without an account"
        assert len(at.dataframe) == 0
    for page in ("imports", "extract_news"):
        at = _signed(page, Identity("viewer", None, "viewer"))
        assert any("editor atau admin" in w.value for w in at.warning)
        assert len(at.file_uploader) == 0 and len(at.text_area) == 0

    # A province editor: rows outside are refused in the preview and nothing can be saved.
    at = _signed("imports", Identity("ntt", None, "editor", "53"))
    at.selectbox(key="imp_kind").set_value("counts").run()
    at.file_uploader(key="imp_file").set_value(("luar.csv", OUTSIDE["counts"], "text/csv"))
    at.run()
    _no_traceback(at)
    assert {m.label: m.value for m in at.metric}["Ditolak"] == "1"
    assert at.button(key="imp_commit").disabled
    # ... and the extraction form offers only the editor's own province.
    at = _signed("extract_news", Identity("ntt", None, "editor", "53"))
    at.text_area(key="ex_text").input(ARTICLE.replace("Belu", "Kotawaringin Timur").replace("ATAMBUA", "SAMPIT"))
    at.button(key="ex_run").click().run()
    _no_traceback(at)
    assert at.selectbox(key="ex_f_province").options == ["Nusa Tenggara Timur"]

    # A forged session (an account that does not exist, claiming admin) passes the page's check,
    # but the write is refused where it happens, in data_access.
    at = _signed("imports", Identity("ghost", None, "admin"))
    at.selectbox(key="imp_kind").set_value("counts").run()
    at.file_uploader(key="imp_file").set_value(("k.csv", counts_csv([("53.04", "2024-06-30", 7)]), "text/csv"))
    at.run()
    _no_traceback(at)
    assert any("ghost" in e.value and "tidak ada" in e.value for e in at.error), [e.value for e in at.error]
    assert table_counts(engine) == before


# --- cross-site uploads -----------------------------------------------------------------------------

def test_xsrf_protection_is_configured():
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True


def _upload(base: str, method: str, *, cookie: str | None = None, token: str | None = None) -> int:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
            f"Content-Type: text/csv\r\n\r\nKode Wilayah;Per Tanggal;Jumlah Koperasi\r\n53;2024;1\r\n"
            f"--{boundary}--\r\n").encode()
    request = urllib.request.Request(f"{base}/_stcore/upload_file/{uuid.uuid4()}/{uuid.uuid4()}", data=body,
                                     method=method, headers={"Content-Type": f"multipart/form-data; boundary={boundary}",
                                                             "Origin": "https://evil.example"})
    if cookie:
        request.add_header("Cookie", f"_streamlit_xsrf={cookie}")
    if token:
        request.add_header("X-Xsrftoken", token)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_cross_site_upload_is_refused(hostile_server):
    with urllib.request.urlopen(f"{hostile_server}/_stcore/health", timeout=10) as response:
        cookies = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
    assert "_streamlit_xsrf" in cookies, "the server sets no XSRF cookie: protection is off"
    token = cookies["_streamlit_xsrf"].value
    with urllib.request.urlopen(f"{hostile_server}/_stcore/health", timeout=10) as response:
        other = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            other.load(header)
    forged = other["_streamlit_xsrf"].value
    assert forged != token

    assert _upload(hostile_server, "PUT") == 403                      # no cookie, no token
    assert _upload(hostile_server, "PUT", cookie=token) == 403        # what a cross-site form sends
    assert _upload(hostile_server, "PUT", token=token) == 403         # token without its cookie
    assert _upload(hostile_server, "PUT", cookie=token, token=forged) == 403
    assert _upload(hostile_server, "DELETE") == 403
    assert _upload(hostile_server, "POST") == 405                     # uploads are PUT only in 1.67
    # Control: with the matching pair the XSRF check passes and the unknown session is refused.
    assert _upload(hostile_server, "PUT", cookie=token, token=token) == 400
