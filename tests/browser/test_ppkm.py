"""The PPKM & Koordinasi page in a real browser: slider, tabs, filters; offline."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_heatmap_and_slider(app_url, open_page):
    page = open_page("ppkm_levels").open(app_url + "/koordinasi?inmendagri=22/2021")
    page.wait_for_text("h1", "PPKM & Koordinasi")
    page.page.wait_for_selector(".js-plotly-plot .heatmaplayer image, .js-plotly-plot .hm image", timeout=30_000)
    page.page.wait_for_selector(".js-plotly-plot path.choroplethlocation", timeout=30_000)
    page.settle()
    # the level map: one shape per kab/kota (schematic tiles without imported boundaries)
    level_map = page.page.locator(".js-plotly-plot", has=page.page.locator("path.choroplethlocation")).first
    assert level_map.locator("path.choroplethlocation").count() == 38
    labels = page.page.locator('[data-testid="stMetricLabel"]').all_inner_texts()
    assert labels[:5] == ["Level 1", "Level 2", "Level 3", "Level 4", "tidak diketahui"]
    page.wait_for_metrics(["0", "0", "26", "12", "0"])
    # move the slider one step right with the keyboard: the snapshot follows
    thumb = page.page.locator('[data-testid="stSlider"] input').first
    assert thumb.get_attribute("aria-valuetext") == "22/2021"
    thumb.press("ArrowRight")
    expect(thumb).to_have_attribute("aria-valuetext", "27/2021", timeout=30_000)
    page.wait_for_text("h3", "Inmendagri 27/2021")
    page.settle()
    page.section_screenshots(["Sebaran level", "Level per kab/kota"])
    assert "inmendagri=27%2F2021" in page.page.url or "inmendagri=27/2021" in page.page.url
    page.screenshot()
    assert page.exceptions() == []
    assert page.outside == []


def test_coordination_tab_filters(app_url, open_page):
    page = open_page("ppkm_coordination").open(app_url + "/koordinasi?lang=en")
    page.wait_for_text("h1", "PPKM & Coordination")
    page.page.get_by_role("tab", name="Kecamatan coordination").click()
    page.wait_for_text("p", "DEMO DATA")
    page.page.locator('[data-testid="stDataFrame"]').locator("visible=true").first.wait_for(timeout=30_000)
    page.settle()
    page.screenshot()
    assert page.exceptions() == []
    assert page.outside == []
