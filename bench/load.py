"""Load test: parallel browser sessions on one app server while an import publishes new data.

The app runs as in production (`python -m cettar.serve`, the way tests/browser/conftest.py
starts it) on a copy of the provincial database. N sessions (Debian Chromium through
Playwright, one browser context each, the flags of the browser tests) open the map page (the
overview page if app.py registers no map page), wait for a drawn map, then change the map's
indicator a few times (a selectbox, as a user does), each time waiting for the new map.
When half of the sessions have drawn their first map, `cettar import indicators` publishes a
small generated CSV through the real pipeline (copy, change, contracts, rename).

Reported: time to a drawn map per session (first open and every change), the import's
duration, and every error: exception boxes, failed requests (network failures, HTTP >= 400),
requests leaving 127.0.0.1, and a page that never drew. Zero errors are allowed.
"""

from __future__ import annotations

import asyncio
import csv
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from cettar import db
from cettar.paths import ROOT

from bench.measure import machine_busy_seconds, process_cpu_seconds, process_peak_rss_mb, summary

CHROMIUM = os.environ.get("CETTAR_CHROMIUM", "/usr/bin/chromium")
# The flags of tests/browser/conftest.py (kept in step by tests/test_bench.py).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
SHAPES = ".js-plotly-plot path.choroplethlocation"
IMPORTED = "layanan_daring"  # the indicator whose values the import replaces


def import_csv(db_path: Path, folder: Path, period: str) -> Path:
    """A long-format indicators file: a new value of IMPORTED for every kecamatan in period."""
    with db.connect_readonly(db_path) as con:
        codes = [r[0] for r in con.execute("SELECT code FROM region WHERE level = 'kecamatan' ORDER BY code").fetchall()]
    path = folder / "load_test_import.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["region_code", "indicator_id", "period", "value"])
        for i, code in enumerate(codes):
            w.writerow([code, IMPORTED, period, f"{(i * 37) % 1000 / 10:.1f}"])
    return path


