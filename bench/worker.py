"""One measurement in its own process, so that its peak memory is its own.

    python -m bench.worker KIND ARGS_JSON OUT_JSON

KIND is build-provincial, build-national, queries, pages, naive or load; the result (a JSON
object with peak_rss_mb added) is written to OUT_JSON. bench/run.py starts these.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
import traceback
from pathlib import Path

from bench.measure import peak_rss_mb


def build_provincial(args: dict) -> dict:
    """The default build (cettar build), then the real boundaries where ../shared has them."""
    from cettar import build, cli

    target = Path(args["db"])
    target.unlink(missing_ok=True)
    start = time.perf_counter()
    build.build(target)
    out = {"build_s": time.perf_counter() - start, "bytes_before_boundaries": target.stat().st_size}
    files = [Path(f) for f in args.get("boundaries", [])]
    start = time.perf_counter()
    for level, file in zip(("kabkota", "kecamatan"), files):
        if cli.main(["--db", str(target), "geodata", "import", str(file), "--level", level]) != 0:
            raise RuntimeError(f"boundary import failed: {file}")
    out["boundaries_s"] = time.perf_counter() - start if files else None
    out["bytes"] = target.stat().st_size
    import duckdb

    with duckdb.connect(str(target), read_only=True) as con:
        out["regions"] = dict(con.execute("SELECT level, count(*) FROM region GROUP BY level").fetchall())
        out["values"] = con.execute("SELECT count(*) FROM indicator_value").fetchone()[0]
        out["boundaries"] = con.execute("SELECT count(*) FROM boundary").fetchone()[0]
    return out


def build_national(args: dict) -> dict:
    from bench import national

    profile = national.Profile.smoke() if args.get("smoke") else national.Profile()
    source = Path(args["boundaries_from"]) if args.get("boundaries_from") else None
    return national.build_national(Path(args["db"]), profile, source)


def queries(args: dict) -> dict:
    from bench import queries as q

    return q.measure(args["db"], args["runs"], args.get("only"))


def pages(args: dict) -> dict:
    from bench import pages as p

    return p.measure(args["db"], args["page"], args["runs"], naive=args.get("naive", False))


def naive(args: dict) -> dict:
    from bench import naive as n

    out = {}
    if args.get("export"):
        out.update(n.export_csv(args["db"], Path(args["folder"])))
    out.update(n.map_bytes(args["db"]))
    out.update(n.measure(args["db"], args["folder"], args["runs"], args["year"], args["indicator"], args.get("desa_indicator"),
                          args.get("address_space_gb")))  # the naive baseline may not take the machine down
    return out


def load(args: dict) -> dict:
    from bench import load as l

    return l.measure(Path(args["db"]), Path(args["folder"]), args["sessions"], args["changes"])


KINDS = {"build-provincial": build_provincial, "build-national": build_national, "queries": queries,
         "pages": pages, "naive": naive, "load": load}


def main(argv: list[str]) -> int:
    kind, args, out = argv[0], json.loads(argv[1]), Path(argv[2])
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ.setdefault("STREAMLIT_GLOBAL_SHOW_WARNING_ON_DIRECT_EXECUTION", "false")
    try:
        result = KINDS[kind](args)
        result["ok"] = True
    except Exception as exc:
        result = {"ok": False, "error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
    result["peak_rss_mb"] = peak_rss_mb()
    out.write_text(json.dumps(result, default=str, indent=1), encoding="utf-8")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
