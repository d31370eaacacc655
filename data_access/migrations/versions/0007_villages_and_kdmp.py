"""kecamatan, desa/kelurahan and the Koperasi Merah Putih (KDMP)

Revision ID: 0007
Revises: 0004
Create Date: 2026-11-30

The gazetteer goes down to kecamatan (``district``) and desa/kelurahan (``village``); each desa's
Koperasi Desa/Kelurahan Merah Putih (``kdmp``) with its stage history (``kdmp_stage_change``) and
the figures published for the country or a province (``kdmp_figure``). Mandates get the programme
they belong to (migrant-worker Pokja, Satgas KDMP) and whether they bind every kab/kota. The
villages themselves are loaded by ``engine.prepare_database`` (``villages.load``) when the table
is empty, not here: a schema step stays quick and the seed file is read once.
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

STAGES = "'musdesus', 'akta_notaris', 'sk_ahu', 'operasional'"
MEASURES = ("'musdesus_held', 'kdmp_formed', 'legal_entity', 'operational', 'satgas_regencies_formed', "
            "'satgas_regencies_missing', 'satgas_provinces_complete', 'satgas_province_formed'")


def upgrade() -> None:
    # plain ADD COLUMN: a batch rebuild of ``mandate`` would trip SQLite's foreign keys from ``pokja``
    op.add_column('mandate', sa.Column('programme', sa.String(length=20), server_default='pokja_pmi',
                                       nullable=False))
    op.add_column('mandate', sa.Column('binds_every_regency', sa.Boolean(), server_default=sa.false(),
                                       nullable=False))
    op.create_table('district',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('regency_code', sa.String(length=5), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.CheckConstraint('substr(code, 1, 5) = regency_code', name=op.f('ck_district_code_in_regency')),
    sa.ForeignKeyConstraint(['regency_code'], ['regency.code'], name=op.f('fk_district_regency_code_regency')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_district'))
    )
    op.create_index(op.f('ix_district_regency_code'), 'district', ['regency_code'], unique=False)
    op.create_table('village',
    sa.Column('code', sa.String(length=13), nullable=False),
    sa.Column('district_code', sa.String(length=8), nullable=False),
    sa.Column('regency_code', sa.String(length=5), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.CheckConstraint("kind IN ('desa', 'kelurahan')", name=op.f('ck_village_kind')),
    sa.CheckConstraint('substr(code, 1, 8) = district_code', name=op.f('ck_village_code_in_district')),
    sa.CheckConstraint('substr(code, 1, 5) = regency_code', name=op.f('ck_village_code_in_regency')),
    sa.ForeignKeyConstraint(['district_code'], ['district.code'], name=op.f('fk_village_district_code_district')),
    sa.ForeignKeyConstraint(['regency_code'], ['regency.code'], name=op.f('fk_village_regency_code_regency')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_village'))
    )
    op.create_index(op.f('ix_village_district_code'), 'village', ['district_code'], unique=False)
    op.create_index('ix_village_regency_name', 'village', ['regency_code', 'name'], unique=False)
    op.create_table('kdmp',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_code', sa.String(length=13), nullable=False),
    sa.Column('district_code', sa.String(length=8), nullable=False),
    sa.Column('regency_code', sa.String(length=5), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=True),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('musdesus_on', sa.Date(), nullable=True),
    sa.Column('deed_on', sa.Date(), nullable=True),
    sa.Column('deed_number', sa.String(length=120), nullable=True),
    sa.Column('sk_ahu_on', sa.Date(), nullable=True),
    sa.Column('sk_ahu_number', sa.String(length=120), nullable=True),
    sa.Column('operational_on', sa.Date(), nullable=True),
    sa.Column('stage_changed_on', sa.Date(), nullable=False),
    sa.Column('has_outlet', sa.Boolean(), nullable=True),
    sa.Column('has_warehouse', sa.Boolean(), nullable=True),
    sa.Column('has_clinic', sa.Boolean(), nullable=True),
    sa.Column('has_savings_loans', sa.Boolean(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.CheckConstraint(f"stage IN ({STAGES})", name=op.f('ck_kdmp_stage')),
    sa.CheckConstraint("(stage <> 'musdesus' OR musdesus_on IS NOT NULL)"
                       " AND (stage <> 'akta_notaris' OR deed_on IS NOT NULL)"
                       " AND (stage <> 'sk_ahu' OR sk_ahu_on IS NOT NULL)"
                       " AND (stage <> 'operasional' OR operational_on IS NOT NULL)",
                       name=op.f('ck_kdmp_stage_dated')),
    sa.CheckConstraint('substr(village_code, 1, 5) = regency_code', name=op.f('ck_kdmp_village_in_regency')),
    sa.ForeignKeyConstraint(['district_code'], ['district.code'], name=op.f('fk_kdmp_district_code_district')),
    sa.ForeignKeyConstraint(['regency_code'], ['regency.code'], name=op.f('fk_kdmp_regency_code_regency')),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_kdmp_source_id_source')),
    sa.ForeignKeyConstraint(['village_code'], ['village.code'], name=op.f('fk_kdmp_village_code_village')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kdmp')),
    sa.UniqueConstraint('village_code', name=op.f('uq_kdmp_village_code'))
    )
    op.create_index('ix_kdmp_district_stage', 'kdmp', ['district_code', 'stage'], unique=False)
    op.create_index('ix_kdmp_regency_stage', 'kdmp', ['regency_code', 'stage', 'stage_changed_on'], unique=False)
    op.create_index(op.f('ix_kdmp_source_id'), 'kdmp', ['source_id'], unique=False)
    op.create_table('kdmp_stage_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kdmp_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.CheckConstraint(f"stage IN ({STAGES})", name=op.f('ck_kdmp_stage_change_stage')),
    sa.ForeignKeyConstraint(['kdmp_id'], ['kdmp.id'], name=op.f('fk_kdmp_stage_change_kdmp_id_kdmp'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_kdmp_stage_change_source_id_source')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kdmp_stage_change')),
    sa.UniqueConstraint('kdmp_id', 'stage', 'changed_on', name='uq_kdmp_stage_change_natural_key')
    )
    op.create_index(op.f('ix_kdmp_stage_change_kdmp_id'), 'kdmp_stage_change', ['kdmp_id'], unique=False)
    op.create_index(op.f('ix_kdmp_stage_change_source_id'), 'kdmp_stage_change', ['source_id'], unique=False)
    op.create_table('kdmp_figure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('area_code', sa.String(length=5), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=True),
    sa.Column('regency_code', sa.String(length=5), nullable=True),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('measure', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('of_total', sa.Integer(), nullable=True),
    sa.Column('approximate', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("level IN ('nasional', 'provinsi', 'kabupaten_kota')", name=op.f('ck_kdmp_figure_level')),
    sa.CheckConstraint(f"measure IN ({MEASURES})", name=op.f('ck_kdmp_figure_measure')),
    sa.CheckConstraint('value >= 0 AND (of_total IS NULL OR of_total >= 0)', name=op.f('ck_kdmp_figure_value')),
    sa.CheckConstraint("area_code = COALESCE(regency_code, province_code, '')",
                       name=op.f('ck_kdmp_figure_area_code')),
    sa.ForeignKeyConstraint(['province_code'], ['province.code'], name=op.f('fk_kdmp_figure_province_code_province')),
    sa.ForeignKeyConstraint(['regency_code'], ['regency.code'], name=op.f('fk_kdmp_figure_regency_code_regency')),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_kdmp_figure_source_id_source')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kdmp_figure')),
    sa.UniqueConstraint('area_code', 'as_of', 'measure', 'source_id', name='uq_kdmp_figure_natural_key')
    )
    op.create_index(op.f('ix_kdmp_figure_area_code'), 'kdmp_figure', ['area_code'], unique=False)
    op.create_index(op.f('ix_kdmp_figure_source_id'), 'kdmp_figure', ['source_id'], unique=False)


def downgrade() -> None:
    op.drop_table('kdmp_figure')
    op.drop_table('kdmp_stage_change')
    op.drop_table('kdmp')
    op.drop_table('village')
    op.drop_table('district')
    bind = op.get_bind()
    mandate = sa.table('mandate', sa.column('id'), sa.column('programme'))
    kdmp_mandates = sa.select(mandate.c.id).where(mandate.c.programme != 'pokja_pmi')
    pokja = sa.table('pokja', sa.column('id'), sa.column('mandate_id'))
    change = sa.table('pokja_stage_change', sa.column('pokja_id'))
    # the earlier schema has no programme: its task forces are the migrant-worker ones only
    bind.execute(sa.delete(change).where(change.c.pokja_id.in_(
        sa.select(pokja.c.id).where(pokja.c.mandate_id.in_(kdmp_mandates)))))
    bind.execute(sa.delete(pokja).where(pokja.c.mandate_id.in_(kdmp_mandates)))
    bind.execute(sa.delete(mandate).where(mandate.c.programme != 'pokja_pmi'))
    op.drop_column('mandate', 'binds_every_regency')
    op.drop_column('mandate', 'programme')
