"""Every multiselect drops Streamlit's English "Select N matches" bulk action, and the area boxes match
names as typed (issue 20 point 13: "Nusa Tenggara T" + Enter chose two provinces)."""

from __future__ import annotations

import pytest
from streamlit.proto import SelectWidgetFilterMode_pb2

from tests.apptest_helpers import app

AREA_BOXES = ("f_prov", "f_kab", "f_kec")


@pytest.mark.parametrize("page,query", [(None, {}), ("kdmp", {"prov": "53", "kab": "53.01"})])
def test_no_bulk_select_and_area_names_match_as_typed(page, query):
    at = app(page, query=query)
    assert not at.exception
    boxes = list(at.multiselect)
    assert {b.key for b in boxes} >= ({"f_prov", "f_kab", "f_sektor"} | ({"f_kec"} if page == "kdmp" else set()))
    for box in boxes:
        assert box.proto.select_all == 0, box.key
        if box.key in AREA_BOXES:
            assert box.proto.filter_mode == SelectWidgetFilterMode_pb2.FILTER_MODE_CONTAINS, box.key
