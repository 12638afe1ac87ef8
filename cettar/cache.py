"""The only module with st.cache_*: one read-only connection and cached query results.

Both are keyed by the database's data version (inode, size, mtime), so when an import
publishes a new file the app notices on the next rerun, without a restart.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cettar import db
from cettar.paths import database_path


def database_ready() -> bool:
    return database_path().exists()


def data_version() -> str:
    return db.data_version(database_path())


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(path: str, version: str):
    return db.connect_readonly(path)


@st.cache_data(max_entries=512, show_spinner=False)
def _query(name: str, params: tuple, path: str, version: str) -> pd.DataFrame:
    bound = {k: list(v) if isinstance(v, tuple) else v for k, v in params}
    return db.execute(_connection(path, version), name, bound)


def query(name: str, **params) -> pd.DataFrame:
    """Result of queries/<name>.sql with bound parameters (lists go in as tuples)."""
    path = str(database_path())
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _query(name, frozen, path, db.data_version(path)).copy()


# -- CETTAR index (pages/index.py) -------------------------------------------------------------
from cettar import index as _index  # noqa: E402


@st.cache_data(max_entries=4, show_spinner=False)
def _cettar_index(config_text: str, path: str, version: str):
    config = _index.parse_config(config_text)
    return _index.compute(
        _query("index/inputs", (), path, version),
        _query("index/catalog", (), path, version),
        config,
        _query("index/kecamatan", (), path, version)["code"],
    )


def cettar_index(config: "_index.Config"):
    """The CETTAR index of every year (an index.IndexResult), computed with config."""
    path = str(database_path())
    return _cettar_index(config.text, path, db.data_version(path))


@st.cache_data(max_entries=32, show_spinner=False)
def _index_rank_intervals(config_text: str, year: str, path: str, version: str) -> pd.DataFrame:
    return _index.rank_intervals(_cettar_index(config_text, path, version).periods[year])


def index_rank_intervals(config: "_index.Config", year: str) -> pd.DataFrame:
    """Rank intervals of one year's scored kecamatan under the seeded Monte Carlo of the weights."""
    path = str(database_path())
    return _index_rank_intervals(config.text, year, path, db.data_version(path)).copy()


# --- compare page (Bandingkan) ----------------------------------------------------------------

@st.cache_data(max_entries=32, show_spinner=False)
def compare_did(panel: pd.DataFrame, treated: tuple, control: tuple, pre: tuple, post: tuple):
    """cettar.compare.did, cached: the wild bootstrap's test inversion takes a moment. The panel
    comes from query() (keyed by the data version), so its content is part of the key."""
    from cettar import compare

    return compare.did(panel, list(treated), list(control), pre, post)


# --- map page (Peta Kinerja) ------------------------------------------------------------------

@st.cache_data(max_entries=4, show_spinner=False)
def _map_boundary_counts(path: str, version: str) -> dict:
    from cettar import mapdata

    return mapdata.boundary_counts(_connection(path, version))


def map_boundary_counts() -> dict:
    """Boundaries stored per level (kabkota, kecamatan, desa)."""
    path = str(database_path())
    return _map_boundary_counts(path, db.data_version(path))


@st.cache_resource(max_entries=24, show_spinner=False)
def _map_shapes(level: str, scope, view: str, path: str, version: str):
    from cettar import mapdata

    return mapdata.shapes(_connection(path, version), level, scope, view)


def map_shapes(level: str, scope, view: str):
    """Shapes of one map view (a mapdata.Shapes). Kept as a resource, not copied per run: the
    geometry and its GeoJSON are read-only for the page (a copy would cost more than drawing)."""
    path = str(database_path())
    return _map_shapes(level, scope, view, path, db.data_version(path))


@st.cache_data(max_entries=64, show_spinner=False)
def _map_hotspots(indicator: str, period: str, level: str, scope, view: str, path: str, version: str):
    from cettar import mapdata

    return mapdata.hotspot_result(_connection(path, version), indicator, period, level, scope, view)


def map_hotspots(indicator: str, period: str, level: str, scope, view: str):
    """Local Moran's I of one indicator x period over one map view (a hotspots.Result)."""
    path = str(database_path())
    return _map_hotspots(indicator, period, level, scope, view, path, db.data_version(path))


@st.cache_data(max_entries=256, show_spinner=False)
def _map_classify(values: tuple, scheme: str, k: int, breaks: tuple | None):
    from cettar import maps

    return maps.classify(list(values), scheme, k, list(breaks) if breaks else None)


def map_classify(values, scheme: str, k: int = 5, breaks=None):
    """maps.classify, cached by the values themselves (Fisher-Jenks is slow in pure Python)."""
    bins, index = _map_classify(tuple(float(v) for v in values), scheme, int(k), tuple(breaks) if breaks else None)
    return list(bins), index.copy()


# --- awards page (Inovasi & Penghargaan) ------------------------------------------------------

@st.cache_data(max_entries=16, show_spinner=False)
def _award_points(level: str, scope, view: str, path: str, version: str) -> pd.DataFrame:
    from cettar import awards

    return awards.representative_points(map_shapes(level, scope, view))


def award_points(level: str, scope, view: str) -> pd.DataFrame:
    """A point per region of a map view (code, name, lon, lat, geo): where the awards page puts
    a kecamatan winner's star and the ends of a replication line."""
    path = str(database_path())
    return _award_points(level, scope, view, path, db.data_version(path)).copy()


# --- capacity page (Kapasitas & Layanan) ------------------------------------------------------

@st.cache_data(max_entries=16, show_spinner=False)
def _capacity_gaps(year: str, scope, path: str, version: str) -> pd.DataFrame:
    from cettar import capacity

    return capacity.service_gaps(query("capacity/desa_values", indicators=list(capacity.INPUT_IDS), year=year, scope=scope))


def capacity_gaps(year: str, scope) -> pd.DataFrame:
    """Demand, supply, gap and ratio per kecamatan and service in one year and area
    (cettar.capacity.service_gaps of the desa values: the numbers the stored indicators hold)."""
    path = str(database_path())
    return _capacity_gaps(year, scope, path, db.data_version(path)).copy()


# --- presentation page (Presentasi) -----------------------------------------------------------

def presentation_reader():
    """A storyline.Reader on the cached queries and map shapes."""
    from cettar import storyline

    return storyline.Reader(query=query, shapes=map_shapes, boundary_counts=map_boundary_counts)


@st.cache_resource(max_entries=48, show_spinner=False)
def _presentation_slide(slide: str, indicator: str, period: str, lang: str, path: str, version: str):
    from cettar import storyline

    return storyline.build_slide(presentation_reader(), slide, indicator, period, lang)


def presentation_slides(slides, indicator: str, period: str, lang: str) -> list:
    """The storyline's slides (storyline.Slide), each kept as a resource per data version: the
    page only reads them (a copy per rerun would cost more than it guards)."""
    path = str(database_path())
    version = db.data_version(path)
    return [_presentation_slide(s, indicator, str(period), lang, path, version) for s in slides]
