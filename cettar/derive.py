"""Tables derived from the published inputs, recomputed whenever the data changes.

`refresh(con)` runs at the end of every build and inside every publish (import), before the
contracts, so derived values always match the inputs they come from.

It derives kecamatan service gaps (cettar/capacity.py), then the CETTAR index
(cettar/index.py, configured by data/cettar_index.toml): the index and the five pillar scores per
kecamatan and year are stored as indicator values (indeks_cettar, indeks_pilar_<pillar>), so maps
and profiles show them like any indicator. Each year's rows get the source that matches the
weakest status among that year's inputs (all official -> cettar_index, any compiled ->
cettar_index_compiled, any demo -> cettar_index_demo): a score computed from demo values is never
labelled official. Last it pre-aggregates: which values exist (indicator_coverage,
indicator_regions, read by the catalog queries) and what the maps show per kab/kota and
kecamatan (region_value, read by map/values), so pages never scan every value.
"""

from __future__ import annotations

import duckdb

from cettar import db, index
from cettar.capacity import refresh_service_gaps
from cettar.paths import DATA

SOURCE_IDS = sorted(index.DERIVED_SOURCES.values())


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every derived table in an open, writable database."""
    refresh_service_gaps(con)  # kecamatan service gaps and ratios (cettar/capacity.py) ...
    refresh_index(con)  # ... before the index, which uses a service ratio (data/cettar_index.toml)
    refresh_coverage(con)  # last: summarise every value, derived ones included ...
    refresh_region_values(con)  # ... and what the maps show per kab/kota and kecamatan


def refresh_coverage(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute indicator_coverage and indicator_regions (which indicators have values at which
    level, period and source): the small tables the catalog queries read instead of scanning
    every value. A contract (queries/contracts/coverage.sql) checks them against the values."""
    from cettar.build import run_script  # build imports this module

    run_script(con, "build/coverage")


def refresh_region_values(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute region_value: every indicator x period at kab/kota and kecamatan level, stored
    or rolled up from the level below (queries/build/region_values.sql), which map/values reads
    instead of rolling up desa values on every page run."""
    from cettar.build import run_script  # build imports this module

    run_script(con, "build/region_values")


def refresh_index(con: duckdb.DuckDBPyConnection, config: index.Config | None = None) -> int:
    """Replace the stored CETTAR index by one computed from the current inputs; rows written.

    Idempotent: the rows of an earlier refresh (its own sources) are deleted first. Raises
    index.ConfigError when the configuration and the catalog disagree, which fails the build or
    the import instead of publishing an index with silently missing indicators.
    """
    from cettar.build import run_script  # build imports this module

    config = config or index.load_config()
    run_script(con, "index/derive/ensure_reference", {
        "indicators": str(DATA / "indicators.csv"), "sources": str(DATA / "sources.csv"),
        "ids": list(index.DERIVED_IDS), "source_ids": SOURCE_IDS,
    })
    run_script(con, "index/derive/delete", {"source_ids": SOURCE_IDS})
    result = index.compute(
        db.execute(con, "index/inputs"),
        db.execute(con, "index/catalog"),
        config,
        db.execute(con, "index/kecamatan")["code"],
    )
    rows = index.derived_rows(result)
    con.register("derived_index", rows)
    try:
        run_script(con, "index/derive/insert", {"config": config.label})
    finally:
        con.unregister("derived_index")
    return len(rows)
