"""The build: official region list, shipped facts, demo values, contracts, atomic publish."""

from __future__ import annotations

import hashlib

import duckdb
import pytest

from cettar import build, cli, contracts, publish


def rows(path, query, params=None):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(query, params or {}).fetchall()


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_region_counts_match_the_official_list(built_db):
    counts = dict(rows(built_db, "SELECT level, count(*) FROM region GROUP BY level"))
    assert counts == {"provinsi": 1, "kabkota": 38, "kecamatan": 666, "desa": 8494}
    types = dict(rows(built_db, "SELECT type, count(*) FROM region WHERE level = 'kabkota' GROUP BY type"))
    assert types == {"kabupaten": 29, "kota": 9}


def test_desa_and_kelurahan_are_told_apart(built_db):
    # 35.78.14.1002 is a kelurahan of Surabaya; 35.01.01.2001 Widoro is a desa of Pacitan.
    found = dict(rows(built_db, "SELECT code, type FROM region WHERE code IN ('35.78.14.1002', '35.01.01.2001')"))
    assert found == {"35.78.14.1002": "kelurahan", "35.01.01.2001": "desa"}


def test_kompak_membership_is_exactly_the_four_kabupaten(built_db):
    names = [r[0] for r in rows(built_db, """
        SELECT r.name FROM program_membership m JOIN region r ON r.code = m.kabkota_code
        WHERE m.program = 'KOMPAK' ORDER BY r.name""")]
    assert names == ["Kabupaten Bondowoso", "Kabupaten Lumajang", "Kabupaten Pacitan", "Kabupaten Trenggalek"]


def test_compiled_facts_keep_their_sources(built_db):
    assert rows(built_db, "SELECT count(*) FROM ppkm_level")[0][0] == 460
    assert rows(built_db, "SELECT count(*) FROM award")[0][0] == 64
    assert rows(built_db, "SELECT count(*) FROM award WHERE source_url IS NULL OR source_url = ''")[0][0] == 0
    evidence = {r[0] for r in rows(built_db, "SELECT DISTINCT evidence FROM ppkm_level")}
    assert {"stated", "inferred_by_elimination", "stated_aggregate_all_jawa_bali"} <= evidence
    # Inmendagri 35/2022: every kab/kota at level 1; its validity dates are unknown, not invented.
    assert rows(built_db, "SELECT count(*), min(level), max(level), count(valid_from) FROM ppkm_level WHERE inmendagri = '35/2022'")[0] == (38, 1, 1, 0)


def test_forum_inspirasi_awards_go_to_the_four_kabupaten(built_db):
    found = {r[0] for r in rows(built_db, """
        SELECT r.name FROM award a JOIN region r ON r.code = a.region_code
        WHERE a.award_name LIKE '%Kecamatan CETTAR%' AND a.event_date = DATE '2021-09-23'""")}
    assert found == {"Kabupaten Pacitan", "Kabupaten Trenggalek", "Kabupaten Bondowoso", "Kabupaten Lumajang"}


def test_every_indicator_value_is_demo_and_labelled(built_db):
    statuses = rows(built_db, "SELECT s.status, count(*) FROM indicator_value JOIN data_source s USING (source_id) GROUP BY 1")
    assert [s for s, _ in statuses] == ["demo"]


def test_built_database_passes_its_contracts(built_db):
    assert contracts.check(built_db).empty
    assert cli.main(["check", str(built_db)]) == 0


def test_check_names_a_duplicated_region_code(fresh_db, capsys):
    with duckdb.connect(str(fresh_db)) as con:
        con.execute("INSERT INTO region SELECT * FROM region WHERE code = '35.01.01'")
    problems = contracts.check(fresh_db)
    assert ("region", "35.01.01") in set(zip(problems["table_name"], problems["row_key"]))
    assert cli.main(["check", str(fresh_db)]) == 1
    out = capsys.readouterr().out
    assert "region 35.01.01: duplicate code (2 rows)" in out


def test_check_names_a_value_pointing_at_a_missing_region(fresh_db, capsys):
    with duckdb.connect(str(fresh_db)) as con:
        con.execute("INSERT INTO indicator_value VALUES ('35.99.99', 'kepuasan_masyarakat', '2024', 80, 'demo')")
    assert cli.main(["check", str(fresh_db)]) == 1
    out = capsys.readouterr().out
    assert "indicator_value 35.99.99 / kepuasan_masyarakat / 2024: region 35.99.99 does not exist" in out


