"""``ingest.participants``: a headcount only where the text ties a number to the people there."""

from __future__ import annotations

import pytest

from ingest.extract import extract

LEAD = "ENDE – Rakor koperasi digelar di Aula Setda Ende, Jumat (23/8/2024). "


@pytest.mark.parametrize(("sentence", "participants"), [
    ("Rakor diikuti 85 peserta dari 22 kabupaten/kota.", 85),
    ("Rakor dihadiri 45 orang peserta.", 45),
    ("Rakor diikuti 45 pengurus koperasi.", 45),
    ("Sebanyak 1.200 peserta hadir.", 1200),
    ("Rakor diikuti 22 kabupaten/kota.", None),  # regencies, not people
    ("Rakor serupa tahun lalu diikuti 40 peserta. Tahun ini rakor diikuti 75 peserta.", 75),
    ("Some 80 cooperative managers attended the meeting.", 80),
    ("The meeting was attended by 60 officials.", 60),
    ("Dari 356 koperasi, 129 tidak aktif.", None),
])
def test_headcount(sentence, participants):
    assert extract(LEAD + sentence + "\n").participants == participants
