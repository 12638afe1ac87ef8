"""The map page's Streamlit-free core: classes, colours, legends, tooltips, shapes, hot spots."""

from __future__ import annotations

import duckdb
import geopandas as gpd
import numpy as np
import pandas as pd
import plotly.io as pio
import pytest
import shapely

from cettar import db, hotspots, mapdata, maps, mapview, profile, schematic

RED, BLUE = "#d7191c", "#2c7bb6"  # the worst and best ends of RdYlBu with 4 or 5 classes


# ----------------------------------------------------------------------------- classification


def test_equal_interval_by_hand():
    bins, index = maps.classify([0, 10, 20, 30, 40], "equal_interval", k=4)
    assert bins == [10, 20, 30, 40]
    assert index.tolist() == [0, 0, 1, 2, 3]  # an upper bound belongs to its class


def test_quantiles_by_hand():
    bins, index = maps.classify([1, 2, 3, 4, 5, 6, 7, 8], "quantiles", k=4)
    assert bins == pytest.approx([2.75, 4.5, 6.25, 8])
    assert index.tolist() == [0, 0, 1, 1, 2, 2, 3, 3]


def test_natural_breaks_find_the_gaps():
    bins, index = maps.classify([1, 2, 3, 10, 11, 12, 20, 21, 22], "natural_breaks", k=3)
    assert bins == [3, 12, 22]
    assert index.tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2]


def test_manual_breaks_add_a_last_class_up_to_the_maximum():
    bins, index = maps.classify([1, 5, 6, 12], "manual", breaks=[5, 10])
    assert bins == [5, 10, 12]
    assert index.tolist() == [0, 0, 1, 2]


def test_missing_values_are_class_minus_one_and_few_values_give_few_classes():
    bins, index = maps.classify([1, np.nan, 1, 2], "quantiles", k=5)
    assert len(bins) == 2
    assert index.tolist() == [0, -1, 0, 1]
    assert maps.classify([np.nan, np.nan], "quantiles")[1].tolist() == [-1, -1]


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError):
        maps.classify([1, 2, 3], "'; DROP TABLE region; --")


@pytest.mark.parametrize(("text", "expected"), [("40; 55,5; 70", [40, 55.5, 70]), ("1 2.5 3", [1, 2.5, 3]), ("-1;0", [-1, 0])])
def test_manual_breaks_parse_indonesian_and_english_decimals(text, expected):
    assert maps.parse_breaks(text) == expected


@pytest.mark.parametrize("text", ["", "70; 40", "1; 1", "abc", "1;2;3;4;5;6;7;8;9", "inf"])
def test_bad_manual_breaks_are_refused(text):
    with pytest.raises(ValueError):
        maps.parse_breaks(text)


def test_status_classes_follow_the_official_thresholds():
    thresholds = "0.4907:Sangat Tertinggal|0.5989:Tertinggal|0.7072:Berkembang|0.8155:Maju|1:Mandiri"
    classes = maps.status_classes([0.45, 0.4907, 0.55, 0.65, 0.75, 0.85, np.nan], thresholds, "higher_is_better", "id", 4)
    assert classes.index.tolist() == [0, 0, 1, 2, 3, 4, -1]  # IDM <= 0.4907 is Sangat Tertinggal
    assert classes.labels[4].startswith("Mandiri") and "0,8155" in classes.labels[4]
    assert classes.counts == [2, 1, 1, 1, 1] and classes.no_data == 1
    assert classes.colours[0] == RED and classes.colours[-1] == BLUE


# ----------------------------------------------------------------------------- colours and legend


def test_worse_is_warmer_whatever_the_direction():
    assert maps.palette(5, "higher_is_better")[0] == RED  # low values are the bad end
    assert maps.palette(5, "lower_is_better")[0] == BLUE  # low values are the good end
    values = [10, 20, 30, 40, 50]
    up = maps.numeric_classes(values, "quantiles", 5, "higher_is_better", "id", 0)
    down = maps.numeric_classes(values, "quantiles", 5, "lower_is_better", "id", 0)
    assert up.colours[up.index[0]] == RED and up.colours[up.index[-1]] == BLUE
    assert down.colours[down.index[0]] == BLUE and down.colours[down.index[-1]] == RED


