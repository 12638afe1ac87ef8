"""Inovasi & Penghargaan: award series, grouping, cards, map markers, demo replications, and the
page in AppTest (filters, URL state, SKK 2024 winners on the map, a source link on every card)."""

from __future__ import annotations

import base64
import json
import re
import shutil

import duckdb
import numpy as np
import pandas as pd
import pytest
import shapely
from streamlit.testing.v1 import AppTest

from cettar import awards, cli, contracts, db, demo_innovation, geodata, mapdata, ui
from cettar.paths import FACTS, ROOT

FORUM_FOUR = {"Kabupaten Pacitan", "Kabupaten Trenggalek", "Kabupaten Bondowoso", "Kabupaten Lumajang"}
SKK_2024 = {"35.78.14": "Tandes", "35.07.01": "Donomulyo", "35.16.06": "Pungging"}
SKK_2024_ALL = set(SKK_2024) | {"35.77.01", "35.11.07", "35.24.20", "35.74.01"}


def query(path, name: str, **params) -> pd.DataFrame:
    with db.connect_readonly(path) as con:
        return db.execute(con, name, params)


@pytest.fixture(scope="module")
def cat(built_db) -> awards.Catalog:
    return awards.catalog(query(built_db, "awards/options"), "id")


def grouped_for(path, cat, **filters) -> pd.DataFrame:
    f = awards.Filters(**({"years": cat.years} | filters))
    return awards.group_awards(query(path, "awards/awards", **f.params(cat)))


# ----------------------------------------------------------------------------- unit


def test_every_shipped_award_belongs_to_a_known_series():
    names = pd.read_csv(FACTS / "awards_innovation_jatim_compiled.csv")["penghargaan"].unique()
    found = {name: awards.series_id(name) for name in names}
    assert not [n for n, s in found.items() if s.startswith("lain_")]
    assert {s for s in found.values()} == {"forum_inspirasi", "kipp_jatim", "kipp", "iga", "sp2k", "skk", "lppd"}
    # the two spellings of the SKK (Sinergitas 2023, Sinergisitas 2024) are one series
    assert {s for n, s in found.items() if "Kinerja Kecamatan" in n} == {"skk"}
    assert awards.series_id("Lomba Desa Wisata 2023") == awards.series_id("Lomba Desa Wisata 2024") == "lain_lomba_desa_wisata"
    assert awards.series_label("lain_lomba_desa_wisata", ["Lomba Desa Wisata 2023"], "id") == "Lomba Desa Wisata"


def test_url_values_are_parsed_against_allow_lists():
    assert awards.parse_years("2021-2023", 2019, 2025) == (2021, 2023)
    assert awards.parse_years("2021", 2019, 2025) == (2021, 2021)
    for bad in ("2023-2021", "2018-2020", "x", "2020-2021-2022"):
        with pytest.raises(ValueError):
            awards.parse_years(bad, 2019, 2025)
    assert awards.parse_list("skk,'; DROP TABLE award; --,iga,skk", ["iga", "skk"]) == ["skk", "iga"]
    with pytest.raises(ValueError):
        awards.Filters((2019, 2025), kompak="'; DROP TABLE award").params(awards.Catalog({}, {}, (2019, 2025), []))


def test_sources_split_into_links_and_text():
    parts = awards.source_parts("https://a.example/x ; https://www.b.example/y?p=1")
    assert parts == [("a.example", "https://a.example/x"), ("b.example", "https://www.b.example/y?p=1")]
    text = '(article "Lima Kecamatan Terbaik SP2K 2022"; URL not recorded)'
    assert awards.source_parts(text) == [(text, None)]


def test_one_award_to_one_recipient_is_one_card_with_every_innovation(built_db, cat):
    forum = grouped_for(built_db, cat, years=(2021, 2021), series=("forum_inspirasi",))
    assert len(forum) == 4 and set(forum["recipient_name"]) == FORUM_FOUR
    trenggalek = forum.set_index("recipient_name").loc["Kabupaten Trenggalek"]
    assert len(trenggalek["innovations"]) == 3
    assert [u for _, u in awards.source_parts(trenggalek["sources"])] == [
        "https://trenggalekkab.go.id/article/berita/dianggap-inovatif-dan-menginspirasi-bupati-trenggalek-dapat-penghargaan-dari-gubernur-jawa-timur",
        "https://prokopim.trenggalekkab.go.id/berita/september/2949-dianggap-sangat-inovatif-bupati-trenggalek-dapat-penghargaan-dari-gubernur-jatim",
    ]
    assert (forum["status"] == "compiled").all()
    board = awards.leaderboard(forum)  # one award each: a shared first rank, in code order
    assert board["name"].tolist() == ["Kabupaten Pacitan", "Kabupaten Trenggalek", "Kabupaten Lumajang", "Kabupaten Bondowoso"]
    assert board["rank"].tolist() == [1, 1, 1, 1] and board["kompak"].all()


