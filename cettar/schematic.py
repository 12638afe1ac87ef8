"""The schematic tile map: every kab/kota a tile, every kecamatan an equal cell inside it.

Used when no boundaries were imported (the map still works offline on a fresh install) and as
a view of its own when they were: on a tile map a small kota weighs as much as Kabupaten
Malang. The tiles are placed like East Java's geography (geodata/schematic_kabkota.csv, see
geodata/SCHEMATIC.md); the cells of a tile are its kecamatan in code order, row by row.

The shapes are plain rectangles in lon/lat-like degrees, so every renderer and the hot-spot
weights treat them exactly like imported boundaries. They are *not* geography: a basemap is
never drawn under them.
"""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from cettar.paths import ROOT

LAYOUT = ROOT / "geodata" / "schematic_kabkota.csv"
STEP = 0.5  # degrees from one tile to the next
GAP_X = 0.04  # white space between tiles side by side
GAP_Y = 0.09  # white space above each tile: it holds the tile's label
ORIGIN = (111.0, -6.6)  # upper-left corner of column 0, row 0


def read_layout(path: str | Path = LAYOUT) -> pd.DataFrame:
    """The kab/kota tile layout: code, name, col, row (one row per kab/kota)."""
    layout = pd.read_csv(path, dtype={"code": str, "name": str, "col": int, "row": int})
    if layout["code"].duplicated().any() or layout[["col", "row"]].duplicated().any():
        raise ValueError(f"{path}: every kab/kota needs its own code and its own (col, row)")
    return layout


def grid(codes: list[str], names: list[str]) -> pd.DataFrame:
    """A near-square layout for tiles without a geographic one (the kecamatan of one kab/kota)."""
    cols = max(1, math.ceil(math.sqrt(len(codes))))
    return pd.DataFrame(
        {"code": codes, "name": names, "col": [i % cols for i in range(len(codes))], "row": [i // cols for i in range(len(codes))]}
    )


def short_name(name: str) -> str:
    """Tile label: 'Kabupaten Malang' -> 'Malang'; a kota keeps its word ('Kota Malang')."""
    return name.removeprefix("Kabupaten ")


def tile_box(col: int, row: int) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of the drawn tile: x grows east, y north (rows go south)."""
    x0 = ORIGIN[0] + col * STEP
    top = ORIGIN[1] - row * STEP
    return x0, top - STEP, x0 + STEP - GAP_X, top - GAP_Y


def full_box(col: int, row: int) -> tuple[float, float, float, float]:
    """The tile's whole grid square, gaps included: neighbouring tiles' squares touch."""
    x0 = ORIGIN[0] + col * STEP
    top = ORIGIN[1] - row * STEP
    return x0, top - STEP, x0 + STEP, top


def _cells(box, n: int) -> list:
    """n equal rectangles filling box, row by row from the top-left."""
    x0, y0, x1, y1 = box
    ncols = math.ceil(math.sqrt(n))
    nrows = math.ceil(n / ncols)
    w, h = (x1 - x0) / ncols, (y1 - y0) / nrows
    out = []
    for i in range(n):
        c, r = i % ncols, i // ncols
        left, top = x0 + c * w, y1 - r * h
        out.append(shapely.box(round(left, 6), round(top - h, 6), round(left + w, 6), round(top, 6)))
    return out


def tiles_and_cells(tiles: pd.DataFrame, cells: pd.DataFrame) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Tile and cell rectangles.

    tiles: code, name, col, row. cells: code, name, parent_code (a tile code), in any order;
    each tile's cells are laid out in code order, row by row, all the same size.
    Returns (tiles: code, name, label_x, label_y, geometry, touching; cells: code, name,
    parent_code, geometry, touching). `touching` is the same rectangle stretched over the gaps,
    so that cells of neighbouring tiles touch: the hot-spot weights use it (the drawn
    `geometry` keeps the gaps that make the tiles readable). Cells of parents without a tile
    are left out.
    """
    tile_rows, cell_rows = [], []
    by_parent = {code: group.sort_values("code") for code, group in cells.groupby("parent_code")}
    for tile in tiles.itertuples(index=False):
        box, full = tile_box(tile.col, tile.row), full_box(tile.col, tile.row)
        tile_rows.append({
            "code": tile.code, "name": tile.name, "label_x": (box[0] + box[2]) / 2, "label_y": box[3] + GAP_Y / 2,
            "geometry": shapely.box(*box), "touching": shapely.box(*full),
        })
        members = by_parent.get(tile.code)
        if members is None or members.empty:
            continue
        drawn, stretched = _cells(box, len(members)), _cells(full, len(members))
        for cell, geom, touch in zip(members.itertuples(index=False), drawn, stretched):
            cell_rows.append({"code": cell.code, "name": cell.name, "parent_code": tile.code, "geometry": geom, "touching": touch})
    tiles_gdf = gpd.GeoDataFrame(tile_rows, geometry="geometry", crs="EPSG:4326") if tile_rows else _empty(["code", "name", "label_x", "label_y", "touching"])
    cells_gdf = gpd.GeoDataFrame(cell_rows, geometry="geometry", crs="EPSG:4326") if cell_rows else _empty(["code", "name", "parent_code", "touching"])
    return tiles_gdf, cells_gdf


def _empty(columns: list[str]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({c: [] for c in columns}, geometry=[], crs="EPSG:4326")


def province(kabkota: pd.DataFrame, kecamatan: pd.DataFrame, layout: pd.DataFrame | None = None) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """The province's tile map: 38 kab/kota tiles holding their kecamatan cells.

    kabkota: code, name (official); kecamatan: code, name, kabkota_code. Official names win
    over the layout file's; a kab/kota missing from the layout is an error.
    """
    layout = read_layout() if layout is None else layout
    missing = sorted(set(kabkota["code"]) - set(layout["code"]))
    if missing:
        raise ValueError(f"{LAYOUT.name}: no tile for kab/kota {', '.join(missing)}")
    tiles = layout[["code", "col", "row"]].merge(kabkota[["code", "name"]], on="code")
    cells = pd.DataFrame({"code": kecamatan["code"], "name": kecamatan["name"], "parent_code": kecamatan["kabkota_code"]})
    return tiles_and_cells(tiles, cells)


def within(parents: pd.DataFrame, children: pd.DataFrame) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Tile map of one kab/kota one level down: its kecamatan as tiles in a grid, their desa as cells.

    parents: code, name; children: code, name, parent_code.
    """
    parents = parents.sort_values("code")
    tiles = grid(parents["code"].tolist(), parents["name"].tolist())
    return tiles_and_cells(tiles, children[["code", "name", "parent_code"]])
