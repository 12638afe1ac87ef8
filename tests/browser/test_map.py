"""The Peta Kinerja page in a real browser: the map really draws (plotly and Leaflet), offline,
with and without imported boundaries, and clicks open profiles and drill down."""

from __future__ import annotations

import time

import pytest

from tests.browser.conftest import serving
from tests.test_map_page import geo_db  # noqa: F401  (session fixture: built DB + real boundaries)

pytestmark = pytest.mark.browser

SHAPES = ".js-plotly-plot path.choroplethlocation"


@pytest.fixture(scope="session")
def geo_app_url(geo_db):  # noqa: F811
    """The app on a copy of the database with the real boundaries imported."""
    with serving(geo_db) as url:
        yield url


def open_map(open_page, name: str, url: str, count: int | None = None):
    page = open_page(name).open(url)
    page.wait_for_text("h1", "Peta Kinerja" if "lang=en" not in url else "Performance Map")
    page.page.wait_for_selector(SHAPES, timeout=60_000)
    if count is not None:
        wait_count(page, count)
    page.settle()
    return page


def wait_count(page, count: int | range, selector: str = SHAPES, timeout: float = 60) -> int:
    """Wait until the page draws `count` shapes (a number or a range): Plotly may still be
    redrawing after Streamlit's script has finished. Returns the count."""
    wanted = count if isinstance(count, range) else range(count, count + 1)
    deadline = time.monotonic() + timeout
    while page.page.locator(selector).count() not in wanted and time.monotonic() < deadline:
        time.sleep(0.3)
    drawn = page.page.locator(selector).count()
    assert drawn in wanted, f"{drawn} shapes drawn, expected {count}"
    return drawn


def fills(page) -> list[str]:
    return page.page.eval_on_selector_all(SHAPES, "els => els.map(e => getComputedStyle(e).fill)")


def click_shape(page, n: int) -> None:
    """Click the middle of the n-th shape's box (a point inside it for compact shapes)."""
    box = page.page.locator(SHAPES).nth(n).bounding_box()
    page.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def assert_clean(page) -> None:
    assert page.exceptions() == []
    assert page.outside == []


def test_kecamatan_map_draws_666_real_shapes(geo_app_url, open_page):
    page = open_map(open_page, "map_geo_kecamatan", geo_app_url + "/", count=666)
    colours = set(fills(page))
    assert len(colours) >= 6  # five classes and the no-data grey: not a silently empty or one-colour map
    shot = page.screenshot()
    assert shot.stat().st_size > 60_000
    assert "DATA DEMO" in page.page.inner_text("body")
    assert_clean(page)


def test_changing_the_indicator_changes_the_colours(geo_app_url, open_page):
    page = open_map(open_page, "map_indicator_change", geo_app_url + "/", count=666)
    before = fills(page)
    page.page.locator('[data-testid="stSelectbox"]', has_text="Indikator").first.click()
    page.page.locator('[role="option"]', has_text="Rata-rata waktu penyelesaian layanan PATEN").first.click()
    page.wait_for_text('[data-testid="stMarkdownContainer"]', "PATEN")
    deadline = time.monotonic() + 30
    while fills(page) == before and time.monotonic() < deadline:
        time.sleep(0.3)
    page.settle()
    assert len(fills(page)) == 666 and fills(page) != before
    assert "indikator=waktu_layanan_paten" in page.page.url
    page.screenshot()
    assert_clean(page)


def test_a_click_opens_that_kecamatans_profile(geo_app_url, open_page):
    page = open_map(open_page, "map_click_profile", geo_app_url + "/", count=666)
    click_shape(page, 300)
    page.wait_for_text("h2", "Profil:")
    page.wait_for_text('[data-testid="stMetricValue"]', "Peringkat")  # the ranks drawn, not placeholders
    page.settle()
    ranks = page.page.locator('[data-testid="stMetricValue"]', has_text="Peringkat").all_inner_texts()
    assert len(ranks) == 2 and all(" dari " in r for r in ranks)  # "Peringkat 126 dari 643" (province, kab/kota)
    assert "pilih=35." in page.page.url
    header = page.page.locator("h2", has_text="Profil:").first.inner_text()
    assert header.removeprefix("Profil: ").strip()
    page.page.locator("h2", has_text="Profil:").first.scroll_into_view_if_needed()
    page.screenshot()
    assert_clean(page)


def test_a_click_on_a_kabkota_drills_down_and_back(geo_app_url, open_page):
    page = open_map(open_page, "map_drill_down", geo_app_url + "/?tingkat=kabkota&lang=en")
    click_shape(page, 20)
    page.page.get_by_role("button", name="← All of East Java").wait_for(timeout=60_000)
    page.settle()
    assert "wilayah=35." in page.page.url and "tingkat=kabkota" not in page.page.url
    wait_count(page, range(3, 34))  # the kecamatan of one kab/kota
    page.screenshot()
    page.page.get_by_role("button", name="← All of East Java").click()
    wait_count(page, 38 + 3)  # back to the kab/kota map (Gresik and Sumenep also drawn in their island insets)
    assert_clean(page)


def test_folium_renderer_draws_leaflet_shapes_offline(geo_app_url, open_page):
    page = open_page("map_folium").open(geo_app_url + "/?peta=folium")
    page.wait_for_text("h1", "Peta Kinerja")
    frame = None
    deadline = time.monotonic() + 60
    while frame is None and time.monotonic() < deadline:
        for candidate in page.page.frames:
            try:
                if candidate.locator(".leaflet-interactive").count() > 0:
                    frame = candidate
            except Exception:  # a frame detached while looking
                pass
        time.sleep(0.3)
    assert frame is not None, "no Leaflet shapes in any iframe"
    time.sleep(1)
    assert frame.locator(".leaflet-interactive").count() == 666
    page.settle()
    page.screenshot()
    box = frame.locator(".leaflet-interactive").nth(300).bounding_box()
    page.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_text("h2", "Profil:", timeout=60_000)
    assert "pilih=35." in page.page.url
    assert_clean(page)


def test_without_boundaries_the_tile_map_shows_666_cells(app_url, open_page):
    page = open_map(open_page, "map_tiles", app_url + "/", count=666)
    assert "skematis" in page.page.inner_text("body")
    assert len(set(fills(page))) >= 6
    page.screenshot()
    assert_clean(page)


def test_hot_spot_layer_in_english(app_url, open_page):
    page = open_map(open_page, "map_hotspots_en", app_url + "/?lang=en&lapisan=hotspots", count=666)
    body = page.page.inner_text("body")
    assert "999 conditional random permutations" in body and "High among high" in body
    page.screenshot()
    assert_clean(page)
