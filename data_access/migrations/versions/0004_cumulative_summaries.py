"""cumulative cooperative summaries

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

The summaries become cumulative so a health figure reads one row per kab/kota, jenis and source:
``cooperative_registered`` holds the cooperatives registered by the end of each year (was: per
founding year, summed over every earlier year on each read) and ``cooperative_activity`` the
cooperatives active at each window (was: per run length, summed over longer runs on each read).
Both are keyed by ``source_id`` instead of a synthetic flag, so the provenance of the figures in
view is read from them too. The register gets an index in its display order. Derived tables, so
they are dropped, recreated and filled from the registry.
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table('cooperative_registered')
    op.drop_table('cooperative_activity')
    op.create_table('cooperative_activity',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('window_years', sa.Integer(), nullable=False),
    sa.Column('regency_code', sa.String(length=5), nullable=False),
    sa.Column('jenis', sa.String(length=20), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('cooperatives', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', 'window_years', 'regency_code', 'jenis', 'source_id',
                            name=op.f('pk_cooperative_activity'))
    )
    op.create_table('cooperative_registered',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('regency_code', sa.String(length=5), nullable=False),
    sa.Column('jenis', sa.String(length=20), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('cooperatives', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', 'regency_code', 'jenis', 'source_id', name=op.f('pk_cooperative_registered'))
    )
    op.create_index('ix_cooperative_regency_name', 'cooperative', ['regency_code', 'name', 'id'], unique=False)
    from data_access import cooperative_summaries
    cooperative_summaries.refresh(op.get_bind())


def downgrade() -> None:
    op.drop_index('ix_cooperative_regency_name', table_name='cooperative')
    op.drop_table('cooperative_registered')
    op.drop_table('cooperative_activity')
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
    _fill_first_form()


def _fill_first_form() -> None:
    """Fill the first-form tables as revision 0003's code did, from the registry (self-contained SQL)."""
    coop = sa.table('cooperative', sa.column('id'), sa.column('regency_code'), sa.column('jenis'),
                    sa.column('source_id'), sa.column('founded_on', sa.Date), sa.column('dissolved', sa.Boolean))
    rat = sa.table('cooperative_rat', sa.column('cooperative_id'), sa.column('year'), sa.column('run_length'))
    source = sa.table('source', sa.column('id'), sa.column('kind'))
    founded = sa.cast(sa.extract('year', coop.c.founded_on), sa.Integer)
    common = [coop.c.regency_code.label('regency_code'), sa.func.coalesce(coop.c.jenis, '').label('jenis'),
              (source.c.kind == 'synthetic').label('synthetic')]
    run = sa.case((rat.c.run_length >= 10, 10), else_=rat.c.run_length)
    rows = (sa.select(*common, rat.c.year.label('year'), run.label('run_length'))
            .select_from(coop.join(rat, rat.c.cooperative_id == coop.c.id).join(source, source.c.id == coop.c.source_id))
            .where(coop.c.dissolved.is_(False), sa.or_(coop.c.founded_on.is_(None), founded <= rat.c.year))
            .subquery())
    keys = [rows.c.year, rows.c.run_length, rows.c.regency_code, rows.c.jenis, rows.c.synthetic]
    activity = sa.table('cooperative_activity', *(sa.column(n) for n in (
        'year', 'run_length', 'regency_code', 'jenis', 'synthetic', 'cooperatives')))
    op.execute(sa.insert(activity).from_select([c.name for c in activity.c],
                                               sa.select(*keys, sa.func.count()).group_by(*keys)))
    rows = (sa.select(*common, sa.func.coalesce(founded, 0).label('founded_year'))
            .select_from(coop.join(source, source.c.id == coop.c.source_id))
            .where(coop.c.dissolved.is_(False)).subquery())
    keys = [rows.c.founded_year, rows.c.regency_code, rows.c.jenis, rows.c.synthetic]
    registered = sa.table('cooperative_registered', *(sa.column(n) for n in (
        'founded_year', 'regency_code', 'jenis', 'synthetic', 'cooperatives')))
    op.execute(sa.insert(registered).from_select([c.name for c in registered.c],
                                                 sa.select(*keys, sa.func.count()).group_by(*keys)))