def _start_app(db_path: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, CETTAR_DB=str(db_path))
    return subprocess.Popen(
        [sys.executable, "-m", "cettar.serve", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{proc.stdout.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit not healthy after {timeout} s")


def _stop(proc: subprocess.Popen) -> None:
    import signal

    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=8)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def _targets(db_path: Path, year: str, count: int) -> list[tuple[str, str]]:
    """(indicator id, Indonesian name) of kecamatan indicators with values in year, IMPORTED
    first; never the map's default indicator (choosing it again would change nothing)."""
    with db.connect_readonly(db_path) as con:
        catalog = db.execute(con, "map/indicators")
    catalog = catalog[catalog["periods"] != ""]
    default = catalog["indicator_id"].iloc[0] if len(catalog) else None
    rows = [(i, n) for i, n, levels, periods in zip(catalog["indicator_id"], catalog["name_id"], catalog["levels"], catalog["periods"])
            if year in periods.split(",") and "kecamatan" in levels.split(",") and i != default]
    rows.sort(key=lambda r: r[0] != IMPORTED)
    return rows[:count]


class Session:
    def __init__(self, n: int):
        self.n = n
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.exceptions: list[str] = []
        self.open_s: float | None = None
        self.changes: list[dict] = []
        self.error: str | None = None
        self.closing = False  # requests aborted by closing the page are not failures

    def watch(self, page) -> None:
        def request(r):
            if not r.url.startswith(LOCAL_PREFIXES):
                self.outside.append(r.url)

        def failed(r):
            if not self.closing:
                self.failed.append(f"{r.url}: {r.failure}")

        def response(r):
            if r.status >= 400 and not self.closing:
                self.failed.append(f"HTTP {r.status} {r.url}")

        page.on("request", request)
        page.on("requestfailed", failed)
        page.on("response", response)


async def _settle(page, timeout: float) -> None:
    await page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)


async def _drawn(page, timeout: float, map_page: bool) -> None:
    if map_page:
        await page.wait_for_selector(SHAPES, timeout=timeout)
    await _settle(page, timeout)
    if map_page:
        await page.wait_for_selector(SHAPES, timeout=timeout)


async def _session(browser, s: Session, url: str, map_page: bool, targets: list, changes: int, start_delay: float,
                   first_drawn, timeout_ms: float, published, publish_done: asyncio.Event) -> None:
    await asyncio.sleep(start_delay)
    context = await browser.new_context(viewport={"width": 1600, "height": 1000})
    page = await context.new_page()
    s.watch(page)
    try:
        t0 = time.monotonic()
        await page.goto(url, timeout=timeout_ms)  # 10 browsers starting on 2 cores can take longer than the 30 s default
        await page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout_ms)
        await _drawn(page, timeout_ms, map_page)
        s.open_s = time.monotonic() - t0
        first_drawn()
        for k in range(changes + 1 if map_page else 0):
            if k == changes:  # one more change once the new data is published: the session must see it
                await publish_done.wait()
            indicator, name = targets[(s.n + k) % len(targets)]
            after_publish = published()
            t0 = time.monotonic()
            await page.locator('[data-testid="stSelectbox"]', has_text="Indikator").first.click()
            await page.keyboard.type(name[:40])
            await page.get_by_role("option", name=name, exact=True).first.click()
            await page.wait_for_function(f"() => window.location.search.includes('indikator={indicator}')", timeout=timeout_ms)
            await _drawn(page, timeout_ms, map_page)
            s.changes.append({"seconds": time.monotonic() - t0, "indicator": indicator, "started_after_publish": after_publish,
                              "ended_after_publish": published()})
        s.exceptions = [await e.inner_text() for e in await page.query_selector_all('[data-testid="stException"]')]
        body = await page.inner_text("body")
        if "Connection error" in body:
            s.exceptions.append("Connection error dialog")
    except Exception as exc:  # a timeout or a crash is an error of this session
        s.error = f"{type(exc).__name__}: {exc}".splitlines()[0]
    finally:
        s.closing = True
        await context.close()


