"""Kesehatan Koperasi shows the register's own status (as the register reported it, dated)
beside the figure derived from RAT history, once a register export was imported; and the
queries behind it count straight from the register on both backends."""

from __future__ import annotations

import datetime as dt

import pytest

from data_access import auth, imports, preparation, register_status
from data_access import engine as engine_module
from data_access.filters import Filters
from tests.apptest_helpers import app
from tests.import_case_helpers import case, prepared_engine


@pytest.fixture
def own_db(prepared_sqlite_url, monkeypatch):
    url = prepared_sqlite_url
    engine = engine_module.get_engine(url)
    preparation.prepare_database(engine, with_demo=False)
    auth.add_user("editor", role="editor", password="kata-sandi-uji-123", actor="test", engine=engine)
    monkeypatch.setenv("DATABASE_URL", url)
    return engine


def test_register_status_beside_the_derived_figure(own_db):
    assert imports.commit("registry", case("f05_ods_register.csv"), "f05.csv", user="editor", engine=own_db).committed
    at = app("cooperatives", query={"prov": "53", "kab": "53.01"})
    assert not at.exception, at.exception
    table = next(d.value for d in at.dataframe if "Status Aktif (register)" in d.value.columns)
    # Kab. Kupang in the file: rows 1 and 5 Aktif, row 2 Non Aktif (row 3 refused: its NIK was mangled)
    assert dict(zip(table["Status Aktif (register)"], table["Koperasi"], strict=True)) == {"Aktif": "2",
                                                                                         "Non Aktif": "1"}
    captions = " ".join(c.value for c in at.caption)
    assert "3 dari 3 koperasi memiliki kurang dari 3 tahun RAT" in captions
    assert "riwayat RAT" in captions


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_register_queries_count_from_the_register(backend, tmp_path):
    from tests.conftest import _create_pg_database, _pg_server_url

    url = f"sqlite:///{tmp_path / 'q.sqlite'}" if backend == "sqlite" else _create_pg_database(_pg_server_url())
    eng = prepared_engine(url)
    assert imports.commit("registry", case("f05_ods_register.csv"), "f05.csv", user="editor", engine=eng).committed
    ntt = Filters(provinces=("53",))
    statuses = register_status.register_statuses(ntt, engine=eng)
    assert dict(zip(statuses["register_status"], statuses["cooperatives"], strict=True)) == {"Aktif": 3,
                                                                                             "Non Aktif": 1}
    assert set(statuses["first_reported_on"]) == {dt.date.today()}
    depth = register_status.rat_history_depth(ntt, engine=eng)
    assert dict(zip(depth["rat_years"], depth["cooperatives"], strict=True)) == {0: 1, 1: 3}
    assert register_status.register_statuses(Filters(provinces=("52",)), engine=eng).empty
