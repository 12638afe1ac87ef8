"""Choropleth maps for the Peta Kinerja page: classes, colours, legends, tooltips, figures.

Streamlit-free. Every choice a user makes maps to code through a literal allow-list (LEVELS,
SCHEMES, RENDERERS, VIEWS, LAYERS). Colours are ColorBrewer RdYlBu (colour-blind safe) and
follow the indicator's direction: the worse end is always the warm (red) end. "No data" is a
grey that no class uses, and is counted in the legend like any class.
"""

from __future__ import annotations

import json
import math
import re
import warnings
from dataclasses import dataclass, field

import geopandas as gpd
import mapclassify
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import shapely

from cettar import formats, i18n

LEVELS = ("kabkota", "kecamatan", "desa")
SCHEMES = {  # user's choice -> mapclassify class
    "quantiles": mapclassify.Quantiles,
    "natural_breaks": mapclassify.FisherJenks,
    "equal_interval": mapclassify.EqualInterval,
    "manual": mapclassify.UserDefined,
}
RENDERERS = ("plotly", "folium")
VIEWS = ("geo", "tiles")
LAYERS = ("values", "hotspots")
K_MIN, K_MAX, K_DEFAULT = 3, 7, 5
MAX_MANUAL_BREAKS = 8

# ColorBrewer RdYlBu, red (worse) to blue (better); colour-blind safe for every k here.
RDYLBU = {
    1: ["#fee090"],
    2: ["#fc8d59", "#91bfdb"],
    3: ["#fc8d59", "#ffffbf", "#91bfdb"],
    4: ["#d7191c", "#fdae61", "#abd9e9", "#2c7bb6"],
    5: ["#d7191c", "#fdae61", "#ffffbf", "#abd9e9", "#2c7bb6"],
    6: ["#d73027", "#fc8d59", "#fee090", "#e0f3f8", "#91bfdb", "#4575b4"],
    7: ["#d73027", "#fc8d59", "#fee090", "#ffffbf", "#e0f3f8", "#91bfdb", "#4575b4"],
    8: ["#d73027", "#f46d43", "#fdae61", "#fee090", "#e0f3f8", "#abd9e9", "#74add1", "#4575b4"],
    9: ["#d73027", "#f46d43", "#fdae61", "#fee090", "#ffffbf", "#e0f3f8", "#abd9e9", "#74add1", "#4575b4"],
}
NO_DATA = "#b0b0b0"  # no class colour is grey
NO_DATA_LINE = "#6e6e6e"
LINE = "#ffffff"
SELECTED_LINE = "#111111"
LEAFLET = "/app/static/vendor/leaflet/"
TOPOJSON_URL = "/app/static/vendor/topojson/"


def palette(k: int, direction: str) -> list[str]:
    """k colours for classes in ascending value order: the worse end warm, the better end cool."""
    colours = RDYLBU[max(1, min(k, max(RDYLBU)))]
    return list(colours) if direction == "higher_is_better" else list(reversed(colours))


# ----------------------------------------------------------------------------- classification


@dataclass
class Classes:
    """Regions in classes. index: class per region (-1 = no data), in the frame's order."""

    index: np.ndarray
    colours: list[str]
    labels: list[str]  # one per class, for legend and tooltip
    bins: list[float] = field(default_factory=list)  # upper bounds (numeric schemes)
    categorical: bool = False  # categories keep their order in the legend

    @property
    def counts(self) -> list[int]:
        return [int((self.index == i).sum()) for i in range(len(self.colours))]

    @property
    def no_data(self) -> int:
        return int((self.index < 0).sum())


