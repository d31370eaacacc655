"""The Pokja/task-force stage a report states."""

from __future__ import annotations

import re

from ingest.result import Extraction
from ingest.text import _Doc

_POKJA = re.compile(
    r"\b(?:pokja|kelompok\s+kerja|satgas|satuan\s+tugas|gugus\s+tugas|tim\s+terpadu|ltsa|working\s+group|"
    r"task\s+force)\b", re.IGNORECASE
)
_STAGE_PATTERNS = (
    ("belum_dibentuk", re.compile(r"\bbelum\s+(?:di\s?bentuk|terbentuk|membentuk|memiliki|punya|ada)\b"
                                  r"|\b(?:has|have)\s+not\s+(?:yet\s+)?(?:formed|established|set\s+up)\b"
                                  r"|\byet\s+to\s+(?:form|establish|set\s+up)\b", re.I)),
    ("terbentuk", re.compile(
        r"\b(?:telah|sudah)\s+(?:di\s?bentuk|terbentuk|membentuk|dikukuhkan|dilantik)\b"
        r"|\b(?:SK|surat\s+keputusan)\b[^.\n]{0,80}?\bpembentukan\b|\bpengukuhan\b|\bdikukuhkan\b"
        r"|\b(?:has|have|had)\s+(?:already\s+)?(?:formed|established|set\s+up|inaugurated)\b"
        r"|\b(?:was|were|been)\s+(?:officially\s+)?(?:formed|established|set\s+up|inaugurated)\b"
        r"|\b(?:decree|decision\s+letter)\b[^.\n]{0,80}?\bformation\b", re.I)),
    ("persiapan", re.compile(
        r"\b(?:rapat\s+teknis|rencana|persiapan|akan\s+dibentuk|akan\s+membentuk|proses|tahap)\s+"
        r"(?:pembentukan|dibentuk)\b|\bpembentukan\b|\b(?:rancangan|draf|draft)\s+(?:SK|decree)\b"
        r"|\b(?:preparing\s+to|plans?\s+to|will)\s+(?:form|establish|set\s+up)\b|\bin\s+the\s+process\s+of\s+"
        r"(?:forming|establishing)\b|\bformation\s+is\s+(?:underway|in\s+progress)\b", re.I)),
)


def _fill_pokja(doc: _Doc, result: Extraction) -> None:
    """Stage of the task force the report is about, only in sentences that name one.

    "wajib membentuk Pokja" (an obligation) says nothing about the stage; "rapat
    teknis pembentukan Pokja" is preparation; "telah dibentuk"/"SK ...
    pembentukan" is formed; English: "has not yet formed", "is preparing to form",
    "has issued a decree on the formation of a working group".
    """
    stages: dict[str, tuple[int, int]] = {}
    for s_start, s_end in doc.sentences:
        sentence = doc.text[s_start:s_end]
        if not _POKJA.search(sentence):
            continue
        for stage, pattern in _STAGE_PATTERNS:
            m = pattern.search(sentence)
            if m:
                stages.setdefault(stage, (s_start + m.start(), s_start + m.end()))
                break
    if not stages:
        return
    stage = min(stages, key=lambda k: stages[k][0])
    result.pokja_stage = stage
    result.evidence["pokja_stage"] = doc.snippet(*stages[stage])
    if len(stages) > 1:
        result.warn("pokja_several", "pokja_stage", "several Pokja stages mentioned ({stages}); took '{stage}'",
                    stages=", ".join(sorted(stages)), stage=stage)
