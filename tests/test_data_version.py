"""The data version rises once in every writing transaction, on both backends, and never
otherwise: a page's write, an import and its undo, a demo build (COPY on PostgreSQL), a
migration. Expected values are counted here (one per committed writing transaction)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from data_access import auth, data_version, demo, imports, preparation
from data_access import engine as engine_module
from tests.fault_helpers import PASSWORD, counts_csv


@pytest.fixture
def prepared(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    yield eng
    eng.dispose()


def test_a_fresh_database_starts_at_one_and_the_migration_counted(empty_db_url):
    eng = engine_module.get_engine(empty_db_url)
    engine_module.migrate(eng)
    # the migration's transaction wrote (DDL + the row itself): raised on its commit
    assert data_version.current(eng) == 2


def test_each_writing_transaction_raises_it_by_one(prepared):
    start = data_version.current(prepared)
    with engine_module.session_scope(prepared) as session:
        session.execute(text("UPDATE source SET outlet = outlet WHERE id = 1"))
        session.execute(text("UPDATE source SET outlet = outlet WHERE id = 1"))
    assert data_version.current(prepared) == start + 1
    with prepared.begin() as conn:
        conn.execute(text("DELETE FROM meeting_source WHERE meeting_id = -1"))
    assert data_version.current(prepared) == start + 2


def test_reads_rollbacks_and_sign_in_counters_leave_it(prepared):
    start = data_version.current(prepared)
    with engine_module.session_scope(prepared) as session:
        session.execute(text("SELECT COUNT(*) FROM meeting")).scalar()
    with pytest.raises(RuntimeError), engine_module.session_scope(prepared) as session:
        session.execute(text("UPDATE source SET outlet = 'x' WHERE id = 1"))
        raise RuntimeError("rolled back")
    with prepared.begin() as conn:
        conn.execute(text("INSERT INTO sign_in_throttle (kind, key, failures, last_failure_at) "
                          "VALUES ('account', 'x', 1, CURRENT_TIMESTAMP)"))
    assert data_version.current(prepared) == start
    with prepared.begin() as conn:  # the rolled-back note did not leak into the next transaction
        conn.execute(text("SELECT 1"))
    assert data_version.current(prepared) == start


def test_import_undo_and_demo_build_raise_it(prepared):
    auth.add_user("editor", role="editor", password=PASSWORD, actor="test", engine=prepared)
    start = data_version.current(prepared)
    report = imports.commit("counts", counts_csv([("53.04", "2024-06-30", 321)]), "angka.csv",
                            user="editor", engine=prepared)
    assert report.committed
    after_import = data_version.current(prepared)
    assert after_import > start
    assert imports.undo(report.batch_id, user="editor", engine=prepared).done
    after_undo = data_version.current(prepared)
    assert after_undo > after_import
    demo.generate(prepared, "small")  # COPY on PostgreSQL: noted by bulk, not by the execute hook
    assert data_version.current(prepared) > after_undo


@pytest.mark.parametrize("statement, writes", [
    ("SELECT 1", False),
    ("  insert into meeting (id) values (1)", True),
    ("INSERT OR REPLACE INTO cooperative VALUES (1)", True),
    ('UPDATE "sign_in_throttle" SET failures = 2', False),
    ("UPDATE data_version SET version = version + 1", False),
    ("DELETE FROM audit_entry", True),
    ("CREATE INDEX ix ON meeting (held_on)", True),
    ("WITH x AS (SELECT 1) SELECT * FROM x", False),
    ("WITH gone AS (DELETE FROM meeting RETURNING id) SELECT COUNT(*) FROM gone", True),
    ("ANALYZE", False),
    ("PRAGMA foreign_keys=ON", False),
])
def test_is_write(statement, writes):
    assert data_version.is_write(statement) is writes
