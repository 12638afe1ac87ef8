"""The Kapasitas & Layanan page in a real browser: the gap map really draws (schematic tiles, and
real kecamatan and desa boundaries once imported), a click on the map opens a kecamatan's
profile, demo labels show, and nothing is fetched from outside 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import time

import pytest

from cettar import cli
from tests.browser.conftest import serving

pytestmark = pytest.mark.browser

SHAPES = ".js-plotly-plot path.choroplethlocation"


def open_capacity(open_page, name: str, url: str, heading: str = "Kapasitas & Layanan"):
    page = open_page(name).open(url)
    page.wait_for_text("h1", heading)
    page.page.wait_for_selector(SHAPES, timeout=60_000)
    page.page.wait_for_selector('[data-testid="stDataFrame"]', timeout=30_000)
    page.settle()
    return page


def shapes_in_chart(page, n: int) -> int:
    return page.page.locator(".js-plotly-plot").nth(n).locator("path.choroplethlocation").count()


def assert_clean(page) -> None:
    assert page.exceptions() == []
    assert page.outside == []


def test_gap_map_ranking_and_profile_offline(app_url, open_page):
    page = open_capacity(open_page, "capacity_id", app_url + "/kapasitas")
    assert shapes_in_chart(page, 0) >= 666  # every kecamatan as a tile cell (no boundaries imported)
    fills = set(page.page.eval_on_selector_all(SHAPES, "els => els.map(e => getComputedStyle(e).fill)"))
    assert len(fills) >= 5  # real classes, not an empty or one-colour map
    page.page.wait_for_selector(".js-plotly-plot .barlayer path", timeout=30_000)
    body = page.page.inner_text("body")
    assert "DATA DEMO" in body and "Permintaan paling melampaui pasokan" in body and "Profil kecamatan" in body
    assert page.page.locator('[data-testid="stDataFrame"]').count() >= 4  # ranking, authority, PATEN, desa
    shot = page.screenshot()
    assert shot.stat().st_size > 50_000
    page.section_screenshots(["Kesenjangan layanan dasar", "Peringkat kecamatan", "Profil kecamatan", "Desa di"])
    assert_clean(page)


def test_english_view_from_the_url(app_url, open_page):
    url = app_url + "/kapasitas?lang=en&wilayah=35.01&layanan=sekolah&ukuran=ratio&kec=35.01.03"
    page = open_capacity(open_page, "capacity_en", url, heading="Capacity & Services")
    assert shapes_in_chart(page, 0) >= 12  # the kecamatan of Pacitan
    body = page.page.inner_text("body")
    assert "DEMO DATA" in body and "Villages of Punung" in body and "Basic education" in body
    page.screenshot()
    assert_clean(page)


def test_clicking_the_map_opens_that_kecamatan(app_url, open_page):
    page = open_capacity(open_page, "capacity_click", app_url + "/kapasitas?wilayah=35.01&kec=35.01.01")
    page.wait_for_text("h3", "Desa di Donorojo")
    chart = page.page.locator(".js-plotly-plot").first
    chart.evaluate("e => e.scrollIntoView({block: 'center'})")  # the main area scrolls inside the page
    page.page.wait_for_timeout(300)
    shapes = chart.locator("path.choroplethlocation")
    names = []
    for i in range(shapes.count()):  # a cell that is not Donorojo (the selected outline sits on top of it)
        box = shapes.nth(i).bounding_box()
        page.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.page.wait_for_timeout(150)
        tip = page.page.eval_on_selector_all(".hoverlayer .hovertext tspan.line", "els => els.map(e => e.textContent)")
        if tip and tip[0] != "Donorojo":
            names.append(tip[0])  # the tooltip's first line is the kecamatan's name
            page.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            break
    assert names, "no other kecamatan found under the mouse"
    deadline = time.monotonic() + 30
    while "kec=35.01.01&" in page.page.url + "&" and time.monotonic() < deadline:
        time.sleep(0.3)
    page.wait_for_text("h3", f"Desa di {names[0]}")
    page.settle()
    assert "kec=35.01.01&" not in page.page.url + "&"
    page.screenshot()
    assert_clean(page)


@pytest.fixture(scope="session")
def boundary_url(built_db, shared, tmp_path_factory):
    """The app on a copy of the database with the real kecamatan boundaries and the desa
    boundaries of Kabupaten Pacitan imported by the boundary importer's own command."""
    folder = tmp_path_factory.mktemp("capacity_geo")
    db = folder / "cettar.duckdb"
    shutil.copyfile(built_db, db)
    assert cli.main(["--db", str(db), "geodata", "import", str(shared / "geodata" / "jatim_kecamatan.geojson"), "--level", "kecamatan"]) == 0
    everything = json.loads((shared / "geodata" / "jatim_desa.geojson").read_text(encoding="utf-8"))
    pacitan = {"type": "FeatureCollection", "features": [f for f in everything["features"] if f["properties"]["kode"].startswith("35.01.")]}
    (folder / "desa_pacitan.geojson").write_text(json.dumps(pacitan), encoding="utf-8")
    assert cli.main(["--db", str(db), "geodata", "import", str(folder / "desa_pacitan.geojson"), "--level", "desa", "--force"]) == 0
    with serving(db) as url:
        yield url


def test_real_boundaries_and_a_desa_map(boundary_url, open_page):
    page = open_capacity(open_page, "capacity_geo", boundary_url + "/kapasitas?kec=35.01.01")
    assert shapes_in_chart(page, 0) >= 666
    page.wait_for_text("h3", "Desa di Donorojo")
    charts = page.page.locator(".js-plotly-plot")
    deadline = time.monotonic() + 30
    while charts.count() < 3 and time.monotonic() < deadline:
        time.sleep(0.3)
    assert charts.count() == 3  # kecamatan map, bar chart, desa map
    assert charts.nth(2).locator("path.choroplethlocation").count() == 12  # the 12 desa of Donorojo
    body = page.page.inner_text("body")
    assert "Peta skematis" not in body and "Peta desa muncul" not in body
    page.screenshot()
    page.section_screenshots(["Kesenjangan layanan dasar", "Desa di"])
    assert_clean(page)