def test_palettes_are_the_colour_blind_safe_rdylbu_and_no_data_is_none_of_them():
    for k in range(1, 10):
        assert len(maps.palette(k, "higher_is_better")) == k
        assert maps.NO_DATA not in maps.palette(k, "higher_is_better")


def test_legend_counts_every_region_including_no_data():
    classes = maps.numeric_classes([1, 2, 3, 4, np.nan, np.nan], "equal_interval", 3, "higher_is_better", "id", 1)
    items = maps.legend(classes, "id")
    assert items[-1].label == "Tidak ada data" and items[-1].count == 2 and items[-1].colour == maps.NO_DATA
    assert sum(i.count for i in items) == 6
    assert items[0].label.endswith("4,0")  # highest class first, Indonesian decimals
    html = maps.legend_html(items, "Layanan (%)", "id")
    assert "Tidak ada data" in html and maps.NO_DATA in html and "<script" not in html
    assert maps.legend(classes, "en")[-1].label == "No data"


def test_category_legend_keeps_its_order():
    classes = maps.category_classes(pd.Series(["HH", "ns", "", "LL"]), ["HH", "LL", "ns"], ["#a", "#b", "#c"], ["hh", "ll", "ns"])
    assert [i.label for i in maps.legend(classes, "en")] == ["hh", "ll", "ns", "No data"]
    assert [i.count for i in maps.legend(classes, "en")] == [1, 1, 1, 1]


# ----------------------------------------------------------------------------- tooltips


META = {"unit": "%", "decimals": 1, "value_type": "numeric", "direction": "higher_is_better", "name_id": "Layanan", "name_en": "Services"}


def frame(status: str) -> pd.DataFrame:
    return pd.DataFrame({
        "code": ["35.01.01", "35.01.02", "35.01.03"], "name": ["Donorojo", "Pringkuku", "Punung"],
        "value": [1234.5, 50.0, np.nan], "rank": [1.0, 2.0, np.nan], "status": [status, status, None],
        "source_title_id": ["Sumber A", "Sumber A", None], "source_title_en": ["Source A", "Source A", None],
    })


def test_tooltip_has_name_value_in_indonesian_format_unit_rank_period_source_and_demo():
    tips = maps.tooltip_html(maps.tooltip_parts(frame("demo"), META, "2024", "id"))
    assert tips[0] == "<b>Donorojo</b><br>1.234,5 %<br>Peringkat 1 dari 2<br>Periode 2024<br>Sumber: Sumber A · DEMO, bukan data resmi"
    assert "demo" in tips[1].lower()
    assert "Tidak ada data" in tips[2] and "Peringkat" not in tips[2] and "DEMO" not in tips[2]
    english = maps.tooltip_html(maps.tooltip_parts(frame("demo"), META, "2024", "en"))
    assert english[0] == "<b>Donorojo</b><br>1,234.5 %<br>Rank 1 of 2<br>Period 2024<br>Source: Source A · DEMO, not official data"


def test_official_values_do_not_say_demo():
    tips = maps.tooltip_html(maps.tooltip_parts(frame("official"), META, "2024", "id"))
    assert not any("demo" in t.lower() for t in tips)


def test_ranks_follow_the_direction():
    values = pd.Series([3.0, 1.0, np.nan, 2.0])
    assert maps.ranks(values, "higher_is_better").tolist()[:2] == [1, 3]
    assert maps.ranks(values, "lower_is_better").tolist()[:2] == [3, 1]


# ----------------------------------------------------------------------------- shapes and figures


def squares(n: int, size: float = 1.0) -> gpd.GeoDataFrame:
    """An n x n grid of unit squares, codes g00 .. g(n-1)(n-1) (row, col)."""
    rows = [{"code": f"g{r}{c}", "name": f"cell {r},{c}", "geometry": shapely.box(c * size, -r * size - size, c * size + size, -r * size)}
            for r in range(n) for c in range(n)]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def test_geojson_is_compact_rounded_and_clockwise_for_d3():
    gdf = gpd.GeoDataFrame({"code": ["a"], "name": ["A"]}, geometry=[shapely.box(112.123456, -7.654321, 112.5, -7.2)], crs="EPSG:4326")
    data = maps.to_geojson(gdf, 4)
    feature = data["features"][0]
    assert feature["id"] == "a" and "properties" not in feature
    ring = feature["geometry"]["coordinates"][0]
    assert [112.1235, -7.6543] in ring
    assert not shapely.is_ccw(shapely.LinearRing(ring))  # d3 would fill the whole globe otherwise