def test_kompak_and_level_filters_in_sql(built_db, cat):
    kompak = grouped_for(built_db, cat, kompak="kompak")
    assert set(kompak["kabkota_code"]) == {"35.01", "35.03", "35.08", "35.11"}
    others = grouped_for(built_db, cat, kompak="non_kompak")
    assert not set(others["kabkota_code"]) & {"35.01", "35.03", "35.08", "35.11"} and others["kabkota_code"].notna().all()
    everything = grouped_for(built_db, cat)
    assert len(kompak) + len(others) + everything["kabkota_code"].isna().sum() == len(everything)
    kecamatan = grouped_for(built_db, cat, levels=("kecamatan",))
    assert (kecamatan["recipient_level"] == "kecamatan").all() and kecamatan["kecamatan_code"].notna().all()
    opd = grouped_for(built_db, cat, levels=("opd", "provinsi"))
    assert set(opd["recipient_level"]) == {"OPD provinsi", "provinsi"}
    assert set(grouped_for(built_db, cat, kabkota=("35.78",))["recipient_name"]) == {
        "Kota Surabaya", "Kecamatan Pabean Cantian, Kota Surabaya", "Kecamatan Tandes, Kota Surabaya"}


def test_card_links_every_url_and_says_when_none_was_recorded(built_db, cat):
    everything = grouped_for(built_db, cat)
    for _, row in everything.iterrows():
        card = awards.card_markdown(row, "id")
        for label, url in awards.source_parts(row["sources"]):
            if url:
                assert f"]({url})" in card
            else:
                assert "URL tidak tercatat" in card
    sp2k = everything[everything["series"] == "sp2k"].iloc[0]
    assert "URL tidak tercatat" in awards.card_markdown(sp2k, "id")
    assert "16 Nov 2022 – 25 Nov 2022" in awards.card_markdown(sp2k, "id")
    forum = everything[everything["series"] == "forum_inspirasi"].iloc[0]
    assert "23 September 2021" in awards.card_markdown(forum, "id")
    assert ":orange-badge[dihimpun]" in awards.card_markdown(forum, "id")
    assert ":orange-badge[compiled]" in awards.card_markdown(forum, "en")


def test_card_text_cannot_inject_markdown():
    row = pd.Series({"award_name": "Lomba *x* [klik](javascript:alert(1)) $x$ :red[y]", "recipient_name": "Kec. A", "rank_category": None,
                     "innovations": [], "replications": 0, "replication_status": None, "event_date": None, "event_date_text": None,
                     "year": 2024, "sources": "https://a.example/p(1)", "status": "official", "giver": "Dinas"})
    card = awards.card_markdown(row, "id")
    assert "[klik](" not in card and "\\[klik\\]\\(javascript" in card and "\\$x\\$" in card and "\\:red\\[y\\]" in card
    assert "(https://a.example/p%281%29)" in card


def test_count_classes_keep_zero_apart_from_no_data():
    index = awards.count_classes([0, 1, 2, 3, 4, 5, 9])
    assert index.tolist() == [0, 1, 2, 3, 3, 4, 4]
    legend = awards.count_legend(index, "id")
    assert [i.label for i in legend] == ["≥ 5", "3–4", "2", "1", "0"] and [i.count for i in legend] == [2, 2, 1, 1, 1]
    assert "#b0b0b0" not in awards.COUNT_COLOURS


def test_demo_replications_are_deterministic_and_plausible(built_db):
    innovations = query(built_db, "awards/innovations", kabkota_codes=None)
    kabkota = query(built_db, "awards/regions", map_level="kabkota", scope=None)
    first = demo_innovation.generate_replications(innovations, kabkota)
    assert first.equals(demo_innovation.generate_replications(innovations, kabkota))
    assert len(first) >= len(innovations)  # every named innovation is taken up at least once
    assert not first["innovation_name"].str.startswith("(").any()  # placeholders are not innovations
    assert (first["origin_region_code"] != first["adopting_region_code"]).all()
    stored = query(built_db, "awards/replications", year_from=1990, year_to=2100, kabkota_codes=None)
    assert len(stored) == len(first) and (stored["status"] == "demo").all()
    assert (stored["year"] <= demo_innovation.LAST_YEAR).all()


