"""Files to take home: the storyline as PPTX and PDF, a slide as PNG, any table as CSV or XLSX.

Streamlit-free and offline. Pictures are drawn with matplotlib (maps with geopandas' shapes from
cettar.mapdata: imported boundaries, else the schematic tile map), so no browser is needed.
The PDF page and the PNG slide are laid out like the PPTX slide (13.33 x 7.5 in, 16:9).

Tables: a text cell that a spreadsheet would run as a formula (it starts with = + - @, a tab
or a carriage return) is written with an apostrophe in front, in CSV and XLSX alike; numbers
written as text ('-12,5') are left as they are (they cannot run anything). XLSX cells are
typed: numbers as numbers, text always as text, never as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import textwrap

import numpy as np
import pandas as pd
import shapely
from matplotlib import patheffects
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from cettar import formats, i18n, maps, ppkm
from cettar.storyline import ACCENT, COMPARISON, INK, OTHER_BAR, UNKNOWN, Slide

# The slide, in inches (python-pptx and matplotlib share the geometry).
WIDTH, HEIGHT = 40 / 3, 7.5
MARGIN = 0.5
TITLE_TOP, SUBTITLE_TOP, FIGURES_TOP, BODY_TOP, FOOTER_TOP = 0.3, 1.22, 1.68, 2.95, 7.02
PICTURE = (MARGIN, BODY_TOP, 8.3, 3.95)  # left, top, width, height
SIDE = (9.05, BODY_TOP, WIDTH - 9.05 - MARGIN, 3.95)
DEMO_BOX = (WIDTH - MARGIN - 2.1, 0.32, 2.1, 0.55)
DEMO_RED = "#b3121f"
GREY = "#444444"
PNG_DPI = 200
SLIDE_DPI = 144  # 13.333 x 7.5 in at 144 dpi = 1920 x 1080
FONT = "DejaVu Sans"  # ships with matplotlib: the same glyphs on every machine, offline


def t(key: str, lang: str, **values) -> str:
    return i18n.text(f"presentation.{key}", lang, **values)


# --- pictures ---------------------------------------------------------------------------------

def draw(slide: Slide, fig: Figure, rect: tuple[float, float, float, float]) -> None:
    """Draw the slide's chart into rect (left, bottom, width, height in figure fractions)."""
    DRAWERS[slide.id](slide, fig, rect)


def picture_png(slide: Slide, dpi: int = PNG_DPI) -> bytes:
    """The slide's chart or map alone, as the PPTX slide places it; a demo picture says so in
    its own corner, so that it stays labelled when copied out of the deck."""
    fig = Figure(figsize=PICTURE[2:], dpi=dpi, facecolor="white")
    draw(slide, fig, (0.0, 0.0, 1.0, 1.0))
    if slide.demo:
        fig.text(0.995, 0.005, slide.demo_mark, ha="right", va="bottom", fontsize=11, fontweight="bold", color="white",
                 family=FONT, bbox=dict(boxstyle="square,pad=0.35", facecolor=DEMO_RED, edgecolor="none"))
    return _png(fig, dpi)


def slide_png(slide: Slide, number: int = 1, total: int = 1) -> bytes:
    """The whole slide as a 1920 x 1080 image."""
    return _png(page(slide, number, total), SLIDE_DPI)


def _png(fig: Figure, dpi: int) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=dpi, facecolor="white")
    return out.getvalue()


def _frac(box) -> tuple[float, float, float, float]:
    """A box in inches from the slide's top-left corner -> matplotlib figure fractions."""
    left, top, width, height = box
    return left / WIDTH, 1 - (top + height) / HEIGHT, width / WIDTH, height / HEIGHT


def _in(rect, left, bottom, width, height):
    """A sub-rectangle of rect, given in fractions of rect."""
    x, y, w, h = rect
    return x + left * w, y + bottom * h, width * w, height * h


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False)) or text