def test_coverage_summarises_every_value_and_a_stale_one_fails_the_contracts(fresh_db):
    covered = rows(fresh_db, "SELECT sum(n_values) FROM indicator_coverage")[0][0]
    assert covered == rows(fresh_db, "SELECT count(*) FROM indicator_value")[0][0] > 0
    assert rows(fresh_db, "SELECT n_values FROM indicator_coverage WHERE indicator_id = 'idm' AND level = 'desa'") == []
    with duckdb.connect(str(fresh_db)) as con:  # a value written behind the build's back
        con.execute("INSERT INTO indicator_value VALUES ('35.01.01.2001', 'idm', '2024', 0.8, 'demo')")
    problems = contracts.check(fresh_db)
    keys = set(zip(problems["table_name"], problems["row_key"], problems["problem"]))
    assert ("indicator_coverage", "idm / 2024 / desa / demo", "summarises 0 value(s), indicator_value holds 1") in keys
    assert any(t == "indicator_regions" and k == "idm" for t, k, _ in keys)


def test_a_publish_refreshes_the_coverage(fresh_db):
    with publish.changes(fresh_db) as con:
        con.execute("INSERT INTO indicator_value VALUES ('35.01.01.2001', 'idm', '2024', 0.8, 'demo'), "
                    "('35.01.01.2002', 'idm', '2024', 0.6, 'demo')")
    assert rows(fresh_db, "SELECT n_values FROM indicator_coverage WHERE indicator_id = 'idm' AND level = 'desa'") == [(2,)]
    assert contracts.check(fresh_db).empty


def test_a_publish_adds_the_coverage_to_a_database_built_before_it_existed(fresh_db):
    with duckdb.connect(str(fresh_db)) as con:
        con.execute("DROP TABLE indicator_coverage")
        con.execute("DROP TABLE indicator_regions")
    assert not contracts.check(fresh_db).empty
    with publish.changes(fresh_db):
        pass
    assert contracts.check(fresh_db).empty


def test_check_reports_a_missing_table(fresh_db):
    with duckdb.connect(str(fresh_db)) as con:
        con.execute("DROP TABLE award")
    problems = contracts.check(fresh_db)
    assert (problems["table_name"] == "(schema)").any()


def test_a_build_that_fails_its_contracts_publishes_nothing(tmp_path, built_db):
    from tests.fixture import write_region_list

    target = tmp_path / "published.duckdb"
    target.write_bytes(built_db.read_bytes())
    before = sha256(target)
    # The fixture region list has 3 kab/kota, not 38: the province contract must stop it.
    with pytest.raises(build.BuildError, match="expected 38 regions"):
        build.build(target, region_folder=write_region_list(tmp_path / "regions"))
    assert sha256(target) == before
    assert not list(tmp_path.glob(".*building"))


def test_build_without_region_list_says_how_to_get_it(tmp_path):
    with pytest.raises(build.BuildError, match="npm ci"):
        build.build(tmp_path / "x.duckdb", region_folder=tmp_path / "nowhere")


def test_indicator_values_are_sorted_for_fast_scans(built_db):
    first = rows(built_db, "SELECT indicator_id, period FROM indicator_value LIMIT 3")
    smallest = rows(built_db, "SELECT min(indicator_id) FROM indicator_value")[0][0]
    assert all(ind == smallest for ind, _ in first)


def test_a_reader_opened_after_a_publish_sees_the_new_file(fresh_db, tmp_path):
    """DuckDB reuses one instance per path and process; our readers must not (stale data)."""
    from cettar import db

    old_reader = db.connect_readonly(fresh_db)
    assert old_reader.execute("SELECT count(*) FROM award").fetchone()[0] == 64
    replacement = tmp_path / "next.duckdb"
    replacement.write_bytes(fresh_db.read_bytes())
    with duckdb.connect(str(replacement)) as con:
        con.execute("DELETE FROM award WHERE year = 2019")
    replacement.replace(fresh_db)
    new_reader = db.connect_readonly(fresh_db)
    assert new_reader.execute("SELECT count(*) FROM award").fetchone()[0] == 63
    assert old_reader.execute("SELECT count(*) FROM award").fetchone()[0] == 64  # its snapshot
    old_reader.close()
    new_reader.close()


def test_writers_take_turns_on_one_database(fresh_db):
    """A build and an import must not run at once: the publish lock serialises them."""
    import threading
    import time

    from cettar import publish

    order = []

    def writer(name):
        with publish.exclusive(fresh_db):
            order.append(f"{name} in")
            time.sleep(0.2)
            order.append(f"{name} out")

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("a", "b")]
    with publish.exclusive(fresh_db):  # re-entrant in one thread
        with publish.exclusive(fresh_db):
            pass
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert order in (["a in", "a out", "b in", "b out"], ["b in", "b out", "a in", "a out"])
