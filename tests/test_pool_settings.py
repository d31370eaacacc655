"""PostgreSQL pool settings from the environment, and a transaction-mode pooler's psycopg setting
(no server-side prepared statements) used for real."""

from __future__ import annotations

from sqlalchemy import text

from data_access import config
from data_access import engine as engine_module


def test_defaults_and_bounds(monkeypatch):
    for name in (config.POOL_SIZE_ENV, config.MAX_OVERFLOW_ENV, config.POOLER_ENV):
        monkeypatch.delenv(name, raising=False)
    assert config.postgres_pool() == {"pool_size": 5, "max_overflow": 5, "pool_pre_ping": True,
                                      "connect_args": {"connect_timeout": 5}}
    monkeypatch.setenv(config.POOL_SIZE_ENV, "3")
    monkeypatch.setenv(config.MAX_OVERFLOW_ENV, "oops")
    monkeypatch.setenv(config.POOLER_ENV, "Transaction")
    assert config.postgres_pool() == {"pool_size": 3, "max_overflow": 5, "pool_pre_ping": True,
                                      "connect_args": {"connect_timeout": 5, "prepare_threshold": None}}


def test_transaction_pooler_setting_prepares_nothing(postgresql_url, monkeypatch):
    monkeypatch.setenv(config.POOLER_ENV, "transaction")
    monkeypatch.setenv(config.POOL_SIZE_ENV, "2")
    url = postgresql_url + ("&" if "?" in postgresql_url else "?") + "application_name=pooler_test"
    engine = engine_module.get_engine(url)
    try:
        assert engine.pool.size() == 2
        with engine.connect() as conn:
            for _ in range(10):  # psycopg prepares from the 5th execution unless told not to
                conn.execute(text("SELECT COUNT(*) FROM province")).scalar()
            assert conn.connection.driver_connection.prepare_threshold is None
            assert conn.execute(text("SELECT COUNT(*) FROM pg_prepared_statements")).scalar() == 0
    finally:
        engine_module.dispose_all()
