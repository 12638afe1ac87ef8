"""`cettar import replications` and its template: where registered innovations were taken up."""

from __future__ import annotations

import zipfile
import xml.etree.ElementTree as ET

from openpyxl import load_workbook

from cettar import build
from cettar.cli import main
from cettar.importers import templates
from tests.importing import cli, report, rows, sha, write_csv

SOURCE = ["--source-id", "bappeda_uji", "--publisher", "Bappeda Kab. Uji", "--licence", "CC BY 4.0"]
MUSRENA = "Musrena Keren - Musyawarah Perencanaan Perempuan, Anak, Disabilitas dan Kelompok Rentan"
HEADER = ["inovasi", "kode_wilayah_asal", "kode_wilayah_replikasi", "tahun", "sumber", "catatan"]


def test_import_adds_rows_and_replaces_demo_ones(fresh_db, tmp_path, capsys):
    (demo_target,) = rows(fresh_db, "SELECT adopting_region_code FROM replication WHERE innovation_name = ? AND origin_region_code = '35.03' "
                                    "ORDER BY adopting_region_code LIMIT 1", [MUSRENA])[0:1]
    path = write_csv(tmp_path / "replikasi.csv", [
        HEADER,
        [MUSRENA, "3503", demo_target[0], "2022", "https://example.go.id/a ; https://example.go.id/b", "Perbup 2022"],
        [MUSRENA, "3503", "35.01.02", "2023", "", ""],  # a kecamatan of Pacitan
        ["Gayatri", "35.76", "3573", "2021", "", ""],
    ])
    assert cli(fresh_db, "import", "replications", str(path), *SOURCE, "--report-dir", str(tmp_path)) == 0
    assert "added 2, replaced 1" in capsys.readouterr().out
    mine = rows(fresh_db, "SELECT innovation_name, adopting_region_code, year, source_url FROM replication WHERE source_id = 'bappeda_uji' "
                          "ORDER BY adopting_region_code")
    assert [(m[1], m[2]) for m in mine] == sorted([(demo_target[0], 2022), ("35.01.02", 2023), ("35.73", 2021)])
    assert rows(fresh_db, "SELECT count(*) FROM replication WHERE adopting_region_code = ? AND innovation_name = ? AND source_id = 'demo'",
                [demo_target[0], MUSRENA]) == [(0,)]
    assert rows(fresh_db, "SELECT status FROM data_source WHERE source_id = 'bappeda_uji'") == [("official",)]
    # the same file again changes nothing
    before = sha(fresh_db)
    assert cli(fresh_db, "import", "replications", str(path), *SOURCE, "--report-dir", str(tmp_path)) == 0
    assert "nothing changed" in capsys.readouterr().out and sha(fresh_db) == before


def test_every_error_is_reported_and_nothing_changes(fresh_db, tmp_path):
    before = sha(fresh_db)
    path = write_csv(tmp_path / "salah.csv", [
        HEADER,
        ["Musrena Keren", "3503", "3501", "2022", "", ""],  # not the registry's name
        [MUSRENA, "3501", "3502", "2022", "", ""],  # the innovation did not start in Pacitan
        [MUSRENA, "3503", "3503", "2022", "", ""],  # its own region
        [MUSRENA, "3503", "35", "2022", "", ""],  # the province does not adopt
        [MUSRENA, "3503", "3504", "1985", "javascript:alert(1)", ""],
        [MUSRENA, "3503", "3505", "2022", "", "=HYPERLINK(\"http://x\")"],
        [MUSRENA, "3503", "3506", "2022", "", ""],
        [MUSRENA, "3503", "35.06", "2023", "", ""],  # the same key twice
    ])
    assert cli(fresh_db, "import", "replications", str(path), *SOURCE, "--report-dir", str(tmp_path)) == 1
    problems = {(int(p["row"]), p["column"]): p["problem"] for p in report(tmp_path)}
    assert "tidak ada di registri inovasi" in problems[(2, "inovasi")]
    assert "tidak ada di registri inovasi" in problems[(3, "inovasi")]
    assert "sama dengan wilayah asal" in problems[(4, "kode_wilayah_replikasi")]
    assert "provinsi" in problems[(5, "kode_wilayah_replikasi")]
    assert "rentang" in problems[(6, "tahun")] and "URL" in problems[(6, "sumber")]
    assert "rumus" in problems[(7, "catatan")]
    assert "duplikat baris 8" in problems[(9, "inovasi")]
    assert sha(fresh_db) == before


