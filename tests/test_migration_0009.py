"""Migration 0009 (KDMP funnel indexes with the source) goes down and up on both backends, and the
funnel's count reads the covering index alone on SQLite."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from data_access import engine as engine_module
from data_access import filters as flt
from data_access import kdmp, preparation


def _kdmp_indexes(eng) -> dict[str, list[str]]:
    return {i["name"]: i["column_names"] for i in inspect(eng).get_indexes("kdmp") if i["name"].endswith("_stage")}


def test_0009_down_and_up(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    assert _kdmp_indexes(eng) == {
        "ix_kdmp_regency_stage": ["regency_code", "stage", "source_id", "stage_changed_on"],
        "ix_kdmp_district_stage": ["district_code", "stage", "source_id", "stage_changed_on"]}
    before = kdmp.funnel(flt.Filters(), "kabupaten_kota", engine=eng)
    cfg = engine_module.alembic_config()
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0008")
    assert _kdmp_indexes(eng) == {"ix_kdmp_regency_stage": ["regency_code", "stage", "stage_changed_on"],
                                  "ix_kdmp_district_stage": ["district_code", "stage"]}
    engine_module.migrate(eng)
    assert len(_kdmp_indexes(eng)["ix_kdmp_regency_stage"]) == 4
    assert kdmp.funnel(flt.Filters(), "kabupaten_kota", engine=eng).equals(before)


def test_funnel_count_reads_the_covering_index(sqlite_url):
    """SQLite's plan for the per kab/kota count: the index alone, no look-up of each record."""
    eng = engine_module.get_engine(sqlite_url)
    statements = []

    from sqlalchemy import event

    def keep(conn, cursor, statement, parameters, context, executemany):
        if "GROUP BY" in statement and "FROM kdmp" in statement:
            statements.append((statement, parameters))

    event.listen(eng, "before_cursor_execute", keep)
    try:
        kdmp.funnel(flt.Filters(), "kabupaten_kota", engine=eng)
    finally:
        event.remove(eng, "before_cursor_execute", keep)
    (statement, parameters), = statements
    with eng.connect() as conn:
        plan = " ".join(row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
    assert "COVERING INDEX ix_kdmp_regency_stage" in plan, plan
