"""Koperasi Merah Putih chart spec (``to_dict()``): desa per area stacked by KDMP stage."""

from __future__ import annotations

import pandas as pd

from ui.charts import KDMP_STAGE_COLOURS
from ui.charts import kdmp as charts

LABELS = {"operasional": "Beroperasi", "sk_ahu": "SK AHU", "akta_notaris": "Akta notaris", "musdesus": "Musdesus",
          "tidak_ada_data": "Tidak ada data"}
TITLES = {"area": "Wilayah", "stage": "Tahap", "desa": "Desa", "share": "%"}


def stages() -> pd.DataFrame:
    rows = []
    for area, counts in (("Kabupaten Kupang", (122, 33, 8, 9, 5)), ("Kota Kupang", (0, 0, 0, 0, 51))):
        for stage, n in zip(LABELS, counts, strict=True):
            rows.append({"area_name": area, "stage": stage, "share": n / sum(counts), "desa_text": str(n),
                         "share_text": f"{n / sum(counts):.1%}"})
    return pd.DataFrame(rows)


def test_stage_bars_stack_shares_in_the_fixed_colours_and_order():
    spec = charts.stage_bars(stages(), stage_labels=LABELS, title="Tahap", x_title="Desa",
                             tooltip_titles=TITLES).to_dict()
    enc = spec["encoding"]
    assert spec["mark"]["type"] == "bar" and enc["x"]["stack"] == "zero" and enc["x"]["scale"]["domain"] == [0, 1]
    assert enc["y"]["sort"] == ["Kabupaten Kupang", "Kota Kupang"]
    assert enc["color"]["scale"]["domain"] == [LABELS[s] for s in KDMP_STAGE_COLOURS]
    assert enc["color"]["scale"]["range"] == list(KDMP_STAGE_COLOURS.values())
    assert [t["title"] for t in enc["tooltip"]] == list(TITLES.values())
    data = next(iter(spec["datasets"].values()))
    orders = {row["stage_label"]: row["stage_order"] for row in data}
    assert orders["Beroperasi"] == 0 and orders["Tidak ada data"] == 4  # operating drawn first (left)
    shares = {(row["area_name"], row["stage_label"]): row["share"] for row in data}
    assert shares[("Kabupaten Kupang", "Beroperasi")] == 122 / 177 and shares[("Kota Kupang", "Tidak ada data")] == 1
