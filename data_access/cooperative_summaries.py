"""Derived summary tables of the registry, rebuilt on write.

``cooperative_activity`` and ``cooperative_registered`` (see their models) hold
the registry already counted per kab/kota, jenis, provenance and year, so the
health figures (``cooperatives.health_by_area`` / ``health_by_jenis`` /
``trend_by_year``) read a few thousand summary rows instead of 200,000
cooperatives and 1.3 million RAT rows at national scale.

``refresh`` rebuilds both from scratch in the caller's transaction: two
``INSERT … SELECT … GROUP BY`` after a DELETE. Every writer of cooperatives or
RAT rows calls it: ``demo.generate`` / ``demo.remove``, the import commit and
undo of registry rows (``imports.apply``), and migration 0003 for a database
that existed before the tables did. Real facts (``real_facts.load``) add no
cooperatives, so an empty database's summaries are already right.
"""

from __future__ import annotations

from sqlalchemy import Integer, case, cast, delete, extract, func, insert, or_, select

from data_access.filters import MAX_WINDOW
from data_access.models import Cooperative, CooperativeActivity, CooperativeRat, CooperativeRegistered, Source

RUN_CAP = MAX_WINDOW  # a run of at least the largest window is stored as that window


def _founded_year():
    return cast(extract("year", Cooperative.founded_on), Integer)


def _registry_columns() -> list:
    return [
        Cooperative.regency_code.label("regency_code"),
        func.coalesce(Cooperative.jenis, "").label("jenis"),
        (Source.kind == "synthetic").label("synthetic"),
    ]


def activity_select():
    """Rows of ``cooperative_activity`` computed from ``cooperative`` and ``cooperative_rat``."""
    run = case((CooperativeRat.run_length >= RUN_CAP, RUN_CAP), else_=CooperativeRat.run_length)
    # grouped in an outer query over named columns: the same bound parameter twice (SELECT and
    # GROUP BY) is two different expressions to PostgreSQL
    rows = (
        select(*_registry_columns(), CooperativeRat.year.label("year"), run.label("run_length"))
        .select_from(Cooperative)
        .join(CooperativeRat, CooperativeRat.cooperative_id == Cooperative.id)
        .join(Source, Source.id == Cooperative.source_id)
        .where(Cooperative.dissolved.is_(False),
               or_(Cooperative.founded_on.is_(None), _founded_year() <= CooperativeRat.year))
        .subquery()
    )
    keys = [rows.c.year, rows.c.run_length, rows.c.regency_code, rows.c.jenis, rows.c.synthetic]
    return select(*keys, func.count()).group_by(*keys)


def registered_select():
    """Rows of ``cooperative_registered`` computed from ``cooperative``."""
    rows = (
        select(*_registry_columns(), func.coalesce(_founded_year(), 0).label("founded_year"))
        .select_from(Cooperative)
        .join(Source, Source.id == Cooperative.source_id)
        .where(Cooperative.dissolved.is_(False))
        .subquery()
    )
    keys = [rows.c.founded_year, rows.c.regency_code, rows.c.jenis, rows.c.synthetic]
    return select(*keys, func.count()).group_by(*keys)


def refresh(conn) -> None:
    """Rebuild both summary tables from the registry; ``conn`` is a Session or Connection (its transaction)."""
    conn.execute(delete(CooperativeActivity))
    conn.execute(delete(CooperativeRegistered))
    conn.execute(insert(CooperativeActivity).from_select(
        ["year", "run_length", "regency_code", "jenis", "synthetic", "cooperatives"], activity_select()))
    conn.execute(insert(CooperativeRegistered).from_select(
        ["founded_year", "regency_code", "jenis", "synthetic", "cooperatives"], registered_select()))
