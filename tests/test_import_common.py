"""Parsing and checking cells: numbers, codes, periods, dates, hostile text, headers, reports."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from cettar.importers.common import (
    CellError,
    Problem,
    Regions,
    kemendagri_code,
    normalise_header,
    parse_date,
    parse_mapping,
    parse_number,
    parse_period,
    sniff_delimiter,
    text_problem,
    write_report,
)


@pytest.mark.parametrize("raw, expected", [
    ("0,8498", 0.8498), ("0.8498", 0.8498), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1234.5", 1234.5),
    ("1.234.567", 1234567), ("-2310", -2310), (" 7 ", 7), ("1e-4", 0.0001), ("1\u00a0234,5", 1234.5),
    (3, 3), (2.5, 2.5),
])
def test_numbers_in_indonesian_and_english_notation(raw, expected):
    assert parse_number(raw) == pytest.approx(expected)


@pytest.mark.parametrize("raw", ["", "abc", "12,5%", "1,2,3", "1.23.4", "8O", True, float("nan")])
def test_not_numbers(raw):
    with pytest.raises(CellError):
        parse_number(raw)


@pytest.mark.parametrize("raw, expected", [
    ("3501012001", "35.01.01.2001"), (3501012001, "35.01.01.2001"), (3501012001.0, "35.01.01.2001"),
    ("35.01.01.2001", "35.01.01.2001"), ("350101", "35.01.01"), ("3501", "35.01"), ("35", "35"),
    ("3526130", None), ("35.1.1", None), ("=cmd", None),
])
def test_kemendagri_codes(raw, expected):
    assert kemendagri_code(raw) == expected


def test_region_levels_are_checked():
    regions = Regions([("35", "provinsi", "provinsi"), ("35.01", "kabkota", "kabupaten"), ("35.01.01", "kecamatan", "kecamatan")])
    assert regions.check("3501", ("kabkota",)) == "35.01"
    with pytest.raises(CellError, match="kabkota"):
        regions.check("350101", ("kabkota",))
    with pytest.raises(CellError, match="BPS"):
        regions.check("3501010", ("kabkota",))
    with pytest.raises(CellError, match="tidak ada"):
        regions.check("35.99", ("kabkota",))


@pytest.mark.parametrize("raw, expected", [
    ("2024", "2024"), (2024, "2024"), (2024.0, "2024"), ("2024-3", "2024-03"), ("03/2024", "2024-03"),
    ("Maret 2024", "2024-03"), (dt.datetime(2024, 3, 1), "2024-03"),
])
def test_periods(raw, expected):
    assert parse_period(raw) == expected


@pytest.mark.parametrize("raw", ["2024-13", "1899", "24", "Q1 2024", ""])
def test_bad_periods(raw):
    with pytest.raises(CellError):
        parse_period(raw)


@pytest.mark.parametrize("raw, expected", [
    ("2021-11-07", dt.date(2021, 11, 7)), ("07/11/2021", dt.date(2021, 11, 7)), ("7 November 2021", dt.date(2021, 11, 7)),
    ("27 Februari 2022", dt.date(2022, 2, 27)), (dt.datetime(2022, 2, 27, 0, 0), dt.date(2022, 2, 27)),
])
def test_dates(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["2021-02-30", "kemarin", 44505])
def test_bad_dates(raw):
    with pytest.raises(CellError):
        parse_date(raw)


@pytest.mark.parametrize("text", [
    "=cmd|' /C calc'!A0", "=1+1", "+A1", "-SUM(A1:A3)", "@SUM(1)", "\t=1+1", "\r+cmd|x", " =HYPERLINK(\"http://x\")",
    "-2+3+cmd|' /C calc'!A0", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "a\x00b",
])
def test_hostile_text_is_refused(text):
    assert text_problem(text)


@pytest.mark.parametrize("text", ["Kecamatan Tongas", "-", "- tidak ada", "-2310", "+62 812 3456 7890", "a < b", "IDM >= 0,8155", "Juara 1 (kategori A)"])
def test_ordinary_text_passes(text):
    assert text_problem(text) is None


def test_headers_and_mappings():
    assert normalise_header("KODE DESA") == "kode_desa"
    assert normalise_header(" Nilai IDM 2024 ") == "nilai_idm_2024"
    assert normalise_header(2024.0) == "2024"
    assert parse_mapping(["Kode Wilayah=region_code", "IKM 2023 = kepuasan_masyarakat"]) == {
        "kode_wilayah": "region_code", "ikm_2023": "kepuasan_masyarakat"}
    with pytest.raises(ValueError):
        parse_mapping(["tanpa tanda sama dengan"])


def test_delimiters_are_detected():
    assert sniff_delimiter("a,b,c\n1,2,3\n") == ","
    assert sniff_delimiter("kode;nilai;iks\n35.01;0,85;0,7\n35.02;0,75;0,6\n") == ";"
    assert sniff_delimiter("kode\tnilai\n35.01\t0,85\n") == "\t"


def test_report_never_writes_live_formulas(tmp_path):
    problems = [Problem("Data", 3, "nama", "=cmd|' /C calc'!A0", "formula"), Problem("Data", 2, "kode", "35.99", "tidak ada")]
    csv_path, xlsx_path = write_report(problems, tmp_path, "r")
    lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "severity,sheet,row,column,value,problem"
    assert lines[1].startswith("error,Data,2,kode") and "'=cmd" in lines[2]
    ws = load_workbook(xlsx_path).active
    assert ws["C2"].value == 2 and ws["E3"].value == "=cmd|' /C calc'!A0" and ws["E3"].data_type == "s"
