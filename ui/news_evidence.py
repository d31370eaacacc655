"""Ekstraksi berita's "Kandidat" section: what the extractor did not fill in, for the editor to decide.

``show_candidates(proposal, area_name)`` draws, from ``proposal["candidates"]`` (``Extraction.to_dict()``):

- figures: every cooperative count not assigned, its sentence with the number highlighted and why it
  was not assigned (``ex_reason_<code>``); one click gives it a role (total / active / inactive) in the
  form below (it ticks the figures box and sets that field only — nothing is derived from it);
- dates: every date of the text, the chosen one marked, the others with the reason (quote, earlier
  report, teaser, header, as-of); one click makes one the meeting's date;
- places: every area named, with why one was chosen or none (dateline, outlet, ambiguous).

Buttons write the form's session state in their callback (before the form's widgets are drawn).
Texts in ``ui/texts/extract_news.py``; the page renders only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import streamlit as st

from ui.i18n import t

_ROLES = ("total", "active", "inactive")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$<>~:])")


def _escape(text: str) -> str:
    """Plain text safe inside Streamlit markdown."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def highlighted(candidate: dict) -> str:
    """The candidate's sentence as markdown with its value highlighted."""
    sentence, start, end = candidate["sentence"], candidate["start"], candidate["end"]
    if not (0 <= start < end <= len(sentence)):
        return _escape(sentence)
    return (_escape(sentence[:start]) + f":orange-background[**{_escape(sentence[start:end])}**]"
            + _escape(sentence[end:]))


def _reason(candidate: dict) -> str:
    return t(f"ex_reason_{candidate['reason']}")


def _set_figure(role: str, value: int) -> None:
    st.session_state["ex_f_fig"] = True
    st.session_state[f"ex_f_fig_{role}"] = value


def _set_date(value: dt.date) -> None:
    st.session_state["ex_f_held_on"] = value
    st.session_state["ex_f_date_inferred"] = False


def _set_place(code: str) -> None:
    st.session_state["ex_f_province"] = code[:2]
    if len(code) > 2:
        st.session_state["ex_f_regency"] = code


def _figures(found: list[dict], prefix: str) -> None:
    asked = [c for c in found if not c["chosen"]]
    if not asked:
        st.caption(t("ex_cand_none"))
        return
    for i, cand in enumerate(asked):
        with st.container(border=True):
            st.markdown(highlighted(cand))
            st.caption(t("ex_cand_why", reason=_reason(cand)))
            cols = st.columns(3)
            for col, role in zip(cols, _ROLES, strict=True):
                col.button(t("ex_cand_as", role=t(f"ex_{role}")), key=f"{prefix}_fig_{i}_{role}",
                           on_click=_set_figure, args=(role, int(cand["value"])), width="stretch",
                           type="primary" if cand["role"] == role else "secondary")


def _dates(found: list[dict], prefix: str, show_date: Callable[[dt.date], str]) -> None:
    for i, cand in enumerate(found):
        with st.container(border=True):
            value = cand["value"]
            iso = dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
            label = show_date(iso) if iso else value
            st.markdown(f"**{_escape(label)}** · " + highlighted(cand))
            st.caption(t("ex_cand_chosen") if cand["chosen"] else t("ex_cand_why", reason=_reason(cand)))
            if iso and not cand["chosen"]:
                st.button(t("ex_cand_use_date"), key=f"{prefix}_date_{i}", on_click=_set_date, args=(iso,))


def _places(found: list[dict], prefix: str, area_name: Callable[[str], str | None]) -> None:
    for i, cand in enumerate(found):
        with st.container(border=True):
            codes = cand["value"].split(" / ")
            names = " / ".join(area_name(c) or c for c in codes)
            st.markdown(f"**{_escape(names)}** · " + highlighted(cand))
            st.caption(t("ex_cand_chosen") if cand["chosen"] else t("ex_cand_why", reason=_reason(cand)))
            if len(codes) == 1 and not cand["chosen"]:
                st.button(t("ex_cand_use_place"), key=f"{prefix}_place_{i}", on_click=_set_place, args=(codes[0],))


def show_candidates(proposal: dict, area_name: Callable[[str], str | None],
                    show_date: Callable[[dt.date], str], prefix: str = "ex_cand") -> None:
    """The "Kandidat" section (module docstring). Draws nothing when the report offers no candidate."""
    candidates = proposal.get("candidates") or []
    if not candidates:
        return
    st.subheader(t("ex_candidates"))
    st.caption(t("ex_candidates_intro"))
    figures = [c for c in candidates if c["kind"] == "figure"]
    dates = [c for c in candidates if c["kind"] == "date"]
    places = [c for c in candidates if c["kind"] == "place"]
    tab_f, tab_d, tab_p = st.tabs([t("ex_cand_figures", n=sum(not c["chosen"] for c in figures)),
                                   t("ex_cand_dates", n=len(dates)), t("ex_cand_places", n=len(places))])
    with tab_f:
        _figures(figures, prefix)
    with tab_d:
        _dates(dates, prefix, show_date)
    with tab_p:
        _places(places, prefix, area_name)
