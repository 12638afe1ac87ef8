"""What the map page draws, read from the database: shapes for a view and hot spots.

Streamlit-free: every function takes a connection (cettar.cache wraps them with caching).
Shapes come from the imported boundaries (cettar.geodata, display geometry) or, where a level
has none, from the schematic tile map (cettar.schematic).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from cettar import db, hotspots, maps, schematic

DECIMALS = 4  # coordinates sent to the browser: ~10 m, finer than a pixel at province zoom
LABEL_LIMIT = 40  # name labels on the map when a view has at most this many regions
# Far islands (Bawean, Masalembu, Kangean) would shrink the mainland to half its size: a group
# of shapes farther than ISLAND_GAP from the main body goes into an inset when including it
# would grow the view's area by more than INSET_GAIN. Specks smaller than SPECK join the
# nearest group first. At most MAX_INSETS insets; the rest stay in the main view.
ISLAND_GAP = 0.25  # degrees
INSET_GAIN = 0.2
SPECK = 0.001  # square degrees (about 12 km2)
MAX_INSETS = 3
TILE_TOLERANCE = 1e-4  # the stretched tile cells touch exactly; this absorbs rounding


@dataclass
class Inset:
    """A group of far islands drawn in a box of its own: the regions with land there, its bounds."""

    codes: list[str]
    bounds: tuple[float, float, float, float]
    title: str


@dataclass
class Shapes:
    """The shapes of one view. kind: 'geo' (boundaries) or 'tiles' (schematic)."""

    kind: str
    frame: gpd.GeoDataFrame  # code, name, geometry (display precision)
    geojson: dict  # compact FeatureCollection: id = code, rounded coordinates, no properties
    labels: pd.DataFrame  # x, y, text: names drawn on the map
    tolerance: float  # neighbour tolerance for hot-spot weights
    touching: gpd.GeoDataFrame | None = None  # shapes for the weights when they differ (tiles)
    bounds: tuple[float, float, float, float] | None = None  # the main view (None: fit everything)
    insets: list[Inset] = field(default_factory=list)
    main_codes: list[str] | None = None  # regions with land in the main view (None: all)


def insets(frame: gpd.GeoDataFrame) -> tuple[tuple | None, list[Inset], list[str] | None]:
    """The main view's bounds, the insets of far island groups, and the regions of the main view.

    Works on polygon parts, so a kab/kota with far islands (Gresik: Bawean) shows in both.
    """
    if len(frame) < 2:
        return None, [], None
    parts, owner = shapely.get_parts(frame.geometry.to_numpy(), return_index=True)
    n = len(parts)
    parent = np.arange(n)

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    left, right = shapely.STRtree(parts).query(parts, predicate="dwithin", distance=ISLAND_GAP)
    for a, b in zip(left, right):
        parent[find(a)] = find(b)
    group = np.array([find(i) for i in range(n)])
    area = {g: float(shapely.area(parts[group == g]).sum()) for g in np.unique(group)}
    # specks join the nearest group that is not a speck
    big = [g for g in area if area[g] >= SPECK] or [max(area, key=area.get)]
    for g in [g for g in area if g not in big]:
        members = parts[group == g]
        nearest = min(big, key=lambda h: shapely.distance(shapely.union_all(members), shapely.union_all(parts[group == h])))
        group[group == g] = nearest
    main = max(big, key=lambda g: area[g])
    box = list(shapely.total_bounds(parts[group == main]))
    candidates = []
    for g in big:
        if g == main:
            continue
        b = shapely.total_bounds(parts[group == g])
        grown = (max(box[2], b[2]) - min(box[0], b[0])) * (max(box[3], b[3]) - min(box[1], b[1]))
        gain = grown / max((box[2] - box[0]) * (box[3] - box[1]), 1e-9) - 1
        candidates.append((gain, g, tuple(float(x) for x in b)))
    candidates.sort(reverse=True)
    chosen = [c for c in candidates if c[0] > INSET_GAIN][:MAX_INSETS]
    for gain, g, b in candidates:
        if (gain, g, b) not in chosen:
            group[group == g] = main
    if not chosen:
        return None, [], None
    codes = frame["code"].to_numpy()
    names = dict(zip(frame["code"], frame["name"]))
    part_area = shapely.area(parts)
    total = pd.Series(part_area).groupby(owner).sum()

    def members(g) -> list[str]:
        """Regions with land in group g: at least a speck's worth, or half of the region."""
        inside = pd.Series(part_area[group == g]).groupby(owner[group == g]).sum()
        return sorted(codes[i] for i, a in inside.items() if a >= min(SPECK, 0.5 * total[i]))

    out = []
    for _, g, b in sorted(chosen, key=lambda c: c[2][0]):
        found = members(g)
        out.append(Inset(found, b, ", ".join(names[c] for c in found[:3]) + (" …" if len(found) > 3 else "")))
    main_codes = members(main)
    return tuple(float(x) for x in shapely.total_bounds(parts[group == main])), out, main_codes