def test_replication_contract_catches_damage(fresh_db):
    with duckdb.connect(str(fresh_db)) as con:
        assert con.execute(open(ROOT / "queries/contracts/replication.sql").read()).fetchall() == []
        con.execute("INSERT INTO replication SELECT innovation_name, origin_region_code, adopting_region_code, year, NULL, NULL, 'demo' "
                    "FROM replication LIMIT 1")  # a duplicate
        con.execute("INSERT INTO replication VALUES ('Tidak Ada', '35.01', '35.03', 2022, NULL, NULL, 'demo')")
        con.execute("INSERT INTO replication VALUES ('Gayatri', '35.76', '35.76', 1980, NULL, NULL, 'nowhere')")
    problems = contracts.check(fresh_db)
    found = problems[problems["contract"] == "replication"]["problem"].tolist()
    assert any("duplicate" in p for p in found)
    assert any("Tidak Ada" in p and "not in the innovation registry" in p for p in found)
    assert any("cannot be replicated in the region where it started" in p for p in found)
    assert any("implausible year 1980" in p for p in found)
    assert any("source nowhere is not a data source" in p for p in found)


def test_representative_points_sit_inside_their_shapes(built_db):
    with db.connect_readonly(built_db) as con:
        tiles = mapdata.shapes(con, "kecamatan", None, "tiles")
    points = awards.representative_points(tiles)
    shapes = tiles.frame.set_index("code").geometry
    for row in points.itertuples():
        cell = shapes[row.code]
        assert cell.contains(shapely.Point(row.lon, row.lat))
        assert cell.centroid.distance(shapely.Point(row.lon, row.lat)) < 1e-9  # the centre of the cell


# ----------------------------------------------------------------------------- AppTest


def decode(values):
    """A plotly array from a chart's spec (numeric arrays arrive as base64 {dtype, bdata})."""
    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def chart(at, key_part: str) -> dict:
    found = [c for c in at.get("plotly_chart") if key_part in c.proto.id]
    assert found, f"no chart {key_part}"
    return json.loads(found[0].proto.spec) | {"config": json.loads(found[0].proto.config)}


def trace(spec: dict, name: str) -> dict:
    return next(d for d in spec["data"] if d.get("name") == name)


