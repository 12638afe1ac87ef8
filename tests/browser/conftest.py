"""A real browser against the real app: `streamlit run` on a free port, Debian Chromium.

Browser tests never skip: a machine without Chromium fails them (the README's test command
installs it). Screenshots land in tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cettar.paths import ROOT

CHROMIUM = os.environ.get("CETTAR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "tests" / "artifacts"
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(db: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, CETTAR_DB=str(db))
    return subprocess.Popen(
        [sys.executable, "-m", "cettar.serve",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
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


def stop(proc: subprocess.Popen) -> None:
    """Stop streamlit by its own process group, and give it a few seconds."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=8)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app (python -m cettar.serve) on db at a free local port: its URL, stopped afterwards."""
    port = free_port()
    proc = start_app(db, port)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def app_url(built_db):
    with serving(built_db) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """A browser page that records every request leaving 127.0.0.1 and every console error."""

    def __init__(self, browser, name: str):
        self.name = name
        self.context = browser.new_context(viewport={"width": 1600, "height": 1000})
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.page.on("request", self._request)

    def _request(self, request) -> None:
        if not request.url.startswith(LOCAL_PREFIXES):
            self.outside.append(request.url)

    def open(self, url: str) -> "Page":
        self.page.goto(url)
        self.page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=30_000)
        return self

    def wait_for_text(self, selector: str, text: str, timeout: float = 30_000) -> None:
        self.page.locator(selector, has_text=text).first.wait_for(timeout=timeout)

    def settle(self) -> None:
        """Wait until Streamlit has finished running the script."""
        self.page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000
        )

    def wait_for_metrics(self, expected: list[str], timeout: float = 30_000) -> list[str]:
        """Wait until the page's first metric values are `expected` (Streamlit may still be
        redrawing when the status widget has gone) and return them; times out otherwise."""
        import json

        script = ("(want) => { const v = [...document.querySelectorAll('[data-testid=\"stMetricValue\"]')]"
                  ".map(e => e.innerText.trim()); return want.every((w, i) => v[i] === w); }")
        try:
            self.page.wait_for_function(script, arg=expected, timeout=timeout)
        except Exception as exc:
            shown = self.page.locator('[data-testid="stMetricValue"]').all_inner_texts()
            raise AssertionError(f"metrics {json.dumps(shown)} never started with {json.dumps(expected)}") from exc
        return expected

    def exceptions(self) -> list[str]:
        """Exception boxes, and Streamlit's "page not found" dialog (a broken deep link)."""
        found = [e.inner_text() for e in self.page.query_selector_all('[data-testid="stException"]')]
        found += [d.inner_text() for d in self.page.query_selector_all('[role="dialog"]') if "not found" in d.inner_text()]
        return found

    def screenshot(self) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def section_screenshots(self, headings: list[str]) -> list[Path]:
        """The main area scrolls inside the page, so a full-page shot shows only the top: one
        screenshot per section heading, scrolled into view."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        paths = []
        for i, heading in enumerate(headings, start=1):
            self.page.locator("h2, h3", has_text=heading).first.evaluate("e => e.scrollIntoView({block: 'start'})")
            self.page.wait_for_timeout(300)
            paths.append(ARTIFACTS / f"{self.name}_{i}.png")
            self.page.screenshot(path=str(paths[-1]))
        return paths

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_page(browser):
    pages = []

    def make(name: str) -> Page:
        page = Page(browser, name)
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.close()
