"""Cached calls into ``data_access`` for the pages.

``run(fn, *args)`` calls a ``data_access`` query function (``fn(*args,
engine=...)``) through one ``st.cache_data`` keyed by the function's import path,
its (hashable) arguments — usually a ``Filters`` —, the database URL and the
**data version** (``data_access.data_version``), so the page reads
``run(cooperatives.health_by_area, filters, "provinsi")`` and a newcomer can jump
from the number on screen straight to the SQL.

The version is read once per script run (on its first ``run`` after ``start_run()``,
which ``dashboard.py`` calls; one primary-key read) and kept in the session; every
process's write raises it, so a figure is never older than the last write of any
process and the cache needs no time-to-live. After a write in this session,
``clear()`` makes the next ``run`` read the version again.

Cache size (``CACHE``): at most ``max_entries`` results per process, least recently
used dropped first; entries of older versions are never read again and age out
that way. 512 covers every page × a few hundred filter combinations; a result is a
small aggregated frame (kilobytes), the register page 50 rows.
"""

from __future__ import annotations

import copy
import importlib
import threading
from collections import OrderedDict
from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlalchemy.exc import OperationalError

from data_access import config, data_version, overview
from data_access.engine import get_engine
from ui.db import app_engine, database_errors_shown

CACHE = {"ttl": None, "max_entries": 512, "show_spinner": False}
VERSION_KEY = "_data_version"
LAST_VERSION_KEY = "_data_version_seen"


def _resolve(path: str) -> Callable:
    module, _, name = path.partition(":")
    target = importlib.import_module(module)
    for part in name.split("."):
        target = getattr(target, part)
    return target


@st.cache_data(**CACHE)
def _cached(path: str, url: str, version: int, args: tuple, kwargs: tuple) -> pd.DataFrame:
    return _resolve(path)(*args, engine=get_engine(url), **dict(kwargs))


_MEMO: OrderedDict[tuple, object] = OrderedDict()
_MEMO_LOCK = threading.Lock()


def _memoised(key: tuple, compute: Callable[[], object]):
    """The result under ``key`` from a per-process dict in front of ``_cached``; a copy is returned.

    Why (issue 22, profile of warm reruns): every hit of ``st.cache_data`` hashes its arguments
    with Streamlit's hasher (a ``Filters`` field by field), looks up each argument's name through
    ``inspect.signature`` and unpickles a fresh copy of the result — 0.5–1 ms per call, 10–20
    calls per page view, a fifth to a third of a warm page's server time. Here the key is the
    same tuple ``_cached`` is keyed by (function path, database URL, data version, arguments),
    hashed by Python; a DataFrame or Series is handed out as a shallow copy (pandas 3
    copy-on-write: a page adding or changing a column of its copy never changes the kept
    result), anything else as a deep copy. Arguments Python cannot hash skip this step. Same
    size limit as ``CACHE`` (least recently used dropped); a new data version is a new key, so
    nothing older than the last write is ever returned, as with ``_cached``.
    """
    try:
        hash(key)
    except TypeError:
        return compute()
    with _MEMO_LOCK:
        found = _MEMO.get(key, _MEMO)
        if found is not _MEMO:
            _MEMO.move_to_end(key)
    if found is _MEMO:
        found = compute()
        with _MEMO_LOCK:
            _MEMO[key] = found
            while len(_MEMO) > CACHE["max_entries"]:
                _MEMO.popitem(last=False)
    if isinstance(found, pd.DataFrame | pd.Series):
        return found.copy(deep=False)
    return copy.deepcopy(found)


def run(fn: Callable, *args, **kwargs):
    """``fn(*args, **kwargs, engine=<app engine>)``, cached by its arguments.

    If the database cannot be reached the page stops with a clear message
    instead of a traceback; the next rerun tries again, so the app recovers
    without a restart once the database is back.
    """
    with database_errors_shown():
        app_engine()
        key = (f"{fn.__module__}:{fn.__qualname__}", config.database_url(), _version(), args,
               tuple(sorted(kwargs.items())))
        return _memoised(key, lambda: _cached(*key))


def start_run() -> None:
    """A new script run begins (``dashboard.py`` calls it first): its first ``run`` reads the
    data version again. Nothing is read here, so a database that is down shows its message
    where the figures would be, under the sidebar."""
    st.session_state.pop(VERSION_KEY, None)


def _version() -> int:
    """The data version of this script run, read on its first query (inside ``run``'s error
    handling). While the database cannot be reached nobody can write, so the session's last
    version stands in: what it already saw stays on screen (the sidebar's lists, a page seen
    before) and anything new fails with the "unreachable" message."""
    version = st.session_state.get(VERSION_KEY)
    if version is None:
        try:
            version = data_version.current(app_engine())
        except OperationalError:
            version = st.session_state.get(LAST_VERSION_KEY)
            if version is None:
                raise
        st.session_state[VERSION_KEY] = st.session_state[LAST_VERSION_KEY] = version
    return version


def database_summary() -> pd.DataFrame:
    return run(overview.database_summary)


def clear() -> None:
    """After an import, a save or an undo in this session: the next ``run`` reads the (raised)
    data version again, so it reads fresh results. Other sessions and processes see the new
    version on their next script run."""
    start_run()


def forget_all() -> None:
    """Drop every cached result of this process (tests that swap databases; never needed for
    correctness, the data version keys every entry)."""
    _cached.clear()
    with _MEMO_LOCK:
        _MEMO.clear()
