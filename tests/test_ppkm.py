"""PPKM levels, risk zones and coordination: the logic, and the page in AppTest."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from cettar import db, formats, ppkm
from cettar.paths import ROOT


@pytest.fixture(scope="module")
def levels(built_db):
    with db.connect_readonly(built_db) as con:
        return db.execute(con, "ppkm/levels", {})


def test_every_kabkota_has_a_cell_for_every_instruction(levels):
    assert levels["kabkota_code"].nunique() == 38
    assert levels["inmendagri"].nunique() == 23
    assert len(levels) == 38 * 23


def test_inmendagri_35_2022_is_level_1_everywhere(levels):
    cells = levels[levels["inmendagri"] == "35/2022"]
    assert len(cells) == 38 and (cells["level"] == 1).all()


def test_complete_snapshot_22_2021_has_38_known_cells(levels):
    counts = ppkm.level_counts(levels).set_index("inmendagri")
    row = counts.loc["22/2021"]
    assert row[[1, 2, 3, 4]].sum() == 38 and row["unknown"] == 0
    # an instruction with few recorded kab/kota keeps the rest unknown, never filled in
    assert counts.loc["47/2021", "unknown"] == 37


def test_instructions_are_in_issue_order(levels):
    order = ppkm.level_counts(levels)["inmendagri"].tolist()
    assert order[0] == "22/2021" and order[-1] == "35/2022"
    assert order.index("63/2021") < order.index("1/2022")


def test_inferred_cells_are_marked_in_the_heatmap(levels):
    labels = {"evidence": str, "unknown": "?", "hover": "%{z}", "level": "Level"}
    fig = ppkm.heatmap_figure(levels, labels)
    heat = fig.data[0]
    marks = pd.DataFrame(heat.text, index=heat.y, columns=heat.x)
    inferred = levels[levels["evidence"].map(ppkm.is_inferred)]
    assert len(inferred) > 0
    for row in inferred.head(10).itertuples():
        assert marks.loc[row.name, row.inmendagri] == "•"
    stated = levels[levels["evidence"] == "stated"].iloc[0]
    assert marks.loc[stated["name"], stated["inmendagri"]] == ""
    z = pd.DataFrame(heat.z, index=heat.y, columns=heat.x)
    unknown = levels[levels["level"].isna()].iloc[0]
    assert pd.isna(z.loc[unknown["name"], unknown["inmendagri"]])


def test_level_changes_and_activity_around_them():
    levels = pd.DataFrame({
        "kabkota_code": ["35.01"] * 3, "name": ["Kabupaten Pacitan"] * 3,
        "inmendagri": ["1/2021", "2/2021", "3/2021"], "year": [2021] * 3, "number": [1, 2, 3],
        "level": [3, 3, 2], "valid_from": pd.to_datetime(["2021-08-01", "2021-08-08", "2021-08-15"]),
    })
    changes = ppkm.level_changes(levels)
    assert changes[["inmendagri", "previous", "level"]].values.tolist() == [["3/2021", 3, 2]]
    records = pd.DataFrame({
        "kecamatan_code": ["35.01.01", "35.01.01", "35.01.02", "35.02.01"],
        "activity_date": pd.to_datetime(["2021-08-14", "2021-08-15", "2021-08-01", "2021-08-15"]),
    })
    around = ppkm.activity_around(records, pd.Series(["35.01.01", "35.01.02"]), "2021-08-15", weeks=2)
    assert around.set_index("week")["activities"].to_dict() == {-2: 1, -1: 1, 0: 1, 1: 0}


def test_agency_matrix_counts_joint_activities():
    records = pd.DataFrame({"agencies": ["camat;polsek", "camat;koramil;polsek", "camat"]})
    matrix = ppkm.agency_matrix(records)
    assert matrix.loc["camat", "camat"] == 3
    assert matrix.loc["camat", "polsek"] == 2 and matrix.loc["polsek", "camat"] == 2
    assert matrix.loc["koramil", "polsek"] == 1


@pytest.fixture
def app(built_db, monkeypatch):
    monkeypatch.setenv("CETTAR_DB", str(built_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    return at.switch_page("pages/ppkm.py").run()


def test_page_shows_the_latest_snapshot(app):
    assert not app.exception
    assert app.title[0].value == "PPKM & Koordinasi"
    level_1 = next(m.value for m in app.metric if m.label == "Level 1")
    assert level_1 == "38"


def test_period_slider_changes_the_snapshot(app):
    app.select_slider(key="inmendagri").set_value("22/2021").run()
    assert not app.exception
    values = {m.label: m.value for m in app.metric}
    assert values["Level 3"] == "26" and values["Level 4"] == "12" and values["tidak diketahui"] == "0"
    assert app.query_params["inmendagri"] == "22/2021"


def test_coordination_is_labelled_demo_and_filters(app):
    assert any("DATA DEMO" in w.value for w in app.warning if "koordinasi" in w.value.lower())
    table = app.dataframe[-1].value
    assert (table["Status data"] == "demo").all()
    before = activities(app)
    app.multiselect(key="koordinasi_jenis").set_value(["vaccination_drive"]).run()
    after = app.dataframe[-1].value
    assert not app.exception
    assert 0 < activities(app) < before
    assert set(after["Kegiatan"]) == {"Vaksinasi massal"}


def activities(at) -> int:
    """The page's count of listed activities ("{n} kegiatan di {k} kecamatan.")."""
    text = next(c.value for c in at.caption if c.value.endswith(" kecamatan.") and " kegiatan di " in c.value)
    return int(text.split(" kegiatan")[0].replace(".", ""))


