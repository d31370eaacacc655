"""A figure reported for a month is kept as of the month's last day

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05

Issue 18 rule 6: a period's as-of is the period's end (a quarter's, a semester's and a year's
already were). Figures with ``as_of_precision = "month"`` were stored on the month's first day;
up moves each to the month's last day ("Mei 2016": 2016-05-01 → 2016-05-31), down moves them back
to the first. The month shown ("Mei 2016") and the year a figure counts for do not change. Only
``cooperative_count`` stores a precision. A figure whose move would land on a figure of the same
area and source already stored on that day (unique key) stays where it is, never merged or lost.
"""

import calendar
import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = "0012"
branch_labels = None
depends_on = None

_COUNTS = sa.table("cooperative_count", sa.column("id", sa.Integer), sa.column("as_of", sa.Date),
                   sa.column("as_of_precision", sa.String), sa.column("area_code", sa.String),
                   sa.column("source_id", sa.Integer))


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _move(to_day) -> None:
    bind = op.get_bind()
    c = _COUNTS.c
    rows = bind.execute(sa.select(c.id, c.as_of, c.area_code, c.source_id).where(c.as_of_precision == "month")).all()
    for row_id, as_of, area_code, source_id in rows:
        as_of = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(str(as_of))
        moved = to_day(as_of)
        taken = bind.execute(sa.select(sa.func.count()).select_from(_COUNTS).where(
            c.area_code == area_code, c.source_id == source_id, c.as_of == moved)).scalar()
        if moved != as_of and not taken:
            bind.execute(sa.update(_COUNTS).where(c.id == row_id).values(as_of=moved))


def upgrade() -> None:
    _move(_month_end)


def downgrade() -> None:
    _move(lambda day: day.replace(day=1))
