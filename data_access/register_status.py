"""The national register's own status of the cooperatives in view, as the register reported it,
and how much RAT history stands behind the status the dashboard derives.

The two differ and are kept apart: the dashboard's "active" is derived from RAT history
(RAT in each of the N years up to the year in view, Permen KUKM 25/2015); the register's
``Status Aktif`` is the register's own judgement, stored as written on the day its export
was imported (``Cooperative.register_status_on``). Neither is used to correct the other.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from data_access import filters as flt
from data_access.cooperative_register import scope_clause
from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.models_cooperatives import Cooperative, CooperativeRat

STATUS_COLUMNS = ["register_status", "cooperatives", "first_reported_on", "last_reported_on"]
HISTORY_COLUMNS = ["rat_years", "cooperatives"]


def register_statuses(filters: flt.Filters, engine: Engine | None = None) -> pd.DataFrame:
    """Cooperatives in view per status the register gave them (text as written), with the dates
    the register reported it. Only cooperatives whose register export carried a status.
    Columns: ``STATUS_COLUMNS`` (dates are ``datetime.date``)."""
    stmt = (select(Cooperative.register_status, func.count(), func.min(Cooperative.register_status_on),
                   func.max(Cooperative.register_status_on))
            .where(*scope_clause(filters), Cooperative.register_status.is_not(None))
            .group_by(Cooperative.register_status).order_by(func.count().desc(), Cooperative.register_status))
    with (engine or get_engine()).connect() as conn:
        return read_frame(conn, stmt, STATUS_COLUMNS)


def rat_history_depth(filters: flt.Filters, engine: Engine | None = None) -> pd.DataFrame:
    """How many cooperatives in view have 0, 1, 2 … years of RAT on record (aggregated in SQL):
    the derived rule can judge a cooperative only once it has N years of history.
    Columns: ``HISTORY_COLUMNS``."""
    per = (select(Cooperative.id, func.count(CooperativeRat.year).label("years"))
           .outerjoin(CooperativeRat, CooperativeRat.cooperative_id == Cooperative.id)
           .where(*scope_clause(filters)).group_by(Cooperative.id).subquery())
    stmt = select(per.c.years, func.count()).group_by(per.c.years).order_by(per.c.years)
    with (engine or get_engine()).connect() as conn:
        return read_frame(conn, stmt, HISTORY_COLUMNS)