def parse_breaks(text: str) -> list[float]:
    """Manual class breaks typed by a user: '40; 55,5; 70' or '40 55.5 70' (ascending, unique).

    A comma is a decimal comma (Indonesian), so values are separated by ';' or spaces.
    Raises ValueError with a readable reason.
    """
    parts = [p for p in re.split(r"[;\s]+", (text or "").strip()) if p]
    if not parts:
        raise ValueError("no breaks")
    try:
        values = [float(p.replace(",", ".")) for p in parts]
    except ValueError:
        raise ValueError(f"not a number: {text!r}") from None
    if any(math.isnan(v) or math.isinf(v) for v in values):
        raise ValueError("breaks must be finite")
    if sorted(set(values)) != values:
        raise ValueError("breaks must be ascending and distinct")
    if len(values) > MAX_MANUAL_BREAKS:
        raise ValueError(f"at most {MAX_MANUAL_BREAKS} breaks")
    return values


def classify(values, scheme: str, k: int = K_DEFAULT, breaks: list[float] | None = None) -> tuple[list[float], np.ndarray]:
    """Upper bounds of the classes and the class of each value (-1 where the value is missing).

    scheme is a key of SCHEMES; breaks are needed for 'manual' (a last class up to the maximum
    is added when values lie above the last break). Fewer distinct values than k give fewer
    classes, never empty duplicates.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown classification {scheme!r}")
    values = np.asarray(values, dtype=float)
    index = np.full(len(values), -1, dtype=int)
    ok = ~np.isnan(values)
    present = values[ok]
    if present.size == 0:
        return [], index
    if scheme == "manual":
        if not breaks:
            raise ValueError("manual classification needs breaks")
        bins = [float(b) for b in breaks]
        if present.max() > bins[-1]:
            bins.append(float(present.max()))
    else:
        distinct = np.unique(present)
        k = max(1, min(int(k), len(distinct)))
        if k == 1:
            bins = [float(distinct[-1])]
        else:
            with warnings.catch_warnings():  # "Numba not installed": the pure-Python path is fine here
                warnings.simplefilter("ignore", UserWarning)
                bins = [float(b) for b in SCHEMES[scheme](present, k=k).bins]
    bins = sorted(set(bins))
    index[ok] = np.searchsorted(np.asarray(bins), present, side="left")
    index[ok] = np.minimum(index[ok], len(bins) - 1)
    return bins, index


def numeric_classes(values, scheme: str, k: int, direction: str, lang: str, decimals: int,
                    breaks: list[float] | None = None, classifier=None) -> Classes:
    """Classes with colours and labels ('12,3 – 45,6') for a numeric indicator.

    classifier: a drop-in for classify() (the page passes a cached one: Fisher-Jenks in pure
    Python takes about a second for the 666 kecamatan).
    """
    bins, index = (classifier or classify)(values, scheme, k, breaks)
    values = np.asarray(values, dtype=float)
    low = np.nanmin(values) if (~np.isnan(values)).any() else None
    labels = []
    for i, upper in enumerate(bins):
        lower = low if i == 0 else bins[i - 1]
        if scheme == "manual" and i == 0 and low is not None and low > upper:
            lower = upper
        labels.append(f"{formats.number(lower, lang, decimals)} – {formats.number(upper, lang, decimals)}")
    return Classes(index=index, colours=palette(len(bins), direction), labels=labels, bins=list(bins))


def parse_thresholds(text: str) -> list[tuple[float, str]]:
    """Status classes from the catalog: 'upper:label|upper:label|...' ascending."""
    classes = []
    for part in (text or "").split("|"):
        if not part.strip():
            continue
        upper, _, label = part.partition(":")
        classes.append((float(upper), label.strip()))
    if not classes or [u for u, _ in classes] != sorted(u for u, _ in classes):
        raise ValueError(f"bad thresholds {text!r}")
    return classes


def status_classes(values, thresholds: str, direction: str, lang: str, decimals: int) -> Classes:
    """The official status classes of a status indicator (e.g. IDM): lower < value <= upper.

    A value above the last upper bound falls in the last class. Every class is listed even when
    no region is in it.
    """
    classes = parse_thresholds(thresholds)
    uppers = np.asarray([u for u, _ in classes])
    values = np.asarray(values, dtype=float)
    index = np.full(len(values), -1, dtype=int)
    ok = ~np.isnan(values)
    index[ok] = np.minimum(np.searchsorted(uppers, values[ok], side="left"), len(classes) - 1)
    labels = []
    for i, (upper, name) in enumerate(classes):
        if i == 0:
            rng = f"≤ {formats.number(upper, lang, decimals)}"
        else:
            rng = f"{formats.number(classes[i - 1][0], lang, decimals)} – {formats.number(upper, lang, decimals)}"
        labels.append(f"{name} ({rng})")
    return Classes(index=index, colours=palette(len(classes), direction), labels=labels, bins=list(uppers))


def category_classes(categories: pd.Series, order: list[str], colours: list[str], labels: list[str]) -> Classes:
    """Classes for categories (hot-spot clusters): a category outside `order` counts as no data."""
    lookup = {c: i for i, c in enumerate(order)}
    index = np.asarray([lookup.get(c, -1) for c in categories], dtype=int)
    return Classes(index=index, colours=list(colours), labels=list(labels), categorical=True)


@dataclass
class LegendItem:
    colour: str
    label: str
    count: int


def legend(classes: Classes, lang: str) -> list[LegendItem]:
    """Legend rows, highest class first (as a reader scans a legend; categories in their own
    order), then 'no data' with its count."""
    items = [LegendItem(c, label, n) for c, label, n in zip(classes.colours, classes.labels, classes.counts)]
    if not classes.categorical:
        items.reverse()
    items.append(LegendItem(NO_DATA, i18n.text("map.no_data", lang), classes.no_data))
    return items


def legend_html(items: list[LegendItem], title: str, lang: str) -> str:
    """The legend as small HTML (drawn by Streamlit, not by branca, which loads d3 from a CDN)."""
    from html import escape

    rows = [f"<div style='font-weight:600;margin-bottom:.3rem'>{escape(title)}</div>"]
    for item in items:
        border = NO_DATA_LINE if item.colour == NO_DATA else "#888"
        rows.append(
            "<div style='display:flex;align-items:center;gap:.45rem;margin:.12rem 0;font-size:.88rem'>"
            f"<span style='display:inline-block;width:1.1rem;height:.85rem;background:{item.colour};"
            f"border:1px solid {border}'></span>"
            f"<span>{escape(item.label)}</span>"
            f"<span style='margin-left:auto;color:#555'>{formats.number(item.count, lang)}</span></div>"
        )
    return "<div class='cettar-legend'>" + "".join(rows) + "</div>"


# ----------------------------------------------------------------------------- ranks and tooltips


def ranks(values: pd.Series, direction: str) -> pd.Series:
    """Rank among the regions with a value, 1 = best by the indicator's direction (ties share)."""
    return values.rank(ascending=direction == "lower_is_better", method="min")


