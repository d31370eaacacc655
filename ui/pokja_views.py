"""The tables of the "Status Pokja" page (``pages/pokja_status.py``): screen text and the values files hold.

Each ``*_view(frame, raw)`` builds one table from the rows of ``data_access.pokja``: ``raw=False`` the
screen's text (Indonesian dates and numbers, "–" for missing), ``raw=True`` the same columns as the
files hold them (dates as dates, days as integers, missing values empty).
"""

from __future__ import annotations

import pandas as pd

from data_access import pokja_rules
from ui.formatting import MISSING, date, each_distinct, number, percent
from ui.i18n import t

SINCE_COLUMN = {"belum_dibentuk": "not_started_on", "persiapan": "preparation_on", "terbentuk": "formed_on"}


def stage_labels() -> dict[str, str]:
    """Stage code → its name in the language in view (read on every run: the language is per session)."""
    return {stage: t(f"pokja_stage_{stage}") for stage in pokja_rules.STAGES_WITH_NO_REPORT}


def name_width(names: pd.Series) -> int:
    """Pixels for a column of kab/kota names to show its longest whole: Streamlit's grid sizes a column
    by its first ~10 rows only, so "Kabupaten Manggarai Barat" further down was cut on a phone.
    ~7.5 px a character of the 14 px table font, plus the cell's padding (an estimate: a bit wide, never cut)."""
    return int(7.5 * max((len(str(n)) for n in names), default=10)) + 24


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def shown_date(value) -> str:
    return "–" if _missing(value) else date(value)


def shown_int(value) -> str:
    return "–" if _missing(value) else number(int(value))


def shown_text(value) -> str:
    return "–" if _missing(value) or value == "" else str(value)


def _raw(value):
    """Files keep values as values: a missing one stays empty (dates as dates, days as integers)."""
    return None if _missing(value) else value


def _flag(value) -> str:
    """Overdue on screen: "⚠ Ya" (the row's mark), "Tidak", "–" unknown."""
    if _missing(value):
        return t("pokja_unknown")
    return t("pokja_yes_overdue") if value else t("pokja_no")


def _file_flag(value) -> str | None:
    """Overdue in files: "Ya" / "Tidak", empty when unknown (never the screen's "–")."""
    if _missing(value):
        return None
    return t("pokja_yes") if value else t("pokja_no")


def _since(frame: pd.DataFrame, raw: bool = False) -> pd.Series:
    """The first report date of each row's current stage ("–" for no report; empty in files)."""
    since = pd.Series(None if raw else "–", index=frame.index, dtype=object)
    for stage, column in SINCE_COLUMN.items():
        rows = frame["stage"] == stage
        if rows.any():
            since[rows] = each_distinct(frame.loc[rows, column], _raw if raw else shown_date)
    return since


def _formats(raw: bool):
    """``(date, int, text)`` formatters: screen text, or the raw values a file keeps."""
    return (_raw, _raw, _raw) if raw else (shown_date, shown_int, shown_text)


def not_formed_view(frame: pd.DataFrame, raw: bool = False) -> pd.DataFrame:
    as_date, as_int, as_text = _formats(raw)
    return pd.DataFrame({
        t("pokja_col_regency"): frame["regency_name"],
        t("pokja_col_stage"): frame["stage"].map(stage_labels()),
        t("pokja_col_days_since"): each_distinct(frame["days_since_mandate"], as_int),
        t("pokja_col_overdue"): each_distinct(frame["overdue"], _file_flag if raw else _flag),
        t("pokja_col_mandate"): frame["mandate_title"],
        t("pokja_col_since"): _since(frame, raw),
        t("pokja_col_mandate_issued"): each_distinct(frame["mandate_issued_on"], as_date),
        t("pokja_col_province"): frame["province_name"],
        t("pokja_col_code"): frame["regency_code"],
        t("pokja_col_source"): each_distinct(frame["source_outlet"], as_text),
    })


def all_view(frame: pd.DataFrame, raw: bool = False) -> pd.DataFrame:
    as_date, as_int, as_text = _formats(raw)
    return pd.DataFrame({
        t("pokja_col_regency"): frame["regency_name"],
        t("pokja_col_stage"): frame["stage"].map(stage_labels()),
        t("pokja_col_mandate"): frame["mandate_title"],
        t("pokja_col_province"): frame["province_name"],
        t("pokja_col_code"): frame["regency_code"],
        t("pokja_col_mandate_issued"): each_distinct(frame["mandate_issued_on"], as_date),
        t("pokja_col_not_started_on"): each_distinct(frame["not_started_on"], as_date),
        t("pokja_col_preparation_on"): each_distinct(frame["preparation_on"], as_date),
        t("pokja_col_formed_on"): each_distinct(frame["formed_on"], as_date),
        t("pokja_col_sk"): each_distinct(frame["sk_number"], as_text),
        t("pokja_col_name"): each_distinct(frame["pokja_name"], as_text),
        t("pokja_col_days_since"): each_distinct(frame["days_since_mandate"], as_int),
        t("pokja_col_days_to_form"): each_distinct(frame["days_to_form"], as_int),
        t("pokja_col_overdue"): each_distinct(frame["overdue"], _file_flag if raw else _flag),
        t("pokja_col_source"): each_distinct(frame["source_outlet"], as_text),
    })


