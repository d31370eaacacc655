"""Every URL parameter, declared once (in the manner of Datasette's ``filters.py``).

A link is input like any other. Each parameter is one ``Param`` row in ``PARAMS``: its URL key,
the session-state key of the widget it sets, the ``Filters`` field it fills (shared filters) or
the pages it belongs to (page settings), its kind, its bounds and its default. Parsing a raw URL
value (``read``), writing a value back (``write``), the widgets' bounds (``Param.lo`` / ``hi``,
read by ``ui.filter_bar`` and the pages) and the notes for a value that is dropped all derive
from that one row, so a value the parser accepts is one the widget accepts too (a link with
``dari=1999-01-01`` once passed the parser, which allowed 1900–2100, and crashed the date widget,
which allows 2000–2035). Adding a parameter touches this table only (plus the widget that shows it).

Pure: no database, no Streamlit. Codes of areas are checked against the gazetteer in
``data_access.filters.parse``; a value that depends on the data in view (a meeting id, a page
number) is checked by the page, and ``ui.url_state`` notes when the page had to replace it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from data_access.models_pokja import TASK_FORCE_PROGRAMMES
from data_access.models_reference import SECTORS

MAX_VALUES = 60  # more codes than a province has kab/kota is not a real filter
MAX_TEXT = 100  # characters of a search typed into a link
NOTE_VALUE_CHARS = 40  # a raw value is quoted in a note up to this many characters

KINDS = ("codes", "date", "choices", "bool", "int", "month", "text")


@dataclass(frozen=True)
class Param:
    """One URL parameter.

    - ``name``: the URL key; ``state``: the session-state key of the widget it sets;
    - ``field``: the ``Filters`` field it fills (shared filters, on every page), or ``None`` for a
      page setting, which applies only on ``pages`` (URL paths, e.g. ``"pokja"``);
    - ``kind``: ``codes`` (comma-separated codes matching ``pattern``, up to ``MAX_VALUES``),
      ``date`` (ISO ``YYYY-MM-DD`` in ``lo``…``hi``), ``choices`` (one of ``choices``), ``bool``
      (``0``/``1``), ``int`` (digits in ``lo``…``hi``), ``month`` (``YYYY-MM`` in ``lo``…``hi``
      years), ``text`` (up to ``MAX_TEXT`` characters);
    - ``default``: the value when the parameter is absent; the URL never carries it;
    - ``narrows``: the page's search parameter this value also fills when the link has none, so the
      chosen item is in view (a desa link lists that desa, whatever page of the list it is on).
    """

    name: str
    state: str
    field: str | None
    kind: str
    default: object = None
    lo: object = None
    hi: object = None
    pattern: str | None = None
    choices: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    narrows: str | None = None  # a parameter of the same page this value also fills when the link lacks it
    reason_id: str = ""
    reason_en: str = ""

    def __post_init__(self):
        assert self.kind in KINDS, self.kind
        assert (self.field is None) == bool(self.pages), f"{self.name}: a filter has no pages, a setting has"

    def applies_to(self, page: str | None) -> bool:
        return self.field is not None or page in self.pages


DATE_MIN, DATE_MAX = dt.date(2000, 1, 1), dt.date(2035, 12, 31)  # the sidebar's date widgets' bounds
WINDOW_MIN, WINDOW_MAX, WINDOW_DEFAULT = 1, 5, 3  # the RAT window slider
STALLED_MIN, STALLED_MAX, STALLED_DEFAULT = 7, 730, 90  # days; KDMP "macet" number input (kdmp.STALLED_DAYS)
PROVINCE_CODE, REGENCY_CODE = r"\d{2}", r"\d{2}\.\d{2}"
DISTRICT_CODE, VILLAGE_CODE = r"\d{2}\.\d{2}\.\d{2}", r"\d{2}\.\d{2}\.\d{2}\.\d{4}"

DASHBOARD_PAGES = ("ringkasan", "koperasi", "rakor", "pokja", "merah-putih", "peta")

PARAMS: tuple[Param, ...] = (
    Param("prov", "f_prov", "provinces", "codes", (), pattern=PROVINCE_CODE,
          reason_id="kode wilayah tidak dikenal", reason_en="unknown region code"),
    Param("kab", "f_kab", "regencies", "codes", (), pattern=REGENCY_CODE,
          reason_id="kode wilayah tidak dikenal", reason_en="unknown region code"),
    Param("kec", "f_kec", "districts", "codes", (), pattern=DISTRICT_CODE,
          reason_id="kode wilayah tidak dikenal", reason_en="unknown region code"),
    Param("dari", "f_from", "date_from", "date", None, DATE_MIN, DATE_MAX,
          reason_id="tanggal tidak sah (YYYY-MM-DD, 2000–2035)", reason_en="invalid date (YYYY-MM-DD, 2000–2035)"),
    Param("sampai", "f_to", "date_to", "date", None, DATE_MIN, DATE_MAX,
          reason_id="tanggal tidak sah (YYYY-MM-DD, 2000–2035)", reason_en="invalid date (YYYY-MM-DD, 2000–2035)"),
    Param("sektor", "f_sektor", "sectors", "codes", (), choices=tuple(SECTORS),
          reason_id="sektor tidak dikenal", reason_en="unknown sector"),
    Param("nyata", "f_nyata", "real_only", "bool", False, reason_id="harus 0 atau 1", reason_en="must be 0 or 1"),
    Param("n", "f_n", "window", "int", WINDOW_DEFAULT, WINDOW_MIN, WINDOW_MAX,
          reason_id=f"jendela RAT harus {WINDOW_MIN}–{WINDOW_MAX}", reason_en="window out of range"),
    # page settings and in-page choices
    Param("mandat", "pokja_programme", None, "choices", "pokja_pmi", choices=tuple(TASK_FORCE_PROGRAMMES), pages=("pokja",),
          reason_id="mandat tidak dikenal", reason_en="unknown mandate"),
    Param("macet", "kdmp_stalled_days", None, "int", STALLED_DEFAULT, STALLED_MIN, STALLED_MAX, pages=("merah-putih",),
          reason_id=f"hari macet harus {STALLED_MIN}–{STALLED_MAX}", reason_en="stalled days out of range"),
    Param("hal", "kdmp_page", None, "int", 1, 1, 100_000, pages=("merah-putih",),
          reason_id="nomor halaman tidak sah", reason_en="invalid page number"),
    Param("desa", "kdmp_history_desa", None, "codes", None, pattern=VILLAGE_CODE, pages=("merah-putih",), narrows="cari",
          reason_id="kode desa tidak sah", reason_en="invalid village code"),
    Param("cari", "kdmp_search", None, "text", "", pages=("merah-putih",),
          reason_id="pencarian terlalu panjang", reason_en="search too long"),
    Param("cari", "coop_search", None, "text", "", pages=("koperasi",),
          reason_id="pencarian terlalu panjang", reason_en="search too long"),
    Param("bulan", "mtg_month_id", None, "month", None, 2000, 2035, pages=("rakor",),
          reason_id="bulan tidak sah (YYYY-MM, 2000–2035)", reason_en="invalid month (YYYY-MM, 2000–2035)"),
    Param("rapat", "mtg_detail", None, "int", None, 1, 2**31 - 1, pages=("rakor",),
          reason_id="nomor rapat tidak sah", reason_en="invalid meeting number"),
    Param("snapshot", "briefing_snapshot", None, "int", None, 1, 2**31 - 1,
          pages=("ringkasan", "koperasi", "rakor", "pokja", "merah-putih", "peta"),
          reason_id="nomor bahan rapat tidak sah", reason_en="invalid briefing snapshot number"),
)
FILTERS = tuple(p for p in PARAMS if p.field is not None)
LANGUAGE_PARAM = "bahasa"  # read by dashboard.py (its values are ui.i18n.LANGUAGES)
KNOWN_NAMES = frozenset(p.name for p in PARAMS) | {LANGUAGE_PARAM}


def get(name: str, page: str | None = None) -> Param:
    """The declaration of ``name`` (on ``page``, for a name two pages share)."""
    for p in PARAMS:
        if p.name == name and (page is None or p.applies_to(page)):
            return p
    raise KeyError(name)


def for_page(page: str | None) -> tuple[Param, ...]:
    """The page settings of ``page`` (its URL path)."""
    return tuple(p for p in PARAMS if p.field is None and page in p.pages)


def split(value: str | list[str] | None) -> list[str]:
    """Comma-separated values of a parameter given once or repeated (``?prov=53&prov=52``)."""
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [part.strip() for v in values for part in str(v).split(",") if part.strip()]


class LinkNote(str):
    """A dropped link value: as a string both languages (``name='value': alasan / reason``, for logs and
    tests); ``said(lang)`` the note in the reader's language alone (``lang``: "id" | "en"), as Markdown with
    the value as code: ``**name** = `value`: alasan``. ``raw`` is ``None`` for a note on a pair of
    parameters ("dari > sampai")."""

    name: str
    raw: str | None
    reasons: dict[str, str]

    def __new__(cls, name: str, raw: str | None, reason_id: str, reason_en: str):
        shown = "" if raw is None else f"={raw[:NOTE_VALUE_CHARS]!r}"
        note_ = super().__new__(cls, f"{name}{shown}: {reason_id} / {reason_en}")
        note_.name, note_.raw, note_.reasons = name, None if raw is None else raw[:NOTE_VALUE_CHARS], {
            "id": reason_id, "en": reason_en}
        return note_

    def said(self, lang: str) -> str:
        reason = self.reasons.get(lang, self.reasons["id"])
        if self.raw is None:
            return f"**{self.name}**: {reason}"
        value = " ".join(self.raw.replace("`", "'").split()) or " "  # one code span, whatever the value holds
        return f"**{self.name}** = `{value}`: {reason}"


def note(param: Param | str, raw: str | None, reason_id: str | None = None, reason_en: str | None = None) -> LinkNote:
    """The note shown for a dropped value (``LinkNote``), with ``param``'s own reason unless one is given."""
    name = param if isinstance(param, str) else param.name
    rid = reason_id if reason_id is not None else param.reason_id
    ren = reason_en if reason_en is not None else param.reason_en
    return LinkNote(name, raw, rid, ren)


