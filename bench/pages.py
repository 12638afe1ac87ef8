"""Page script times with Streamlit's AppTest: first load and a filter change, per page.

* first load: a new session opens the page on a process whose caches are empty (as after a
  restart or a publish: st.cache_data and st.cache_resource cleared); app.py's frame runs too,
  as it does for every page. A page other than the default is reached the way AppTest allows:
  one untimed run of the default page, then the caches are cleared, then the page is run.
* filter change: in that session, the page's filter is set to a value not used before (so the
  page's queries miss the cache, as when a user picks a new area) and the script reruns.
  The filter is the page's main one: the indicator on the map page, the shared area filter
  (sidebar "wilayah", a kab/kota of province 35) elsewhere.
* naive: the same page with no caching at all (caches cleared before every run) and, on the
  map, the full imported geometry at full precision with name properties (no simplification,
  no rounding): what the page would cost written without st.cache_* and without simplifying.

Per run it also records the bytes of the ForwardMsgs the run produced (what Streamlit writes
to the browser's websocket, before compression) and, on the map page, the size of the map
figure's JSON and how many shapes it draws.
"""

from __future__ import annotations

import ast
import json
import os
from contextlib import contextmanager

from cettar.paths import ROOT

from bench.measure import summary, timed

SENT: list[int] = []
BUDGET_S = 240  # per page and measure: very slow pages stop after this long (at least MIN_RUNS runs)
MIN_RUNS = 3


def app_pages() -> list[dict]:
    """The pages app.py registers (its PAGES list, read without running it): script, url path."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "PAGES" for t in node.targets):
            rows = ast.literal_eval(node.value)
            return [{"script": script, "title_key": title, "url_path": path} for script, title, path in rows]
    raise RuntimeError("app.py has no PAGES list")


def record_forward_msgs() -> None:
    """Make every AppTest script run note the bytes of the ForwardMsgs it produced."""
    from streamlit.testing.v1 import local_script_runner

    original = local_script_runner.LocalScriptRunner.run
    if getattr(original, "_bench", False):
        return

    def run(self, *args, **kwargs):
        tree = original(self, *args, **kwargs)
        SENT.append(sum(msg.ByteSize() for msg in self.forward_msgs()))
        return tree

    run._bench = True
    local_script_runner.LocalScriptRunner.run = run


def clear_caches() -> None:
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


@contextmanager
def full_geometry():
    """The map without simplification or rounding: full imported shapes, name properties."""
    from cettar import geodata, maps

    load, to_geojson = geodata.load_boundaries, maps.to_geojson
    geodata.load_boundaries = lambda con, level, display=True: load(con, level, display=False)
    maps.to_geojson = lambda gdf, decimals=None, properties=None: to_geojson(gdf, None, properties or ["code", "name"])
    try:
        yield
    finally:
        geodata.load_boundaries, maps.to_geojson = load, to_geojson


def _map_figure(at) -> tuple[int | None, int | None]:
    """(bytes of the map figure's JSON, shapes drawn) of the first plotly chart with a map."""
    for chart in at.get("plotly_chart"):
        spec = chart.proto.spec
        figure = json.loads(spec)
        traces = [t for t in figure.get("data", []) if t.get("type") in ("choropleth", "choroplethmap", "choroplethmapbox")]
        if traces:
            shapes = sum(len(t.get("locations", [])) for t in traces if t.get("name") != "selected")
            return len(spec.encode("utf-8")), shapes
    return None, None


def filter_values(db_path: str, page: str, year: str | None, count: int) -> tuple[str, list]:
    """The widget key a page's filter change sets, and `count` values for it (cycled if fewer)."""
    from cettar import db

    with db.connect_readonly(db_path) as con:
        if page.endswith("map.py"):
            catalog = db.execute(con, "map/indicators")
            ids = [i for i, levels, periods in zip(catalog["indicator_id"], catalog["levels"], catalog["periods"])
                   if year in periods.split(",") and "kecamatan" in levels.split(",")]
            key, values = "indikator", ids[1:] + ids[:1]  # the first is the page's default
        else:
            codes = [c for c in db.execute(con, "frame/kabkota")["code"] if c.startswith("35.")]
            key, values = "wilayah", codes
    if not values:
        return key, []
    return key, [values[i % len(values)] for i in range(count)]


def _set(at, key: str, value) -> None:
    widget = at.sidebar.selectbox(key=key) if key == "wilayah" else at.selectbox(key=key)
    widget.set_value(value)


def _errors(at) -> list[str]:
    return [e.value if hasattr(e, "value") else str(e) for e in at.exception]


def measure(db_path: str, page: str, runs: int, naive: bool = False, timeout: float = 600) -> dict:
    """First-load and filter-change script times of one page (see the module docstring)."""
    os.environ["CETTAR_DB"] = str(db_path)
    from streamlit.testing.v1 import AppTest

    record_forward_msgs()
    pages = app_pages()
    default = pages[0]["script"]
    geometry = full_geometry() if naive and page.endswith("map.py") else _null()
    result = {"page": page, "naive": naive, "errors": []}
    first, first_sent, change, change_sent, figure, shapes = [], [], [], [], [], []
    at = None
    with geometry:
        spent = 0.0
        for i in range(runs):
            if i >= MIN_RUNS and spent > BUDGET_S:
                break
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
            if page != default:
                at.run()
                at.switch_page(page)
            clear_caches()
            seconds, _ = timed(at.run)
            spent += seconds
            first.append(seconds)
            first_sent.append(SENT[-1])
            result["errors"] += _errors(at)
        size, drawn = _map_figure(at)
        if size is not None:
            figure.append(size)
            shapes.append(drawn)
        try:
            year = at.session_state["tahun"]
        except KeyError:
            year = None
        key, values = filter_values(db_path, page, year, runs)
        result["filter"] = key
        spent = 0.0
        for i, value in enumerate(values):
            if i >= MIN_RUNS and spent > BUDGET_S:
                break
            if naive:
                clear_caches()
            try:
                _set(at, key, value)
            except (KeyError, ValueError) as exc:  # the page has no such widget now (e.g. it stopped early)
                result["errors"].append(f"filter {key}={value}: {exc!r}")
                break
            seconds, _ = timed(at.run)
            spent += seconds
            change.append(seconds)
            change_sent.append(SENT[-1])
            result["errors"] += _errors(at)
            size, drawn = _map_figure(at)
            if size is not None:
                figure.append(size)
                shapes.append(drawn)
    result["first_load"] = summary(first)
    result["filter_change"] = summary(change)
    result["sent_first_bytes"] = max(first_sent) if first_sent else None
    result["sent_change_bytes"] = sorted(change_sent)[len(change_sent) // 2] if change_sent else None
    result["map_figure_bytes"] = max(figure) if figure else None
    result["map_shapes"] = min(shapes) if shapes else None
    result["errors"] = sorted(set(result["errors"]))[:10]
    return result


@contextmanager
def _null():
    yield
