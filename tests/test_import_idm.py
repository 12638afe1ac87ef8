"""`cettar import idm`: the real IDM 2024 file, the ministry's Excel layout, errors, re-imports."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from tests.importing import cli, sha

pytestmark = pytest.mark.shared

PROVINCE = {"idm_n_mandiri": 4019, "idm_n_maju": 2924, "idm_n_berkembang": 778, "idm_n_tertinggal": 0,
            "idm_n_sangat_tertinggal": 0, "idm_n_desa": 7721}


def one(db: Path, query: str, params: dict | None = None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query, params or {}).fetchall()


def province_counts(db: Path) -> dict[str, int]:
    rows = one(db, "SELECT indicator_id, value FROM indicator_value WHERE region_code = '35' AND period = '2024' "
                   "AND indicator_id IN ('idm_n_mandiri', 'idm_n_maju', 'idm_n_berkembang', 'idm_n_tertinggal', "
                   "'idm_n_sangat_tertinggal', 'idm_n_desa')")
    return {k: int(v) for k, v in rows}


def desa_values(db: Path) -> int:
    return one(db, "SELECT count(*) FROM indicator_value v JOIN region r ON r.code = v.region_code "
                   "WHERE v.indicator_id = 'idm' AND v.period = '2024' AND r.level = 'desa'")[0][0]


def report_rows(folder: Path) -> list[dict]:
    (path,) = folder.glob("*-errors.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def idm_csv(shared) -> Path:
    return shared / "realdata" / "idm_2024_jatim_desa.csv"


@pytest.fixture(scope="module")
def imported(built_db, shared, tmp_path_factory) -> Path:
    """A database with the shared IDM file imported once (tests copy it)."""
    path = tmp_path_factory.mktemp("idm") / "cettar.duckdb"
    shutil.copyfile(built_db, path)
    assert cli(path, "import", "idm", str(shared / "realdata" / "idm_2024_jatim_desa.csv"), "--report-dir", str(path.parent)) == 0
    return path


@pytest.fixture
def idm_db(imported, tmp_path) -> Path:
    path = tmp_path / "cettar.duckdb"
    shutil.copyfile(imported, path)
    return path


def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def write_rows(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_shared_file_gives_the_official_counts(fresh_db, idm_csv, tmp_path, capsys):
    assert cli(fresh_db, "import", "idm", str(idm_csv), "--report-dir", str(tmp_path / "r")) == 0
    out = capsys.readouterr().out
    assert "Mandiri 4,019, Maju 2,924, Berkembang 778" in out
    assert "0 disagreement(s)" in out
    assert desa_values(fresh_db) == 7721
    assert province_counts(fresh_db) == PROVINCE
    # kecamatan aggregates: 603 of 666 kecamatan have desa; the counts add up to the province's
    kec = one(fresh_db, "SELECT count(*), sum(value) FROM indicator_value v JOIN region r ON r.code = v.region_code "
                        "WHERE r.level = 'kecamatan' AND v.indicator_id = 'idm_n_mandiri' AND v.period = '2024'")[0]
    assert kec == (603, 4019)
    # IDM = (IKS + IKE + IKL) / 3 holds for the stored province means too (up to rounding)
    means = dict(one(fresh_db, "SELECT indicator_id, value FROM indicator_value WHERE region_code = '35' AND indicator_id IN ('idm', 'iks', 'ike', 'ikl')"))
    assert abs(means["idm"] - (means["iks"] + means["ike"] + means["ikl"]) / 3) < 1e-4
    share = one(fresh_db, "SELECT value FROM indicator_value WHERE region_code = '35' AND indicator_id = 'idm_share_mandiri'")[0][0]
    assert share == pytest.approx(100 * 4019 / 7721)
    # imported values are official, never demo; the audit log names the file and the user
    assert one(fresh_db, "SELECT DISTINCT s.status FROM indicator_value v JOIN data_source s USING (source_id) "
                         "WHERE v.indicator_id LIKE 'idm%'") == [("official",)]
    log = one(fresh_db, "SELECT kind, file_name, rows_added, rows_replaced, source_id FROM import_log")
    assert log == [("idm", "idm_2024_jatim_desa.csv", log[0][2], 0, "kemendesa_idm")]
    assert one(fresh_db, "SELECT count(*) FROM region WHERE code = '35.01.01.2001'") == [(1,)]
    assert (fresh_db.parent / "imports" / f"{sha(idm_csv)}.csv").exists()


def ministry_workbook(src: Path, target: Path) -> Path:
    """The same data laid out like the ministry's Excel: title rows, upper-case headers with the
    year, decimal commas, 10-digit codes (some as numbers, as Excel stores them)."""
    header, rows = read_rows(src)
    col = {name: i for i, name in enumerate(header)}
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("IDM 2024")
    ws.append(["DATA INDEKS DESA MEMBANGUN (IDM) TAHUN 2024"])
    ws.append(["PROVINSI JAWA TIMUR"])
    ws.append([])
    ws.append(["NO", "KODE PROVINSI", "NAMA PROVINSI", "KODE KABUPATEN", "NAMA KABUPATEN", "KODE KECAMATAN",
               "NAMA KECAMATAN", "KODE DESA", "NAMA DESA", "IKS 2024", "IKE 2024", "IKL 2024", "NILAI IDM 2024", "STATUS IDM 2024"])
    comma = lambda v: v.replace(".", ",")
    for n, r in enumerate(rows, start=1):
        code = int(r[col["kode_desa"]]) if n % 2 else r[col["kode_desa"]]
        ws.append([n, r[col["kode_prov"]], r[col["nama_provinsi"]], r[col["kode_kab"]], r[col["nama_kabupaten"]],
                   r[col["kode_kec"]], r[col["nama_kecamatan"]], code, r[col["nama_desa"]], comma(r[col["iks"]]),
                   comma(r[col["ike"]]), comma(r[col["ikl"]]), comma(r[col["nilai_idm"]]), r[col["status_idm"]]])
    wb.save(target)
    return target


def test_ministry_excel_layout_gives_the_same(fresh_db, idm_csv, tmp_path):
    xlsx = ministry_workbook(idm_csv, tmp_path / "IDM_2024_JAWA_TIMUR.xlsx")
    assert cli(fresh_db, "import", "idm", str(xlsx), "--report-dir", str(tmp_path / "r")) == 0
    assert desa_values(fresh_db) == 7721
    assert province_counts(fresh_db) == PROVINCE
    assert one(fresh_db, "SELECT DISTINCT period FROM indicator_value WHERE indicator_id = 'idm'") == [("2024",)]


def test_bad_copy_fails_names_exactly_the_bad_rows_and_changes_nothing(fresh_db, idm_csv, tmp_path, capsys):
    header, rows = read_rows(idm_csv)
    col = {name: i for i, name in enumerate(header)}
    rows[99][col["kode_desa"]], rows[99][col["kode_desa_dotted"]] = "3501019999", "35.01.01.9999"  # Excel row 101
    rows[1999][col["iks"]] = "tidak ada"  # Excel row 2001
    rows.append(list(rows[4]))  # a second copy of Excel row 6, at Excel row 7723
    bad = write_rows(tmp_path / "idm_bad.csv", header, rows)
    before = sha(fresh_db)

    assert cli(fresh_db, "import", "idm", str(bad), "--report-dir", str(tmp_path / "r")) == 1
    err = capsys.readouterr().err
    assert "3 error(s)" in err and "error report:" in err
    problems = report_rows(tmp_path / "r")
    assert sorted(int(p["row"]) for p in problems if p["severity"] == "error") == [101, 2001, 7723]
    by_row = {int(p["row"]): p for p in problems}
    assert by_row[101]["column"] == "kode_desa_dotted" and "35.01.01.9999" in by_row[101]["problem"]
    assert by_row[2001]["column"] == "iks" and by_row[2001]["value"] == "tidak ada"
    assert "duplikat baris 6" in by_row[7723]["problem"]
    assert all(p["sheet"] == "idm_bad.csv" for p in problems)
    assert len(list((tmp_path / "r").glob("*-errors.xlsx"))) == 1
    assert sha(fresh_db) == before
    assert not (fresh_db.parent / "imports").exists() or not any((fresh_db.parent / "imports").iterdir())


def test_reimport_is_a_no_op(idm_db, idm_csv, tmp_path, capsys):
    before = sha(idm_db)
    assert cli(idm_db, "import", "idm", str(idm_csv), "--report-dir", str(tmp_path)) == 0
    assert "already imported" in capsys.readouterr().out
    assert sha(idm_db) == before
    assert one(idm_db, "SELECT count(*) FROM import_log") == [(1,)]


def test_same_period_with_other_values_replaces_and_says_so(idm_db, idm_csv, tmp_path, capsys):
    header, rows = read_rows(idm_csv)
    col = {name: i for i, name in enumerate(header)}
    # a correction for three desa only: Widoro (Mandiri) falls to Maju, status column agrees
    first = rows[0]
    assert first[col["kode_desa"]] == "3501012001"
    first[col["nilai_idm"]], first[col["iks"]], first[col["ike"]], first[col["ikl"]], first[col["status_idm"]] = "0.8", "0.8", "0.8", "0.8", "MAJU"
    fix = write_rows(tmp_path / "idm_koreksi.csv", header, [first, rows[1], rows[2]])
    capsys.readouterr()
    assert cli(idm_db, "import", "idm", str(fix), "--report-dir", str(tmp_path)) == 0
    out = capsys.readouterr().out
    assert "replaced 12" in out  # 3 desa x 4 indices
    assert one(idm_db, "SELECT value FROM indicator_value WHERE region_code = '35.01.01.2001' AND indicator_id = 'idm'") == [(0.8,)]
    # aggregates are recomputed from all desa values, not only from the partial file
    counts = province_counts(idm_db)
    assert counts["idm_n_desa"] == 7721 and counts["idm_n_mandiri"] == 4018 and counts["idm_n_maju"] == 2925
    assert desa_values(idm_db) == 7721
    assert one(idm_db, "SELECT rows_replaced > 12 FROM import_log WHERE file_name = 'idm_koreksi.csv'") == [(True,)]


def test_status_column_is_checked_against_the_thresholds(fresh_db, idm_csv, tmp_path, capsys):
    header, rows = read_rows(idm_csv)
    col = {name: i for i, name in enumerate(header)}
    rows[0][col["status_idm"]] = "BERKEMBANG"  # Widoro has IDM 0.8498: Mandiri
    path = write_rows(tmp_path / "idm_status.csv", header, rows[:50])
    assert cli(fresh_db, "import", "idm", str(path), "--report-dir", str(tmp_path / "r")) == 0
    out = capsys.readouterr().out
    assert "1 disagreement(s)" in out and "warnings:" in out
    (warnings,) = (tmp_path / "r").glob("*-warnings.csv")
    rows = list(csv.DictReader(open(warnings, encoding="utf-8-sig")))
    assert [(r["severity"], r["row"], r["column"]) for r in rows] == [("warning", "2", "status_idm")]
    assert "Mandiri" in rows[0]["problem"]


def test_file_without_a_year_needs_period(fresh_db, idm_csv, tmp_path):
    header, rows = read_rows(idm_csv)
    keep = [header.index(c) for c in ("kode_desa", "nilai_idm", "iks", "ike", "ikl")]
    path = write_rows(tmp_path / "idm_no_year.csv", [header[i] for i in keep], [[r[i] for i in keep] for r in rows[:20]])
    assert cli(fresh_db, "import", "idm", str(path), "--report-dir", str(tmp_path / "r")) == 1
    assert report_rows(tmp_path / "r")[0]["column"] == "tahun"
    assert cli(fresh_db, "import", "idm", str(path), "--period", "2024", "--report-dir", str(tmp_path / "r2")) == 0
    assert one(fresh_db, "SELECT count(*) FROM indicator_value WHERE indicator_id = 'idm' AND period = '2024' AND length(region_code) = 13") == [(20,)]
