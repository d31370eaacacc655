"""Derived summary tables of the registry, rebuilt on write.

``cooperative_registered`` and ``cooperative_activity`` (see their models) hold
the registry already counted per year, kab/kota, jenis and source — registered
by the end of each year, active at each window — so a health figure for one
year reads one summary row per kab/kota, jenis and source (a few thousand at
most) however many cooperatives and RAT rows the registry holds.

``refresh`` rebuilds both from scratch in the caller's transaction (DELETE, then
``INSERT … SELECT … GROUP BY``; ~6 s at national scale); ``refresh_regencies``
rebuilds only the rows of the kab/kota a write touched (~0.4 s for a few), the
same rows a full rebuild would give. Every writer of cooperatives or RAT rows
calls one of them: ``demo.generate`` / ``demo.remove`` and migration 0004 the
full one, the import commit and undo of registry rows (``imports.apply``) the
partial one. Real facts (``real_facts.load``) add no cooperatives, so an empty
database's summaries are already right.
"""

from __future__ import annotations

from sqlalchemy import Integer, case, cast, delete, extract, func, insert, literal, or_, select, true
from sqlalchemy.orm import aliased

from data_access.filters import MAX_WINDOW, Filters, area_clause, real_only_clause
from data_access.models_cooperatives import Cooperative, CooperativeActivity, CooperativeRat, CooperativeRegistered


def _founded_year():
    return cast(extract("year", Cooperative.founded_on), Integer)


def _registry_columns() -> list:
    return [Cooperative.regency_code.label("regency_code"), func.coalesce(Cooperative.jenis, "").label("jenis"),
            Cooperative.source_id.label("source_id")]


def integers(name: str, first: int, last: int):
    """A one-column table ``name(n)`` of ``first … last``: a recursive CTE (SQLite and PostgreSQL alike)."""
    numbers = select(literal(first, Integer).label("n")).cte(name, recursive=True)
    return numbers.union_all(select((numbers.c.n + 1).label("n")).where(numbers.c.n < last))


def _counted(rows, *keys: str):
    """``rows`` (a subquery) counted per ``keys``: grouped in an outer query over named columns, because the
    same bound parameter in SELECT and GROUP BY is two different expressions to PostgreSQL."""
    columns = [rows.c[k] for k in keys]
    return select(*columns, func.count().label("n")).group_by(*columns).subquery()


def _in_regencies(regency_codes: list[str] | None):
    return true() if regency_codes is None else Cooperative.regency_code.in_(regency_codes)


def activity_select(regency_codes: list[str] | None = None):
    """Rows of ``cooperative_activity`` (of these kab/kota only, when given): RAT rows per run length, then
    summed for every window they satisfy."""
    run = case((CooperativeRat.run_length >= MAX_WINDOW, MAX_WINDOW), else_=CooperativeRat.run_length)
    rows = (
        select(*_registry_columns(), CooperativeRat.year.label("year"), run.label("run_length"))
        .select_from(Cooperative)
        .join(CooperativeRat, CooperativeRat.cooperative_id == Cooperative.id)
        .where(Cooperative.dissolved.is_(False), _in_regencies(regency_codes),
               or_(Cooperative.founded_on.is_(None), _founded_year() <= CooperativeRat.year))
        .subquery()
    )
    per_run = _counted(rows, "year", "run_length", "regency_code", "jenis", "source_id")
    windows = integers("windows", 1, MAX_WINDOW)
    keys = [per_run.c.year, windows.c.n, per_run.c.regency_code, per_run.c.jenis, per_run.c.source_id]
    return (select(*keys, func.sum(per_run.c.n))
            .join_from(per_run, windows, per_run.c.run_length >= windows.c.n)
            .group_by(*keys))


def _founding_counts(regency_codes: list[str] | None = None):
    """Not-dissolved cooperatives per founding year (0: unknown), kab/kota, jenis and source."""
    rows = (
        select(*_registry_columns(), func.coalesce(_founded_year(), 0).label("founded_year"))
        .where(Cooperative.dissolved.is_(False), _in_regencies(regency_codes))
        .subquery()
    )
    return _counted(rows, "regency_code", "jenis", "source_id", "founded_year")


