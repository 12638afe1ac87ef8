"""Boundaries in: import kab/kota, kecamatan and desa boundaries, match them to Kemendagri codes,
store full and display geometry, and read them back for maps.

`cettar geodata import FILE --level kecamatan` reads GeoJSON, zipped Shapefile, GeoPackage,
GeoParquet (or the upstream wilayah_boundaries SQL dump) in any CRS, reprojects to EPSG:4326,
repairs invalid geometry, matches features to the official region list (cettar.geodata_match),
writes a match report, and publishes all-or-nothing through cettar.publish. The original file is
kept in the import store and the options are logged, so `cettar build` replays the import.

`cettar geodata download` fetches the MIT-licensed boundaries of cahyadsn/wilayah_boundaries at a
pinned commit, checks their sha256 and imports them (kab/kota and kecamatan, one publish).

For pages: load_boundaries(), boundaries_geojson(), boundary_levels().
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import duckdb
import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from cettar import db as dbmod
from cettar import geodata_match as gm
from cettar import publish, sql
from cettar.paths import database_path

KIND = "boundaries"
LEVELS = gm.LEVELS
DEFAULT_MIN_COVERAGE = 0.95
# Generous box around East Java (Masalembu at -5.0, Sapeken at 115.8 E): a file none of whose
# features falls inside it has the wrong CRS or swapped axes.
JATIM_BOX = (110.0, -9.5, 117.0, -4.5)

UPSTREAM_COMMIT = "3c5a7960f4d227a38489094d84252bdbb3f978a5"
UPSTREAM_BASE = f"https://raw.githubusercontent.com/cahyadsn/wilayah_boundaries/{UPSTREAM_COMMIT}"
UPSTREAM_ENV = "CETTAR_BOUNDARY_URL"
UPSTREAM_FILES = (  # level, path under the repository, sha256
    ("kabkota", "db/kab/wilayah_boundaries_kab_35.sql", "120a4f01539dafe82117e2b75c36859fb39bac12d9c5e227828127648b10575d"),
    ("kecamatan", "db/kec/wilayah_boundaries_kec_35.sql", "c2db7230dca8b4e5d45b2e64c2af831cc29e3aa0b743c651ab82c2e8b27aa5d1"),
)
UPSTREAM_SOURCE = {
    "source_id": "wilayah_boundaries",
    "title_id": "Batas kab/kota dan kecamatan Jawa Timur (cahyadsn/wilayah_boundaries)",
    "title_en": "East Java kab/kota and kecamatan boundaries (cahyadsn/wilayah_boundaries)",
    "publisher": "Cahya DSN, GitHub cahyadsn/wilayah_boundaries",
    "url": "https://github.com/cahyadsn/wilayah_boundaries",
    "licence": "MIT (Copyright (c) 2024 Cahya DSN)",
    "retrieved": f"commit {UPSTREAM_COMMIT[:7]}",
    "note": "Codes and names follow Kepmendagri 300.2.2-2430/2025. Geometry already simplified "
            "upstream; the repository does not say where the shapes come from.",
}


class GeodataError(RuntimeError):
    """A boundary file or download that cannot be imported; nothing was published."""


class CoverageError(GeodataError):
    """The features cover too few official units; nothing was published (see the report)."""

    def __init__(self, message: str, outcome: "Outcome"):
        super().__init__(message)
        self.outcome = outcome


# ----------------------------------------------------------------------------------- reading


def read_wilayah_sql(path: str | Path) -> gpd.GeoDataFrame:
    """The upstream wilayah_boundaries MySQL dump: INSERT rows (kode, nama, lat, lng, path).

    `path` is JSON nested lists of [lat, lng] (axis order swapped relative to GeoJSON): three
    levels deep for a Polygon, four for a MultiPolygon.
    """
    row = re.compile(r"^\s*\('((?:[^']|'')*)','((?:[^']|'')*)',(-?[\d.]+),(-?[\d.]+),'(\[.*\])'\)[,;]?\s*$")

    def ring(coords):
        return [(lng, lat) for lat, lng in coords]

    def polygon(rings):
        return shapely.Polygon(ring(rings[0]), [ring(r) for r in rings[1:]])

    records, geoms = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = row.match(line)
            if not m:
                continue
            kode, nama, lat, lng, coords = m.groups()
            nested = json.loads(coords)
            depth, probe = 0, nested
            while isinstance(probe, list) and probe:
                depth, probe = depth + 1, probe[0]
            geoms.append(shapely.MultiPolygon([polygon(p) for p in nested]) if depth == 4 else polygon(nested))
            records.append({"kode": kode, "nama": nama.replace("''", "'"), "lat": float(lat), "lng": float(lng)})
    if not records:
        raise GeodataError(f"{Path(path).name}: no wilayah_boundaries INSERT rows found")
    return gpd.GeoDataFrame(records, geometry=geoms, crs="EPSG:4326")


def read_boundary_file(path: str | Path, layer: str | None = None) -> tuple[gpd.GeoDataFrame, str]:
    """Read a boundary file; returns the frame (CRS as declared, possibly None) and its format."""
    path = Path(path)
    if not path.is_file():
        raise GeodataError(f"no such file: {path}")
    suffix = path.suffix.lower()
    try:
        if suffix == ".sql":
            return read_wilayah_sql(path), "wilayah_boundaries SQL"
        if suffix in (".parquet", ".geoparquet"):
            return gpd.read_parquet(path), "GeoParquet"
        if suffix == ".shp":
            raise GeodataError(f"{path.name}: zip the .shp together with its .dbf, .shx and .prj and import the .zip")
        if suffix == ".zip":
            return _read_zip(path, layer)
        if suffix in (".geojson", ".json", ".gpkg", ".fgb"):
            if suffix == ".gpkg" and layer is None:
                layer = _pick_layer(str(path))
            fmt = {".gpkg": "GeoPackage", ".fgb": "FlatGeobuf"}.get(suffix, "GeoJSON")
            return gpd.read_file(path, layer=layer, engine="pyogrio"), fmt
    except GeodataError:
        raise
    except Exception as exc:  # pyogrio/pyarrow errors: say which file and why
        raise GeodataError(f"cannot read {path.name}: {exc}") from exc
    raise GeodataError(f"{path.name}: unsupported format (use GeoJSON, zipped Shapefile, GeoPackage, GeoParquet)")


def _pick_layer(dataset: str) -> str | None:
    import pyogrio

    layers = pyogrio.list_layers(dataset)
    polygonal = [name for name, kind in layers if kind and "Polygon" in str(kind)]
    if len(layers) <= 1:
        return None
    if len(polygonal) == 1:
        return str(polygonal[0])
    names = ", ".join(str(name) for name, _ in layers)
    raise GeodataError(f"several layers ({names}): choose one with --layer")


def _read_zip(path: Path, layer: str | None) -> tuple[gpd.GeoDataFrame, str]:
    with zipfile.ZipFile(path) as zf:
        members = [m for m in zf.namelist() if not m.startswith("__MACOSX/")]
    shps = [m for m in members if m.lower().endswith(".shp")]
    others = [m for m in members if m.lower().endswith((".gpkg", ".geojson", ".json", ".parquet"))]
    if layer:
        chosen = [m for m in shps + others if Path(m).stem == layer or m == layer]
        if not chosen:
            raise GeodataError(f"{path.name}: no layer {layer!r} (has {', '.join(shps + others)})")
        shps, others = [c for c in chosen if c in shps], [c for c in chosen if c in others]
    if len(shps) == 1:
        return gpd.read_file(f"/vsizip/{path}/{shps[0]}", engine="pyogrio"), "zipped Shapefile"
    if len(shps) > 1:
        raise GeodataError(f"{path.name} holds several shapefiles ({', '.join(shps)}): choose one with --layer")
    if len(others) == 1:
        return gpd.read_file(f"/vsizip/{path}/{others[0]}", engine="pyogrio"), f"zipped {Path(others[0]).suffix[1:]}"
    raise GeodataError(f"{path.name}: no shapefile (or single GeoPackage/GeoJSON) inside the zip")


def to_wgs84(frame: gpd.GeoDataFrame, crs: str | None, file_name: str) -> tuple[gpd.GeoDataFrame, str, list[str]]:
    """Reproject to EPSG:4326; a file without CRS needs `crs`. Returns frame, source CRS, notes."""
    notes = []
    given = None
    if crs:
        try:
            given = pyproj.CRS.from_user_input(crs)
        except pyproj.exceptions.CRSError as exc:
            raise GeodataError(f"--crs {crs!r} is not a coordinate reference system: {exc}") from exc
    if frame.crs is None:
        if given is None:
            raise GeodataError(
                f"{file_name} has no coordinate reference system (no .prj / crs): give it with --crs, "
                "e.g. --crs EPSG:4326 (lon/lat) or --crs EPSG:32749 (UTM 49S)"
            )
        frame = frame.set_crs(given)
    elif given is not None and not frame.crs.equals(given):
        notes.append(f"file declares {frame.crs.to_string()}; --crs {crs} overrides it")
        frame = frame.set_crs(given, allow_override=True)
    source = frame.crs.to_string()
    if not frame.crs.equals(pyproj.CRS.from_epsg(4326)):
        frame = frame.to_crs(4326)
    return frame, source, notes


def repair(geoms: np.ndarray) -> tuple[np.ndarray, list[str], list[str]]:
    """Make every geometry a valid (Multi)Polygon in 2D.

    Returns the geometries, a note per repaired feature ('' otherwise) and a reason per feature
    that has no usable polygon ('' otherwise; those are dropped).
    """
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    out = np.empty(n, dtype=object)
    notes, dropped = [""] * n, [""] * n
    for i, g in enumerate(geoms):
        if g is None or shapely.is_empty(g):
            dropped[i] = "no geometry"
            continue
        if shapely.has_z(g):
            g = shapely.force_2d(g)
        if g.geom_type not in ("Polygon", "MultiPolygon", "GeometryCollection"):
            dropped[i] = f"not a polygon ({g.geom_type})"
            continue
        if g.geom_type == "GeometryCollection":
            g = _polygonal(g)
        if not shapely.is_valid(g):
            reason = shapely.is_valid_reason(g)
            before = shapely.area(g)
            g = _polygonal(shapely.make_valid(g, method="structure", keep_collapsed=False))
            change = (shapely.area(g) - before) / before * 100 if before else 0.0
            notes[i] = f"repaired with make_valid: {reason} (area {change:+.3f}%)"
        if g is None or shapely.is_empty(g):
            dropped[i] = "no polygon left after repair"
            continue
        out[i] = g
    return out, notes, dropped


def _polygonal(g):
    """The polygonal part of a geometry (None when there is none)."""
    if g is None:
        return None
    if g.geom_type in ("Polygon", "MultiPolygon"):
        return g
    polys = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not polys:
        return None
    return shapely.union_all(polys) if len(polys) > 1 else polys[0]


# ----------------------------------------------------------------------------------- display geometry


@dataclass(frozen=True)
class DisplaySpec:
    decimals: int  # coordinates rounded to this many decimals
    tmin: float  # smallest coverage_simplify tolerance (degrees), for the smallest units
    tmax: float  # largest tolerance, for the largest units
    gap: float  # gaps narrower than this between neighbours are closed (coverage_clean)
    islet: float  # isolated parts smaller than this (deg^2) are left out of the display
    budget: int | None  # target size in bytes of the whole level as compact GeoJSON


DISPLAY = {
    "kabkota": DisplaySpec(4, 0.001, 0.03, 0.005, 2e-5, 150_000),
    "kecamatan": DisplaySpec(4, 0.001, 0.03, 0.005, 2e-5, 250_000),
    # A desa map shows one kecamatan or kab/kota at a time: no budget for all 8,494 at once.
    "desa": DisplaySpec(5, 0.0002, 0.01, 0.001, 1e-6, None),
}
FEATURE_OVERHEAD = 100  # bytes of a GeoJSON feature besides its coordinates (id, code, name)
CHUNK_ABOVE = 1500  # larger levels are cleaned and simplified per kab/kota (coverage_clean is superlinear)


def display_geometries(full: np.ndarray, level: str, groups: np.ndarray | None = None) -> tuple[np.ndarray, list[str]]:
    """Simplified, rounded display geometry of one level's coverage, and notes.

    The coverage is cleaned first (coverage_clean: overlaps resolved, narrow gaps closed, shared
    edges made identical), then simplified with coverage_simplify, which keeps shared edges
    shared: simplification adds no gaps or overlaps. The tolerance grows with each unit's size
    (small urban kecamatan keep their shape) and, while the level is above its byte budget,
    everywhere. Coordinates are snapped to a 10^-decimals grid.

    groups (the kab/kota of each unit): above CHUNK_ABOVE units, each kab/kota is cleaned and
    simplified on its own, and the edges between kab/kota are kept as imported (both sides
    unchanged, so still no gap or overlap is introduced).
    """
    spec = DISPLAY[level]
    full = np.asarray(full, dtype=object)
    notes: list[str] = []
    if len(full) == 0:
        return full, notes
    try:
        if groups is not None and len(full) > CHUNK_ABOVE:
            groups = np.asarray(groups)
            out = np.empty(len(full), dtype=object)
            for key in np.unique(groups):
                chunk = groups == key
                out[chunk] = _tiered_simplify(_clean(full[chunk], spec), 0.2, spec, whole=False)
            out = _round(_drop_islets(out, spec.islet), spec.decimals)
            notes.append("display simplified per kab/kota; edges between kab/kota kept as imported")
        else:
            cleaned = _clean(full, spec)
            k = 0.2
            for _ in range(10):
                out = _round(_drop_islets(_tiered_simplify(cleaned, k, spec, whole=True), spec.islet), spec.decimals)
                if spec.budget is None or _geojson_bytes(out) <= spec.budget:
                    break
                k *= 1.25
            else:
                notes.append(f"display geometry is above its {spec.budget:,}-byte budget")
    except shapely.errors.GEOSException as exc:  # an input GEOS cannot clean: round only
        notes.append(f"display simplification failed ({exc}); display = full geometry rounded")
        out = _round(full, spec.decimals)
    bad = shapely.is_empty(out) | ~shapely.is_valid(out)
    if bad.any():
        out[bad] = _round(full[bad], spec.decimals + 1)
        notes.append(f"{int(bad.sum())} display geometries fell back to the full geometry")
    return out, notes


def _clean(full: np.ndarray, spec: DisplaySpec) -> np.ndarray:
    cleaned = shapely.coverage_clean(full, gap_width=spec.gap)
    bad = shapely.is_empty(cleaned) | ~shapely.is_valid(cleaned)
    cleaned[bad] = full[bad]
    return cleaned


def _tiered_simplify(cov: np.ndarray, k: float, spec: DisplaySpec, whole: bool) -> np.ndarray:
    """coverage_simplify with a tolerance per unit, k * sqrt(area), in powers-of-two tiers.

    Everything is simplified at the smallest tolerance; then each larger tier simplifies only
    the edges shared by two of its units (simplify_boundary=False keeps edges towards smaller
    units untouched, so neighbours still share them). For a whole level the sea around it is
    added as one more polygon so that coastlines count as shared edges too; for a part of a
    level (whole=False) its outer edges are not simplified at all.
    """
    n = len(cov)
    tol = np.clip(k * np.sqrt(shapely.area(cov)), spec.tmin, spec.tmax)
    tier = np.floor(np.log2(tol / spec.tmin) + 1e-9).astype(int)
    arr = cov.copy()
    if whole:
        try:
            land = shapely.coverage_union_all(cov)
        except shapely.errors.GEOSException:
            land = shapely.union_all(cov)
        x0, y0, x1, y1 = shapely.bounds(land)
        sea = shapely.difference(shapely.box(x0 - 1, y0 - 1, x1 + 1, y1 + 1), land)
        if not shapely.is_empty(sea):
            arr, tier = np.append(cov, sea), np.append(tier, tier.max())
    arr = shapely.coverage_simplify(arr, spec.tmin, simplify_boundary=whole)
    for j in range(1, int(tier.max()) + 1):
        chosen = tier >= j
        if chosen.sum() < 2:
            break
        arr[chosen] = shapely.coverage_simplify(arr[chosen], spec.tmin * 2**j, simplify_boundary=False)
    return arr[:n]


def _drop_islets(geoms: np.ndarray, min_area: float) -> np.ndarray:
    """Leave out parts smaller than min_area that touch no other unit (small islands).

    A unit always keeps its largest part; parts touching a neighbour are kept (no gaps).
    """
    parts, owner = shapely.get_parts(geoms, return_index=True)
    if len(parts) == len(geoms):
        return geoms
    area = shapely.area(parts)
    tree = shapely.STRtree(parts)
    a, b = tree.query(parts, predicate="intersects")
    touching = np.zeros(len(parts), bool)
    touching[a[owner[a] != owner[b]]] = True
    keep = touching | (area >= min_area)
    order = np.lexsort((-area, owner))
    first = np.ones(len(order), bool)
    first[1:] = owner[order][1:] != owner[order][:-1]
    keep[order[first]] = True
    out = geoms.copy()
    for i in np.unique(owner[~keep]):
        mine = parts[(owner == i) & keep]
        out[i] = mine[0] if len(mine) == 1 else shapely.MultiPolygon(list(mine))
    return out


def _round(geoms: np.ndarray, decimals: int) -> np.ndarray:
    """Snap to a 10^-decimals grid (valid output), then drop float noise from the coordinates."""
    snapped = shapely.set_precision(geoms, 10.0**-decimals)
    return shapely.transform(snapped, lambda xy: np.round(xy, decimals))


def _geojson_bytes(geoms: np.ndarray) -> int:
    return int(sum(len(shapely.to_geojson(g)) for g in geoms)) + FEATURE_OVERHEAD * len(geoms)


# ----------------------------------------------------------------------------------- import


@dataclass
class Outcome:
    """What one boundary import did (or would have done)."""

    level: str
    file_name: str
    sha256: str
    status: str = ""  # published | already imported | refused
    result: gm.MatchResult | None = None
    report_path: Path | None = None
    file_format: str = ""
    source_crs: str = ""
    features: int = 0
    repaired: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows_added: int = 0
    rows_replaced: int = 0

    def summary(self) -> str:
        if self.status == "already imported":
            return f"{self.level}: {self.file_name} is already imported at this level (same file, same overrides): nothing to do"
        r = self.result
        lines = [f"{self.level}: {self.features} features read from {self.file_name} ({self.file_format}, {self.source_crs})"]
        if r is not None:
            counts = r.counts()
            methods = r.report.loc[r.report["status"] == gm.MATCHED, "method"].value_counts().to_dict()
            lines.append(f"  fields: {r.fields.describe()}")
            lines.append(
                "  matched {m} ({how}); ambiguous {a}; unmatched {u}; coverage {c}/{t} = {p:.1%}".format(
                    m=counts.get(gm.MATCHED, 0), how=", ".join(f"{k} {v}" for k, v in sorted(methods.items())) or "-",
                    a=counts.get(gm.AMBIGUOUS, 0), u=counts.get(gm.UNMATCHED, 0), c=r.covered, t=r.total, p=r.coverage,
                )
            )
            for status in (gm.SKIPPED, gm.OUTSIDE, gm.DROPPED, gm.UNCOVERED):
                if counts.get(status):
                    lines.append(f"  {status}: {counts[status]}")
            if r.overrides_applied:
                lines.append(f"  overrides applied: {len(r.overrides_applied)}")
            lines += [f"  warning: {w}" for w in r.warnings]
        if self.repaired:
            lines.append(f"  repaired {len(self.repaired)} invalid geometries: " + "; ".join(self.repaired[:10])
                         + (" ..." if len(self.repaired) > 10 else ""))
        lines += [f"  note: {n}" for n in self.notes]
        if self.report_path:
            lines.append(f"  report: {self.report_path}")
        if self.status == "published":
            lines.append(f"  stored {self.rows_added} {self.level} boundaries (replacing {self.rows_replaced})")
        return "\n".join(lines)


@dataclass
class Prepared:
    outcome: Outcome
    geoms: np.ndarray  # repaired geometry per feature (None where dropped)
    rows: pd.DataFrame | None = None  # code, geometry_full, geometry_display (WKB); see geometry_rows


def default_options(level: str, **given) -> dict:
    """The replayable options of an import (logged as JSON in import_log)."""
    if level not in LEVELS:
        raise GeodataError(f"unknown level {level!r} (use one of {', '.join(LEVELS)})")
    if not 0 <= float(given.get("min_coverage", DEFAULT_MIN_COVERAGE)) <= 1:
        raise GeodataError(f"--min-coverage is a share between 0 and 1 (e.g. 0.95), not {given['min_coverage']}")
    options = {
        "level": level, "crs": None, "layer": None, "code_field": None, "name_field": None,
        "parent_field": None, "overrides": [], "overrides_file": None, "overrides_sha256": None,
        "min_coverage": DEFAULT_MIN_COVERAGE, "force": False, "fuzzy_threshold": 80.0, "fuzzy_margin": 5.0,
        "source": None,
    }
    options.update({k: v for k, v in given.items() if v is not None})
    return options


def read_overrides(path: str | Path) -> tuple[list[list[str]], str]:
    """Raw (feature, code) pairs of an overrides CSV and the file's sha256 (validated later)."""
    path = Path(path)
    if not path.is_file():
        raise GeodataError(f"no such overrides file: {path}")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    cols = {c.strip().lower(): c for c in frame.columns}
    key = next((cols[c] for c in ("feature", "name", "nama", "id") if c in cols), None)
    code = next((cols[c] for c in ("code", "kode") if c in cols), None)
    if key is None or code is None:
        raise GeodataError(f"{path.name}: an overrides CSV needs the columns feature,code")
    return [[str(k), str(c)] for k, c in zip(frame[key], frame[code])], publish.sha256_of(path)


