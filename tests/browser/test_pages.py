"""Every page in a real browser: real content, no exception box, no request outside 127.0.0.1."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# (screenshot name, url path, a heading the page must show, a selector with real content)
PAGES = [
    ("overview_id", "/ikhtisar", "Ikhtisar", ".js-plotly-plot .barlayer path"),
    ("overview_en", "/ikhtisar?lang=en", "Overview", ".js-plotly-plot .barlayer path"),
    ("data_id", "/data", "Data & Metodologi", '[data-testid="stDataFrame"]'),
    ("data_en", "/data?lang=en", "Data & Methodology", '[data-testid="stDataFrame"]'),
]


@pytest.mark.parametrize(("name", "path", "heading", "content"), PAGES, ids=[p[0] for p in PAGES])
def test_page_shows_real_content_offline(app_url, open_page, name, path, heading, content):
    page = open_page(name).open(app_url + path)
    page.wait_for_text("h1", heading)
    page.page.wait_for_selector(content, timeout=30_000)
    page.settle()
    shot = page.screenshot()
    assert page.exceptions() == []
    assert page.outside == []
    assert shot.stat().st_size > 20_000  # a real picture, not a blank page
    assert "DATA DEMO" in page.page.inner_text("body") or "DEMO DATA" in page.page.inner_text("body")


def test_language_switch_in_the_browser(app_url, open_page):
    page = open_page("language_switch").open(app_url + "/ikhtisar")
    page.wait_for_text("h1", "Ikhtisar")
    page.page.locator("[data-testid=stButtonGroup] button", has_text="English").click()
    page.wait_for_text("h1", "Overview")
    page.settle()
    assert "lang=en" in page.page.url
    assert page.exceptions() == []
    assert page.outside == []


def test_area_filter_in_the_browser(app_url, open_page):
    page = open_page("area_filter").open(app_url + "/ikhtisar?wilayah=35.78")
    page.wait_for_text("h1", "Ikhtisar")
    page.wait_for_metrics(["1", "31"])  # Kota Surabaya: 1 kab/kota, 31 kecamatan
    page.settle()
    assert page.exceptions() == []
