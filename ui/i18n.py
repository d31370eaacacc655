"""Interface text in Bahasa Indonesia (default) and English.

``t(key)`` returns the text for the language in ``st.session_state["lang"]``.
Texts live in ``ui/texts/<area>.py`` (a ``TEXT`` dict each: key → {"id", "en"}),
so each page keeps its own words without everyone editing one file.
Keys missing from English fall back to Indonesian, so a new label never
crashes a page.
"""

from __future__ import annotations

import contextlib
import contextvars
import importlib
import pkgutil

import streamlit as st

from ui import texts

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"


def _collect() -> dict[str, dict[str, str]]:
    """Merge ``TEXT`` from every module in ``ui/texts`` (one module per page or area)."""
    merged: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(texts.__path__):
        module = importlib.import_module(f"{texts.__name__}.{info.name}")
        for key, entry in getattr(module, "TEXT", {}).items():
            if key in merged and merged[key] != entry:
                raise ValueError(f"text key {key!r} defined twice with different wording ({info.name})")
            merged[key] = entry
    return merged


TEXT = _collect()


_FIXED: contextvars.ContextVar[str | None] = contextvars.ContextVar("pantau_lang", default=None)


@contextlib.contextmanager
def language(lang: str):
    """Within the block ``t`` and the formatters use ``lang`` whatever the session holds: for files
    built on click (``ui.downloads.offer_built``), which run outside the script and its session."""
    token = _FIXED.set(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _FIXED.reset(token)


def current_language() -> str:
    """``st.session_state["lang"]`` if it is a known language, else the default (inside ``language(x)``: x).

    Called for every text and number shown, so it reads the key directly: ``[]`` costs
    about half of ``.get()``.
    """
    fixed = _FIXED.get()
    if fixed is not None:
        return fixed
    try:
        lang = st.session_state["lang"]
    except KeyError:
        return DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **values) -> str:
    entry = TEXT.get(key)
    if entry is None:
        return key
    text = entry.get(current_language()) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
