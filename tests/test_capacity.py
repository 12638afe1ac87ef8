"""Kapasitas & Layanan, without the page: the gap arithmetic on a hand-made case, the stored
indicators (same numbers, idempotent, labelled by the weakest input), the demo data, contracts."""

from __future__ import annotations

import shutil

import duckdb
import numpy as np
import pandas as pd
import pytest

from cettar import capacity, contracts, db, demo_capacity, derive, sql

# Two kecamatan, hand-made. Posyandu norm 100 balita; adminduk norm 50 births without a certificate.
#   K1 = 35.01.01: desa 2001 balita 250 / posyandu 2 (supply is demo), desa 2002 balita 180 /
#        posyandu 1; births without akta 30 / 1 service point in desa 2001 only.
#   K2 = 35.01.02: desa 2001 balita 120 / posyandu 0 (reported as zero).
#   Desa 35.03.03.2001 reports balita 90 but no posyandu: it counts nowhere.
HAND = pd.DataFrame([
    ("35.01.01.2001", "jumlah_balita", 250, "official"), ("35.01.01.2001", "jumlah_posyandu", 2, "demo"),
    ("35.01.01.2002", "jumlah_balita", 180, "official"), ("35.01.01.2002", "jumlah_posyandu", 1, "official"),
    ("35.01.01.2001", "kelahiran_tanpa_akta", 30, "official"), ("35.01.01.2001", "titik_layanan_adminduk", 1, "official"),
    ("35.01.02.2001", "jumlah_balita", 120, "official"), ("35.01.02.2001", "jumlah_posyandu", 0, "official"),
    ("35.03.03.2001", "jumlah_balita", 90, "official"),
], columns=["region_code", "indicator_id", "value", "status"]).assign(
    period="2025", kecamatan_code=lambda f: f["region_code"].str[:8])


def test_gap_and_ratio_of_a_hand_made_case():
    gaps = capacity.service_gaps(HAND).set_index(["kecamatan_code", "service"])
    k1 = gaps.loc[("35.01.01", "posyandu")]
    assert (k1["demand"], k1["supply"], k1["capacity"], k1["gap"], k1["n_desa"]) == (430, 3, 300, 130, 2)
    assert k1["ratio"] == pytest.approx(430 / 3)
    assert k1["status"] == "demo"  # one demo input makes the kecamatan's gap demo
    k2 = gaps.loc[("35.01.02", "posyandu")]
    assert (k2["demand"], k2["supply"], k2["gap"], k2["status"]) == (120, 0, 120, "official") and np.isnan(k2["ratio"])
    akta = gaps.loc[("35.01.01", "adminduk")]
    assert (akta["gap"], akta["ratio"], akta["n_desa"]) == (30 - 50, 30, 1)
    assert "35.03.03" not in gaps.index.get_level_values(0)  # demand without supply is not a gap
    assert set(gaps.index) == {("35.01.01", "posyandu"), ("35.01.02", "posyandu"), ("35.01.01", "adminduk")}


def test_desa_rows_use_the_same_rule():
    per_desa = capacity.service_gaps(HAND, by="region_code").set_index(["region_code", "service"])
    assert per_desa.loc[("35.01.01.2001", "posyandu"), "gap"] == 50
    assert per_desa.loc[("35.01.01.2002", "posyandu"), "gap"] == 80
    names = pd.DataFrame({"code": ["35.01.01.2001", "35.01.01.2002"], "name": ["Widoro", "Sawahan"], "type": ["desa", "desa"]})
    table = capacity.desa_table(HAND[HAND["kecamatan_code"] == "35.01.01"], names, "posyandu", "id")
    assert table["Desa/kelurahan"].tolist() == ["Sawahan", "Widoro"]  # largest gap first
    assert table["Kesenjangan"].tolist() == [80, 50] and table["Status data"].tolist() == ["resmi", "demo"]


@pytest.fixture
def fixture_copy(fixture_db, tmp_path):
    path = tmp_path / "fixture.duckdb"
    shutil.copyfile(fixture_db, path)
    return path


