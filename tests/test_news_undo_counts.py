"""A news report that moves a real Pokja on is one changed row: the batch, its undo and Riwayat say
"1 baris berubah dipulihkan", not 0 (issue 20 point 9). SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import auth, imports, preparation
from data_access import engine as engine_module
from data_access.imports import news, news_item
from data_access.models_pokja import Pokja
from data_access.models_reference import Source
from data_access.models_users import ImportBatch


def test_a_stage_on_a_real_pokja_is_counted_and_restored_as_changed(prepared_db_url):
    eng = preparation.prepare_database(engine_module.get_engine(prepared_db_url), with_demo=False)
    auth.add_user("ntt", role="editor", password="kata-sandi-uji-123", province_code="53", actor="test", engine=eng)
    with Session(eng) as s:
        pokja = s.scalars(select(Pokja).join(Source, Source.id == Pokja.source_id)
                          .where(Source.kind != "synthetic", Pokja.regency_code.like("53.%"),
                                 Pokja.stage != "terbentuk").order_by(Pokja.regency_code)).first()
        assert pokja is not None
        regency, mandate, stage_before = pokja.regency_code, pokja.mandate_id, pokja.stage
    item = news_item.NewsMeeting(
        title="Rakor Perlindungan PMI", held_on=dt.date(2025, 6, 10), province_code="53", regency_code=regency,
        outlet="pos-kupang.com", level="kabupaten_kota", sectors=["perlindungan_pmi"], regencies=[regency],
        url="https://pos-kupang.com/pokja-terbentuk-uji", published_on=dt.date(2025, 6, 11), text="…",
        stage=news_item.Stage(regency_code=regency, mandate_id=mandate, stage="terbentuk", on=dt.date(2025, 6, 1),
                              sk_number="12/KEP/2025"))
    saved = news.save(item, user="ntt", merge="new", engine=eng)
    assert saved.done, saved
    with Session(eng) as s:
        batch = s.get(ImportBatch, saved.batch_id)
        assert (batch.rows_new, batch.rows_changed) == (1, 1)  # the meeting new, the Pokja changed
    undone = imports.undo(saved.batch_id, user="ntt", engine=eng)
    assert undone.done and undone.rows_changed == 1
    assert "1 baris berubah" in undone.to_text("id")
    with Session(eng) as s:
        assert s.scalar(select(Pokja.stage).where(Pokja.regency_code == regency, Pokja.mandate_id == mandate,
                                                  Pokja.synthetic.is_(False))) == stage_before
