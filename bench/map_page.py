"""Benchmark of the Peta Kinerja page: the kecamatan map of the whole province.

    .venv/bin/python bench/map_page.py [--db PATH] [--runs 7] [--boundaries DIR]

For the page as shipped and for a naive version of the same page (full unsimplified geometry
at full precision with name properties, and no caching: every query on a new connection,
every shape read and converted again), prints per render:

  * bytes sent to the browser: the protobuf ForwardMsgs one script run produces (what Streamlit
    writes to the websocket, before any websocket compression), and the map element alone;
  * script time on a filter change: wall time of one AppTest rerun after choosing another
    indicator (a different one each run, so no query result is reused), median of --runs.

The database needs kecamatan boundaries: by default the bench builds a temporary database and
imports ../shared/geodata/jatim_{kabkota,kecamatan}.geojson with `cettar geodata import`
(--boundaries DIR names another folder with those two files; --db uses a database as it is).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cettar import build, cache, cli, db, geodata, mapdata, maps  # noqa: E402
from cettar.paths import ROOT, SHARED  # noqa: E402

SENT: list[int] = []
TEMP = tempfile.TemporaryDirectory(prefix="cettar-bench-")  # removed when the bench exits


def record_forward_msgs() -> None:
    """Make every AppTest script run note the bytes of the ForwardMsgs it produced."""
    from streamlit.testing.v1 import local_script_runner

    original = local_script_runner.LocalScriptRunner.run

    def run(self, *args, **kwargs):
        tree = original(self, *args, **kwargs)
        SENT.append(sum(msg.ByteSize() for msg in self.forward_msgs()))
        return tree

    local_script_runner.LocalScriptRunner.run = run


@contextmanager
def naive():
    """The same page without simplification, rounding, trimmed properties or caching."""
    saved = {
        (cache, "query"): cache.query, (cache, "map_shapes"): cache.map_shapes, (cache, "map_classify"): cache.map_classify,
        (cache, "map_boundary_counts"): cache.map_boundary_counts, (cache, "map_hotspots"): cache.map_hotspots,
        (geodata, "load_boundaries"): geodata.load_boundaries, (maps, "to_geojson"): maps.to_geojson,
    }
    load, to_geojson = geodata.load_boundaries, maps.to_geojson

    def connect():
        return db.connect_readonly()

    def query(name, **params):
        with connect() as con:
            return db.execute(con, name, params)

    def with_connection(func):
        def call(*args):
            with connect() as con:
                return func(con, *args)
        return call

    cache.query = query
    cache.map_shapes = with_connection(mapdata.shapes)
    cache.map_boundary_counts = with_connection(mapdata.boundary_counts)
    cache.map_hotspots = with_connection(mapdata.hotspot_result)
    cache.map_classify = maps.classify
    geodata.load_boundaries = lambda con, level, display=True: load(con, level, display=False)
    maps.to_geojson = lambda gdf, decimals=None, properties=None: to_geojson(gdf, None, properties or ["code", "name"])
    try:
        yield
    finally:
        for (module, name), value in saved.items():
            setattr(module, name, value)


def measure(runs: int, indicators: list[str]) -> dict:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.run()  # first render: imports, connection, caches filled for the shapes
    assert not at.exception, at.exception
    times, sent, element = [], [], []
    for indicator in indicators[:runs]:
        start = time.perf_counter()
        at.selectbox(key="indikator").set_value(indicator).run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
        sent.append(SENT[-1])
        spec = at.get("plotly_chart")[0].proto.spec
        element.append(len(spec.encode("utf-8")))
        shapes = sum(len(t["locations"]) for t in json.loads(spec)["data"] if t["type"] == "choropleth" and t.get("name") != "selected")
        assert shapes == 666, shapes
    return {"time": times, "sent": sent, "element": element}


def prepare(args) -> Path:
    if args.db:
        return Path(args.db)
    folder = Path(args.boundaries) if args.boundaries else SHARED / "geodata"
    files = {level: folder / f"jatim_{level}.geojson" for level in ("kabkota", "kecamatan")}
    missing = [str(p) for p in files.values() if not p.exists()]
    if missing:
        raise SystemExit(f"boundary files not found: {', '.join(missing)} (give --boundaries DIR or --db PATH)")
    path = Path(TEMP.name) / "cettar.duckdb"
    build.build(path)
    for level, file in files.items():
        if cli.main(["--db", str(path), "geodata", "import", str(file), "--level", level]) != 0:
            raise SystemExit(f"could not import {file}")
    return path


def line(label: str, result: dict) -> str:
    t, sent, el = result["time"], result["sent"], result["element"]
    return (f"{label:<8} sent per render {statistics.median(sent) / 1000:8.1f} KB (map element {statistics.median(el) / 1000:7.1f} KB)"
            f"   script time on a filter change: median {statistics.median(t) * 1000:7.0f} ms"
            f" (min {min(t) * 1000:.0f}, max {max(t) * 1000:.0f}, {len(t)} runs)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a database with kecamatan boundaries (default: build one in a temporary folder)")
    parser.add_argument("--boundaries", help="folder with jatim_kabkota.geojson and jatim_kecamatan.geojson (default: ../shared/geodata)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    path = prepare(args)
    os.environ["CETTAR_DB"] = str(path)
    with db.connect_readonly(path) as con:
        counts = mapdata.boundary_counts(con)
        catalog = db.execute(con, "map/indicators")
    if not counts.get("kecamatan"):
        raise SystemExit(f"{path} has no kecamatan boundaries: the bench measures the real map")
    indicators = [i for i, levels in zip(catalog["indicator_id"], catalog["levels"]) if "kecamatan" in levels.split(",")]
    first = indicators[0]
    indicators = [i for i in indicators if i != first]
    runs = min(args.runs, len(indicators) // 2)
    record_forward_msgs()
    shipped = measure(runs, indicators[:runs])
    with naive():
        plain = measure(runs, indicators[runs:2 * runs])
    print(f"database {path}; kecamatan view of the whole province (666 shapes), plotly renderer, {runs} indicator changes each")
    print(line("page", shipped))
    print(line("naive", plain))
    print(f"ratio    bytes {statistics.median(plain['sent']) / statistics.median(shipped['sent']):.1f}x,"
          f" script time {statistics.median(plain['time']) / statistics.median(shipped['time']):.1f}x")
    return 0 if statistics.median(shipped["element"]) <= 300_000 else 1


if __name__ == "__main__":
    raise SystemExit(main())
