"""The Presentasi page without a browser (AppTest): slides, their order, indicator and year,
language, the URL, the demo mark and the downloads."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from cettar import storyline
from cettar.paths import ROOT

PAGE = "pages/presentation.py"


@pytest.fixture
def app(built_db, monkeypatch):
    monkeypatch.setenv("CETTAR_DB", str(built_db))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)


def open_page(app, **params):
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def counter(app) -> str:
    return next(m.value for m in app.markdown if "cettar-counter" in m.value).rsplit(">", 2)[-2].split("<")[0]


def demo_marked(app) -> bool:
    return any("cettar-demo-mark" in m.value for m in app.markdown)


def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def test_default_storyline_opens_on_the_province_at_a_glance(app):
    open_page(app)
    assert app.title[0].value == "Jawa Timur sekilas"
    assert counter(app) == "1 / 5"
    assert metrics(app)["kecamatan"] == "666" and metrics(app)["desa/kelurahan"] == "8.494"
    assert not demo_marked(app)  # regions, KOMPAK, awards and PPKM are real facts
    assert app.button(key="presentasi_prev").disabled and not app.button(key="presentasi_next").disabled
    assert app.multiselect(key="presentasi_salindia").value == list(storyline.SLIDES)
    assert app.selectbox(key="presentasi_indikator").value == "indeks_cettar"
    assert app.selectbox(key="presentasi_tahun").value == "2024"
    assert any("Sumber: Daftar wilayah resmi Kemendagri" in m.value for m in app.markdown)


def test_next_and_previous_walk_through_every_slide_without_error(app):
    open_page(app)
    titles = [app.title[0].value]
    for _ in range(4):
        app.button(key="presentasi_next").click().run()
        assert not app.exception, [e.message for e in app.exception]
        titles.append(app.title[0].value)
        assert len(app.get("plotly_chart")) == 1
    assert titles == ["Jawa Timur sekilas", "Indeks CETTAR per kecamatan, 2024", "Para pemenang penghargaan inovasi",
                      "Linimasa PPKM di Jawa Timur", "KOMPAK dan kab/kota lain: Indeks CETTAR"]
    assert counter(app) == "5 / 5" and app.button(key="presentasi_next").disabled
    assert app.query_params["presentasi_ke"] == "5"
    app.button(key="presentasi_prev").click().run()
    assert counter(app) == "4 / 5" and app.title[0].value == "Linimasa PPKM di Jawa Timur"


def test_demo_mark_on_slides_with_demo_values(app):
    open_page(app, presentasi_ke="2")
    assert app.title[0].value.startswith("Indeks CETTAR per kecamatan")
    assert demo_marked(app) and any("DATA DEMO" in m.value for m in app.markdown)
    app.button(key="presentasi_next").click().run()  # awards: compiled facts
    assert not demo_marked(app)


def test_presenter_picks_and_orders_slides(app):
    open_page(app)
    app.multiselect(key="presentasi_salindia").set_value(["ppkm", "kompak", "overview"]).run()
    assert not app.exception
    assert counter(app) == "1 / 3" and app.title[0].value == "Linimasa PPKM di Jawa Timur"
    assert app.query_params["presentasi_salindia"] == "ppkm,kompak,overview"
    app.button(key="presentasi_next").click().run()
    assert app.title[0].value.startswith("KOMPAK dan kab/kota lain")
    app.multiselect(key="presentasi_salindia").set_value([]).run()
    assert not app.exception and "salindia" in app.info[0].value


def test_indicator_and_year_change_the_map_and_the_comparison(app):
    open_page(app, presentasi_ke="2")
    app.selectbox(key="presentasi_indikator").set_value("layanan_daring").run()
    app.selectbox(key="presentasi_tahun").set_value("2021").run()
    assert not app.exception
    assert app.title[0].value == "Layanan diproses daring per kecamatan, 2021"
    assert app.query_params["presentasi_indikator"] == "layanan_daring" and app.query_params["presentasi_tahun"] == "2021"
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert sum(len(t["locations"]) for t in figure["data"] if t["type"] == "choropleth") == 666


def test_language_switch_on_the_page_keeps_the_choices(app):
    open_page(app)
    app.selectbox(key="presentasi_indikator").set_value("layanan_daring").run()
    app.segmented_control(key="presentasi_bahasa").set_value("en").run()
    assert not app.exception, [e.message for e in app.exception]
    assert app.title[0].value == "East Java at a glance"
    assert metrics(app)["villages"] == "8,494"
    assert app.query_params["lang"] == "en"
    assert app.multiselect(key="presentasi_salindia").value == list(storyline.SLIDES)  # relabelled, not dropped
    app.button(key="presentasi_next").click().run()
    assert app.title[0].value == "Services processed online by kecamatan, 2024"
    assert any("DEMO DATA" in m.value for m in app.markdown)
    app.segmented_control(key="presentasi_bahasa").set_value("id").run()
    assert app.title[0].value == "Layanan diproses daring per kecamatan, 2024" and counter(app) == "2 / 5"


def test_view_reopens_from_its_url_and_bad_values_are_ignored(app):
    open_page(app, lang="en", presentasi_salindia="kompak,map", presentasi_ke="2", presentasi_indikator="kepuasan_masyarakat",
              presentasi_tahun="2020")
    assert app.title[0].value == "Public Satisfaction Index (IKM) by kecamatan, 2020"
    assert counter(app) == "2 / 2"
    other = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    open_page(other, presentasi_salindia="nothing,'; DROP TABLE region", presentasi_ke="99", presentasi_indikator="x")
    assert counter(other) == "5 / 5" and other.title[0].value.startswith("KOMPAK dan kab/kota lain: Indeks CETTAR")


def test_downloads_are_offered_and_charts_keep_their_png_button(app):
    open_page(app)
    found = {b.proto.label for b in app.get("download_button")}
    assert {"Unduh PowerPoint (PPTX)", "Unduh PDF", "Gambar salindia ini (PNG)", "Unduh CSV", "Unduh Excel"} <= found
    config = json.loads(app.get("plotly_chart")[0].proto.config)
    assert config["toImageButtonOptions"]["format"] == "png" and config.get("displayModeBar") is not False
    assert config["topojsonURL"] == "/app/static/vendor/topojson/"
