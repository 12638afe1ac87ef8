"""The naive baseline kept for comparison: CSV + pandas groupby, unsimplified GeoJSON, no caching.

What a first version of the dashboard written without DuckDB would do on every filter change:
read the values and the region list from CSV files into pandas DataFrames (nothing cached),
filter, merge and group by. Two of the pages' kecamatan-level computations are written that way
here, and each result is checked against the shipped SQL query's:

* the kecamatan map values of one indicator x year for the whole area (map/values): stored
  kecamatan values as they are, or a desa indicator rolled up to kecamatan by its mean;
* the kecamatan mean of every pillar indicator in one year (overview/pillar_means).

Map bytes: the full imported kecamatan geometry at full precision with name properties against
the GeoJSON the map sends (simplified, rounded to 4 decimals, no properties).
The naive page scripts (no caching at all) are measured by bench/pages.py (naive=True).
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from cettar import db

from bench.measure import summary

VALUE_TYPES = {"region_code": str, "indicator_id": str, "period": str, "value": float, "source_id": str}


def export_csv(db_path: str, folder: Path) -> dict:
    """indicator_value, region and indicator as CSV files (the naive app's data); sizes and time."""
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with db.connect_readonly(db_path) as con:
        con.execute("SET enable_progress_bar = false")
        for table in ("indicator_value", "region", "indicator"):
            target = str(folder / f"{table}.csv").replace("'", "''")
            con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (HEADER)")
    return {"export_s": time.perf_counter() - start,
            "csv_bytes": sum((folder / f"{t}.csv").stat().st_size for t in ("indicator_value", "region", "indicator"))}


def load(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    values = pd.read_csv(folder / "indicator_value.csv", dtype=VALUE_TYPES)
    regions = pd.read_csv(folder / "region.csv", dtype=str)
    catalog = pd.read_csv(folder / "indicator.csv", dtype={"indicator_id": str, "pillar": str})
    return values, regions, catalog


CHILD = {"kabkota": "kecamatan", "kecamatan": "desa"}


def map_values(folder: Path, level: str, indicator: str, period: str) -> pd.Series:
    """Kecamatan (or kab/kota) values of one indicator x period, whole area: code -> value."""
    values, regions, catalog = load(folder)
    chosen = values[(values["indicator_id"] == indicator) & (values["period"] == period)]
    merged = chosen.merge(regions, left_on="region_code", right_on="code")
    stored = merged[merged["level"] == level]
    if len(stored):
        return stored.groupby("code")["value"].mean()
    below = merged[merged["level"] == CHILD[level]]
    key = "kabkota_code" if level == "kabkota" else "parent_code"
    rule = catalog.set_index("indicator_id").at[indicator, "aggregation"]  # mean | sum | max
    return below.groupby(key)["value"].agg(rule).rename_axis("code")


def pillar_means(folder: Path, year: str) -> pd.Series:
    """Kecamatan mean of each pillar indicator in one year: indicator_id -> mean."""
    values, regions, catalog = load(folder)
    pillar = catalog.loc[catalog["pillar"].notna(), "indicator_id"]
    chosen = values[(values["period"] == year) & values["indicator_id"].isin(pillar)]
    merged = chosen.merge(regions[regions["level"] == "kecamatan"], left_on="region_code", right_on="code")
    return merged.groupby("indicator_id")["value"].mean()


def _matches(naive: pd.Series, shipped: pd.DataFrame, key: str, column: str) -> bool:
    expected = shipped.set_index(key)[column].astype(float).sort_index()
    got = naive.astype(float).sort_index()
    return list(expected.index) == list(got.index) and bool(((expected - got).abs() <= 1e-9 * (1 + expected.abs())).all())


def _repeat(func, runs: int) -> tuple[list[float], object]:
    seconds, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        seconds.append(time.perf_counter() - start)
    return seconds, result


def map_bytes(db_path: str) -> dict:
    """Bytes of the kecamatan map's GeoJSON: as the map sends it, and naive (full, unrounded)."""
    from cettar import geodata, mapdata, maps

    with db.connect_readonly(db_path) as con:
        if not mapdata.boundary_counts(con).get("kecamatan"):
            return {"kecamatan_boundaries": 0}
        shipped = mapdata.shapes(con, "kecamatan", None, "geo").geojson
        full = geodata.load_boundaries(con, "kecamatan", display=False)
        naive = maps.to_geojson(full, None, ["code", "name"])
    return {"kecamatan_boundaries": len(full), "geojson_bytes": maps.payload_bytes(shipped),
            "naive_geojson_bytes": maps.payload_bytes(naive)}


def measure(db_path: str, folder: str, runs: int, year: str, indicator: str, desa_indicator: str | None,
            address_space_gb: float | None = None) -> dict:
    """Naive timings, each checked against the shipped query's result. With address_space_gb,
    the process may not grow beyond that (RLIMIT_AS) once the expected results are in hand: a
    naive run that needs more fails with MemoryError, which is reported."""
    folder = Path(folder)
    out = {"runs": []}
    cases = [("map/values", f"kecamatan map of {indicator} {year}, whole area",
              lambda: map_values(folder, "kecamatan", indicator, year),
              ("map/values", {"level": "kecamatan", "indicator": indicator, "period": year, "scope": None}), "code", "value")]
    if desa_indicator:
        cases.append(("map/values", f"desa->kecamatan rollup ({desa_indicator}) {year}, whole area",
                      lambda: map_values(folder, "kecamatan", desa_indicator, year),
                      ("map/values", {"level": "kecamatan", "indicator": desa_indicator, "period": year, "scope": None}), "code", "value"))
    cases.append(("overview/pillar_means", f"pillar means {year}, whole area", lambda: pillar_means(folder, year),
                  ("overview/pillar_means", {"year": year, "scope": None}), "indicator_id", "mean_value"))
    with db.connect_readonly(db_path) as con:
        expected = {label: db.execute(con, name, params) for _, label, _, (name, params), _, _ in cases}
    if address_space_gb:
        import resource

        limit = int(address_space_gb * 1024 ** 3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        out["address_space_limit_gb"] = address_space_gb
    for query, label, func, _, key, column in cases:
        try:
            seconds, result = _repeat(func, runs)
            out["runs"].append({"query": query, "variant": label, **summary(seconds),
                                "same_result": _matches(result, expected[label], key, column)})
        except Exception as exc:  # MemoryError, or pandas' "out of memory" parser error, under the limit
            out["runs"].append({"query": query, "variant": label, "error": f"{type(exc).__name__}: {exc}".splitlines()[0][:200]})
            break
    return out