STORED = """SELECT v.region_code, v.indicator_id, v.value, v.source_id, s.status
            FROM indicator_value v JOIN data_source s USING (source_id)
            WHERE list_contains($ids, v.indicator_id) AND v.period = '2025' ORDER BY ALL"""


def test_refresh_stores_the_hand_made_case_and_is_idempotent(fixture_copy):
    with duckdb.connect(str(fixture_copy)) as con:
        con.execute("INSERT INTO data_source VALUES ('uji', 'Uji', 'Test', 'Dinas Uji', NULL, 'CC BY 4.0', '2025', 'official', NULL)")
        con.execute("DELETE FROM indicator_value WHERE list_contains($ids, indicator_id)", {"ids": list(capacity.INPUT_IDS)})
        con.register("hand", HAND.assign(source_id=HAND["status"].map({"official": "uji", "demo": "demo"})))
        con.execute("INSERT INTO indicator_value SELECT region_code, indicator_id, period, value, source_id FROM hand")
        derive.refresh(con)
        first = con.execute(STORED, {"ids": list(capacity.DERIVED_IDS)}).df()
        derive.refresh(con)
        again = con.execute(STORED, {"ids": list(capacity.DERIVED_IDS)}).df()
        for name in ("contracts/capacity", "contracts/indicator_value"):
            assert con.execute(sql.load(name)).df().empty, name
    pd.testing.assert_frame_equal(first, again)
    got = {(r.region_code, r.indicator_id): (r.value, r.source_id) for r in first.itertuples()}
    assert got == {
        ("35.01.01", "kesenjangan_posyandu"): (130.0, "layanan_dasar_demo"),
        ("35.01.01", "rasio_posyandu"): (pytest.approx(143.3333333), "layanan_dasar_demo"),
        ("35.01.01", "kesenjangan_adminduk"): (-20.0, "layanan_dasar"),
        ("35.01.01", "rasio_adminduk"): (30.0, "layanan_dasar"),
        ("35.01.02", "kesenjangan_posyandu"): (120.0, "layanan_dasar"),  # no ratio: no posyandu
    }


def test_stored_gaps_equal_the_page_computation(built_db):
    with db.connect_readonly(built_db) as con:
        values = db.execute(con, "capacity/desa_values", {"indicators": list(capacity.INPUT_IDS), "year": "2024", "scope": None})
        stored = con.execute("SELECT region_code, indicator_id, value FROM indicator_value WHERE period = '2024' "
                             "AND list_contains($ids, indicator_id)", {"ids": list(capacity.DERIVED_IDS)}).df()
    gaps = capacity.service_gaps(values)
    expected = capacity.derived_rows(gaps)[["region_code", "indicator_id", "value"]]
    key = ["region_code", "indicator_id"]
    pd.testing.assert_frame_equal(stored.sort_values(key, ignore_index=True), expected.sort_values(key, ignore_index=True))
    assert len(stored[stored["indicator_id"] == "kesenjangan_posyandu"]) == 666
    assert (gaps["gap"] > 0).any() and (gaps["gap"] < 0).any()  # some kecamatan short, some with spare capacity


def test_built_demo_is_labelled_everywhere(built_db):
    with db.connect_readonly(built_db) as con:
        for table in ("delegated_authority", "paten_status", "training_event", "training_participation"):
            assert con.execute(f"SELECT DISTINCT source_id FROM {table}").fetchall() == [("demo",)], table
        inputs = con.execute("SELECT DISTINCT s.status FROM indicator_value v JOIN data_source s USING (source_id) "
                             "WHERE list_contains($ids, indicator_id)", {"ids": list(capacity.INPUT_IDS + capacity.DERIVED_IDS)}).fetchall()
        assert inputs == [("demo",)]
        derived = con.execute("SELECT DISTINCT source_id FROM indicator_value WHERE list_contains($ids, indicator_id)",
                              {"ids": list(capacity.DERIVED_IDS)}).fetchall()
        assert derived == [("layanan_dasar_demo",)]
        # every name and regulation number the generator writes says so
        assert con.execute("SELECT count(*) FROM delegated_authority WHERE NOT ends_with(regulation_number, '(demo)') "
                           "OR NOT ends_with(authority, '(demo)')").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM training_event WHERE NOT ends_with(name, '(demo)') "
                           "OR NOT ends_with(organiser, '(demo)')").fetchone() == (0,)
        counts = con.execute("SELECT (SELECT count(DISTINCT kecamatan_code) FROM paten_status), "
                             "(SELECT count(DISTINCT kecamatan_code) FROM delegated_authority)").fetchone()
    assert counts == (666, 666)


