"""region_value: the kab/kota and kecamatan map values, pre-aggregated in every build and publish
and read by queries/map/values.sql."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from cettar import contracts, db, derive, publish

SOURCES = ("uji_a", "uji_b", "uji_c")


def map_values(path, **params):
    with db.connect_readonly(path) as con:
        return db.execute(con, "map/values", {"indicator": None, "period": None, "scope": None, **params})


@pytest.fixture
def three_sources(fresh_db):
    """IDM 2024 for three desa of Donorojo (35.01.01), each from its own source."""
    with publish.changes(fresh_db) as con:
        for i, source in enumerate(SOURCES):
            con.execute("INSERT INTO data_source VALUES ($s, 'Uji', 'Test', 'Uji', NULL, 'CC-BY', '2025', $status, NULL)",
                        {"s": source, "status": "official" if i else "compiled"})
        con.execute("""INSERT INTO indicator_value VALUES
            ('35.01.01.2001', 'idm', '2024', 0.5, 'uji_c'), ('35.01.01.2002', 'idm', '2024', 0.6, 'uji_a'),
            ('35.01.01.2003', 'idm', '2024', 0.9, 'uji_b')""")
    return fresh_db


def test_desa_values_roll_up_with_every_source_named(three_sources):
    kec = map_values(three_sources, level="kecamatan", indicator="idm", period="2024").set_index("code")
    row = kec.loc["35.01.01"]
    assert row["value"] == pytest.approx((0.5 + 0.6 + 0.9) / 3)
    assert (row["method"], row["source_level"], row["n_values"]) == ("mean", "desa", 3)
    assert row["source_ids"] == "uji_a, uji_b, uji_c"  # more than two sources: filled in after the roll-up
    assert row["status"] == "compiled, official"
    assert len(kec) == 1  # no other kecamatan has desa IDM values
    kab = map_values(three_sources, level="kabkota", indicator="idm", period="2024").set_index("code")
    assert kab.loc["35.01", "value"] == pytest.approx(row["value"]) and kab.loc["35.01", "n_values"] == 3
    desa = map_values(three_sources, level="desa", indicator="idm", period="2024", scope="35.01")
    assert sorted(desa["value"]) == [0.5, 0.6, 0.9] and set(desa["method"]) == {"stored"}


def test_a_region_shows_the_same_value_at_every_zoom(built_db):
    whole = map_values(built_db, level="kecamatan", period="2024").set_index(["indicator_id", "code"])
    scoped = map_values(built_db, level="kecamatan", period="2024", scope="35.78").set_index(["indicator_id", "code"])
    assert len(scoped) and scoped.index.get_level_values("code").str.startswith("35.78.").all()
    assert scoped.equals(whole.loc[scoped.index])


def test_a_stale_region_value_fails_the_contracts(fresh_db):
    with duckdb.connect(str(fresh_db)) as con:  # a kecamatan value written behind the build's back
        con.execute("INSERT INTO indicator_value VALUES ('35.01.01', 'kepuasan_masyarakat', '2018', 80, 'demo')")
        derive.refresh_coverage(con)  # the summary is refreshed, the map values are not
    problems = contracts.check(fresh_db)
    rows = problems[problems["table_name"] == "region_value"]
    assert "kecamatan / kepuasan_masyarakat / 2018" in set(rows["row_key"])
    assert "1 stored value(s) missing from the map values" in set(rows["problem"])
    with duckdb.connect(str(fresh_db)) as con:
        derive.refresh_region_values(con)
    assert contracts.check(fresh_db).empty


@pytest.mark.parametrize("level, code", [("kecamatan", "35.01.01"), ("kecamatan", "35.78.14"), ("kabkota", "35.15")])
def test_the_profile_query_matches_the_map_values(built_db, level, code):
    """map/profile reduces in SQL what the profile used to compute in pandas from map/values."""
    from cettar import maps

    kabkota = code[:5]
    values = map_values(built_db, level=level, period="2024")
    regions = map_values(built_db, level="kecamatan", period="2024", scope=kabkota) if level == "kabkota" else None
    with db.connect_readonly(built_db) as con:
        stats = db.execute(con, "map/profile", {"level": level, "period": "2024", "code": code, "kabkota": kabkota})
        direction = db.execute(con, "map/indicators").set_index("indicator_id")["direction"]
    assert len(stats) == values["indicator_id"].nunique() > 10
    for row in stats.itertuples():
        series = values[values["indicator_id"] == row.indicator_id].set_index("code")["value"]
        peers = series[series.index.str.startswith(kabkota)]
        assert row.province_median == pytest.approx(series.median())
        assert row.ranked == len(series)
        if level == "kabkota":
            below = regions.loc[regions["indicator_id"] == row.indicator_id, "value"]
            assert row.kabkota_median == pytest.approx(below.median()) if len(below) else pd.isna(row.kabkota_median)
        else:
            assert row.kabkota_median == pytest.approx(peers.median())
            assert row.ranked_kabkota == len(peers)
        if code in series.index:
            assert row.value == pytest.approx(series[code])
            assert row.rank == maps.ranks(series, direction[row.indicator_id])[code]
            if level != "kabkota":
                assert row.rank_kabkota == maps.ranks(peers, direction[row.indicator_id])[code]
        else:
            assert pd.isna(row.value) and pd.isna(row.rank)
    shown = values[values["code"] == code].set_index("indicator_id")["status"].map(maps.is_demo)
    assert stats.set_index("indicator_id")["demo"].to_dict() == shown.reindex(stats["indicator_id"], fill_value=False).to_dict()
    assert stats["demo"].any()  # the default build's values are demo


def test_profile_ranks_share_the_lower_rank_on_ties(fresh_db):
    with publish.changes(fresh_db) as con:  # three desa of one kecamatan, two tied for best
        con.execute("""INSERT INTO indicator_value VALUES
            ('35.01.01.2001', 'idm', '2024', 0.9, 'demo'), ('35.01.01.2002', 'idm', '2024', 0.9, 'demo'),
            ('35.01.01.2003', 'idm', '2024', 0.5, 'demo')""")
    with db.connect_readonly(fresh_db) as con:
        ranks = {code: db.execute(con, "map/profile", {"level": "desa", "period": "2024", "code": code, "kabkota": "35.01"})
                 .set_index("indicator_id").loc["idm"] for code in ("35.01.01.2001", "35.01.01.2002", "35.01.01.2003", "35.01.01.2004")}
    assert [ranks[c]["rank"] for c in ("35.01.01.2001", "35.01.01.2002", "35.01.01.2003")] == [1, 1, 3]
    assert ranks["35.01.01.2003"]["ranked"] == 3 and ranks["35.01.01.2003"]["province_median"] == pytest.approx(0.9)
    assert pd.isna(ranks["35.01.01.2004"]["rank"])  # a desa without a value is not ranked