def read(param: Param, raw: str | list[str] | None) -> tuple[object, list[str]]:
    """The value of ``param`` in a raw URL value (``None`` when absent), plus a note per dropped part.

    Never raises: a value out of bounds, malformed or not among the choices gives the default and
    a note. ``codes`` are only checked against ``pattern`` / ``choices`` here (the gazetteer is
    ``filters.parse``'s job) and returned as a tuple without repeats.
    """
    if param.kind == "text":
        values = raw if isinstance(raw, list) else ([] if raw is None else [raw])
        if not values:
            return param.default, []
        text = str(values[0]).strip()
        if len(text) > MAX_TEXT:
            return param.default, [note(param, text)]
        return text, []
    parts = split(raw)
    if param.kind == "codes":
        kept, notes = [], []
        for value in parts[:MAX_VALUES]:
            if _code_ok(param, value):
                kept.append(value)
            else:
                notes.append(note(param, value))
        if len(parts) > MAX_VALUES:
            notes.append(note(param, ",".join(parts[MAX_VALUES:]), "terlalu banyak nilai", "too many values"))
        kept = tuple(dict.fromkeys(kept))
        if param.default is None:  # a single code (one desa)
            return (kept[0] if kept else None), notes
        return kept, notes
    if not parts:
        return param.default, []
    value = _scalar(param, parts[0])
    notes = [] if value is not None else [note(param, parts[0])]
    if len(parts) > 1:
        notes.append(note(param, ",".join(parts[1:]), "nilai lebih dari satu, yang pertama dipakai",
                          "more than one value, the first is used"))
    return (param.default if value is None else value), notes


