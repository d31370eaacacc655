"""Every warning the extractor can give has an Indonesian and an English text on the page."""

from __future__ import annotations

import re
from pathlib import Path

from ingest import cooperatives, meeting_date, people
from ui.texts.extract_news import TEXT

INGEST = Path(__file__).resolve().parents[1] / "ingest"


def _codes() -> set[str]:
    """Codes as written in ``result.warn(...)`` calls; f-string codes expanded from their tables."""
    written = {m for path in INGEST.glob("*.py")
               for m in re.findall(r'\.warn\((f?"[a-z_{}]+")', path.read_text(encoding="utf-8"))}
    expansions = {'f"year_from_{why}"': meeting_date._WHY, 'f"opener_{why}"': people._WHY,
                  'f"figures_{why}"': cooperatives._REASONS}
    codes = set()
    for code in written:
        if code.startswith("f"):
            prefix = code[2:code.index("{")]
            codes |= {prefix + key for key in expansions[code]}
        else:
            codes.add(code.strip('"'))
    return codes


def test_every_notice_code_is_translated_in_both_languages():
    codes = _codes()
    assert len(codes) >= 19
    for code in codes:
        entry = TEXT.get(f"ex_warn_{code}")
        assert entry and entry["id"] and entry["en"], code


def test_every_notice_of_the_corpus_fills_its_texts():
    """The params each notice carries fill both texts (no missing placeholder on the page)."""
    from ingest.extract import extract, read_document

    seen = set()
    for path in sorted((Path(__file__).resolve().parent / "extract_corpus").rglob("*.txt")):
        for notice in extract(read_document(path.read_bytes(), path.name)).notices:
            seen.add(notice.code)
            for lang in ("id", "en"):
                text = TEXT[f"ex_warn_{notice.code}"][lang].format(**notice.params)
                assert "{" not in text, (notice.code, lang)
    assert len(seen) >= 10
