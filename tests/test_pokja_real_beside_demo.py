"""A real Pokja fact never updates, extends or inherits a demo record (issue 20 point 2).

Every write path — the shared writer (``records.record_pokja_stage``: demo generator, seed), the
news form (``imports.news.save``), the Pokja import (``imports.commit``, which the CLI's ``import``
calls) — makes a real record of its own beside a demo one; queries then show the real one alone.
The guard refuses a demo record taken over by a real source. SQLite and PostgreSQL; migration 0011
sets the flag from each record's source and goes down and up.
"""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from data_access import auth, demo, imports, pokja, preparation, records
from data_access import engine as engine_module
from data_access import filters as flt
from data_access.demo_guard import SyntheticReferenceError
from data_access.models_pokja import Mandate, Pokja, PokjaStageChange
from data_access.models_reference import Source

PASSWORD = "kata-sandi-uji-123"
NTT_MANDATE = "MOU-NTT-2019-POKJA-PMI"


@pytest.fixture
def eng(prepared_db_url):
    engine = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    demo.generate(engine, "small")
    auth.add_user("ntt", role="editor", password=PASSWORD, province_code="53", actor="test", engine=engine)
    return engine


def _demo_pokja(eng) -> tuple[str, int, dict]:
    """A kab/kota of NTT whose only Pokja under the real NTT mandate is demo, with that record's fields."""
    with Session(eng) as s:
        mandate = s.scalar(select(Mandate.id).where(Mandate.code == NTT_MANDATE))
        row = s.scalars(select(Pokja).join(Source, Source.id == Pokja.source_id)
                        .where(Pokja.mandate_id == mandate, Source.kind == "synthetic")
                        .order_by(Pokja.regency_code)).first()
        assert row is not None and row.synthetic
        fields = {k: getattr(row, k) for k in ("id", "stage", "preparation_on", "formed_on", "source_id")}
        fields["history"] = s.scalar(select(func.count()).select_from(PokjaStageChange)
                                     .where(PokjaStageChange.pokja_id == row.id))
        return row.regency_code, mandate, fields


def _assert_real_beside_demo(eng, regency: str, mandate: int, demo_fields: dict, stage: str, on: dt.date) -> None:
    with Session(eng) as s:
        rows = s.scalars(select(Pokja).where(Pokja.regency_code == regency, Pokja.mandate_id == mandate)
                         .order_by(Pokja.synthetic)).all()
        assert [r.synthetic for r in rows] == [False, True]
        real, kept = rows
        assert {k: getattr(kept, k) for k in ("id", "stage", "preparation_on", "formed_on", "source_id")} == {
            k: v for k, v in demo_fields.items() if k != "history"}
        assert s.scalar(select(func.count()).select_from(PokjaStageChange)
                        .where(PokjaStageChange.pokja_id == kept.id)) == demo_fields["history"]
        assert real.stage == stage and s.get(Source, real.source_id).kind != "synthetic"
        assert real.preparation_on == (on if stage == "persiapan" else None)  # nothing inherited
        history = s.execute(select(PokjaStageChange.stage, PokjaStageChange.changed_on)
                            .where(PokjaStageChange.pokja_id == real.id)).all()
        assert history == [(stage, on)]
    shown = pokja.pokja_by_regency(flt.Filters(regencies=(regency,)), engine=eng)
    shown = shown[shown["mandate_code"] == NTT_MANDATE]
    assert len(shown) == 1 and shown.iloc[0]["source_kind"] != "synthetic"
    chart = pokja.stage_history(flt.Filters(), regency, engine=eng)
    chart = chart[chart["mandate_code"] == NTT_MANDATE]
    assert list(zip(chart["stage"], chart["changed_on"], strict=True)) == [(stage, on)]


