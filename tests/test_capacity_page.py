"""The Kapasitas & Layanan page without a browser (AppTest): it renders with its demo labels, the
map and ranking follow the service and measure, the profile follows the kecamatan picked (kept in
the URL), and an imported file shows up."""

from __future__ import annotations

import json

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from cettar.cli import main
from cettar.paths import ROOT

PAGE = "pages/capacity.py"


def open_page(db, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("CETTAR_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()  # the default page first; the page's own URL state is read when it first runs
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


@pytest.fixture
def page(built_db, monkeypatch):
    return open_page(built_db, monkeypatch)


def table(at, column):
    """The st.dataframe that has this column (each table has one only it has)."""
    found = [df.value for df in at.dataframe if column in df.value.columns]
    assert len(found) == 1, f"{len(found)} tables with {column!r}"
    return found[0]


def metric(at, label):
    return next(m.value for m in at.metric if m.label.startswith(label))


def figure(at, index=0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def test_page_renders_with_demo_labels_everywhere(page):
    assert page.title[0].value == "Kapasitas & Layanan"
    assert [h.value for h in page.header] == ["Kesenjangan layanan dasar 2024", "Profil kecamatan"]
    assert any("DATA DEMO" in w.value and "kewenangan" in w.value for w in page.warning)  # the page's own banner
    ranking = table(page, "Kapasitas (norma 100)")
    assert len(ranking) == 666 and set(ranking["Status data"]) == {"demo"}
    assert ranking["Kesenjangan"].is_monotonic_decreasing
    subheaders = [h.value for h in page.subheader if h.value != "Filter bersama"]
    assert all(h.endswith("(demo)") for h in subheaders if not h.startswith("Pelatihan")), subheaders
    bar = figure(page, 1)
    assert bar["layout"]["title"]["text"].endswith("(demo)")
    assert metric(page, "Kesenjangan").replace(".", "").isdigit()
    assert page.get("download_button")  # every table has its CSV
    assert any("dari 666 kecamatan menerapkan PATEN" in c.value and c.value.endswith("(demo)") for c in page.caption)


def test_map_draws_every_kecamatan_with_the_ranking_values(page):
    fig = figure(page, 0)
    choropleths = [t for t in fig["data"] if t["type"] == "choropleth" and t.get("name") in ("data", "no_data")]
    drawn = [c for t in choropleths for c in t["locations"]]
    assert len(drawn) == 666 and len(set(drawn)) == 666
    top = table(page, "Kapasitas (norma 100)").iloc[0]
    assert metric(page, "Permintaan paling melampaui pasokan").startswith(top["Kecamatan"])
    assert any("DEMO" in t.get("hovertemplate", "") for t in choropleths)  # the tooltip's source line says so


def test_service_and_measure_change_the_ranking_and_go_into_the_url(page):
    page.radio(key="layanan").set_value("sekolah").run()
    page.radio(key="ukuran").set_value("ratio").run()
    assert not page.exception
    ranking = table(page, "Kapasitas (norma 10)")
    assert ranking["Rasio"].dropna().is_monotonic_decreasing
    assert page.query_params["layanan"] == "sekolah" and page.query_params["ukuran"] == "ratio"
    assert "Pendidikan dasar" in page.subheader[0].value


def test_picking_a_kecamatan_opens_its_profile_and_desa(page, built_db):
    page.selectbox(key="kec").set_value("35.01.01").run()
    assert not page.exception
    assert page.query_params["kec"] == "35.01.01"
    authority = table(page, "Dasar hukum")
    with duckdb.connect(str(built_db), read_only=True) as con:
        n = con.execute("SELECT count(*) FROM delegated_authority WHERE kecamatan_code = '35.01.01'").fetchone()[0]
        desa = con.execute("SELECT count(*) FROM region WHERE parent_code = '35.01.01'").fetchone()[0]
    assert len(authority) == n and set(authority["Status data"]) == {"demo"}
    assert len(table(page, "Menerapkan PATEN")) == 3
    assert len(table(page, "Desa/kelurahan")) <= desa
    assert any(h.value.startswith("Desa di Donorojo") for h in page.subheader)


def test_view_reopens_from_its_url_in_english(built_db, monkeypatch):
    at = open_page(built_db, monkeypatch, layanan="adminduk", kec="35.01.02")
    at.sidebar.segmented_control(key="lang").set_value("en").run()
    at.sidebar.selectbox(key="wilayah").set_value("35.01").run()
    assert not at.exception
    assert at.title[0].value == "Capacity & Services"
    assert at.query_params["layanan"] == "adminduk" and at.query_params["kec"] == "35.01.02" and at.query_params["lang"] == "en"
    assert at.radio(key="layanan").value == "adminduk" and at.selectbox(key="kec").value == "35.01.02"
    ranking = table(at, "Capacity (norm 50)")
    assert len(ranking) == 12 and set(ranking["Regency/city"]) == {"Kabupaten Pacitan"}  # the area filter
    assert any("DEMO DATA" in w.value for w in at.warning)


def test_a_year_without_service_data_offers_the_latest(page):
    page.sidebar.selectbox(key="tahun").set_value("2019").run()
    assert not page.exception
    assert "2019" in page.info[0].value
    page.button(key="capacity_show_year").click().run()
    assert page.sidebar.selectbox(key="tahun").value == "2024"
    assert page.header[0].value == "Kesenjangan layanan dasar 2024"


def test_bad_url_values_are_ignored(built_db, monkeypatch):
    at = open_page(built_db, monkeypatch, layanan="'; DROP TABLE region; --", ukuran="x", kec="99.99.99")
    assert at.radio(key="layanan").value == "posyandu" and at.radio(key="ukuran").value == "gap"
    top = table(at, "Kapasitas (norma 100)").iloc[0]
    picked = at.selectbox(key="kec")
    assert picked.format_func(picked.value).startswith(top["Kecamatan"])  # the worst kecamatan, not the bad code


def test_a_filled_services_template_shows_up_on_the_page(fresh_db, monkeypatch, tmp_path):
    # Widoro (35.01.01.2001) reports 9,000 children under five and one posyandu in 2024: Donorojo's
    # gap becomes the province's largest, the desa table shows it first, and its status is mixed.
    from openpyxl import load_workbook

    path = tmp_path / "layanan.xlsx"
    assert main(["--db", str(fresh_db), "template", "services", "-o", str(path)]) == 0
    wb = load_workbook(path)
    for column, value in enumerate(["3501012001", 2024, 9000, None, None, None, 1], start=1):
        wb["Data"].cell(row=2, column=column, value=value)
    wb.save(path)
    assert main(["--db", str(fresh_db), "import", "services", str(path), "--source-id", "dinkes_pacitan",
                 "--publisher", "Dinkes Kab. Pacitan", "--licence", "CC BY 4.0", "--report-dir", str(tmp_path)]) == 0
    at = open_page(fresh_db, monkeypatch)
    assert metric(at, "Permintaan paling melampaui pasokan") == "Donorojo (Pacitan)"
    at.button(key="capacity_open_top").click().run()
    assert at.selectbox(key="kec").value == "35.01.01"
    desa = table(at, "Desa/kelurahan")
    first = desa.iloc[0]
    assert (first["Desa/kelurahan"], first["Permintaan"], first["Pasokan"], first["Kesenjangan"]) == ("Widoro", 9000, 1, 8900)
    assert first["Status data"] == "resmi"
