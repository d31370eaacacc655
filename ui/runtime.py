"""Process-wide tuning of the Python runtime for a long-lived Streamlit server.

After the first page has been drawn the process holds some 230,000 objects
that live as long as it does (Streamlit, Altair's JSON schema, pandas,
SQLAlchemy, the text tables). Python's full garbage collection walks all of
them each time it runs: a pause that grew to 0.11 s, landing in whichever page
render happened to trigger it. ``gc.freeze()`` moves the objects alive at that
moment out of the collector's view (they are still freed normally by reference
counting), so later collections only walk what page renders create.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_script_runs = 0


def freeze_long_lived_objects() -> None:
    """Call at the start of every script run: on the second run of the process, collect once and freeze.

    The second run, because by then the first has imported and built everything
    a page needs (Altair loads its schema on the first chart drawn).
    """
    global _script_runs
    with _lock:
        _script_runs += 1
        if _script_runs == 2:
            gc.collect()
            gc.freeze()