def test_plotly_map_sends_each_shape_once_and_carries_codes():
    gdf = squares(2)
    codes = gdf["code"].tolist()
    index = np.array([0, 1, -1, 1])
    parts = maps.tooltip_parts(pd.DataFrame({"code": codes, "name": gdf["name"], "value": [1, 2, np.nan, 3], "rank": [3, 2, np.nan, 1],
                                             "status": "demo", "source_title_id": "Demo", "source_title_en": "Demo"}), META, "2024", "id")
    fig = maps.plotly_map(maps.to_geojson(gdf), codes, index, ["#f00", "#00f"], parts, selected="g01")
    spec = fig.to_dict()  # what st.plotly_chart serialises
    choropleths = [t for t in spec["data"] if t["type"] == "choropleth" and t["name"] != "selected"]
    sent = [f["id"] for t in choropleths for f in t["geojson"]["features"]]
    assert sorted(sent) == sorted(codes)  # data and no-data traces each carry only their shapes
    assert all(t["customdata"][i][0] == loc for t in choropleths for i, loc in enumerate(t["locations"]))
    data_trace = next(t for t in choropleths if t["name"] == "data")
    assert "Periode 2024" in data_trace["hovertemplate"] and "DEMO" in data_trace["hovertemplate"]
    selected = [t for t in spec["data"] if t["name"] == "selected"]
    assert len(selected) == 1 and [f["id"] for f in selected[0]["geojson"]["features"]] == ["g01"]
    assert '"geojson"' in pio.to_json(fig, validate=False)
    selection = {"points": [{"curve_number": 0, "customdata": ["g11", "cell"], "location": "g11"}]}
    assert maps.code_from_selection(selection) == "g11"
    assert maps.code_from_selection({"points": []}) is None


def test_folium_map_loads_nothing_from_a_cdn():
    gdf = squares(3)
    m = maps.folium_map(gdf, gdf["code"], np.arange(9) % 3, ["#f00", "#ff0", "#00f"], [f"<b>{c}</b>" for c in gdf["code"]])
    html = maps.folium_html(m)
    assert maps.outside_urls(html) == []
    assert maps.LEAFLET + "leaflet.js" in html and maps.LEAFLET + "leaflet.css" in html
    for element in [m, *m._children.values()]:
        for _, url in getattr(element, "default_js", []) + getattr(element, "default_css", []):
            assert url.startswith("/app/static/vendor/"), url
    with_tiles = maps.folium_html(maps.folium_map(gdf, gdf["code"], np.zeros(9, int), ["#f00"], [""] * 9, basemap=True))
    assert [u for u in maps.outside_urls(with_tiles) if "openstreetmap" not in u] == []  # only the optional basemap


def test_outside_urls_finds_cdns():
    assert maps.outside_urls('<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js">') == ["https://cdn.jsdelivr.net/"]
    assert maps.outside_urls('<link href="//code.jquery.com/x.css">') == ["//code.jquery.com/"]
    assert maps.outside_urls('<script src="/app/static/vendor/leaflet/leaflet.js">') == []


def test_folium_click_is_looked_up_in_the_shapes():
    gdf = squares(2)
    assert maps.code_from_folium({"last_clicked": {"lat": -0.5, "lng": 1.5}}, gdf) == "g01"
    assert maps.code_from_folium({"last_clicked": {"lat": 5, "lng": 5}}, gdf) is None
    assert maps.code_from_folium({"last_clicked": None}, gdf) is None


