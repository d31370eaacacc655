"""Migration 0012 (briefing snapshots, digest subscriptions and sends) goes down and up on both
backends; the data version does not move for a new snapshot (not a change of the facts)."""

from __future__ import annotations

import importlib

from alembic import command
from sqlalchemy import inspect, text

from data_access import data_version, preparation, snapshots
from data_access import engine as engine_module
from data_access import filters as flt

TABLES = {"briefing_snapshot", "digest_subscription", "digest_send"}
MIGRATION = importlib.import_module("data_access.migrations.versions.0012_briefing_snapshots_and_digests")


def test_0012_down_and_up(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    assert TABLES <= set(inspect(eng).get_table_names())
    before = data_version.current(eng)
    snapshots.create(flt.Filters(provinces=("53",)), engine=eng)
    assert data_version.current(eng) == before
    cfg = engine_module.alembic_config()
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, MIGRATION.down_revision)
    assert not TABLES & set(inspect(eng).get_table_names())
    engine_module.migrate(eng)
    assert TABLES <= set(inspect(eng).get_table_names())
    with eng.begin() as connection:  # a row written without ``sections`` covers every page
        connection.execute(text("INSERT INTO app_user (username, role, active, password_hash) "
                                "VALUES ('x', 'viewer', :yes, NULL)"), {"yes": True})
        connection.execute(text("INSERT INTO digest_subscription (user_id, email, provinces, weekday, hour, lang, "
                                "send_no_change, active) SELECT id, 'x@example.org', '', 0, 7, 'id', :yes, :yes "
                                "FROM app_user WHERE username = 'x'"), {"yes": True})
        stored = connection.execute(text("SELECT sections FROM digest_subscription")).scalar_one()
    assert stored == "rakor,pokja,merah-putih,koperasi"