def boundary_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Boundaries stored per level (0 where none were imported)."""
    frame = db.execute(con, "map/boundary_levels")
    return dict(zip(frame["level"], frame["boundaries"].astype(int)))


def geo_available(counts: dict[str, int], level: str) -> bool:
    """Real shapes exist for a level (kab/kota can also be dissolved from kecamatan)."""
    return counts.get(level, 0) > 0 or (level == "kabkota" and counts.get("kecamatan", 0) > 0)


def _boundaries(con: duckdb.DuckDBPyConnection, level: str) -> gpd.GeoDataFrame:
    from cettar import geodata

    frame = geodata.load_boundaries(con, level, display=True)
    if len(frame) or level != "kabkota":
        return frame
    # No kab/kota boundaries but kecamatan ones: each kab/kota is the union of its kecamatan.
    kec = geodata.load_boundaries(con, "kecamatan", display=True)
    if not len(kec):
        return frame
    kec["kabkota"] = kec["code"].str[:5]
    names = db.execute(con, "map/regions", {"level": "kabkota", "scope": None}).set_index("code")["name"]
    rows = [{"code": code, "name": names.get(code, code), "geometry": shapely.coverage_union_all(group.geometry.to_numpy())}
            for code, group in kec.groupby("kabkota")]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _labels(frame: gpd.GeoDataFrame, names: pd.Series | None = None) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame({"x": [], "y": [], "text": []})
    points = shapely.point_on_surface(frame.geometry.to_numpy())
    text = frame["name"] if names is None else names
    return pd.DataFrame({"x": shapely.get_x(points), "y": shapely.get_y(points), "text": list(text)})


def shapes(con: duckdb.DuckDBPyConnection, level: str, scope: str | None, view: str) -> Shapes:
    """The shapes of one view: level (kabkota | kecamatan | desa), scope (a kab/kota or None),
    view ('geo' where boundaries exist, else the schematic 'tiles')."""
    if level not in maps.LEVELS or view not in maps.VIEWS:
        raise ValueError(f"unknown level or view: {level!r}, {view!r}")
    regions = db.execute(con, "map/regions", {"level": level, "scope": scope})
    if view == "geo":
        frame = _boundaries(con, level)
        frame = frame[frame["code"].isin(regions["code"])].reset_index(drop=True)
        labels = _labels(frame) if scope and len(frame) <= LABEL_LIMIT else _labels(frame.iloc[:0])
        bounds, boxes, main_codes = insets(frame)
        if bounds is None and len(frame):
            bounds = tuple(float(x) for x in frame.total_bounds)
        return Shapes("geo", frame, maps.to_geojson(frame, DECIMALS), labels, hotspots.GEO_TOLERANCE, None, bounds, boxes, main_codes)
    frame, labels = _tiles(con, level, scope, regions)
    touching = gpd.GeoDataFrame({"code": frame["code"].to_numpy()}, geometry=list(frame["touching"]), crs="EPSG:4326") if len(frame) else None
    drawn = frame[["code", "name", "geometry"]]
    bounds = None
    if len(drawn):  # the labels of the top row sit above the tiles
        x0, y0, x1, y1 = drawn.total_bounds
        bounds = (float(x0), float(y0), float(x1), float(y1 + schematic.GAP_Y))
    return Shapes("tiles", drawn, maps.to_geojson(drawn, DECIMALS), labels, TILE_TOLERANCE, touching, bounds)


def _tiles(con, level: str, scope: str | None, regions: pd.DataFrame) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    kabkota = db.execute(con, "map/regions", {"level": "kabkota", "scope": scope})
    if level == "desa":
        if not scope:
            empty = schematic._empty(["code", "name", "parent_code"])
            return empty, _labels(empty)
        kecamatan = db.execute(con, "map/regions", {"level": "kecamatan", "scope": scope})
        tiles, cells = schematic.within(kecamatan, regions)
        return cells, _tile_labels(tiles)
    kecamatan = db.execute(con, "map/regions", {"level": "kecamatan", "scope": scope})
    layout = schematic.read_layout()
    if scope:
        layout = layout[layout["code"] == scope].assign(col=0, row=0)
    tiles, cells = schematic.province(kabkota, kecamatan, layout)
    if level == "kabkota":
        return tiles[["code", "name", "geometry", "touching"]], _tile_labels(tiles)
    if scope and len(cells) <= LABEL_LIMIT:
        return cells, _labels(cells)
    return cells, _tile_labels(tiles)


def _tile_labels(tiles: gpd.GeoDataFrame) -> pd.DataFrame:
    return pd.DataFrame({"x": tiles["label_x"], "y": tiles["label_y"],
                         "text": [schematic.short_name(n) for n in tiles["name"]]})


def hotspot_result(con: duckdb.DuckDBPyConnection, indicator: str, period: str, level: str,
                   scope: str | None, view: str) -> hotspots.Result:
    """Local Moran's I of one indicator x period over the regions of one view."""
    values = db.execute(con, "map/values", {"level": level, "indicator": indicator, "period": period, "scope": scope})
    view_shapes = shapes(con, level, scope, view)
    frame = view_shapes.touching if view_shapes.touching is not None else view_shapes.frame
    return hotspots.local_moran(values.set_index("code")["value"], frame, view_shapes.tolerance)
