"""cooperative summaries

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

Derived tables ``cooperative_activity`` and ``cooperative_registered`` (the registry counted
per kab/kota, jenis, provenance and year) in their first form. Migration 0004 gives them their
present form and fills them from the existing rows (a migration must not call today's
``cooperative_summaries.refresh`` against an older schema).
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cooperative_activity',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('run_length', sa.Integer(), nullable=False),
    sa.Column('regency_code', sa.String(length=5), nullable=False),
    sa.Column('jenis', sa.String(length=20), nullable=False),
    sa.Column('synthetic', sa.Boolean(), nullable=False),
    sa.Column('cooperatives', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', 'run_length', 'regency_code', 'jenis', 'synthetic',
                            name=op.f('pk_cooperative_activity'))
    )
    op.create_table('cooperative_registered',
    sa.Column('founded_year', sa.Integer(), nullable=False),
    sa.Column('regency_code', sa.String(length=5), nullable=False),
    sa.Column('jenis', sa.String(length=20), nullable=False),
    sa.Column('synthetic', sa.Boolean(), nullable=False),
    sa.Column('cooperatives', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('founded_year', 'regency_code', 'jenis', 'synthetic',
                            name=op.f('pk_cooperative_registered'))
    )


def downgrade() -> None:
    op.drop_table('cooperative_registered')
    op.drop_table('cooperative_activity')
