"""Latency of every read query (each file in queries/<page folders>/), as the app runs them.

The queries and their sample parameters are the ones tests/test_queries.py runs (READ_QUERIES,
SAMPLES); a parameter a query uses but SAMPLES lacks yet is taken from FALLBACK below and noted.
Each query runs on a read-only connection opened like the app's (cettar.db.connect_readonly,
a cursor per query), once untimed-but-recorded ("first", cold buffers) and then `runs` times.

Besides the sample, a query runs in the variants a page really uses (VARIANTS): the whole area
where it takes $scope, and for map/values the other calls the map page and the region profile
make. proposals/ holds rewrites of slow queries: each runs on the same parameters, and its result
must equal the original's (the report says whether it does).
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import pandas as pd

from cettar import db, sql

from bench.measure import summary

PROPOSALS = Path(__file__).resolve().parent / "proposals"

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
        out.append(("every indicator of a period (profile)", {**whole, "indicator": None}))
        out.append(("every period of an indicator (profile trend)", {**whole, "period": None}))
    if name == "compare/kecamatan_values":
        out.append(("one indicator (DiD panel)", {**samples, "indicators": samples["indicators"][:1]}))
    return out


def _run(con, name: str, params: dict, text: str | None = None) -> pd.DataFrame:
    if text is None:
        return db.execute(con, name, params)
    cur = con.cursor()
    try:
        return cur.execute(text, sql.bind(text, params, name)).df()
    finally:
        cur.close()


BUDGET_S = 30  # per query and variant: a very slow query stops after this long (at least MIN_RUNS runs)
MIN_RUNS = 3


def _time(con, name: str, params: dict, runs: int, text: str | None = None) -> tuple[dict, pd.DataFrame]:
    start = time.perf_counter()
    frame = _run(con, name, params, text)
    first = time.perf_counter() - start
    seconds, spent = [], first
    for i in range(runs):
        if i >= MIN_RUNS and spent > BUDGET_S:
            break
        start = time.perf_counter()
        _run(con, name, params, text)
        seconds.append(time.perf_counter() - start)
        spent += seconds[-1]
    return {"first_ms": first * 1000, **summary(seconds), "rows": len(frame)}, frame


def same_result(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Equal as sets of rows (order and integer/float widths aside; floats to 1e-9 relative)."""
    if list(a.columns) != list(b.columns) or len(a) != len(b):
        return False
    if a.empty:
        return True

    def norm(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.copy()
        for c in frame.columns:
            if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c]):
                frame[c] = frame[c].astype("float64")
            else:
                frame[c] = frame[c].astype(str)
        return frame.sort_values(list(frame.columns), kind="stable").reset_index(drop=True)

    x, y = norm(a), norm(b)
    for c in x.columns:
        if x[c].dtype == "float64":
            for p, q in zip(x[c], y[c]):
                if not (p == q or (math.isnan(p) and math.isnan(q)) or math.isclose(p, q, rel_tol=1e-9, abs_tol=1e-9)):
                    return False
        elif not x[c].equals(y[c]):
            return False
    return True


def proposals(folder: Path = PROPOSALS) -> dict[str, Path]:
    """query name -> proposed rewrite (<folder>/<query folder>__<name>.sql)."""
    return {p.stem.replace("__", "/"): p for p in sorted(folder.glob("*__*.sql"))}


def apply_layout(db_path: str, copy: Path) -> dict:
    """A copy of the database with proposals/layout/setup.sql applied: seconds and extra bytes."""
    import shutil

    import duckdb

    copy.unlink(missing_ok=True)
    shutil.copyfile(db_path, copy)
    start = time.perf_counter()
    with duckdb.connect(str(copy)) as con:
        con.execute("SET enable_progress_bar = false")
        con.execute("SET memory_limit = '1GB'")
        con.execute("SET temp_directory = $dir", {"dir": str(copy.parent / "duckdb_tmp")})
        for statement in _statements((PROPOSALS / "layout" / "setup.sql").read_text(encoding="utf-8")):
            con.execute(statement)
        con.execute("CHECKPOINT")
    return {"setup_s": time.perf_counter() - start, "extra_bytes": copy.stat().st_size - Path(db_path).stat().st_size}


def _statements(script: str) -> list[str]:
    from cettar import build

    return build._statements(script)


def _propose(con, name, label, params, runs, path: Path, stats, frame, layout: bool) -> dict:
    text = path.read_text(encoding="utf-8")
    where = f"bench/proposals/{'layout/' if layout else ''}{path.name}"
    try:
        new_stats, new_frame = _time(con, name, params, runs, text)
        return {"query": name, "variant": label, "file": where, "layout": layout, "was_p95_ms": stats.get("p95_ms"),
                **new_stats, "same_result": same_result(frame, new_frame)}
    except Exception as exc:
        return {"query": name, "variant": label, "file": where, "layout": layout,
                "error": f"{type(exc).__name__}: {exc}".splitlines()[0]}


def measure(db_path: str, runs: int, only: list[str] | None = None, layout_copy: str | None = None,
            memory_limit: str | None = None) -> dict:
    """Every read query in its variants; with memory_limit, on a connection limited to that much
    (DuckDB's memory_limit: the proposed setting of cettar.db.connect_readonly), proposals left out."""
    names, samples, borrowed = read_queries()
    if only:
        names = [n for n in names if n in only]
    rows, proposed = [], []
    rewrites, layout_rewrites = ({}, {}) if memory_limit else (proposals(), proposals(PROPOSALS / "layout"))
    layout = None
    if layout_copy and layout_rewrites:
        layout = apply_layout(db_path, Path(layout_copy))
    with db.connect_readonly(db_path) as con, (db.connect_readonly(layout_copy) if layout else _Null()) as alt:
        con.execute("SET enable_progress_bar = false")
        if memory_limit:
            con.execute(f"SET memory_limit = '{memory_limit}'")
        for name in names:
            for label, params in variants(con, name, samples):
                try:
                    stats, frame = _time(con, name, params, runs)
                    rows.append({"query": name, "variant": label, **stats})
                except Exception as exc:  # a broken query is a result too
                    rows.append({"query": name, "variant": label, "error": f"{type(exc).__name__}: {exc}".splitlines()[0]})
                    continue
                if name in rewrites:
                    proposed.append(_propose(con, name, label, params, runs, rewrites[name], stats, frame, False))
                if layout and name in layout_rewrites:
                    proposed.append(_propose(alt, name, label, params, runs, layout_rewrites[name], stats, frame, True))
    if layout:
        Path(layout_copy).unlink(missing_ok=True)
    return {"queries": rows, "proposals": proposed, "layout": layout, "borrowed_samples": borrowed, "samples": _jsonable(samples),
            "memory_limit": memory_limit}


class _Null:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return None


def _jsonable(params: dict) -> dict:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()}