def prepare(con: duckdb.DuckDBPyConnection, path: Path, options: dict, file_name: str | None = None) -> Prepared:
    """Read, reproject, repair and match one file against the database behind `con`."""
    level = options["level"]
    file_name = file_name or path.name
    frame, fmt = read_boundary_file(path, options.get("layer"))
    frame, source_crs, notes = to_wgs84(frame, options.get("crs"), file_name)
    outcome = Outcome(level=level, file_name=file_name, sha256="", file_format=fmt, source_crs=source_crs,
                      features=len(frame), notes=notes)
    geoms, geo_notes, dropped = repair(frame.geometry.to_numpy())
    points = shapely.point_on_surface(geoms)
    x0, y0, x1, y1 = JATIM_BOX
    inside = shapely.contains_xy(shapely.box(x0, y0, x1, y1), shapely.get_x(points), shapely.get_y(points))
    if len(frame) and not np.nan_to_num(inside).astype(bool).any():
        bounds = ", ".join(f"{v:.3f}" for v in frame.total_bounds)
        raise GeodataError(
            f"{file_name}: no feature lies in East Java after reprojecting from {source_crs} to EPSG:4326 "
            f"(bounds {bounds}): wrong --crs, or latitude and longitude swapped?"
        )

    official = gm.Official(dbmod.execute(con, "geodata/regions"))
    attrs = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    try:
        fields = gm.detect_fields(attrs, level, official, code_field=options.get("code_field"),
                                  name_field=options.get("name_field"), parent_field=options.get("parent_field"))
        pairs = gm.parse_overrides(pd.DataFrame(options.get("overrides") or [], columns=["feature", "code"]), level, official)
        result = gm.match_features(
            attrs, level, official, fields=fields, overrides=pairs, spatial_parent=_spatial_parents(con, level, points),
            dropped=dropped, threshold=float(options["fuzzy_threshold"]), margin=float(options["fuzzy_margin"]),
        )
    except gm.MatchError as exc:
        raise GeodataError(f"{file_name}: {exc}") from exc
    n = len(frame)
    if n:
        result.report.loc[: n - 1, "geometry_note"] = geo_notes
    outcome.result = result
    names = result.report["feature_name"].iloc[:n].tolist()
    outcome.repaired = [f"{result.report.at[i, 'code'] or result.report.at[i, 'feature']} {names[i]}".strip()
                        for i in range(n) if geo_notes[i]]

    return Prepared(outcome, geoms)