def stored_years(conn) -> tuple[int, int]:
    """First and last year ``cooperative_registered`` holds: the year before the earliest known founding
    to the latest; ``(0, 0)`` when no founding year is known (everyone then counts in every year)."""
    low, high = conn.execute(select(func.min(_founded_year()), func.max(_founded_year()))
                             .where(Cooperative.dissolved.is_(False))).one()
    return (0, 0) if low is None else (low - 1, high)


def registered_select(first: int, last: int, regency_codes: list[str] | None = None):
    """Rows of ``cooperative_registered`` for ``first … last`` (of these kab/kota only, when given):
    founding counts summed up to each year."""
    founding = _founding_counts(regency_codes)
    years = integers("years", first, last)
    keys = [years.c.n, founding.c.regency_code, founding.c.jenis, founding.c.source_id]
    return (select(*keys, func.sum(founding.c.n))
            .join_from(founding, years, founding.c.founded_year <= years.c.n)
            .group_by(*keys))


def refresh(conn) -> None:
    """Rebuild both summary tables from the registry; ``conn`` is a Session or Connection (its transaction)."""
    _rebuild(conn, None, stored_years(conn))


def refresh_regencies(conn, regency_codes, span_before: tuple[int, int]) -> None:
    """After a write that touched only the cooperatives (and RAT rows) of ``regency_codes``: rebuild just
    their summary rows — what a full ``refresh`` would write for them, since every summary row belongs to
    one kab/kota and is counted from that kab/kota's cooperatives alone.

    ``span_before`` is ``stored_years`` taken before the write. When the write moved the span of founding
    years, every kab/kota's registered rows change (they are stored for each year of the span), so the
    whole tables are rebuilt. Callers list every kab/kota a cooperative was in before or after the write.
    """
    span = stored_years(conn)
    if span != span_before:
        _rebuild(conn, None, span)
    elif regency_codes:
        _rebuild(conn, sorted(set(regency_codes)), span)


def _rebuild(conn, regency_codes: list[str] | None, span: tuple[int, int]) -> None:
    """``span``: ``stored_years`` of the registry as it is now."""
    for table in (CooperativeActivity, CooperativeRegistered):
        conn.execute(delete(table).where(true() if regency_codes is None else table.regency_code.in_(regency_codes)))
    conn.execute(insert(CooperativeActivity).from_select(
        ["year", "window_years", "regency_code", "jenis", "source_id", "cooperatives"],
        activity_select(regency_codes)))
    conn.execute(insert(CooperativeRegistered).from_select(
        ["year", "regency_code", "jenis", "source_id", "cooperatives"],
        registered_select(*span, regency_codes)))


def in_view(filters: Filters, table) -> list:
    """Rows of a summary table (``table``: ``CooperativeRegistered`` or ``CooperativeActivity``) in the
    filters' area and provenance; a province is the first two characters of the kab/kota code."""
    return [area_clause(filters, func.substr(table.regency_code, 1, 2), table.regency_code),
            real_only_clause(filters, table.source_id)]


def registered_in(filters: Filters, year: int) -> list:
    """``cooperative_registered`` rows giving the registry of ``year`` in the filters' view."""
    return [CooperativeRegistered.year == registered_year_key(year), *in_view(filters, CooperativeRegistered)]


def registered_year_key(year):
    """The stored ``cooperative_registered.year`` that holds the registry as of ``year`` (an SQL expression).

    ``year``: an int or an integer column. The latest stored year not after
    ``year`` (nobody was founded in between), else the first stored year
    (before it, only cooperatives with an unknown founding date count, and that
    row holds just them). Two index probes, over an alias so that a query of
    ``cooperative_registered`` itself does not correlate them with its rows.
    """
    stored = aliased(CooperativeRegistered)
    latest = select(func.max(stored.year)).where(stored.year <= year)
    first = select(func.min(stored.year))
    return func.coalesce(latest.scalar_subquery(), first.scalar_subquery())
