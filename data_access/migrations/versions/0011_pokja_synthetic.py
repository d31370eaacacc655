"""Pokja records carry whether they are demo; a real record never shares a row with a demo one

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

Issue 20 point 2: a real stage saved from the news for a kab/kota with a demo Pokja under the
same mandate updated the demo record in place (the real row then carried the demo dates and
history). ``pokja.synthetic`` (true when the record's source is synthetic) joins the natural key
``(regency_code, mandate_id, synthetic)``, so a real report makes a real record of its own
beside the demo one. Up sets the flag from each record's source; down refuses when a kab/kota has
both a real and a demo record under one mandate (the old key cannot hold both) — remove the demo
data first (``python -m data_access demo --scale <scale> --remove``).
"""

import sqlalchemy as sa
from alembic import op

from data_access.migrations.sqlite_children import cascade_children_kept


revision = '0011'
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with cascade_children_kept("pokja"), op.batch_alter_table("pokja") as batch:
        batch.add_column(sa.Column("synthetic", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute("UPDATE pokja SET synthetic = (source_id IN (SELECT id FROM source WHERE kind = 'synthetic'))")
    with cascade_children_kept("pokja"), op.batch_alter_table("pokja") as batch:
        batch.drop_constraint("uq_pokja_natural_key", type_="unique")
        batch.create_unique_constraint("uq_pokja_natural_key", ["regency_code", "mandate_id", "synthetic"])


def downgrade() -> None:
    both = op.get_bind().execute(sa.text(
        "SELECT count(*) FROM pokja r JOIN pokja d ON d.regency_code = r.regency_code "
        "AND d.mandate_id = r.mandate_id AND d.synthetic AND NOT r.synthetic")).scalar()
    if both:
        raise RuntimeError(f"{both} kab/kota hold a real and a demo Pokja under one mandate: "
                           "remove the demo data before downgrading below 0011")
    with cascade_children_kept("pokja"), op.batch_alter_table("pokja") as batch:
        batch.drop_constraint("uq_pokja_natural_key", type_="unique")
        batch.create_unique_constraint("uq_pokja_natural_key", ["regency_code", "mandate_id"])
        batch.drop_column("synthetic")
