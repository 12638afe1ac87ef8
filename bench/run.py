"""Run the whole benchmark, print the report and write it to BENCHMARKS.md.

    .venv/bin/python -m bench                   # everything (takes a while: a national build, 20 runs each)
    .venv/bin/python -m bench --smoke --out /tmp/b.md   # tiny sizes, 2 runs: proves the pipeline works
    .venv/bin/python -m bench --scales provincial --no-load --runs 5

Steps, each measurement in its own worker process (bench/worker.py) so that its peak memory is
its own:
1. provincial: the default build (`cettar build`), then the real kab/kota and kecamatan
   boundaries from ../shared/geodata where present (the map then draws real shapes);
   national: cettar.build.populate with Indonesia's whole region list and values generated in
   DuckDB (bench/national.py), plus East Java's boundaries copied from the provincial database.
   Databases live in --workdir (default: <tmp>/cettar-bench), never in the repository.
2. every read query (bench/queries.py);
3. every page of app.py: first load and filter change (bench/pages.py), shipped and naive;
4. the naive CSV + pandas baseline and the map's bytes (bench/naive.py);
5. the browser load test on the provincial database (bench/load.py);
6. the report (bench/report.py): printed, written to --out, and the raw results to --json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: python bench/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cettar.paths import ROOT, SHARED  # noqa: E402

from bench import machine, report  # noqa: E402

SCALES = ("provincial", "national")


def worker(kind: str, args: dict, workdir: Path, label: str, timeout: float | None = None) -> dict:
    """Run one measurement in a fresh process; its JSON result (with peak_rss_mb)."""
    logs = workdir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    out = logs / f"{label}.json"
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    print(f"  {label} ...", end="", flush=True)
    with open(logs / f"{label}.log", "w") as log:
        try:
            proc = subprocess.run([sys.executable, "-m", "bench.worker", kind, json.dumps(args), str(out)], cwd=ROOT,
                                  stdout=log, stderr=subprocess.STDOUT, timeout=timeout)
            code = proc.returncode
        except subprocess.TimeoutExpired:
            code = "timeout"
    result = json.loads(out.read_text()) if out.exists() else {"ok": False, "error": f"worker exited {code} without a result"}
    print(f" {time.perf_counter() - started:.0f} s{'' if result.get('ok') else ' FAILED: ' + str(result.get('error'))[:200]}", flush=True)
    if not result.get("ok"):
        result["log"] = str(logs / f"{label}.log")
    return result


def boundary_files() -> list[str]:
    files = [SHARED / "geodata" / f"jatim_{level}.geojson" for level in ("kabkota", "kecamatan")]
    return [str(f) for f in files] if all(f.exists() for f in files) else []


def sample_values(db_path: Path) -> dict:
    """The year, the sample indicator and a desa indicator the naive baseline recomputes."""
    from bench.queries import _desa_indicator, read_queries
    from cettar import db

    _, samples, _ = read_queries()
    with db.connect_readonly(db_path) as con:
        desa = _desa_indicator(con, samples["period"])
    return {"year": samples["period"], "indicator": samples["indicator"], "desa_indicator": desa}


def run_scale(scale: str, args, workdir: Path, pages: list[str], provincial_db: Path | None) -> tuple[dict, Path | None]:
    print(f"{scale}:", flush=True)
    folder = workdir / scale
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cettar.duckdb"
    res: dict = {}
    if scale == "provincial":
        res["build"] = worker("build-provincial", {"db": str(path), "boundaries": [] if args.smoke else boundary_files()},
                              workdir, f"{scale}-build")
    else:
        record = folder / "build.json"
        if args.reuse_national and path.exists() and record.exists():
            res["build"] = {**json.loads(record.read_text()), "reused": True}
            print(f"  build: reused {path} (measured {res['build'].get('built_at')})")
        else:
            path.unlink(missing_ok=True)
            res["build"] = worker("build-national", {"db": str(path), "smoke": args.smoke,
                                                     "boundaries_from": str(provincial_db) if provincial_db else None},
                                  workdir, f"{scale}-build")
            if res["build"].get("ok"):
                record.write_text(json.dumps(res["build"], indent=1))
    if not res["build"].get("ok") or not path.exists():
        return res, None
    res["queries"] = worker("queries", {"db": str(path), "runs": args.runs},
                            workdir, f"{scale}-queries")
    res["pages"], res["naive_pages"] = [], []
    for page in pages:
        name = Path(page).stem
        r = worker("pages", {"db": str(path), "page": page, "runs": args.runs}, workdir, f"{scale}-page-{name}")
        res["pages"].append({"page": page, **r})
        if args.naive_runs and not args.smoke:
            r = worker("pages", {"db": str(path), "page": page, "runs": args.naive_runs, "naive": True}, workdir,
                       f"{scale}-naive-page-{name}")
            res["naive_pages"].append({"page": page, **r})
    if args.naive_runs:
        res["naive"] = worker("naive", {"db": str(path), "folder": str(folder / "naive"), "export": True, "runs": args.naive_runs,
                                        "address_space_gb": args.naive_memory_gb, **sample_values(path)},
                              workdir, f"{scale}-naive")
        shutil.rmtree(folder / "naive", ignore_errors=True)  # the CSV export is large at national scale
    return res, path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default=",".join(SCALES), help="provincial,national (default: both)")
    parser.add_argument("--runs", type=int, default=20, help="runs per page and per query (default 20)")
    parser.add_argument("--naive-runs", type=int, default=5, help="runs of each naive measurement (default 5; 0 skips the baseline)")
    parser.add_argument("--naive-memory-gb", type=float, default=8.0, help="address-space limit of the naive CSV worker (default 8)")
    parser.add_argument("--pages", help="comma-separated page scripts (default: every page app.py registers)")
    parser.add_argument("--sessions", type=int, default=10, help="browser sessions of the load test (default 10)")
    parser.add_argument("--changes", type=int, default=3, help="filter changes per session (default 3)")
    parser.add_argument("--no-load", action="store_true", help="skip the browser load test")
    parser.add_argument("--reuse-national", action="store_true", help="reuse the national database of an earlier run (and its build figures)")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes, 2 runs, one page, no naive pages: proves the pipeline works (not a measurement)")
    parser.add_argument("--workdir", help="where the databases go (default: <tmp>/cettar-bench)")
    parser.add_argument("--out", help="report file (default: BENCHMARKS.md in the repository)")
    parser.add_argument("--json", help="raw results (default: <workdir>/results.json)")
    parser.add_argument("--report-from", metavar="RESULTS_JSON", help="only render the report of an earlier run's raw results")
    args = parser.parse_args(argv)
    if args.report_from:
        text = report.render(json.loads(Path(args.report_from).read_text()))
        print(text)
        if args.out:
            Path(args.out).write_text(text, encoding="utf-8")
        return 0
    if args.smoke:
        args.runs, args.naive_runs, args.sessions, args.changes = min(args.runs, 2), min(args.naive_runs, 1), min(args.sessions, 2), 1
    from bench.pages import app_pages

    if args.pages is not None:
        pages = [p for p in args.pages.split(",") if p]
    else:  # smoke: one page is enough to prove the page worker works
        pages = ["pages/overview.py"] if args.smoke else [p["script"] for p in app_pages()]
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.gettempdir()) / "cettar-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    out = Path(args.out) if args.out else ROOT / "BENCHMARKS.md"
    results = {"machine": machine.describe(), "smoke": args.smoke, "argv": " ".join(argv if argv is not None else sys.argv[1:]),
               "scales": {}}
    print(f"benchmark: workdir {workdir}, {args.runs} runs, pages {', '.join(Path(p).stem for p in pages)}", flush=True)
    provincial_db = None
    for scale in [s for s in args.scales.split(",") if s]:
        if scale not in SCALES:
            parser.error(f"unknown scale {scale!r}")
        res, path = run_scale(scale, args, workdir, pages, provincial_db)
        results["scales"][scale] = res
        if scale == "provincial":
            provincial_db = path
    if not args.no_load:
        print("load test:", flush=True)
        if provincial_db is None:
            results["load"] = {"skipped": "no provincial database (run the provincial scale too)"}
        elif not Path("/usr/bin/chromium").exists() and not shutil.which("chromium"):
            results["load"] = {"skipped": "Debian chromium is not installed (make test installs it)"}
        else:
            results["load"] = worker("load", {"db": str(provincial_db), "folder": str(workdir / "load"),
                                              "sessions": args.sessions, "changes": args.changes}, workdir, "load")
    try:
        results["machine"]["load_average_end"] = list(__import__("os").getloadavg())
    except OSError:
        pass
    text = report.render(results)
    print()
    print(text)
    out.write_text(text, encoding="utf-8")
    raw = Path(args.json) if args.json else workdir / "results.json"
    raw.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print(f"written {out} and {raw}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
