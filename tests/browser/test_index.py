"""The Indeks CETTAR page in a real browser: real content, no exception, nothing fetched from outside."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("name", "path", "heading", "demo", "sections"), [
    ("index_id", "/indeks", "Indeks CETTAR", "INDEKS DEMO", ["Bobot dan indikator", "Peringkat", "Sensitivitas", "Seberapa kokoh"]),
    ("index_en", "/indeks?lang=en&tahun=2021", "CETTAR Index", "DEMO INDEX", ["Ranking", "How robust"]),
])
def test_index_page_shows_real_content_offline(app_url, open_page, name, path, heading, demo, sections):
    page = open_page(name).open(app_url + path)
    page.wait_for_text("h1", heading)
    page.page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=60_000)  # the rank intervals
    page.page.wait_for_selector('[data-testid="stDataFrame"]', timeout=30_000)
    page.settle()
    body = page.page.inner_text("body")
    shot = page.screenshot()
    page.section_screenshots(sections)
    assert page.exceptions() == []
    assert page.outside == []
    assert shot.stat().st_size > 50_000
    assert demo in body
    assert page.page.locator('[data-testid="stSlider"]').count() == 5
    assert page.page.locator('[data-testid="stDataFrame"]').count() >= 4


def test_moving_a_pillar_weight_in_the_browser_moves_ranks(app_url, open_page):
    page = open_page("index_slider").open(app_url + "/indeks")
    page.wait_for_text("h1", "Indeks CETTAR")
    page.page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    page.settle()
    moved = lambda: page.page.locator('[data-testid="stMetricValue"]').first.inner_text()  # noqa: E731
    assert moved().startswith("0 /")
    slider = page.page.locator('[data-testid="stSlider"] input[type="range"]').first
    slider.focus()
    slider.press("End")  # Cepat to 100
    page.page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stMetricValue\"]').innerText.startsWith('0 /')", timeout=30_000
    )
    page.settle()
    page.page.wait_for_selector(".js-plotly-plot .barlayer path", timeout=30_000)  # the rank-shift chart
    page.section_screenshots(["Sensitivitas"])
    assert not moved().startswith("0 /")
    assert page.exceptions() == []
    assert page.outside == []
