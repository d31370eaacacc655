"""``ingest.topic``: the meeting's title, kind and sectors."""

from __future__ import annotations

from ingest.extract import extract


def test_title_kind_and_sectors_from_the_body():
    d = extract("Pemkab Gelar Rakor\n\nBELU – Dinas Koperasi Kabupaten Belu menggelar Rapat Koordinasi Pengawasan "
                "Koperasi di Aula Dinas, Senin (3/6/2024). Pengawasan koperasi dibahas bersama pengurus koperasi.\n")
    assert (d.title, d.kind, d.sectors) == ("Rapat Koordinasi Pengawasan Koperasi", "rakor", ["koperasi"])


def test_an_english_report_keeps_its_headline_as_title_and_gets_kind_and_sectors():
    d = extract("Cooperatives in Bantul face dissolution\n\nBANTUL - Officials told a coordination meeting on "
                "Tuesday (12/11/2019) that 140 inactive cooperatives will be dissolved, as will idle cooperatives.\n")
    assert (d.title, d.kind, d.sectors) == ("Cooperatives in Bantul face dissolution", "rakor", ["koperasi"])


def test_an_office_name_is_not_a_topic():
    d = extract("BELU – Dinas Koperasi, Tenaga Kerja dan Transmigrasi menggelar sosialisasi perlindungan pekerja "
                "migran di Aula Dinas, Senin (3/6/2024). Pekerja migran diminta berangkat secara prosedural.\n")
    assert (d.kind, d.sectors) == ("sosialisasi", ["perlindungan_pmi"])