def test_far_islands_go_to_insets():
    main = [shapely.box(0, 0, 4, 2), shapely.box(4, 0, 8, 2)]
    island = shapely.box(3, 5, 3.4, 5.3)  # far north: would more than double the view's height
    speck = shapely.box(8.3, 1, 8.31, 1.01)  # near the main body: stays
    gdf = gpd.GeoDataFrame({"code": ["a", "b", "c"], "name": ["A", "B", "C"]},
                           geometry=[main[0], shapely.MultiPolygon([main[1].exterior.coords and main[1], speck]), island], crs="EPSG:4326")
    bounds, boxes, main_codes = mapdata.insets(gdf)
    assert main_codes == ["a", "b"]
    assert len(boxes) == 1 and boxes[0].codes == ["c"] and boxes[0].title == "C"
    assert bounds[3] == pytest.approx(2)  # the main view stops at the coast


# ----------------------------------------------------------------------------- schematic


def test_schematic_layout_covers_the_38_kabkota_once(built_db):
    layout = schematic.read_layout()
    with duckdb.connect(str(built_db), read_only=True) as con:
        official = set(db.execute(con, "map/regions", {"level": "kabkota", "scope": None})["code"])
    assert set(layout["code"]) == official and len(layout) == 38
    assert not layout[["col", "row"]].duplicated().any()


