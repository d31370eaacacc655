"""Property test (Hypothesis) of map-or-refuse over generated cooperative-count files (issue 18):
random header spellings, column orders, extra columns (other measures, portal ids, units, free
text), finer rows (a desa column), duplicated keys (identical or differing), codes dotted, undotted
or absent — on SQLite and PostgreSQL. Asserted, from what the generator wrote (never from the
importer):

1. no import changes a figure of an area the file does not name, and every named area gets exactly
   the figures of its rows;
2. two rows with different values on one key refuse the file and nothing is stored; identical
   rows are merged;
3. rows finer than kab/kota refuse the file and nothing is stored;
4. undo restores the database exactly.
"""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_access import imports
from tests.conftest import _create_pg_database, _pg_server_url
from tests.import_case_helpers import counts_by_area, prepared_engine

# (Kemendagri code, name as the gazetteer writes it): kabupaten and kota of one name, several provinces
AREAS = (("53.01", "Kabupaten Kupang"), ("53.71", "Kota Kupang"), ("53.04", "Kabupaten Belu"),
         ("35.05", "Kabupaten Blitar"), ("35.72", "Kota Blitar"), ("32.01", "Kabupaten Bogor"),
         ("32.71", "Kota Bogor"), ("52.04", "Kabupaten Sumbawa"))
NAME_HEADERS = ("Kabupaten/Kota", "KABUPATEN / KOTA", "nama_kabupaten_kota", "Regency/City")
CODE_HEADERS = ("Kode Wilayah", "kode_kabupaten_kota")
DATE_HEADERS = ("Per Tanggal", "tahun", "Tahun")
MEASURE_HEADERS = {"active": ("Aktif", "jumlah_koperasi_aktif", "JUMLAH KOPERASI AKTIF"),
                   "inactive": ("Tidak Aktif", "JUMLAH KOPERASI TIDAK AKTIF"),
                   "total": ("Jumlah Koperasi", "JUMLAH KOPERASI TOTAL")}
EXTRAS = {"JUMLAH KARYAWAN": lambda i: str(100 + i), "id": lambda i: str(i + 1), "satuan": lambda i: "Unit",
          "Petugas": lambda i: f"Petugas {i}"}
counter = itertools.count()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def eng(request, tmp_path_factory):
    if request.param == "sqlite":
        return prepared_engine(f"sqlite:///{tmp_path_factory.mktemp('prop') / 'prop.sqlite'}")
    return prepared_engine(_create_pg_database(_pg_server_url()))


@st.composite
def files(draw):
    areas = draw(st.lists(st.sampled_from(AREAS), min_size=1, max_size=5, unique=True))
    years = draw(st.lists(st.sampled_from((2021, 2022, 2023)), min_size=1, max_size=2, unique=True))
    measures = draw(st.lists(st.sampled_from(sorted(MEASURE_HEADERS)), min_size=1, max_size=3, unique=True))
    code_style = draw(st.sampled_from(("none", "dotted", "undotted")))
    extras = draw(st.lists(st.sampled_from(sorted(EXTRAS)), max_size=3, unique=True))
    finer = draw(st.booleans())
    duplicate = draw(st.sampled_from(("none", "identical", "differing")))
    rows = []
    for (code, name), year in itertools.product(areas, years):
        figures = {m: draw(st.integers(0, 5000)) for m in measures}
        rows.append({"code": code, "name": name, "year": year, **figures})
    if duplicate != "none":
        copy = dict(rows[0])
        if duplicate == "differing":
            copy[measures[0]] += 1
        rows.append(copy)
    columns = [("name", draw(st.sampled_from(NAME_HEADERS))), ("year", draw(st.sampled_from(DATE_HEADERS)))]
    if code_style != "none":
        columns.append(("code", draw(st.sampled_from(CODE_HEADERS))))
    columns += [(m, draw(st.sampled_from(MEASURE_HEADERS[m]))) for m in measures]
    columns += [(f"extra:{e}", e) for e in extras]
    if finer:
        columns.append(("desa", "kemendagri_nama_desa_kelurahan"))
    order = draw(st.permutations(range(len(columns))))
    columns = [columns[i] for i in order]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([header for _key, header in columns])
    for index, row in enumerate(rows):
        cells = []
        for key, _header in columns:
            if key == "code":
                cells.append(row["code"] if code_style == "dotted" else row["code"].replace(".", ""))
            elif key == "desa":
                cells.append(f"DESA {index}")
            elif key.startswith("extra:"):
                cells.append(EXTRAS[key[6:]](index))
            else:
                cells.append(str(row[key]))
        writer.writerow(cells)
    return out.getvalue().encode(), rows, measures, finer, duplicate


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=files())
def test_no_import_misplaces_a_figure(eng, generated):
    data, rows, measures, finer, duplicate = generated
    before = counts_by_area(eng)
    report = imports.commit("counts", data, f"gen-{next(counter)}.csv", user="editor", engine=eng)
    try:
        after = counts_by_area(eng)
        if finer:
            assert report.file_error is not None and report.file_error.code == "finer_than_kind"
            assert after == before
            return
        if duplicate == "differing":
            assert report.file_error is not None and report.file_error.code == "rows_collapse"
            assert after == before
            return
        assert report.file_error is None and report.committed, report.file_error
        assert report.counts.get("merged", 0) == (1 if duplicate == "identical" else 0)
        named = {row["code"] for row in rows}
        changed = {area for area in set(before) | set(after) if before.get(area) != after.get(area)}
        assert changed == named
        for row in rows:
            added = {(r[0].year, r[1], r[2], r[3]) for r in after[row["code"]] - before.get(row["code"], set())}
            wanted = (row["year"], row.get("total"), row.get("active"), row.get("inactive"))
            assert wanted in added
        assert sum(len(after[a] - before.get(a, set())) for a in named) == len({(r["code"], r["year"]) for r in rows})
    finally:
        if report.batch_id is not None:
            assert imports.undo(report.batch_id, user="editor", engine=eng).done
    assert counts_by_area(eng) == before
    del measures