def provinces_wide(shares: pd.DataFrame) -> pd.DataFrame:
    return shares.pivot(index=["province_code", "province_name", "mandated"], columns="stage",
                        values="regencies").reset_index()


def provinces_view(shares: pd.DataFrame, raw: bool = False) -> pd.DataFrame:
    """Per province: mandated, then count and share of each stage (files: integers and % as numbers)."""
    wide, labels = provinces_wide(shares), stage_labels()
    shown = pd.DataFrame({t("pokja_col_province"): wide["province_name"],
                          t("pokja_col_mandated"): wide["mandated"] if raw else each_distinct(wide["mandated"], number)})
    for stage in ("terbentuk", "persiapan", "belum_dibentuk", pokja_rules.NO_REPORT):
        shown[labels[stage]] = wide[stage] if raw else each_distinct(wide[stage], number)
        share = wide[stage] / wide["mandated"]
        shown[f"{labels[stage]} (%)"] = (share * 100).round(1) if raw else share.map(percent)
    return shown


def history_view(history: pd.DataFrame, raw: bool = False) -> pd.DataFrame:
    as_date, _, as_text = _formats(raw)
    return pd.DataFrame({
        t("pokja_col_date"): each_distinct(history["changed_on"], as_date),
        t("pokja_col_stage"): history["stage"].map(stage_labels()),
        t("pokja_col_mandate"): history["mandate_title"],
        t("pokja_col_mandate_issued"): each_distinct(history["mandate_issued_on"], as_date),
        t("pokja_col_note"): each_distinct(history["note"], as_text),
        t("pokja_col_source"): each_distinct(history["source_outlet"], as_text),
        t("pokja_col_headline"): each_distinct(history["source_headline"], as_text),
        t("pokja_col_published"): each_distinct(history["source_published_on"], as_date),
        t("pokja_col_url"): each_distinct(history["source_url"], as_text),
    })


def tally_view(figures: pd.DataFrame, raw: bool = False) -> pd.DataFrame:
    """The published Satgas KDMP figures, as reported (value, of how many, area, source)."""
    as_date, as_int, as_text = _formats(raw)
    return pd.DataFrame({
        t("pokja_col_date"): each_distinct(figures["as_of"], as_date),
        t("pokja_col_area"): figures["area_name"].fillna(t("pokja_area_national")),
        t("pokja_col_figure"): figures["measure"].map(lambda m: t(f"kdmp_measure_{m}")),
        t("pokja_col_value"): each_distinct(figures["value"], as_int),
        t("pokja_col_of_total"): each_distinct(figures["of_total"], as_int),
        t("pokja_col_note"): each_distinct(figures["note"], as_text),
        t("pokja_col_source"): figures["source_outlet"],
        t("pokja_col_headline"): each_distinct(figures["source_headline"], as_text),
        t("pokja_col_published"): each_distinct(figures["source_published_on"], as_date),
    })


def overdue_figure(table: pd.DataFrame, not_formed: pd.DataFrame) -> tuple[str, str]:
    """The "Lewat tenggat" metric as ``(value, help)``: the kab/kota on record, not formed, past the deadline.

    A kab/kota on record whose mark cannot be known (its mandate's issue date is not recorded, as for
    Keppres 9/2025) is no zero: none known → "–", some → "≥ n", each with the reason in the help. So
    is a view whose mandates have no recorded date at all. "No report" is never overdue (not unknown).
    """
    days = number(pokja_rules.OVERDUE_AFTER_DAYS)
    on_record = not_formed.loc[not_formed["stage"] != pokja_rules.NO_REPORT]
    overdue = set(on_record.loc[on_record["overdue"].fillna(False).astype(bool), "regency_code"])
    unknown = set(on_record.loc[on_record["overdue"].isna(), "regency_code"]) - overdue
    if not unknown and table["mandate_issued_on"].notna().any():
        return number(len(overdue)), t("pokja_overdue_help", n=days)
    value = f"≥ {number(len(overdue))}" if overdue else MISSING
    return value, t("pokja_overdue_unknown_help", k=number(len(unknown)), n=days)
