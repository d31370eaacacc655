"""``ingest.documents``: uploaded bytes → text (encodings, HTML)."""

from __future__ import annotations

import codecs

from ingest.documents import decode_text, html_to_text, read_document

TEXT = "Rapat koordinasi di Kabupaten Belu — peserta: 45 orang, “resmi”."


def test_read_document_encodings():
    text = "Rapat – “koperasi” di Atambua, Kamis (1/12/2022). Café.\n"
    assert read_document(codecs.BOM_UTF8 + text.encode("utf-8"), "a.txt") == text
    assert read_document(text.encode("utf-8"), "a.txt") == text
    assert read_document(text.encode("cp1252"), "a.txt") == text
    assert decode_text("Rapat – ok".encode("cp1252")) == "Rapat – ok"  # too short for a detector to be sure
    assert read_document(b"Baris satu\r\nBaris dua\r\n", "a.txt") == "Baris satu\nBaris dua\n"
    # an HTML file with an unexpected name is sniffed, never executed
    assert read_document(b"<html><body><p>Halo</p><script>x()</script></body></html>", "unggah.bin") == "Halo"


def test_every_common_encoding_reads_back_the_same_text():
    for data in (TEXT.encode("utf-8"), codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT.encode("cp1252"),
                 codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")):
        assert decode_text(data) == TEXT


def test_html_keeps_visible_blocks_and_drops_scripts_styles_and_navigation():
    html = ("<html><head><title>Judul halaman</title><style>p{color:red}</style></head><body>"
            "<nav>Beranda | Daerah</nav><h1>Rakor Koperasi</h1><p>Paragraf   satu\nberlanjut.</p>"
            "<script>alert('x')</script><p>Paragraf dua.</p></body></html>")
    assert html_to_text(html) == "Rakor Koperasi\nParagraf satu berlanjut.\nParagraf dua."


def test_the_title_stands_in_only_without_a_heading_and_names_are_sniffed():
    html = "<html><head><title>Judul</title></head><body><p>Isi berita.</p></body></html>"
    assert read_document(html.encode(), "berita") == "Judul\nIsi berita."  # no suffix: sniffed as HTML
    assert read_document(b"baris satu\r\nbaris dua\r", "berita.txt") == "baris satu\nbaris dua\n"
