"""The app without a browser (Streamlit AppTest): every page renders, and its widgets work."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from cettar.paths import ROOT

def app_pages() -> list[tuple[str, str, str]]:
    """The (script, title key, URL path) entries of app.py's PAGES list."""
    import ast

    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    pages = next(n.value for n in ast.walk(tree) if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "PAGES")
    return [tuple(elt.value for elt in item.elts) for item in pages.elts]


PAGES = [script for script, _, _ in app_pages()]


@pytest.fixture
def app(built_db, monkeypatch):
    monkeypatch.setenv("CETTAR_DB", str(built_db))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)


def overview(at):
    """Run the app and open the overview page (the map is the default page)."""
    at.run()
    return at.switch_page("pages/overview.py").run()


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(app, page):
    app.run()
    if page != PAGES[0]:
        app.switch_page(page).run()
    assert not app.exception
    assert app.title
    assert any("DATA DEMO" in w.value for w in app.warning)  # the frame ran around the page


def test_demo_banner_is_shown(app):
    app.run()
    assert any("DATA DEMO" in w.value for w in app.warning)


def test_overview_counts_the_province(app):
    overview(app)
    assert app.title[0].value == "Ikhtisar"
    assert metric(app, "Kabupaten/kota") == "38"
    assert metric(app, "Kecamatan") == "666"
    assert metric(app, "Desa/kelurahan") == "8.494"  # Indonesian grouping


def test_language_switch_translates_and_goes_into_the_url(app):
    overview(app)
    app.sidebar.segmented_control(key="lang").set_value("en").run()
    assert not app.exception
    assert app.title[0].value == "Overview"
    assert metric(app, "Villages") == "8,494"
    assert any("DEMO DATA" in w.value for w in app.warning)
    assert app.query_params["lang"] == "en"


def test_area_filter_narrows_the_overview(app):
    overview(app)
    app.sidebar.selectbox(key="wilayah").set_value("35.01").run()
    assert not app.exception
    assert metric(app, "Kabupaten/kota") == "1"
    assert metric(app, "Kecamatan") == "12"  # Pacitan
    assert app.query_params["wilayah"] == "35.01"


def test_view_reopens_from_its_url(app):
    app.query_params["lang"] = "en"
    app.query_params["wilayah"] = "35.03"
    app.query_params["tahun"] = "2021"
    overview(app)
    assert app.title[0].value == "Overview"
    assert app.sidebar.selectbox(key="wilayah").value == "35.03"
    assert app.sidebar.selectbox(key="tahun").value == "2021"
    assert any("2021" in h.value for h in app.subheader)


def test_bad_url_values_are_ignored(app):
    app.query_params["wilayah"] = "'; DROP TABLE region; --"
    app.query_params["lang"] = "xx"
    overview(app)
    assert not app.exception
    assert app.sidebar.selectbox(key="wilayah").value == ""
    assert metric(app, "Kecamatan") == "666"


def test_year_filter_changes_the_indicator_table(app):
    overview(app)
    first = app.dataframe[0].value.copy()
    app.sidebar.selectbox(key="tahun").set_value("2019").run()
    second = app.dataframe[0].value
    assert not app.exception
    assert not first.equals(second)
    assert (second["Status data"] == "demo").all()


def test_data_page_lists_sources_with_licence_and_status(app):
    app.run()
    app.switch_page("pages/data_sources.py").run()
    sources = app.dataframe[0].value
    assert "ODbL-1.0 (Open Database License)" in set(sources["Lisensi"])
    assert {"resmi", "dihimpun", "demo"} <= set(sources["Status"])
    tables = app.dataframe[1].value
    assert "Nilai indikator" in set(tables["Tabel"])


def test_missing_database_gives_a_friendly_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CETTAR_DB", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception
    assert "make run" in at.error[0].value


def test_url_paths_differ_from_page_file_names():
    """Streamlit's pages/ compatibility path would run a page without the frame (no banner)."""
    entries = app_pages()
    assert len(entries) >= 3
    for script, _, url_path in entries:
        assert (ROOT / script).exists(), script
        assert url_path != (ROOT / script).stem, script
    for script in (ROOT / "pages").glob("*.py"):
        assert "ui.require_frame()" in script.read_text(encoding="utf-8"), script.name
