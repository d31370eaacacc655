"""Ringkasan (overview): the three questions at a glance for the filters in view.

Cooperatives registered/active, meetings held/planned, Pokja formed out of the
kab/kota mandated; the five most recent meetings; the regencies that need
attention. Every figure comes from a ``data_access`` function named below.
"""

import streamlit as st

from data_access import cooperatives, meetings, pokja, pokja_rules
from ui import briefing, demo, downloads, queries, scope
from ui.charts import built as built_chart
from ui.charts import show as show_chart
from ui.charts.overview import meetings_per_month
from ui.formatting import date, number, percent
from ui.i18n import t

MIN_REGISTERED_FOR_RANKING = 10
LIST_ROWS = 10  # rows of each "needs attention" list; the caption says how many there are in all


def cut_caption(shown: int, total: int) -> None:
    """Under a list cut to ``shown`` of ``total`` rows: "10 dari 21" and where the rest are."""
    if shown < total:
        st.caption(t("ov_cut", shown=number(shown), total=number(total)))


filters = st.session_state["filters"]

st.title(t("app_title"))
st.caption(t("app_tagline"))
scope.caption(filters)
briefing.offer_pack(filters, "ringkasan")

demo.banner(filters, "cooperatives", "meetings", "pokja")
coop_demo, meeting_demo, pokja_demo = (demo.in_view(filters, fact)[0] > 0
                                       for fact in ("cooperatives", "meetings", "pokja"))

# --- headline figures ------------------------------------------------------------
# One call for both uses: the kab/kota rows in scope add up to the province totals (both
# levels count the same summary rows, keyed by kab/kota), so a cold render pays one query.
regencies = queries.run(cooperatives.health_by_area, filters, "kabupaten_kota")
registered, active = int(regencies["registered"].sum()), int(regencies["active"].sum())
meeting_totals = queries.run(meetings.summary, filters).iloc[0]
shares = queries.run(pokja.stage_shares_by_province, filters)
by_stage = shares.groupby("stage")["regencies"].sum()
mandated = int(shares.drop_duplicates("province_code")["mandated"].sum()) if not shares.empty else 0

coop_col, meeting_col, pokja_col = st.columns(3)
with coop_col:
    st.subheader(t("ov_cooperatives"))
    if registered:
        demo.metric(st, t("ov_registered"), number(registered), coop_demo)
        st.metric(demo.label(t("ov_active"), coop_demo), number(active),
                  delta=t("ov_pct_active", p=percent(active / registered)), delta_color="off", delta_arrow="off")
        st.caption(t("ov_rule", start=filters.as_of_year - filters.window + 1, end=filters.as_of_year,
                     n=filters.window))
    else:  # no register row in view: the figure is unknown, not zero
        st.metric(t("ov_registered"), "–")
        st.metric(t("ov_active"), "–")
        st.caption(t("ov_no_register_real" if filters.real_only else "ov_no_register"))
with meeting_col:
    st.subheader(t("ov_meetings"))
    if int(meeting_totals["total"]):
        demo.metric(st, t("ov_held"), number(int(meeting_totals["held"])), meeting_demo)
        demo.metric(st, t("ov_upcoming"), number(int(meeting_totals["upcoming"])), meeting_demo,
                    help=t("ov_upcoming_help"))
        overdue_plans = int(meeting_totals["planned"]) - int(meeting_totals["upcoming"])
        if overdue_plans:
            st.caption(t("ov_planned_past", n=number(overdue_plans)))
    else:
        st.metric(t("ov_held"), "–")
        st.metric(t("ov_upcoming"), "–")
        st.caption(t("ov_no_meetings_real" if filters.real_only else "ov_no_meetings"))
with pokja_col:
    st.subheader(t("ov_pokja"))
    if mandated:
        st.metric(demo.label(t("ov_formed"), pokja_demo), number(int(by_stage.get("terbentuk", 0))),
                  delta=t("ov_of_mandated", n=number(mandated)), delta_color="off", delta_arrow="off")
        st.caption(" · ".join([
            f"{t('ov_preparation')}: {number(int(by_stage.get('persiapan', 0)))}",
            f"{t('ov_not_started')}: {number(int(by_stage.get('belum_dibentuk', 0)))}",
            f"{t('ov_no_report')}: {number(int(by_stage.get(pokja_rules.NO_REPORT, 0)))}",
        ]))
    else:
        st.metric(t("ov_formed"), "–")
        st.caption(t("ov_no_mandate_real" if filters.real_only else "ov_no_mandate"))

# --- meetings per month and the latest five ---------------------------------------
monthly = queries.run(meetings.months, filters)
if monthly.empty:
    st.info(t("empty_result"))
