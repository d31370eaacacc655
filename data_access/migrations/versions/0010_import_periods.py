"""Reported figures keep a quarter's or a semester's precision; a KDMP may stand at a stage a listing stated

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

Issue 18: a figure read from a quarterly table (``2018-Q4``) is stored as of the quarter's last
day with ``as_of_precision = "quarter"`` (or ``"semester"``): the column is widened from 5 to 10
characters. Down narrows it back after turning quarter/semester precision into ``day`` (the
stored date is the period's last day, so nothing about the figure is lost but the label).

``kdmp.stage_listed_on``: a national listing (SIMKOPDES export) states that a desa's KDMP *is* at a
stage (legal entity) as of the export's date without giving the stage's own date (the SK AHU date).
The stage is then stored with ``stage_listed_on`` = the export's date and the stage's own date
column left empty — never an invented SK date — so the ``stage_dated`` check accepts either.
``import_format``: column mappings an official saved as a named format (who, when, the header
set it matches), offered when a file with the same headers comes again.

Down refuses while any record stands at a listed-only stage (it would need an invented date or a
deletion), naming the count: undo those imports first.
"""

import sqlalchemy as sa
from alembic import op

from data_access.migrations.sqlite_children import cascade_children_kept

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


STAGE_DATED = ("(stage <> 'musdesus' OR musdesus_on IS NOT NULL{extra})"
               " AND (stage <> 'akta_notaris' OR deed_on IS NOT NULL{extra})"
               " AND (stage <> 'sk_ahu' OR sk_ahu_on IS NOT NULL{extra})"
               " AND (stage <> 'operasional' OR operational_on IS NOT NULL{extra})")


def upgrade() -> None:
    with op.batch_alter_table("cooperative_count") as batch:
        batch.alter_column("as_of_precision", existing_type=sa.String(length=5), type_=sa.String(length=10),
                           existing_nullable=False)
    with cascade_children_kept("kdmp"), op.batch_alter_table("kdmp") as batch:
        batch.add_column(sa.Column("stage_listed_on", sa.Date(), nullable=True))
        batch.drop_constraint(op.f("ck_kdmp_stage_dated"), type_="check")
        batch.create_check_constraint("stage_dated", STAGE_DATED.format(extra=" OR stage_listed_on IS NOT NULL"))
    op.create_table(
        "import_format",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("headers", sa.Text(), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_format")),
        sa.UniqueConstraint("kind", "name", name=op.f("uq_import_format_kind")),
    )
    op.create_index(op.f("ix_import_format_signature"), "import_format", ["signature"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_import_format_signature"), table_name="import_format")
    op.drop_table("import_format")
    listed = op.get_bind().execute(sa.text(
        "SELECT count(*) FROM kdmp WHERE stage_listed_on IS NOT NULL")).scalar()
    if listed:
        raise RuntimeError(f"{listed} KDMP records stand at a listed stage without its own date; "
                           "undo the imports that brought them before downgrading")
    with cascade_children_kept("kdmp"), op.batch_alter_table("kdmp") as batch:
        batch.drop_constraint(op.f("ck_kdmp_stage_dated"), type_="check")
        batch.create_check_constraint("stage_dated", STAGE_DATED.format(extra=""))
        batch.drop_column("stage_listed_on")
    op.execute(sa.text("UPDATE cooperative_count SET as_of_precision = 'day' "
                       "WHERE as_of_precision IN ('quarter', 'semester')"))
    with op.batch_alter_table("cooperative_count") as batch:
        batch.alter_column("as_of_precision", existing_type=sa.String(length=10), type_=sa.String(length=5),
                           existing_nullable=False)