def is_demo(status) -> bool:
    return isinstance(status, str) and "demo" in [s.strip() for s in status.split(",")]


def tooltip_parts(frame: pd.DataFrame, meta: dict, period: str, lang: str,
                  classes: Classes | None = None, extra: list[str] | None = None) -> pd.DataFrame:
    """Tooltip lines per region: name, value (Indonesian or English number format, unit, status
    class), rank among the regions on the map, period, source, and an optional extra line.

    frame: code, name, value, rank, status, source_title_id/en (one row per region drawn).
    meta: the catalog row (unit, decimals, value_type ...). A demo value says so in its source
    line, so a demo figure never looks official. parts.attrs["rank_template"] holds the rank
    line with a {rank} slot (plotly fills it per region).
    """
    decimals = int(meta.get("decimals", 0) or 0)
    unit = meta.get("unit") or ""
    n_text = formats.number(int(frame["value"].notna().sum()), lang)
    value_text, rank_no = [], []
    for i, (v, r) in enumerate(zip(frame["value"], frame["rank"])):
        if pd.isna(v):
            value_text.append(i18n.text("map.no_data", lang))
            rank_no.append("")
            continue
        text = f"{formats.number(v, lang, decimals)} {unit}".strip()
        if classes is not None and meta.get("value_type") == "status" and classes.index[i] >= 0:
            text += f" · {classes.labels[classes.index[i]].split(' (')[0]}"
        value_text.append(text)
        rank_no.append(_integer(r, lang) if pd.notna(r) else "")
    title_col = "source_title_en" if lang == "en" else "source_title_id"
    titles = frame[title_col] if title_col in frame else pd.Series([None] * len(frame))
    statuses = frame["status"] if "status" in frame else pd.Series([None] * len(frame))
    sources = []
    for title, status in zip(titles, statuses):
        if not isinstance(title, str):
            sources.append("")
            continue
        line = i18n.text("map.tip.source", lang, source=title)
        if is_demo(status):
            line += " · " + i18n.text("map.tip.demo", lang)
        sources.append(line)
    rank_template = i18n.text("map.tip.rank", lang, rank="{rank}", n=n_text)
    parts = pd.DataFrame({
        "code": frame["code"].to_numpy(),
        "name": frame["name"].to_numpy(),
        "value": value_text,
        "extra": extra if extra is not None else [""] * len(frame),
        "rank_no": rank_no,
        "rank": [rank_template.replace("{rank}", r) if r else "" for r in rank_no],
        "period": i18n.text("map.tip.period", lang, period=period),
        "source": sources,
    })
    parts.attrs["rank_template"] = rank_template
    return parts


