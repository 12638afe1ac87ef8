"""Hot spots: local Moran's I (PySAL esda) of one indicator over the regions on the map.

Neighbours are queen contiguity: two regions are neighbours when their shapes share an edge
or a corner. On real boundaries a 10 m tolerance absorbs slivers between imported shapes; on
the schematic tile map the tolerance spans the white gap between tiles, so kecamatan cells of
neighbouring tiles are neighbours too. A region without any neighbour (a small island) is
linked to its nearest region so that it still gets a statistic. Weights are row-standardised.

Significance comes from a conditional permutation test (PERMUTATIONS draws, fixed seed, so a
map looks the same on every rerun); p < ALPHA marks a cluster or an outlier.
Streamlit-free.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

PERMUTATIONS = 999
ALPHA = 0.05
SEED = 2021
MIN_REGIONS = 8
GEO_TOLERANCE = 0.0001  # degrees, about 10 m
QUADRANTS = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}  # esda's q without GeoDa numbering
CLUSTERS = ("HH", "LL", "HL", "LH", "ns")


@dataclass
class Result:
    """Per region: code, value, local_i, p, quadrant (HH/LH/LL/HL), cluster (quadrant or 'ns')."""

    table: pd.DataFrame
    permutations: int
    alpha: float
    n: int
    islands_linked: int
    reason: str = ""  # why nothing was computed (too few regions, no variation)


def weights(shapes: gpd.GeoDataFrame, tolerance: float = GEO_TOLERANCE):
    """Queen-contiguity weights (ids = codes) with islands linked to their nearest region.

    Two regions are neighbours when their shapes come within `tolerance` of each other (a
    shared edge or corner has distance 0). Returns (W, number of islands linked).
    """
    import shapely
    from libpysal.weights import W

    codes = [str(c) for c in shapes["code"]]
    geoms = shapes.geometry.to_numpy()
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="dwithin", distance=tolerance)
    neighbours: dict[str, set[str]] = {c: set() for c in codes}
    for i, j in zip(left, right):
        if i != j:
            neighbours[codes[i]].add(codes[j])
    islands = [c for c in codes if not neighbours[c]]
    if islands and len(codes) > 1:
        points = shapely.point_on_surface(geoms)
        ptree = shapely.STRtree(points)
        for c in islands:
            i = codes.index(c)
            near = [j for j in ptree.query_nearest(points[i], exclusive=True, all_matches=False)]
            for j in near[:1]:
                neighbours[c].add(codes[j])
                neighbours[codes[j]].add(c)
    w = W({c: sorted(n) for c, n in neighbours.items()}, id_order=codes, silence_warnings=True)
    w.transform = "r"
    return w, len(islands)


def local_moran(values: pd.Series, shapes: gpd.GeoDataFrame, tolerance: float = GEO_TOLERANCE,
                permutations: int = PERMUTATIONS, alpha: float = ALPHA, seed: int = SEED) -> Result:
    """Local Moran's I of values (indexed by region code) over the regions that have one.

    Regions without a value or a shape are left out of the weights altogether.
    """
    import warnings

    from esda.moran import Moran_Local

    values = values.dropna()
    present = shapes[shapes["code"].isin(values.index)].drop_duplicates("code")
    empty = pd.DataFrame(columns=["code", "value", "local_i", "p", "quadrant", "cluster"])
    if len(present) < MIN_REGIONS:
        return Result(empty, permutations, alpha, len(present), 0, reason="too_few")
    y = values.loc[present["code"]].to_numpy(dtype=float)
    if np.allclose(y, y[0]):
        return Result(empty, permutations, alpha, len(present), 0, reason="constant")
    w, islands = weights(present, tolerance)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lisa = Moran_Local(y, w, transformation="r", permutations=permutations, seed=seed, n_jobs=1,
                           keep_simulations=False)
    order = list(w.id_order)
    table = pd.DataFrame({
        "code": order,
        "value": values.loc[order].to_numpy(dtype=float),
        "local_i": lisa.Is,
        "p": lisa.p_sim,
        "quadrant": [QUADRANTS.get(int(q), "") for q in lisa.q],
    })
    table["cluster"] = np.where(table["p"] < alpha, table["quadrant"], "ns")
    return Result(table, permutations, alpha, len(table), islands)


def meaning(cluster: str, direction: str) -> str:
    """'good', 'poor' or '' for a cluster, by the indicator's direction (HH is good when higher is better)."""
    if cluster in ("HH", "HL"):
        return "good" if direction == "higher_is_better" else "poor"
    if cluster in ("LL", "LH"):
        return "poor" if direction == "higher_is_better" else "good"
    return ""


def colours(direction: str) -> dict[str, str]:
    """Cluster colours: poor clusters warm, good clusters cool, outliers lighter, 'ns' near white."""
    strong = {"good": "#2c7bb6", "poor": "#d7191c"}
    light = {"good": "#abd9e9", "poor": "#fdae61"}
    out = {}
    for c in CLUSTERS[:4]:
        kind = meaning(c, direction)
        out[c] = strong[kind] if c in ("HH", "LL") else light[kind]
    out["ns"] = "#f0f0f0"
    return out
