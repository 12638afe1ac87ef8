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
