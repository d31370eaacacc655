"""A real record never refers to a synthetic (demo) one.

Demo data hangs off sources of kind ``synthetic`` (``models_reference.Source.kind``).
A record is *real* when its own source is not synthetic. This module refuses,
at every ORM flush of any session, the writes that would tie real facts to demo
ones:

- a real ``Pokja`` (its ``source_id`` real) under a mandate whose source is synthetic;
- a real ``PokjaStageChange`` in the history of a Pokja under a synthetic mandate;
- a ``Pokja`` whose ``synthetic`` flag disagrees with its source (a demo record taken over by a
  real report, or the other way round), and a ``PokjaStageChange`` whose source is real and its
  Pokja demo, or the other way round (issue 20: a real stage saved from the news updated the demo
  record in place; a real fact makes a real record of its own);
- a ``KdmpStageChange`` whose source is real and its ``Kdmp``'s synthetic, or the other way
  round, and a ``Kdmp`` moved from a synthetic source to a real one or back (a desa's KDMP and its
  history are all demo or all real);
- a ``MeetingSource`` linking a real report to a synthetic meeting, or a
  synthetic report to a real meeting (the report and the meeting must agree).

The check runs in ``before_flush`` (``sqlalchemy.orm.SessionEvents``), so it
holds for the seed loader, the demo generator, imports and the news form alike,
and the caller's transaction is left to roll back: nothing is half-written.
Raises ``SyntheticReferenceError`` (a ``ValueError``) naming what was refused.
Installed by importing ``data_access.models`` (which ``data_access.engine`` does).
"""

from __future__ import annotations

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from data_access.models_kdmp import Kdmp, KdmpStageChange
from data_access.models_meetings import Meeting, MeetingSource
from data_access.models_pokja import Mandate, Pokja, PokjaStageChange
from data_access.models_reference import Source

MESSAGES = {
    "pokja_mandate": {
        "id": "Catatan nyata (Pokja {regency}) tidak boleh memakai mandat demo {mandate}. Pilih mandat yang nyata.",
        "en": "A real record (Pokja {regency}) may not use the demo mandate {mandate}. Choose a real mandate.",
    },
    "kdmp_history": {
        "id": "Laporan {report} tidak boleh masuk ke riwayat KDMP {record} desa {village}: "
              "data nyata dan data demo tidak boleh dicampur.",
        "en": "A {report} report may not join the {record} KDMP history of desa {village}: "
              "real and demo data are never mixed.",
    },
    "pokja_history": {
        "id": "Laporan {report} tidak boleh mengubah catatan Pokja {record} kab/kota {regency}: "
              "data nyata dan data demo tidak boleh dicampur.",
        "en": "A {report} report may not change the {record} Pokja record of kab/kota {regency}: "
              "real and demo data are never mixed.",
    },
    "meeting_source": {
        "id": "Laporan {report} tidak boleh dikaitkan dengan rapat {meeting} (#{meeting_id}): "
              "data nyata dan data demo tidak boleh dicampur.",
        "en": "Report {report} may not be linked to the {meeting} meeting #{meeting_id}: "
              "real and demo data are never mixed.",
    },
}
KIND_WORDS = {True: {"id": "demo", "en": "demo"}, False: {"id": "nyata", "en": "real"}}


class SyntheticReferenceError(ValueError):
    """A write that would make a real record refer to a synthetic one (or link the two)."""

    def __init__(self, rule: str, **values):
        self.rule, self.values = rule, values
        super().__init__(self.text("en"))

    def text(self, lang: str = "id") -> str:
        """The refusal in ``lang`` (``id`` or ``en``)."""
        lang = lang if lang in ("id", "en") else "id"
        values = {k: (KIND_WORDS[v][lang] if isinstance(v, bool) else v) for k, v in self.values.items()}
        return MESSAGES[self.rule][lang].format(**values)


def _synthetic(conn, source_id: int | None) -> bool:
    if source_id is None:
        return False
    return conn.execute(select(Source.kind).where(Source.id == source_id)).scalar() == "synthetic"


def _mandate(conn, mandate_id: int | None):
    """``(code, synthetic)`` of a mandate, or None when unknown."""
    if mandate_id is None:
        return None
    row = conn.execute(select(Mandate.code, Source.kind).join(Source, Source.id == Mandate.source_id)
                       .where(Mandate.id == mandate_id)).first()
    return None if row is None else (row[0], row[1] == "synthetic")


def _check_pokja(conn, regency: str, mandate_id: int | None, source_id: int | None) -> None:
    mandate = _mandate(conn, mandate_id)
    if mandate and mandate[1] and not _synthetic(conn, source_id):
        raise SyntheticReferenceError("pokja_mandate", regency=regency, mandate=mandate[0])


def _pokja_of(session: Session, conn, change: PokjaStageChange):
    pokja = session.identity_map.get(session.identity_key(Pokja, change.pokja_id)) if change.pokja_id else None
    if pokja is not None:
        return pokja.regency_code, pokja.mandate_id, pokja.synthetic
    return conn.execute(select(Pokja.regency_code, Pokja.mandate_id, Pokja.synthetic)
                        .where(Pokja.id == change.pokja_id)).first()


def check(session: Session) -> None:
    """Refuse the pending writes of ``session`` that tie real records to synthetic ones."""
    touched = [o for o in (*session.new, *session.dirty)
               if isinstance(o, (Pokja, PokjaStageChange, MeetingSource, Kdmp, KdmpStageChange))]
    if not touched:
        return
    conn = session.connection()
    for obj in touched:
        if isinstance(obj, Pokja):
            _check_pokja(conn, obj.regency_code, obj.mandate_id, obj.source_id)
            report = _synthetic(conn, obj.source_id)
            if bool(obj.synthetic) != report:
                raise SyntheticReferenceError("pokja_history", regency=obj.regency_code, report=report,
                                              record=bool(obj.synthetic))
        elif isinstance(obj, Kdmp):
            before = inspect(obj).attrs.source_id.history.deleted
            if before and before[0] is not None and _synthetic(conn, before[0]) != _synthetic(conn, obj.source_id):
                raise SyntheticReferenceError("kdmp_history", village=obj.village_code,
                                              report=_synthetic(conn, obj.source_id), record=_synthetic(conn, before[0]))
        elif isinstance(obj, KdmpStageChange):
            owner = conn.execute(select(Kdmp.village_code, Kdmp.source_id).where(Kdmp.id == obj.kdmp_id)).first()
            if owner is not None and _synthetic(conn, owner[1]) != _synthetic(conn, obj.source_id):
                raise SyntheticReferenceError("kdmp_history", village=owner[0], report=_synthetic(conn, obj.source_id),
                                              record=_synthetic(conn, owner[1]))
        elif isinstance(obj, PokjaStageChange):
            owner = _pokja_of(session, conn, obj)
            if owner is not None:
                _check_pokja(conn, owner[0], owner[1], obj.source_id)
                report = _synthetic(conn, obj.source_id)
                if owner[2] is not None and bool(owner[2]) != report:
                    raise SyntheticReferenceError("pokja_history", regency=owner[0], report=report,
                                                  record=bool(owner[2]))
        else:
            meeting_source = conn.execute(select(Meeting.source_id).where(Meeting.id == obj.meeting_id)).scalar()
            meeting_demo, report_demo = _synthetic(conn, meeting_source), _synthetic(conn, obj.source_id)
            if meeting_source is not None and meeting_demo != report_demo:
                raise SyntheticReferenceError("meeting_source", report=report_demo, meeting=meeting_demo,
                                              meeting_id=obj.meeting_id)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context, instances) -> None:
    check(session)
