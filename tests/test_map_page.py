"""The Peta Kinerja page without a browser (AppTest): it is the default page, and its widgets,
drill-down, profile and URL state work, with and without imported boundaries."""

from __future__ import annotations

import json
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from cettar import cli, maps, publish
from cettar.paths import ROOT

PAYLOAD_LIMIT = 300_000  # bytes of the kecamatan map of the whole province, per render


@pytest.fixture(scope="session")
def geo_db(built_db, shared, tmp_path_factory):
    """A copy of the built database with the real kab/kota and kecamatan boundaries imported
    by the boundary importer's own command."""
    path = tmp_path_factory.mktemp("geo") / "cettar.duckdb"
    shutil.copyfile(built_db, path)
    for level in ("kabkota", "kecamatan"):
        source = shared / "geodata" / f"jatim_{level}.geojson"
        assert cli.main(["--db", str(path), "geodata", "import", str(source), "--level", level]) == 0
    return path


def app_on(db, monkeypatch) -> AppTest:
    monkeypatch.setenv("CETTAR_DB", str(db))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)


@pytest.fixture
def app(built_db, monkeypatch):
    return app_on(built_db, monkeypatch)


def figure(at) -> dict:
    charts = at.get("plotly_chart")
    assert charts, "no plotly chart on the page"
    return json.loads(charts[0].proto.spec)


def locations(at) -> list[str]:
    return [loc for t in figure(at)["data"] if t["type"] == "choropleth" and t.get("name") != "selected" for loc in t["locations"]]


def legend(at) -> str:
    return next(m.value for m in at.markdown if "cettar-legend" in m.value)


def test_map_is_the_default_page_and_renders(app):
    app.run()
    assert not app.exception
    assert app.title[0].value == "Peta Kinerja"
    assert len(locations(app)) == 666
    assert "Tidak ada data" in legend(app)
    assert any("DEMO" in c.value for c in app.caption)


def test_without_boundaries_the_tile_map_says_so_and_names_the_command(app):
    app.run()
    notice = next(i.value for i in app.info if "skematis" in i.value)
    assert "cettar geodata download" in notice and "cettar geodata import" in notice
    assert sorted(locations(app)) == sorted(set(locations(app)))  # 666 distinct cells


def test_changing_the_indicator_changes_the_map_and_the_url(app):
    app.run()
    before = legend(app), figure(app)["data"][0]["z"]
    app.selectbox(key="indikator").set_value("waktu_layanan_paten").run()
    assert not app.exception
    assert "PATEN" in legend(app)
    assert (legend(app), figure(app)["data"][0]["z"]) != before
    assert app.query_params["indikator"] == "waktu_layanan_paten"


def test_changing_the_year_changes_the_values(app):
    app.run()
    before = figure(app)["data"][0]["customdata"]
    app.sidebar.selectbox(key="tahun").set_value("2019").run()
    assert not app.exception
    assert figure(app)["data"][0]["customdata"] != before
    assert "Periode 2019" in figure(app)["data"][0]["hovertemplate"]


def test_kabkota_level_aggregates_in_sql_and_drill_down_and_back(app):
    app.run()
    app.radio(key="tingkat").set_value("kabkota").run()
    assert len(locations(app)) == 38
    assert any("rata-rata" in c.value and "kecamatan" in c.value for c in app.caption)  # how kab/kota values were made
    app.sidebar.selectbox(key="wilayah").set_value("35.01").run()  # what a click on Pacitan sets ...
    app.radio(key="tingkat").set_value("kecamatan").run()  # ... together with the kecamatan level
    assert len(locations(app)) == 12  # Pacitan's kecamatan
    app.button(key="map_back").click().run()
    assert not app.exception
    assert app.sidebar.selectbox(key="wilayah").value == ""
    assert len(locations(app)) == 666


def test_classification_choices(app):
    app.run()
    app.selectbox(key="klasifikasi").set_value("equal_interval").run()
    app.slider(key="kelas").set_value(3).run()
    assert legend(app).count("</span></div>") == 4  # 3 classes + no data
    app.selectbox(key="klasifikasi").set_value("manual").run()
    app.text_input(key="batas").input("60; 70,5; 80").run()
    assert not app.exception
    assert "70,5" in legend(app)
    app.text_input(key="batas").input("80; 60").run()
    assert any("tidak terbaca" in w.value for w in app.warning)
    assert app.query_params["klasifikasi"] == "manual"