def _integer(value, lang: str) -> str:
    """A whole number with grouping, as formats.number(value, lang) writes it (fast: ranks are many)."""
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang != "en" else text


def tooltip_html(parts: pd.DataFrame) -> list[str]:
    """One HTML tooltip per region from tooltip_parts (for folium and for tests)."""
    from html import escape

    out = []
    for _, row in parts.iterrows():
        lines = [f"<b>{escape(str(row['name']))}</b>"]
        lines += [escape(str(row[c])) for c in ("value", "extra", "rank", "period", "source") if row[c]]
        out.append("<br>".join(lines))
    return out


# ----------------------------------------------------------------------------- shapes


def round_geometries(geoms, decimals: int) -> np.ndarray:
    """Coordinates snapped to 10^-decimals (shared vertices stay shared), repeats removed."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0:
        return geoms
    snapped = shapely.set_precision(geoms, 10.0 ** -decimals, mode="pointwise")
    return shapely.remove_repeated_points(snapped)


def to_geojson(gdf: gpd.GeoDataFrame, decimals: int | None = 4, properties: list[str] | None = None) -> dict:
    """A compact FeatureCollection: id = code, only the properties asked for, exterior rings
    clockwise. Rounding (decimals) is what keeps the payload small; None keeps full precision.
    """
    geoms = gdf.geometry.to_numpy()
    if decimals is not None:
        geoms = round_geometries(geoms, decimals)
    # d3 (plotly geo) reads a counter-clockwise ring as "the whole globe but this": rings are
    # written clockwise, as d3 wants (Leaflet does not care).
    geoms = shapely.orient_polygons(geoms, exterior_cw=True)
    texts = shapely.to_geojson(geoms)
    props = properties or []
    features = []
    for i, (code, text) in enumerate(zip(gdf["code"], texts)):
        feature = {"type": "Feature", "id": str(code), "geometry": json.loads(text)}
        if props:
            feature["properties"] = {p: _plain(gdf[p].iloc[i]) for p in props}
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def _plain(value):
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return None if np.isnan(value) else float(value)
    return value


def payload_bytes(obj) -> int:
    """Size of a JSON payload as sent (compact separators)."""
    return len(json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


# ----------------------------------------------------------------------------- plotly


def _stepped(colours: list[str]) -> list[list]:
    """A colorscale that gives integer z = i exactly colour i (z from -0.5 to k - 0.5)."""
    if len(colours) == 1:
        colours = colours * 2
    k = len(colours)
    scale = []
    for i, c in enumerate(colours):
        scale += [[i / k, c], [(i + 1) / k, c]]
    return scale


def _hover(parts: pd.DataFrame) -> tuple[np.ndarray, str]:
    """customdata columns and a hovertemplate for one trace.

    Lines that are the same for every region of the trace (period, source, an empty extra)
    go into the template once instead of into every region's data: that keeps the payload small.
    customdata[0] is always the region code.
    """
    data_cols, lines = ["code"], []

    def ref(column: str) -> str:
        if column not in data_cols:
            data_cols.append(column)
        return f"%{{customdata[{data_cols.index(column)}]}}"

    def uniform(column: str) -> bool:
        return parts[column].nunique(dropna=False) <= 1

    lines.append(f"<b>{ref('name')}</b>")
    lines.append(ref("value"))
    for column in ("extra", "rank_no", "period", "source"):
        if column == "rank_no":
            if (parts["rank_no"] != "").any():
                lines.append(parts.attrs.get("rank_template", "{rank}").replace("{rank}", ref("rank_no")))
            continue
        if uniform(column):
            text = str(parts[column].iloc[0]) if len(parts) else ""
            if text:
                lines.append(text)
        else:
            lines.append(ref(column))
    customdata = parts[data_cols].to_numpy(dtype=object)
    return customdata, "<br>".join(lines) + "<extra></extra>"


class MapFigure(go.Figure):
    """A plotly figure whose traces' GeoJSON is added only when it is turned into a dict.

    Everything else is built and validated by plotly as usual; the shapes (a cached,
    read-only FeatureCollection of a few hundred KB) are not: plotly would validate and deep-copy
    them for every trace on every rerun, which took most of the page's script time.
    st.plotly_chart serialises the figure through to_dict().
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.__dict__["_geojsons"] = {}  # trace index -> FeatureCollection

    def set_geojson(self, trace: int, collection: dict) -> None:
        self.__dict__["_geojsons"][trace] = collection

    def to_dict(self):
        spec = super().to_dict()
        for i, collection in self.__dict__["_geojsons"].items():
            spec["data"][i]["geojson"] = collection
        return spec

    def to_plotly_json(self):
        return self.to_dict()


