"""Writer of the ``kdmp`` import kind: each validated row → the desa's KDMP record and its history.

Per record (``values``: ``village_code``, ``stage``, ``stages`` [(stage, date)] in order, ``name``,
``deed_number``, ``sk_ahu_number``, ``note``, ``operating`` {has_*: bool}):
- refused when the stored KDMP is synthetic (``kdmp_demo_record``) or at a later stage
  (``kdmp_stage_backwards``; the rule is in ``kinds.kdmp``);
- ``unchanged`` when every dated stage is already in the history and no number, name or operating
  unit differs; otherwise each missing (stage, date) goes through ``kdmp_records.record_kdmp_stage``
  (history row + the record moved forward), the record tracked for undo before its first change.
"""

from __future__ import annotations

from sqlalchemy import select

from data_access import kdmp_records
from data_access.imports.job import Job
from data_access.imports.rows import Record, RowError
from data_access.models_kdmp import Kdmp, KdmpStageChange
from data_access.models_reference import Source

_FIELDS = ("name", "deed_number", "sk_ahu_number")


def _refusal(job: Job, record: Record, kdmp: Kdmp) -> RowError | None:
    v = record.values
    if job.session.scalar(select(Source.kind).where(Source.id == kdmp.source_id)) == "synthetic":
        return RowError(record.row, record.province_column, record.area_value, "kdmp_demo_record")
    if kdmp_records.STAGE_RANK[kdmp.stage] > kdmp_records.STAGE_RANK[v["stage"]]:
        return RowError(record.row, record.extra["stage_column"], record.extra["stage_value"], "kdmp_stage_backwards",
                        {"stored": kdmp.stage, "since": kdmp.stage_changed_on.isoformat(), "stage": v["stage"]})
    return None


def _differs(kdmp: Kdmp, values: dict) -> bool:
    fields = {**{k: values[k] for k in _FIELDS}, **values["operating"]}
    return any(value is not None and getattr(kdmp, key) != value for key, value in fields.items())


def _listed(job: Job, record: Record, kdmp: Kdmp | None) -> tuple[str, list]:
    """A listing states the stage as of its export date, not the stage's own date: the KDMP is
    created or moved forward to that stage with ``stage_listed_on`` (the export date) and the
    stage's date column left empty (``kdmp_records.record_listed_stage``)."""
    v = record.values
    if kdmp is not None and kdmp_records.STAGE_RANK[kdmp.stage] >= kdmp_records.STAGE_RANK[v["stage"]]:
        return "unchanged", []
    existed = kdmp is not None
    if existed:
        job.updating(kdmp)
    kdmp, change = kdmp_records.record_listed_stage(
        job.session, village_code=v["village_code"], stage=v["stage"], listed_on=v["listed_on"],
        source_id=job.ensure_source(record.source), name=v["name"], note=v["note"])
    job.created(kdmp)
    job.created(change)
    return ("changed" if existed else "new"), []


def write(job: Job, found: list[Record]) -> dict:
    session, results = job.session, {}
    for record in job.with_usable_source(found, results):
        v = record.values
        kdmp = session.scalar(select(Kdmp).where(Kdmp.village_code == v["village_code"]))
        have: set = set()
        existed = kdmp is not None
        if existed:
            refusal = _refusal(job, record, kdmp)
            if refusal is not None:
                results[record.row] = ("rejected", [refusal])
                continue
            have = {(change.stage, change.changed_on) for change in kdmp.history}
        if v.get("listed_on") is not None:
            results[record.row] = _listed(job, record, kdmp)
            continue
        missing = [(stage, on) for stage, on in v["stages"] if (stage, on) not in have]
        if existed and not missing and not _differs(kdmp, v):
            results[record.row] = ("unchanged", [])
            continue
        if existed:
            job.updating(kdmp)
        source_id = job.ensure_source(record.source)
        for stage, on in missing:
            kdmp = kdmp_records.record_kdmp_stage(
                session, village_code=v["village_code"], stage=stage, on=on, source_id=source_id, name=v["name"],
                deed_number=v["deed_number"], sk_ahu_number=v["sk_ahu_number"], note=v["note"],
                operating=v["operating"])
            job.created(kdmp)  # no-op when it existed (already tracked as updated)
            job.created(session.scalar(select(KdmpStageChange).where(
                KdmpStageChange.kdmp_id == kdmp.id, KdmpStageChange.stage == stage,
                KdmpStageChange.changed_on == on)))
        if not missing:
            for key, value in {**{k: v[k] for k in _FIELDS}, **v["operating"]}.items():
                if value is not None:
                    setattr(kdmp, key, value)
            session.flush()
        results[record.row] = ("changed" if existed else "new", [])
    return results