def _shapes_map(slide: Slide, fig: Figure, rect) -> None:
    """A choropleth of mapdata.Shapes coloured by class (grey where no data), far island groups
    in insets along the top, the legend in a row underneath (or beside a map that is too tall
    to fill the width, as real boundaries with their insets are)."""
    d = slide.data
    shapes = d["shapes"]
    colour_of = {code: (d["colours"][i] if i >= 0 else maps.NO_DATA) for code, i in zip(d["codes"], d["index"])}
    frame = shapes.frame.assign(fill=shapes.frame["code"].map(colour_of).fillna(maps.NO_DATA))
    line = 0.5 if len(frame) < 100 else 0.15
    stretch = 1 / math.cos(math.radians(7.5))  # East Java lies near 7.5 degrees south
    top = 0.82 if shapes.insets else 1.0
    x0, y0, x1, y1 = shapes.bounds if shapes.bounds is not None else (frame.total_bounds if len(frame) else (0, 0, 2, 1))
    width_in, height_in = fig.get_size_inches()
    legend_height = 0.17
    room = (rect[2] * width_in) / (rect[3] * height_in * (top - legend_height))
    side = (x1 - x0) / max((y1 - y0) * stretch, 1e-9) < 0.8 * room  # a tall map: the legend goes beside it
    main = fig.add_axes(_in(rect, 0, 0, 0.76, top) if side else _in(rect, 0, legend_height, 1, top - legend_height))
    boxes = [(main, shapes.bounds)]
    for j, inset in enumerate(shapes.insets):
        width = (0.76 if side else 1) / len(shapes.insets)
        ax = fig.add_axes(_in(rect, j * width + 0.01, 0.84, width - 0.02, 0.13))
        ax.set_title(inset.title, fontsize=8, color=GREY, family=FONT, pad=2)
        boxes.append((ax, inset.bounds))
    for ax, bounds in boxes:
        if len(frame):
            frame.plot(ax=ax, color=frame["fill"], edgecolor="white", linewidth=line)
        if bounds is not None:
            x0, y0, x1, y1 = bounds
            mx, my = max((x1 - x0) * 0.01, 0.01), max((y1 - y0) * 0.01, 0.01)
            ax.set_xlim(x0 - mx, x1 + mx)
            ax.set_ylim(y0 - my, y1 + my)
        ax.set_aspect(stretch)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel("")
        ax.set_ylabel("")
        for spine in ax.spines.values():
            spine.set_visible(ax is not main)
            spine.set_color("#9a9a9a")
    halo = [patheffects.withStroke(linewidth=2, foreground="white")]
    if slide.id == "overview" and shapes.kind == "tiles":  # empty tiles: the name inside, on two lines
        points = shapely.centroid(frame.geometry.to_numpy())  # tiles are rectangles: planar is exact
        for x, y, name, fill in zip(shapely.get_x(points), shapely.get_y(points), frame["name"], frame["fill"]):
            dark = fill == ACCENT
            main.text(x, y, name.removeprefix("Kabupaten ").replace(" ", "\n", 1), ha="center", va="center", fontsize=7,
                      color="white" if dark else INK, family=FONT, fontweight="bold" if dark else "normal", linespacing=1.0)
    else:
        labels = shapes.labels
        if "label_codes" in d and shapes.kind == "geo":  # real boundaries: name only the regions in focus
            chosen = frame[frame["code"].isin(d["label_codes"])]
            points = chosen.geometry.representative_point()
            labels = pd.DataFrame({"x": points.x, "y": points.y, "text": chosen["name"].map(lambda n: n.removeprefix("Kabupaten "))})
        size = 6.3 if len(labels) > 20 else 9
        for row in labels.itertuples(index=False):
            main.text(row.x, row.y, row.text, ha="center", va="center", fontsize=size, color=INK, family=FONT,
                      path_effects=halo, clip_on=True)
    handles = [Rectangle((0, 0), 1, 1, facecolor=i.colour, edgecolor="#666666", linewidth=0.6) for i in d["legend"]]
    names = [f"{i.label} ({formats.number(i.count, slide.lang)})" for i in d["legend"]]
    where = dict(loc="center left", bbox_to_anchor=_in(rect, 0.78, 0, 0.22, 1), ncol=1) if side else dict(
        loc="lower left", bbox_to_anchor=_in(rect, 0, 0, 1, legend_height), ncol=min(len(names), 3 if len(names) > 4 else 6))
    fig.legend(handles, names, **where, frameon=False, fontsize=9.5, title=_wrap(d["legend_title"], 24 if side else 90), title_fontsize=10, alignment="left",
               handlelength=1.4, columnspacing=1.2, borderaxespad=0)


def _axes(fig: Figure, rect, pad=(0.1, 0.12, 0.03, 0.1)) -> object:
    left, bottom, right, top = pad
    ax = fig.add_axes(_in(rect, left, bottom, 1 - left - right, 1 - bottom - top))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=11, colors=INK)
    return ax


