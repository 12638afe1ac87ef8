"""Build the database from queries/build/*.sql, check its contracts, then publish atomically.

The new database is written next to the published one, checked, and only then renamed over
it: a running dashboard sees the old file or the new one, never a half-built one, and a build
that fails its contracts publishes nothing.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
from pathlib import Path
from typing import Callable

import duckdb
import pandas as pd

from cettar import __version__, contracts, db, demo, demo_capacity, demo_innovation, derive, publish, sql
from cettar.paths import DATA, FACTS, REGION_LIST, database_path


class BuildError(RuntimeError):
    """The build could not produce a database that passes its contracts."""


def region_list_paths(folder: Path = REGION_LIST) -> dict[str, str]:
    """The four CSVs of the npm package idn-area-data."""
    paths = {name: folder / f"{name}.csv" for name in ("provinces", "regencies", "districts", "villages")}
    missing = [str(p) for p in paths.values() if not p.exists()]
    if missing:
        raise BuildError(
            "official region list not found: " + ", ".join(missing) + " (install it with `npm ci`)"
        )
    return {name: str(p) for name, p in paths.items()}


def run_script(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> None:
    """Run every statement of a build SQL file, binding only the parameters each one uses."""
    params = params or {}
    for statement in _statements(sql.load(name)):
        con.execute(statement, sql.bind(statement, params, name))


def _statements(script: str) -> list[str]:
    """Split a script on semicolons that end a line (our SQL files keep literals free of those)."""
    parts, current = [], []
    for line in script.splitlines():
        current.append(line)
        if line.rstrip().endswith(";"):
            parts.append("\n".join(current))
            current = []
    tail = "\n".join(current).strip()
    if tail and not all(l.strip().startswith("--") or not l.strip() for l in current):
        parts.append(tail)
    return [p for p in parts if any(l.strip() and not l.strip().startswith("--") for l in p.splitlines())]


# Modules whose import registers replayers for their import kinds (see cettar.publish).
REPLAY_MODULES = ("cettar.importers", "cettar.geodata")


def previous_imports(target: Path) -> pd.DataFrame:
    """The audit log of the currently published database (empty when there is none)."""
    if not target.exists():
        return pd.DataFrame()
    try:
        with db.connect_readonly(target) as con:
            return con.execute("SELECT * FROM import_log ORDER BY import_id").df()
    except duckdb.Error:
        return pd.DataFrame()


def replay_imports(con: duckdb.DuckDBPyConnection, log: pd.DataFrame, store: Path) -> None:
    """Re-apply earlier imports, in their order, from the kept originals."""
    for module in REPLAY_MODULES:
        importlib.import_module(module)
    for entry in log.itertuples():
        kept = [p for p in store.glob(f"{entry.sha256}*") if not p.name.endswith(".part")]
        if not kept:
            raise BuildError(f"import {entry.import_id} ({entry.kind}, {entry.file_name}): original {entry.sha256} missing from {store}")
        replay = publish.REPLAYERS.get(entry.kind)
        if replay is None:
            raise BuildError(f"import {entry.import_id}: no replayer for kind {entry.kind!r}")
        replay(con, kept[0], json.loads(entry.options))
        record = publish.ImportRecord(
            kind=entry.kind, file_name=entry.file_name, sha256=entry.sha256, rows_added=int(entry.rows_added),
            rows_replaced=int(entry.rows_replaced), source_id=entry.source_id, options=json.loads(entry.options),
            imported_by=entry.imported_by,
        )
        publish.log_import(con, record, when=entry.imported_at)


def populate(
    con: duckdb.DuckDBPyConnection,
    region_folder: Path = REGION_LIST,
    with_demo: bool = True,
    imports: pd.DataFrame | None = None,
    store: Path | None = None,
    regions: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
    values: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> None:
    """Create and fill every table in an empty database, then replay earlier imports.

    regions(con) and values(con), when given, replace the official region list of province 35
    and the demo generators: the seam the national-scale benchmark uses (bench/national.py) to
    build a database of the same shape with the same code. Left out, nothing changes.
    """
    run_script(con, "build/macros")
    run_script(con, "build/schema")
    if regions is None:
        run_script(con, "build/load_regions", region_list_paths(region_folder))
    else:
        regions(con)
    run_script(con, "build/load_reference", {"sources": str(DATA / "sources.csv"), "indicators": str(DATA / "indicators.csv")})
    run_script(
        con,
        "build/load_facts",
        {
            "ppkm": str(FACTS / "ppkm_level_jatim_kabkota_compiled.csv"),
            "awards": str(FACTS / "awards_innovation_jatim_compiled.csv"),
            "kompak": str(FACTS / "kompak_kecamatan_program_facts_jatim_compiled.csv"),
        },
    )
    run_script(con, "build/derive_facts")
    if values is not None:
        values(con)
    elif with_demo:
        region_rows = con.execute("SELECT code, level, type, kabkota_code FROM region").df()
        catalog = con.execute("SELECT * FROM indicator").df()
        con.register("demo_indicator_values", demo.generate_indicator_values(region_rows, catalog))
        con.register("demo_coordination_records", demo.generate_coordination_records(region_rows))
        run_script(con, "build/load_demo")
        con.unregister("demo_indicator_values")
        con.unregister("demo_coordination_records")
        demo_innovation.load_replications(con)  # after the innovations exist (build/derive_facts)
        demo_capacity.load(con)  # Kapasitas & Layanan: services per desa, authority, PATEN, training
    if imports is not None and not imports.empty:
        replay_imports(con, imports, store)
    derive.refresh(con)
    # Sorted by what pages filter on first, so a month x indicator scan reads few row groups.
    con.execute("CREATE TABLE indicator_value_sorted AS SELECT * FROM indicator_value ORDER BY indicator_id, period, region_code")
    con.execute("DROP TABLE indicator_value")
    con.execute("ALTER TABLE indicator_value_sorted RENAME TO indicator_value")
    info = {
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "cettar_version": __version__,
        "demo_seed": str(demo.SEED) if with_demo else "",
    }
    con.executemany("INSERT INTO build_info VALUES (?, ?)", list(info.items()))


def check_and_publish(new_file: Path, target: Path) -> None:
    """Check new_file's contracts and rename it over target (atomic on one file system)."""
    problems = contracts.check(new_file)
    if not problems.empty:
        raise BuildError(f"contracts failed, nothing published:\n{contracts.report(problems)}")
    os.replace(new_file, target)


def build(target: str | Path | None = None, region_folder: Path = REGION_LIST, with_demo: bool = True) -> Path:
    """Build a fresh database and publish it at target (default: $CETTAR_DB or var/cettar.duckdb)."""
    target = database_path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.{os.getpid()}.building")
    staging.unlink(missing_ok=True)
    with publish.exclusive(target):  # an import running meanwhile would be lost
        try:
            imports = previous_imports(target)
            with duckdb.connect(str(staging)) as con:
                populate(con, region_folder, with_demo, imports, publish.store_dir(target))
                con.execute("CHECKPOINT")
            check_and_publish(staging, target)
        finally:
            staging.unlink(missing_ok=True)
    return target


def table_counts(path: str | Path) -> pd.DataFrame:
    with db.connect_readonly(path) as con:
        tables = [r[0] for r in con.execute(f"SELECT table_name FROM duckdb_tables() WHERE database_name = '{db.CATALOG}' ORDER BY 1").fetchall()]
        return pd.DataFrame(
            [(t, con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables],
            columns=["table", "rows"],
        )