def geometry_rows(prepared: Prepared) -> pd.DataFrame:
    """Rows for the boundary table: code, full and display geometry as WKB.

    Features matched to one code are merged (union); the display version is computed over the
    whole level at once (see display_geometries).
    """
    if prepared.rows is not None:
        return prepared.rows
    matched = prepared.outcome.result.assignments
    codes, full = [], []
    if len(matched):
        parts_by_code = pd.Series(prepared.geoms[matched.index.to_numpy()], index=matched.index).groupby(matched.values)
        for code, parts in parts_by_code:
            merged = parts.iloc[0] if len(parts) == 1 else _polygonal(shapely.make_valid(shapely.union_all(parts.to_numpy())))
            codes.append(code)
            full.append(merged)
    full = np.array(full, dtype=object)
    groups = np.array([c[:5] for c in codes])
    display, notes = display_geometries(full, prepared.outcome.level, groups)
    prepared.outcome.notes += notes
    prepared.rows = pd.DataFrame({
        "code": pd.Series(codes, dtype=object),
        "geometry_full": pd.Series(list(shapely.to_wkb(full, byte_order=1)) if len(full) else [], dtype=object),
        "geometry_display": pd.Series(list(shapely.to_wkb(display, byte_order=1)) if len(full) else [], dtype=object),
    })
    return prepared.rows


