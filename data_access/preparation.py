"""First-start preparation: migrate, then fill an empty database.

``prepare_database`` is what the app calls on start: it runs the Alembic migrations to head and,
when the database is empty, loads the gazetteer and the real facts (plus small demo data for the
embedded SQLite default), so a fresh clone needs no manual step. It lives above ``engine`` (which
the loaders use), so the import graph has no cycle (issue 24).
"""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from data_access import config, demo, gazetteer, kdmp_facts, real_facts, villages
from data_access.engine import analyze, get_engine, migrate, session_scope
from data_access.models_reference import Province


def prepare_database(engine: Engine | None = None, *, with_demo: bool | None = None) -> Engine:
    """Migrate, and fill an empty database with gazetteer + real facts (+ demo).

    The kecamatan and desa/kelurahan are loaded whenever their table is empty (also into a
    database that predates them), once, with the real KDMP facts (``kdmp_facts``); later starts
    only check that the table has a row.
    """
    engine = engine or get_engine()
    migrate(engine)
    with session_scope(engine) as session:
        empty = session.scalar(select(func.count()).select_from(Province)) == 0
        if empty:
            gazetteer.load(session)
        villages_added = villages.ensure_loaded(session)[1]
        if empty:
            real_facts.load(session)
        if villages_added:
            kdmp_facts.load(session)
    if villages_added and not empty:
        analyze(engine)  # an upgraded database: the planner learns the new tables' sizes
    if empty:
        if with_demo is None:
            with_demo = config.is_embedded_default()
        if with_demo:
            demo.generate(engine, scale="small")
    return engine