async def _run(url: str, db_path: Path, csv_path: Path, sessions: int, changes: int, map_page: bool,
               targets: list, timeout_ms: float) -> dict:
    from playwright.async_api import async_playwright

    state = {"drawn": 0, "import": None, "published_at": None}
    trigger, done = asyncio.Event(), asyncio.Event()

    def first_drawn():
        state["drawn"] += 1
        if state["drawn"] >= max(1, sessions // 2):
            trigger.set()

    def published() -> bool:
        return state["published_at"] is not None

    async def importer():
        await trigger.wait()
        cmd = [sys.executable, "-m", "cettar", "--db", str(db_path), "import", "indicators", str(csv_path),
               "--source-id", "bench_load_test", "--title", "Uji beban benchmark", "--publisher", "cettar bench",
               "--licence", "CC0-1.0", "--status", "demo", "--by", "bench"]
        start = time.monotonic()
        proc = await asyncio.create_subprocess_exec(*cmd, cwd=str(ROOT), stdout=asyncio.subprocess.PIPE,
                                                    stderr=asyncio.subprocess.STDOUT)
        output, _ = await proc.communicate()
        state["published_at"] = time.monotonic()
        done.set()
        state["import"] = {"seconds": state["published_at"] - start, "returncode": proc.returncode,
                           "output": output.decode(errors="replace").strip().splitlines()[-3:]}

    runs = [Session(i) for i in range(sessions)]

    async def release_if_stuck():  # if every session failed before drawing, still run the import
        while not trigger.is_set():
            if all(s.error or s.open_s is not None for s in runs) and state["drawn"] < max(1, sessions // 2):
                trigger.set()
            await asyncio.sleep(0.5)

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            started = time.monotonic()
            task = asyncio.create_task(importer())
            guard = asyncio.create_task(release_if_stuck())
            await asyncio.gather(*(_session(browser, s, url, map_page, targets, changes, 0.5 * s.n, first_drawn, timeout_ms, published, done)
                                   for s in runs))
            trigger.set()
            await task
            guard.cancel()
            wall = time.monotonic() - started
        finally:
            await browser.close()
    return {"sessions": runs, "import": state["import"], "wall_s": wall}


def measure(db_path: Path, folder: Path, sessions: int = 10, changes: int = 3, timeout_s: float = 180) -> dict:
    """Run the load test on a copy of db_path; a dict of results (see the module docstring)."""
    from bench.pages import app_pages

    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / "loadtest.duckdb"
    shutil.rmtree(folder / "imports", ignore_errors=True)
    shutil.copyfile(db_path, copy)
    pages = app_pages()
    map_page = pages[0]["script"] == "pages/map.py"
    with db.connect_readonly(copy) as con:
        year = con.execute("SELECT max(period) FROM indicator_value WHERE length(period) = 4").fetchone()[0]
        before = con.execute("SELECT count(*) FROM import_log").fetchone()[0]
    csv_path = import_csv(copy, folder, year)
    targets = _targets(copy, year, 12)
    port = _free_port()
    proc = _start_app(copy, port)
    url = f"http://127.0.0.1:{port}/"
    version_before = db.data_version(copy)
    try:
        _wait_healthy(url.rstrip("/"), proc)
        cpu0, busy0 = process_cpu_seconds(proc.pid), machine_busy_seconds()
        result = asyncio.run(_run(url, copy, csv_path, sessions, changes, map_page, targets, timeout_s * 1000))
        cpu1, busy1 = process_cpu_seconds(proc.pid), machine_busy_seconds()
        server_peak = process_peak_rss_mb(proc.pid)
    finally:
        _stop(proc)
    # Where the CPU went: the app server's share against everything the machine did meanwhile
    # (the browsers, the import, and any other process).
    server_cpu = cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None
    machine_cpu = busy1 - busy0 if busy0 is not None and busy1 is not None else None
    with db.connect_readonly(copy) as con:
        after = con.execute("SELECT count(*) FROM import_log").fetchone()[0]
    runs = result["sessions"]
    errors = []
    for s in runs:
        errors += [f"session {s.n}: exception box: {e[:200]}" for e in s.exceptions]
        errors += [f"session {s.n}: failed request: {f}" for f in s.failed]
        errors += [f"session {s.n}: outside request: {u}" for u in s.outside]
        if s.error:
            errors.append(f"session {s.n}: {s.error}")
        if s.open_s is None:
            errors.append(f"session {s.n}: the page never drew")
    imp = result["import"] or {}
    if imp.get("returncode") != 0:
        errors.append(f"import failed: {imp}")
    if after != before + 1 or db.data_version(copy) == version_before:
        errors.append("the import did not publish a new database")
    change_times = [c["seconds"] for s in runs for c in s.changes]
    return {
        "page": "pages/map.py" if map_page else pages[0]["script"],
        "sessions": sessions, "changes_per_session": changes + 1 if map_page else 0,
        "open": summary([s.open_s for s in runs if s.open_s is not None]),
        "change": summary(change_times),
        "per_session": [{"session": s.n, "open_s": s.open_s, "changes_s": [c["seconds"] for c in s.changes]} for s in runs],
        "changes_after_publish": sum(1 for s in runs for c in s.changes if c["started_after_publish"]),
        "changes_during_publish": sum(1 for s in runs for c in s.changes if not c["started_after_publish"] and c["ended_after_publish"]),
        "import": imp, "wall_s": result["wall_s"], "server_peak_rss_mb": server_peak,
        "server_cpu_s": server_cpu, "machine_cpu_s": machine_cpu, "cores": os.cpu_count(),
        "map_views": sum(1 for s in runs if s.open_s is not None) + len(change_times),
        "errors": errors,
    }
