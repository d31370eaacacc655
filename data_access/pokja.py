"""Pokja / Satgas status: which kab/kota have formed the task force a mandate asks for.

A ``Mandate`` obliges regencies to form a Pokja; a ``Pokja`` row is one
regency's task force under one mandate at its current stage, and
``PokjaStageChange`` holds every reported stage with its date and source.
Who is mandated (the denominator), the "no report" stage, the overdue rule and the
programmes are in ``data_access.pokja_rules``.

Filters: the area filters and ``real_only`` (on the Pokja, its history, the
mandate) apply; dates and sectors do not (a Pokja's status is its current
state). Every function aggregates in SQL with bound parameters.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, and_, case, exists, func, literal, select, union_all
from sqlalchemy.orm import aliased

from data_access import filters as flt
from data_access import pokja_rules as rules
from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.models_pokja import Mandate, Pokja, PokjaStageChange
from data_access.models_reference import Province, Regency, Source

BY_REGENCY_COLUMNS = [
    "province_code", "province_name", "regency_code", "regency_name", "mandate_code", "mandate_title",
    "mandate_issued_on", "stage", "not_started_on", "preparation_on", "formed_on", "sk_number",
    "pokja_name", "source_outlet", "source_kind", "regency_formed", "days_since_mandate",
    "days_to_form", "overdue",
]
SHARE_COLUMNS = ["province_code", "province_name", "stage", "regencies", "mandated", "share"]
HISTORY_COLUMNS = [
    "changed_on", "stage", "note", "mandate_code", "mandate_title", "mandate_issued_on", "source_outlet",
    "source_headline", "source_url", "source_published_on", "source_kind",
]
STATUS_COLUMNS = ["area_code", "area_name", "province_code", "mandated", "stage", "stage_since"]



def _days(later: dt.date | None, earlier: dt.date | None) -> int | None:
    if later is None or earlier is None or pd.isna(later) or pd.isna(earlier):
        return None
    return (later - earlier).days



# --- queries -----------------------------------------------------------------------

def pokja_by_regency(filters: flt.Filters, programme: str = rules.DEFAULT_PROGRAMME,
                     engine: Engine | None = None) -> pd.DataFrame:
    """One row per Pokja of ``programme`` on record in view, plus one per mandated kab/kota without any record.

    Columns (``BY_REGENCY_COLUMNS``):
    ``province_code``, ``province_name``, ``regency_code``, ``regency_name``;
    ``mandate_code``, ``mandate_title``, ``mandate_issued_on`` (date or None);
    ``stage``: ``belum_dibentuk`` / ``persiapan`` / ``terbentuk``, or ``NO_REPORT``;
    ``not_started_on``, ``preparation_on``, ``formed_on``: first date each stage was
    reported in the history (None if never);
    ``sk_number``, ``pokja_name``; ``source_outlet``, ``source_kind`` of the current stage;
    ``regency_formed``: the kab/kota has a formed Pokja under some mandate in view;
    ``days_since_mandate`` (mandate issue date to ``filters.today``), ``days_to_form``
    (issue date to formation), both nullable ints;
    ``overdue``: ``is_overdue`` (True / False / NA when unknown).
    Sorted by province, kab/kota code, mandate code.
    """
    rules.check_programme(programme)
    engine = engine or get_engine()
    best = rules.best_rank(filters, programme)
    change = PokjaStageChange

    def first(stage: str):
        return func.min(case((change.stage == stage, change.changed_on))).label(f"{stage}_on")

    history = (select(change.pokja_id.label("pokja_id"), first("belum_dibentuk"), first("persiapan"),
                      first("terbentuk"))
               .where(flt.real_only_clause(filters, change.source_id))
               .group_by(change.pokja_id)
               .subquery("history"))
    source = aliased(Source)
    applicable = rules.applicable(filters, programme)
    area = flt.area_clause(filters, Regency.province_code, Regency.code)
    on_record = (
        select(Regency.province_code, Province.name, Regency.code, Regency.name, Mandate.code, Mandate.title,
               Mandate.issued_on, Pokja.stage, history.c.belum_dibentuk_on, history.c.persiapan_on,
               history.c.terbentuk_on, Pokja.sk_number, Pokja.name, source.outlet, source.kind,
               (best.c.best >= rules.FORMED_RANK).label("regency_formed"))
        .select_from(Pokja)
        .join(Regency, Regency.code == Pokja.regency_code)
        .join(Province, Province.code == Regency.province_code)
        .join(Mandate, Mandate.id == Pokja.mandate_id)
        .join(source, source.id == Pokja.source_id)
        .join(best, best.c.regency_code == Pokja.regency_code)
        .outerjoin(history, history.c.pokja_id == Pokja.id)
        .where(area, rules.pokja_visible(filters, programme))
    )
    no_record = (
        select(Regency.province_code, Province.name, Regency.code, Regency.name, Mandate.code, Mandate.title,
               Mandate.issued_on, literal(rules.NO_REPORT), literal(None, Mandate.issued_on.type),
               literal(None, Mandate.issued_on.type), literal(None, Mandate.issued_on.type),
               literal(None, Pokja.sk_number.type), literal(None, Pokja.name.type),
               literal(None, Source.outlet.type), literal(None, Source.kind.type), literal(False))
        .select_from(Regency)
        .join(Province, Province.code == Regency.province_code)
        .join(applicable, applicable.c.province_code == Regency.province_code)
        .join(Mandate, Mandate.id == applicable.c.mandate_id)
        .where(area, ~exists().where(Pokja.regency_code == Regency.code, rules.pokja_visible(filters, programme)))
    )
    stmt = union_all(on_record, no_record)
    columns = BY_REGENCY_COLUMNS[:16]
    with engine.connect() as conn:
        out = read_frame(conn, stmt, columns)
    out = out.sort_values(["province_code", "regency_code", "mandate_code"], kind="stable", ignore_index=True)
    out["regency_formed"] = out["regency_formed"].astype(bool)
    today = filters.today
    out["days_since_mandate"] = pd.array([_days(today, d) for d in out["mandate_issued_on"]], dtype="Int64")
    out["days_to_form"] = pd.array([_days(f, d) for f, d in zip(out["formed_on"], out["mandate_issued_on"],
                                                                 strict=True)], dtype="Int64")
    out["overdue"] = pd.array([rules.is_overdue(s, d, today) for s, d in zip(out["stage"], out["mandate_issued_on"],
                                                                        strict=True)], dtype="boolean")
    return out[BY_REGENCY_COLUMNS]


def not_formed(filters: flt.Filters, programme: str = rules.DEFAULT_PROGRAMME,
               engine: Engine | None = None) -> pd.DataFrame:
    """The rows of ``pokja_by_regency`` for kab/kota with no formed Pokja under any mandate.

    Answers "which kab/kota have not yet formed their Pokja?": on record but not
    formed, and mandated without any report. Columns: ``BY_REGENCY_COLUMNS``.
    """
    return without_formed(pokja_by_regency(filters, programme, engine=engine))


def without_formed(by_regency: pd.DataFrame) -> pd.DataFrame:
    """``not_formed`` from ``pokja_by_regency`` rows already read (pure pandas, no second query)."""
    return by_regency.loc[~by_regency["regency_formed"]].reset_index(drop=True)


def stage_shares_by_province(filters: flt.Filters, programme: str = rules.DEFAULT_PROGRAMME,
                             engine: Engine | None = None) -> pd.DataFrame:
    """Per province, the mandated kab/kota by their most advanced stage on record.

    A kab/kota with Pokja under several mandates counts once, at its most
    advanced stage. Long format, one row per province and stage in
    ``STAGES_WITH_NO_REPORT`` (zeros included). Columns (``SHARE_COLUMNS``):
    ``province_code``, ``province_name``, ``stage``, ``regencies`` (count),
    ``mandated`` (kab/kota mandated in the province), ``share`` (0–1).
    Provinces with no mandated kab/kota are left out.
    """
    rules.check_programme(programme)
    engine = engine or get_engine()
    best = rules.best_rank(filters, programme)
    rank = func.coalesce(best.c.best, 0)
    stmt = (
        select(Regency.province_code, rank.label("rank"), func.count().label("regencies"))
        .select_from(Regency)
        .outerjoin(best, best.c.regency_code == Regency.code)
        .where(flt.area_clause(filters, Regency.province_code, Regency.code), rules.mandated(filters, best, programme))
        .group_by(Regency.province_code, rank)
    )
    names = select(Province.code, Province.name)
    if filters.provinces or filters.regencies:
        names = names.where(Province.code.in_(filters.provinces or {r[:2] for r in filters.regencies}))
    with engine.connect() as conn:
        counts = read_frame(conn, stmt, ["province_code", "rank", "regencies"])
        provinces = dict(conn.execute(names).all())
    if counts.empty:
        return pd.DataFrame(columns=SHARE_COLUMNS)
    counts["stage"] = counts["rank"].map(rules.STAGE_OF_RANK)
    grid = pd.MultiIndex.from_product([sorted(counts["province_code"].unique()), rules.STAGES_WITH_NO_REPORT],
                                      names=["province_code", "stage"])
    out = (counts.set_index(["province_code", "stage"])["regencies"].reindex(grid, fill_value=0)
           .astype("int64").reset_index())
    out["mandated"] = out.groupby("province_code")["regencies"].transform("sum").astype("int64")
    out["share"] = (out["regencies"] / out["mandated"]).astype("float64")
    out["province_name"] = out["province_code"].map(provinces)
    return out[SHARE_COLUMNS]


def regency_status(filters: flt.Filters, programme: str = rules.DEFAULT_PROGRAMME,
                   engine: Engine | None = None) -> pd.DataFrame:
    """Every kab/kota in the area with its most advanced Pokja stage (for maps).

    Columns (``STATUS_COLUMNS``): ``area_code``, ``area_name``, ``province_code``,
    ``mandated`` (bool, see ``pokja_rules``), ``stage`` (``POKJA_STAGES`` or
    ``NO_REPORT``, also for kab/kota not mandated), ``stage_since`` (first date
    that stage was reported, or None).
    """
    rules.check_programme(programme)
    engine = engine or get_engine()
    best = rules.best_rank(filters, programme)
    change = PokjaStageChange
    reached = (select(Pokja.regency_code.label("regency_code"), change.stage.label("stage"),
                      func.min(change.changed_on).label("since"))
               .join(change, change.pokja_id == Pokja.id)
               .where(rules.pokja_visible(filters, programme), flt.real_only_clause(filters, change.source_id))
               .group_by(Pokja.regency_code, change.stage)
               .subquery("reached"))
    stmt = (
        select(Regency.code, Regency.name, Regency.province_code,
               rules.mandated(filters, best, programme).label("mandated"),
               func.coalesce(best.c.best, 0).label("rank"), reached.c.since)
        .select_from(Regency)
        .outerjoin(best, best.c.regency_code == Regency.code)
        .outerjoin(reached, and_(reached.c.regency_code == Regency.code, rules.stage_rank(reached.c.stage) == best.c.best))
        .where(flt.area_clause(filters, Regency.province_code, Regency.code))
        .order_by(Regency.code)
    )
    with engine.connect() as conn:
        out = read_frame(conn, stmt, ["area_code", "area_name", "province_code", "mandated", "rank", "stage_since"])
    out["mandated"] = out["mandated"].astype(bool)
    out["stage"] = out["rank"].map(rules.STAGE_OF_RANK)
    return out[STATUS_COLUMNS]


def stage_history(filters: flt.Filters, regency_code: str, programme: str = rules.DEFAULT_PROGRAMME,
                  engine: Engine | None = None) -> pd.DataFrame:
    """Every reported stage of the Pokja of one kab/kota, oldest first.

    Columns (``HISTORY_COLUMNS``): ``changed_on``, ``stage``, ``note``,
    ``mandate_code``, ``mandate_title``, ``mandate_issued_on``, ``source_outlet``, ``source_headline``,
    ``source_url``, ``source_published_on``, ``source_kind``. ``real_only``
    applies to the Pokja and to each history row.
    """
    engine = engine or get_engine()
    change = PokjaStageChange
    source = aliased(Source)
    stmt = (
        select(change.changed_on, change.stage, change.note, Mandate.code, Mandate.title, Mandate.issued_on,
               source.outlet,
               source.headline, source.url, source.published_on, source.kind)
        .select_from(change)
        .join(Pokja, Pokja.id == change.pokja_id)
        .join(Mandate, Mandate.id == Pokja.mandate_id)
        .join(source, source.id == change.source_id)
        .where(Pokja.regency_code == regency_code, rules.pokja_visible(filters, programme),
               flt.real_only_clause(filters, change.source_id))
        .order_by(change.changed_on, rules.stage_rank(change.stage), Mandate.code, change.id)
    )
    with engine.connect() as conn:
        return read_frame(conn, stmt, HISTORY_COLUMNS)