else:
    show_chart(built_chart(meetings_per_month, monthly, month_label=t("ov_month"), count_label=t("ov_count"),
                                  title=demo.chart_title(t("ov_meetings_per_month"), meeting_demo)), width="stretch")
    recent = queries.run(meetings.meeting_list, filters, "past", 5)
    st.subheader(t("ov_recent"))
    recent_demo = recent["source_kind"].eq("synthetic")
    status = recent["status"].map(lambda v: t(f"ov_status_{v}")).where(
        ~(recent["status"].eq("planned")), t("ov_status_planned_past"))  # "past" holds no upcoming meeting
    recent_table = recent[["held_on", "title", "province", "regency", "city", "organizer"]].assign(
        status=status.to_numpy())[["held_on", "status", "title", "province", "regency", "city", "organizer"]].rename(
        columns={"held_on": t("col_date"), "status": t("col_status"), "title": t("col_title"),
                 "province": t("col_province"), "regency": t("col_regency"), "city": t("col_city"),
                 "organizer": t("col_organizer")})
    shown = recent_table.assign(**{t("col_date"): recent["held_on"].map(date).to_numpy()})
    shown.insert(0, t("col_demo_flag"), recent_demo.map({True: t("demo_mark"), False: ""}).to_numpy())
    st.dataframe(shown, hide_index=True, width="stretch")
    downloads.offer(recent_table, name="rapat-terakhir", filters=filters, scope=scope.describe(filters),
                    key="ov_recent", demo=recent_demo)

# --- regencies that need attention -----------------------------------------------
st.subheader(t("ov_attention"))
low_col, overdue_col = st.columns(2)
with low_col:
    st.markdown(t("ov_lowest_active", n=MIN_REGISTERED_FOR_RANKING))
    ranked = regencies[regencies["registered"] >= MIN_REGISTERED_FOR_RANKING].sort_values(["pct_active", "area_code"])
    lowest = ranked.head(LIST_ROWS)
    if lowest.empty:
        st.info(t("empty_result"))
    else:
        headers = {"area_name": t("col_regency"), "pct_active": t("col_pct_active"), "inactive": t("col_inactive"),
                   "registered": t("col_registered"), "active": t("col_active")}  # the key columns first
        low_table = lowest.assign(pct_active=(lowest["pct_active"] * 100).round(1))[list(headers)].rename(
            columns=headers)
        lowest_demo = lowest["registered_synthetic"]
        shown_low = low_table.assign(**{t("col_pct_active"): lowest["pct_active"].map(percent).to_numpy()})
        if lowest_demo.any():
            shown_low.insert(0, t("col_demo_flag"), lowest_demo.gt(0).map({True: t("demo_mark"), False: ""}).to_numpy())
        st.dataframe(shown_low, hide_index=True, width="stretch")
        cut_caption(len(lowest), len(ranked))
        downloads.offer(low_table, name="koperasi-aktif-terendah", filters=filters,
                        scope=scope.describe(filters), key="ov_lowest", demo=lowest_demo)
with overdue_col:
    st.markdown(t("ov_overdue", d=pokja_rules.OVERDUE_AFTER_DAYS))
    status = queries.run(pokja.pokja_by_regency, filters)
    all_overdue = status[status["overdue"].fillna(False).astype(bool)].sort_values(
        "days_since_mandate", ascending=False)
    overdue = all_overdue.head(LIST_ROWS)
    if overdue.empty:
        st.info(t("ov_none_overdue"))
    else:
        overdue_table = overdue.assign(stage=overdue["stage"].map(lambda s: t(f"stage_{s}")))[
            ["regency_name", "province_name", "stage", "days_since_mandate", "mandate_title"]].rename(columns={
                "regency_name": t("col_regency"), "province_name": t("col_province"), "stage": t("col_stage"),
                "mandate_title": t("col_mandate"), "days_since_mandate": t("col_days_since_mandate")})
        overdue_demo = overdue["source_kind"].eq("synthetic")
        shown_overdue = overdue_table.assign(**{
            t("col_days_since_mandate"): overdue["days_since_mandate"].map(lambda d: number(int(d))).to_numpy()})
        shown_overdue.insert(0, t("col_demo_flag"), overdue_demo.map({True: t("demo_mark"), False: ""}).to_numpy())
        st.dataframe(shown_overdue, hide_index=True, width="stretch")
        cut_caption(len(overdue), len(all_overdue))
        downloads.offer(overdue_table, name="pokja-terlambat", filters=filters,
                        scope=scope.describe(filters), key="ov_overdue", demo=overdue_demo)

scope.provenance_note(filters, "meetings")
