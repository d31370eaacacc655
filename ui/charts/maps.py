"""Offline maps with Altair ``geoshape`` (no tile server): GeoJSON from ``seed_data/shapes``.

The national map uses the lightened province shapes; kab/kota shapes are loaded
only for the province in view (one small file each), which keeps the page quick.
Figures are joined to the shapes in Vega (``transform_lookup``) by Kemendagri code.
"""

from __future__ import annotations

import json
from functools import lru_cache

import altair as alt
import pandas as pd

from data_access.config import SEED_DIR

SHAPES_DIR = SEED_DIR / "shapes"
ATTRIBUTION = "Batas wilayah: geoBoundaries (CC BY 4.0)"


@lru_cache(maxsize=64)
def _features(path: str) -> tuple[dict, ...]:
    with open(path, encoding="utf-8") as fh:
        return tuple(json.load(fh)["features"])


def province_features() -> list[dict]:
    return list(_features(str(SHAPES_DIR / "provinces.geojson")))


def regency_features(province_code: str) -> list[dict]:
    path = SHAPES_DIR / "regencies" / f"{province_code}.geojson"
    return list(_features(str(path))) if path.exists() else []


def choropleth(features: list[dict], figures: pd.DataFrame, *, value: str, title: str,
               tooltip: list[alt.Tooltip], color: alt.Color, selection_name: str = "area",
               height: int = 420) -> alt.Chart:
    """Areas coloured by ``figures[value]``, joined on ``figures["area_code"]``.

    ``figures`` must hold ``area_code`` and every field named in ``tooltip``.
    A click selects an area (point selection on ``code``), which the page reads
    back as the filter.
    """
    select = alt.selection_point(name=selection_name, fields=["code"], on="click")
    lookup_fields = [c for c in figures.columns if c != "area_code"]
    return (
        alt.Chart(alt.Data(values=features), title=title, height=height)
        .mark_geoshape(stroke="white", strokeWidth=0.5)
        .transform_calculate(code="datum.properties.code", name="datum.properties.name")
        .transform_lookup(lookup="code", from_=alt.LookupData(figures.rename(columns={"area_code": "code"}),
                                                              key="code", fields=lookup_fields))
        .encode(color=color, tooltip=tooltip,
                opacity=alt.condition(select, alt.value(1.0), alt.value(0.6)))
        .add_params(select)
        .project(type="mercator")
        .properties(width="container")
    )
