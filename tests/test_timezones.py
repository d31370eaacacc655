"""Times in the zone of the province, named (Keppres 41/1987): WIB +7, WITA +8, WIT +9."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_app_imports import own_db  # noqa: F401 - fixture
from ui.timezones import local_time, zone_name


@pytest.mark.parametrize("province,zone", [("31", "WIB"), ("61", "WIB"), ("53", "WITA"), ("51", "WITA"),
                                           ("73", "WITA"), ("81", "WIT"), ("94", "WIT"), (None, "WIB")])
def test_zone_of_province(province, zone):
    assert zone_name(province) == zone


def test_local_time_names_the_zone():
    utc = dt.datetime(2026, 11, 30, 23, 5)
    assert local_time(utc, "WIB") == "01/12/2026 06.05 WIB"
    assert local_time(utc, "WITA") == "01/12/2026 07.05 WITA"
    assert local_time(utc, "WIT") == "01/12/2026 08.05 WIT"
    assert local_time(None, "WIB") == ""


def test_history_times_in_the_editors_zone_and_details_in_words(own_db):  # noqa: F811 - fixture
    import re

    from data_access.auth import Identity
    from tests.test_app_imports import _signed_in

    at = _signed_in("history", Identity("editor", "Editor NTT", "editor", "53"))
    shown = at.dataframe[0].value
    assert "Waktu (WITA)" in shown.columns  # the editor works in NTT
    assert all(v.endswith(" WITA") for v in shown["Waktu (WITA)"])
    details = " | ".join(shown.iloc[:, -1].astype(str))
    assert "Nama tampilan: Editor NTT" in details and "Kata sandi ditetapkan: ya" in details
    assert not re.search(r"\w+_\w+: ", details) and "None" not in details
