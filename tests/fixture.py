"""A small fixture database written as code: three kab/kota, a few kecamatan and desa.

Used where the full province is not needed (every SQL file must run on it). It is built by
the real build code with a tiny region list, so it has every table; its region counts do not
meet the province contract, which is why it is populated directly instead of published.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from cettar import build

PROVINCES = [("35", "Jawa Timur"), ("36", "Banten")]
REGENCIES = [
    ("35.01", "35", "Kabupaten Pacitan"),
    ("35.03", "35", "Kabupaten Trenggalek"),
    ("35.78", "35", "Kota Surabaya"),
    ("36.01", "36", "Kabupaten Pandeglang"),  # another province: must be left out
]
DISTRICTS = [
    ("35.01.01", "35.01", "Donorojo"),
    ("35.01.02", "35.01", "Pringkuku"),
    ("35.03.03", "35.03", "Pule"),
    ("35.78.14", "35.78", "Tandes"),
    ("36.01.01", "36.01", "Sumur"),
]
VILLAGES = [
    ("35.01.01.2001", "35.01.01", "Widoro"),
    ("35.01.01.2002", "35.01.01", "Sawahan"),
    ("35.01.02.2001", "35.01.02", "Dadapan"),
    ("35.03.03.2001", "35.03.03", "Pule"),
    ("35.78.14.1002", "35.78.14", "Tandes"),
    ("36.01.01.2001", "36.01.01", "Sumberjaya"),
]


def write_region_list(folder: Path) -> Path:
    """The four idn-area-data CSVs for the fixture regions."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = {
        "provinces": ("code,name", PROVINCES),
        "regencies": ("code,province_code,name", REGENCIES),
        "districts": ("code,regency_code,name", DISTRICTS),
        "villages": ("code,district_code,name", VILLAGES),
    }
    for name, (header, rows) in tables.items():
        lines = [header] + [",".join(row) for row in rows]
        (folder / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def make_fixture_db(folder: Path) -> Path:
    """Build the fixture database (with demo values) into folder/fixture.duckdb."""
    regions = write_region_list(folder / "regions")
    path = folder / "fixture.duckdb"
    with duckdb.connect(str(path)) as con:
        build.populate(con, regions, with_demo=True)
    return path
