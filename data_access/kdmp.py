"""Koperasi Merah Putih progress per area: the funnel, the slowest kab/kota, the totals.

Rules (sources: Inpres 9/2025, ``models_kdmp``):
- The denominator is every desa/kelurahan of the gazetteer in the area (``village``): a desa with no
  KDMP record in view is **no report** (``NO_REPORT``), never "not started".
- A desa counts at its current stage (``at_*``) and as having reached every earlier stage
  (``reached_*``: the funnel); ``recorded_share`` = desa with a record ÷ desa/kelurahan,
  ``operational_share`` = operating ÷ desa with a record (a desa without a record is unknown, so it
  is in neither side of that share: issue 20).
- **Stalled**: a KDMP not operating whose stage has not changed for more than ``stalled_days``
  days up to ``Filters.today`` (``stage_changed_on < today - stalled_days``). The number of days is
  a setting (``STALLED_DAYS`` by default), shown beside every stalled figure.
Filters: area down to kecamatan and ``real_only`` apply (a desa whose record is synthetic counts as
no report when real data only is on); dates and sectors do not (a stage is a current state).
Every count is a ``GROUP BY`` in SQL over the indexed kab/kota or kecamatan codes; only the per
kab/kota result (at most 514 rows × 4 stages) is summed to provinces in pandas.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, case, func, select

from data_access import filters as flt
from data_access.engine import get_engine
from data_access.frames import read_frame
from data_access.models_kdmp import KDMP_STAGES, District, Kdmp, Village
from data_access.models_reference import Province, Regency, Source

STALLED_DAYS = 90
"""Default: a KDMP not operating whose stage has not changed for this many days is stalled."""
NO_REPORT = "tidak_ada_data"
STAGES_WITH_NO_REPORT = (*KDMP_STAGES, NO_REPORT)
LEVELS = ("provinsi", "kabupaten_kota", "kecamatan")
FUNNEL_COLUMNS = [
    "area_code", "area_name", "desa", *(f"at_{s}" for s in STAGES_WITH_NO_REPORT),
    *(f"reached_{s}" for s in KDMP_STAGES), "stalled", "synthetic", "recorded_share", "operational_share",
    "legal_entity_share",
]
SHARE_COLUMNS = ("recorded_share", "operational_share", "legal_entity_share")
COUNT_COLUMNS = FUNNEL_COLUMNS[2:-len(SHARE_COLUMNS)]


def _share(top, bottom):
    """``top ÷ bottom`` (numbers or Series), NaN where ``bottom`` is 0."""
    if isinstance(bottom, pd.Series):
        return (top / bottom.where(bottom > 0)).astype("float64")
    return top / bottom if bottom else float("nan")


def _shares(desa, recorded, operating, legal) -> dict:
    """The three shares (issue 20: a share over desa without any record is not a share of anything):
    ``recorded_share`` = desa with a KDMP record ÷ desa; ``operational_share`` = operating ÷ desa with
    a record; ``legal_entity_share`` = reached SK AHU ÷ desa with a record. NaN over 0."""
    return {"recorded_share": _share(recorded, desa), "operational_share": _share(operating, recorded),
            "legal_entity_share": _share(legal, recorded)}


def stalled_before(filters: flt.Filters, stalled_days: int) -> dt.date:
    """The stage-change date before which a KDMP not operating is stalled."""
    return filters.today - dt.timedelta(days=stalled_days)


def level_for(filters: flt.Filters) -> str:
    """The funnel's next level down from the filters: provinces → kab/kota → kecamatan."""
    if filters.regencies or filters.districts:
        return "kecamatan"
    return "kabupaten_kota" if filters.provinces else "provinsi"


def _key(level: str, regency_col, district_col):
    return district_col if level == "kecamatan" else regency_col


