"""Helpers for AppTest: run a page, read download buttons' bytes.

AppTest keeps no handle on a download button's file after the run, so
``capture_downloads`` records what the app hands to Streamlit's media file
manager (plain bytes, or the deferred callable the button would run on click)
by URL; ``download_bytes(at, button, store)`` returns the exact bytes a click
would download.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

REPO_ROOT = Path(__file__).resolve().parents[1]


def app(page: str | None = None, *, query: dict[str, str] | None = None, lang: str | None = None,
        timeout: float = 60) -> AppTest:
    """The whole app (dashboard.py with navigation), optionally on ``page`` (its url path)."""
    at = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if lang:
        at.session_state["lang"] = lang
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py").run()
    return at


@pytest.fixture
def capture_downloads(monkeypatch) -> dict[str, object]:
    store: dict[str, object] = {}
    original_add = MediaFileManager.add
    original_deferred = MediaFileManager.add_deferred

    def add(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        url = original_add(self, path_or_data, mimetype, coordinates, file_name, is_for_static_download)
        store[url] = path_or_data
        return url

    def add_deferred(self, data_callable, *args, **kwargs):
        file_id = original_deferred(self, data_callable, *args, **kwargs)
        store[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add", add)
    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return store


def download_bytes(button, store: dict[str, object]) -> bytes:
    """The bytes a click on ``button`` (an AppTest DownloadButton) downloads."""
    key = button.proto.deferred_file_id or button.proto.url
    found = store.get(key)
    assert found is not None, f"no recorded download for {key!r}"
    data = found() if callable(found) else found
    if hasattr(data, "read"):
        data = data.read()
    return data.encode("utf-8") if isinstance(data, str) else data


DEMO_BADGES = (" :orange-badge[DEMO · data sintetis]", " :orange-badge[DEMO · synthetic data]")


def plain_label(label: str) -> str:
    """A metric label without the DEMO badge (``ui.demo.label``)."""
    for badge in DEMO_BADGES:
        label = label.removesuffix(badge)
    return label


def demo_marked(metric) -> bool:
    """A metric marked DEMO (``ui.demo.metric``): by its orange delta line or its label badge."""
    delta = str(metric.delta or "")
    return delta.startswith("DEMO ·") or any(metric.label.endswith(badge) for badge in DEMO_BADGES)
