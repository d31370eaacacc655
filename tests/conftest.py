"""One fixture database per backend, built once per test session.

- ``sqlite_url``: a real SQLite file in a temporary folder, migrated and filled
  with the gazetteer, the real facts and the small demo data set.
- ``postgresql_url``: a fresh database on the PostgreSQL server named by
  ``PANTAU_TEST_POSTGRES_URL`` (``scripts/test`` starts one on loopback), filled
  the same way. Without a server the PostgreSQL tests skip — unless
  ``PANTAU_REQUIRE_POSTGRES=1`` (CI), where a missing server fails them.
- ``db_url``: parametrised over both, for tests every backend must pass.
- ``empty_db_url`` makes a brand-new empty database per test (both backends).
- ``prepared_db_url`` makes a brand-new database per test (both backends) already migrated and
  holding what a first start loads without demo data (gazetteer, 84k desa, real facts): a copy of
  one template per backend built once per session (a file copy on SQLite, ``CREATE DATABASE …
  TEMPLATE`` on PostgreSQL), where preparing each one took 3–5 s. ``prepared_sqlite_url`` is the
  SQLite one alone.

The app under AppTest reads ``DATABASE_URL``; it is pointed at the SQLite
fixture for the whole session so a test never touches ``data/``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pg_server import PG_ENV, _create_pg_database, _pg_server_url, _require_postgres
from sqlalchemy.engine import make_url

from data_access import engine as engine_module
from data_access import preparation

REPO_ROOT = Path(__file__).resolve().parents[1]


# fixtures that give a test a database, a server or a browser (``--quick`` leaves such tests out)
DATABASE_FIXTURES = {"sqlite_url", "postgresql_url", "db_url", "db_engine", "empty_db_url", "prepared_db_url",
                     "prepared_sqlite_url", "prepared_templates"}
BROWSER_FIXTURES = {"browser", "browser_context", "page", "app_server"}
# a test module holding one of these makes databases, processes or servers of its own (CLI, ``streamlit run``)
DATABASE_NAMES = {"engine_module", "get_engine", "session_scope", "prepare_database", "preparation", "streamlit_server",
                  "free_port", "run_cli", "subprocess"}
QUICK_DATABASE_URL = "sqlite:////proc/pantau-quick-run-has-no-database/none.sqlite"  # any use fails loudly


def pytest_addoption(parser):
    parser.addoption("--quick", action="store_true",
                     help="only the pure tests: no database, server or browser (deselects the markers "
                          "db, postgres and browser, and points DATABASE_URL at nothing)")


def _markers(item) -> set[str]:
    """``browser``, ``postgres``, ``db``: what the test needs, from its fixtures, its parameters, its folder
    and its use of AppTest (``tests.apptest_helpers.app`` reads the fixture database)."""
    from tests import apptest_helpers

    names = set(item.fixturenames)
    params = getattr(item, "callspec", None)
    found = set()
    if names & BROWSER_FIXTURES or "browser" in item.path.parts:
        found.add("browser")
    if "postgresql_url" in names or (params and "postgresql" in params.params.values()):
        found.add("postgres")
    module = getattr(item, "module", None)
    if (names & DATABASE_FIXTURES or getattr(module, "app", None) is apptest_helpers.app
            or (params and "sqlite" in params.params.values()) or DATABASE_NAMES & set(vars(module or object))):
        found.add("db")
    return found | {m.name for m in item.iter_markers() if m.name in ("db", "browser", "postgres", "slow")}


def pytest_collection_modifyitems(config, items):
    """Mark each test ``browser`` / ``postgres`` / ``db`` (``-m "not browser"`` etc.); with ``--quick`` keep
    only the tests with none of them. In CI a skipped PostgreSQL test is a failure: make sure none can skip
    silently."""
    if _require_postgres() and not os.environ.get(PG_ENV):
        raise pytest.UsageError("PANTAU_REQUIRE_POSTGRES=1 but PANTAU_TEST_POSTGRES_URL is not set")
    kept, left = [], []
    for item in items:
        markers = _markers(item)
        for name in markers:
            item.add_marker(name)
        (left if markers else kept).append(item)
    if config.getoption("--quick") and left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("db") / "fixture.sqlite"
    url = f"sqlite:///{path}"
    preparation.prepare_database(engine_module.get_engine(url), with_demo=True)
    return url


@pytest.fixture(scope="session")
def postgresql_url() -> str:
    url = _create_pg_database(_pg_server_url())
    preparation.prepare_database(engine_module.get_engine(url), with_demo=True)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str:
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.sqlite'}"
    return _create_pg_database(_pg_server_url())


class PreparedTemplates:
    """One prepared database per backend (built on first use), copied for each test that asks."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._sqlite: Path | None = None
        self._postgresql: str | None = None

    def sqlite_copy(self, destination: Path) -> str:
        if self._sqlite is None:
            path = self.folder / "prepared.sqlite"
            url = f"sqlite:///{path}"
            engine = preparation.prepare_database(engine_module.get_engine(url), with_demo=False)
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
            engine_module.dispose(url)
            self._sqlite = path
        shutil.copyfile(self._sqlite, destination)
        return f"sqlite:///{destination}"

    def postgresql_copy(self) -> str:
        server = _pg_server_url()
        if self._postgresql is None:
            url = _create_pg_database(server)
            preparation.prepare_database(engine_module.get_engine(url), with_demo=False)
            engine_module.dispose(url)  # a template must have no open connection
            self._postgresql = make_url(url).database
        return _create_pg_database(server, template=self._postgresql)


@pytest.fixture(scope="session")
def prepared_templates(tmp_path_factory) -> PreparedTemplates:
    return PreparedTemplates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(params=["sqlite", "postgresql"])
def prepared_db_url(request, tmp_path, prepared_templates) -> str:
    if request.param == "sqlite":
        return prepared_templates.sqlite_copy(tmp_path / "prepared.sqlite")
    return prepared_templates.postgresql_copy()


@pytest.fixture
def prepared_sqlite_url(tmp_path, prepared_templates) -> str:
    return prepared_templates.sqlite_copy(tmp_path / "prepared.sqlite")


@pytest.fixture
def db_engine(db_url):
    return engine_module.get_engine(db_url)


@pytest.fixture(scope="session", autouse=True)
def app_database(request):
    """Point the app (and anything reading DATABASE_URL) at the SQLite fixture; in a ``--quick`` run at a
    database that cannot be opened, so a test that reads one without saying so fails instead of passing."""
    previous = os.environ.get("DATABASE_URL")
    url = QUICK_DATABASE_URL if request.config.getoption("--quick") else request.getfixturevalue("sqlite_url")
    os.environ["DATABASE_URL"] = url
    yield url
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous
