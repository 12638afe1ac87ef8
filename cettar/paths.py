"""Where things live. Every path is built from the package location, never the working directory."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
DATA = ROOT / "data"
FACTS = DATA / "facts"
NODE_MODULES = ROOT / "node_modules"
REGION_LIST = NODE_MODULES / "idn-area-data" / "data"
STATIC = ROOT / "static"
VENDOR = STATIC / "vendor"
DEFAULT_DB = ROOT / "var" / "cettar.duckdb"
SHARED = ROOT.parent / "shared"


def database_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: an explicit path, else $CETTAR_DB, else var/cettar.duckdb."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("CETTAR_DB")
    return Path(env) if env else DEFAULT_DB
