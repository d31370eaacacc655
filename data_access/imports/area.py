"""Where a row belongs and whose word it is: area (province / kab/kota) and the row's own source."""

from __future__ import annotations

from data_access import crosswalk
from data_access.gazetteer import normalise
from data_access.imports.columns import SOURCE_KIND
from data_access.imports.parsing import CellError, header_key, parse_date, parse_int
from data_access.imports.rows import Context, RowView, SourceSpec

_LEVELS = {"kabupaten": "kabupaten", "kab": "kabupaten", "regency": "kabupaten", "kota": "kota",
           "city": "kota", "municipality": "kota", "kota administrasi": "kota", "provinsi": "provinsi",
           "province": "provinsi", "prov": "provinsi"}


def settle_area(row: RowView, ctx: Context, *, need_regency: bool) -> tuple[str | None, str | None, str]:
    """``(province_code, regency_code, field that placed it)`` from everything the row says.

    Code (Kode Wilayah, or Kode BPS), kab/kota name, its kind (Tingkat Wilayah:
    kabupaten / kota), province name and code (a column, or the title through the
    layout) must all agree, or the row is refused naming what disagrees. A 4-digit code
    is read both ways (Kemendagri "1101" = 11.01, BPS 1101 = 11.09); the name decides,
    and without a name two different readings refuse the row. How the code was read is
    left in ``row.facts["code_scheme"]`` for the preview."""
    gaz = ctx.gazetteer
    level = _level(row)
    province, province_field = _province(row, ctx)
    if row.errors:
        return None, None, province_field
    code_field = "bps_code" if row.present("bps_code") and row.text("bps_code") else "area_code"
    code_text = row.text(code_field) if row.present(code_field) else None
    regency_text = row.text("regency") if row.present("regency") else None
    if code_text:
        code = _from_code(row, ctx, code_field, code_text, regency_text, province, level)
        if code is None:
            return None, None, code_field
        if "." not in code and need_regency:
            row.error(code_field, "unknown_regency")
            return None, None, code_field
        return code[:2], code if "." in code else None, code_field
    if regency_text:
        kind = level if level in ("kabupaten", "kota") else _bps_rule(row, ctx, regency_text)
        try:
            regency = gaz.regency(regency_text, province, kind)
        except CellError as problem:
            row.error("regency", problem.code, **problem.params)
            return None, None, "regency"
        if level in ("kabupaten", "kota") and gaz.kind(regency) != level:
            row.error("regency", "level_mismatch", region=gaz.label(regency), level=level)
            return None, None, "regency"
        return regency[:2], regency, "regency"
    if need_regency:
        row.error("regency" if row.present("regency") else "area_code", "required")
        return None, None, "regency"
    if province is None:
        row.error("province" if row.present("province") else "regency", "required")
        return None, None, "province"
    return province, None, province_field


def _level(row: RowView) -> str | None:
    text = row.text("area_level") if row.present("area_level") else None
    if not text:
        return None
    level = _LEVELS.get(header_key(text)) or _LEVELS.get(header_key(text).split(" ")[0])
    if level is None:
        row.error("area_level", "not_choice", choices="Kabupaten, Kota, Provinsi")
    return level


def _province(row: RowView, ctx: Context) -> tuple[str | None, str]:
    """The province the row names (name and/or code column); both must agree."""
    gaz = ctx.gazetteer
    found: dict[str, str] = {}
    for name in ("province", "province_code"):
        text = row.text(name) if row.present(name) else None
        if not text:
            continue
        try:
            found[name] = gaz.province(text)
        except CellError as problem:
            row.error(name, problem.code, **problem.params)
            return None, name
    if len(set(found.values())) > 1:
        row.error("province_code", "code_name_mismatch", region=found["province_code"],
                  region_name=gaz.name(found["province_code"]), name=row.text("province"))
        return None, "province_code"
    if not found:
        return None, "province"
    name = "province" if "province" in found else "province_code"
    return found[name], name


