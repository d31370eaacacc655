"""The language switch reaches every widget: after choosing English in the sidebar, no widget label,
option, tab or expander of a page is still an Indonesian-only text, and no Indonesian month name is
left (the Kalender Rakor month picker kept "Mei 2019" before). And back to Indonesian."""

from __future__ import annotations

import re

import pytest

from tests.apptest_helpers import app
from ui import i18n

PAGES = [("overview", {"prov": "53"}), ("cooperatives", {"prov": "53"}), ("meetings", {"prov": "53"}),
         ("pokja_status", {"prov": "53"}), ("maps", {"prov": "53"}), ("sign_in", {})]
WIDGETS = ("selectbox", "multiselect", "text_input", "date_input", "checkbox", "toggle", "radio", "button",
           "download_button", "number_input", "slider", "tab", "expander")
MONTHS_ID = re.compile(r"\b(Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember)\b")


def only_in(lang: str) -> set[str]:
    """Our texts (without placeholders) that exist only in ``lang``: the other language differs."""
    other = "en" if lang == "id" else "id"
    return {e[lang] for e in i18n._collect().values()
            if e.get(lang) and e.get(other) and e[lang] != e[other] and "{" not in e[lang]}


def shown_texts(at) -> list[str]:
    texts = []
    for kind in WIDGETS:
        for widget in at.get(kind):
            label = getattr(widget, "label", None) or getattr(widget.proto, "label", "")
            texts.append(str(label))
            texts.extend(str(o) for o in getattr(widget, "options", []) or [])
    return [t for t in texts if t]


def switch(at, lang: str):
    (chooser,) = [s for s in at.sidebar.selectbox if s.key == "lang"]
    chooser.set_value(lang).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("page,query", PAGES)
def test_switching_language_reaches_every_widget(page, query):
    at = app(page, query=query)
    assert not at.exception
    indonesian = shown_texts(at)
    switch(at, "en")
    english = shown_texts(at)
    left = sorted({t for t in english if t in only_in("id") or MONTHS_ID.search(t)})
    assert not left, f"{page}: still Indonesian after switching: {left[:10]}"
    assert english != indonesian
    switch(at, "id")
    back = sorted({t for t in shown_texts(at) if t in only_in("en")})
    assert not back, f"{page}: still English after switching back: {back[:10]}"