def plotly_map(geojson: dict, codes, index: np.ndarray, colours: list[str], parts: pd.DataFrame, *,
               selected: str | None = None, labels: pd.DataFrame | None = None, height: int = 600,
               bounds: tuple | None = None, insets: list | None = None, main_codes: list[str] | None = None) -> go.Figure:
    """Choropleth (plotly geo) of the regions in `codes`, coloured by class index.

    Regions with index -1 are drawn in the no-data grey in a trace of their own; each trace
    carries only its own features, so no shape is sent twice. customdata[0] is always the
    region code, so a click says which region it was. `labels` (x, y, text) adds a text layer.
    `bounds` (x0, y0, x1, y1) frames the main view; `insets` (objects with codes, bounds,
    title) get boxes of their own in a strip at the top; main_codes are the regions with land
    in the main view.
    """
    codes = np.asarray(codes, dtype=object)
    index = np.asarray(index)
    by_code = {f["id"]: f for f in geojson["features"]}
    insets = list(insets or [])
    fig = MapFigure()
    common = dict(featureidkey="id", showscale=False, selected=dict(marker=dict(opacity=1)),
                  unselected=dict(marker=dict(opacity=1)))

    def subset(chosen) -> dict:
        return {"type": "FeatureCollection", "features": [by_code[c] for c in chosen if c in by_code]}

    def draw(mask: np.ndarray, geo: str) -> None:
        for has in (True, False):
            m = mask & ((index >= 0) if has else (index < 0))
            if not m.any():
                continue
            customdata, template = _hover(_keep_attrs(parts[m].reset_index(drop=True), parts))
            style = dict(z=index[m], zmin=-0.5, zmax=len(colours) - 0.5, colorscale=_stepped(colours),
                         marker=dict(line=dict(color=LINE, width=0.6))) if has else dict(
                         z=np.zeros(int(m.sum()), dtype=int), zmin=0, zmax=1, colorscale=[[0, NO_DATA], [1, NO_DATA]],
                         marker=dict(line=dict(color=NO_DATA_LINE, width=0.6)))
            fig.add_trace(go.Choropleth(locations=codes[m], customdata=customdata,
                                        hovertemplate=template, name="data" if has else "no_data", geo=geo, **style, **common))
            fig.set_geojson(len(fig.data) - 1, subset(codes[m]))
        if selected is not None and selected in set(codes[mask]) and selected in by_code:
            fig.add_trace(go.Choropleth(
                featureidkey="id", locations=[selected], z=[0], showscale=False, geo=geo,
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], hoverinfo="skip",
                marker=dict(line=dict(color=SELECTED_LINE, width=2.6)), name="selected",
            ))
            fig.set_geojson(len(fig.data) - 1, subset([selected]))

    in_main = np.isin(codes, main_codes) if main_codes is not None else np.ones(len(codes), dtype=bool)
    draw(in_main, "geo")
    for j, inset in enumerate(insets):
        draw(np.isin(codes, inset.codes), f"geo{j + 2}")
    if labels is not None and len(labels):
        fig.add_trace(go.Scattergeo(
            lon=labels["x"], lat=labels["y"], text=labels["text"], mode="text", hoverinfo="skip",
            textfont=dict(size=10, color="#1a1a1a", shadow="0px 0px 2px #ffffff"), name="labels",
        ))
    plain = dict(projection_type="mercator", bgcolor="rgba(0,0,0,0)")
    top = 0.8 if insets else 1.0
    fig.update_geos(visible=False, **plain, domain=dict(x=[0, 1], y=[0, top]), **_frame(bounds))
    layout = {}
    for j, inset in enumerate(insets):
        width = 1 / len(insets)
        layout[f"geo{j + 2}"] = dict(
            **plain, **_frame(inset.bounds), domain=dict(x=[j * width + 0.01, (j + 1) * width - 0.01], y=[0.83, 0.97]),
            visible=True, showland=False, showocean=False, showlakes=False, showrivers=False, showcountries=False,
            showcoastlines=False, showframe=True, framecolor="#9a9a9a", framewidth=1,
        )
    annotations = [dict(text=inset.title, x=(j + 0.5) / len(insets), y=1.0, xref="paper", yref="paper", showarrow=False,
                        font=dict(size=11, color="#444"), xanchor="center", yanchor="top") for j, inset in enumerate(insets)]
    fig.update_layout(template=go.layout.Template(), margin=dict(l=0, r=0, t=0, b=0), height=height, showlegend=False,
                      clickmode="event+select", dragmode="pan", hoverlabel=dict(bgcolor="white", font_size=13),
                      paper_bgcolor="rgba(0,0,0,0)", annotations=annotations, **layout)
    return fig


