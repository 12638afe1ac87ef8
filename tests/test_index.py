"""The CETTAR index: hand-computed cases, ties, a monotonicity property, the seeded Monte Carlo,
the configuration, and the stored (derived) rows in a built database."""

from __future__ import annotations

import math
import time
import tomllib

import duckdb
import numpy as np
import pandas as pd
import pytest

from cettar import contracts, db, derive, index, publish
from cettar.paths import DATA

# -- small hand-computed cases ---------------------------------------------------------------
# Three kecamatan, two indicators of opposite direction, one missing value:
#            up (higher is better)   down (lower is better)
#   A               10                      5
#   B               20                      (missing)
#   C               40                      1
CATALOG = pd.DataFrame({
    "indicator_id": ["up", "down"], "pillar": ["cepat", "cepat"], "direction": ["higher_is_better", "lower_is_better"],
})
VALUES = pd.DataFrame({
    "region_code": ["A", "B", "C", "A", "C"],
    "indicator_id": ["up", "up", "up", "down", "down"],
    "period": "2024",
    "value": [10.0, 20.0, 40.0, 5.0, 1.0],
    "status": "official",
})


def config(method="minmax", min_pillar=0.5, min_overall=1.0, pillars=None, indicators=None, winsor=(0.0, 100.0), **extra):
    pillars = pillars or {"cepat": 1.0}
    indicators = indicators or {"cepat": {"up": 1.0, "down": 1.0}}
    return index.Config(
        version="test", method=method, winsor=winsor, min_pillar=min_pillar, min_overall=min_overall,
        pillar_weights={p: pillars.get(p, 0.0) for p in index.PILLARS}, indicator_weights=indicators, **extra,
    )


def scores(cfg, values=VALUES, catalog=CATALOG):
    ps = index.compute(values, catalog, cfg).periods["2024"]
    return dict(zip(ps.codes, ps.overall)), dict(zip(ps.codes, ps.rank)), ps


def test_minmax_by_hand():
    # up: min 10, max 40 -> A 0, B 100/3, C 100; down: min 1, max 5 -> A (5-5)/4 = 0, C (5-1)/4 = 100.
    # Pillar = mean of the indicator scores present (B has one of two, coverage 0.5 >= 0.5).
    overall, rank, _ = scores(config())
    assert overall["A"] == pytest.approx(0.0)
    assert overall["B"] == pytest.approx(100 / 3)
    assert overall["C"] == pytest.approx(100.0)
    assert rank == {"A": 3, "B": 2, "C": 1}


def test_zscore_by_hand():
    # up: mean 70/3, population sd sqrt(1400)/3, so z = -40, -10, +50 over sqrt(1400);
    # down: mean 3, sd 2, so z(A) = -(5-3)/2 = -1, z(C) = +1. Score = 50 + z * 50/3.
    s = lambda z: 50 + z * 50 / 3  # noqa: E731
    root = math.sqrt(1400)
    overall, rank, _ = scores(config("zscore"))
    assert overall["A"] == pytest.approx((s(-40 / root) + s(-1)) / 2)
    assert overall["B"] == pytest.approx(s(-10 / root))
    assert overall["C"] == pytest.approx((s(50 / root) + s(1)) / 2)
    assert rank == {"A": 3, "B": 2, "C": 1}


def test_winsorising_caps_an_outlier_by_hand():
    # 1, 2, 3, 4, 100 winsorised at the 0th and 75th percentile: the 75th is 4, so 100 -> 4;
    # mean 2.8, population sd sqrt(1.36); 100 scores exactly like 4.
    x = np.array([[1.0], [2.0], [3.0], [4.0], [100.0]])
    out = index.normalise(x, [1.0], "zscore", (0, 75))[:, 0]
    assert out[4] == out[3] == pytest.approx(50 + (4 - 2.8) / math.sqrt(1.36) * 50 / 3)
    assert out[0] == pytest.approx(50 + (1 - 2.8) / math.sqrt(1.36) * 50 / 3)


def test_a_pillar_with_too_few_indicators_gets_no_score_and_says_why():
    overall, rank, ps = scores(config(min_pillar=0.6))
    assert math.isnan(overall["B"]) and math.isnan(rank["B"])
    assert rank == {"A": 2, "B": rank["B"], "C": 1}
    gaps = ps.gaps()
    assert gaps.to_dict("records") == [{"region_code": "B", "indicators": 1, "short": [("cepat", 1, 2)]}]


def test_pillar_weights_and_overall_coverage_by_hand():
    # up alone in cepat (weight 3), down alone in tanggap (weight 1). B has no tanggap score:
    # with min_overall 0.7 its index is its cepat score (coverage 3/4); with 1.0 it has none.
    kw = dict(pillars={"cepat": 3.0, "tanggap": 1.0}, indicators={"cepat": {"up": 1.0}, "tanggap": {"down": 1.0}})
    catalog = CATALOG.assign(pillar=["cepat", "tanggap"])
    overall, _, _ = scores(config(min_overall=0.7, **kw), catalog=catalog)
    assert overall == pytest.approx({"A": 0.0, "B": 100 / 3, "C": 100.0})
    overall, _, _ = scores(config(min_overall=1.0, **kw), catalog=catalog)
    assert math.isnan(overall["B"])


def test_a_constant_indicator_scores_50():
    x = np.array([[7.0], [7.0], [np.nan]])
    for method in index.METHODS:
        out = index.normalise(x, [-1.0], method)[:, 0]
        assert out[:2].tolist() == [50.0, 50.0] and math.isnan(out[2])


def test_pooled_reference_makes_years_comparable():
    # The same value scores the same in both years when the scale is pooled, not when per year.
    values = pd.concat([VALUES, VALUES.assign(period="2025", value=VALUES["value"] * 2)])
    per_year = index.compute(values, CATALOG, config()).periods
    pooled = index.compute(values, CATALOG, config(reference="pooled")).periods
    assert per_year["2024"].overall.tolist() == pytest.approx(per_year["2025"].overall.tolist())
    # up = 20 is B in 2024 and A in 2025: pooled, both get (20 - 10) / (80 - 10)
    assert pooled["2024"].scores[1, 0] == pytest.approx(pooled["2025"].scores[0, 0]) == pytest.approx(100 * 10 / 70)


# -- ranks and ties ----------------------------------------------------------------------------


def test_ties_share_the_best_rank_and_skip_the_next():
    ranks = index.competition_rank(np.array([90.0, 80.0, 80.0, 70.0, np.nan]), decimals=1)
    assert ranks[:4].tolist() == [1, 2, 2, 4] and math.isnan(ranks[4])


def test_ties_use_the_precision_shown():
    assert index.competition_rank(np.array([72.44, 72.36, 72.2]), 1).tolist() == [1, 1, 3]
    assert index.competition_rank(np.array([72.44, 72.36, 72.2]), 2).tolist() == [1, 2, 3]


def test_tied_scores_from_data_share_a_rank():
    values = pd.concat([VALUES, pd.DataFrame({"region_code": ["D"], "indicator_id": ["up"], "period": "2024", "value": [20.0], "status": "official"})])
    _, rank, _ = scores(config(), values=values)
    assert rank == {"A": 4, "B": 2, "C": 1, "D": 2}  # B and D: up = 20, down missing


def test_row_ranks_match_competition_rank():
    rng = np.random.default_rng(1)
    keys = rng.integers(0, 30, (50, 40))  # many ties
    expected = np.array([index.competition_rank(row.astype(float), 0) for row in keys])
    assert (index.row_ranks(keys) == expected).all()


# -- property: improving a higher-is-better indicator never lowers a score --------------------


@pytest.mark.parametrize("method", index.METHODS)
def test_improving_an_indicator_never_lowers_the_score(method):
    rng = np.random.default_rng(20210923)
    shipped = index.load_config()
    catalog = pd.read_csv(DATA / "indicators.csv")
    ids = shipped.indicators
    direction = catalog.set_index("indicator_id").loc[ids, "direction"]
    for case in range(40):
        n = int(rng.integers(3, 40))
        raw = rng.normal(50, 20, (n, len(ids)))
        raw[rng.random(raw.shape) < 0.1] = np.nan
        values = pd.DataFrame([
            {"region_code": f"k{i:02d}", "indicator_id": ids[j], "period": "2024", "value": raw[i, j], "status": "demo"}
            for i in range(n) for j in range(len(ids)) if not np.isnan(raw[i, j])
        ])
        cfg = config(method, min_pillar=0.5, min_overall=0.6, pillars=shipped.pillar_weights,
                     indicators=shipped.indicator_weights, winsor=(5.0, 95.0))
        before = index.compute(values, catalog, cfg).periods["2024"]
        row = values.sample(1, random_state=case).index[0]
        better = 1.0 if direction[values.at[row, "indicator_id"]] == "higher_is_better" else -1.0
        improved = values.copy()
        improved.loc[row, "value"] += better * rng.exponential(15)
        after = index.compute(improved, catalog, cfg).periods["2024"]
        i = list(before.codes).index(values.at[row, "region_code"])
        if not np.isnan(before.overall[i]):
            assert after.overall[i] >= before.overall[i] - 1e-9, (case, method)
        assert np.all((after.pillars[i] >= before.pillars[i] - 1e-9) | np.isnan(before.pillars[i]))


# -- Monte Carlo -------------------------------------------------------------------------------


def test_monte_carlo_is_seeded_and_reproducible():
    rng = np.random.default_rng(3)
    n, ids = 60, ["up", "down"]
    values = pd.DataFrame([
        {"region_code": f"k{i:02d}", "indicator_id": ind, "period": "2024", "value": float(rng.normal(50, 10)), "status": "demo"}
        for i in range(n) for ind in ids
    ])
    cfg = config(pillars={"cepat": 1.0, "tanggap": 1.0}, indicators={"cepat": {"up": 1.0}, "tanggap": {"down": 1.0}},
                 sensitivity=index.Sensitivity(draws=300, spread=0.2, seed=11))
    ps = index.compute(values, CATALOG.assign(pillar=["cepat", "tanggap"]), cfg).periods["2024"]
    first, second = index.rank_intervals(ps), index.rank_intervals(ps)
    pd.testing.assert_frame_equal(first, second)
    other = index.rank_intervals(ps, seed=12)
    assert not first[["low", "high"]].equals(other[["low", "high"]])
    assert (first["low"] <= first["high"]).all()
    cut = index.tail_size(n, 0.1)
    assert cut == 6
    robust = first[first["group"] == "robust_top"]
    assert (robust["high"] <= cut).all() and (robust["rank"] <= cut).all()
    looks = first[first["group"] == "looks_top"]
    assert ((looks["rank"] <= cut) & (looks["high"] > cut)).all()


def test_no_scored_kecamatan_gives_an_empty_interval_table():
    ps = index.compute(VALUES, CATALOG, config(min_pillar=1.0)).periods["2024"]
    ps.overall[:] = np.nan
    frame = index.rank_intervals(ps)
    assert frame.empty and {"low", "high", "group"} <= set(frame.columns)


def test_zero_spread_gives_the_configured_ranks():
    cfg = config(sensitivity=index.Sensitivity(draws=20, spread=0.0, seed=1))
    ps = index.compute(VALUES, CATALOG, cfg).periods["2024"]
    frame = index.rank_intervals(ps)
    assert (frame["low"] == frame["rank"]).all() and (frame["high"] == frame["rank"]).all()


def test_reweighting_moves_ranks():
    # A is best on up and worst on down, C the reverse: equal weights tie them, and moving all
    # weight to one pillar puts that pillar's leader first.
    values = pd.DataFrame({
        "region_code": ["A", "B", "C"] * 2, "indicator_id": ["up"] * 3 + ["down"] * 3, "period": "2024",
        "value": [40.0, 20.0, 10.0, 5.0, 3.0, 1.0], "status": "official",
    })
    cfg = config(pillars={"cepat": 1.0, "tanggap": 1.0}, indicators={"cepat": {"up": 1.0}, "tanggap": {"down": 1.0}})
    ps = index.compute(values, CATALOG.assign(pillar=["cepat", "tanggap"]), cfg).periods["2024"]
    assert dict(zip(ps.codes, ps.rank)) == {"A": 1, "B": 3, "C": 1}
    same = index.rank_shift(ps, {"cepat": 1, "tanggap": 1})
    assert (same["shift"] == 0).all()
    fast = index.rank_shift(ps, {"cepat": 1, "tanggap": 0}).set_index("region_code")
    assert fast["new_rank"].to_dict() == {"A": 1, "B": 2, "C": 3}
    assert fast["shift"].to_dict() == {"A": 0, "B": 1, "C": -2}


# -- the configuration ---------------------------------------------------------------------------


def test_shipped_config_matches_the_catalog():
    cfg = index.load_config()
    catalog = pd.read_csv(DATA / "indicators.csv")
    assert index.check_catalog(cfg, catalog) == []
    assert cfg.method in index.METHODS and cfg.reference in index.REFERENCES
    shares = cfg.shares()
    assert shares["index_weight"].sum() == pytest.approx(1.0)
    assert shares.groupby("pillar")["indicator_weight"].sum().tolist() == pytest.approx([1.0] * 5)


def test_derived_indicators_are_in_the_catalog_without_a_pillar():
    catalog = pd.read_csv(DATA / "indicators.csv").set_index("indicator_id")
    for indicator in index.DERIVED_IDS:
        row = catalog.loc[indicator]
        assert (row["unit"], row["direction"], row["native_level"], row["aggregation"], row["decimals"]) == (
            "skor 0-100", "higher_is_better", "kecamatan", "mean", 1)
        assert pd.isna(row["pillar"])  # a pillar would make the demo generator invent values for it
    sources = pd.read_csv(DATA / "sources.csv").set_index("source_id")
    assert {status: sources.at[source, "status"] for status, source in index.DERIVED_SOURCES.items()} == {
        "official": "official", "compiled": "compiled", "demo": "demo"}


@pytest.mark.parametrize("change, message", [
    (('method = "minmax"', 'method = "mean"'), "method"),
    (("cepat = 1.0\nefektif", "fast = 1.0\nefektif"), "pillar_weights"),
    (("winsor_percentiles = [5.0, 95.0]", "winsor_percentiles = [95.0, 5.0]"), "winsor"),
    (("draws = 1000", "draws = 0"), "draws"),
])
def test_bad_config_is_refused(change, message):
    text = index.CONFIG_PATH.read_text(encoding="utf-8").replace(*change)
    with pytest.raises(index.ConfigError, match=message):
        index.parse_config(text)


def test_config_that_misses_a_catalog_indicator_is_refused():
    text = index.CONFIG_PATH.read_text(encoding="utf-8").replace("inovasi_layanan = 1.0\n", "")
    problems = index.check_catalog(index.parse_config(text), pd.read_csv(DATA / "indicators.csv"))
    assert problems == ["inovasi_layanan: pillar indicator of the catalog without a weight in the configuration"]


# -- the stored index in a built database ---------------------------------------------------------


def rows(path, sql, params=None):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params or {}).df()


DERIVED = "SELECT v.*, s.status FROM indicator_value v JOIN data_source s USING (source_id) WHERE indicator_id LIKE 'indeks_%' ORDER BY ALL"


def test_built_database_stores_the_index_as_demo(built_db):
    stored = rows(built_db, DERIVED)
    assert set(stored["indicator_id"]) == set(index.DERIVED_IDS)
    assert set(stored["source_id"]) == {"cettar_index_demo"} and set(stored["status"]) == {"demo"}
    assert stored["value"].between(0, 100).all()
    per_year = stored[stored["indicator_id"] == "indeks_cettar"].groupby("period").size()
    assert per_year.between(600, 666).all()  # a few kecamatan lack data each year
    info = rows(built_db, "SELECT value FROM build_info WHERE key = 'cettar_index_config'")["value"].tolist()
    assert info == [index.load_config().label]