def _awards(slide: Slide, fig: Figure, rect) -> None:
    top = slide.data["top"].iloc[::-1]
    ax = _axes(fig, rect, pad=(0.2, 0.11, 0.04, 0.12))
    colours = [ACCENT if k else OTHER_BAR for k in top["kompak"]]
    bars = ax.barh(top["name"], top["awards"], color=colours)
    ax.bar_label(bars, padding=3, fontsize=11, color=INK)
    ax.set_xlabel(slide.data.get("axis", ""), fontsize=11, family=FONT)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if len(top):
        kompak, other = slide.data["series"]
        ax.legend(handles=[Rectangle((0, 0), 1, 1, color=ACCENT), Rectangle((0, 0), 1, 1, color=OTHER_BAR)], labels=[kompak, other],
                  loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, frameon=False, fontsize=11)


def _ppkm(slide: Slide, fig: Figure, rect) -> None:
    counts, names = slide.data["counts"], slide.data["names"]
    ax = _axes(fig, rect, pad=(0.08, 0.2, 0.02, 0.14))
    x = np.arange(len(counts))
    bottom = np.zeros(len(counts))
    for level in (1, 2, 3, 4, "unknown"):
        values = counts[level].to_numpy(dtype=float) if len(counts) else np.zeros(0)
        ax.bar(x, values, bottom=bottom, color=ppkm.LEVEL_COLOURS.get(level, UNKNOWN), label=names[level], width=0.8)
        bottom += values
    ax.set_xticks(x, counts["inmendagri"], rotation=60, ha="right", fontsize=9)
    ax.set_ylabel(slide.data["axis"], fontsize=11, family=FONT)
    ax.set_xlim(-0.6, len(counts) - 0.4)
    high = bottom.max() if len(bottom) else 1
    ax.set_ylim(0, high * 1.22)
    launch = slide.data.get("launch")
    if launch in set(counts["inmendagri"]):
        i = counts["inmendagri"].tolist().index(launch)
        ax.annotate(slide.data["launch_label"], xy=(i, bottom[i]), xytext=(i, high * 1.14), ha="center", va="center",
                    fontsize=10, fontweight="bold", color=INK, arrowprops=dict(arrowstyle="->", color=INK))
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.06), ncol=5, frameon=False, fontsize=10)


def _kompak(slide: Slide, fig: Figure, rect) -> None:
    d = slide.data
    series = d["series"]
    ax = _axes(fig, rect, pad=(0.09, 0.1, 0.03, 0.13))
    if d["program"] and len(series):
        years = series["year"].astype(int)
        x0, x1 = max(d["program"][0], years.min()), min(d["program"][1], years.max())
        if x0 <= x1:
            ax.axvspan(x0 - 0.5, x1 + 0.5, color=ACCENT, alpha=0.08, linewidth=0)
            ax.text(x0 - 0.45, 0.99, d["program_label"], transform=ax.get_xaxis_transform(), va="top", fontsize=10, color=ACCENT)
    styles = {"a": dict(color=ACCENT, linewidth=3.2), "b": dict(color=COMPARISON, linewidth=2.6), "all": dict(color="#555555", linewidth=2, linestyle="--")}
    for code, style in styles.items():
        own = series[series["code"] == code]
        ax.plot(own["year"].astype(int), own["value"], marker="o", markersize=6, label=d["labels"][code], **style)
    if d["period"].isdigit():
        ax.axvline(int(d["period"]), color=INK, linewidth=1.2, linestyle=":")
    ax.set_ylabel(d["unit"], fontsize=11, family=FONT)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", color="#e5e5e5")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.02), ncol=3, frameon=False, fontsize=10.5)


DRAWERS = {"overview": _shapes_map, "map": _shapes_map, "awards": _awards, "ppkm": _ppkm, "kompak": _kompak}


# --- a whole slide (PDF page, PNG) ------------------------------------------------------------