def cards(at) -> list[str]:
    return [m.value for m in at.markdown if "\nSumber: " in m.value or "\nSource: " in m.value]


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.fixture
def app(built_db, monkeypatch):
    monkeypatch.setenv("CETTAR_DB", str(built_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    return at.switch_page("pages/awards.py").run()


def test_page_renders_with_every_section(app):
    assert not app.exception
    assert app.title[0].value == "Inovasi & Penghargaan"
    heads = [h.value for h in app.subheader]
    for part in ("Linimasa", "Peta penghargaan", "Peringkat", "Kartu penghargaan", "Registri inovasi", "Replikasi"):
        assert any(part in h for h in heads), part
    assert metrics(app)["Penghargaan"] == "62"  # 64 rows: Trenggalek's three innovations are one award
    assert chart(app, "pg_map_")["config"]["topojsonURL"] == "/app/static/vendor/topojson/"
    assert chart(app, "pg_flow_")["config"]["topojsonURL"] == "/app/static/vendor/topojson/"


def test_forum_inspirasi_2021_gives_exactly_the_four_kabupaten(app):
    app.multiselect(key="pg_jenis").set_value(["forum_inspirasi"])
    app.slider(key="pg_tahun").set_value((2021, 2021)).run()
    assert not app.exception
    board = next(d.value for d in app.dataframe if "Peringkat" in d.value.columns)
    assert set(board["Kab/kota"]) == FORUM_FOUR and len(board) == 4
    assert (board["Program"] == "KOMPAK").all()
    assert metrics(app)["Penerima"] == "4" and metrics(app)["Penghargaan"] == "4"
    shown = cards(app)
    assert len(shown) == 4
    assert {n for n in FORUM_FOUR if any(n in c for c in shown)} == FORUM_FOUR
    assert all("23 September 2021" in c for c in shown)
    assert app.query_params["pg_jenis"] == "forum_inspirasi" and app.query_params["pg_tahun"] == "2021-2021"
    # the kab/kota map counts them: four tiles of class 1 or more, the rest zero
    app.radio(key="pg_peta").set_value("kabkota").run()
    choropleth = trace(chart(app, "pg_map_kabkota"), "data")
    z = dict(zip(choropleth["locations"], decode(choropleth["z"])))
    assert {code for code, cls in z.items() if cls > 0} == {"35.01", "35.03", "35.08", "35.11"}


def test_view_reopens_from_its_url(built_db, monkeypatch):
    monkeypatch.setenv("CETTAR_DB", str(built_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update({"pg_jenis": "skk,nonsense", "pg_tahun": "2024-2024", "pg_kompak": "non_kompak", "pg_peta": "kabkota"})
    at.run()
    at.switch_page("pages/awards.py").run()
    assert not at.exception
    assert at.multiselect(key="pg_jenis").value == ["skk"]
    assert at.slider(key="pg_tahun").value == (2024, 2024)
    assert at.radio(key="pg_kompak").value == "non_kompak" and at.radio(key="pg_peta").value == "kabkota"
    assert metrics(at)["Penghargaan"] == "6"  # SKK 2024 without Curahdami (Bondowoso is KOMPAK)


def test_skk_2024_winners_are_stars_on_their_kecamatan(app, built_db):
    app.multiselect(key="pg_jenis").set_value(["skk"])
    app.slider(key="pg_tahun").set_value((2024, 2024)).run()
    assert not app.exception
    assert app.radio(key="pg_peta").value == "kecamatan"
    stars = trace(chart(app, "pg_map_kecamatan"), "winners")
    codes = [c[0] for c in stars["customdata"]]
    assert set(codes) == SKK_2024_ALL
    with db.connect_readonly(built_db) as con:
        cells = mapdata.shapes(con, "kecamatan", None, "tiles").frame.set_index("code")
    for code, lon, lat in zip(codes, decode(stars["lon"]), decode(stars["lat"])):
        assert cells.geometry[code].contains(shapely.Point(lon, lat)), code
    named = dict(zip(codes, stars["text"]))
    assert {code: named[code] for code in SKK_2024} == SKK_2024
    assert "Juara 1" in dict(zip(codes, stars["hovertext"]))["35.78.14"]
    # on the kab/kota map the stars stay where their kecamatan are
    app.radio(key="pg_peta").set_value("kabkota").run()
    assert set(c[0] for c in trace(chart(app, "pg_map_kabkota"), "winners")["customdata"]) == SKK_2024_ALL


def test_every_card_links_its_source(app, built_db):
    everything = query(built_db, "awards/awards", **awards.Filters((1990, 2100)).params(awards.catalog(query(built_db, "awards/options"), "id")))
    urls = {u for s in everything["source_url"] for _, u in awards.source_parts(s) if u}
    seen, linked, total = set(), set(), 0
    for page in range(1, len(app.selectbox(key="pg_halaman").options) + 1):
        app.selectbox(key="pg_halaman").set_value(page).run()
        assert not app.exception
        for card in cards(app):
            total += 1
            links = re.findall(r"\]\((https?://[^)]+)\)", card)
            assert links or "URL tidak tercatat" in card, card
            linked |= set(links)
            seen.add(card)
    assert total == len(seen) == 62
    assert linked == urls


def test_filters_change_what_is_shown(app):
    before = metrics(app)
    app.radio(key="pg_kompak").set_value("kompak").run()
    kompak = metrics(app)
    assert kompak["Kab/kota"] == "4" and int(kompak["Penghargaan"]) < int(before["Penghargaan"])
    assert app.query_params["pg_kompak"] == "kompak"
    app.radio(key="pg_kompak").set_value("all")
    app.multiselect(key="pg_tingkat").set_value(["kecamatan"]).run()
    assert metrics(app)["Penghargaan"] == metrics(app)["Kecamatan pemenang"] == "19"
    app.multiselect(key="pg_tingkat").set_value([])
    app.multiselect(key="pg_wilayah").set_value(["35.07"]).run()
    assert not app.exception
    board = next(d.value for d in app.dataframe if "Peringkat" in d.value.columns)
    assert board["Kab/kota"].tolist() == ["Kabupaten Malang"]
    # one kab/kota chosen: the kecamatan map shows its kecamatan only, with its two winners
    choropleth = trace(chart(app, "pg_map_kecamatan_tiles_35.07"), "data")
    assert all(code.startswith("35.07.") for code in choropleth["locations"]) and len(choropleth["locations"]) == 33
    assert {c[0] for c in trace(chart(app, "pg_map_kecamatan_tiles_35.07"), "winners")["customdata"]} == {"35.07.01", "35.07.32"}


def test_shared_area_filter_narrows_the_page(app):
    app.sidebar.selectbox(key="wilayah").set_value("35.03").run()
    assert not app.exception
    board = next(d.value for d in app.dataframe if "Peringkat" in d.value.columns)
    assert board["Kab/kota"].tolist() == ["Kabupaten Trenggalek"]
    assert any("Kabupaten Trenggalek" in c.value and "sidebar" in c.value for c in app.caption)
    registry = next(d.value for d in app.dataframe if "Bidang layanan" in d.value.columns)
    assert set(registry["Wilayah asal"]) == {"Kabupaten Trenggalek"}


def test_replication_demo_is_labelled_everywhere(app):
    assert any("Replikasi" in h.value and "DATA DEMO" in h.value for h in app.subheader)
    assert any("DATA DEMO" in w.value and "replikasi" in w.value.lower() for w in app.warning)
    table = next(d.value for d in app.dataframe if "Direplikasi oleh" in d.value.columns)
    assert len(table) > 0 and (table["Status data"] == "demo").all()
    csv = ui.safe_csv(table).decode("utf-8-sig").splitlines()
    assert "Status data" in csv[0] and all(line.split(",")[-1] in ("demo", "") or ",demo" in line for line in csv[1:])
    assert "DATA DEMO" in chart(app, "pg_flow_")["layout"]["title"]["text"]
    flows = trace(chart(app, "pg_flow_"), "flows")
    assert sum(v is None for v in flows["lon"]) == len(table)  # one line per replication
    registry = next(d.value for d in app.dataframe if "Bidang layanan" in d.value.columns)
    assert registry["Replikasi"].str.endswith("(demo)").any()


def test_english_page(app):
    at = app.sidebar.segmented_control(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Innovation & Awards"
    assert any("DEMO DATA" in h.value for h in at.subheader)
    assert any("\nSource: [" in c for c in cards(at))


# ----------------------------------------------------------------------------- real boundaries


@pytest.fixture(scope="module")
def with_boundaries(built_db, shared, tmp_path_factory):
    """The built database with the shared kab/kota and kecamatan boundaries imported."""
    folder = tmp_path_factory.mktemp("awards_geo")
    path = folder / built_db.name
    shutil.copyfile(built_db, path)
    for level in ("kabkota", "kecamatan"):
        assert cli.main(["--db", str(path), "geodata", "import", str(shared / "geodata" / f"jatim_{level}.geojson"), "--level", level]) == 0
    return path


@pytest.mark.shared
def test_skk_2024_winners_on_the_real_boundaries(with_boundaries, monkeypatch):
    monkeypatch.setenv("CETTAR_DB", str(with_boundaries))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update({"pg_jenis": "skk", "pg_tahun": "2024-2024"})
    at.run()
    at.switch_page("pages/awards.py").run()
    assert not at.exception
    assert at.radio(key="pg_tampilan").value == "geo"
    stars = trace(chart(at, "pg_map_kecamatan_geo"), "winners")
    with db.connect_readonly(with_boundaries) as con:
        shapes = geodata.load_boundaries(con, "kecamatan", display=True).set_index("code")
    for code, lon, lat in zip([c[0] for c in stars["customdata"]], decode(stars["lon"]), decode(stars["lat"])):
        assert shapes.geometry[code].contains(shapely.Point(lon, lat)), code
    assert SKK_2024.keys() <= {c[0] for c in stars["customdata"]}
    # Tandes lies in the west of Surabaya, Donomulyo on Malang's south coast, Pungging in Mojokerto
    where = {c[0]: (lon, lat) for c, lon, lat in zip(stars["customdata"], decode(stars["lon"]), decode(stars["lat"]))}
    assert 112.6 < where["35.78.14"][0] < 112.72 and -7.3 < where["35.78.14"][1] < -7.2
    assert where["35.07.01"][1] < -8.2
    assert 112.5 < where["35.16.06"][0] < 112.7 and -7.6 < where["35.16.06"][1] < -7.4
    at.radio(key="pg_tampilan").set_value("tiles").run()
    assert not at.exception and trace(chart(at, "pg_map_kecamatan_tiles"), "winners")
