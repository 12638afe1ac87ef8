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
