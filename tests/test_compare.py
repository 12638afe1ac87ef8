"""cettar/compare.py: groups, roll-ups, peers and the difference-in-differences with its intervals.

Hand-made cases with values worked out on paper, synthetic panels with a planted effect, and the
compare queries on the real build (group membership) and on the fixture (the desa roll-up).
"""

from __future__ import annotations

import math
import re
import shutil

import duckdb
import numpy as np
import pandas as pd
import pytest

from cettar import compare, db, i18n
from cettar.paths import ROOT

KOMPAK_NAMES = {"Kabupaten Bondowoso", "Kabupaten Lumajang", "Kabupaten Pacitan", "Kabupaten Trenggalek"}


# --- groups on the real build --------------------------------------------------------------------

@pytest.fixture(scope="module")
def regions(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        units = db.execute(con, "compare/units", {})
        members = db.execute(con, "compare/program", {"program": compare.PROGRAM})
    return units, members


def names_of(units, codes):
    return set(units.set_index("code").loc[codes, "name"])


def test_kompak_group_is_exactly_the_four_assisted_kabupaten(regions):
    units, members = regions
    groups = compare.group_pair("kompak", units, members)
    assert names_of(units, groups["a"]) == KOMPAK_NAMES
    assert sorted(groups["a"]) == ["35.01", "35.03", "35.08", "35.11"]
    assert len(groups["b"]) == 34 and not set(groups["a"]) & set(groups["b"])


def test_kompak_against_other_kabupaten_leaves_kota_out(regions):
    units, members = regions
    groups = compare.group_pair("kompak_kabupaten", units, members)
    assert names_of(units, groups["a"]) == KOMPAK_NAMES
    assert len(groups["b"]) == 25
    assert all(code < "35.71" for code in groups["b"])


def test_kota_against_kabupaten(regions):
    units, members = regions
    groups = compare.group_pair("kota", units, members)
    assert groups["a"] == [f"35.{n}" for n in range(71, 80)]
    assert len(groups["b"]) == 29


def test_custom_group_keeps_only_known_codes(regions):
    units, members = regions
    groups = compare.group_pair("custom", units, members, ["35.78", "99.99", "35.01.01"])
    assert groups == {"a": ["35.78"], "b": [c for c in units.loc[units["level"] == "kabkota", "code"] if c != "35.78"]}
    with pytest.raises(ValueError):
        compare.group_pair("everyone'; DROP TABLE region", units, members)


# --- roll-ups ------------------------------------------------------------------------------------

CATALOG = pd.DataFrame({
    "indicator_id": ["m", "s", "x", "n"],
    "name_id": ["M", "S", "X", "N"], "name_en": ["M", "S", "X", "N"], "unit": ["%", "unit", "unit", "%"],
    "direction": ["higher_is_better", "higher_is_better", "lower_is_better", "higher_is_better"],
    "native_level": ["kecamatan"] * 4, "aggregation": ["mean", "sum", "max", "none"],
    "pillar": ["cepat", "cepat", "tanggap", None], "decimals": [1, 0, 1, 1],
})


def kecamatan_frame(rows):
    return pd.DataFrame(rows, columns=["kecamatan_code", "kabkota_code", "indicator_id", "year", "value", "weight", "status"])


def test_aggregate_follows_the_catalog_rule_and_merges_statuses():
    values = kecamatan_frame([
        ("35.01.01", "35.01", "m", "2024", 10.0, 1.0, "demo"),
        ("35.01.02", "35.01", "m", "2024", 40.0, 3.0, "official"),  # a kecamatan rolled up from 3 desa
        ("35.01.01", "35.01", "s", "2024", 2.0, 1.0, "demo"),
        ("35.01.02", "35.01", "s", "2024", 5.0, 1.0, "demo"),
        ("35.01.01", "35.01", "x", "2024", 7.0, 1.0, "demo"),
        ("35.01.02", "35.01", "x", "2024", 9.0, 1.0, "demo"),
        ("35.01.01", "35.01", "n", "2024", 50.0, 1.0, "demo"),
    ])
    out = compare.aggregate(values, CATALOG, "kabkota_code").set_index("indicator_id")
    assert out.at["m", "value"] == pytest.approx((10 * 1 + 40 * 3) / 4)  # the mean over the 4 desa
    assert out.at["m", "status"] == "demo, official"
    assert out.at["s", "value"] == 7.0 and out.at["x", "value"] == 9.0
    assert math.isnan(out.at["n", "value"])  # 'none': a share is never averaged
    assert out.at["m", "n"] == 2


def test_kabkota_value_stored_for_itself_wins_over_the_roll_up():
    values = kecamatan_frame([
        ("35.01.01", "35.01", "m", "2024", 10.0, 1.0, "demo"),
        ("35.01.02", "35.01", "m", "2024", 20.0, 1.0, "demo"),
        ("35.03.01", "35.03", "m", "2024", 30.0, 1.0, "demo"),
    ])
    stored = pd.DataFrame({"kabkota_code": ["35.03"], "indicator_id": ["m"], "year": ["2024"], "value": [99.0], "status": ["official"]})
    out = compare.level_values(values, stored, CATALOG, "kabkota").set_index("code")
    assert out.at["35.01", "value"] == 15.0 and out.at["35.01", "status"] == "demo"
    assert out.at["35.03", "value"] == 99.0 and out.at["35.03", "status"] == "official"


def test_rank_one_is_best_by_direction():
    frame = pd.DataFrame({
        "code": ["a", "b", "c", "a", "b", "c"], "indicator_id": ["m"] * 3 + ["x"] * 3, "year": ["2024"] * 6,
        "value": [1.0, 3.0, 2.0, 1.0, 3.0, np.nan],
    })
    out = compare.ranked(frame, CATALOG)
    assert out["rank"].tolist()[:3] == [3, 1, 2]  # higher is better
    assert out["rank"].tolist()[3:5] == [1, 2] and math.isnan(out["rank"].iloc[5])  # lower is better
    assert out["ranked"].tolist() == [3, 3, 3, 2, 2, 2]
    assert out["median"].tolist() == [2.0] * 3 + [2.0] * 3


def test_desa_indicator_rolls_up_to_kecamatan_with_desa_weights(fixture_db, tmp_path):
    path = tmp_path / "fixture.duckdb"
    shutil.copyfile(fixture_db, path)
    with duckdb.connect(str(path)) as con:
        con.execute("""INSERT INTO indicator_value VALUES
            ('35.01.01.2001', 'idm', '2024', 0.5, 'demo'), ('35.01.01.2002', 'idm', '2024', 0.7, 'demo'),
            ('35.01.02.2001', 'idm', '2024', 0.9, 'demo'),
            ('35.01.01', 'idm', '2024', 0.123, 'demo')""")  # a stale kecamatan aggregate: the desa win
        out = db.execute(con, "compare/kecamatan_values", {"indicators": ["idm"]}).set_index("kecamatan_code")
    assert out.at["35.01.01", "value"] == pytest.approx(0.6) and out.at["35.01.01", "weight"] == 2
    assert out.at["35.01.02", "value"] == pytest.approx(0.9) and out.at["35.01.02", "weight"] == 1
    kab = compare.aggregate(out.reset_index(), pd.DataFrame({"indicator_id": ["idm"], "aggregation": ["mean"]}), "kabkota_code")
    assert kab["value"].iloc[0] == pytest.approx((0.5 + 0.7 + 0.9) / 3)  # the mean over desa, not of kecamatan means


# --- peers ---------------------------------------------------------------------------------------

def peer_values(rows):
    """rows: kecamatan code -> (kab/kota, value of p, value of q)."""
    frames = []
    for code, (kab, p, q) in rows.items():
        for ind, v in (("p", p), ("q", q)):
            if v is not None:
                frames.append((code, kab, ind, "2024", float(v), 1.0, "demo"))
    return kecamatan_frame(frames)


def test_peers_by_euclidean_distance_on_z_scores():
    # p = 1..5 has mean 3, population sd sqrt(2); q = 10, 10, 10, 30, 40 has mean 20, sd 12.649...
    values = peer_values({"A": ("K1", 1, 10), "B": ("K1", 2, 10), "C": ("K2", 3, 10), "D": ("K2", 4, 30), "E": ("K3", 5, 40)})
    found = compare.peers(values, "A", ["p", "q"], "2024", k=3)
    sd_p, sd_q = math.sqrt(2.0), math.sqrt(((10 - 20) ** 2 * 3 + 10 ** 2 + 20 ** 2) / 5)
    expected = {"B": 1 / sd_p, "C": 2 / sd_p, "D": math.hypot(3 / sd_p, 20 / sd_q)}
    assert found["kecamatan_code"].tolist() == ["A", "B", "C", "D"]  # the target first, then nearest
    assert found["distance"].tolist() == pytest.approx([0.0, expected["B"], expected["C"], expected["D"]])
    assert found["p"].tolist() == [1, 2, 3, 4]  # raw values are reported, not z-scores


def test_peers_other_kabkota_pool():
    values = peer_values({"A": ("K1", 1, 10), "B": ("K1", 2, 10), "C": ("K2", 3, 10), "D": ("K2", 4, 30), "E": ("K3", 5, 40)})
    found = compare.peers(values, "A", ["p", "q"], "2024", k=5, pool="other_kabkota")
    assert found["kecamatan_code"].tolist() == ["A", "C", "D", "E"]


def test_peers_missing_values_complete_cases_or_pairwise():
    values = peer_values({"A": ("K1", 1, 10), "B": ("K1", 2, None), "C": ("K2", 3, 10), "D": ("K2", 4, 30), "E": ("K3", 5, 40)})
    complete = compare.peers(values, "A", ["p", "q"], "2024", k=5)
    assert "B" not in complete["kecamatan_code"].tolist()
    pairwise = compare.peers(values, "A", ["p", "q"], "2024", k=5, missing="pairwise").set_index("kecamatan_code")
    # B shares only p: gap 1/sd(p), scaled up from 1 to 2 variables
    assert pairwise.at["B", "used"] == 1
    assert pairwise.at["B", "distance"] == pytest.approx(math.sqrt(2) * 1 / math.sqrt(2.0))
    # a target missing a variable has no complete-case peers
    assert compare.peers(values, "B", ["p", "q"], "2024", k=3).empty
    with pytest.raises(ValueError):
        compare.peers(values, "A", ["p"], "2024", k=3, missing="guess")


def test_standardise_constant_column_is_zero():
    z = compare.standardise(pd.DataFrame({"a": [1.0, 1.0, np.nan], "b": [1.0, 2.0, 3.0]}))
    assert z["a"].tolist()[:2] == [0.0, 0.0] and math.isnan(z["a"].iloc[2])
    assert z["b"].tolist() == pytest.approx([-math.sqrt(1.5), 0.0, math.sqrt(1.5)])


# --- interval arithmetic by hand -----------------------------------------------------------------

@pytest.mark.parametrize(("p", "df", "expected"), [
    (0.975, 1, 12.706204736174694), (0.975, 2, 4.302652729749462), (0.95, 10, 1.8124611228116756),
    (0.975, 37, 2.0261924630291093), (0.995, 5, 4.032142983555228), (0.975, 1000, 1.9623390808264083),
    (0.025, 37, -2.0261924630291093),
])
def test_t_quantile_matches_tables(p, df, expected):
    assert compare.t_quantile(p, df) == pytest.approx(expected, abs=1e-9)


# Three clusters, worked out on paper: control y = 1, 2, 6 (mean 3), treated y = 5, 7, 3 (mean 5),
# so b = (3, 2); residuals -2, -1 | 3, 0 | 2, -2; cluster scores (-3, 0), (3, 0), (0, 0);
# (X'X)^-1 = [[1/3, -1/3], [-1/3, 2/3]]; sandwich = [[2, -2], [-2, 2]]; CR1 factor 3/2 * 5/4.
HAND_D = np.array([0, 0, 0, 1, 1, 1.0])
HAND_Y = np.array([1, 2, 6, 5, 7, 3.0])
HAND_G = np.array(["c1", "c1", "c2", "c2", "c3", "c3"])


def test_cr1_against_a_hand_computation():
    X = np.column_stack([np.ones(6), HAND_D])
    beta, cov = compare.cr1(X, HAND_Y, HAND_G)
    assert beta == pytest.approx([3.0, 2.0])
    assert cov == pytest.approx(15 / 8 * np.array([[2.0, -2.0], [-2.0, 2.0]]))


def test_did_interval_against_a_hand_computation():
    # Treatment by kab/kota: c1 (y 1, 3) and c2 (y 2) compared, c3 (y 6, 8) and c4 (y 4) treated.
    # b = (2, 4); residuals -1, 1 | 0 | 0, 2 | -2; scores (0, 0), (0, 0), (2, 2), (-2, -2);
    # sandwich[1, 1] = 8/9; CR1 factor 4/3 * 5/4 = 5/3, so var = 40/27; t(0.975, 3) = 3.18245.
    changes = {"k1": ("c1", 1.0), "k2": ("c1", 3.0), "k3": ("c2", 2.0), "k4": ("c3", 6.0), "k5": ("c3", 8.0), "k6": ("c4", 4.0)}
    panel = pd.DataFrame(
        [(k, g, year, v * (year == "2024"), "demo") for k, (g, v) in changes.items() for year in ("2019", "2024")],
        columns=["kecamatan_code", "kabkota_code", "year", "value", "status"],
    )
    result = compare.did(panel, ["c3", "c4"], ["c1", "c2"], ["2019"], ["2024"], reps=99)
    assert result.estimate == pytest.approx(4.0) and result.se == pytest.approx(math.sqrt(40 / 27))
    half = 3.182446305284263 * math.sqrt(40 / 27)
    assert result.cr1 == pytest.approx((4.0 - half, 4.0 + half))
    assert (result.df, result.n_treated, result.n_control, result.g_treated, result.g_control) == (3, 3, 3, 2, 2)


def test_placebo_enumerates_every_assignment():
    # four clusters of one kecamatan each, changes 0, 0, 1, 5; treated = the cluster with 5
    change, clusters = np.array([0.0, 0.0, 1.0, 5.0]), np.array(["a", "b", "c", "d"])
    p, count, exhaustive = compare.placebo(change, clusters, {"d"})
    # gaps: a -2, b -2, c -2/3 (1 - 5/3), d 5 - 1/3 = 14/3: only d itself is as large
    assert (p, count, exhaustive) == (0.25, 4, True)


# --- difference in differences on synthetic panels -----------------------------------------------

def synthetic_panel(effect: float, seed: int, clusters: int = 38, treated: int = 4) -> tuple[pd.DataFrame, list, list]:
    """Kecamatan in kab/kota with kab/kota, kecamatan and year effects, kab/kota x year shocks
    (so clustering matters), and `effect` added to treated kecamatan from 2022 on."""
    rng = np.random.default_rng(seed)
    rows = []
    kab = [f"35.{i + 1:02d}" for i in range(clusters)]
    years = range(2019, 2025)
    year_effect = {y: 0.8 * (y - 2019) for y in years}
    for g, code in enumerate(kab):
        kab_effect, shock = rng.normal(0, 2), {y: rng.normal(0, 0.3) for y in years}
        for k in range(int(rng.integers(8, 30))):
            kec_effect = rng.normal(0, 1)
            for y in years:
                planted = effect if (g < treated and y >= 2022) else 0.0
                value = 50 + kab_effect + kec_effect + year_effect[y] + shock[y] + planted + rng.normal(0, 0.5)
                rows.append((f"{code}.{k + 1:02d}", code, str(y), value, "demo"))
    panel = pd.DataFrame(rows, columns=["kecamatan_code", "kabkota_code", "year", "value", "status"])
    return panel, kab[:treated], kab[treated:]


PRE, POST = ["2019", "2020", "2021"], ["2022", "2023", "2024"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_planted_effect_is_recovered_inside_its_intervals(seed):
    panel, treated, control = synthetic_panel(effect=2.0, seed=seed)
    result = compare.did(panel, treated, control, PRE, POST)
    assert result.estimate == pytest.approx(2.0, abs=0.6)
    assert result.cr1[0] <= 2.0 <= result.cr1[1]
    assert result.wild[0] <= 2.0 <= result.wild[1]
    assert result.wild[0] > 0  # and the planted effect is told apart from none
    assert (result.g_treated, result.g_control) == (4, 34)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_zero_effect_gives_intervals_that_cover_zero(seed):
    panel, treated, control = synthetic_panel(effect=0.0, seed=seed)
    result = compare.did(panel, treated, control, PRE, POST)
    assert result.wild[0] <= 0.0 <= result.wild[1]
    assert result.cr1[0] <= 0.0 <= result.cr1[1]
    assert result.wild_p > 0.05


def test_estimate_is_the_difference_of_mean_changes():
    panel, treated, control = synthetic_panel(effect=1.0, seed=9)
    result = compare.did(panel, treated, control, PRE, POST)
    by_kec = panel.assign(period=panel["year"].isin(POST)).groupby(["kecamatan_code", "kabkota_code", "period"])["value"].mean().unstack()
    change = (by_kec[True] - by_kec[False]).reset_index()
    is_treated = change["kabkota_code"].isin(treated)
    assert result.estimate == pytest.approx(change.loc[is_treated, 0].mean() - change.loc[~is_treated, 0].mean())


def test_same_seed_same_interval_and_pre_post_must_not_overlap():
    panel, treated, control = synthetic_panel(effect=1.0, seed=4)
    assert compare.did(panel, treated, control, PRE, POST).wild == compare.did(panel, treated, control, PRE, POST).wild
    with pytest.raises(ValueError):
        compare.did(panel, treated, control, ["2019", "2022"], POST)
    with pytest.raises(ValueError):
        compare.did(panel, [], control, PRE, POST)


def brute_force_p(y, D, clusters, beta0, reps, seed):
    """The wild cluster restricted bootstrap p-value, one replication at a time (slow, plain)."""
    _, g = np.unique(clusters, return_inverse=True)
    X = np.column_stack([np.ones(len(y)), D])
    beta, cov = compare.cr1(X, y, clusters)
    t_obs = (beta[1] - beta0) / math.sqrt(cov[1, 1])
    restricted = y - beta0 * D
    fitted, resid = restricted.mean() + beta0 * D, restricted - restricted.mean()
    weights = np.random.default_rng(seed).choice(compare.WEBB, size=(g.max() + 1, reps))
    hits = 0
    for b in range(reps):
        y_star = fitted + resid * weights[g, b]
        beta_star, cov_star = compare.cr1(X, y_star, clusters)
        hits += abs((beta_star[1] - beta0) / math.sqrt(cov_star[1, 1])) >= abs(t_obs) - 1e-12
    return hits / reps


def test_fast_wild_bootstrap_equals_the_plain_one():
    panel, treated, control = synthetic_panel(effect=1.0, seed=5, clusters=12, treated=3)
    data = compare.collapse(panel, treated, control, PRE, POST)
    y, D, clusters = data["change"].to_numpy(), data["treated"].to_numpy(), data["kabkota_code"].to_numpy()
    boot = compare.WildBootstrap(y, D, clusters, reps=199, seed=11)
    for beta0 in (0.0, 0.5, 1.0, float(boot.beta[1]), 2.5):
        assert boot.p_value(beta0) == pytest.approx(brute_force_p(y, D, clusters, beta0, 199, 11))
    low, high = boot.interval()
    assert boot.p_value(low + 1e-3) > 0.05 >= boot.p_value(low - 1e-2)
    assert boot.p_value(high - 1e-3) > 0.05 >= boot.p_value(high + 1e-2)


def test_cr1_interval_covers_about_95_percent_with_many_treated_clusters():
    """Coverage check: with half the 38 kab/kota treated, CR1 should be close to nominal."""
    rng = np.random.default_rng(2021)
    clusters = np.repeat(np.arange(38), 15)
    D = (clusters < 19).astype(float)
    X = np.column_stack([np.ones(len(D)), D])
    t = compare.t_quantile(0.975, 37)
    hits = 0
    for _ in range(400):
        y = 1.5 * D + rng.normal(0, 1, 38)[clusters] + rng.normal(0, 1, len(D))
        beta, cov = compare.cr1(X, y, clusters)
        hits += abs(beta[1] - 1.5) <= t * math.sqrt(cov[1, 1])
    assert 0.91 <= hits / 400 <= 0.98


def test_pre_trends_are_group_means_per_year():
    panel, treated, control = synthetic_panel(effect=0.0, seed=6, clusters=5, treated=2)
    trends = compare.pre_trends(panel, {"a": treated, "b": control}, {"a": "A", "b": "B"})
    row = trends[(trends["key"] == "a") & (trends["year"] == "2020")].iloc[0]
    expected = panel[panel["kabkota_code"].isin(treated) & (panel["year"] == "2020")]["value"]
    assert row["mean"] == pytest.approx(expected.mean()) and row["n"] == len(expected) and row["status"] == "demo"


# --- URL values, statuses, strings -------------------------------------------------------------

def test_url_values_round_trip_and_bad_ones_are_refused():
    years = ["2019", "2020", "2021"]
    assert compare.decode_range(compare.encode(("2019", "2020")), years) == ("2019", "2020")
    assert compare.decode_range("2021", years) == ("2021", "2021")
    assert compare.decode_list("35.01,xx,35.03,35.01", ["35.01", "35.03"]) == ["35.01", "35.03"]
    assert compare.decode_list("a,b,c", ["a", "b", "c"], limit=2) == ["a", "b"]
    assert compare.decode_one("7", list(compare.PEER_K)) == 7
    for bad in ("2021-2019", "1999", "2019-x"):
        with pytest.raises(ValueError):
            compare.decode_range(bad, years)
    for bad in ("", "x;DROP TABLE region"):
        with pytest.raises(ValueError):
            compare.decode_list(bad, ["a"])
    with pytest.raises(ValueError):
        compare.decode_one("'; --", compare.VIEWS)


def test_status_notice_names_demo_and_mixed_views():
    assert compare.status_notice(["official"], "en") is None
    assert "DEMO" in compare.status_notice(["demo", "demo"], "en")[1]
    mixed = compare.status_notice(["demo", "official, demo"], "en")[1]
    assert "official" in mixed and "demo" in mixed
    assert compare.status_text("demo, official", "id") == "demo, resmi"


def test_every_compare_string_exists_in_both_languages():
    used = set()
    for path in (ROOT / "cettar" / "compare.py", ROOT / "pages" / "compare.py"):
        text = path.read_text(encoding="utf-8")
        used |= {f"compare.{k}" for k in re.findall(r'(?<![.\w])t\("([a-z_.]+)"', text)}
        used |= set(re.findall(r'ui\.t\("(compare\.[a-z_.]+)"', text))
        used |= {f"compare.{k}" for k in re.findall(r'(?:widget\(st\.\w+, "\w+"|choice\("\w+"), "([a-z_]+)"', text)}
    expanded = {f"compare.view.{v}" for v in compare.VIEWS} | {f"compare.subject.{v}" for v in compare.SUBJECTS}
    expanded |= {f"compare.level.{v}" for v in compare.LEVELS} | {f"compare.preset.{v}" for v in compare.PRESETS}
    expanded |= {f"compare.group.{p}.{s}" for p in compare.PRESETS for s in "ab"}
    expanded |= {f"compare.missing.{v}" for v in compare.MISSING_RULES} | {f"compare.pool.{v}" for v in compare.POOLS}
    expanded |= {f"compare.{k}.{s}" for k in ("table_caption", "trend_caption", "distribution_caption") for s in compare.SUBJECTS}
    expanded |= {f"compare.pick_{v}" for v in compare.LEVELS} | {f"compare.everyone.{v}" for v in compare.LEVELS} | {f"compare.peer_method.{v}" for v in compare.MISSING_RULES}
    missing = sorted(k for k in used | expanded if k not in i18n.STRINGS)
    assert missing == []
    assert len(used) > 40
    ours = {k: v for k, v in i18n.STRINGS.items() if k.startswith("compare.")}
    # English is really English: no Indonesian function words left in it
    indonesian = re.compile(r"\b(yang|dan|dari|untuk|dengan|tidak|semua|kecuali)\b")
    assert [k for k, (_, en) in ours.items() if indonesian.search(en)] == []


def test_mixed_statuses_are_marked_cell_by_cell():
    units = pd.DataFrame({
        "code": ["35.01", "35.03"], "label": ["Pacitan", "Trenggalek"], "order": [0, 1], "indicator_id": ["m", "m"],
        "year": ["2024", "2024"], "value": [70.0, 80.0], "n": [12, 14], "status": ["official", "demo"],
        "rank": [2.0, 1.0], "ranked": [38, 38],
    })
    medians = pd.DataFrame({"indicator_id": ["m"], "year": ["2024"], "median": [75.0]})
    long = compare.side_by_side(units, medians, CATALOG, "2024", "en")
    assert long["Status"].tolist() == ["official", "demo"]
    shown = compare.wide(long, "en", show_rank=True).iloc[0]
    assert shown["Pacitan"] == "70.0 (2/38) · official" and shown["Trenggalek"] == "80.0 (1/38) · demo"
    assert shown["Status"] == "demo, official" and shown["Province median"] == "75.0"
    only_demo = compare.wide(long.assign(Status="demo"), "en", show_rank=False).iloc[0]
    assert only_demo["Pacitan"] == "70.0"


def test_catalog_units_read_naturally_in_english():
    assert compare.unit_text("hari", "en") == "days" and compare.unit_text("hari", "id") == "hari"
    assert compare.unit_text("ribu Rp", "en") == "thousand Rp"
    assert compare.unit_text("layanan/pegawai", "en") == "services per staff member"
    assert compare.unit_text("kg", "en") == "kg"  # unknown units stay as the catalog has them
    catalog = pd.read_csv(ROOT / "data" / "indicators.csv")
    untranslated = {u for u in catalog["unit"] if u != "%" and compare.unit_text(u, "en") == u}
    assert untranslated == set()