def page(slide: Slide, number: int, total: int) -> Figure:
    """The slide laid out as on the PPTX: title, subtitle, key figures, chart, lines, footer."""
    fig = Figure(figsize=(WIDTH, HEIGHT), facecolor="white")
    text = lambda left, top, s, **kw: fig.text(left / WIDTH, 1 - top / HEIGHT, s, va="top", family=FONT, **({"color": INK} | kw))  # noqa: E731
    size, width = title_size(slide.title)
    text(MARGIN, TITLE_TOP, _wrap(slide.title, width), fontsize=size, fontweight="bold")
    text(MARGIN, SUBTITLE_TOP, slide.subtitle, fontsize=15, color=GREY)
    if slide.demo:
        left, top, w, h = DEMO_BOX
        fig.patches.append(Rectangle((left / WIDTH, 1 - (top + h) / HEIGHT), w / WIDTH, h / HEIGHT, transform=fig.transFigure,
                                     facecolor=DEMO_RED, edgecolor="none"))
        fig.text((left + w / 2) / WIDTH, 1 - (top + h / 2) / HEIGHT, slide.demo_mark, ha="center", va="center",
                 fontsize=19, fontweight="bold", color="white", family=FONT)
    for i, (left, item) in enumerate(zip(figure_lefts(len(slide.figures)), slide.figures)):
        text(left, FIGURES_TOP, item.value, fontsize=value_size(item.value), fontweight="bold", color=ACCENT)
        text(left, FIGURES_TOP + 0.62, _wrap(item.label, 33), fontsize=11.5, color=INK, linespacing=1.15)
    draw(slide, fig, _frac(PICTURE))
    y = SIDE[1]
    for line in slide.lines:
        wrapped = _wrap(line.text, 38)
        if y + 0.26 * (wrapped.count("\n") + 1) > SIDE[1] + SIDE[3] + 0.1:
            break
        text(SIDE[0], y, wrapped if line.heading else "• " + wrapped.replace("\n", "\n   "), fontsize=13,
             fontweight="bold" if line.heading else "normal", linespacing=1.2)
        y += 0.25 * (wrapped.count("\n") + 1) + 0.1
    text(MARGIN, FOOTER_TOP, _wrap(slide.footer(), 175), fontsize=8.5, color=GREY, linespacing=1.2)
    fig.text(1 - MARGIN / WIDTH, 1 - FOOTER_TOP / HEIGHT, f"{number} / {total}", ha="right", va="top", fontsize=11, color=GREY, family=FONT)
    return fig


def title_size(title: str) -> tuple[int, int]:
    """Font size (pt) and characters per line: long titles get two smaller lines."""
    return (30, 46) if len(title) <= 46 else (23, 62)


def value_size(value: str) -> int:
    return 30 if len(value) <= 9 else 22


def figure_lefts(n: int) -> list[float]:
    width = (WIDTH - 2 * MARGIN) / max(n, 1)
    return [MARGIN + i * width for i in range(n)]


def deck_pdf(slides: list[Slide], title: str = "") -> bytes:
    """The storyline as a PDF: one page per slide, vector graphics."""
    out = io.BytesIO()
    with PdfPages(out, metadata={"Title": title or "Dasbor Kecamatan CETTAR", "Creator": "Dasbor Kecamatan CETTAR"}) as pdf:
        for i, slide in enumerate(slides, start=1):
            pdf.savefig(page(slide, i, len(slides)))
    return out.getvalue()


# --- PPTX -------------------------------------------------------------------------------------

