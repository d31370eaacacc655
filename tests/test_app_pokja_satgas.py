"""AppTest: the Satgas KDMP view of the "Status Pokja" page (``?mandat=satgas_kdmp``) says what it knows.

The Keppres 9/2025 issue date is not recorded, so the overdue figure cannot be computed: the page
shows "–" (its reason in the help), never 0; the demo banner counts the Satgas records in view,
not the Pokja PMI ones; the files hold values (empty for unknown), never the screen's "–".
"""

from __future__ import annotations

import io
import json

import openpyxl
import pandas as pd

from tests.apptest_helpers import app, capture_downloads, download_bytes, plain_label  # noqa: F401  (fixture)
from tests.test_app_pokja import button

PAGE = "pokja_status"
SATGAS = {"prov": "53", "mandat": "satgas_kdmp"}


def test_overdue_metric_is_unknown_not_zero_when_it_cannot_be_computed():
    at = app(PAGE, query=SATGAS)
    assert not at.exception
    metrics = {plain_label(m.label): m for m in at.metric}
    overdue = metrics["Lewat tenggat"]
    assert overdue.value == "–"
    assert "tidak dapat dihitung" in overdue.help and "tanggal terbit mandat" in overdue.help
    # the counts of kab/kota by stage are known (0 is a real zero there)
    assert all(m.value != "–" for label, m in metrics.items() if label != "Lewat tenggat")


def test_overdue_metric_stays_a_count_where_it_is_known():
    metrics = {plain_label(m.label): m.value for m in app(PAGE, query={"prov": "53", "nyata": "1"}).metric}
    assert metrics["Lewat tenggat"] == "2"


def test_demo_banner_counts_the_mandate_in_view():
    at = app(PAGE, query=SATGAS)
    (banner,) = [w.value for w in at.warning if "Data demo dalam tampilan ini" in w.value]
    assert "catatan Satgas KDMP kab/kota" in banner and "catatan Pokja" not in banner
    source_line = next(c.value for c in at.caption if c.value.startswith("Sumber:"))
    rows = source_line.split(". ")[1].split(" baris")[0]  # "19 dari 19"
    assert f"{rows} catatan Satgas KDMP kab/kota" in banner


def test_section_titles_name_the_body_of_the_mandate():
    satgas = [s.value for s in app(PAGE, query=SATGAS).subheader]
    assert "Kab/kota yang belum membentuk Satgas" in satgas
    pmi = [s.value for s in app(PAGE, query={"prov": "53"}).subheader]
    assert "Kab/kota yang belum membentuk Pokja" in pmi


def test_overdue_in_files_is_empty_when_unknown_never_a_dash(capture_downloads):  # noqa: F811
    at = app(PAGE, query=SATGAS)
    assert not at.exception
    for key in ("pokja_dl_not_formed", "pokja_dl_all"):
        csv = pd.read_csv(io.BytesIO(download_bytes(button(at, f"{key}_csv"), capture_downloads)),
                          dtype=str, keep_default_na=False, encoding="utf-8-sig")
        assert "–" not in set(csv["Lewat tenggat"]), key
        assert set(csv["Lewat tenggat"]) <= {"", "Ya", "Tidak"}, key
        assert "" in set(csv["Lewat tenggat"]), key  # the Keppres date is unknown: overdue unknown
        csvid = pd.read_csv(io.BytesIO(download_bytes(button(at, f"{key}_csvid"), capture_downloads)), sep=";",
                            dtype=str, keep_default_na=False, encoding="utf-8-sig")
        assert csvid["Lewat tenggat"].tolist() == csv["Lewat tenggat"].tolist(), key
        sheet = openpyxl.load_workbook(io.BytesIO(download_bytes(button(at, f"{key}_xlsx"), capture_downloads)))["Data"]
        header = [c.value for c in sheet[1]]
        column = header.index("Lewat tenggat")
        cells = [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert "–" not in cells and None in cells, key


def test_regency_names_are_not_cut_by_the_grid_sample():
    """Streamlit's grid sizes a column by its first ~10 rows; "Kabupaten Manggarai Barat" (row 11 of the NTT
    not-formed list) was cut on a 390 px phone. The name column gets a width for its longest name."""
    at = app(PAGE, query={"prov": "53"})
    tables = [d for d in at.dataframe if "Kabupaten/kota" in d.value.columns]
    assert tables
    for table in tables:
        width = json.loads(table.proto.columns).get("Kabupaten/kota", {}).get("width")
        longest = table.value["Kabupaten/kota"].str.len().max()
        assert isinstance(width, int) and width >= 7 * longest + 16, (width, longest)
