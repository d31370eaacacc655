"""The Pokja / Satgas rules: who is mandated, the stage ranks, what is overdue, and the SQL building
blocks that apply them for the queries of ``data_access.pokja``.

A ``Mandate`` obliges regencies to form a Pokja; a ``Pokja`` row is one
regency's task force under one mandate at its current stage, and
``PokjaStageChange`` holds every reported stage with its date and source.

Who is mandated (the denominator), and the data-honesty rule
--------------------------------------------------------------
- A mandate naming a province (the 2019 MOU of the Governor of NTT with every
  bupati/wali kota: ``province_code = "53"``) binds **every** kab/kota of that
  province.
- A national instrument (no province, e.g. Kepmenaker 37/2022) does not say
  which kab/kota the database should expect, so it binds the kab/kota of a
  province only once a record under it exists there, and only where no
  provincial mandate applies.
- A mandated kab/kota without any Pokja record is **"no report"**
  (``NO_REPORT``), never "not started": nothing is known about it. It is listed
  and counted separately, and never marked overdue.

Overdue: a Pokja on record that is not formed (``belum_dibentuk`` or
``persiapan``) more than ``OVERDUE_AFTER_DAYS`` days after its mandate was
issued. Days are counted up to ``Filters.today``.

Programmes: every function reads the mandates of one ``programme`` (``Mandate.programme``:
``pokja_pmi``, the migrant-worker Pokja/Satgas, by default; ``satgas_kdmp``, Keppres 9/2025). A
mandate with ``binds_every_regency`` (Keppres 9/2025 names every kab/kota) binds every province.

``real_only`` (of ``Filters``) applies to the Pokja and the mandate in every building block.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import and_, case, exists, func, or_, select, union
from sqlalchemy.orm import aliased

from data_access import filters as flt
from data_access.models_pokja import POKJA_STAGES, TASK_FORCE_PROGRAMMES, Mandate, Pokja
from data_access.models_reference import Province, Regency
from data_access.records import STAGE_ORDER

DEFAULT_PROGRAMME = "pokja_pmi"
PROGRAMMES = TASK_FORCE_PROGRAMMES

OVERDUE_AFTER_DAYS = 365
"""A Pokja not formed this many days after its mandate was issued is overdue."""

NO_REPORT = "tidak_ada_data"
"""Stage code of a mandated kab/kota with no Pokja record (colour key in ``ui.charts``)."""

STAGES_WITH_NO_REPORT = (*POKJA_STAGES, NO_REPORT)
RANK = {stage: STAGE_ORDER[stage] + 1 for stage in POKJA_STAGES}  # 0 = no record
STAGE_OF_RANK = {0: NO_REPORT, **{rank: stage for stage, rank in RANK.items()}}
FORMED_RANK = RANK["terbentuk"]


def stage_rank(stage_col):
    """SQL ``CASE``: the ``RANK`` of a stage column (0 for anything else, i.e. no record)."""
    return case(RANK, value=stage_col, else_=0)


def check_programme(programme: str) -> None:
    """Raises ``ValueError`` naming the known ones unless ``programme`` is one of ``PROGRAMMES``."""
    if programme not in PROGRAMMES:
        raise ValueError(f"programme {programme!r}: expected one of {', '.join(PROGRAMMES)}")


def of_programme(programme: str):
    """Subquery of the ids of the mandates of ``programme``."""
    return select(Mandate.id).where(Mandate.programme == programme)


def not_beside_real():
    """WHERE on ``Pokja``: not a demo record of a kab/kota and mandate that also has a real record.

    A real report never updates a demo record but makes its own (``records.find_pokja``); where
    both exist the real one is shown and counted, the demo one hidden (issue 20).
    """
    real = aliased(Pokja)
    return or_(Pokja.synthetic.is_(False), ~exists().where(
        real.regency_code == Pokja.regency_code, real.mandate_id == Pokja.mandate_id, real.synthetic.is_(False)))


def pokja_visible(filters: flt.Filters, programme: str):
    """WHERE on ``Pokja``: under a mandate of ``programme``, real when ``filters.real_only``, and not a
    demo record beside a real one (``not_beside_real``)."""
    return and_(flt.real_only_clause(filters, Pokja.source_id), Pokja.mandate_id.in_(of_programme(programme)),
                not_beside_real())


def applicable(filters: flt.Filters, programme: str):
    """Subquery ``(province_code, mandate_id)``: the mandates binding each province's kab/kota.

    A mandate naming a province binds it; one binding every kab/kota binds every province; another
    national mandate (no province) binds a province where a Pokja is on record under it and no
    provincial mandate applies. Only mandates of ``programme``. Plain derived table (no
    correlation), joined on ``province_code``.
    """
    live = and_(flt.real_only_clause(filters, Mandate.source_id), Mandate.programme == programme)
    provincial = select(Mandate.province_code.label("province_code"), Mandate.id.label("mandate_id")).where(
        Mandate.province_code.is_not(None), live)
    everywhere = (select(Province.code.label("province_code"), Mandate.id.label("mandate_id"))
                  .select_from(Province).join(Mandate, Mandate.binds_every_regency.is_(True)).where(live))
    other = aliased(Mandate)  # an alias, so the inner query never correlates with the outer mandate
    with_provincial = select(other.province_code).where(other.province_code.is_not(None),
                                                        other.programme == programme,
                                                        flt.real_only_clause(filters, other.source_id))
    national = (
        select(Regency.province_code.label("province_code"), Mandate.id.label("mandate_id"))
        .select_from(Pokja)
        .join(Regency, Regency.code == Pokja.regency_code)
        .join(Mandate, Mandate.id == Pokja.mandate_id)
        .where(Mandate.province_code.is_(None), Mandate.binds_every_regency.is_(False), live,
               pokja_visible(filters, programme), Regency.province_code.not_in(with_provincial))
        .distinct()
    )
    return union(provincial, everywhere, national).subquery("applicable")


def best_rank(filters: flt.Filters, programme: str):
    """Subquery: ``regency_code``, ``best`` = the most advanced stage rank on record."""
    return (select(Pokja.regency_code.label("regency_code"), func.max(stage_rank(Pokja.stage)).label("best"))
            .where(pokja_visible(filters, programme))
            .group_by(Pokja.regency_code)
            .subquery("best"))


def mandated(filters: flt.Filters, best, programme: str):
    """WHERE on ``Regency``: on record, or bound by a mandate that applies to its province."""
    return or_(best.c.regency_code.is_not(None),
               Regency.province_code.in_(select(applicable(filters, programme).c.province_code)))


def is_overdue(stage: str, issued_on: dt.date | None, today: dt.date,
               after_days: int = OVERDUE_AFTER_DAYS) -> bool | None:
    """The overdue rule in plain Python: ``None`` when it cannot be known.

    Formed → ``False``; no record or no mandate date → ``None`` (unknown);
    otherwise whether more than ``after_days`` days passed since the mandate.
    """
    if stage == "terbentuk":
        return False
    if stage == NO_REPORT or issued_on is None or pd.isna(issued_on):
        return None
    return (today - issued_on).days > after_days
