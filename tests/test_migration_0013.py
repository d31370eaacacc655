"""Migration 0013 (a month's figure kept as of the month's last day) moves month-precision figures and
only those, down and up again, on both backends."""

from __future__ import annotations

import datetime as dt
import importlib

from alembic import command
from sqlalchemy import select

from data_access import engine as engine_module
from data_access import preparation, records
from data_access.models_cooperatives import CooperativeCount
from data_access.models_reference import Source

MIGRATION = importlib.import_module("data_access.migrations.versions.0013_month_as_of_end")


def _as_of(eng) -> dict[str, dt.date]:
    with engine_module.session_scope(eng) as s:
        return {c.note: c.as_of for c in s.scalars(select(CooperativeCount).where(CooperativeCount.note.like("m13-%")))}


def test_0013_moves_month_figures_only(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    with engine_module.session_scope(eng) as s:
        source = Source(key="m13-test", kind="manual", outlet="uji", headline="uji", url=None, published_on=None,
                        author=None, note=None)
        s.add(source)
        s.flush()
        for note, area, as_of, precision in (("m13-feb", "53", dt.date(2024, 2, 29), "month"),
                                             ("m13-day", "53.01", dt.date(2024, 2, 29), "day"),
                                             ("m13-year", "53", dt.date(2023, 12, 31), "year"),
                                             ("m13-kept", "62", dt.date(2024, 3, 31), "month"),
                                             ("m13-first", "62", dt.date(2024, 3, 1), "day")):
            records.add_cooperative_count(s, area_code=area, as_of=as_of, source_id=source.id, total=10, active=5,
                                          inactive=5, precision=precision, note=note)
    cfg = engine_module.alembic_config()
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, MIGRATION.down_revision)
    # down: to the month's first day, except where a figure of that area and source already stands
    assert _as_of(eng) == {"m13-feb": dt.date(2024, 2, 1), "m13-day": dt.date(2024, 2, 29),
                           "m13-year": dt.date(2023, 12, 31), "m13-kept": dt.date(2024, 3, 31),
                           "m13-first": dt.date(2024, 3, 1)}
    engine_module.migrate(eng)
    assert _as_of(eng) == {"m13-feb": dt.date(2024, 2, 29), "m13-day": dt.date(2024, 2, 29),
                           "m13-year": dt.date(2023, 12, 31), "m13-kept": dt.date(2024, 3, 31),
                           "m13-first": dt.date(2024, 3, 1)}


def test_seed_month_facts_are_at_month_end(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    with engine_module.session_scope(eng) as s:
        months = s.scalars(select(CooperativeCount.as_of).where(CooperativeCount.as_of_precision == "month")).all()
    assert months and all((day + dt.timedelta(days=1)).day == 1 for day in months), months