def test_profile_of_a_kecamatan(app):
    app.run()
    app.selectbox(key="pilih").set_value("35.01.04").run()
    assert not app.exception
    assert any(h.value == "Profil: Pacitan" for h in app.header)
    labels = {m.label for m in app.metric}
    assert {"Peringkat di provinsi", "Peringkat di kab/kota"} <= labels
    table = app.dataframe[0].value
    assert {"Indikator", "Median kab/kota", "Median provinsi"} <= set(table.columns)
    assert len(table) >= 19 and (table["Data"] == "demo").any()
    assert any("Riwayat PPKM Kabupaten Pacitan" in s.value for s in app.subheader)
    assert app.query_params["pilih"] == "35.01.04"
    assert len(app.get("plotly_chart")) >= 3  # map, trend, PPKM history


def test_profile_of_a_kabkota_shows_its_awards_and_offers_its_kecamatan(app):
    app.run()
    app.radio(key="tingkat").set_value("kabkota").run()
    app.selectbox(key="pilih").set_value("35.03").run()  # Trenggalek: CETTAR award 2021
    assert any(h.value == "Profil: Kabupaten Trenggalek" for h in app.header)
    awards = app.dataframe[1].value
    assert (awards["Tahun"] == "2021").any()
    app.button(key="map_drill").click().run()
    assert not app.exception
    assert app.sidebar.selectbox(key="wilayah").value == "35.03"
    assert len(locations(app)) == 14


def test_hot_spots_state_permutations_and_significance(app):
    app.run()
    app.radio(key="lapisan").set_value("hotspots").run()
    assert not app.exception
    caption = next(c.value for c in app.caption if "Moran" in c.value)
    assert "999 permutasi" in caption and "α = 0,05" in caption and "petak" in caption
    assert "Tinggi dikelilingi tinggi" in legend(app)


def test_view_reopens_from_its_url(app):
    for key, value in {"lang": "en", "indikator": "kepuasan_masyarakat", "tingkat": "kabkota", "klasifikasi": "natural_breaks",
                       "kelas": "4", "peta": "plotly", "pilih": "35.78", "tahun": "2022"}.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception
    assert app.title[0].value == "Performance Map"
    assert app.selectbox(key="indikator").value == "kepuasan_masyarakat"
    assert app.radio(key="tingkat").value == "kabkota" and app.selectbox(key="klasifikasi").value == "natural_breaks"
    assert any(h.value == "Profile: Kota Surabaya" for h in app.header)
    assert legend(app).count("</span></div>") == 5  # 4 classes + no data


def test_bad_url_values_are_ignored(app):
    app.query_params["indikator"] = "'; DROP TABLE indicator; --"
    app.query_params["tingkat"] = "provinsi"
    app.query_params["kelas"] = "99"
    app.query_params["pilih"] = "36.01"
    app.run()
    assert not app.exception
    assert app.radio(key="tingkat").value == "kecamatan" and app.slider(key="kelas").value == maps.K_DEFAULT
    assert not app.header  # no profile


def test_folium_renderer_loads_leaflet_from_the_app_only(app):
    app.query_params["peta"] = "folium"
    app.run()
    assert not app.exception
    component = app.get("component_instance")[0]
    args = json.dumps(dict(component.proto.json_args and json.loads(component.proto.json_args)))
    assert maps.outside_urls(args) == []
    assert maps.LEAFLET + "leaflet.js" in args
    assert json.loads(component.proto.json_args)["returned_objects"] == ["last_clicked"]


def test_desa_level_without_and_with_desa_values(app, fresh_db, monkeypatch):
    app.run()
    app.radio(key="tingkat").set_value("desa").run()
    assert any("Belum ada data desa" in i.value for i in app.info)
    # values per desa (as `cettar import idm` stores them) for two desa of Pacitan
    with publish.changes(fresh_db) as con:  # what an import does: change, derive, check, publish
        con.execute("INSERT INTO indicator_value VALUES ('35.01.01.2001', 'idm', '2024', 0.82, 'demo'), "
                    "('35.01.01.2002', 'idm', '2024', 0.55, 'demo')")
    at = app_on(fresh_db, monkeypatch)
    at.query_params.update({"indikator": "idm", "tingkat": "desa", "wilayah": "35.01"})
    at.run()
    assert not at.exception
    assert len(locations(at)) == 172  # every desa of Pacitan drawn, most without a value
    text = legend(at)
    assert "Mandiri" in text and "Tertinggal" in text and "Tidak ada data" in text


def test_map_payload_with_real_boundaries_is_small(geo_db, monkeypatch):
    at = app_on(geo_db, monkeypatch)
    at.run()
    assert not at.exception
    spec = at.get("plotly_chart")[0].proto.spec
    assert len(locations(at)) == 666
    assert len(spec.encode("utf-8")) <= PAYLOAD_LIMIT
    assert not any("skematis" in i.value for i in at.info)
    assert len(json.loads(spec)["layout"].get("annotations", [])) == 3  # Bawean, Masalembu, Kangean insets
