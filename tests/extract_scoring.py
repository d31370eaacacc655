"""Score the news extractor against a folder of reports with their right results.

A folder holds ``*.txt`` reports and ``expected.json``: ``{file: {key: right value}}``.
Only the keys listed for a report are checked; ``null`` means the text does not say
it and the field must stay empty. Keys (flat, so that a reader can write them):

    title, date, weekday_ok, regency_code, province_code, organizer,
    opener, opener_role, on_behalf_of, chaired_by, participants,
    total, active, inactive, as_of, area  (the cooperative figures' area),
    active_derived / inactive_derived     (a value proposed only as derived),
    warns                                 (phrases every one of which a warning contains)
    pokja_stage                           (belum_dibentuk / persiapan / terbentuk)
    kdmp_formed, kdmp_notarial_deed, kdmp_legal_entity, kdmp_operational, kdmp_villages,
    kdmp_area, kdmp_as_of                 (Koperasi Merah Putih figures, never cooperative ones)

A field is *invented* when the right value is empty and the extractor gave one; a
*wrong figure* is a cooperative figure (total/active/inactive) given but not right.

    python -m tests.extract_scoring tests/extract_corpus/own [...]
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ingest.extract import extract, read_document

FIGURES = ("total", "active", "inactive")
KDMP = ("formed", "notarial_deed", "legal_entity", "operational", "villages", "area", "as_of")


def flatten(d: dict) -> dict:
    """An extraction's ``to_dict()`` as the flat keys above (absent parts read as empty)."""
    opened = d.get("opened_by") or {}
    chaired = d.get("chaired_by") or {}
    coops = d.get("cooperatives") or {}
    derived = coops.get("derived") or {}
    flat = {key: d.get(key) for key in ("title", "date", "weekday_ok", "regency_code", "province_code",
                                          "organizer", "participants")}
    flat.update(opener=opened.get("name"), opener_role=opened.get("role"),
                on_behalf_of=opened.get("on_behalf_of"), chaired_by=chaired.get("name"),
                as_of=coops.get("as_of"), area=coops.get("area"))
    for key in FIGURES:
        flat[key] = coops.get(key)
        flat[f"{key}_derived"] = derived.get(key) if isinstance(derived, dict) else None
    flat["warns"] = list(d.get("warnings") or [])
    flat["pokja_stage"] = d.get("pokja_stage")
    kdmp = d.get("kdmp_figures") or {}
    for key in KDMP:
        flat[f"kdmp_{key}"] = kdmp.get(key)
    return flat


@dataclass
class Score:
    """Counts over every checked field; ``misses`` names each field not right."""

    checked: int = 0
    right: int = 0
    invented: int = 0
    wrong_figures: int = 0
    misses: list[str] = field(default_factory=list)
    # per field of a stated value (right value not empty): proposed and right / proposed and wrong / left empty (asked)
    proposed_right: int = 0
    proposed_wrong: int = 0
    asked: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.checked if self.checked else 100.0


def _right(key: str, want, got) -> bool:
    if key == "warns":
        return all(any(phrase in w for w in got) for phrase in want)
    return got == want


def score_folder(folder: Path) -> Score:
    """Extract every listed report of ``folder`` and compare with its ``expected.json``."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    result = Score()
    for name, wants in sorted(expected.items()):
        path = folder / name
        got = flatten(extract(read_document(path.read_bytes(), name)).to_dict())
        for key, want in wants.items():
            result.checked += 1
            if want is not None and key != "warns":
                if got[key] is None:
                    result.asked += 1
                elif _right(key, want, got[key]):
                    result.proposed_right += 1
                else:
                    result.proposed_wrong += 1
            if _right(key, want, got[key]):
                result.right += 1
                continue
            result.misses.append(f"{name}: {key} = {got[key]!r}, right {want!r}")
            if want is None and got[key] is not None:
                result.invented += 1
            if key in FIGURES and got[key] is not None:
                result.wrong_figures += 1
    return result


def main(argv: list[str]) -> int:
    for folder in argv or ["tests/extract_corpus/cases", "tests/extract_corpus/own"]:
        s = score_folder(Path(folder))
        print(f"{folder}: {s.right}/{s.checked} fields right ({s.percent:.1f} %), "
              f"{s.invented} invented, {s.wrong_figures} wrong figures; stated fields: {s.proposed_right} proposed "
              f"and right, {s.proposed_wrong} proposed and wrong, {s.asked} left as a question")
        for miss in s.misses:
            print("   ", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