def _frame(bounds) -> dict:
    """Geo axis ranges that frame bounds (with a margin), or fit to the regions drawn."""
    if bounds is None:
        return dict(fitbounds="locations")
    x0, y0, x1, y1 = bounds
    mx, my = max((x1 - x0) * 0.03, 0.01), max((y1 - y0) * 0.03, 0.01)
    return dict(fitbounds=False, lonaxis=dict(range=[x0 - mx, x1 + mx]), lataxis=dict(range=[y0 - my, y1 + my]))


def _keep_attrs(subset: pd.DataFrame, parts: pd.DataFrame) -> pd.DataFrame:
    subset.attrs.update(parts.attrs)
    return subset


def code_from_selection(selection) -> str | None:
    """The region a plotly click selected: customdata[0] of the first point with one."""
    points = (selection or {}).get("points", []) if isinstance(selection, dict) else getattr(selection, "points", [])
    for point in points or []:
        data = point.get("customdata") if isinstance(point, dict) else None
        if data:
            return str(data[0])
        location = point.get("location") if isinstance(point, dict) else None
        if location:
            return str(location)
    return None


# ----------------------------------------------------------------------------- folium


def offline_map_class():
    """folium.Map that loads Leaflet from the app's own static files, and nothing else.

    folium's defaults pull Leaflet, jQuery, Bootstrap, Font Awesome and awesome-markers from
    CDNs; a choropleth needs none but Leaflet.
    """
    import folium

    class OfflineMap(folium.Map):
        default_js = [("leaflet", LEAFLET + "leaflet.js")]
        default_css = [("leaflet_css", LEAFLET + "leaflet.css")]

    return OfflineMap