def test_stored_index_equals_the_computed_one(built_db):
    cfg = index.load_config()
    with duckdb.connect(str(built_db), read_only=True) as con:
        result = index.compute(db.execute(con, "index/inputs"), db.execute(con, "index/catalog"), cfg,
                               db.execute(con, "index/kecamatan")["code"])
        stored = db.execute(con, "index/stored", {"year": "2022"})
    ps = result.periods["2022"]
    overall = stored[stored["indicator_id"] == "indeks_cettar"].set_index("region_code")["value"]
    expected = pd.Series(ps.overall, index=ps.codes).dropna()
    pd.testing.assert_series_equal(overall.sort_index(), expected.sort_index(), check_names=False)


def test_refresh_is_idempotent_and_keeps_the_contracts(fresh_db):
    before = rows(fresh_db, DERIVED)
    with duckdb.connect(str(fresh_db)) as con:
        derive.refresh(con)
        derive.refresh(con)
        assert contracts.check_connection(con).empty
        assert con.execute("SELECT count(*) FROM build_info WHERE key = 'cettar_index_config'").fetchone()[0] == 1
    pd.testing.assert_frame_equal(rows(fresh_db, DERIVED), before)


def test_official_inputs_give_an_official_index_and_one_demo_value_makes_it_demo(fresh_db):
    with duckdb.connect(str(fresh_db)) as con:
        con.execute("""INSERT INTO data_source VALUES ('bps_test', 'Uji', 'Test', 'BPS', NULL, 'CC-BY', '2025', 'official', NULL)""")
        con.execute("UPDATE indicator_value SET source_id = 'bps_test' WHERE period IN ('2023', '2024') AND source_id = 'demo'")
        con.execute("""UPDATE indicator_value SET source_id = 'demo'
                       WHERE period = '2024' AND region_code = '35.01.01' AND indicator_id = 'layanan_daring'""")
        derive.refresh(con)
        assert contracts.check_connection(con).empty
    stored = rows(fresh_db, DERIVED)
    status = stored.groupby("period")["status"].unique().map(list).to_dict()
    assert status["2023"] == ["official"]  # every input official
    assert status["2024"] == ["demo"]  # one demo input in the year
    assert status["2022"] == ["demo"]
    assert set(stored.loc[stored["period"] == "2023", "source_id"]) == {"cettar_index"}


def test_an_import_on_an_older_database_restores_the_catalog_rows(fresh_db):
    # A database built before the index existed: no derived rows, catalog entries or sources.
    with duckdb.connect(str(fresh_db)) as con:
        con.execute("DELETE FROM indicator_value WHERE indicator_id LIKE 'indeks_%'")
        con.execute("DELETE FROM indicator WHERE indicator_id LIKE 'indeks_%'")
        con.execute("DELETE FROM data_source WHERE source_id LIKE 'cettar_index%'")
    with publish.changes(fresh_db):
        pass  # any publish refreshes the derived tables and checks the contracts
    assert set(rows(fresh_db, DERIVED)["indicator_id"]) == set(index.DERIVED_IDS)
    assert contracts.check(fresh_db).empty


def test_contracts_pass_on_the_built_database(built_db):
    assert contracts.check(built_db).empty


def test_rank_intervals_for_the_province_take_under_two_seconds(built_db):
    cfg = index.load_config()
    with duckdb.connect(str(built_db), read_only=True) as con:
        ps = index.compute(db.execute(con, "index/inputs"), db.execute(con, "index/catalog"), cfg,
                           db.execute(con, "index/kecamatan")["code"]).periods["2024"]
    index.rank_intervals(ps, draws=10)  # warm up
    start = time.perf_counter()
    frame = index.rank_intervals(ps)
    assert time.perf_counter() - start < 2.0
    assert len(frame) == int((~np.isnan(ps.overall)).sum()) > 600
    assert {"robust_top", "robust_bottom"} <= set(frame["group"])


def test_config_file_is_valid_toml_with_a_version():
    raw = tomllib.loads(index.CONFIG_PATH.read_text(encoding="utf-8"))
    assert raw["version"] and raw["method"] in index.METHODS
