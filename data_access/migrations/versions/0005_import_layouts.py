"""meeting end date, the register's own status, jenis serba usaha

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

A meeting over several days ("18-20 Mei 2022") keeps its last day in ``meeting.ends_on``.
A cooperative keeps the national register's own status as the register's export gave it
(``register_status`` "Aktif"/"Non Aktif", ``register_nik_status``, ``register_grade``) and the
date it was imported (``register_status_on``), shown beside the status derived from RAT
history. ``serba_usaha`` (Koperasi Serba Usaha) joins the accepted jenis.
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

OLD_JENIS = "jenis IS NULL OR jenis IN ('produsen', 'pemasaran', 'konsumen', 'jasa', 'simpan_pinjam')"
NEW_JENIS = ("jenis IS NULL OR jenis IN ('produsen', 'pemasaran', 'konsumen', 'jasa', 'simpan_pinjam', "
             "'serba_usaha')")


def upgrade() -> None:
    with op.batch_alter_table('meeting') as batch:
        batch.add_column(sa.Column('ends_on', sa.Date(), nullable=True))
        batch.create_check_constraint(op.f('ck_meeting_ends_on'), 'ends_on IS NULL OR ends_on >= held_on')
    with op.batch_alter_table('cooperative') as batch:
        batch.add_column(sa.Column('register_status', sa.String(length=40), nullable=True))
        batch.add_column(sa.Column('register_nik_status', sa.String(length=60), nullable=True))
        batch.add_column(sa.Column('register_grade', sa.String(length=20), nullable=True))
        batch.add_column(sa.Column('register_status_on', sa.Date(), nullable=True))
        batch.drop_constraint(op.f('ck_cooperative_jenis'), type_='check')
        batch.create_check_constraint(op.f('ck_cooperative_jenis'), NEW_JENIS)


def downgrade() -> None:
    op.execute("UPDATE cooperative SET jenis = NULL WHERE jenis = 'serba_usaha'")
    with op.batch_alter_table('cooperative') as batch:
        batch.drop_constraint(op.f('ck_cooperative_jenis'), type_='check')
        batch.create_check_constraint(op.f('ck_cooperative_jenis'), OLD_JENIS)
        for column in ('register_status_on', 'register_grade', 'register_nik_status', 'register_status'):
            batch.drop_column(column)
    with op.batch_alter_table('meeting') as batch:
        batch.drop_constraint(op.f('ck_meeting_ends_on'), type_='check')
        batch.drop_column('ends_on')
