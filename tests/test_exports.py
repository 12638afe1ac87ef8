"""Take-home files: the storyline as PPTX and PDF (read back), slide pictures, and tables as CSV and
XLSX with formula-like cells escaped."""

from __future__ import annotations

import csv
import io
import re

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from cettar import db, exports, mapdata, maps, storyline, ui

HOSTILE = '=HYPERLINK("x")'


@pytest.fixture(scope="module")
def con(built_db):
    with db.connect_readonly(built_db) as connection:
        yield connection


@pytest.fixture(scope="module")
def default_story(con):
    """The default storyline (every slide, the default indicator and its latest year), in Indonesian."""
    read = storyline.reader(con)
    catalog = storyline.indicator_catalog(read)
    indicator = storyline.default_indicator(catalog)
    return storyline.build(read, storyline.SLIDES, indicator, storyline.periods(catalog, indicator)[-1], "id")


@pytest.fixture(scope="module")
def deck(default_story):
    return Presentation(io.BytesIO(exports.deck_pptx(default_story, "Uji")))


def pixels(blob: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(blob)).convert("L"), dtype=float)


def not_blank(image: np.ndarray) -> bool:
    """Drawn on: the grey levels vary, and a good share of the picture is not white."""
    return image.std() > 20 and (image < 235).mean() > 0.03


def slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_default_storyline_is_every_view_in_order(default_story):
    assert [s.id for s in default_story] == list(storyline.SLIDES) == ["overview", "map", "awards", "ppkm", "kompak"]
    assert default_story[1].title == "Indeks CETTAR per kecamatan, 2024"
    assert {s.id for s in default_story if s.demo} == {"map", "kompak"}  # generated values; the rest are real facts


def test_deck_has_one_slide_per_view_with_a_drawn_picture_a_title_and_key_figures(deck, default_story):
    assert len(deck.slides) == len(default_story) == 5
    assert round(deck.slide_width / deck.slide_height, 3) == round(16 / 9, 3)
    for slide, story in zip(deck.slides, default_story):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1, story.id
        assert not_blank(pixels(pictures[0].image.blob)), story.id
        text = slide_text(slide)
        assert story.title in text
        assert all(f.value in text and f.label in text for f in story.figures), story.id
        assert len(story.figures) >= 3


def test_notes_name_the_sources_and_the_data_status(deck, default_story):
    for slide, story in zip(deck.slides, default_story):
        notes = slide.notes_slide.notes_text_frame.text
        assert "Sumber:" in notes and "Status data:" in notes, story.id
        assert story.sources and all(title in notes for title, _ in story.sources), story.id
    overview, kecamatan_map, awards, ppkm, kompak = (s.notes_slide.notes_text_frame.text for s in deck.slides)
    assert "idn-area-data" in overview and "ODbL" in overview
    assert "Indeks CETTAR dari data demo" in kecamatan_map and "DATA DEMO" in kecamatan_map
    assert "Penghargaan dan inovasi Jawa Timur" in awards and "https://" in awards  # every award's own page
    assert "Level PPKM kab/kota per Inmendagri" in ppkm and "https://" in ppkm
    assert "kompak.or.id" in kompak and "demo" in kompak


def test_demo_mark_on_every_slide_with_demo_values_and_only_there(deck, default_story):
    for slide, story in zip(deck.slides, default_story):
        marked = any(shape.name == "DATA DEMO" and shape.text_frame.text == "DATA DEMO" for shape in slide.shapes)
        assert marked == story.demo, story.id


def test_pdf_has_one_page_per_slide(default_story):
    pdf = exports.deck_pdf(default_story, "Uji")
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == len(default_story)
    assert b"/Count 5" in pdf


def test_slide_png_fills_a_projector_and_is_drawn(default_story):
    png = exports.slide_png(default_story[1], 2, 5)
    image = Image.open(io.BytesIO(png))
    assert image.size == (1920, 1080)
    assert not_blank(pixels(png))


def test_english_deck(con):
    read = storyline.reader(con)
    story = storyline.build(read, ["kompak", "overview"], "layanan_daring", "2021", "en")
    deck = Presentation(io.BytesIO(exports.deck_pptx(story)))
    assert [slide_text(s).splitlines()[0] for s in deck.slides] == [
        "KOMPAK and the other regencies/cities: Services processed online", "East Java at a glance"]
    notes = deck.slides[0].notes_slide.notes_text_frame.text
    assert "Sources:" in notes and "DEMO DATA" in notes
    assert "8,494" in slide_text(deck.slides[1])


