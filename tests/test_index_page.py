"""The Indeks CETTAR page without a browser (AppTest): it renders, shows the configuration it
uses, its numbers can be recomputed independently, and the weight sliders move ranks."""

from __future__ import annotations

import json
import tomllib

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from cettar import formats
from cettar.paths import DATA, ROOT

PAGE = "pages/index.py"


@pytest.fixture
def page(built_db, monkeypatch):
    monkeypatch.setenv("CETTAR_DB", str(built_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


# AppTest does not expose the key of a read-only st.dataframe: each table is known by a column
# only it has (Indonesian labels; English where the test switches language).
MARKS = {
    "index_weights_table": ("Bobot dalam indeks", "Weight in index"),
    "index_unscored_table": ("Mengapa tanpa skor", "Why no score"),
    "index_ranking_table": ("Indeks CETTAR", "CETTAR Index"),
    "index_shift_table": ("Pergeseran", "Shift"),
    "index_interval_table": ("Median", "Median"),
}


def frame(at, key) -> pd.DataFrame:
    found = [df.value for df in at.dataframe if set(MARKS[key]) & set(df.value.columns)]
    if key == "index_ranking_table":  # the shift table also has the index column
        found = [f for f in found if not {"Pergeseran", "Shift"} & set(f.columns)]
    assert len(found) == 1, f"{len(found)} tables look like {key}"
    return found[0]


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def test_page_renders_with_its_sections_and_demo_label(page):
    assert page.title[0].value == "Indeks CETTAR"
    headers = [h.value for h in page.header]
    assert headers[0] == "Metodologi"
    assert all(h.endswith("(demo)") for h in headers[1:])  # every section with demo-derived values
    assert any("INDEKS DEMO" in w.value for w in page.warning)
    assert not any("cettar build" in w.value for w in page.warning)  # the stored index uses this config
    for key in ("index_ranking_table", "index_interval_table"):
        assert set(frame(page, key)["Status data"]) == {"demo"}
    charts = [json.loads(c.proto.spec) for c in page.get("plotly_chart")]
    assert charts and all(c["layout"]["title"]["text"].endswith("(demo)") for c in charts)


def test_methodology_shows_the_weights_of_the_config(page):
    config = tomllib.loads((DATA / "cettar_index.toml").read_text(encoding="utf-8"))
    weights = frame(page, "index_weights_table")
    pillar_total = sum(config["pillar_weights"].values())
    catalog = pd.read_csv(DATA / "indicators.csv").set_index("name_id")
    for row in weights.itertuples(index=False):
        indicator_id = catalog.loc[row.Indikator, "indicator_id"]
        pillar = catalog.loc[row.Indikator, "pillar"]
        within = config["indicator_weights"][pillar]
        share = config["pillar_weights"][pillar] / pillar_total * within[indicator_id] / sum(within.values())
        assert row[5] == f"{formats.number(share * 100, 'id', 1)}%", indicator_id  # Bobot dalam indeks
    assert len(weights) == sum(len(w) for w in config["indicator_weights"].values())
    assert weights["Cakupan"].str.endswith("/ 666").all()
    text = " ".join(m.value for m in page.markdown)
    assert "min-maks" in text and "60,0%" in text and "100,0%" in text  # method, min_pillar, min_overall


def independent_scores(db_path, year: str, config: dict) -> dict[str, float]:
    """The index recomputed from raw values in plain Python, min-max per year (no cettar.index)."""
    assert config["method"] == "minmax" and config["reference"] == "period"
    catalog = pd.read_csv(DATA / "indicators.csv").set_index("indicator_id")
    with duckdb.connect(str(db_path), read_only=True) as con:
        raw = con.execute(
            """SELECT v.region_code, v.indicator_id, v.value FROM indicator_value v JOIN region r ON r.code = v.region_code
               WHERE r.level = 'kecamatan' AND v.period = ? AND v.indicator_id NOT LIKE 'indeks_%'""", [year]
        ).fetchall()
        codes = [c for (c,) in con.execute("SELECT code FROM region WHERE level = 'kecamatan'").fetchall()]
    values: dict[str, dict[str, float]] = {}
    for code, indicator, value in raw:
        values.setdefault(indicator, {})[code] = value

    def indicator_score(indicator, code):
        column = values.get(indicator, {})
        low, high = min(column.values()), max(column.values())
        if catalog.at[indicator, "direction"] == "higher_is_better":
            return 100 * (column[code] - low) / (high - low)
        return 100 * (high - column[code]) / (high - low)

    scores = {}
    for code in codes:
        pillars = {}
        for pillar, weights in config["indicator_weights"].items():
            present = {i: w for i, w in weights.items() if code in values.get(i, {})}
            if sum(present.values()) / sum(weights.values()) >= config["coverage"]["min_pillar"] - 1e-9:
                pillars[pillar] = sum(w * indicator_score(i, code) for i, w in present.items()) / sum(present.values())
        weight = config["pillar_weights"]
        have = sum(weight[p] for p in pillars)
        if have / sum(weight.values()) >= config["coverage"]["min_overall"] - 1e-9:
            scores[code] = sum(weight[p] * s for p, s in pillars.items()) / have
    return scores


def test_page_numbers_match_an_independent_recomputation(page, built_db):
    config = tomllib.loads((DATA / "cettar_index.toml").read_text(encoding="utf-8"))
    year = page.sidebar.selectbox(key="tahun").value
    expected = independent_scores(built_db, year, config)
    with duckdb.connect(str(built_db), read_only=True) as con:
        names = {(k, b): c for c, k, b in con.execute(
            "SELECT k.code, k.name, b.name FROM region k JOIN region b ON b.code = k.kabkota_code WHERE k.level = 'kecamatan'").fetchall()}
    ranking = frame(page, "index_ranking_table")
    assert len(ranking) == len(expected)
    keys = {c: round(s * 10) for c, s in expected.items()}
    for i in (0, 1, len(ranking) // 2, len(ranking) - 1):
        row = ranking.iloc[i]
        code = names[(row["Kecamatan"], row["Kab/kota"])]
        assert row["Indeks CETTAR"] == formats.number(expected[code], "id", 1)
        assert row["Peringkat provinsi"] == 1 + sum(k > keys[code] for k in keys.values())
    unscored = frame(page, "index_unscored_table")
    assert len(unscored) == 666 - len(expected)
    assert unscored["Mengapa tanpa skor"].str.contains("dari").all()


def test_moving_a_weight_slider_changes_ranks(page):
    assert metric(page, "Kecamatan yang berpindah peringkat").startswith("0 /")
    before = frame(page, "index_ranking_table")
    page.slider(key="index_weight_cepat").set_value(100).run()
    assert not page.exception
    moved = int(metric(page, "Kecamatan yang berpindah peringkat").split(" /")[0].replace(".", ""))
    assert moved > 100
    shifts = frame(page, "index_shift_table")
    assert len(shifts) == moved
    assert (shifts["Pergeseran"] == shifts["Peringkat provinsi"] - shifts["Peringkat baru"]).all()
    assert set(shifts["Status data"]) == {"demo"}
    assert frame(page, "index_ranking_table").equals(before)  # the configured ranking stays as it is
    assert "Cepat 55,6%" in " ".join(m.value for m in page.markdown)  # 100 / (100 + 4 x 20)


def test_area_filter_ranks_within_the_area(page):
    page.sidebar.selectbox(key="wilayah").set_value("35.01").run()
    assert not page.exception
    ranking = frame(page, "index_ranking_table")
    assert set(ranking["Kab/kota"]) == {"Kabupaten Pacitan"}
    assert 1 <= len(ranking) <= 12
    assert ranking["Peringkat wilayah"].tolist() == sorted(ranking["Peringkat wilayah"])
    assert ranking["Peringkat wilayah"].iloc[0] == 1
    intervals = frame(page, "index_interval_table")
    assert set(intervals["Kab/kota"]) == {"Kabupaten Pacitan"}


def test_year_filter_and_english(page):
    page.sidebar.selectbox(key="tahun").set_value("2019").run()
    page.sidebar.segmented_control(key="lang").set_value("en").run()
    assert not page.exception
    assert page.title[0].value == "CETTAR Index"
    assert any(h.value == "Ranking 2019 (demo)" for h in page.header)
    assert any("DEMO INDEX" in w.value for w in page.warning)
    assert "Province rank" in frame(page, "index_ranking_table").columns


def test_a_broken_config_gives_a_friendly_error(built_db, monkeypatch, tmp_path):
    from cettar import index

    broken = tmp_path / "cettar_index.toml"
    broken.write_text(index.CONFIG_PATH.read_text(encoding="utf-8").replace('method = "minmax"', 'method = "median"'), encoding="utf-8")
    monkeypatch.setattr(index, "CONFIG_PATH", broken)
    monkeypatch.setenv("CETTAR_DB", str(built_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert "method" in at.error[0].value and "data/cettar_index.toml" in at.error[0].value
