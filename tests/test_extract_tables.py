"""``ingest.tables``: tables pasted as text, read by column (areas/years across) or by row (areas down);
a sub-area's or an earlier year's column is never the area's figures."""

from __future__ import annotations

import datetime as dt

from ingest.extract import extract

LEAD = "MARTAPURA - Rakor koperasi digelar di Aula Barakat Kabupaten Banjar, Kamis (18/7/2024).\n"


def test_the_regencys_column_beside_a_kecamatans():
    coops = extract(LEAD + "Data koperasi per 30 Juni 2024:\nUraian | Kecamatan Martapura | Kabupaten Banjar\n"
                           "Jumlah koperasi | 96 | 402\nAktif | 61 | 237\nTidak aktif | 35 | 165\n").cooperatives
    assert (coops.total, coops.active, coops.inactive, coops.as_of, coops.area_code) == (
        402, 237, 165, dt.date(2024, 6, 30), "63.03")


def test_this_years_column_beside_last_years_with_tabs():
    coops = extract(LEAD + "Uraian\t2023\t2024\nJumlah koperasi\t390\t402\nKoperasi aktif\t220\t237\n").cooperatives
    assert (coops.total, coops.active, coops.inactive) == (402, 237, None)


def test_areas_in_rows_the_kecamatan_rows_left_out():
    coops = extract(LEAD + "Wilayah | Jumlah | Aktif | Tidak aktif\nKecamatan Martapura | 96 | 61 | 35\n"
                           "Kabupaten Banjar | 402 | 237 | 165\n").cooperatives
    assert (coops.total, coops.active, coops.inactive, coops.area_code) == (402, 237, 165, "63.03")


def test_two_regencies_columns_give_no_figures():
    found = extract(LEAD + "Uraian | Kabupaten Banjar | Kota Banjarbaru\nJumlah koperasi | 402 | 310\n"
                           "Aktif | 237 | 180\n")
    assert found.cooperatives is None


def test_a_list_of_kecamatan_gives_only_its_total_row_with_empty_cells_kept():
    coops = extract(LEAD + "| No | Kecamatan | Jumlah Koperasi | Aktif |\n| 1 | Martapura | 96 | 61 |\n"
                           "| 2 | Astambul | 40 | 22 |\n| Jumlah | | 402 | 237 |\n").cooperatives
    assert (coops.total, coops.active, coops.area_code) == (402, 237, "63.03")
