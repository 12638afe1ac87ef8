"""Tables derived from the published inputs, recomputed whenever the data changes.

`refresh(con)` runs at the end of every build and inside every publish (import), before the
contracts, so derived values always match the inputs they come from.
"""

from __future__ import annotations

import duckdb


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every derived table in an open, writable database."""
