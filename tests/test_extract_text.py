"""``ingest.text``: sentences, header, dateline, outlets, teasers, language of a report."""

from __future__ import annotations

from ingest.assemble import _prepare

REPORT = """Rakor Koperasi Belu Digelar
Senin, 3 Juni 2024 | 10:00 WIB

ATAMBUA, POS KUPANG – Rapat koordinasi dibuka Wakil Bupati Belu, Drs. J. T. Ose Luan, di Kab. Belu hari ini. Peserta berasal dari 12 kecamatan di wilayah itu.
Baca juga: Rakor Koperasi Kota Kupang Digelar Senin (15/7/2024)
"""


def test_sentences_do_not_end_at_titles_initials_or_abbreviations():
    doc = _prepare(REPORT)
    first = next(doc.text[s:e] for s, e in doc.sentences if "dibuka" in doc.text[s:e])
    assert first.endswith("di Kab. Belu hari ini.") and "Drs. J. T. Ose Luan" in first


def test_header_headline_dateline_outlet_and_teaser():
    doc = _prepare(REPORT)
    assert doc.text[slice(*doc.headline)] == "Rakor Koperasi Belu Digelar"
    assert doc.text[doc.body_start:].startswith("ATAMBUA, POS KUPANG")
    assert [p.text for p in doc.dateline_places] == ["ATAMBUA"]
    assert [doc.text[s:e].strip() for s, e in doc.dateline_outlets] == ["POS KUPANG"]
    teaser_at = REPORT.index("Kota Kupang Digelar")
    assert doc.in_teaser(teaser_at) and not doc.about_the_meeting(teaser_at)
    assert not doc.about_the_meeting(REPORT.index("Senin, 3 Juni"))  # the byline line
    assert doc.about_the_meeting(REPORT.index("Belu Digelar"))  # the headline speaks of the meeting
    assert doc.english is False


def test_outlet_names_with_places_and_a_wire_dateline():
    text = ("Cooperatives meet\n\nBogor, W Java (ANTARA) - The meeting was reported by The Jakarta Post and "
            "Tribun Manado on Monday.\n")
    doc = _prepare(text)
    assert doc.english is True
    assert [doc.text[s:e] for s, e in doc.dateline_outlets] == ["ANTARA"]
    for name in ("Jakarta", "Manado"):
        assert doc.in_outlet(text.index(name)) and not doc.about_the_meeting(text.index(name))
    assert [p.text for p in doc.dateline_places] == ["Bogor"]


def test_a_venue_named_like_an_outlet_keeps_its_place():
    text = "BELU – Rakor koperasi digelar di Media Center Kabupaten Belu, Senin (3/6/2024).\n"
    doc = _prepare(text)
    assert doc.about_the_meeting(text.index("Kabupaten Belu"))
