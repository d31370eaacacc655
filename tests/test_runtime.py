"""The server freezes its long-lived objects once, on the second script run of the process."""

import gc

from ui import runtime


def test_freeze_happens_on_the_second_run_only(monkeypatch):
    gc.unfreeze()
    monkeypatch.setattr(runtime, "_script_runs", 0)
    runtime.freeze_long_lived_objects()
    assert gc.get_freeze_count() == 0  # the first run has not built everything yet
    runtime.freeze_long_lived_objects()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    objects = [[i] for i in range(1000)]  # created later: still seen by the collector
    runtime.freeze_long_lived_objects()
    assert gc.get_freeze_count() == frozen
    assert any(o is objects[0] for o in gc.get_objects())
