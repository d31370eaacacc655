"""Where a row belongs and whose word it is: area (province / kab/kota) and the row's own source."""

from __future__ import annotations

from data_access.imports.columns import SOURCE_KIND
from data_access.imports.parsing import CellError, header_key, parse_date, parse_int
from data_access.imports.rows import Context, RowView, SourceSpec


def settle_area(row: RowView, ctx: Context, *, need_regency: bool) -> tuple[str | None, str | None, str]:
    """``(province_code, regency_code, field that placed it)`` from Kode Wilayah / Provinsi / Kabupaten."""
    gaz = ctx.gazetteer
    code_text = row.text("area_code") if row.present("area_code") else None
    province_text = row.text("province") if row.present("province") else None
    regency_text = row.text("regency") if row.present("regency") else None
    if code_text:
        try:
            code = gaz.code(code_text)
        except CellError as problem:
            row.error("area_code", problem.code)
            return None, None, "area_code"
        if "." not in code and need_regency:
            row.error("area_code", "unknown_regency")
            return None, None, "area_code"
        named = regency_text if "." in code else province_text
        if named and not gaz.matches(code, named):
            row.error("area_code", "code_name_mismatch", region=code, region_name=gaz.name(code), name=named)
            return None, None, "area_code"
        return code[:2], code if "." in code else None, "area_code"
    province = None
    if province_text:
        try:
            province = gaz.province(province_text)
        except CellError as problem:
            row.error("province", problem.code, **problem.params)
            return None, None, "province"
    if regency_text:
        try:
            regency = gaz.regency(regency_text, province)
        except CellError as problem:
            row.error("regency", problem.code, **problem.params)
            return None, None, "regency"
        return regency[:2], regency, "regency"
    if need_regency:
        row.error("regency" if row.present("regency") else "area_code", "required")
        return None, None, "regency"
    if province is None:
        row.error("province" if row.present("province") else "regency", "required")
        return None, None, "province"
    return province, None, "province"


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

