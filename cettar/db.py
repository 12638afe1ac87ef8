"""Opening the database and running named queries. Views never open connections themselves."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

from cettar import sql
from cettar.paths import database_path


class DatabaseMissing(FileNotFoundError):
    """The database file has not been built yet."""


CATALOG = "cettar"


MEMORY_ENV = "CETTAR_DB_MEMORY_LIMIT"
MEMORY_LIMIT = "1GB"  # per reader instance (one per app replica); docs/SCALING.md


class ReadOnlyDatabase:
    """A read-only view of one database file, as it was when opened.

    DuckDB keeps one database instance per path and process: `duckdb.connect(path)` while an
    older connection to that path is alive returns the *old* instance, still reading the file
    that a publish has since replaced. So the file is ATTACHed to a private in-memory instance
    instead; opening again after a publish sees the new file. Every cursor starts in the
    attached catalog. Supports `execute`, `cursor`, `close` and `with`.
    """

    def __init__(self, path: Path, memory_limit: str | None = None):
        self.path = path
        # DuckDB would otherwise take up to 80 % of the machine's RAM per instance, in every
        # replica at once; beyond the limit it spills to a temporary directory or fails the query.
        self._con = duckdb.connect(config={
            "memory_limit": memory_limit or os.environ.get(MEMORY_ENV, MEMORY_LIMIT),
            "temp_directory": os.path.join(tempfile.gettempdir(), "cettar-duckdb"),
        })
        # ATTACH takes no bound parameters: the path is quoted as a SQL string literal.
        literal = "'" + str(path).replace("'", "''") + "'"
        self._con.execute(f"ATTACH {literal} AS {CATALOG} (READ_ONLY)")
        self._con.execute(f"USE {CATALOG}")

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur = self._con.cursor()
        cur.execute(f"USE {CATALOG}")
        return cur

    def execute(self, query: str, params=None) -> duckdb.DuckDBPyConnection:
        return self._con.execute(query, params or {})

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "ReadOnlyDatabase":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def connect_readonly(path: str | Path | None = None) -> ReadOnlyDatabase:
    """A read-only connection to the published database (what the web app uses)."""
    path = database_path(path)
    if not path.exists():
        raise DatabaseMissing(f"database not found: {path} (build it with `python -m cettar build`)")
    return ReadOnlyDatabase(path)


def execute(con, name: str, params: dict | None = None) -> pd.DataFrame:
    """Run queries/<name>.sql with bound parameters ($name in the SQL) and return a DataFrame.

    Values are always bound, never pasted into the SQL text. A cursor per call keeps one shared
    connection safe to use from several threads.
    """
    text = sql.load(name)
    cur = con.cursor()
    try:
        cur.execute(text, sql.bind(text, params or {}, name))
        types = {column[0]: str(column[1]) for column in cur.description}
        if set(types.values()) <= ARROW_SAFE:
            table = cur.to_arrow_table()
            frame = table.to_pandas()
            if table.num_rows == 0:  # DuckDB gives empty text columns the object dtype
                frame = frame.astype({c: object for c, kind in types.items() if kind == "VARCHAR"})
            return frame
        return cur.df()
    finally:
        cur.close()


# Column types whose DataFrame is the same whether DuckDB builds it (.df()) or Arrow does; Arrow
# is about twice as fast on large results (the CETTAR index inputs: 0.8 M rows at national
# scale). Dates, timestamps, decimals and integers keep DuckDB's own conversion.
ARROW_SAFE = {"VARCHAR", "DOUBLE"}


def data_version(path: str | Path | None = None) -> str:
    """Changes whenever a new database is published (used as a cache key by the app)."""
    stat = database_path(path).stat()
    return f"{stat.st_mtime_ns}-{stat.st_size}-{stat.st_ino}"
