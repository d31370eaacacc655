"""``ui.pokja_views``: the overdue figure is "–" (or "≥ n") where it cannot be computed, never a 0."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ui import pokja_views

MOU = dt.date(2019, 5, 9)


def rows(*rows: tuple[str, str, dt.date | None, bool | None]) -> pd.DataFrame:
    return pd.DataFrame({"regency_code": [r[0] for r in rows], "stage": [r[1] for r in rows],
                         "mandate_issued_on": [r[2] for r in rows],
                         "overdue": pd.array([r[3] for r in rows], dtype="boolean")})


def test_known_count_and_no_report_is_not_unknown():
    frame = rows(("53.04", "persiapan", MOU, True), ("53.05", "tidak_ada_data", MOU, None))
    assert pokja_views.overdue_figure(frame, frame)[0] == "1"
    frame = rows(("53.04", "belum_dibentuk", MOU, False), ("53.05", "tidak_ada_data", MOU, None))
    assert pokja_views.overdue_figure(frame, frame)[0] == "0"  # a real zero: every mark is known


def test_undated_mandate_makes_the_figure_unknown():
    frame = rows(("53.06", "persiapan", None, None), ("53.09", "tidak_ada_data", None, None))
    value, help_text = pokja_views.overdue_figure(frame, frame)
    assert value == "–" and "tidak dapat dihitung" in help_text and "1 kab/kota" in help_text
    only_no_report = rows(("53.09", "tidak_ada_data", None, None))
    assert pokja_views.overdue_figure(only_no_report, only_no_report)[0] == "–"  # no dated mandate in view


def test_some_unknown_gives_a_lower_bound():
    frame = rows(("53.04", "persiapan", MOU, True), ("53.06", "persiapan", None, None))
    assert pokja_views.overdue_figure(frame, frame)[0] == "≥ 1"
