"""Imports publish atomically (readers never see a mix), and survive a rebuild (replay)."""

from __future__ import annotations

import csv
import random
import threading
import time
from pathlib import Path

import duckdb
import pytest

from cettar import build, db
from cettar.cli import main
from cettar.importers import pipeline
from cettar.importers.common import Limits

SOURCE = {"source_id": "dinas_uji", "publisher": "Dinas Uji", "licence": "CC BY 4.0", "status": "official",
          "title_id": "Uji", "title_en": "Test", "retrieved": "2026-11"}


def kecamatan_file(db: Path, folder: Path, period: str) -> tuple[Path, int]:
    """A long-form file with one value for every kecamatan in one (new) period."""
    with duckdb.connect(str(db), read_only=True) as con:
        codes = [c for (c,) in con.execute("SELECT code FROM region WHERE level = 'kecamatan' ORDER BY code").fetchall()]
    path = folder / f"ikm_{period}.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["region_code", "indicator_id", "period", "value"])
        for i, code in enumerate(codes):
            writer.writerow([code, "kepuasan_masyarakat", period, f"{60 + i % 40},5"])
    return path, len(codes)


def totals(con) -> tuple[int, int, int]:
    """(values, imported values, imports) in one snapshot."""
    return con.execute(
        "SELECT (SELECT count(*) FROM indicator_value), (SELECT count(*) FROM indicator_value WHERE source_id = 'dinas_uji'), "
        "(SELECT count(*) FROM import_log)"
    ).fetchone()


def test_readers_in_other_threads_see_old_or_new_data_never_a_mix(fresh_db, tmp_path):
    with duckdb.connect(str(fresh_db), read_only=True) as con:
        base = totals(con)[0]
    files = [kecamatan_file(fresh_db, tmp_path, period) for period in ("2013", "2014", "2015")]
    per_import = files[0][1]
    allowed = {(base + k * per_import, k * per_import, k) for k in range(len(files) + 1)}
    seen, errors, stop = [], [], threading.Event()

    def reader():
        rng = random.Random()
        while not stop.is_set():
            try:
                con = db.connect_readonly(fresh_db)  # what the dashboard uses
                try:
                    seen.append(totals(con))
                finally:
                    con.close()
            except Exception as exc:  # any error at all fails the test
                errors.append(repr(exc))
            time.sleep(rng.uniform(0.002, 0.01))  # gaps let a new connection open the renamed file

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for path, _ in files:
            time.sleep(0.05)
            pipeline.run("indicators", path, {"source": SOURCE}, db=fresh_db, limits=Limits(), report_dir=tmp_path / "r")
        time.sleep(0.05)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not errors
    assert seen and set(seen) <= allowed, set(seen) - allowed
    assert len(set(seen)) >= 2, "readers never saw an import land"
    with duckdb.connect(str(fresh_db), read_only=True) as con:
        assert totals(con) == (base + 3 * per_import, 3 * per_import, 3)


@pytest.mark.shared
def test_rebuild_replays_every_import(fresh_db, shared, tmp_path):
    real = shared / "realdata"
    path, n = kecamatan_file(fresh_db, tmp_path, "2015")
    for args in (["idm", str(real / "idm_2024_jatim_desa.csv")],
                 ["risk-zones", str(real / "covid_zonasi_risiko_jatim_kabkota_2021_2022.csv")],
                 ["covid-cases", str(real / "covid_harian_jatim_provinsi_2020_2022.csv")],
                 ["indicators", str(path), "--source-id", "dinas_uji", "--publisher", "Dinas Uji", "--licence", "CC BY 4.0"]):
        assert main(["--db", str(fresh_db), "import", *args, "--report-dir", str(tmp_path), "--by", "operator uji"]) == 0
    with duckdb.connect(str(fresh_db), read_only=True) as con:
        before = con.execute("SELECT import_id, imported_at, imported_by, kind, sha256, rows_added FROM import_log ORDER BY 1").fetchall()

    build.build(fresh_db)

    with duckdb.connect(str(fresh_db), read_only=True) as con:
        q = lambda s: con.execute(s).fetchall()
        assert q("SELECT import_id, imported_at, imported_by, kind, sha256, rows_added FROM import_log ORDER BY 1") == before
        assert q("SELECT value FROM indicator_value WHERE region_code = '35' AND indicator_id = 'idm_n_mandiri'") == [(4019.0,)]
        assert q("SELECT count(*) FROM indicator_value WHERE indicator_id = 'idm' AND length(region_code) = 13") == [(7721,)]
        assert q("SELECT count(*) FROM risk_zone WHERE week_date = DATE '2022-02-27' AND zone = 'sedang'") == [(30,)]
        assert q("SELECT count(*) FROM covid_case") == [(927,)]
        assert q("SELECT count(*) FROM indicator_value WHERE source_id = 'dinas_uji'") == [(n,)]
        assert q("SELECT status FROM data_source WHERE source_id = 'dinas_uji'") == [("official",)]
    assert {e[2] for e in before} == {"operator uji"}


def test_a_contract_violation_publishes_nothing_and_is_reported(fresh_db, tmp_path, monkeypatch, capsys):
    import pandas as pd

    from cettar import contracts

    broken = pd.DataFrame([{"contract": "facts", "table_name": "risk_zone", "row_key": "2022-02-27 / 35.01", "problem": "invented for the test"}])
    monkeypatch.setattr(contracts, "check_connection", lambda con: broken)
    path = tmp_path / "zona.csv"
    path.write_text("tanggal,kode_kabkota,zona\n2022-02-27,3501,sedang\n", encoding="utf-8")
    before = fresh_db.read_bytes()
    assert main(["--db", str(fresh_db), "import", "risk-zones", str(path), "--report-dir", str(tmp_path / "r")]) == 1
    assert "data contract" in capsys.readouterr().err
    assert fresh_db.read_bytes() == before
    (report,) = (tmp_path / "r").glob("*-errors.csv")
    assert "invented for the test" in report.read_text(encoding="utf-8-sig")
    store = fresh_db.parent / "imports"
    assert not store.exists() or not any(store.iterdir())  # the original is not kept either