def funnel(filters: flt.Filters, level: str, stalled_days: int = STALLED_DAYS,
           engine: Engine | None = None) -> pd.DataFrame:
    """Per area of ``level`` (``LEVELS``) in view: desa/kelurahan at and past each KDMP stage.

    Columns (``FUNNEL_COLUMNS``): ``area_code``, ``area_name``; ``desa`` (desa/kelurahan in the
    gazetteer); ``at_<stage>`` for each of ``KDMP_STAGES`` and ``at_tidak_ada_data`` (current stage,
    adding up to ``desa``); ``reached_<stage>`` (at that stage or a later one); ``stalled`` (see the
    module rule); ``synthetic`` (KDMP records of the area on a synthetic source); ``recorded_share`` (desa with
    a record ÷ desa), ``operational_share`` and ``legal_entity_share`` (reached SK AHU) ÷ desa with
    a record, as 0–1, NaN over 0 (``_shares``). Sorted by area code; areas without desa are left out.
    ``ValueError`` for an unknown level.
    """
    if level not in LEVELS:
        raise ValueError(f"level {level!r}: expected one of {', '.join(LEVELS)}")
    if level == "provinsi":  # counted per kab/kota (the indexed codes), then summed
        with (engine or get_engine()).connect() as conn:
            names = _names(conn, "provinsi", filters)
        return province_funnel(funnel(filters, "kabupaten_kota", stalled_days, engine=engine), names)
    sql_level = level
    kdmp_key = _key(sql_level, Kdmp.regency_code, Kdmp.district_code)
    village_key = _key(sql_level, Village.regency_code, Village.district_code)
    stalled = case(((Kdmp.stage != "operasional") & (Kdmp.stage_changed_on < stalled_before(filters, stalled_days)),
                    1), else_=0)
    # per source as well, read from the covering index (no join): demo sources are told apart below
    stages = (select(kdmp_key, Kdmp.stage, Kdmp.source_id, func.count(), func.sum(stalled))
              .where(flt.village_area_clause(filters, Kdmp.regency_code, Kdmp.district_code),
                     flt.real_only_clause(filters, Kdmp.source_id))
              .group_by(kdmp_key, Kdmp.stage, Kdmp.source_id))
    totals = (select(village_key, func.count())
              .where(flt.village_area_clause(filters, Village.regency_code, Village.district_code))
              .group_by(village_key))
    with (engine or get_engine()).connect() as conn:
        counts = read_frame(conn, stages, ["code", "stage", "source_id", "kdmp", "stalled"])
        synthetic_sources = set(conn.scalars(select(Source.id).where(Source.kind == "synthetic")))
        desa = read_frame(conn, totals, ["code", "desa"])
        names = _names(conn, level, filters)
    counts["synthetic"] = counts["kdmp"].where(counts["source_id"].isin(synthetic_sources), 0)
    out = desa.set_index("code")
    at = counts.groupby(["code", "stage"])["kdmp"].sum().unstack(fill_value=0)  # (pivot_table: 5x slower)
    at = at.reindex(index=out.index, columns=list(KDMP_STAGES), fill_value=0)
    for stage in KDMP_STAGES:
        out[f"at_{stage}"] = at[stage]
    recorded = out[[f"at_{s}" for s in KDMP_STAGES]].sum(axis=1)
    out[f"at_{NO_REPORT}"] = out["desa"] - recorded
    for i, stage in enumerate(KDMP_STAGES):
        out[f"reached_{stage}"] = out[[f"at_{s}" for s in KDMP_STAGES[i:]]].sum(axis=1)
    for column in ("stalled", "synthetic"):
        out[column] = counts.groupby("code")[column].sum().reindex(out.index, fill_value=0)
    return _finished(out, names)


def _finished(out: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Counts indexed by area code → ``FUNNEL_COLUMNS`` with the shares and names."""
    out = out.astype("int64")
    for column, values in _shares(out["desa"], out["reached_musdesus"], out["at_operasional"],
                                  out["reached_sk_ahu"]).items():
        out[column] = values
    out = out.reset_index(names="area_code").sort_values("area_code", ignore_index=True)
    out["area_name"] = out["area_code"].map(names)
    return out[FUNNEL_COLUMNS]


def province_funnel(regency_funnel: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """A kab/kota ``funnel`` summed to its provinces (``FUNNEL_COLUMNS``; shares from the sums).

    ``names``: province code → name. Pure pandas (at most 514 rows), so a page that already holds
    the kab/kota funnel draws the national view without counting every desa again.
    """
    counts = regency_funnel[COUNT_COLUMNS].groupby(regency_funnel["area_code"].str[:2]).sum()
    return _finished(counts, names)


def _names(conn, level: str, filters: flt.Filters) -> dict[str, str]:
    if level == "provinsi":
        return dict(conn.execute(select(Province.code, Province.name)).all())
    if level == "kabupaten_kota":
        return dict(conn.execute(select(Regency.code, Regency.name)).all())
    stmt = select(District.code, District.name)
    if filters.districts:
        stmt = stmt.where(District.code.in_(filters.districts))
    elif filters.regencies:
        stmt = stmt.where(District.regency_code.in_(filters.regencies))
    return dict(conn.execute(stmt).all())


def totals(funnel_frame: pd.DataFrame) -> pd.Series:
    """The funnel's counts summed over its areas, with the shares recomputed from the sums.

    Index: the integer columns of ``FUNNEL_COLUMNS`` plus ``SHARE_COLUMNS`` (see ``_shares``; NaN
    over 0).
    """
    counts = funnel_frame[COUNT_COLUMNS].sum().astype("int64")
    shares = pd.Series(_shares(int(counts["desa"]), int(counts["reached_musdesus"]), int(counts["at_operasional"]),
                               int(counts["reached_sk_ahu"])))
    return pd.concat([counts.astype("float64"), shares])


def slowest_regencies(filters: flt.Filters, stalled_days: int = STALLED_DAYS, limit: int = 10,
                      engine: Engine | None = None) -> pd.DataFrame:
    """The ``limit`` kab/kota in view with the lowest share operating (then with an approved legal
    entity, then the most stalled), slowest first, among those with at least one KDMP on record (a
    kab/kota without any report is unknown, not slow). Columns: ``rank`` (1 = slowest) and
    ``FUNNEL_COLUMNS``.
    """
    area = filters.with_(districts=())  # ranks kab/kota, so a kecamatan filter does not apply
    return slowest(funnel(area, "kabupaten_kota", stalled_days, engine=engine), limit)


def slowest(regency_funnel: pd.DataFrame, limit: int = 10) -> pd.DataFrame:
    """``slowest_regencies`` from a kab/kota ``funnel`` already read (pure pandas)."""
    frame = regency_funnel.loc[regency_funnel["reached_musdesus"] > 0].sort_values(
        ["operational_share", "legal_entity_share", "stalled", "area_code"], ascending=[True, True, False, True],
        kind="stable", ignore_index=True).head(limit)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame
