"""The Presentasi page in headless Chromium at projector size: the keyboard moves through the
slides, nothing leaves 127.0.0.1, the deck downloads, and the sidebar's link reopens a view."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1920, "height": 1080}


def counter_is(page, text: str) -> None:
    page.page.wait_for_function(
        "t => document.querySelector('.cettar-counter')?.textContent.trim() === t", arg=text, timeout=30_000)
    page.settle()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.page.wait_for_timeout(600)  # let plotly finish its transition
    page.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_keyboard_moves_through_the_slides(app_url, open_page):
    page = open_page("presentation")
    page.page.set_viewport_size(PROJECTOR)
    page.open(f"{app_url}/presentasi")
    counter_is(page, "1 / 5")
    page.page.locator(".js-plotly-plot path.choroplethlocation").first.wait_for(timeout=30_000)
    assert page.page.locator('section[data-testid="stSidebar"]').is_hidden()
    assert page.page.locator('[data-testid="stAlert"]').count() == 0 or not page.page.locator('[data-testid="stAlert"]').first.is_visible()
    assert page.page.locator(".cettar-demo-mark").count() == 0  # real facts only on this slide
    shot(page, "presentation_1_overview")
    steps = [("ArrowRight", "2 / 5", "map"), ("PageDown", "3 / 5", "awards"), ("PageDown", "4 / 5", "ppkm"),
             ("ArrowRight", "5 / 5", "kompak"), ("ArrowRight", "5 / 5", None), ("PageUp", "4 / 5", None), ("ArrowLeft", "3 / 5", None)]
    for key, expected, name in steps:
        page.page.keyboard.press(key)
        counter_is(page, expected)
        page.page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
        assert not page.exceptions(), (key, page.exceptions())
        if name:
            shot(page, f"presentation_{expected[0]}_{name}")
        if name in ("map", "kompak"):
            assert page.page.locator(".cettar-demo-mark").first.is_visible()
            assert page.page.locator(".cettar-demo-mark").first.inner_text().strip() == "DATA DEMO"
    assert "presentasi_ke=3" in page.page.url
    assert page.page.locator("h1", has_text="Para pemenang penghargaan inovasi").is_visible()
    assert page.outside == []


def test_deck_downloads_from_the_page(app_url, open_page):
    page = open_page("presentation_download")
    page.page.set_viewport_size(PROJECTOR)
    page.open(f"{app_url}/presentasi?lang=en&presentasi_salindia=ppkm,map")
    counter_is(page, "1 / 2")
    page.page.locator(".st-key-presentasi_setup button").first.click()
    button = page.page.locator(".st-key-presentasi_pptx button")
    button.wait_for(timeout=10_000)
    shot(page, "presentation_setup")
    with page.page.expect_download(timeout=60_000) as info:
        button.click()
    deck = Presentation(io.BytesIO(open(info.value.path(), "rb").read()))
    assert info.value.suggested_filename == "cettar_presentasi_2024_demo.pptx"
    assert len(deck.slides) == 2
    assert "Sources:" in deck.slides[1].notes_slide.notes_text_frame.text
    page.page.locator(".st-key-presentasi_bahasa button", has_text="Bahasa Indonesia").click()  # switch language on the page
    page.wait_for_text("h1", "Linimasa PPKM di Jawa Timur")
    page.settle()
    assert page.page.locator(".st-key-presentasi_salindia", has_text="Peta kecamatan").count() == 1  # choices kept
    page.page.keyboard.press("Escape")
    page.page.keyboard.press("PageDown")
    counter_is(page, "2 / 2")
    page.wait_for_text("h1", "Indeks CETTAR per kecamatan, 2024")
    assert "lang=en" not in page.page.url and "presentasi_salindia=ppkm%2Cmap" in page.page.url.replace(",", "%2C")
    assert not page.exceptions() and page.outside == []


def test_copy_link_reopens_the_same_view(app_url, open_page):
    page = open_page("copy_link")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page.open(f"{app_url}/ikhtisar?lang=en&wilayah=35.01&tahun=2021")
    page.wait_for_text("h1", "Overview")
    page.settle()
    link = page.page.locator(".cettar-copy-link")
    assert link.inner_text() == "Copy a link to this view"
    link.click()
    page.page.wait_for_function("() => document.querySelector('.cettar-copy-link').textContent === 'Link copied'")
    copied = page.page.evaluate("navigator.clipboard.readText()")
    assert copied == page.page.url and "wilayah=35.01" in copied and "lang=en" in copied and "tahun=2021" in copied
    again = open_page("copy_link_reopened").open(copied)
    again.wait_for_text("h1", "Overview")
    again.wait_for_text('[data-testid="stMetric"]', "Awards recorded")
    again.wait_for_metrics(["1", "12", "172"])  # Pacitan: one kabupaten, its kecamatan and villages
    assert not page.exceptions() and page.outside == [] and again.outside == []