def folium_map(shapes: gpd.GeoDataFrame, codes, index: np.ndarray, colours: list[str], tips: list[str], *,
               selected: str | None = None, basemap: bool = False, decimals: int = 4, bounds: tuple | None = None):
    """Leaflet choropleth through folium: no tiles unless `basemap` (OpenStreetMap, needs internet)."""
    import folium

    order = {c: i for i, c in enumerate(codes)}
    shapes = shapes[shapes["code"].isin(order)].copy()
    pos = shapes["code"].map(order).to_numpy()
    idx = np.asarray(index)[pos]
    shapes["k"] = idx
    shapes["t"] = [tips[i] for i in pos]
    data = to_geojson(shapes, decimals, properties=["code", "k", "t"])
    fills = list(colours)
    x0, y0, x1, y1 = bounds or (shapes.total_bounds if len(shapes) else (111.0, -8.8, 114.6, -6.7))
    m = offline_map_class()(location=[(y0 + y1) / 2, (x0 + x1) / 2], zoom_start=8, tiles=None, control_scale=True,
                            zoom_snap=0.25)
    if basemap:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(m)

    def style(feature):
        k = feature["properties"]["k"]
        code = feature["properties"]["code"]
        return {
            "fillColor": fills[k] if k >= 0 else NO_DATA,
            "fillOpacity": 0.85 if basemap else 1.0,
            "color": SELECTED_LINE if code == selected else (NO_DATA_LINE if k < 0 else "#ffffff"),
            "weight": 3 if code == selected else 0.7,
        }

    folium.GeoJson(
        data, name="regions", style_function=style,
        highlight_function=lambda f: {"weight": 2.5, "color": "#333333"},
        tooltip=folium.GeoJsonTooltip(fields=["t"], labels=False, sticky=True),
    ).add_to(m)
    m.fit_bounds([[y0, x0], [y1, x1]])
    return m


def folium_html(m) -> str:
    """The whole HTML folium would write (what st_folium takes its script and links from)."""
    return m.get_root().render()


CDN_PATTERN = re.compile(r"(?:https?:)?//(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\.[a-z]{2,}/", re.IGNORECASE)


def outside_urls(text: str) -> list[str]:
    """URLs in text that point anywhere but this machine (a CDN script would break offline)."""
    return sorted(set(CDN_PATTERN.findall(text)))


def code_from_folium(state: dict | None, shapes: gpd.GeoDataFrame | None) -> str | None:
    """The region under the last click on the folium map (st_folium's `last_clicked`).

    The point is looked up in the shapes drawn: Leaflet reports a click on a shape reliably as
    a map click with its coordinates, while its per-layer click event can be swallowed when
    the shape is restyled under the pointer.
    """
    clicked = (state or {}).get("last_clicked")
    if not clicked or shapes is None or not len(shapes):
        return None
    point = shapely.Point(clicked["lng"], clicked["lat"])
    hit = shapes[shapes.geometry.intersects(point)]
    return str(hit["code"].iloc[0]) if len(hit) else None
