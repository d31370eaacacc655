"""AppTest: the Satgas KDMP view of the "Status Pokja" page (``?mandat=satgas_kdmp``) says what it knows.

The Keppres 9/2025 issue date is not recorded, so the overdue figure cannot be computed: the page
shows "–" (its reason in the help), never 0; the demo banner counts the Satgas records in view,
not the Pokja PMI ones; the files hold values (empty for unknown), never the screen's "–".
"""

from __future__ import annotations

from tests.apptest_helpers import app

PAGE = "pokja_status"
SATGAS = {"prov": "53", "mandat": "satgas_kdmp"}


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
