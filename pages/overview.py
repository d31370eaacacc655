"""Ringkasan (overview): the three questions at a glance for the filters in view.

Cooperatives registered/active, meetings held/planned, Pokja formed out of the
kab/kota mandated; the five most recent meetings; the regencies that need
attention. Every figure comes from a ``data_access`` function named below.
"""

import streamlit as st

from data_access import cooperatives, meetings, pokja, pokja_rules
from ui import briefing, demo, queries, scope, tables
from ui.charts import built as built_chart
from ui.charts import show as show_chart
from ui.charts.overview import meetings_per_month
from ui.formatting import number, percent
from ui.i18n import t
from ui.tables import Col

MIN_REGISTERED_FOR_RANKING = 10
LIST_ROWS = 10  # rows of each "needs attention" list; the caption says how many there are in all
# The three lists: screen, files and demo column from one declaration each (``ui.tables``, issue 20 point 5).
RECENT_COLS = [Col("col_date", "held_on", "date"), Col("col_status", "status_text"), Col("col_title", "title"),
               Col("col_province", "province"), Col("col_regency", "regency"), Col("col_city", "city"),
               Col("col_organizer", "organizer")]
LOWEST_COLS = [Col("col_regency", "area_name"), Col("col_pct_active", "pct_active", "pct"),
               Col("col_inactive", "inactive", "int"), Col("col_registered", "registered", "int"),
               Col("col_active", "active", "int")]  # the key columns first
OVERDUE_COLS = [Col("col_regency", "regency_name"), Col("col_province", "province_name"),
                Col("col_stage", "stage", "label", label=lambda s: t(f"stage_{s}")),
                Col("col_days_since_mandate", "days_since_mandate", "int"), Col("col_mandate", "mandate_title")]


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
    tables.show(recent.assign(status_text=status.to_numpy()), RECENT_COLS, name="rapat-terakhir", key="ov_recent",
                demo=recent_demo, filters=filters, scope=scope.describe(filters))

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
        tables.show(ranked, LOWEST_COLS, name="koperasi-aktif-terendah", key="ov_lowest", rows=LIST_ROWS,
                    demo=ranked["registered_synthetic"], filters=filters, scope=scope.describe(filters))
        cut_caption(len(lowest), len(ranked))
with overdue_col:
    st.markdown(t("ov_overdue", d=pokja_rules.OVERDUE_AFTER_DAYS))
    status = queries.run(pokja.pokja_by_regency, filters)
    all_overdue = status[status["overdue"].fillna(False).astype(bool)].sort_values(
        "days_since_mandate", ascending=False)
    overdue = all_overdue.head(LIST_ROWS)
    if overdue.empty:
        st.info(t("ov_none_overdue"))
    else:
        tables.show(all_overdue, OVERDUE_COLS, name="pokja-terlambat", key="ov_overdue", rows=LIST_ROWS,
                    demo=all_overdue["source_kind"].eq("synthetic"), filters=filters, scope=scope.describe(filters))
        cut_caption(len(overdue), len(all_overdue))

scope.provenance_note(filters, "meetings")
