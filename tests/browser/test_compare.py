"""The Bandingkan page in a real browser: real content, no exception, nothing fetched from outside."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

KOMPAK = "Kabupaten Bondowoso, Kabupaten Lumajang, Kabupaten Pacitan, Kabupaten Trenggalek"


def ready(page, heading: str, content: str) -> str:
    page.wait_for_text("h1", heading)
    page.page.wait_for_selector(content, timeout=60_000)
    page.page.wait_for_selector('[data-testid="stDataFrame"]', state="attached", timeout=30_000)
    page.settle()
    return page.page.inner_text("body")


def test_groups_side_by_side_in_english(app_url, open_page):
    page = open_page("compare_groups_en").open(app_url + "/bandingkan?lang=en&banding_subjek=groups")
    body = ready(page, "Compare", ".js-plotly-plot .boxlayer path")
    shot = page.screenshot()
    page.section_screenshots(["Side by side", "Trend per indicator", "Where they sit"])
    assert page.exceptions() == [] and page.outside == []
    assert shot.stat().st_size > 50_000
    assert "Every value in this view is DEMO data" in body
    assert f"KOMPAK-assisted regencies: {KOMPAK}" in body
    assert page.page.locator(".js-plotly-plot").count() == 2
    assert "Peringkat" not in body and "Kelompok" not in body  # nothing left in Indonesian


def test_before_after_shows_pre_trends_and_intervals(app_url, open_page):
    page = open_page("compare_did_id").open(app_url + "/bandingkan?banding=did")
    body = ready(page, "Bandingkan", ".js-plotly-plot .scatterlayer .trace")
    page.section_screenshots(["Rata-rata kelompok per tahun", "Selisih dalam selisih"])
    assert page.exceptions() == [] and page.outside == []
    assert KOMPAK in body
    assert "bootstrap klaster liar" in body and "Hanya 4 kab/kota di kelompok fokus" in body
    assert "Semua nilai di tampilan ini DEMO" in body


def test_switching_to_groups_by_clicking(app_url, open_page):
    page = open_page("compare_click").open(app_url + "/bandingkan")
    ready(page, "Bandingkan", ".js-plotly-plot .scatterlayer .trace")
    page.section_screenshots(["Berdampingan", "Posisi dalam sebaran"])
    assert page.page.locator('[data-testid="stDataFrame"]').count() == 1  # the regions table
    page.page.locator('[data-testid="stRadio"] label', has_text="Kelompok").first.click()
    page.wait_for_text('[data-testid="stCaptionContainer"]', "Kabupaten dampingan KOMPAK")
    page.settle()
    assert "banding_subjek=groups" in page.page.url
    assert KOMPAK in page.page.inner_text("body")
    assert page.exceptions() == [] and page.outside == []


def test_fair_peers_in_english(app_url, open_page):
    page = open_page("compare_peers_en").open(app_url + "/bandingkan?lang=en&banding=peers&peer_kecamatan=35.08.01")
    body = ready(page, "Compare", '[data-testid="stButton"]')
    page.screenshot()
    assert page.exceptions() == [] and page.outside == []
    assert "Kecamatan most like Tempursari (Lumajang), 2024" in body
    assert "Euclidean distance between the z-scores" in body
    page.page.locator('[data-testid="stButton"] button', has_text="Compare them side by side").click()
    page.wait_for_text("h2, h3", "Side by side, 2024")
    page.settle()
    assert "banding_kecamatan=35.08.01" in page.page.url
    assert page.exceptions() == [] and page.outside == []
