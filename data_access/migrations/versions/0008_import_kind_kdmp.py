"""import kind kdmp: per-desa Koperasi Merah Putih lists

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30

``import_batch.kind`` accepts ``kdmp`` (``data_access.imports.kinds.kdmp``). Down refuses
nothing: the kdmp batches (and their batch rows) are removed first, the KDMP rows they wrote stay.
"""

from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

OLD = "kind IN ('registry', 'counts', 'meetings', 'pokja', 'news')"
NEW = "kind IN ('registry', 'counts', 'meetings', 'pokja', 'news', 'kdmp')"


def upgrade() -> None:
    with op.batch_alter_table('import_batch') as batch:
        batch.drop_constraint(op.f('ck_import_batch_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_import_batch_kind'), NEW)


def downgrade() -> None:
    op.execute("DELETE FROM import_batch_row WHERE batch_id IN (SELECT id FROM import_batch WHERE kind = 'kdmp')")
    op.execute("UPDATE audit_entry SET batch_id = NULL WHERE batch_id IN (SELECT id FROM import_batch WHERE kind = 'kdmp')")
    op.execute("DELETE FROM import_batch WHERE kind = 'kdmp'")
    with op.batch_alter_table('import_batch') as batch:
        batch.drop_constraint(op.f('ck_import_batch_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_import_batch_kind'), OLD)
