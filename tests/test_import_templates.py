"""`cettar template KIND`: XLSX templates with instructions, region codes and drop-downs."""

from __future__ import annotations

import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from cettar.cli import main
from cettar.importers import templates

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ALL, DESA, KECAMATAN, KABKOTA = 1 + 38 + 666 + 8494, 8494, 666, 38
REGIONS = {"indicators": ALL, "idm": DESA, "awards": ALL, "innovations": ALL, "coordination": KECAMATAN,
           "ppkm": KABKOTA, "risk-zones": KABKOTA, "covid-cases": 1 + KABKOTA, "replications": ALL,
           "authority": KECAMATAN, "paten": KECAMATAN, "training": KECAMATAN, "services": DESA}


@pytest.fixture(scope="module")
def made(built_db, tmp_path_factory) -> dict[str, Path]:
    """Every template, written once through the CLI."""
    folder = tmp_path_factory.mktemp("templates")
    paths = {}
    for kind in templates.KINDS:
        paths[kind] = folder / f"{kind}.xlsx"
        assert main(["--db", str(built_db), "template", kind, "-o", str(paths[kind])]) == 0
    return paths


def validations(path: Path) -> dict[str, tuple[str, str]]:
    """{first cell range: (type, formula1)} of the Data sheet, read from the XML (fast)."""
    with zipfile.ZipFile(path) as zf:
        root = ET.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    return {dv.get("sqref"): (dv.get("type"), dv.findtext(f"{NS}formula1")) for dv in root.iter(f"{NS}dataValidation")}


@pytest.mark.parametrize("kind", templates.KINDS)
def test_every_template_has_instructions_codes_and_drop_downs(made, kind):
    wb = load_workbook(made[kind], read_only=True)
    assert wb.sheetnames == ["Data", "Petunjuk", "Kode Wilayah", "Daftar"]
    headers = next(wb["Data"].iter_rows(max_row=1, values_only=True))
    assert list(headers) == [f.name for f in templates.specs()[kind].fields]
    # the official codes of the levels this kind accepts, grouped by level
    regions = wb["Kode Wilayah"]
    assert regions.max_row == 1 + REGIONS[kind]
    top = list(regions.iter_rows(max_row=2, values_only=True))
    assert top[0] == ("kode", "nama", "tingkat", "jenis", "kab_kota")
    first_code = {"idm": "35.01.01.2001", "services": "35.01.01.2001", "coordination": "35.01.01", "authority": "35.01.01",
                  "paten": "35.01.01", "training": "35.01.01", "ppkm": "35.01", "risk-zones": "35.01"}
    assert top[1][0] == first_code.get(kind, "35")
    guide = " ".join(str(v) for row in wb["Petunjuk"].iter_rows(values_only=True) for v in row if v)
    assert "Kode wilayah" in guide and "rumus" in guide and f"cettar import {kind}" in guide
    wb.close()
    found = validations(made[kind])
    assert any(t == "list" and "Kode Wilayah" in f for t, f in found.values()), "region codes without a drop-down"


def test_fixed_value_columns_get_drop_downs(made):
    cases = {"indicators": ("B", "indicator_id", 30), "risk-zones": ("E", "zone", 4), "coordination": ("C", "activity_type", 6),
             "awards": ("D", "recipient_level", 7), "idm": ("F", "status_idm", 5), "ppkm": ("F", "evidence", 4)}
    for kind, (column, name, n) in cases.items():
        kind_type, formula = validations(made[kind])[f"{column}2:{column}{templates.DATA_ROWS + 1}"]
        assert kind_type == "list" and formula.startswith("'Daftar'!")
        wb = load_workbook(made[kind], read_only=True)
        daftar = list(wb["Daftar"].iter_rows(values_only=True))
        index = daftar[0].index(name)
        assert len([r[index] for r in daftar[1:] if r[index]]) >= n
        wb.close()
    # numbers with a range get a numeric validation; a kecamatan column offers kecamatan codes only
    assert validations(made["ppkm"])[f"E2:E{templates.DATA_ROWS + 1}"] == ("whole", "1")
    wb = load_workbook(made["coordination"])
    (codes,) = [v for v in wb["Data"].data_validations.dataValidation if str(v.sqref).startswith("A2:")]
    first, last = [int(part.split("$")[-1]) for part in codes.formula1.split("!")[1].split(":")]
    assert {wb["Kode Wilayah"][f"C{r}"].value for r in range(first, last + 1)} == {"kecamatan"}
    assert last - first + 1 == 666


def test_a_filled_template_imports(made, fresh_db, tmp_path):
    wb = load_workbook(made["coordination"])
    ws = wb["Data"]
    ws.append(["35.01.01", "2021-08-02", "forkopimcam_meeting", "camat;polsek;koramil", 25, "Rapat evaluasi PPKM"])
    ws.append(["35.01.02", "2021-08-03", "vaccination_drive", "camat;puskesmas", 120, None])
    out = tmp_path / "koordinasi.xlsx"
    wb.save(out)
    assert main(["--db", str(fresh_db), "import", "coordination", str(out), "--source-id", "kab_pacitan",
                 "--publisher", "Pemkab Pacitan", "--licence", "CC BY 4.0", "--report-dir", str(tmp_path)]) == 0
    with duckdb.connect(str(fresh_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM coordination_record WHERE source_id = 'kab_pacitan'").fetchone() == (2,)