def test_schematic_has_38_tiles_and_666_equal_cells_inside_them(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        kab = db.execute(con, "map/regions", {"level": "kabkota", "scope": None})
        kec = db.execute(con, "map/regions", {"level": "kecamatan", "scope": None})
    tiles, cells = schematic.province(kab, kec)
    assert len(tiles) == 38 and len(cells) == 666
    assert set(cells["code"]) == set(kec["code"])
    for tile in tiles.itertuples():
        mine = cells[cells["parent_code"] == tile.code]
        assert shapely.covers(tile.geometry, shapely.union_all(mine.geometry.to_numpy()))
        areas = shapely.area(mine.geometry.to_numpy())
        assert np.allclose(areas, areas[0], rtol=1e-3)  # equal cells within a tile
    assert shapely.union_all(cells.geometry.to_numpy()).area == pytest.approx(shapely.area(cells.geometry.to_numpy()).sum())  # no overlaps
    # Kota Batu (3 kecamatan) gets a tile as large as Kabupaten Malang (33): equal visual weight
    area = pd.Series(shapely.area(tiles.geometry.to_numpy()), index=tiles["code"])
    assert area["35.79"] == pytest.approx(area["35.07"])


def test_schematic_view_without_boundaries_on_the_fixture(fixture_db):
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        assert mapdata.boundary_counts(con) == {"desa": 0, "kabkota": 0, "kecamatan": 0}
        view = mapdata.shapes(con, "kecamatan", None, "tiles")
        desa = mapdata.shapes(con, "desa", "35.01", "tiles")
    assert view.kind == "tiles" and sorted(view.frame["code"]) == ["35.01.01", "35.01.02", "35.03.03", "35.78.14"]
    assert len(view.geojson["features"]) == 4
    assert sorted(desa.frame["code"]) == ["35.01.01.2001", "35.01.01.2002", "35.01.02.2001"]


# ----------------------------------------------------------------------------- hot spots


def test_queen_weights_on_a_grid_and_islands_are_linked():
    w, islands = hotspots.weights(squares(3))
    assert islands == 0
    assert len(w.neighbors["g11"]) == 8 and len(w.neighbors["g00"]) == 3
    far = pd.concat([squares(2), gpd.GeoDataFrame({"code": ["x"], "name": ["x"]}, geometry=[shapely.box(10, 10, 11, 11)], crs="EPSG:4326")])
    w, islands = hotspots.weights(far.reset_index(drop=True))
    assert islands == 1 and len(w.neighbors["x"]) == 1


def test_local_moran_finds_a_planted_cluster():
    grid = squares(8)
    rng = np.random.default_rng(7)
    values = pd.Series(rng.uniform(0, 1, len(grid)), index=grid["code"])
    planted = [f"g{r}{c}" for r in range(3) for c in range(3)]  # a 3 x 3 block in the top-left corner
    values[planted] = 10 + rng.uniform(0, 1, len(planted))
    result = hotspots.local_moran(values, grid, permutations=199)
    table = result.table.set_index("code")
    assert result.permutations == 199 and result.alpha == hotspots.ALPHA and result.n == 64 and not result.reason
    high_high = set(table.index[table["cluster"] == "HH"])
    assert "g11" in high_high and len(high_high & set(planted)) >= 6
    assert high_high <= set(planted)  # nothing outside the block is a high-high cluster
    again = hotspots.local_moran(values, grid, permutations=199).table
    assert again["p"].tolist() == result.table["p"].tolist()  # fixed seed: the same map every run


def test_local_moran_needs_enough_regions_with_values():
    grid = squares(2)
    result = hotspots.local_moran(pd.Series([1.0, 2.0, 3.0, 4.0], index=grid["code"]), grid)
    assert result.reason == "too_few" and result.table.empty
    grid = squares(3)
    assert hotspots.local_moran(pd.Series(1.0, index=grid["code"]), grid).reason == "constant"


def test_cluster_meaning_and_colours_follow_the_direction():
    assert hotspots.meaning("HH", "higher_is_better") == "good" and hotspots.meaning("HH", "lower_is_better") == "poor"
    assert hotspots.colours("higher_is_better")["LL"] == RED and hotspots.colours("lower_is_better")["LL"] == BLUE


# ----------------------------------------------------------------------------- values, views, clicks


def test_values_roll_kecamatan_up_to_kabkota_by_the_catalog_rule(fixture_db):
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        kec = db.execute(con, "map/values", {"level": "kecamatan", "indicator": None, "period": "2024", "scope": "35.01"})
        kab = db.execute(con, "map/values", {"level": "kabkota", "indicator": None, "period": "2024", "scope": None})
        catalog = db.execute(con, "map/indicators")
    rule = catalog.set_index("indicator_id")["aggregation"]
    stored = kec[(kec["method"] == "stored") & kec["indicator_id"].map(rule).isin(["mean", "sum", "max"])]
    assert stored["indicator_id"].nunique() >= 10
    never = kec.loc[kec["indicator_id"].map(rule) == "none", "indicator_id"]
    assert not kab["indicator_id"].isin(never).any()  # a share is never averaged
    for indicator, group in stored.groupby("indicator_id"):
        row = kab[(kab["indicator_id"] == indicator) & (kab["code"] == "35.01")].iloc[0]
        expected = {"mean": group["value"].mean(), "sum": group["value"].sum(), "max": group["value"].max()}[rule[indicator]]
        assert row["value"] == pytest.approx(expected)
        assert row["method"] == rule[indicator] and row["n_values"] == len(group) and row["n_units"] == 2
    assert "36.01" not in set(kab["code"])  # another province never appears


def test_view_counts_no_data_and_says_demo(fixture_db):
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        catalog = db.execute(con, "map/indicators").set_index("indicator_id")
        regions = db.execute(con, "map/regions", {"level": "kecamatan", "scope": None})
        values = db.execute(con, "map/values", {"level": "kecamatan", "indicator": "layanan_daring", "period": "2024", "scope": None})
    meta = catalog.loc["layanan_daring"].to_dict()
    v = mapview.build(meta, regions, values.iloc[1:], level="kecamatan", period="2024", lang="id", k=3)
    assert v.legend[-1].count == 1 and sum(i.count for i in v.legend) == len(regions)
    assert any("DEMO" in n for n in v.notes)
    assert all("demo" in s.lower() for s in v.parts["source"] if s)


def test_a_click_drills_down_from_the_province_and_opens_profiles_below():
    assert mapview.click_updates("35.01", "kabkota", None) == {"wilayah": "35.01", "tingkat": "kecamatan", "pilih": "35.01", "_map_back_level": "kabkota"}
    assert mapview.click_updates("35.01.01", "kecamatan", "35.01") == {"pilih": "35.01.01"}
    assert mapview.click_updates(None, "kabkota", None) == {}
    back = mapview.back_updates({"_map_back_level": "kabkota", "tingkat": "kecamatan"})
    assert back["wilayah"] == "" and back["tingkat"] == "kabkota" and back["pilih"] == ""


def test_profile_compares_with_medians_by_direction():
    assert profile.compare(5, 3, "higher_is_better") == "better" and profile.compare(5, 3, "lower_is_better") == "worse"
    assert profile.compare(np.nan, 3, "higher_is_better") == ""
