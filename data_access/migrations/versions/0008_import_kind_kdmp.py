"""import kind kdmp; reported KDMP figures of notarial deeds

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30

``import_batch.kind`` accepts ``kdmp`` (``data_access.imports.kinds.kdmp``); ``kdmp_figure.measure``
accepts ``notarial_deed`` (KDMP with their notarial deed, as news reports count them; saved from
the Ekstraksi page). Down removes the kdmp batches (their batch rows and audit links first; the
KDMP rows they wrote stay) and the ``notarial_deed`` figures.
"""

from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

KINDS = "'registry', 'counts', 'meetings', 'pokja', 'news'"
MEASURES = ("'musdesus_held', 'kdmp_formed', 'legal_entity', 'operational', 'satgas_regencies_formed', "
            "'satgas_regencies_missing', 'satgas_provinces_complete', 'satgas_province_formed'")


def _checks(kinds: str, measures: str) -> None:
    with op.batch_alter_table('import_batch') as batch:
        batch.drop_constraint(op.f('ck_import_batch_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_import_batch_kind'), f"kind IN ({kinds})")
    with op.batch_alter_table('kdmp_figure') as batch:
        batch.drop_constraint(op.f('ck_kdmp_figure_measure'), type_='check')
        batch.create_check_constraint(op.f('ck_kdmp_figure_measure'), f"measure IN ({measures})")


def upgrade() -> None:
    _checks(f"{KINDS}, 'kdmp'", f"{MEASURES}, 'notarial_deed'")


def downgrade() -> None:
    kdmp_batches = "SELECT id FROM import_batch WHERE kind = 'kdmp'"
    op.execute(f"DELETE FROM import_batch_row WHERE batch_id IN ({kdmp_batches})")
    op.execute(f"UPDATE audit_entry SET batch_id = NULL WHERE batch_id IN ({kdmp_batches})")
    op.execute("DELETE FROM import_batch WHERE kind = 'kdmp'")
    op.execute("DELETE FROM kdmp_figure WHERE measure = 'notarial_deed'")
    _checks(KINDS, MEASURES)
