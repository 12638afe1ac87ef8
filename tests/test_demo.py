"""The demo generator: deterministic, plausible structure, inside the catalog ranges."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from cettar import demo


@pytest.fixture(scope="module")
def inputs(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        regions = con.execute("SELECT code, level, type, kabkota_code FROM region").df()
        catalog = con.execute("SELECT * FROM indicator").df()
    return regions, catalog


@pytest.fixture(scope="module")
def values(inputs):
    return demo.generate_indicator_values(*inputs)


def test_same_seed_same_values(inputs, values):
    again = demo.generate_indicator_values(*inputs)
    pd.testing.assert_frame_equal(values, again)
    other = demo.generate_indicator_values(*inputs, seed=7)
    assert not values["value"].equals(other["value"])


def test_shape_15_to_25_indicators_over_five_pillars_2019_2024(inputs, values):
    _, catalog = inputs
    indicators = values["indicator_id"].unique()
    assert 15 <= len(indicators) <= 25
    pillars = set(catalog.set_index("indicator_id").loc[indicators, "pillar"])
    assert pillars == {"cepat", "efektif_efisien", "tanggap", "transparan", "responsif"}
    assert sorted(values["period"].unique()) == [str(y) for y in range(2019, 2025)]
    assert values["region_code"].nunique() == 666


def test_values_stay_inside_catalog_ranges(inputs, values):
    _, catalog = inputs
    merged = values.merge(catalog, on="indicator_id")
    assert ((merged["value"] >= merged["min_value"]) & (merged["value"] <= merged["max_value"])).all()


def test_some_values_are_missing(values):
    full = 666 * 6 * values["indicator_id"].nunique()
    share = 1 - len(values) / full
    assert 0.02 < share < 0.07


def test_kecamatan_of_one_kabupaten_resemble_each_other(inputs, values):
    regions, _ = inputs
    v = values[(values["indicator_id"] == "kepuasan_masyarakat") & (values["period"] == "2024")]
    v = v.merge(regions, left_on="region_code", right_on="code")
    between = v.groupby("kabkota_code")["value"].mean().var()
    within = v.groupby("kabkota_code")["value"].var().mean()
    assert between > 0.3 * within  # a clear kab/kota effect


def test_neighbouring_codes_are_correlated(values):
    v = values[(values["indicator_id"] == "layanan_tepat_waktu") & (values["period"] == "2022")].sort_values("region_code")
    x = v["value"].to_numpy()
    lag1 = np.corrcoef(x[:-1], x[1:])[0, 1]
    assert lag1 > 0.3


def test_kota_are_faster_than_kabupaten(inputs, values):
    regions, _ = inputs
    v = values[values["indicator_id"] == "waktu_layanan_paten"].merge(regions, left_on="region_code", right_on="code")
    kota = set(regions.loc[regions["type"] == "kota", "code"])
    in_kota = v["kabkota_code"].isin(kota)
    assert v.loc[in_kota, "value"].mean() < v.loc[~in_kota, "value"].mean()  # lower is better


def test_values_improve_over_time(values):
    v = values[values["indicator_id"] == "kepuasan_masyarakat"].groupby("period")["value"].mean()
    assert v["2024"] > v["2019"]


def test_coordination_records_cover_the_ppkm_era(inputs):
    regions, _ = inputs
    records = demo.generate_coordination_records(regions)
    assert records["record_id"].is_unique
    assert records["kecamatan_code"].isin(regions.loc[regions["level"] == "kecamatan", "code"]).all()
    dates = pd.to_datetime(records["activity_date"])
    assert dates.min() >= pd.Timestamp("2021-07-01") and dates.max() <= pd.Timestamp("2022-07-31")
    assert set(records["activity_type"]) == set(demo.ACTIVITY_TYPES)
    # heavier in the second wave (Jul-Aug 2021) than in mid-2022
    per_month = dates.dt.to_period("M").value_counts()
    assert per_month[pd.Period("2021-08")] > 2 * per_month[pd.Period("2022-06")]