def _code_ok(param: Param, value: str) -> bool:
    if param.choices:
        return value in param.choices
    return re.fullmatch(param.pattern, value) is not None


def _scalar(param: Param, value: str):
    """The parsed value, or ``None`` when it is not a valid one."""
    if param.kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return None
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            return None
        return parsed if param.lo <= parsed <= param.hi else None
    if param.kind == "bool":
        return {"1": True, "0": False}.get(value)
    if param.kind == "int":
        if not re.fullmatch(r"[0-9]{1,10}", value):
            return None
        number = int(value)
        return number if param.lo <= number <= param.hi else None
    if param.kind == "month":
        match = re.fullmatch(r"(\d{4})-(\d{2})", value)
        ok = match and param.lo <= int(match[1]) <= param.hi and 1 <= int(match[2]) <= 12
        return value if ok else None
    if param.kind == "choices":
        return value if value in param.choices else None
    raise AssertionError(param.kind)


def write(param: Param, value) -> str | None:
    """The URL text of ``value`` (``None``: leave the parameter out, the value is the default or empty).

    ``read(param, write(param, v))`` gives ``v`` back for every valid ``v``.
    """
    if value is None or value == param.default:
        return None
    if param.kind == "codes":
        if isinstance(value, str):
            return value
        return ",".join(value) if value else None
    if param.kind == "date":
        return value.isoformat()
    if param.kind == "bool":
        return "1" if value else "0"
    if param.kind == "text":
        text = str(value).strip()
        return text or None
    return str(value)


def unknown(params: Mapping[str, object]) -> list[str]:
    """Notes for the parameters no declaration knows (left out of the canonical URL)."""
    notes = []
    for name, raw in params.items():
        if name not in KNOWN_NAMES:
            shown = ",".join(raw) if isinstance(raw, list) else str(raw)
            notes.append(note(name[:NOTE_VALUE_CHARS], shown, "parameter tidak dikenal", "unknown parameter"))
    return notes


def invalid_elsewhere(params: Mapping[str, object], page: str | None) -> list[str]:
    """Notes for the values of other pages' settings that their declaration refuses (they are left
    out of the link; the settings of ``page`` itself are noted when the page reads them)."""
    notes = []
    for name, raw in params.items():
        if any(p.name == name and p.applies_to(page) for p in PARAMS):
            continue
        found = [p for p in PARAMS if p.name == name and p.field is None]
        if found:
            notes += read(found[0], raw)[1]
    return notes
