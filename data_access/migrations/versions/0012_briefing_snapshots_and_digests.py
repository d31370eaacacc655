"""briefing snapshots, digest subscriptions and digest sends

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

Issue 23: ``briefing_snapshot`` (a frozen pack: its figures as JSON, the filters, the data version
and a hash of the figures), ``digest_subscription`` (who receives the weekly digest of which areas)
(``sections``: the pages the digest covers, comma-separated, all by default) and ``digest_send`` (every send, unique per subscription, ISO week and channel so a second run or a
second replica sends nothing new). See ``data_access.models_briefing``. Down drops the three tables.
"""

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('briefing_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=True),
    sa.Column('page', sa.String(length=40), nullable=False),
    sa.Column('query', sa.String(length=2000), nullable=False),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('data_version', sa.Integer(), nullable=False),
    sa.Column('figures_hash', sa.String(length=64), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_briefing_snapshot'))
    )
    op.create_table('digest_subscription',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('webhook_url', sa.String(length=1000), nullable=True),
    sa.Column('provinces', sa.String(length=400), nullable=False),
    sa.Column('sections', sa.String(length=200), server_default='rakor,pokja,merah-putih,koperasi', nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('hour', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('send_no_change', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('hour BETWEEN 0 AND 23', name=op.f('ck_digest_subscription_hour')),
    sa.CheckConstraint('weekday BETWEEN 0 AND 6', name=op.f('ck_digest_subscription_weekday')),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_digest_subscription_user_id_app_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_digest_subscription'))
    )
    with op.batch_alter_table('digest_subscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_digest_subscription_user_id'), ['user_id'], unique=False)
    op.create_table('digest_send',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('recipient', sa.String(length=1000), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('state', sa.Text(), nullable=False),
    sa.CheckConstraint("channel IN ('email', 'webhook')", name=op.f('ck_digest_send_channel')),
    sa.CheckConstraint("status IN ('sent', 'failed', 'no_change')", name=op.f('ck_digest_send_status')),
    sa.ForeignKeyConstraint(['subscription_id'], ['digest_subscription.id'], name=op.f('fk_digest_send_subscription_id_digest_subscription'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_digest_send')),
    sa.UniqueConstraint('subscription_id', 'period', 'channel', name=op.f('uq_digest_send_subscription_id'))
    )
    with op.batch_alter_table('digest_send', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_digest_send_subscription_id'), ['subscription_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('digest_send', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_digest_send_subscription_id'))
    op.drop_table('digest_send')
    with op.batch_alter_table('digest_subscription', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_digest_subscription_user_id'))
    op.drop_table('digest_subscription')
    op.drop_table('briefing_snapshot')
