"""Reported figures keep a quarter's or a semester's precision

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

Issue 18: a figure read from a quarterly table (``2018-Q4``) is stored as of the quarter's last
day with ``as_of_precision = "quarter"`` (or ``"semester"``): the column is widened from 5 to 10
characters. Down narrows it back after turning quarter/semester precision into ``day`` (the
stored date is the period's last day, so nothing about the figure is lost but the label).
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cooperative_count") as batch:
        batch.alter_column("as_of_precision", existing_type=sa.String(length=5), type_=sa.String(length=10),
                           existing_nullable=False)


def downgrade() -> None:
    op.execute(sa.text("UPDATE cooperative_count SET as_of_precision = 'day' "
                       "WHERE as_of_precision IN ('quarter', 'semester')"))
    with op.batch_alter_table("cooperative_count") as batch:
        batch.alter_column("as_of_precision", existing_type=sa.String(length=10), type_=sa.String(length=5),
                           existing_nullable=False)