def test_year_before_the_innovation_started_is_refused(fresh_db, tmp_path):
    registry = write_csv(tmp_path / "inovasi.csv", [["nama_inovasi", "kode_wilayah", "tahun_mulai"], ["Layanan Keliling", "350101", "2023"]])
    assert cli(fresh_db, "import", "innovations", str(registry), *SOURCE, "--report-dir", str(tmp_path / "a")) == 0
    path = write_csv(tmp_path / "replikasi.csv", [HEADER, ["Layanan Keliling", "35.01.01", "35.01.02", "2022", "", ""]])
    assert cli(fresh_db, "import", "replications", str(path), *SOURCE, "--report-dir", str(tmp_path / "b")) == 1
    (problem,) = report(tmp_path / "b")
    assert problem["column"] == "tahun" and "sebelum inovasi dimulai (2023)" in problem["problem"]


def test_registry_change_that_contradicts_a_replication_breaks_the_contract(fresh_db, tmp_path):
    name, origin, last = rows(fresh_db, "SELECT innovation_name, origin_region_code, max(year) FROM replication GROUP BY ALL "
                                        "HAVING origin_region_code <> '35' ORDER BY 1 LIMIT 1")[0]
    before = sha(fresh_db)
    registry = write_csv(tmp_path / "inovasi.csv", [["nama_inovasi", "kode_wilayah", "tahun_mulai"], [name, origin, str(last + 1)]])
    assert cli(fresh_db, "import", "innovations", str(registry), *SOURCE, "--report-dir", str(tmp_path)) == 1
    assert any("implausible year" in p["problem"] for p in report(tmp_path))
    assert sha(fresh_db) == before


def test_rebuild_replays_the_import(fresh_db, tmp_path):
    path = write_csv(tmp_path / "replikasi.csv", [HEADER, ["Gayatri", "3576", "3571", "2022", "https://example.go.id/g", ""]])
    assert cli(fresh_db, "import", "replications", str(path), *SOURCE, "--report-dir", str(tmp_path)) == 0
    build.build(fresh_db)
    assert rows(fresh_db, "SELECT adopting_region_code, year, source_id FROM replication WHERE source_id <> 'demo'") == [("35.71", 2022, "bappeda_uji")]
    assert rows(fresh_db, "SELECT count(*) FROM import_log WHERE kind = 'replications'") == [(1,)]


def test_template_offers_the_registry_and_imports_when_filled(built_db, fresh_db, tmp_path):
    out = tmp_path / "replikasi.xlsx"
    assert main(["--db", str(built_db), "template", "replications", "-o", str(out)]) == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["Data", "Petunjuk", "Kode Wilayah", "Daftar"]
    assert [c.value for c in wb["Data"][1]] == [f.name for f in templates.specs()["replications"].fields]
    daftar = list(wb["Daftar"].iter_rows(values_only=True))
    names, origins = daftar[0].index("innovation_name"), daftar[0].index("kode_wilayah_asal")
    registry = {(r[names], r[origins]) for r in daftar[1:] if r[names]}
    assert (MUSRENA, "35.03") in registry and ("Gayatri", "35.76") in registry
    assert not any(n.startswith("(") for n, _ in registry)  # placeholders are not innovations
    guide = " ".join(str(v) for row in wb["Petunjuk"].iter_rows(values_only=True) for v in row if v)
    assert "cettar import replications" in guide
    with zipfile.ZipFile(out) as zf:
        sheet = ET.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    found = {dv.get("sqref").split(":")[0]: dv for dv in sheet.iter(f"{ns}dataValidation")}
    assert found["A2"].get("type") == "list" and found["A2"].get("errorStyle") == "warning"  # the import checks a pasted name
    assert "Kode Wilayah" in found["C2"].findtext(f"{ns}formula1")
    ws = wb["Data"]
    ws.append([MUSRENA, "35.03", "35.02", 2022, None, None])
    wb.save(out)
    assert main(["--db", str(fresh_db), "import", "replications", str(out), *SOURCE, "--report-dir", str(tmp_path)]) == 0
    assert rows(fresh_db, "SELECT count(*) FROM replication WHERE source_id = 'bappeda_uji'") == [(1,)]
