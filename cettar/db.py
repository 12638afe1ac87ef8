"""Opening the database and running named queries. Views never open connections themselves."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from cettar import sql
from cettar.paths import database_path


class DatabaseMissing(FileNotFoundError):
    """The database file has not been built yet."""


def connect_readonly(path: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published database (what the web app uses)."""
    path = database_path(path)
    if not path.exists():
        raise DatabaseMissing(f"database not found: {path} (build it with `python -m cettar build`)")
    return duckdb.connect(str(path), read_only=True)


def execute(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> pd.DataFrame:
    """Run queries/<name>.sql with bound parameters ($name in the SQL) and return a DataFrame.

    Values are always bound, never pasted into the SQL text. A cursor per call keeps one shared
    connection safe to use from several threads.
    """
    text = sql.load(name)
    cur = con.cursor()
    try:
        return cur.execute(text, sql.bind(text, params or {}, name)).df()
    finally:
        cur.close()


def data_version(path: str | Path | None = None) -> str:
    """Changes whenever a new database is published (used as a cache key by the app)."""
    stat = database_path(path).stat()
    return f"{stat.st_mtime_ns}-{stat.st_size}-{stat.st_ino}"
