"""Query results as pandas DataFrames: the one place rows become a frame."""

from __future__ import annotations

import pandas as pd


def read_frame(conn, stmt, columns: list[str]) -> pd.DataFrame:
    """The rows of ``stmt`` run on ``conn`` as a DataFrame with ``columns``.

    Rows go to pandas as plain tuples: handed SQLAlchemy ``Row`` objects,
    pandas probes each one for attributes (about 10 µs a row).
    """
    return pd.DataFrame([tuple(row) for row in conn.execute(stmt)], columns=columns)
