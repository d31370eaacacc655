"""The PostgreSQL test server: its URL and a fresh database on it (shared by ``conftest.py`` and the
tests that make databases of their own; a test module cannot import ``conftest`` by name, which
resolves to ``tests/browser/conftest.py`` when the whole suite is collected)."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from data_access import engine as engine_module

PG_ENV = "PANTAU_TEST_POSTGRES_URL"


def _require_postgres() -> bool:
    return os.environ.get("PANTAU_REQUIRE_POSTGRES") == "1"


def _create_pg_database(server_url: str, template: str | None = None) -> str:
    name = f"pantau_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        # both names are generated here, never input
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _pg_server_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if _require_postgres():
            pytest.fail(f"{PG_ENV} is required (PANTAU_REQUIRE_POSTGRES=1)")
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} (scripts/test starts one)")
    return engine_module.config.normalise_url(url)