def _spatial_parents(con: duckdb.DuckDBPyConnection, level: str, points: np.ndarray) -> list | None:
    """Per feature, the stored parent boundary (kab/kota; kecamatan for desa) holding its point."""
    if level not in gm.PARENT_LEVEL:
        return None
    for parent_level in (["kecamatan", "kabkota"] if level == "desa" else ["kabkota"]):
        parents = dbmod.execute(con, "geodata/parent_boundaries", {"level": parent_level})
        if parents.empty:
            continue
        shapes = shapely.from_wkb([bytes(b) for b in parents["geometry_full"]])
        tree = shapely.STRtree(shapes)
        found: list[str | None] = [None] * len(points)
        src, dst = tree.query(points, predicate="within")
        for a, b in zip(src, dst):
            found[a] = parents["code"].iat[b]
        return found
    return None


def _run(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> None:
    text = sql.load(name)
    con.execute(text, sql.bind(text, params, name))


def source_for(options: dict, file_name: str) -> dict:
    """The data_source row of an import: from the options, else a default naming the file."""
    given = dict(options.get("source") or {})
    level = options["level"]
    stem = re.sub(r"[^a-z0-9]+", "_", Path(file_name).stem.lower()).strip("_") or "file"
    source = {
        "source_id": f"boundary_{stem}",
        "title_id": f"Batas wilayah {level} ({file_name})",
        "title_en": f"{level} boundaries ({file_name})",
        "publisher": "unknown",
        "url": None,
        "licence": "unknown",
        "retrieved": dt.date.today().isoformat(),
        "note": None,
    }
    source.update({k: v for k, v in given.items() if v is not None})
    return source


def apply(con: duckdb.DuckDBPyConnection, prepared: Prepared, source: dict) -> tuple[int, int]:
    """Replace the level's boundaries with the prepared rows; register the source if missing."""
    level = prepared.outcome.level
    replaced = int(dbmod.execute(con, "geodata/count_level", {"level": level})["n"].iat[0])
    _run(con, "geodata/ensure_source", source)
    rows = geometry_rows(prepared)
    _run(con, "geodata/delete_level", {"level": level})
    _insert_rows(con, rows, level, source["source_id"])
    return len(rows), replaced


def _insert_rows(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame, level: str, source_id: str) -> None:
    con.register("new_boundary", rows)
    try:
        _run(con, "geodata/insert_boundaries", {"level": level, "source_id": source_id})
    finally:
        con.unregister("new_boundary")


def _already_imported(con: duckdb.DuckDBPyConnection, level: str, sha256: str, overrides_sha: str | None) -> bool:
    """Is this file (with these overrides) the boundary import now in effect at this level?"""
    last = dbmod.execute(con, "geodata/last_import", {"level": level})
    if last.empty or last["sha256"].iat[0] != sha256:
        return False
    return json.loads(last["options"].iat[0]).get("overrides_sha256") == overrides_sha


def write_report(outcome: Outcome, target: Path) -> Path:
    """The match report as CSV: problems first, then matched features, then uncovered units."""
    order = {gm.UNMATCHED: 0, gm.AMBIGUOUS: 1, gm.OUTSIDE: 2, gm.DROPPED: 3, gm.SKIPPED: 4, gm.MATCHED: 5, gm.UNCOVERED: 6}
    report = outcome.result.report
    report = report.iloc[np.argsort(report["status"].map(order).to_numpy(), kind="stable")]
    target.parent.mkdir(parents=True, exist_ok=True)
    report.to_csv(target, index=False)
    return target


@dataclass
class Job:
    path: Path
    options: dict


def _report_path(report_file, report_dir, target: Path, level: str, sha: str, stamp: str) -> Path:
    if report_file:
        return Path(report_file)
    return Path(report_dir or target.parent / "reports") / f"boundaries_{level}_{stamp}_{sha[:8]}.csv"


def import_files(jobs: list[Job], db: str | Path | None = None, report_dir: str | Path | None = None,
                 report_file: str | Path | None = None, dry_run: bool = False,
                 echo: Callable[[str], None] = print) -> list[Outcome]:
    """Import boundary files, all published together or none. See `import_boundaries`."""
    target = database_path(db)
    if not target.exists():
        raise GeodataError(f"no published database at {target} (run `cettar build` first)")
    outcomes, todo = [], []
    with duckdb.connect(str(target), read_only=True) as con:
        for job in jobs:
            sha = publish.sha256_of(job.path)
            if _already_imported(con, job.options["level"], sha, job.options.get("overrides_sha256")):
                outcome = Outcome(level=job.options["level"], file_name=job.path.name, sha256=sha, status="already imported")
                echo(outcome.summary())
                outcomes.append(outcome)
            else:
                todo.append((job, sha))
    if not todo:
        return outcomes
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    if dry_run:  # match and report only, against the published database
        with duckdb.connect(str(target), read_only=True) as con:
            for job, sha in todo:
                outcome = prepare(con, job.path, job.options).outcome
                outcome.sha256, outcome.status = sha, "dry run"
                outcome.report_path = write_report(outcome, _report_path(report_file, report_dir, target, job.options["level"], sha, stamp))
                echo(outcome.summary() + "\n  dry run: nothing published")
                outcomes.append(outcome)
        return outcomes
    for job, _ in todo:  # kept before publishing: a published import can always be replayed
        publish.keep_original(job.path, target)
    with publish.changes(target) as con:
        for job, sha in todo:
            prepared = prepare(con, job.path, job.options)
            outcome = prepared.outcome
            outcome.sha256 = sha
            outcomes.append(outcome)
            level = job.options["level"]
            outcome.report_path = write_report(outcome, _report_path(report_file, report_dir, target, level, sha, stamp))
            result = outcome.result
            min_coverage = float(job.options["min_coverage"])
            if result.coverage < min_coverage and not job.options.get("force"):
                outcome.status = "refused"
                echo(outcome.summary())
                raise CoverageError(
                    f"{level}: coverage {result.covered}/{result.total} = {result.coverage:.1%} is below the minimum "
                    f"{min_coverage:.0%}: nothing published. See the report {outcome.report_path}; fix it with "
                    "--overrides, or publish anyway with --force.", outcome)
            if result.covered == 0:
                raise GeodataError(f"{level}: no feature of {job.path.name} matched an official {level} code: nothing published")
            source = source_for(job.options, job.path.name)
            options = dict(job.options, source=source, overrides_applied=result.overrides_applied,
                           coverage=round(result.coverage, 4), source_crs=outcome.source_crs)
            outcome.rows_added, outcome.rows_replaced = apply(con, prepared, source)
            publish.log_import(con, publish.ImportRecord(
                kind=KIND, file_name=job.path.name, sha256=sha, rows_added=outcome.rows_added,
                rows_replaced=outcome.rows_replaced, source_id=source["source_id"], options=options,
            ))
            outcome.status = "published"
    for outcome in outcomes:
        if outcome.status == "published":
            echo(outcome.summary())
    return outcomes


def import_boundaries(path: str | Path, level: str, db: str | Path | None = None, *, crs: str | None = None,
                      layer: str | None = None, overrides: str | Path | None = None,
                      min_coverage: float = DEFAULT_MIN_COVERAGE, force: bool = False, report: str | Path | None = None,
                      code_field: str | None = None, name_field: str | None = None, parent_field: str | None = None,
                      source: dict | None = None, dry_run: bool = False,
                      echo: Callable[[str], None] = print) -> Outcome:
    """Import one boundary file at one level into the published database (all or nothing).

    Raises GeodataError (nothing published) for unreadable files, a missing CRS, bad overrides;
    CoverageError when fewer than min_coverage of the official units are covered and not force.
    Importing the file now in effect at this level again (same overrides) does nothing.
    """
    path = Path(path)
    pairs, overrides_sha = read_overrides(overrides) if overrides else ([], None)
    options = default_options(
        level, crs=crs, layer=layer, code_field=code_field, name_field=name_field, parent_field=parent_field,
        overrides=pairs, overrides_file=Path(overrides).name if overrides else None, overrides_sha256=overrides_sha,
        min_coverage=min_coverage, force=force, source=source,
    )
    return import_files([Job(path, options)], db, report_file=report, dry_run=dry_run, echo=echo)[0]


@publish.replayer(KIND)
def replay(con: duckdb.DuckDBPyConnection, kept: Path, options: dict) -> None:
    """Re-apply a logged boundary import inside `cettar build` (the decision was taken: no minimum)."""
    options = default_options(options["level"], **{k: v for k, v in options.items() if k != "level"})
    try:
        prepared = prepare(con, Path(kept), options, file_name=Path(kept).name)
    except GeodataError as exc:
        from cettar.build import BuildError  # imported here: build imports this module

        raise BuildError(f"replaying the {options['level']} boundary import {Path(kept).name}: {exc}") from exc
    apply(con, prepared, source_for(options, Path(kept).name))


# ----------------------------------------------------------------------------------- download


def _fetch(base: str, relpath: str, target: Path, timeout: float) -> str:
    """Download base/relpath (or base/<file name>, for a flat mirror) to target; returns the URL."""
    base = base.rstrip("/")
    urls = [f"{base}/{relpath}", f"{base}/{Path(relpath).name}"]
    last = None
    for url in urls:
        request = urllib.request.Request(url, headers={"User-Agent": "cettar-geodata"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response, open(target, "wb") as out:
                while chunk := response.read(1 << 16):
                    out.write(chunk)
            return url
        except urllib.error.HTTPError as exc:
            last = f"{url}: HTTP {exc.code} {exc.reason}"
            if exc.code != 404:
                break
        except urllib.error.URLError as exc:
            last = f"{url}: {exc.reason}"
            if not isinstance(exc.reason, FileNotFoundError):  # a missing file:// mirror file: try the next
                break
        except (TimeoutError, OSError) as exc:
            last = f"{url}: {exc or type(exc).__name__}"
            break
    raise GeodataError(
        f"cannot download {Path(relpath).name} ({last}). No internet here? Point --base-url or "
        f"${UPSTREAM_ENV} at a mirror, or import a boundary file with `cettar geodata import`."
    )


def download(db: str | Path | None = None, base_url: str | None = None, timeout: float = 10.0,
             min_coverage: float = DEFAULT_MIN_COVERAGE, force: bool = False, report_dir: str | Path | None = None,
             echo: Callable[[str], None] = print) -> list[Outcome]:
    """Fetch the pinned wilayah_boundaries files, check their sha256, import kab/kota + kecamatan."""
    base = base_url or os.environ.get(UPSTREAM_ENV) or UPSTREAM_BASE
    target = database_path(db)
    if not target.exists():
        raise GeodataError(f"no published database at {target} (run `cettar build` first)")
    with duckdb.connect(str(target), read_only=True) as con:
        done = [_already_imported(con, level, sha, None) for level, _, sha in UPSTREAM_FILES]
    if all(done):
        echo("the pinned wilayah_boundaries files are already imported: nothing to do")
        return [Outcome(level=level, file_name=Path(rel).name, sha256=sha, status="already imported")
                for level, rel, sha in UPSTREAM_FILES]
    with tempfile.TemporaryDirectory(prefix="cettar-geodata-") as tmp:
        jobs = []
        for level, relpath, expected in UPSTREAM_FILES:
            path = Path(tmp) / Path(relpath).name
            url = _fetch(base, relpath, path, timeout)
            actual = publish.sha256_of(path)
            if actual != expected:
                raise GeodataError(f"{url}: sha256 {actual} differs from the pinned {expected}: not imported")
            echo(f"downloaded {url} (sha256 ok)")
            jobs.append(Job(path, default_options(level, min_coverage=min_coverage, force=force, source=dict(UPSTREAM_SOURCE))))
        return import_files(jobs, db, report_dir=report_dir, echo=echo)


# ----------------------------------------------------------------------------------- reading back (pages)


def load_boundaries(con: duckdb.DuckDBPyConnection, level: str, display: bool = True) -> gpd.GeoDataFrame:
    """Boundaries of one level: columns code, name, geometry (EPSG:4326), sorted by code.

    display=True gives the simplified, rounded geometry for maps; False the full imported one.
    Empty when nothing was imported at that level.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    frame = dbmod.execute(con, "geodata/boundaries", {"level": level, "display": bool(display)})
    geoms = shapely.from_wkb([bytes(b) for b in frame["geometry"]]) if len(frame) else []
    return gpd.GeoDataFrame({"code": frame["code"].astype(str), "name": frame["name"]}, geometry=list(geoms), crs="EPSG:4326")


def boundaries_geojson(con: duckdb.DuckDBPyConnection, level: str, display: bool = True) -> dict:
    """A GeoJSON FeatureCollection (dict) of one level: id and properties.code = Kemendagri code,
    properties.name = official name. Display geometry by default (what a map should send)."""
    frame = load_boundaries(con, level, display)
    features = [
        {"type": "Feature", "id": code, "properties": {"code": code, "name": name},
         "geometry": json.loads(shapely.to_geojson(geom))}
        for code, name, geom in zip(frame["code"], frame["name"], frame.geometry)
    ]
    return {"type": "FeatureCollection", "features": features}


def boundary_levels(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per level: boundaries stored, official units, sources (a map page checks this first)."""
    return dbmod.execute(con, "geodata/levels")


# ----------------------------------------------------------------------------------- CLI


def _cmd_import(args: argparse.Namespace) -> int:
    source = {"source_id": args.source_id, "title_id": args.source_title, "title_en": args.source_title,
              "publisher": args.publisher, "licence": args.licence, "url": args.url}
    try:
        import_boundaries(
            args.file, args.level, args.db, crs=args.crs, layer=args.layer, overrides=args.overrides,
            min_coverage=args.min_coverage, force=args.force, report=args.report, code_field=args.code_field,
            name_field=args.name_field, parent_field=args.parent_field, source=source, dry_run=args.dry_run,
        )
    except CoverageError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    except (GeodataError, publish.PublishError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _cmd_download(args: argparse.Namespace) -> int:
    try:
        download(args.db, args.base_url, args.timeout, args.min_coverage, args.force, args.report_dir)
    except CoverageError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    except (GeodataError, publish.PublishError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _cmd_status(args: argparse.Namespace) -> int:
    with dbmod.connect_readonly(args.db) as con:
        print(boundary_levels(con).to_string(index=False))
    return 0


def register(sub) -> None:
    """Add the `geodata` subcommands to the CLI."""
    g = sub.add_parser("geodata", help="boundaries: import a boundary file, download the open boundaries, status")
    gsub = g.add_subparsers(dest="geodata_command", required=True)

    imp = gsub.add_parser("import", help="import kab/kota, kecamatan or desa boundaries and match them to Kemendagri codes")
    imp.add_argument("file", help="GeoJSON, zipped Shapefile (.zip), GeoPackage, GeoParquet (or wilayah_boundaries .sql)")
    imp.add_argument("--level", required=True, choices=LEVELS)
    imp.add_argument("--crs", help="CRS of a file that declares none (e.g. EPSG:4326, EPSG:32749); overrides a declared one")
    imp.add_argument("--layer", help="layer of a GeoPackage, or shapefile inside a zip, when there are several")
    imp.add_argument("--overrides", help="CSV with columns feature,code (feature name, id or #row from the report; code or 'skip')")
    imp.add_argument("--min-coverage", type=float, default=DEFAULT_MIN_COVERAGE,
                     help=f"refuse to publish below this share of official units covered (default {DEFAULT_MIN_COVERAGE})")
    imp.add_argument("--force", action="store_true", help="publish even below --min-coverage")
    imp.add_argument("--dry-run", action="store_true", help="match and write the report, publish nothing")
    imp.add_argument("--report", help="where to write the match report CSV (default: <db folder>/reports/)")
    imp.add_argument("--code-field", help="field holding the region code (default: detected)")
    imp.add_argument("--name-field", help="field holding the region name (default: detected)")
    imp.add_argument("--parent-field", help="field holding the parent kab/kota (or kecamatan) code or name (default: detected)")
    imp.add_argument("--source-id", help="data_source id to register (default: boundary_<file name>)")
    imp.add_argument("--source-title", help="title of the data source")
    imp.add_argument("--publisher", help="publisher of the boundaries (default: unknown)")
    imp.add_argument("--licence", help="licence of the boundaries (default: unknown)")
    imp.add_argument("--url", help="where the boundaries come from")
    imp.set_defaults(func=_cmd_import)

    dl = gsub.add_parser("download", help="download the MIT-licensed wilayah_boundaries (pinned commit) and import them")
    dl.add_argument("--base-url", help=f"mirror of the repository, or a folder with the two .sql files (default: ${UPSTREAM_ENV} or GitHub)")
    dl.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for the server (default 10)")
    dl.add_argument("--min-coverage", type=float, default=DEFAULT_MIN_COVERAGE)
    dl.add_argument("--force", action="store_true")
    dl.add_argument("--report-dir", help="folder for the match reports (default: <db folder>/reports/)")
    dl.set_defaults(func=_cmd_download)

    st = gsub.add_parser("status", help="boundary levels present, with counts and sources")
    st.set_defaults(func=_cmd_status)