def _from_code(row: RowView, ctx: Context, field: str, code_text: str, regency_text: str | None,
               province: str | None, level: str | None) -> str | None:
    gaz = ctx.gazetteer
    readings = gaz.code_readings(code_text, "bps" if field == "bps_code" else None)
    if not readings:
        row.error(field, "unknown_code_bps" if field == "bps_code" else "unknown_code")
        return None
    name = regency_text if any("." in code for _scheme, code in readings) else row.text("province")
    if name:
        fits = [(s, c) for s, c in readings if gaz.matches(c, name) and _kind_fits(gaz, c, level)]
        if not fits:
            row.error(field, "code_name_mismatch", region=code_text, region_name=_readings(gaz, readings), name=name)
            return None
        readings = fits
    codes = sorted({code for _scheme, code in readings})
    if len(codes) > 1:
        row.error(field, "code_two_readings", readings=_readings(gaz, readings))
        return None
    code = codes[0]
    if province and code[:2] != province:
        row.error(field, "code_province_mismatch", region=gaz.label(code), province=gaz.label(province))
        return None
    if not name and not _kind_fits(gaz, code, level):
        row.error(field, "level_mismatch", region=gaz.label(code), level=level)
        return None
    schemes = {scheme for scheme, _code in readings}
    row.facts["code_scheme"] = schemes.pop() if len(schemes) == 1 else "both"
    return code


def _kind_fits(gaz, code: str, level: str | None) -> bool:
    if level in ("kabupaten", "kota"):
        return gaz.kind(code) == level
    return level != "provinsi" or "." not in code


def _readings(gaz, readings: list[tuple[str, str]]) -> str:
    """"Kemendagri 11.01 = Kabupaten Aceh Selatan; BPS 1101 = Kabupaten Simeulue (11.09)"."""
    parts = []
    for scheme, code in readings:
        if scheme == "bps":
            parts.append(f"BPS {crosswalk.kemendagri_to_bps().get(code, '?')} = {gaz.label(code)}")
        else:
            parts.append(f"Kemendagri {code} = {gaz.name(code)}")
    return "; ".join(parts)


def _bps_rule(row: RowView, ctx: Context, text: str) -> str | None:
    """BPS tables write the kota as "Kota X" and the kabupaten as bare "X": when the file
    itself lists "Kota X", a bare "X" is Kabupaten X (said in the preview)."""
    key = normalise(text)
    if key.startswith(("kab ", "kabupaten ", "kota ")) or f"kota {key}" not in ctx.kota_written:
        return None
    kinds = {ctx.gazetteer.kind(code) for code in ctx.gazetteer.lookup(text)}
    if {"kabupaten", "kota"} <= kinds:
        row.facts["bps_rule"] = True
        return "kabupaten"
    return None


def row_source(row: RowView) -> SourceSpec | None:
    key = row.text("source_key", 300) if row.present("source_key") else None
    outlet = row.text("source_outlet", 200) if row.present("source_outlet") else None
    headline = row.text("source_headline", 500) if row.present("source_headline") else None
    url = row.text("source_url", 500) if row.present("source_url") else None
    published = row.parsed("source_published_on", parse_date) if row.present("source_published_on") else None
    kind = row.choice("source_kind", SOURCE_KIND) if row.present("source_kind") else None
    if url and not url.lower().startswith(("http://", "https://")):
        row.error("source_url", "url_scheme")
    if not (key or outlet or url):
        return None
    if not key:
        key = url or f"impor:{header_key(outlet or '')}:{header_key(headline or '')}"[:300]
    return SourceSpec(key=key[:300], kind=kind or "news", outlet=outlet, headline=headline, url=url,
                      published_on=published[0] if published else None)


def whole(row: RowView, name: str, *, required: bool = False) -> tuple[int | None, bool]:
    parsed = row.parsed(name, parse_int, required=required)
    return parsed if parsed else (None, False)


def region_label(ctx: Context, code: str) -> str:
    return ctx.gazetteer.label(code)