def deck_pptx(slides: list[Slide], title: str = "") -> bytes:
    """The storyline as a 16:9 PowerPoint deck: per slide a title, the key figures, a picture of
    the chart or map, the short lines, a footer with sources and status, a DATA DEMO mark where
    values are demo, and speaker notes with every source, the data status and the method."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(WIDTH), Inches(HEIGHT)
    deck.core_properties.title = title or "Dasbor Kecamatan CETTAR"
    deck.core_properties.author = "Dasbor Kecamatan CETTAR"
    blank = deck.slide_layouts[6]
    for number, slide in enumerate(slides, start=1):
        s = deck.slides.add_slide(blank)
        size, _ = title_size(slide.title)
        _box(s, (MARGIN, TITLE_TOP, WIDTH - 2 * MARGIN - (DEMO_BOX[2] + 0.2 if slide.demo else 0), 0.9), slide.title, size, bold=True)
        _box(s, (MARGIN, SUBTITLE_TOP, WIDTH - 2 * MARGIN, 0.4), slide.subtitle, 15, colour=GREY)
        if slide.demo:
            _demo_badge(s, slide.demo_mark)
        width = (WIDTH - 2 * MARGIN) / max(len(slide.figures), 1)
        for left, item in zip(figure_lefts(len(slide.figures)), slide.figures):
            _box(s, (left, FIGURES_TOP - 0.05, width - 0.15, 0.6), item.value, value_size(item.value), bold=True, colour=ACCENT)
            _box(s, (left, FIGURES_TOP + 0.55, width - 0.15, 0.65), item.label, 12)
        picture = s.shapes.add_picture(io.BytesIO(picture_png(slide)), *(Inches(v) for v in PICTURE))
        picture.name = f"{slide.id} picture"
        picture._element.nvPicPr.cNvPr.set("descr", f"{slide.title}. {slide.subtitle}")  # alt text
        _lines(s, SIDE, slide.lines)
        _box(s, (MARGIN, FOOTER_TOP, WIDTH - 2 * MARGIN - 0.8, 0.42), slide.footer(), 9, colour=GREY)
        _box(s, (WIDTH - MARGIN - 0.8, FOOTER_TOP, 0.8, 0.3), f"{number} / {len(slides)}", 11, colour=GREY, right=True)
        s.notes_slide.notes_text_frame.text = slide.notes()
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _rgb(colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


def _box(s, box, text: str, size: float, bold: bool = False, colour: str = INK, right: bool = False):
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    shape = s.shapes.add_textbox(*(Inches(v) for v in box))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, _rgb(colour)
    return shape


def _lines(s, box, lines) -> None:
    from pptx.util import Inches, Pt

    frame = s.shapes.add_textbox(*(Inches(v) for v in box)).text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = frame.margin_top = 0
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(5)
        run = paragraph.add_run()
        run.text = line.text if line.heading else f"• {line.text}"
        run.font.size, run.font.bold, run.font.color.rgb = Pt(14), line.heading, _rgb(INK)


def _demo_badge(s, text: str) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches, Pt

    badge = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(Inches(v) for v in DEMO_BOX))
    badge.name = "DATA DEMO"
    badge.fill.solid()
    badge.fill.fore_color.rgb = _rgb(DEMO_RED)
    badge.line.fill.background()
    frame = badge.text_frame
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(20), True, _rgb("#FFFFFF")


# --- tables -----------------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_TEXT = re.compile(r"[+-]?\d[\d.,]*")


def escape_cell(value):
    """A text cell that a spreadsheet would evaluate gets an apostrophe in front; other values
    (numbers, dates, plain text, numbers written as text like '-12,5') stay as they are."""
    if isinstance(value, str) and value[:1] in FORMULA_START and not _NUMBER_TEXT.fullmatch(value):
        return "'" + value
    return value


def _escaped(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.map(escape_cell)
    out.columns = [escape_cell(str(c)) for c in frame.columns]
    return out


def table_csv(frame: pd.DataFrame) -> bytes:
    """CSV (UTF-8 with a byte-order mark, so Excel reads the accents) with formula-like cells
    escaped. Rows end in CRLF (RFC 4180), which also makes the writer quote a cell holding a lone
    carriage return instead of letting it split the row."""
    return _escaped(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def table_xlsx(frame: pd.DataFrame, sheet: str = "Data") -> bytes:
    """An Excel workbook of the table: a bold header row, frozen; numbers as numbers; every text
    cell written as a string (never a formula), formula-like ones with an apostrophe in front."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    ws.title = re.sub(r"[\[\]:*?/\\]", " ", sheet)[:31] or "Data"

    def put(row: int, col: int, value) -> None:
        cell = ws.cell(row=row, column=col)
        if isinstance(value, (list, tuple, dict, set)):
            value = str(value)
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return
        if isinstance(value, (bool, np.bool_)):
            cell.value = bool(value)
        elif isinstance(value, (int, float, np.integer, np.floating)) and math.isfinite(float(value)):
            cell.value = value.item() if isinstance(value, np.generic) else value
        elif isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
            cell.value = value.to_pydatetime().replace(tzinfo=None) if isinstance(value, pd.Timestamp) else value
        else:
            cell.value = escape_cell(ILLEGAL_CHARACTERS_RE.sub("", str(value)))
            cell.data_type = "s"  # a string, whatever it starts with

    for col, name in enumerate(frame.columns, start=1):
        put(1, col, str(name))
        ws.cell(row=1, column=col).font = Font(bold=True)
    for row, values in enumerate(frame.itertuples(index=False, name=None), start=2):
        for col, value in enumerate(values, start=1):
            put(row, col, value)
    for col, name in enumerate(frame.columns, start=1):
        longest = max([len(str(name))] + [len(str(v)) for v in frame.iloc[:200, col - 1]])
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = min(max(longest + 2, 8), 60)
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
