"""`cettar import indicators`: long and wide layouts, mappings, validation, sources, limits."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from cettar.importers.indicators import derived_indicator_ids
from tests.importing import cli, report, rows, sha, write_csv

SOURCE = ["--source-id", "dinas_uji", "--publisher", "Dinas Uji Provinsi Jawa Timur", "--licence", "CC BY 4.0"]


def write_xlsx(path: Path, lines: list[list], title: str = "Data") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for line in lines:
        ws.append(line)
    wb.save(path)
    return path


def value(db: Path, region: str, indicator: str, period: str):
    found = rows(db, "SELECT value, source_id FROM indicator_value WHERE region_code = $r AND indicator_id = $i AND period = $p",
                 {"r": region, "i": indicator, "p": period})
    return found[0] if found else None


def test_long_csv_with_semicolons_and_decimal_commas(fresh_db, tmp_path, capsys):
    path = write_csv(tmp_path / "ikm.csv", [
        ["kode_wilayah", "indikator", "periode", "nilai"],
        ["350101", "kepuasan_masyarakat", "2024", "82,5"],
        ["35.01.02", "kepuasan_masyarakat", "2024", "90"],
        ["3501", "kepuasan_masyarakat", "2025", "85.25"],
        ["35", "layanan_per_pegawai", "2025", "1.234,5"],
    ], delimiter=";")
    assert cli(fresh_db, "import", "indicators", str(path), *SOURCE, "--report-dir", str(tmp_path)) == 0
    out = capsys.readouterr().out
    assert "replaced 2" in out and "of which 2 demo" in out  # kecamatan 2024 values were demo
    assert value(fresh_db, "35.01.01", "kepuasan_masyarakat", "2024") == (82.5, "dinas_uji")
    assert value(fresh_db, "35.01", "kepuasan_masyarakat", "2025") == (85.25, "dinas_uji")
    assert value(fresh_db, "35", "layanan_per_pegawai", "2025") == (1234.5, "dinas_uji")
    assert rows(fresh_db, "SELECT publisher, licence, status FROM data_source WHERE source_id = 'dinas_uji'") == [
        ("Dinas Uji Provinsi Jawa Timur", "CC BY 4.0", "official")]


def test_wide_by_indicator_xlsx_with_mapping_and_title_rows(fresh_db, tmp_path):
    path = write_xlsx(tmp_path / "rekap.xlsx", [
        ["REKAP INDIKATOR KECAMATAN 2025"],
        [],
        ["No", "Kode Kec.", "Nama Kecamatan", "IKM", "Layanan daring", "Realisasi anggaran kecamatan"],
        [1, "35.01.01", "Donorojo", 80.5, "61,2", None],
        [2, 350102, "Pringkuku", "79,25", None, 95],
    ])
    args = ["--map", "Kode Kec.=region_code", "--map", "IKM=kepuasan_masyarakat", "--map", "Layanan daring=layanan_daring",
            "--period", "2025"]
    assert cli(fresh_db, "import", "indicators", str(path), *args, *SOURCE, "--report-dir", str(tmp_path)) == 0
    assert value(fresh_db, "35.01.01", "kepuasan_masyarakat", "2025") == (80.5, "dinas_uji")
    assert value(fresh_db, "35.01.01", "layanan_daring", "2025") == (61.2, "dinas_uji")
    assert value(fresh_db, "35.01.02", "kepuasan_masyarakat", "2025") == (79.25, "dinas_uji")
    assert value(fresh_db, "35.01.02", "realisasi_anggaran", "2025") == (95.0, "dinas_uji")  # header = catalog name
    assert value(fresh_db, "35.01.02", "layanan_daring", "2025") is None  # blank cell: missing, not zero
    assert rows(fresh_db, "SELECT options FROM import_log")[0][0].count("kepuasan_masyarakat") == 1


def test_wide_by_period_with_a_mapping_file(fresh_db, tmp_path):
    mapping = tmp_path / "map.txt"
    mapping.write_text("# file header = our column\nKode=region_code\nInd=indicator_id\n", encoding="utf-8")
    path = write_csv(tmp_path / "series.csv", [
        ["Kode", "Ind", "2016", "2017", "2018-06"],
        ["35.02.01", "aduan_selesai", "70", "71,5", ""],
        ["35.02.02", "aduan_selesai", "60", "", "65"],
    ])
    assert cli(fresh_db, "import", "indicators", str(path), "--map-file", str(mapping), *SOURCE, "--report-dir", str(tmp_path)) == 0
    assert value(fresh_db, "35.02.01", "aduan_selesai", "2017") == (71.5, "dinas_uji")
    assert value(fresh_db, "35.02.02", "aduan_selesai", "2018-06") == (65.0, "dinas_uji")
    assert rows(fresh_db, "SELECT count(*) FROM indicator_value WHERE source_id = 'dinas_uji'") == [(4,)]


def test_every_kind_of_bad_cell_is_reported_and_nothing_changes(fresh_db, tmp_path, capsys):
    path = write_csv(tmp_path / "bad.csv", [
        ["region_code", "indicator_id", "period", "value"],
        ["35.01.01", "kepuasan_masyarakat", "2025", "80"],       # 2 fine
        ["35.01.01.2001", "kepuasan_masyarakat", "2025", "80"],  # 3 desa: below the indicator's level
        ["35.01.99", "kepuasan_masyarakat", "2025", "80"],       # 4 no such kecamatan
        ["3526130", "kepuasan_masyarakat", "2025", "80"],        # 5 BPS code
        ["35.01.02", "indeks_rahasia", "2025", "80"],            # 6 not in the catalog
        ["35.01.02", "kepuasan_masyarakat", "2025-13", "80"],    # 7 bad period
        ["35.01.02", "kepuasan_masyarakat", "2025", "101"],      # 8 above the catalog's max
        ["35.01.02", "kepuasan_masyarakat", "2025", "8O"],       # 9 not a number
        ["35.01.01", "kepuasan_masyarakat", "2025", "81"],       # 10 duplicate of row 2
        ["35.01.03", "kepuasan_masyarakat", "2025", ""],         # 11 empty value
    ])
    before = sha(fresh_db)
    assert cli(fresh_db, "import", "indicators", str(path), *SOURCE, "--report-dir", str(tmp_path / "r")) == 1
    found = {int(p["row"]): p for p in report(tmp_path / "r")}
    assert sorted(found) == list(range(3, 12))
    assert found[3]["column"] == "region_code" and "kecamatan" in found[3]["problem"]
    assert found[5]["problem"].count("BPS") == 1
    assert found[6]["column"] == "indicator_id"
    assert found[7]["column"] == "period"
    assert found[8]["column"] == "value" and "0..100" in found[8]["problem"]
    assert "duplikat baris 2" in found[10]["problem"]
    assert sha(fresh_db) == before
    assert "nothing was imported" in capsys.readouterr().err


def test_missing_columns_and_unknown_sources_are_errors(fresh_db, tmp_path):
    path = write_csv(tmp_path / "x.csv", [["region_code", "indicator_id", "nilai_lain"], ["35.01.01", "kepuasan_masyarakat", "1"]])
    assert cli(fresh_db, "import", "indicators", str(path), *SOURCE, "--report-dir", str(tmp_path / "a")) == 1
    assert {p["column"] for p in report(tmp_path / "a")} >= {"value"}
    good = write_csv(tmp_path / "ok.csv", [["region_code", "indicator_id", "period", "value"], ["35.01.01", "kepuasan_masyarakat", "2025", "80"]])
    # a new source needs a publisher and a licence
    assert cli(fresh_db, "import", "indicators", str(good), "--source-id", "baru", "--report-dir", str(tmp_path / "b")) == 1
    assert {p["column"] for p in report(tmp_path / "b")} == {"opsi --publisher", "opsi --licence"}
    # values are never attached to the generated demo source
    assert cli(fresh_db, "import", "indicators", str(good), "--source-id", "demo", "--report-dir", str(tmp_path / "c")) == 1
    assert "demo" in report(tmp_path / "c")[0]["problem"]
    # no source at all: refused before reading
    assert cli(fresh_db, "import", "indicators", str(good)) == 2


def test_hostile_text_is_refused_with_its_row(fresh_db, tmp_path):
    path = write_csv(tmp_path / "hostile.csv", [
        ["region_code", "indicator_id", "period", "value"],
        ["35.01.01", "kepuasan_masyarakat", "2025", "80"],
        ["=cmd|' /C calc'!A0", "kepuasan_masyarakat", "2025", "80"],
        ["35.01.02", "<script>alert(1)</script>", "2025", "80"],
        ["35.01.03", "kepuasan_masyarakat", "2025", "-2+3+cmd|' /C calc'!A0"],
    ])
    assert cli(fresh_db, "import", "indicators", str(path), *SOURCE, "--report-dir", str(tmp_path / "r")) == 1
    found = {int(p["row"]): p for p in report(tmp_path / "r")}
    assert sorted(found) == [3, 4, 5]
    assert "formula" in found[3]["problem"] and found[3]["column"] == "region_code"
    assert "HTML" in found[4]["problem"]
    assert "formula" in found[5]["problem"]
    # the report itself never carries a live formula
    assert found[3]["value"].startswith("'=")
    from openpyxl import load_workbook

    (xlsx,) = (tmp_path / "r").glob("*-errors.xlsx")
    cells = [c for row in load_workbook(xlsx).active.iter_rows() for c in row]
    assert any(c.value == "=cmd|' /C calc'!A0" and c.data_type == "s" for c in cells)


def test_oversized_files_and_sheets_are_refused_before_loading(fresh_db, tmp_path, monkeypatch):
    lines = [["region_code", "indicator_id", "period", "value"]] + [["35.01.01", "kepuasan_masyarakat", "2025", "80"] for _ in range(300)]
    path = write_csv(tmp_path / "big.csv", lines)
    before = sha(fresh_db)
    assert cli(fresh_db, "import", "indicators", str(path), *SOURCE, "--max-bytes", "1000", "--report-dir", str(tmp_path / "a")) == 1
    assert "terlalu besar" in report(tmp_path / "a")[0]["problem"]
    monkeypatch.setenv("CETTAR_MAX_IMPORT_BYTES", "2000")
    assert cli(fresh_db, "import", "indicators", str(path), *SOURCE, "--report-dir", str(tmp_path / "b")) == 1
    monkeypatch.delenv("CETTAR_MAX_IMPORT_BYTES")
    assert cli(fresh_db, "import", "indicators", str(path), *SOURCE, "--max-rows", "100", "--report-dir", str(tmp_path / "c")) == 1
    assert "terlalu panjang" in report(tmp_path / "c")[0]["problem"]
    xlsx = write_xlsx(tmp_path / "big.xlsx", lines)
    assert cli(fresh_db, "import", "indicators", str(xlsx), *SOURCE, "--max-rows", "100", "--report-dir", str(tmp_path / "d")) == 1
    assert "301" in report(tmp_path / "d")[0]["problem"]  # from the sheet's recorded dimension
    assert sha(fresh_db) == before


def test_dry_run_checks_without_publishing(fresh_db, tmp_path, capsys):
    path = write_csv(tmp_path / "ok.csv", [["region_code", "indicator_id", "period", "value"], ["35.01.01", "kepuasan_masyarakat", "2025", "80"]])
    before = sha(fresh_db)
    assert cli(fresh_db, "import", "indicators", str(path), *SOURCE, "--dry-run") == 0
    assert "dry run" in capsys.readouterr().out
    assert sha(fresh_db) == before


def test_derived_indicators_are_not_imported(fresh_db, tmp_path):
    derived = sorted(derived_indicator_ids())
    assert "indeks_cettar" in derived
    path = write_csv(tmp_path / "turunan.csv", [["region_code", "indicator_id", "period", "value"], ["35.01.01", derived[0], "2024", "50"]])
    assert cli(fresh_db, "import", "indicators", str(path), *SOURCE, "--report-dir", str(tmp_path / "r")) == 1
    assert "derived" in report(tmp_path / "r")[0]["problem"]
