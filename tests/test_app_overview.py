"""AppTest: the Ringkasan page shows figures computed from the database, in both languages."""

import io

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access import engine as engine_module
from data_access.models_cooperatives import Cooperative
from data_access.models_meetings import Meeting
from data_access.models_pokja import Pokja
from data_access.models_reference import Source
from tests.apptest_helpers import app, capture_downloads, demo_marked, download_bytes, plain_label  # noqa: F401 - fixture


def _metrics(at) -> dict[str, tuple[str, str]]:
    return {plain_label(m.label): (m.value, m.delta) for m in at.metric}


def _fmt(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_whole_country_figures(sqlite_url):
    at = app()
    assert not at.exception
    with Session(engine_module.get_engine(sqlite_url)) as s:
        held = s.scalar(select(func.count()).select_from(Meeting).where(Meeting.status == "held"))
        coops = s.scalar(select(func.count()).select_from(Cooperative).where(Cooperative.dissolved.is_(False)))
    metrics = _metrics(at)
    assert metrics["Rapat terlaksana"][0] == _fmt(held)
    # registered = not dissolved and founded by the end of the as-of year (all demo rows are)
    assert int(metrics["Koperasi terdaftar"][0].replace(".", "")) <= coops
    assert any("sintetis" in w.value for w in at.warning)


def test_real_data_in_ntt(sqlite_url):
    at = app(query={"prov": "53", "nyata": "1"})
    assert not at.exception
    with Session(engine_module.get_engine(sqlite_url)) as s:
        real = Source.kind != "synthetic"
        held = s.scalar(select(func.count()).select_from(Meeting).join(Source)
                        .where(Meeting.province_code == "53", Meeting.status == "held", real))
        formed = s.scalar(select(func.count(Pokja.regency_code.distinct())).join(Source)
                          .where(Pokja.regency_code.like("53.%"), Pokja.stage == "terbentuk", real))
    metrics = _metrics(at)
    assert held == 3
    assert metrics["Rapat terlaksana"][0] == "3"
    # no real register rows: unknown, shown as "–" with the reason, never 0 (issue 20 point 1)
    assert metrics["Koperasi terdaftar"][0] == "–" and metrics["Koperasi aktif"][0] == "–"
    assert any("bukan 0" in c.value and "nyata" in c.value for c in at.caption)
    assert metrics["Pokja terbentuk"][0] == str(formed) == "1"
    assert metrics["Pokja terbentuk"][1] == "dari 22 kab/kota wajib"
    assert not any("sintetis" in w.value for w in at.warning)


def test_filter_change_changes_figures():
    at = app()
    before = _metrics(at)["Rapat terlaksana"][0]
    at.multiselect(key="f_prov").set_value(["53"]).run()
    after = _metrics(at)["Rapat terlaksana"][0]
    assert before != after
    assert at.query_params["prov"] == ["53"] or at.query_params["prov"] == "53"


def test_upcoming_agrees_with_the_calendar_and_recent_list_has_status(sqlite_url):
    """Ringkasan's "Rapat mendatang" is the Kalender's "Mendatang"; a past planned meeting is marked as such."""
    import datetime as dt

    at = app()
    with Session(engine_module.get_engine(sqlite_url)) as s:
        last_day = func.coalesce(Meeting.ends_on, Meeting.held_on)
        upcoming = s.scalar(select(func.count()).select_from(Meeting)
                            .where(Meeting.status == "planned", last_day >= dt.date.today()))
        planned_past = s.scalar(select(func.count()).select_from(Meeting)
                                .where(Meeting.status == "planned", last_day < dt.date.today()))
    assert _metrics(at)["Rapat mendatang"][0] == _fmt(upcoming)
    assert planned_past and any(f"{_fmt(planned_past)} rapat masih berstatus direncanakan" in c.value
                                for c in at.caption)
    recent = at.dataframe[0].value
    assert "Status" in recent.columns and "Direncanakan" not in set(recent["Status"])


def test_cut_lists_say_how_many_in_all(sqlite_url):
    at = app()
    assert any(" dari " in c.value and "persempit" in c.value for c in at.caption)


def test_english():
    at = app(query={"prov": "53"}, lang="en")
    assert not at.exception
    assert "Meetings held" in _metrics(at)
    assert at.title[0].value == "Pantau Rakor"


def test_recent_meetings_download_holds_rows_shown(capture_downloads):  # noqa: F811
    at = app(query={"prov": "53", "nyata": "1"})
    shown = at.dataframe[0].value  # real data only: no demo column on screen (``ui.tables.show``)
    assert "Data demo" not in shown.columns
    csv = download_bytes(at.download_button(key="ov_recent_csv"), capture_downloads)
    assert csv.startswith(b"\xef\xbb\xbf")
    extract = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig", dtype=str).fillna("")
    assert list(extract.columns) == [*shown.columns, "Data demo"]
    assert set(extract["Data demo"]) == {"tidak"}  # real data only
    text_columns = [c for c in shown.columns if c != "Tanggal"]  # dates: ISO in the file, words on screen
    assert extract[text_columns].values.tolist() == shown[text_columns].astype(str).replace(
        {"None": ""}).values.tolist()
    assert all(len(d) == 10 and d[4] == "-" for d in extract["Tanggal"])
    assert len(extract) == 3


@pytest.mark.parametrize("bad", ["prov=99", "dari=kemarin"])
def test_invalid_parameter_dropped_with_note(bad):
    key, value = bad.split("=")
    at = app(query={key: value})
    assert not at.exception
    assert any("diabaikan" in w.value for w in at.main.warning)  # at the top of the page (issue 20 point 11)


def test_sidebar_dates_said_back_in_words():
    """Issue 20 (sidebar date pickers): the chosen days said back in words under the pickers, as on Riwayat and
    Ekstraksi berita (a typed 31/02 becomes 29/02 without a word from Streamlit); none for an empty picker."""
    at = app(query={"dari": "2024-02-29", "sampai": "2024-03-01"})
    assert not at.exception
    said = [c.value for c in at.sidebar.caption]
    assert "Tanggal dipilih: Kamis, 29 Februari 2024" in said and "Tanggal dipilih: Jumat, 1 Maret 2024" in said
    at.date_input(key="f_to").set_value(None).run()
    assert [c.value for c in at.sidebar.caption if c.value.startswith("Tanggal dipilih")] == [
        "Tanggal dipilih: Kamis, 29 Februari 2024"]


def test_cut_lists_download_every_row(capture_downloads):  # noqa: F811
    """Issue 20 point 6: a list cut to 10 rows on screen ("10 dari 11") still downloads all 11."""
    import re

    at = app(query={"prov": "53"})
    assert not at.exception
    totals = [int(m.group(2).replace(".", "")) for c in at.caption if (m := re.match(r"^(\d+) dari ([\d.]+) —", c.value))]
    assert totals, "no cut list in this view"
    cut = {}
    for key in ("ov_lowest", "ov_overdue"):
        frame = pd.read_csv(io.BytesIO(download_bytes(at.download_button(key=f"{key}_csv"), capture_downloads)),
                            encoding="utf-8-sig", dtype=str)
        cut[key] = len(frame)
    assert sorted(n for n in cut.values() if n > 10) == sorted(totals), (cut, totals)
    assert all(len(d.value) <= 10 for d in at.dataframe)


@pytest.mark.parametrize("lang,reason,other", [("id", "kode wilayah tidak dikenal", "unknown region code"),
                                               ("en", "unknown region code", "kode wilayah tidak dikenal")])
def test_link_note_in_the_readers_language_alone(lang, reason, other):
    """Issue 20 walkthrough: the note on a dropped link value was "kode wilayah tidak dikenal / unknown
    region code" on both languages' pages, in code style: now the reader's language, the value as code."""
    at = app(query={"prov": "99", "macet": "-5"}, lang=lang)
    notes = [w.value for w in at.main.warning if w.value.startswith(("Parameter tautan", "Link parameters"))]
    assert len(notes) == 1 and f"**prov** = `99`: {reason}" in notes[0], notes
    assert other not in notes[0] and " / " not in notes[0]
