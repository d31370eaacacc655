"""data version and sign-in limits

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-30

``data_version`` holds one row whose ``version`` every writing transaction raises
(``data_access.data_version``), so every server process keys its cached figures by it.
``sign_in_throttle`` counts failed sign-ins per account and per client address, so the
limit holds across sessions and processes.
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    data_version = op.create_table('data_version',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_data_version_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_version'))
    )
    op.bulk_insert(data_version, [{'id': 1, 'version': 1}])
    op.create_table('sign_in_throttle',
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', sa.DateTime(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.CheckConstraint("kind IN ('account', 'address')", name=op.f('ck_sign_in_throttle_kind')),
    sa.PrimaryKeyConstraint('kind', 'key', name=op.f('pk_sign_in_throttle'))
    )


def downgrade() -> None:
    op.drop_table('sign_in_throttle')
    op.drop_table('data_version')
