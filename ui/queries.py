"""Cached calls into ``data_access`` for the pages.

``run(fn, *args)`` calls a ``data_access`` query function (``fn(*args,
engine=...)``) through one ``st.cache_data`` keyed by the function's import path,
its (hashable) arguments — usually a ``Filters`` — and the database URL, so the
page reads ``run(cooperatives.health_by_area, filters, "provinsi")`` and a
newcomer can jump from the number on screen straight to the SQL. ``clear()``
is called after every write so pages never show stale figures.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pandas as pd
import streamlit as st

from data_access import config, overview
from data_access.engine import get_engine
from ui.db import app_engine, database_errors_shown

CACHE = {"ttl": 600, "max_entries": 512, "show_spinner": False}


def _resolve(path: str) -> Callable:
    module, _, name = path.partition(":")
    target = importlib.import_module(module)
    for part in name.split("."):
        target = getattr(target, part)
    return target


@st.cache_data(**CACHE)
def _cached(path: str, url: str, args: tuple, kwargs: tuple) -> pd.DataFrame:
    return _resolve(path)(*args, engine=get_engine(url), **dict(kwargs))


def run(fn: Callable, *args, **kwargs):
    """``fn(*args, **kwargs, engine=<app engine>)``, cached by its arguments.

    If the database cannot be reached the page stops with a clear message
    instead of a traceback; the next rerun tries again, so the app recovers
    without a restart once the database is back.
    """
    with database_errors_shown():
        app_engine()
        return _cached(f"{fn.__module__}:{fn.__qualname__}", config.database_url(), args,
                       tuple(sorted(kwargs.items())))


def database_summary() -> pd.DataFrame:
    return run(overview.database_summary)


def clear() -> None:
    """Forget every cached query result (after an import, a save or an undo)."""
    _cached.clear()