def test_maps_draw_on_real_boundaries_with_island_insets(con, default_story):
    """With boundaries imported the map slides draw them, far islands in insets: here the tile
    shapes stand in for boundaries, with Sumenep's kecamatan moved out to sea."""
    read = storyline.reader(con)

    def shapes(level, scope, view):
        tiles = mapdata.shapes(con, level, scope, "tiles").frame.copy()
        far = tiles["code"].str.startswith("35.29")
        tiles.loc[far, "geometry"] = tiles.loc[far, "geometry"].translate(xoff=3.0, yoff=1.5)
        bounds, insets, main_codes = mapdata.insets(tiles)
        labels = pd.DataFrame({"x": [], "y": [], "text": []})
        return mapdata.Shapes("geo", tiles, maps.to_geojson(tiles), labels, 1e-4, None, bounds, insets, main_codes)

    geo = storyline.Reader(read.query, shapes, lambda: {"kabkota": 38, "kecamatan": 666, "desa": 0})
    story = storyline.build(geo, ["overview", "map"], "indeks_cettar", "2024", "id")
    assert all(s.data["shapes"].kind == "geo" and s.data["shapes"].insets for s in story)
    assert not any("petak" in m for s in story for m in s.method)  # no tile-map note on real shapes
    for slide in story:
        assert not_blank(pixels(exports.picture_png(slide)))
    assert len(Presentation(io.BytesIO(exports.deck_pptx(story))).slides) == 2


# --- tables -------------------------------------------------------------------------------------

@pytest.fixture
def hostile_table() -> pd.DataFrame:
    return pd.DataFrame({
        "Wilayah": [HOSTILE, "+1+1", "@SUM(A1)", "\tkepala", "Donorojo", "-12,5"],
        "Nilai": [1.5, -2.0, 3, float("nan"), 5, 6],
        "=Kolom": ["-2+3", "\r=1", "a=b", "", None, "ok"],
    })


def test_csv_escapes_formulas_and_keeps_plain_values(hostile_table):
    rows = list(csv.reader(io.StringIO(exports.table_csv(hostile_table).decode("utf-8-sig"), newline="")))
    assert rows[0] == ["Wilayah", "Nilai", "'=Kolom"]
    assert [r[0] for r in rows[1:]] == ["'" + HOSTILE, "'+1+1", "'@SUM(A1)", "'\tkepala", "Donorojo", "-12,5"]
    assert [r[2] for r in rows[1:3]] == ["'-2+3", "'\r=1"]
    assert rows[1][1] == "1.5" and rows[2][1] == "-2.0"  # numbers stay numbers
    assert ui.safe_csv(hostile_table) == exports.table_csv(hostile_table)  # the old helper, same rules


def test_xlsx_cells_are_text_never_formulas(hostile_table, tmp_path):
    path = tmp_path / "tabel.xlsx"
    path.write_bytes(exports.table_xlsx(hostile_table, "Uji: tabel"))
    sheet = load_workbook(path).active
    assert sheet.title == "Uji  tabel"
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    region = sheet["A2"]
    assert region.data_type == "s" and region.value == "'" + HOSTILE
    for cell in cells:
        if isinstance(cell.value, str) and cell.value[:1] in exports.FORMULA_START:
            assert re.fullmatch(r"[+-]?\d[\d.,]*", cell.value), cell.value  # only numbers written as text
    assert sheet["C1"].value == "'=Kolom" and sheet["A1"].font.bold
    assert sheet["B2"].value == 1.5 and sheet["B2"].data_type == "n" and sheet["B5"].value is None
    assert sheet["A7"].value == "-12,5" and sheet["A7"].data_type == "s"


def test_region_named_like_a_formula_stays_text_in_both_formats(tmp_path):
    frame = pd.DataFrame({"Kecamatan": [HOSTILE], "Nilai": [1]})
    row = next(csv.DictReader(io.StringIO(exports.table_csv(frame).decode("utf-8-sig"))))
    assert row["Kecamatan"] == "'" + HOSTILE
    path = tmp_path / "x.xlsx"
    path.write_bytes(exports.table_xlsx(frame))
    cell = load_workbook(path)["Data"]["A2"]
    assert cell.data_type != "f" and str(cell.value).startswith("'")


def test_every_slide_table_exports(default_story, tmp_path):
    for slide in default_story:
        assert len(slide.table) > 0, slide.id
        path = tmp_path / f"{slide.id}.xlsx"
        path.write_bytes(exports.table_xlsx(slide.table))
        sheet = load_workbook(path).active
        assert [c.value for c in sheet[1]] == [exports.escape_cell(str(c)) for c in slide.table.columns]
        assert sheet.max_row == len(slide.table) + 1
        assert exports.table_csv(slide.table).decode("utf-8-sig").count("\n") >= len(slide.table) + 1
