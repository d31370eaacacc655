"""``ingest.dates`` and ``ingest.meeting_date``: date mentions (id, en), the figures' as-of date,
the meeting's date, its year and day/month order."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.assemble import _prepare
from ingest.dates import _date_mentions, as_of_in, in_year_clause
from ingest.extract import extract


@pytest.mark.parametrize(("text", "day_month_year", "weekday"), [
    ("Kamis (30/5/2024)", (30, 5, 2024), 3), ("Jum'at, 7 Juni 2024", (7, 6, 2024), 4),
    ("Monday (5/10)", (5, 10, None), 0), ("Thursday, 22 February 2024", (22, 2, 2024), 3),
    ("Wednesday, February 21, 2024", (21, 2, 2024), 2), ("Tue, 06/10/2015", (6, 10, 2015), 1),
    ("tanggal 5 Pebruari 2024", (5, 2, 2024), None), ("2024-03-12", (12, 3, 2024), None),
    ("on Wednesday (July 17)", (17, 7, None), 2), ("Thursday (July 31, 2025)", (31, 7, 2025), 3),
])
def test_mentions_in_both_languages(text, day_month_year, weekday):
    [m] = _date_mentions(text)
    assert ((m.day, m.month, m.year), m.weekday) == (day_month_year, weekday)


def test_a_bare_fraction_is_not_a_date():
    assert _date_mentions("rasio 3/6 dan 12/5 peserta") == []


@pytest.mark.parametrize(("text", "as_of"), [
    ("tercatat hingga 31 Desember 2023 sebanyak", dt.date(2023, 12, 31)),
    ("per Desember 2023 jumlahnya", dt.date(2023, 12, 31)),
    ("Hingga Mei 2024, tercatat", dt.date(2024, 5, 31)),
    ("as of February 2024 there were", dt.date(2024, 2, 29)),
    ("As of July 30, 2025, all", dt.date(2025, 7, 30)),
    ("digelar Kamis (7/3/2024)", None),
])
def test_the_figures_own_date(text, as_of):
    found = as_of_in(_prepare(text), 0, len(text))
    assert (found[0] if found else None) == as_of


@pytest.mark.parametrize(("text", "year"), [
    ("Pada tahun 2019 tercatat 850 koperasi", 2019), ("Rakor serupa tahun lalu", -1),
    ("in 2019 the office counted", 2019), ("per Desember 2023 jumlahnya", None),
])
def test_a_clause_in_another_year(text, year):
    assert in_year_clause(_prepare(text), 0, len(text)) == year


def test_the_byline_weekday_tells_month_first_from_day_first_in_english():
    text = ("City cooperatives meet\n\nRina Contoh, The Jakarta Post, Malang | Fri, 03/08/2019\n\n"
            "Some 80 cooperative managers attended a coordination meeting on Thursday (7/3) in Malang city.\n")
    d = extract(text)
    assert d.published_on == dt.date(2019, 3, 8)  # "Fri" is 8 March, not 3 August (a Saturday)
    assert (d.date, d.date_inferred, d.weekday_ok) == (dt.date(2019, 3, 7), True, True)


def test_an_indonesian_date_is_never_read_month_first_and_a_wrong_weekday_is_warned():
    d = extract("BELU – Rakor koperasi digelar di Aula Dinas, Jumat (18/9/2025), dan diikuti 45 peserta.\n")
    assert (d.date, d.weekday_ok) == (dt.date(2025, 9, 18), False)
    [mismatch] = [n for n in d.notices if n.code == "weekday_mismatch"]
    assert (mismatch.field, mismatch.params["actual_id"], mismatch.params["actual_en"]) == ("date", "Kamis", "Thursday")


def test_other_events_and_teasers_do_not_give_the_meeting_date():
    text = ("Rakor Koperasi Kampar\n\nBANGKINANG - Rakor serupa tahun lalu digelar Selasa (13/6/2023) di Aula "
            "Dinas. Tahun ini rakor koperasi digelar Kamis (20/6/2024) di Aula Kantor Bupati Kampar.\n"
            "Baca juga: Rakor Koperasi Kota Kupang Digelar Senin (24/6/2024)\n")
    assert extract(text).date == dt.date(2024, 6, 20)


def test_an_as_of_date_is_not_the_meetings():
    text = ("Maluku cooperatives\n\nAmbon, Maluku (ANTARA) - As of July 30, 2025, 86 cooperatives were operating, "
            "an official said at a coordination meeting in Ambon on Thursday (July 31, 2025).\n")
    assert extract(text).date == dt.date(2025, 7, 31)


def test_an_english_weekday_and_month_without_a_year_take_the_publication_year():
    text = ("Palu cooperatives meet\nJuly 18, 2024 10:12 GMT+700\n\nPalu, C Sulawesi (ANTARA) - Officials held a "
            "coordination meeting in Palu on Wednesday (July 17), attended by 85 officials.\n")
    d = extract(text)
    assert (d.date, d.date_inferred, d.weekday_ok) == (dt.date(2024, 7, 17), True, True)


def test_a_deadline_said_in_a_quote_is_not_proposed_as_the_meeting_date():
    """Issue 19 (locked3 N20): the only body date is a target in a quote ("pada 12 Juli mendatang"): the date
    stays empty with the written date named, never a year guessed onto the deadline."""
    from ingest.extract import extract

    text = ("Kabupaten Siap Bentuk Koperasi\n\nPemkab Kotawaringin Barat menyiapkan koperasi desa.\n"
            "“Dalam rapat tersebut ditargetkan bahwa pada 12 Juli mendatang, koperasi ini sudah terbentuk,” ujarnya.")
    result = extract(text, published_on=__import__("datetime").date(2025, 4, 23))
    assert result.date is None
    assert any("12 Juli" in w for w in result.to_dict()["warnings"])
    dated = "Rapat Koperasi\n\nRapat digelar pada Selasa (22/4/2025) di Kantor Bupati Sikka."
    assert extract(dated).date.isoformat() == "2025-04-22"


def test_a_scheduled_date_of_another_event_is_not_the_meeting_date():
    """Issue 19 (locked5 Q04): "Peluncuran nasional … dijadwalkan pada 12 Juli 2025" is a schedule, not proposed."""
    from ingest.extract import extract

    text = ("Akta Koperasi\n\nPemkab Banjar menyerahkan akta pendirian koperasi. Peluncuran nasional Koperasi Merah Putih "
            "dijadwalkan pada 12 Juli 2025, bertepatan dengan Hari Koperasi.")
    assert extract(text).date is None