def test_a_long_coordination_list_shows_the_newest_rows_and_says_so(built_db, monkeypatch):
    monkeypatch.setattr(ppkm, "TABLE_ROWS", 50)
    monkeypatch.setenv("CETTAR_DB", str(built_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/ppkm.py").run()
    assert not at.exception
    n = activities(at)
    assert n > 50
    assert f"Menampilkan 50 kegiatan terbaru dari {formats.number(n, 'id')};" in [c.value.split(" unduhan")[0] for c in at.caption]
    table = at.dataframe[-1].value
    assert len(table) == 50
    with duckdb.connect(str(built_db), read_only=True) as con:
        newest = con.execute("SELECT max(activity_date) FROM coordination_record").fetchone()[0]
    assert table["Tanggal"].iloc[-1] == formats.date(newest, "id", "medium")  # the newest rows, not the first ones


def test_risk_zones_without_import_say_how_to_import(app):
    assert any("cettar import risk-zones" in i.value for i in app.info)


def choropleth_locations(at) -> list[list[str]]:
    """The region codes of every plotly map on the page, one list per map."""
    import json

    maps = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        codes = [c for trace in spec["data"] if trace.get("type") == "choropleth" for c in trace["locations"]]
        if codes:
            maps.append(codes)
    return maps


def test_level_map_draws_every_kabkota_for_the_chosen_instruction(app):
    app.select_slider(key="inmendagri").set_value("30/2021").run()
    maps = choropleth_locations(app)
    assert sorted(maps[0]) == sorted(f"35.{n:02d}" for n in [*range(1, 30), *range(71, 80)])
    legend = next(m.value for m in app.markdown if "cettar-legend" in m.value)
    assert "tidak ada data" in legend.lower() or "no data" in legend.lower()


def test_coordination_map_covers_the_kecamatan_of_the_area(app):
    app.sidebar.selectbox(key="wilayah").set_value("35.01").run()
    maps = choropleth_locations(app)
    assert any(len(codes) == 12 and all(c.startswith("35.01.") for c in codes) for codes in maps)


def test_imported_risk_zones_show_30_sedang_on_2022_02_27(fresh_db, shared, monkeypatch):
    from cettar import cli

    path = shared / "realdata" / "covid_zonasi_risiko_jatim_kabkota_2021_2022.csv"
    assert cli.main(["--db", str(fresh_db), "import", "risk-zones", str(path)]) == 0
    monkeypatch.setenv("CETTAR_DB", str(fresh_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["minggu"] = "2022-02-27"
    at.run()
    at.switch_page("pages/ppkm.py").run()
    assert not at.exception
    assert at.select_slider(key="minggu").value == "2022-02-27"
    summary = next(m.value for m in at.markdown if m.value.startswith("Minggu "))
    assert "30 risiko sedang" in summary
    zone_map = choropleth_locations(at)[1]  # level map first, then the zone map
    assert len(zone_map) == 38
