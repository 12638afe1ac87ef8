"""Benchmark of the CETTAR index: the Monte Carlo rank intervals for the whole province.

    .venv/bin/python bench/index.py [--db PATH] [--runs 7] [--year 2024]

Prints the median (and min / max) wall time of index.rank_intervals over several runs, with the
configured draws, for one year of all 666 kecamatan; the page must stay under two seconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import duckdb
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cettar import db, index  # noqa: E402
from cettar.paths import database_path  # noqa: E402


def timed(func, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database (default: $CETTAR_DB or var/cettar.duckdb)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--year", help="year (default: the newest)")
    args = parser.parse_args(argv)
    config = index.load_config()
    with duckdb.connect(str(database_path(args.db)), read_only=True) as con:
        inputs = db.execute(con, "index/inputs"), db.execute(con, "index/catalog"), db.execute(con, "index/kecamatan")["code"]
    compute = lambda: index.compute(inputs[0], inputs[1], config, inputs[2])  # noqa: E731
    result = compute()
    year = args.year or max(result.periods)
    ps = result.periods[year]
    index.rank_intervals(ps, draws=10)  # warm-up (imports, allocator)
    mc = timed(lambda: index.rank_intervals(ps), args.runs)
    full = timed(compute, args.runs)
    scored = int((~np.isnan(ps.overall)).sum())
    print(f"config {config.label}; year {year}; {len(ps.codes)} kecamatan, {scored} scored; "
          f"{config.sensitivity.draws} draws x {len(config.indicators)} indicator + 5 pillar weights")
    print(f"rank intervals: median {statistics.median(mc):.3f} s (min {min(mc):.3f}, max {max(mc):.3f}, {args.runs} runs)")
    print(f"index, all {len(result.periods)} years: median {statistics.median(full):.3f} s (min {min(full):.3f}, max {max(full):.3f})")
    return 0 if statistics.median(mc) < 2.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
