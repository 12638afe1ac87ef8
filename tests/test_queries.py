"""Every SQL file under queries/ runs on the fixture database (the build is the test)."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from cettar import db, sql
from cettar.paths import QUERIES

# A sample value for every $parameter any read query uses. A new parameter without a sample
# fails test_every_parameter_has_a_sample, so this list keeps up with the queries.
SAMPLES = {
    "scope": "35.01",
    "year": "2024",
    "date_from": "2021-07-01",
    "date_to": "2021-12-31",
    "activity_types": ["vaccination_drive", "forkopimcam_meeting"],
    "indicators": ["layanan_daring", "idm", "idm_n_desa"],  # compare/*
    "program": "KOMPAK",  # compare/program
    "level": "kecamatan",  # map/*
    "indicator": "layanan_daring",  # map/values
    "period": "2024",  # map/values
    "code": "35.01.01",  # map/awards, map/profile
    "kabkota": "35.01",  # map/awards, map/ppkm, map/profile
    "kecamatan": "35.01.01",  # capacity/authority, paten, training, desa
    "year_from": 2020,  # awards/awards, awards/replications
    "year_to": 2024,
    "award_names": ["Innovative Government Award (IGA) - Kemendagri 2021"],  # awards/awards
    "recipient_levels": ["kabupaten", "kecamatan"],  # awards/awards
    "kabkota_codes": ["35.01", "35.03"],  # awards/*
    "kompak": "kompak",  # awards/awards
    "map_level": "kecamatan",  # awards/regions
}

# build/ runs in every build, contracts/ below; imports/ and geodata/ change data and read
# relations their importers register, so their own tests run them (test_import_*, test_geodata).
NOT_READ = ("build", "contracts", "imports", "geodata")
READ_QUERIES = sorted(
    f"{p.parent.name}/{p.stem}"
    for p in QUERIES.glob("*/*.sql")
    if p.parent.name not in NOT_READ
)


def test_there_are_read_queries():
    assert "overview/region_counts" in READ_QUERIES


def test_every_parameter_has_a_sample():
    missing = {name: sorted(sql.parameters(sql.load(name)) - SAMPLES.keys()) for name in READ_QUERIES}
    assert {k: v for k, v in missing.items() if v} == {}


@pytest.mark.parametrize("name", READ_QUERIES)
def test_read_query_runs_on_fixture(fixture_db, name):
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        frame = db.execute(con, name, SAMPLES)
    assert frame.columns.size > 0


def test_arrow_conversion_gives_the_same_frames_as_duckdbs(built_db):
    """db.execute converts plain string/double results through Arrow (faster): the frames must be
    exactly those DuckDB's own .df() gives, for every read query that takes that path."""
    took_arrow = 0
    with db.connect_readonly(built_db) as con:
        for name in READ_QUERIES:
            text = sql.load(name)
            cur = con.cursor()
            expected = cur.execute(text, sql.bind(text, SAMPLES, name)).df()
            arrow = {str(c[1]) for c in cur.description} <= db.ARROW_SAFE
            cur.close()
            took_arrow += arrow
            got = db.execute(con, name, SAMPLES)
            if "ORDER BY" not in text:  # an unordered result may come back in another order
                got, expected = (f.sort_values(list(f.columns), ignore_index=True) for f in (got, expected))
            pd.testing.assert_frame_equal(got, expected, check_exact=True, obj=name)
    assert took_arrow >= 3  # e.g. index/inputs, map/values, compare/kecamatan_values


@pytest.mark.parametrize("name", sql.names("contracts"))
def test_contract_query_runs_on_fixture(fixture_db, name):
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        frame = con.execute(sql.load(name)).df()
    assert list(frame.columns) == ["table_name", "row_key", "problem"]


def test_scope_filters_region_counts(fixture_db):
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        pacitan = db.execute(con, "overview/region_counts", {"scope": "35.01"}).set_index("type")["n"].to_dict()
        everything = db.execute(con, "overview/region_counts", {"scope": None}).set_index("type")["n"].to_dict()
    assert pacitan == {"kabupaten": 1, "kecamatan": 2, "desa": 3}
    assert everything == {"kabupaten": 2, "kota": 1, "kecamatan": 4, "desa": 4, "kelurahan": 1}


def test_missing_parameter_is_an_error(fixture_db):
    with duckdb.connect(str(fixture_db), read_only=True) as con, pytest.raises(KeyError, match="scope"):
        db.execute(con, "overview/region_counts", {})


def test_query_names_cannot_leave_queries_folder():
    with pytest.raises(ValueError):
        sql.load("../cettar/paths")
