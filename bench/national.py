"""The national-scale database: the real shape of Indonesia's hierarchy, built by the real build.

cettar.build.populate runs unchanged, with two things swapped through its seam:

* regions: every province of the official list the build already reads (idn-area-data:
  38 provinsi, 514 kab/kota, 7,285 kecamatan, 83,762 desa/kelurahan), not only province 35;
* values: generated inside DuckDB (bench/sql/national_values.sql, range() and hash-based
  pseudo-random numbers) instead of the pandas demo generator, to keep memory low:
  20 desa indicators x 36 months (83,762 x 20 x 36 = 60.3 M values) plus each indicator's
  yearly value (5.0 M, what the year filter shows), the 19 kecamatan pillar indicators x
  2019-2024 (0.8 M). The small demo tables (coordination records, capacity: 2 M desa service
  values, PATEN, authority, training; replications) come from the project's own demo code.

Then the build's own derive step (CETTAR index, service gaps) and sort run as in every build.
The region contract ("exactly 38 kab/kota ...") is East Java's and fails by design here; every
other contract must pass (check_contracts).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from cettar import build, capacity, contracts, demo, demo_capacity, demo_innovation, index, sql
from cettar.paths import REGION_LIST

SQL = Path(__file__).resolve().parent / "sql"
IDM = ("idm", "iks", "ike", "ikl")  # the desa indicators of the catalog with monthly values


@dataclass
class Profile:
    """What to generate. The defaults are the full national scale; smoke() is a tiny one."""

    provinces: list[str] | None = None  # None: all 38
    monthly_indicators: int = 20  # IDM and its three components, then synthetic ones
    months: list[str] = field(default_factory=lambda: [f"{y}-{m:02d}" for y in (2022, 2023, 2024) for m in range(1, 13)])
    desa_years: list[str] = field(default_factory=lambda: ["2022", "2023", "2024"])
    kec_years: list[str] = field(default_factory=lambda: [str(y) for y in demo.YEARS])
    memory_limit: str = "1GB"  # DuckDB's limit for the build connection (sorts spill to disk)

    @classmethod
    def smoke(cls) -> "Profile":
        return cls(provinces=["35", "36"], monthly_indicators=3, months=["2024-01", "2024-02"], desa_years=["2024"])

    def describe(self) -> str:
        where = "all provinces" if self.provinces is None else "provinces " + ", ".join(self.provinces)
        return (f"{where}; {self.monthly_indicators} desa indicators x {len(self.months)} months "
                f"(+ {len(self.desa_years)} yearly values each); kecamatan pillar indicators x {len(self.kec_years)} years")


def run_file(con: duckdb.DuckDBPyConnection, path: Path, params: dict) -> None:
    """Run every statement of a SQL file with bound parameters (the build's own splitter)."""
    text = path.read_text(encoding="utf-8")
    for statement in build._statements(text):
        con.execute(statement, sql.bind(statement, params, path.name))


def region_loader(profile: Profile, folder: Path = REGION_LIST):
    paths = build.region_list_paths(folder)

    def load(con: duckdb.DuckDBPyConnection) -> None:
        run_file(con, SQL / "national_regions.sql", {**paths, "only": profile.provinces})

    return load


def value_generator(profile: Profile):
    monthly = list(IDM[: profile.monthly_indicators])
    synthetic = max(0, profile.monthly_indicators - len(monthly))
    monthly += [f"sintetis_{i:02d}" for i in range(1, synthetic + 1)]

    def generate(con: duckdb.DuckDBPyConnection) -> None:
        run_file(con, SQL / "national_values.sql", {
            "synthetic": synthetic, "monthly": monthly, "months": profile.months,
            "desa_years": profile.desa_years, "kec_years": profile.kec_years,
            "derived": list(index.DERIVED_IDS + capacity.DERIVED_IDS),  # as cettar/demo.py: derived ones get none
        })
        # The small demo tables, by the project's own generators (the same calls as the default
        # build makes), so every page has its data: coordination records, replications, capacity.
        regions = con.execute("SELECT code, level, type, kabkota_code FROM region").df()
        con.register("demo_indicator_values", pd.DataFrame({"region_code": pd.Series(dtype=str), "indicator_id": pd.Series(dtype=str),
                                                            "period": pd.Series(dtype=str), "value": pd.Series(dtype=float)}))
        con.register("demo_coordination_records", demo.generate_coordination_records(regions))
        build.run_script(con, "build/load_demo")
        con.unregister("demo_indicator_values")
        con.unregister("demo_coordination_records")
        demo_innovation.load_replications(con)
        demo_capacity.load(con)

    return generate


def copy_boundaries(con: duckdb.DuckDBPyConnection, source: Path) -> int:
    """East Java's imported boundaries, copied from the provincial database (no national
    boundaries exist offline; the map draws province 35 either way)."""
    literal = "'" + str(source).replace("'", "''") + "'"
    con.execute(f"ATTACH {literal} AS provincial (READ_ONLY)")
    try:
        con.execute("""INSERT INTO data_source SELECT * FROM provincial.data_source
                       WHERE source_id IN (SELECT source_id FROM provincial.boundary)
                         AND source_id NOT IN (SELECT source_id FROM data_source)""")
        con.execute("INSERT INTO boundary SELECT * FROM provincial.boundary")
        return con.execute("SELECT count(*) FROM boundary").fetchone()[0]
    finally:
        con.execute("DETACH provincial")


def expected_problem(row) -> bool:
    """The region-count contract is East Java's: at national scale it fails by design."""
    return row.contract == "region" and str(row.row_key).startswith("(level ") and str(row.problem).startswith("expected ")


def check_contracts(path: Path, memory_limit: str) -> tuple[int, pd.DataFrame]:
    """Run every contract (as contracts.check does, under the build's memory limit);
    (expected region-count problems, every other problem)."""
    with duckdb.connect(str(path), read_only=True) as con:
        con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute("SET temp_directory = $dir", {"dir": str(path.parent / "duckdb_tmp")})
        problems = contracts.check_connection(con)
    expected = problems.apply(expected_problem, axis=1) if len(problems) else pd.Series(dtype=bool)
    return int(expected.sum()), problems[~expected] if len(problems) else problems


def build_national(target: Path, profile: Profile, boundaries_from: Path | None = None) -> dict:
    """Build the national database at target (staged, checked, renamed into place); timings."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.{os.getpid()}.building")
    staging.unlink(missing_ok=True)
    spill = target.parent / "duckdb_tmp"
    spill.mkdir(exist_ok=True)
    times = {}
    start = time.perf_counter()
    try:
        with duckdb.connect(str(staging)) as con:
            con.execute(f"SET memory_limit = '{profile.memory_limit}'")
            con.execute("SET temp_directory = $dir", {"dir": str(spill)})
            build.populate(con, regions=region_loader(profile), values=value_generator(profile), with_demo=False)
            if boundaries_from is not None:
                copy_boundaries(con, boundaries_from)
            con.execute("CHECKPOINT")
        times["populate_s"] = time.perf_counter() - start
        t = time.perf_counter()
        expected, problems = check_contracts(staging, profile.memory_limit)
        times["contracts_s"] = time.perf_counter() - t
        if len(problems):
            raise build.BuildError(f"national build: contracts failed:\n{contracts.report(problems)}")
        os.replace(staging, target)
    finally:
        staging.unlink(missing_ok=True)
    times["build_s"] = time.perf_counter() - start
    with duckdb.connect(str(target), read_only=True) as con:
        counts = dict(con.execute("SELECT level, count(*) FROM region GROUP BY level").fetchall())
        values = con.execute("SELECT count(*), count(*) FILTER (WHERE length(period) = 7) FROM indicator_value").fetchone()
    return {**times, "regions": counts, "values": values[0], "monthly_values": values[1],
            "expected_region_problems": expected, "bytes": target.stat().st_size,
            "built_at": dt.datetime.now().isoformat(timespec="seconds"), "profile": profile.describe()}
