"""The demo banner counts in an official's terms, the same on every page for one scope, and the
sources list names demo data in words (issue 20 point 13). Counts computed here in SQL."""

from __future__ import annotations

import re

from sqlalchemy import text

from data_access import engine as engine_module
from tests.apptest_helpers import app


def _fmt(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_banner_counts_each_fact_the_same_on_every_page(sqlite_url):
    with engine_module.get_engine(sqlite_url).connect() as conn:
        total, demo = conn.execute(text(
            "SELECT count(*), sum(CASE WHEN s.kind = 'synthetic' THEN 1 ELSE 0 END) FROM meeting m "
            "JOIN source s ON s.id = m.source_id WHERE m.province_code = '53'")).one()
    expected = f"{_fmt(demo)} dari {_fmt(total)} rapat"
    banners = []
    for page in (None, "meetings"):
        at = app(page, query={"prov": "53"})
        assert not at.exception
        (banner,) = [w.value for w in at.warning if w.value.startswith("**Data demo dalam tampilan ini**")]
        banners.append(banner)
        assert expected in banner and " baris " not in banner, banner
    assert "koperasi terdaftar" in banners[0] and "catatan Pokja kab/kota" in banners[0]


def test_sources_list_names_demo_data_in_words():
    at = app("meetings", query={"prov": "53"})
    sources = next(d.value for d in at.dataframe if "Jenis sumber" in d.value.columns)
    words = " ".join(str(v) for v in sources.astype(str).to_numpy().ravel())
    assert "data demo (sintetis)" in words and "synthetic" not in words
    assert not re.search(r"skala \w+, seed \d+", words)