def test_shared_writer_makes_a_real_record_beside_the_demo_one(eng):
    regency, mandate, kept = _demo_pokja(eng)
    with Session(eng) as s, s.begin():
        source = Source(key="uji:berita-pokja", kind="news", outlet="Pos Kupang")
        s.add(source)
        s.flush()
        records.record_pokja_stage(s, regency_code=regency, mandate_id=mandate, stage="persiapan",
                                   on=dt.date(2025, 2, 3), source_id=source.id)
    _assert_real_beside_demo(eng, regency, mandate, kept, "persiapan", dt.date(2025, 2, 3))


def test_news_save_makes_a_real_record_and_undo_leaves_the_demo_one(eng):
    from data_access.imports import news, news_item

    regency, mandate, kept = _demo_pokja(eng)
    item = news_item.NewsMeeting(
        title="Rakor Perlindungan PMI", held_on=dt.date(2025, 2, 10), province_code="53", regency_code=regency,
        outlet="pos-kupang.com", level="kabupaten_kota", sectors=["perlindungan_pmi"], regencies=[regency],
        url="https://pos-kupang.com/pokja-pmi-uji", published_on=dt.date(2025, 2, 11), text="…",
        stage=news_item.Stage(regency_code=regency, mandate_id=mandate, stage="persiapan", on=dt.date(2025, 2, 3)))
    saved = news.save(item, user="ntt", merge="new", engine=eng)
    assert saved.done, saved
    _assert_real_beside_demo(eng, regency, mandate, kept, "persiapan", dt.date(2025, 2, 3))
    assert imports.undo(saved.batch_id, user="ntt", engine=eng).done
    with Session(eng) as s:
        rows = s.scalars(select(Pokja).where(Pokja.regency_code == regency, Pokja.mandate_id == mandate)).all()
        assert [(r.id, r.synthetic, r.stage) for r in rows] == [(kept["id"], True, kept["stage"])]


def test_import_makes_a_real_record_beside_the_demo_one(eng):
    regency, mandate, kept = _demo_pokja(eng)
    csv = ("Kode wilayah;Mandat;Tahap;Tanggal;Sumber\n"
           f"{regency};{NTT_MANDATE};persiapan;03/02/2025;Pos Kupang\n").encode()
    report = imports.commit("pokja", csv, "tahap.csv", user="ntt", engine=eng)
    assert report.committed, report
    _assert_real_beside_demo(eng, regency, mandate, kept, "persiapan", dt.date(2025, 2, 3))


def test_guard_refuses_a_demo_record_taken_over_by_a_real_source(eng):
    regency, mandate, kept = _demo_pokja(eng)
    with pytest.raises(SyntheticReferenceError) as refused, Session(eng) as s, s.begin():
        source = Source(key="uji:ambil-alih", kind="news", outlet="Pos Kupang")
        s.add(source)
        s.flush()
        s.get(Pokja, kept["id"]).source_id = source.id
    assert regency in refused.value.text("id")
    with pytest.raises(SyntheticReferenceError), Session(eng) as s, s.begin():
        source = Source(key="uji:riwayat", kind="news", outlet="Pos Kupang")
        s.add(source)
        s.flush()
        s.add(PokjaStageChange(pokja_id=kept["id"], stage="terbentuk", changed_on=dt.date(2025, 3, 1),
                               source_id=source.id))
    with Session(eng) as s:
        assert s.get(Pokja, kept["id"]).source_id == kept["source_id"]


def test_0011_sets_the_flag_from_the_source_and_goes_down_and_up(eng):
    migration = importlib.import_module("data_access.migrations.versions.0011_pokja_synthetic")
    with eng.connect() as conn:
        expected = conn.execute(text("SELECT p.id FROM pokja p JOIN source s ON s.id = p.source_id "
                                     "WHERE s.kind = 'synthetic' ORDER BY p.id")).scalars().all()
    assert expected
    cfg = engine_module.alembic_config()
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, migration.down_revision)
    engine_module.migrate(eng)
    with eng.connect() as conn:
        flagged = conn.execute(select(Pokja.id).where(Pokja.synthetic.is_(True)).order_by(Pokja.id)).scalars().all()
    assert flagged == expected
