"""``ingest.pokja``: the task-force stage a report states, only in sentences that name a task force."""

from __future__ import annotations

import pytest

from ingest.extract import extract

LEAD = "ATAMBUA – Rapat teknis digelar di Aula Kantor Bupati Belu, Kamis (22/8/2024). "


@pytest.mark.parametrize(("sentence", "stage"), [
    ("Pokja PMI Kabupaten Belu belum dibentuk hingga kini.", "belum_dibentuk"),
    ("Pokja PMI telah dibentuk dengan SK Bupati.", "terbentuk"),
    ("Rapat membahas persiapan pembentukan Pokja PMI.", "persiapan"),
    ("Setiap kabupaten wajib membentuk Pokja sesuai MOU.", None),  # an obligation is no stage
    ("Pembentukan koperasi baru dibahas.", None),  # no task force named
    ("Rancangan SK Bupati tentang Satgas Perlindungan PMI sedang disusun.", "persiapan"),
    ("The regency has issued a decree on the formation of a working group (Pokja) for migrant workers.",
     "terbentuk"),
    ("The regency has not yet formed its task force for migrant workers.", "belum_dibentuk"),
    ("The regency is preparing to form a working group for migrant workers.", "persiapan"),
])
def test_stage_as_written(sentence, stage):
    assert extract(LEAD + sentence + "\n").pokja_stage == stage
