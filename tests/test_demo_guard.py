"""A real record never refers to a synthetic one (data_access.demo_guard), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access import engine as engine_module
from data_access import preparation, records
from data_access.demo_guard import SyntheticReferenceError
from data_access.models_meetings import Meeting, MeetingSource
from data_access.models_pokja import Mandate, Pokja, PokjaStageChange
from data_access.models_reference import Regency, Source


@pytest.fixture
def eng(empty_db_url):
    return preparation.prepare_database(engine_module.get_engine(empty_db_url), with_demo=True)


def _source(session: Session, kind: str, key: str) -> int:
    source = Source(key=key, kind=kind, outlet=f"outlet {key}")
    session.add(source)
    session.flush()
    return source.id


def _demo_mandate(session: Session) -> Mandate:
    return session.scalars(select(Mandate).join(Source, Source.id == Mandate.source_id)
                           .where(Source.kind == "synthetic")).first()


def _real_mandate(session: Session) -> Mandate:
    return session.scalars(select(Mandate).join(Source, Source.id == Mandate.source_id)
                           .where(Source.kind != "synthetic")).first()


def _free_regency(session: Session, mandate_id: int) -> str:
    taken = select(Pokja.regency_code).where(Pokja.mandate_id == mandate_id)
    return session.scalar(select(Regency.code).where(Regency.code.not_in(taken)).order_by(Regency.code))


def test_real_pokja_under_demo_mandate_refused(eng):
    with Session(eng) as s:
        before = s.scalar(select(func.count()).select_from(PokjaStageChange))
        mandate = _demo_mandate(s)
        assert mandate is not None
        regency = _free_regency(s, mandate.id)
    with pytest.raises(SyntheticReferenceError) as refused, Session(eng) as s, s.begin():
        real = _source(s, "news", "guard:real-report")
        records.record_pokja_stage(s, regency_code=regency, mandate_id=mandate.id, stage="persiapan",
                                   on=dt.date(2024, 3, 1), source_id=real)
    assert mandate.code in refused.value.text("id") and "demo" in refused.value.text("id")
    with Session(eng) as s:  # the transaction rolled back: nothing half-written
        assert s.scalar(select(func.count()).select_from(PokjaStageChange)) == before
        assert s.scalar(select(func.count()).select_from(Source).where(Source.key == "guard:real-report")) == 0


def test_real_stage_change_on_demo_mandate_pokja_refused(eng):
    with Session(eng) as s:
        demo_pokja = s.scalars(select(Pokja).join(Mandate, Mandate.id == Pokja.mandate_id)
                               .join(Source, Source.id == Mandate.source_id)
                               .where(Source.kind == "synthetic")).first()
        pokja_id = demo_pokja.id
    with pytest.raises(SyntheticReferenceError), Session(eng) as s, s.begin():
        real = _source(s, "manual", "guard:manual")
        s.add(PokjaStageChange(pokja_id=pokja_id, stage="terbentuk", changed_on=dt.date(2024, 5, 1), source_id=real))


def test_demo_pokja_under_demo_mandate_and_real_under_real_allowed(eng):
    with Session(eng) as s, s.begin():
        demo_mandate, real_mandate = _demo_mandate(s), _real_mandate(s)
        synthetic = _source(s, "synthetic", "synthetic:guard")
        real = _source(s, "news", "guard:real-ok")
        records.record_pokja_stage(s, regency_code=_free_regency(s, demo_mandate.id), mandate_id=demo_mandate.id,
                                   stage="persiapan", on=dt.date(2024, 1, 2), source_id=synthetic)
        records.record_pokja_stage(s, regency_code=_free_regency(s, real_mandate.id), mandate_id=real_mandate.id,
                                   stage="persiapan", on=dt.date(2024, 1, 2), source_id=real)


@pytest.mark.parametrize("meeting_kind,report_kind", [("synthetic", "news"), ("news", "synthetic")])
def test_meeting_report_of_the_other_kind_refused(eng, meeting_kind, report_kind):
    with Session(eng) as s:
        meeting_id = s.scalar(select(Meeting.id).join(Source, Source.id == Meeting.source_id)
                              .where((Source.kind == "synthetic") == (meeting_kind == "synthetic"))
                              .order_by(Meeting.id))
    with pytest.raises(SyntheticReferenceError), Session(eng) as s, s.begin():
        report = _source(s, report_kind, f"{report_kind}:guard-report")
        s.add(MeetingSource(meeting_id=meeting_id, source_id=report))
    with Session(eng) as s:
        assert s.scalar(select(func.count()).select_from(MeetingSource)
                        .where(MeetingSource.meeting_id == meeting_id)) == 0


def test_real_report_of_real_meeting_allowed(eng):
    with Session(eng) as s, s.begin():
        meeting_id = s.scalar(select(Meeting.id).join(Source, Source.id == Meeting.source_id)
                              .where(Source.kind != "synthetic").order_by(Meeting.id))
        s.add(MeetingSource(meeting_id=meeting_id, source_id=_source(s, "news", "guard:second-report")))


def test_import_of_a_real_stage_under_a_demo_mandate_is_refused_whole(eng, tmp_path):
    """The registry/Pokja import path: the guard refuses the write and nothing of the file is kept."""
    from data_access import auth, imports
    from data_access.demo_guard import SyntheticReferenceError

    auth.add_user("penyunting", role="editor", password="kata-sandi-uji-123", actor="test", engine=eng)
    with Session(eng) as s:
        code = _demo_mandate(s).code
        before = s.scalar(select(func.count()).select_from(PokjaStageChange))
    csv = ("Kabupaten/Kota;Provinsi;Mandat;Tahap;Tanggal;Sumber\n"
           f"Kabupaten Belu;Nusa Tenggara Timur;{code};persiapan;01/03/2024;Pos Kupang\n").encode()
    with pytest.raises(SyntheticReferenceError):
        imports.commit("pokja", csv, "tahap.csv", user="penyunting", engine=eng)
    with Session(eng) as s:
        assert s.scalar(select(func.count()).select_from(PokjaStageChange)) == before
        assert s.scalar(select(func.count()).select_from(Source).where(Source.outlet == "Pos Kupang")) == 0