def test_demo_is_deterministic(built_db):
    with db.connect_readonly(built_db) as con:
        regions = con.execute("SELECT code, name, level, type, parent_code, kabkota_code FROM region").df()
    a, b = demo_capacity.generate(regions), demo_capacity.generate(regions)
    for key in demo_capacity.RELATIONS:
        pd.testing.assert_frame_equal(a[key], b[key])
    assert set(a["service_values"]["indicator_id"]) == set(capacity.INPUT_IDS)
    assert sorted(a["service_values"]["period"].unique()) == ["2022", "2023", "2024"]


def test_contracts_pass_on_the_built_database(built_db):
    assert contracts.check(built_db).empty
    with db.connect_readonly(built_db) as con:
        assert con.execute(sql.load("contracts/capacity")).df().empty


def test_contracts_name_broken_capacity_rows(fresh_db):
    with duckdb.connect(str(fresh_db)) as con:
        con.execute("INSERT INTO paten_status SELECT * FROM paten_status WHERE kecamatan_code = '35.01.01' AND year = 2024")
        con.execute("UPDATE training_event SET end_date = start_date - 1 WHERE event_id = 1")
        con.execute("UPDATE delegated_authority SET evaluation = 'luar biasa' WHERE kecamatan_code = '35.01.02' AND year = 2022")
        con.execute("INSERT INTO indicator_value VALUES ('35.01.01', 'kesenjangan_posyandu', '2030', 5, 'demo')")
    problems = contracts.check(fresh_db)
    found = set(zip(problems["table_name"], problems["row_key"], problems["problem"]))
    assert ("paten_status", "35.01.01 / 2024", "duplicate PATEN status for this kecamatan and year") in found
    assert ("training_event", "1", "ends before it starts") in found
    assert any(t == "delegated_authority" and k.startswith("35.01.02 / ") and p.startswith("unknown authority_type") for t, k, p in found)
    assert ("indicator_value", "35.01.01 / kesenjangan_posyandu / 2030",
            "service gaps and ratios are computed by the dashboard, not imported (source demo)") in found


def test_catalog_holds_every_service_indicator():
    from cettar.paths import DATA

    catalog = pd.read_csv(DATA / "indicators.csv").set_index("indicator_id")
    for service in capacity.SERVICES:
        for indicator in (service.demand, service.supply):
            assert catalog.loc[indicator, ["native_level", "aggregation"]].tolist() == ["desa", "sum"]
        assert catalog.loc[service.gap_id, ["native_level", "aggregation", "direction"]].tolist() == ["kecamatan", "sum", "lower_is_better"]
        assert catalog.loc[service.ratio_id, "aggregation"] == "none"  # a ratio is recomputed, never summed
    # one ratio is weighted in the index (pillar Tanggap, data/cettar_index.toml); the rest have no pillar
    pillars = catalog.loc[list(capacity.INPUT_IDS + capacity.DERIVED_IDS), "pillar"]
    assert pillars.dropna().to_dict() == {"rasio_adminduk": "tanggap"}
    # the contract's lists match the module
    text = sql.load("contracts/capacity")
    assert all(f"'{i}'" in text for i in capacity.DERIVED_IDS) and all(f"'{s}'" in text for s in capacity.DERIVED_SOURCES.values())


def test_compare_page_can_pick_the_gaps(built_db):
    with db.connect_readonly(built_db) as con:
        ids = set(db.execute(con, "compare/indicators")["indicator_id"])
    assert set(capacity.DERIVED_IDS) | set(capacity.INPUT_IDS) <= ids
