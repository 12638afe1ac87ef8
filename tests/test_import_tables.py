"""Risk zones, COVID cases, awards, PPKM levels, coordination records and innovations."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from cettar.paths import FACTS
from tests.importing import cli, report, rows, write_csv

SOURCE = ["--publisher", "Bagian Pemerintahan Kab. Uji", "--licence", "CC BY 4.0"]


@pytest.mark.shared
def test_risk_zones_keep_both_dates(fresh_db, shared, tmp_path, capsys):
    path = shared / "realdata" / "covid_zonasi_risiko_jatim_kabkota_2021_2022.csv"
    assert cli(fresh_db, "import", "risk-zones", str(path), "--report-dir", str(tmp_path)) == 0
    assert "added 1216, replaced 0" in capsys.readouterr().out
    zones = dict(rows(fresh_db, "SELECT zone, count(*) FROM risk_zone WHERE week_date = DATE '2022-02-27' GROUP BY zone"))
    assert zones["sedang"] == 30 and sum(zones.values()) == 38
    assert {z for (z,) in rows(fresh_db, "SELECT DISTINCT zone FROM risk_zone")} == {"rendah", "sedang", "tidak_ada_kasus"}
    moved = rows(fresh_db, "SELECT source_date, week_date, count(*) FROM risk_zone WHERE source_date <> week_date GROUP BY ALL ORDER BY 1")
    assert moved == [(dt.date(2021, 2, 13), dt.date(2022, 3, 13), 38), (dt.date(2021, 12, 9), dt.date(2022, 1, 9), 38)]
    assert rows(fresh_db, "SELECT source_date_text, kabkota_code, note IS NOT NULL FROM risk_zone "
                          "WHERE week_date = DATE '2022-01-09' AND kabkota_code = '35.01'") == [("09 Desember 2021", "35.01", True)]
    assert rows(fresh_db, "SELECT status FROM data_source WHERE source_id = 'satgas_covid_zonasi'") == [("official",)]


@pytest.mark.shared
def test_covid_cases_load_into_their_own_table(fresh_db, shared, tmp_path):
    path = shared / "realdata" / "covid_harian_jatim_provinsi_2020_2022.csv"
    assert cli(fresh_db, "import", "covid-cases", str(path), "--report-dir", str(tmp_path)) == 0
    assert rows(fresh_db, "SELECT count(*), min(case_date), max(case_date), count(DISTINCT region_code) FROM covid_case") == [
        (927, dt.date(2020, 3, 18), dt.date(2022, 9, 30), 1)]
    first = rows(fresh_db, "SELECT region_code, new_cases, new_deaths, total_cases FROM covid_case ORDER BY case_date LIMIT 1")
    assert first == [("35", 6, 1, 6)]
    assert rows(fresh_db, "SELECT min(active_change) FROM covid_case")[0][0] < 0  # active cases may fall


def test_compiled_award_and_ppkm_layouts_replace_the_shipped_rows(fresh_db, tmp_path, capsys):
    assert cli(fresh_db, "import", "awards", str(FACTS / "awards_innovation_jatim_compiled.csv"), "--source-id", "awards_compiled",
               "--report-dir", str(tmp_path)) == 0
    assert "added 0, replaced 64" in capsys.readouterr().out
    assert rows(fresh_db, "SELECT count(*), count(DISTINCT award_id) FROM award") == [(64, 64)]
    assert cli(fresh_db, "import", "ppkm", str(FACTS / "ppkm_level_jatim_kabkota_compiled.csv"), "--source-id", "ppkm_compiled",
               "--report-dir", str(tmp_path)) == 0
    assert "added 0, replaced 460" in capsys.readouterr().out
    assert rows(fresh_db, "SELECT level FROM ppkm_level WHERE inmendagri = '22/2021' AND kabkota_code = '35.01'") == [(3,)]


def test_new_award_and_its_innovation(fresh_db, tmp_path):
    path = write_csv(tmp_path / "penghargaan.csv", [
        ["tahun", "penghargaan", "pemberi", "tingkat_penerima", "wilayah", "kode_wilayah", "inovasi", "tanggal_acara", "source_url"],
        ["2025", "Kecamatan CETTAR Award", "Gubernur Jawa Timur", "Kecamatan", "Kecamatan Donorojo", "350101", "Layanan Keliling",
         "2025-09-23", "https://jatimprov.go.id/berita/contoh"],
    ])
    assert cli(fresh_db, "import", "awards", str(path), "--source-id", "biro_pemerintahan", *SOURCE, "--report-dir", str(tmp_path)) == 0
    assert rows(fresh_db, "SELECT recipient_level, region_code, event_date, source_id FROM award WHERE year = 2025 AND award_name = 'Kecamatan CETTAR Award'") == [
        ("kecamatan", "35.01.01", dt.date(2025, 9, 23), "biro_pemerintahan")]
    assert rows(fresh_db, "SELECT count(*) FROM innovation WHERE name = 'Layanan Keliling' AND region_code = '35.01.01'") == [(1,)]


def test_award_text_with_formulas_or_script_is_refused(fresh_db, tmp_path):
    header = ["year", "award_name", "giver", "recipient_level", "recipient_name", "innovation_name", "source_url"]
    path = write_csv(tmp_path / "hostile.csv", [
        header,
        ["2025", "Penghargaan A", "Gubernur", "kabupaten", "Kabupaten Pacitan", "Inovasi Baik", "https://example.go.id/a"],
        ["2025", "Penghargaan B", "Gubernur", "kabupaten", "<script>alert('x')</script>", "", "https://example.go.id/b"],
        ["2025", "Penghargaan C", "Gubernur", "kabupaten", "Kabupaten Ngawi", "=cmd|' /C calc'!A0", "https://example.go.id/c"],
        ["2025", "Penghargaan D", "Gubernur", "kabupaten", "Kabupaten Blitar", "", "javascript:alert(1)"],
    ])
    before = hashlib.sha256(fresh_db.read_bytes()).hexdigest()
    assert cli(fresh_db, "import", "awards", str(path), "--source-id", "uji", *SOURCE, "--report-dir", str(tmp_path / "r")) == 1
    found = sorted((int(p["row"]), p["column"]) for p in report(tmp_path / "r"))
    assert found == [(3, "recipient_name"), (4, "innovation_name"), (5, "source_url")]
    assert hashlib.sha256(fresh_db.read_bytes()).hexdigest() == before


def test_coordination_records_with_indonesian_labels(fresh_db, tmp_path, capsys):
    path = write_csv(tmp_path / "koordinasi.csv", [
        ["kode_kecamatan", "tanggal", "jenis_kegiatan", "instansi", "peserta", "hasil"],
        ["350101", "02/08/2021", "Rapat Forkopimcam", "Camat, Polsek; Koramil", "25", "Posko PPKM mikro di 12 desa"],
        ["35.01.02", "2021-08-03", "vaksinasi", "camat;puskesmas", "", ""],
        ["35.01.02", "2021-08-04", "arisan", "camat", "3", ""],
        ["35.01", "2021-08-04", "lainnya", "camat", "3", ""],
        ["35.01.03", "2021-08-32", "lainnya", "camat", "-3", ""],
    ])
    assert cli(fresh_db, "import", "coordination", str(path), "--source-id", "uji", *SOURCE, "--report-dir", str(tmp_path / "r")) == 1
    found = sorted((int(p["row"]), p["column"]) for p in report(tmp_path / "r"))
    assert found == [(4, "jenis_kegiatan"), (5, "kode_kecamatan"), (6, "peserta"), (6, "tanggal")]
    ok = write_csv(tmp_path / "koordinasi_ok.csv", [
        ["kode_kecamatan", "tanggal", "jenis_kegiatan", "instansi", "peserta", "hasil"],
        ["350101", "02/08/2021", "Rapat Forkopimcam", "Camat, Polsek; Koramil", "25", "Posko PPKM mikro di 12 desa"],
        ["35.01.02", "2021-08-03", "vaksinasi", "camat;puskesmas", "", ""],
    ])
    assert cli(fresh_db, "import", "coordination", str(ok), "--source-id", "uji", *SOURCE, "--report-dir", str(tmp_path / "r2")) == 0
    assert rows(fresh_db, "SELECT activity_type, agencies, participants FROM coordination_record WHERE source_id = 'uji' ORDER BY activity_date") == [
        ("forkopimcam_meeting", "camat;polsek;koramil", 25), ("vaccination_drive", "camat;puskesmas", None)]


def test_innovations_replace_by_name_and_region(fresh_db, tmp_path, capsys):
    lines = [["nama_inovasi", "kode_wilayah", "tahun_mulai", "status"], ["Musrena Keren", "3503", "2019", "direplikasi"]]
    assert cli(fresh_db, "import", "innovations", str(write_csv(tmp_path / "a.csv", lines)), "--source-id", "uji", *SOURCE,
               "--report-dir", str(tmp_path)) == 0
    lines[1][3] = "berjalan"
    assert cli(fresh_db, "import", "innovations", str(write_csv(tmp_path / "b.csv", lines)), "--source-id", "uji",
               "--report-dir", str(tmp_path)) == 0
    assert "added 0, replaced 1" in capsys.readouterr().out
    assert rows(fresh_db, "SELECT status, start_year FROM innovation WHERE name = 'Musrena Keren' AND region_code = '35.03'") == [("berjalan", 2019)]


def test_risk_zone_labels_must_be_known(fresh_db, tmp_path):
    path = write_csv(tmp_path / "zona.csv", [
        ["tanggal", "kode_kabkota", "zona"],
        ["2022-02-27", "3501", "Zona Oranye"],
        ["2022-02-27", "3502", "ungu"],
        ["2022-02-27", "3501", "merah"],
    ])
    assert cli(fresh_db, "import", "risk-zones", str(path), "--report-dir", str(tmp_path / "r")) == 1
    found = {int(p["row"]): p["problem"] for p in report(tmp_path / "r")}
    assert sorted(found) == [3, 4] and "pilihan" in found[3] and "duplikat baris 2" in found[4]
