"""The Bandingkan page without a browser (Streamlit AppTest): it renders, and its widgets work."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from cettar import i18n
from cettar.paths import ROOT

PAGE = "pages/compare.py"
KOMPAK = "Kabupaten Bondowoso, Kabupaten Lumajang, Kabupaten Pacitan, Kabupaten Trenggalek"


@pytest.fixture
def app(built_db, monkeypatch):
    monkeypatch.setenv("CETTAR_DB", str(built_db))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)


def open_compare(app, english=False, **params):
    """Open the page from a URL. English is switched on once on this page: the default page and
    the frame's area selectbox format some options with the session language, which AppTest
    cannot read between runs, so English tests also pass an explicit area (wilayah)."""
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    app.switch_page(PAGE).run()
    if english:
        app.sidebar.segmented_control(key="lang").set_value("en").run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def texts(app) -> str:
    parts = [e.value for kind in ("title", "subheader", "markdown", "caption", "warning", "info") for e in getattr(app, kind)]
    return "\n".join(str(p) for p in parts)


def test_page_renders_with_the_kompak_kabupaten_side_by_side(app):
    open_compare(app)
    assert app.title[0].value == "Bandingkan"
    table = app.dataframe[0].value
    assert {"Indikator", "Median provinsi", "Status"} <= set(table.columns)
    assert set(KOMPAK.split(", ")) <= set(table.columns)
    assert (table["Status"] == "demo").all()
    assert "/38)" in table["Kabupaten Pacitan"].iloc[0]  # value and rank among the 38 kab/kota
    assert "DEMO" in texts(app)
    assert len(app.get("plotly_chart")) == 2


def test_choosing_the_kompak_group_selects_exactly_the_four_kabupaten(app):
    open_compare(app)
    app.radio(key="banding_subjek").set_value("groups").run()
    assert not app.exception
    assert app.radio(key="banding_kelompok").value == "kompak"
    members = next(c.value for c in app.caption if "Kabupaten dampingan KOMPAK" in c.value)
    assert KOMPAK in members and "34 kab/kota" in members
    table = app.dataframe[0].value
    assert {"Kabupaten dampingan KOMPAK", "Kab/kota lain", "Jawa Timur"} <= set(table.columns)
    assert app.query_params["banding_subjek"] == "groups"
    app.radio(key="banding_kelompok").set_value("kompak_kabupaten").run()
    members = next(c.value for c in app.caption if "Kabupaten dampingan KOMPAK" in c.value)
    assert KOMPAK in members and "25 kab/kota" in members


def test_english_reads_english(app):
    open_compare(app, wilayah="35.78")
    app.sidebar.segmented_control(key="lang").set_value("en").run()
    assert not app.exception
    assert app.title[0].value == "Compare"
    shown = texts(app)
    assert "Every value in this view is DEMO data" in shown
    table = app.dataframe[0].value
    assert {"Indicator", "Unit", "Province median", "Status"} <= set(table.columns)
    assert "Birth certificates issued within 60 days" in set(table["Indicator"])
    # no Indonesian sentence of this page is left on the English page
    indonesian = {idn for key, (idn, en) in i18n.STRINGS.items() if key.startswith("compare.") and idn != en and len(idn) > 12}
    assert [s for s in indonesian if s in shown] == []
    assert app.radio(key="banding").options == ["Side by side", "Fair peers", "Before/after"]


def test_before_after_in_english_with_changed_periods(app):
    open_compare(app, english=True, wilayah="35.78", banding="did")
    shown = texts(app)
    assert "Group means by year" in shown and "Difference in differences" in shown
    assert "Only 4 regencies/cities in the focus group" in shown
    assert "selection" in shown and "parallel trends" in shown and "demo data" in shown
    first = app.dataframe[-1].value
    assert list(first["Before"].unique()) == ["2019–2020"] and list(first["After"].unique()) == ["2022–2024"]
    assert first["Method"].str.contains("wild cluster restricted bootstrap").any()
    app.select_slider(key="did_pra").set_value(("2019", "2019")).run()
    app.select_slider(key="did_pasca").set_value(("2023", "2024")).run()
    assert not app.exception
    second = app.dataframe[-1].value
    assert list(second["Before"].unique()) == ["2019"] and list(second["After"].unique()) == ["2023–2024"]
    assert second["Estimate"].iloc[0] != first["Estimate"].iloc[0]
    assert app.query_params["did_pra"] == "2019-2019" and app.query_params["did_pasca"] == "2023-2024"
    assert "Between 2019 and 2023–2024, the kecamatan of *KOMPAK-assisted regencies* went" in texts(app)
    assert (second["Status"] == "demo").all()


def test_overlapping_periods_get_a_friendly_notice(app):
    open_compare(app, banding="did", did_pra="2019-2023", did_pasca="2022-2024")
    assert any("Periode sebelum harus berakhir" in i.value for i in app.info)


def test_view_reopens_from_its_url(app):
    open_compare(app, banding="did", banding_kelompok="kota", did_indikator="layanan_daring", did_pra="2019-2021", did_pasca="2023-2024")
    assert app.radio(key="banding_kelompok").value == "kota"
    assert app.selectbox(key="did_indikator").value == "layanan_daring"
    assert app.select_slider(key="did_pra").value == ("2019", "2021")
    table = app.dataframe[-1].value
    assert table["Kelompok fokus"].iloc[0].startswith("Kota: ") and "/ 9 kab/kota" in table["Kelompok fokus"].iloc[0]


def test_bad_url_values_are_ignored(app):
    open_compare(app, banding="'; DROP TABLE region; --", banding_kabkota="35.01,zz", banding_indikator="nope", peer_k="999")
    assert app.radio(key="banding").value == "side"
    assert any("Pilih sedikitnya dua wilayah" in i.value for i in app.info)  # one valid kab/kota is not enough


def test_regions_at_kecamatan_level_from_the_url(app):
    open_compare(app, banding_tingkat="kecamatan", banding_kecamatan="35.01.01,35.78.14,35.03.03")
    table = app.dataframe[0].value
    assert {"Donorojo (Pacitan)", "Tandes (Kota Surabaya)", "Pule (Trenggalek)"} <= set(table.columns)
    assert "/6" in table["Donorojo (Pacitan)"].iloc[0]  # ranked among some 600 kecamatan


def test_peers_then_compare_them_side_by_side(app):
    open_compare(app, banding="peers", peer_kecamatan="35.01.01", peer_k="5")
    peers = app.dataframe[0].value
    distance = peers["Jarak"].str.replace(",", ".").astype(float)  # shown as 0,256 (Indonesian)
    assert len(peers) == 6 and peers["Kode"].iloc[0] == "35.01.01" and distance.iloc[0] == 0
    assert distance.is_monotonic_increasing and (distance.iloc[1:] > 0).all()
    assert (peers["Status"] == "demo").all()
    app.radio(key="peer_cakupan").set_value("other_kabkota").run()
    assert not app.dataframe[0].value["Kode"].iloc[1:].str.startswith("35.01.").any()
    codes = app.dataframe[0].value["Kode"].tolist()
    app.button(key="compare_peers_show").click().run()
    assert not app.exception
    assert app.radio(key="banding").value == "side" and app.multiselect(key="banding_kecamatan").value == codes
    assert len([c for c in app.dataframe[0].value.columns if "(" in c]) == 6
