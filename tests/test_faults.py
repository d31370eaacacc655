"""Faults: an unreachable database gives a clear message, never a traceback."""

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO_ROOT


def test_unreachable_postgresql_shows_message(monkeypatch):
    # Port 1 on loopback refuses connections at once.
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/pantau")
    at = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert any("tidak dapat dihubungi" in e.value for e in at.error)
