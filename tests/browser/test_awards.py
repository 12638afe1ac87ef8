"""Inovasi & Penghargaan in a real browser: the maps draw, the stars sit on their kecamatan as
rendered, filters work by clicking, every card links its source; offline."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from cettar import cli
from tests.browser.conftest import serving

pytestmark = pytest.mark.browser

FORUM_FOUR = {"Kabupaten Pacitan", "Kabupaten Trenggalek", "Kabupaten Bondowoso", "Kabupaten Lumajang"}
SKK_2024 = {"35.78.14": "Tandes", "35.07.01": "Donomulyo", "35.16.06": "Pungging"}
SKK_2024_ALL = set(SKK_2024) | {"35.77.01", "35.11.07", "35.24.20", "35.74.01"}
SECTIONS = ["Linimasa", "Peta penghargaan", "Kartu penghargaan", "Replikasi"]

# For every star of the award map: its region code, and the choropleth shapes whose *drawn* fill
# contains the star's centre (so a star drawn at the wrong place, or no shape drawn, shows).
STARS_UNDER = """() => {
  const plot = [...document.querySelectorAll('.js-plotly-plot')].find(p => p.querySelector('g.choropleth') && p.querySelector('.scattergeo path.point'));
  return [...plot.querySelectorAll('.scattergeo path.point')].map(star => {
    const r = star.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    const under = [...plot.querySelectorAll('path.choroplethlocation')].filter(p =>
      p.isPointInFill(new DOMPoint(x, y).matrixTransform(p.getScreenCTM().inverse())));
    return {code: star.__data__.data[0], under: under.map(p => p.__data__.loc)};
  });
}"""


def award_map(page):
    return page.page.locator(".js-plotly-plot", has=page.page.locator("g.choropleth")).first


def ready(page, stars: int | None = None) -> None:
    page.wait_for_text("h1", "Inovasi & Penghargaan")
    page.page.wait_for_selector(".js-plotly-plot path.choroplethlocation", timeout=60_000)
    if stars:
        expect(award_map(page).locator(".scattergeo path.point")).to_have_count(stars, timeout=30_000)
    page.settle()


def cards(page):
    return page.page.locator('[data-testid="stMarkdownContainer"]', has_text="Sumber:")


def test_forum_inspirasi_2021_and_filters_by_clicking(app_url, open_page):
    page = open_page("awards_forum").open(app_url + "/penghargaan?pg_jenis=forum_inspirasi&pg_tahun=2021-2021&pg_peta=kabkota")
    ready(page)
    shown = cards(page)
    expect(shown).to_have_count(4)
    texts = shown.all_inner_texts()
    assert {name for name in FORUM_FOUR if any(name in t for t in texts)} == FORUM_FOUR
    for i in range(4):  # every card links its source
        links = shown.nth(i).locator("a[href^='http']")
        assert links.count() >= 1
    metrics = dict(zip(page.page.locator('[data-testid="stMetricLabel"]').all_inner_texts(),
                       page.page.locator('[data-testid="stMetricValue"]').all_inner_texts()))
    assert metrics["Penerima"] == "4"
    # the kab/kota map: 38 shapes drawn, exactly four of them in the "1 award" colour
    shapes = award_map(page).locator("path.choroplethlocation")
    expect(shapes).to_have_count(38)
    fills = [s.evaluate("e => getComputedStyle(e).fill") for s in shapes.all()]
    assert fills.count("rgb(158, 202, 225)") == 4
    page.screenshot()  # the top: filters and metrics
    page.section_screenshots(SECTIONS)
    # a click on the KOMPAK filter: the four are KOMPAK districts, the others have no such award
    page.page.locator('[data-testid="stRadio"]', has_text="Program KOMPAK").get_by_text("kab/kota lain").click()
    page.wait_for_text("p", "Tidak ada penghargaan yang cocok")
    page.settle()
    expect(cards(page)).to_have_count(0)
    assert "pg_kompak=non_kompak" in page.page.url
    assert page.exceptions() == []
    assert page.outside == []


def test_skk_2024_winners_on_the_tile_map(app_url, open_page):
    page = open_page("awards_skk_tiles").open(app_url + "/penghargaan?pg_jenis=skk&pg_tahun=2024-2024")
    ready(page, stars=len(SKK_2024_ALL))
    page.page.locator("h3", has_text="Peta penghargaan").evaluate("e => e.scrollIntoView({block: 'start'})")
    stars = page.page.evaluate(STARS_UNDER)
    assert {s["code"] for s in stars} == SKK_2024_ALL
    assert all(s["under"] == [s["code"]] for s in stars), stars  # each star on its own kecamatan cell
    labels = award_map(page).evaluate("p => [...p.querySelectorAll('text')].map(t => t.textContent)")
    assert set(SKK_2024.values()) <= set(labels)
    # the replication flows: lines drawn, and the chart says demo
    flow = page.page.locator(".js-plotly-plot", has=page.page.locator(".gtitle", has_text="DATA DEMO"))
    expect(flow.locator(".scattergeo path.js-line")).to_have_count(1)
    shots = page.section_screenshots(SECTIONS)
    assert all(s.stat().st_size > 20_000 for s in shots)
    assert page.exceptions() == []
    assert page.outside == []


@pytest.fixture(scope="module")
def geo_url(built_db, shared, tmp_path_factory):
    """The app on a database with the shared kab/kota and kecamatan boundaries imported."""
    path = tmp_path_factory.mktemp("awards_geo_app") / built_db.name
    shutil.copyfile(built_db, path)
    for level in ("kabkota", "kecamatan"):
        assert cli.main(["--db", str(path), "geodata", "import", str(shared / "geodata" / f"jatim_{level}.geojson"), "--level", level]) == 0
    with serving(path) as url:
        yield url


@pytest.mark.shared
def test_skk_2024_winners_on_the_real_boundaries(geo_url, open_page):
    page = open_page("awards_skk_geo").open(geo_url + "/penghargaan?pg_jenis=skk&pg_tahun=2024-2024&lang=en")
    page.wait_for_text("h1", "Innovation & Awards")
    page.page.wait_for_selector(".js-plotly-plot path.choroplethlocation", timeout=60_000)
    expect(award_map(page).locator(".scattergeo path.point")).to_have_count(len(SKK_2024_ALL), timeout=30_000)
    page.settle()
    assert award_map(page).locator("path.choroplethlocation").count() == 666
    page.page.locator("h3", has_text="Award map").evaluate("e => e.scrollIntoView({block: 'start'})")
    stars = page.page.evaluate(STARS_UNDER)
    assert all(s["under"] == [s["code"]] for s in stars), stars  # inside the real kecamatan polygon as drawn
    assert set(SKK_2024) <= {s["code"] for s in stars}
    expect(page.page.locator('[data-testid="stMarkdownContainer"]', has_text="Source:")).to_have_count(7)
    page.section_screenshots(["Award timeline", "Award map", "Award cards", "Replication"])
    assert page.exceptions() == []
    assert page.outside == []
