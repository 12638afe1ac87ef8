"""Latency of every read query (each file in queries/<page folders>/), as the app runs them.

The queries and their sample parameters are the ones tests/test_queries.py runs (READ_QUERIES,
SAMPLES); a parameter a query uses but SAMPLES lacks yet is taken from FALLBACK below and noted.
Each query runs on a read-only connection opened like the app's (cettar.db.connect_readonly,
a cursor per query), once untimed-but-recorded ("first", cold buffers) and then `runs` times.

Besides the sample, a query runs in the variants a page really uses (VARIANTS): the whole area
where it takes $scope, and for map/values the other calls the map page and the region profile
make.
"""

from __future__ import annotations

import time

import pandas as pd

from cettar import db, sql

from bench.measure import summary

# Parameters some read queries use that tests/test_queries.py's SAMPLES may not have yet.
FALLBACK = {
    "year_from": 2019, "year_to": 2025, "award_names": None, "recipient_levels": None,
    "kabkota_codes": None, "kompak": "all", "map_level": "kecamatan",
}


def read_queries() -> tuple[list[str], dict, list[str]]:
    """(query names, sample parameters, names of the parameters taken from FALLBACK)."""
    from tests.test_queries import READ_QUERIES, SAMPLES

    used = set().union(*(sql.parameters(sql.load(n)) for n in READ_QUERIES))
    borrowed = sorted((used - SAMPLES.keys()) & FALLBACK.keys())
    return list(READ_QUERIES), {**FALLBACK, **SAMPLES}, borrowed


def _desa_indicator(con, period: str) -> str | None:
    """A desa-level indicator with values in period (the map rolls it up to kecamatan), a mean
    rather than a sum where there is one."""
    row = con.execute(
        """SELECT v.indicator_id FROM indicator_value v JOIN indicator i USING (indicator_id)
           WHERE i.native_level = 'desa' AND i.aggregation IN ('mean', 'sum') AND v.period = $period
             AND length(v.region_code) = 13
           GROUP BY v.indicator_id, i.aggregation ORDER BY i.aggregation, v.indicator_id LIMIT 1""", {"period": period}).fetchone()
    return row[0] if row else None


def variants(con, name: str, samples: dict) -> list[tuple[str, dict]]:
    """(label, parameters) of the runs of one query."""
    out = [("sample", samples)]
    used = sql.parameters(sql.load(name))
    if "scope" in used and samples.get("scope") is not None:
        out.append(("whole area", {**samples, "scope": None}))
    if name == "map/values":
        desa = _desa_indicator(con, samples["period"])
        whole = {**samples, "scope": None}
        if desa:
            out.append((f"desa->kecamatan rollup ({desa}), whole area", {**whole, "indicator": desa}))
        out.append(("kab/kota level, whole area", {**whole, "level": "kabkota"}))
        out.append(("every period of an indicator (profile trend)", {**whole, "period": None}))
    if name == "map/profile":
        out.append(("a kab/kota", {**samples, "level": "kabkota", "code": samples["kabkota"]}))
    if name == "compare/kecamatan_values":
        out.append(("one indicator (DiD panel)", {**samples, "indicators": samples["indicators"][:1]}))
    return out


def _run(con, name: str, params: dict) -> pd.DataFrame:
    return db.execute(con, name, params)


BUDGET_S = 30  # per query and variant: a very slow query stops after this long (at least MIN_RUNS runs)
MIN_RUNS = 3


def _time(con, name: str, params: dict, runs: int) -> tuple[dict, pd.DataFrame]:
    start = time.perf_counter()
    frame = _run(con, name, params)
    first = time.perf_counter() - start
    seconds, spent = [], first
    for i in range(runs):
        if i >= MIN_RUNS and spent > BUDGET_S:
            break
        start = time.perf_counter()
        _run(con, name, params)
        seconds.append(time.perf_counter() - start)
        spent += seconds[-1]
    return {"first_ms": first * 1000, **summary(seconds), "rows": len(frame)}, frame


def measure(db_path: str, runs: int, only: list[str] | None = None) -> dict:
    """Every read query in its variants, on a read-only connection opened as the app opens it
    (with its DuckDB memory limit)."""
    names, samples, borrowed = read_queries()
    if only:
        names = [n for n in names if n in only]
    rows = []
    with db.connect_readonly(db_path) as con:
        con.execute("SET enable_progress_bar = false")
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        for name in names:
            for label, params in variants(con, name, samples):
                try:
                    stats, _ = _time(con, name, params, runs)
                    rows.append({"query": name, "variant": label, **stats})
                except Exception as exc:  # a broken query is a result too
                    rows.append({"query": name, "variant": label, "error": f"{type(exc).__name__}: {exc}".splitlines()[0]})
    return {"queries": rows, "borrowed_samples": borrowed, "samples": _jsonable(samples), "memory_limit": limit,
            "memory_env": db.MEMORY_ENV}


def _jsonable(params: dict) -> dict:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()}
