"""Importing delegated authority, PATEN, training and basic services per desa: templates,
filled templates, errors reported by sheet/row/column, all or nothing, replay on rebuild."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from cettar import build, capacity, db
from cettar.cli import main
from cettar.importers import templates
from tests.importing import cli, report, rows, sha

SOURCE = ["--publisher", "Bagian Pemerintahan Kab. Pacitan", "--licence", "CC BY 4.0"]
KINDS = {"authority": 666, "paten": 666, "training": 666, "services": 8494}  # region codes on the lookup sheet


@pytest.fixture(scope="module")
def made(built_db, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("capacity_templates")
    paths = {}
    for kind in KINDS:
        paths[kind] = folder / f"{kind}.xlsx"
        assert main(["--db", str(built_db), "template", kind, "-o", str(paths[kind])]) == 0
    return paths


def fill(template: Path, out: Path, lines: list[list]) -> Path:
    wb = load_workbook(template)
    for r, line in enumerate(lines, start=2):  # from row 2, as a person fills it (append would go below the formatted rows)
        for c, value in enumerate(line, start=1):
            wb["Data"].cell(row=r, column=c, value=value)
    wb.save(out)
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_templates_have_columns_codes_and_drop_downs(made, kind):
    assert kind in templates.KINDS
    wb = load_workbook(made[kind], read_only=True)
    assert wb.sheetnames == ["Data", "Petunjuk", "Kode Wilayah", "Daftar"]
    headers = next(wb["Data"].iter_rows(max_row=1, values_only=True))
    assert list(headers) == [f.name for f in templates.specs()[kind].fields]
    assert wb["Kode Wilayah"].max_row == 1 + KINDS[kind]
    guide = " ".join(str(v) for row in wb["Petunjuk"].iter_rows(values_only=True) for v in row if v)
    assert f"cettar import {kind}" in guide
    lists = next(wb["Daftar"].iter_rows(max_row=1, values_only=True))
    wb.close()
    expected = {"authority": {"authority_type", "regulation_type", "evaluation"}, "paten": {"implemented", "standard_published"},
                "training": {"role"}, "services": set()}[kind]
    assert expected <= set(lists)


def test_filled_templates_import_and_show_up(made, fresh_db, tmp_path, capsys):
    authority = fill(made["authority"], tmp_path / "kewenangan.xlsx", [
        ["35.01.01", 2025, "Izin usaha mikro dan kecil", "Perizinan", "koperasi dan UKM", "Perbup", "12", 2019, 2020, "Baik", "78,5", None],
        ["350101", 2025, "Rekomendasi izin keramaian", "rekomendasi", "ketenteraman", "perbup", "12", 2019, None, "belum dievaluasi", None, "menunggu"],
    ])
    paten = fill(made["paten"], tmp_path / "paten.xlsx", [
        ["35.01.01", 2025, "ya", 2015, None, "legalisasi dokumen; izin usaha mikro;surat keterangan pindah", "ya", None],
        ["35.01.02", 2025, "tidak", None, 0, None, "tidak", None],
    ])
    training = fill(made["training"], tmp_path / "pelatihan.xlsx", [
        ["ToT pelayanan garis depan", "2024-03-12", "2024-03-16", "Surabaya", "P3PD Jawa Timur", "35.01.01", "camat", 1],
        ["ToT pelayanan garis depan", "2024-03-12", "2024-03-16", "Surabaya", "P3PD Jawa Timur", "35.01.01", "Staf PATEN", 2],
        ["ToT pelayanan garis depan", "2024-03-12", "2024-03-16", "Surabaya", "P3PD Jawa Timur", "35.01.02", "kasi_pelayanan", 1],
    ])
    for kind, path in (("authority", authority), ("paten", paten), ("training", training)):
        assert cli(fresh_db, "import", kind, str(path), "--source-id", "kab_pacitan", *SOURCE, "--report-dir", str(tmp_path)) == 0, kind
    out = capsys.readouterr().out
    assert "added 2, replaced 0" in out and "added 3, replaced 0" in out
    assert rows(fresh_db, "SELECT authority_type, regulation_type, evaluation, evaluation_score, since_year FROM delegated_authority "
                          "WHERE source_id = 'kab_pacitan' ORDER BY authority") == [
        ("perizinan", "perbup", "baik", 78.5, 2020), ("rekomendasi", "perbup", "belum_dievaluasi", None, None)]
    assert rows(fresh_db, "SELECT kecamatan_code, implemented, services_offered, services, standard_published FROM paten_status "
                          "WHERE year = 2025 ORDER BY 1") == [
        ("35.01.01", True, 3, "legalisasi dokumen; izin usaha mikro; surat keterangan pindah", True), ("35.01.02", False, 0, None, False)]
    event = rows(fresh_db, "SELECT event_id, end_date::VARCHAR, source_id FROM training_event WHERE name = 'ToT pelayanan garis depan'")
    assert len(event) == 1 and event[0][1:] == ("2024-03-16", "kab_pacitan")
    assert rows(fresh_db, "SELECT kecamatan_code, role, participants FROM training_participation WHERE event_id = $e ORDER BY 1, 2",
                {"e": event[0][0]}) == [("35.01.01", "camat", 1), ("35.01.01", "staf_paten", 2), ("35.01.02", "kasi_pelayanan", 1)]
    # what the page reads for the kecamatan profile
    with duckdb.connect(str(fresh_db), read_only=True) as con:
        profile = db.execute(con, "capacity/training", {"kecamatan": "35.01.01"})
        assert {"ToT pelayanan garis depan"} <= set(profile["name"]) and set(profile.loc[profile["name"] == "ToT pelayanan garis depan", "status"]) == {"official"}
        assert len(db.execute(con, "capacity/authority", {"kecamatan": "35.01.01"}).query("year == 2025")) == 2
    # the same file again changes nothing; a rebuild replays every import
    assert cli(fresh_db, "import", "training", str(training), "--source-id", "kab_pacitan", "--report-dir", str(tmp_path)) == 0
    assert "already imported" in capsys.readouterr().out
    build.build(fresh_db)
    assert rows(fresh_db, "SELECT count(*) FROM delegated_authority WHERE source_id = 'kab_pacitan'") == [(2,)]
    assert rows(fresh_db, "SELECT count(*) FROM training_participation WHERE source_id = 'kab_pacitan'") == [(3,)]
    assert rows(fresh_db, "SELECT implemented FROM paten_status WHERE kecamatan_code = '35.01.02' AND year = 2025") == [(False,)]


def test_services_import_gives_official_gaps_with_exact_numbers(made, fresh_db, tmp_path):
    desa = [code for (code,) in rows(fresh_db, "SELECT code FROM region WHERE parent_code = '35.01.01' ORDER BY code")]
    # every desa of Donorojo in 2025: balita 150 and 1 posyandu each, except the first (300 and 2);
    # births without a certificate only in the first desa (blank elsewhere = no value).
    lines = [[code, 2025, 150, None, None, None, 1, None, None, None] for code in desa]
    lines[0] = [desa[0], 2025, 300, 40, None, None, 2, 0, None, None]
    path = fill(made["services"], tmp_path / "layanan.xlsx", lines)
    assert cli(fresh_db, "import", "services", str(path), "--source-id", "dinkes_pacitan", *SOURCE, "--report-dir", str(tmp_path)) == 0
    n = len(desa)
    stored = dict(((i, s), v) for i, v, s in rows(fresh_db, "SELECT indicator_id, value, source_id FROM indicator_value "
                                                            "WHERE region_code = '35.01.01' AND period = '2025'"))
    demand, supply = 300 + 150 * (n - 1), 2 + (n - 1)
    assert stored[("kesenjangan_posyandu", "layanan_dasar")] == demand - 100 * supply == 150 * (n + 1) - 100 * (n + 1)
    assert stored[("rasio_posyandu", "layanan_dasar")] == pytest.approx(demand / supply)
    assert stored[("kesenjangan_adminduk", "layanan_dasar")] == 40  # no service point: all 40 unmet, no ratio
    assert ("rasio_adminduk", "layanan_dasar") not in stored
    assert rows(fresh_db, "SELECT count(*) FROM indicator_value WHERE period = '2025' AND source_id = 'dinkes_pacitan'") == [(2 * n + 2,)]
    # a rebuild replays the import and derives the same gaps
    build.build(fresh_db)
    again = dict(((i, s), v) for i, v, s in rows(fresh_db, "SELECT indicator_id, value, source_id FROM indicator_value "
                                                           "WHERE region_code = '35.01.01' AND period = '2025'"))
    assert again == stored


def test_services_import_replaces_demo_values_and_the_gap_follows(made, fresh_db, tmp_path, capsys):
    before = dict(rows(fresh_db, "SELECT indicator_id, value FROM indicator_value WHERE region_code = '35.01.01.2001' AND period = '2024'"))
    path = fill(made["services"], tmp_path / "widoro.xlsx", [["3501012001", "2024", 999, None, None, None, 1, None, None, None]])
    assert cli(fresh_db, "import", "services", str(path), "--source-id", "dinkes_pacitan", *SOURCE, "--report-dir", str(tmp_path)) == 0
    assert "added 0, replaced 1" in capsys.readouterr().out
    after = dict(rows(fresh_db, "SELECT indicator_id, value FROM indicator_value WHERE region_code = '35.01.01.2001' AND period = '2024'"))
    assert after["jumlah_balita"] == 999 and after["jumlah_posyandu"] == 1
    assert after["ruta_dtks"] == before["ruta_dtks"]  # blank cells keep the published value
    with duckdb.connect(str(fresh_db), read_only=True) as con:
        values = db.execute(con, "capacity/desa_values", {"indicators": list(capacity.INPUT_IDS), "year": "2024", "scope": "35.01"})
        gap = con.execute("SELECT value, source_id FROM indicator_value WHERE region_code = '35.01.01' AND period = '2024' "
                          "AND indicator_id = 'kesenjangan_posyandu'").fetchone()
    expected = capacity.service_gaps(values).set_index(["kecamatan_code", "service"]).loc[("35.01.01", "posyandu"), "gap"]
    assert gap == (expected, "layanan_dasar_demo")  # other desa of Donorojo are still demo


def test_bad_rows_are_reported_and_nothing_changes(made, fresh_db, tmp_path):
    cases = {
        "authority": ([["35.01", 2025, "Izin A", "perizinan", "UKM", "perbup", "1", 2019, None, "baik", None, None],  # not a kecamatan
                       ["35.01.01", 2025, "Izin B", "ijazah", "UKM", "perbup", "1", 2026, None, "baik", None, None],  # type; regulation later
                       ["35.01.01", 2025, "Izin C", "perizinan", "UKM", "perbup", "1", 2019, None, "belum", 70, None]],  # score w/o evaluation
                      [(2, "kecamatan_code"), (3, "authority_type"), (4, "evaluation_score")]),
        "paten": ([["35.01.01", 2025, "tidak", 2019, None, None, None, None],  # started but not implemented
                   ["35.01.02", 2025, "mungkin", None, None, None, None, None],
                   ["35.01.02", 2024, "ya", 2026, None, None, None, None]],
                  [(2, "implemented"), (3, "implemented"), (4, "since_year")]),
        "training": ([["Pelatihan A", "2024-03-12", "2024-03-16", "Surabaya", "BPSDM", "35.01.01", "camat", 1],
                      ["Pelatihan A", "2024-03-12", "2024-03-15", "Malang", "BPSDM", "35.01.02", "camat", 1],  # disagrees with row 2
                      ["Pelatihan B", "2024-03-12", "2024-03-10", "Surabaya", "BPSDM", "35.01.01", "camat", 0],
                      ["Pelatihan A", "2024-03-12", "2024-03-16", "Surabaya", "BPSDM", "35.01.01", "camat", 2]],  # duplicate key
                     [(3, "end_date"), (3, "place"), (4, "participants"), (5, "event_name")]),
        "services": ([["35.01.01", 2025, 100, None, None, None, 1, None, None, None],  # a kecamatan, not a desa
                      ["35.01.01.2001", "2025-03", 100, None, None, None, 1, None, None, None],  # a month
                      ["35.01.01.2001", 2025, -5, None, None, None, 1, None, None, None],
                      ["35.01.01.2002", 2025, None, None, None, None, None, None, None, None],  # no value at all
                      ["35.01.01.2002", 2025, 100, None, None, None, "dua", None, None, None]],
                     [(2, "region_code"), (3, "period"), (4, "jumlah_balita"), (5, "jumlah_balita"), (6, "jumlah_posyandu")]),
    }
    before = sha(fresh_db)
    for kind, (lines, expected) in cases.items():
        path = fill(made[kind], tmp_path / f"{kind}_bad.xlsx", lines)
        folder = tmp_path / f"report_{kind}"
        assert cli(fresh_db, "import", kind, str(path), "--source-id", "kab_pacitan", *SOURCE, "--report-dir", str(folder)) == 1, kind
        found = sorted((int(p["row"]), p["column"]) for p in report(folder) if p["severity"] == "error")
        assert found == expected, kind
        assert sha(fresh_db) == before, kind  # the published file is unchanged, byte for byte


def test_derived_gaps_cannot_be_imported_as_indicators(fresh_db, tmp_path):
    path = tmp_path / "gap.csv"
    path.write_text("region_code,indicator_id,period,value\n35.01.01,kesenjangan_posyandu,2030,5\n", encoding="utf-8")
    before = sha(fresh_db)
    assert cli(fresh_db, "import", "indicators", str(path), "--source-id", "uji", *SOURCE, "--report-dir", str(tmp_path / "r")) == 1
    problems = " ".join(p["problem"] for p in report(tmp_path / "r"))
    assert "computed by the dashboard" in problems
    assert sha(fresh_db) == before


def test_an_imported_services_template_moves_the_cettar_index(made, fresh_db, tmp_path):
    """rasio_adminduk is weighted in pillar Tanggap (data/cettar_index.toml): an import of desa
    services recomputes the ratio, the pillar score and the index in the same publish."""
    query = ("SELECT indicator_id, value FROM indicator_value WHERE region_code = '35.01.01' AND period = '2024' "
             "AND indicator_id IN ('rasio_adminduk', 'indeks_pilar_tanggap', 'indeks_cettar')")
    before = dict(rows(fresh_db, query))
    assert set(before) == {"rasio_adminduk", "indeks_pilar_tanggap", "indeks_cettar"}
    # Widoro (Donorojo): 900 births without a certificate and one service point
    path = fill(made["services"], tmp_path / "akta.xlsx", [["3501012001", "2024", None, 900, None, None, None, 1, None, None]])
    assert cli(fresh_db, "import", "services", str(path), "--source-id", "dispendukcapil_pacitan", *SOURCE,
               "--report-dir", str(tmp_path)) == 0
    after = dict(rows(fresh_db, query))
    assert after["rasio_adminduk"] > before["rasio_adminduk"]  # more births without a certificate per point
    assert after["indeks_pilar_tanggap"] < before["indeks_pilar_tanggap"]  # lower is better: the pillar drops
    assert after["indeks_cettar"] < before["indeks_cettar"]
