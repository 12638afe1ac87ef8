"""`cettar template KIND`: an XLSX template for one import kind.

Sheets: Data (the header row to fill in), Petunjuk (instructions in Indonesian, one line per
column), Kode Wilayah (the official region codes of the levels the kind accepts, grouped by
level), Daftar (the fixed lists).
Columns with a fixed set of values get a drop-down (data validation) from those sheets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from cettar import db as database
from cettar import sql
from cettar.importers import idm, indicators, tables
from cettar.importers.common import LEVELS, Field
from cettar.paths import database_path

DATA_ROWS = 5000  # rows that get the drop-downs
REGION_SHEET = "Kode Wilayah"
LIST_SHEET = "Daftar"
LEVEL_ORDER = ("provinsi", "kabkota", "kecamatan", "desa")  # region blocks on the lookup sheet
EVIDENCE = ("stated", "inferred_by_elimination", "stated_as_previous_level", "stated_aggregate_all_jawa_bali")


@dataclass
class Spec:
    kind: str
    grain_id: str  # what one row is, in Indonesian
    fields: tuple[Field, ...]
    command: str


def specs() -> dict[str, Spec]:
    found = {
        "indicators": Spec("indicators", "satu baris per wilayah x indikator x periode (format panjang)", indicators.FIELDS,
                           "cettar import indicators templat.xlsx --source-id dinas_x_2024 --publisher \"Dinas X\" --licence \"...\""),
        "idm": Spec("idm", "satu baris per desa (Indeks Desa Membangun)", idm.FIELDS, "cettar import idm templat.xlsx"),
    }
    for name, spec in tables.KINDS.items():
        source = "" if spec.default_source else " --source-id sumber_x --publisher \"...\" --licence \"...\""
        found[name] = Spec(name, spec.title_id, spec.fields, f"cettar import {name} templat.xlsx{source}")
    return found


KINDS = tuple(specs())

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
REQUIRED_FILL = PatternFill("solid", fgColor="C00000")


def write(kind: str, output: str | Path, db: str | Path | None = None) -> Path:
    """Write the template of one kind to output (reads region codes and the catalog from db)."""
    spec = specs()[kind]
    path = database_path(db)
    if not path.exists():
        raise FileNotFoundError(f"no published database at {path} (run `cettar build` first): the template lists its region codes")
    with database.connect_readonly(path) as con:
        regions = con.execute(sql.load("imports/template_regions")).fetchall()
        catalog = con.execute(sql.load("imports/catalog")).fetchall()
        innovations = con.execute(sql.load("imports/template_innovations")).fetchall() if kind == "replications" else []

    wb = Workbook()
    data = wb.active
    data.title = "Data"
    guide = wb.create_sheet("Petunjuk")
    region_sheet = wb.create_sheet(REGION_SHEET)
    list_sheet = wb.create_sheet(LIST_SHEET)

    wanted = {lvl for f in spec.fields if f.type == "code" for lvl in (f.levels or LEVELS)}
    level_ranges = _write_regions(region_sheet, [r for r in regions if r[2] in wanted])
    lists = _lists(spec, catalog, innovations)
    list_ranges = _write_lists(list_sheet, lists)

    for column, field in enumerate(spec.fields, start=1):
        c = data.cell(row=1, column=column, value=field.name)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = REQUIRED_FILL if field.required else HEADER_FILL
        letter = get_column_letter(column)
        data.column_dimensions[letter].width = max(14, len(field.name) + 4)
        cells = f"{letter}2:{letter}{DATA_ROWS + 1}"
        validation = _validation(field, lists, list_ranges, level_ranges)
        if validation is not None:
            data.add_data_validation(validation)
            validation.add(cells)
        fmt = {"code": "@", "text": "@", "date": "yyyy-mm-dd", "period": "@"}.get(field.type)
        if fmt:
            for row in range(2, 202):  # a format on the first rows keeps codes as text when typed
                data.cell(row=row, column=column).number_format = fmt
    data.freeze_panes = "A2"
    _write_guide(guide, spec)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    wb.save(output)
    return output


def _lists(spec: Spec, catalog, innovations=()) -> dict[str, list[str]]:
    """The fixed lists a kind's columns draw from (name -> values)."""
    lists = {}
    for field in spec.fields:
        if field.name == "innovation_name" and innovations:  # replications: the registry, origin beside each name
            lists[field.name] = [row[0] for row in innovations]
            lists["kode_wilayah_asal"] = [row[1] for row in innovations]
        elif field.name == "indicator_id":
            lists[field.name] = [row[0] for row in catalog]
        elif field.name == "status_idm":
            thresholds = next(row[6] for row in catalog if row[0] == "idm")
            lists[field.name] = [part.split(":", 1)[1].upper() for part in thresholds.split("|")]
        elif field.name == "evidence":
            lists[field.name] = list(EVIDENCE)
        elif field.type == "choice":
            lists[field.name] = field.allowed
    if "indicator_id" in lists:
        lists["nama_indikator"] = [row[1] for row in catalog]
    lists["tingkat_wilayah"] = list(reversed(LEVELS))
    return lists


def _write_lists(ws, lists: dict[str, list[str]]) -> dict[str, str]:
    ranges = {}
    for column, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(column)
        ws.cell(row=1, column=column, value=name).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=column, value=value).data_type = "s"
        ws.column_dimensions[letter].width = max(16, max((len(v) for v in values), default=10) + 2)
        ranges[name] = f"{quote_sheetname(LIST_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _write_regions(ws, regions) -> dict[str, tuple[int, int]]:
    """Codes grouped by level (province, kab/kota, kecamatan, desa); returns each level's rows."""
    ws.append(["kode", "nama", "tingkat", "jenis", "kab_kota"])
    for c in ws[1]:
        c.font = Font(bold=True)
    ranges, row = {}, 2
    for level in LEVEL_ORDER:
        block = [r for r in regions if r[2] == level]
        if not block:
            continue
        for record in block:
            ws.append(list(record))
        ranges[level] = (row, row + len(block) - 1)
        row += len(block)
    for letter, width in zip("ABCDE", (16, 34, 11, 11, 28)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    return ranges


def _validation(field: Field, lists, list_ranges, level_ranges) -> DataValidation | None:
    name = field.name
    if name in list_ranges:
        strict = name not in ("evidence", "innovation_name")  # open values (stated_as_previous_level_...; a pasted name, which the import checks)
        return DataValidation(type="list", formula1=list_ranges[name], allow_blank=not field.required,
                              showErrorMessage=True, errorStyle="stop" if strict else "warning",
                              errorTitle="Nilai tidak ada di daftar", error=f"Pilih {name} dari daftar (lembar {LIST_SHEET}).",
                              promptTitle=name, prompt=field.help_id[:250], showInputMessage=True)
    if field.type == "code":
        levels = [lvl for lvl in LEVEL_ORDER if lvl in (field.levels or LEVELS)]
        first, last = level_ranges[levels[0]][0], level_ranges[levels[-1]][1]
        rows = f"{quote_sheetname(REGION_SHEET)}!$A${first}:$A${last}"
        return DataValidation(type="list", formula1=rows, allow_blank=not field.required, showErrorMessage=True,
                              errorStyle="warning", errorTitle="Kode wilayah tidak dikenal",
                              error=f"Pakai kode Kemendagri tingkat {', '.join(levels)} (lembar {REGION_SHEET}).",
                              promptTitle=name, prompt=field.help_id[:250], showInputMessage=True)
    if field.type in ("integer", "number") and (field.minimum is not None or field.maximum is not None):
        low = field.minimum if field.minimum is not None else -1e12
        high = field.maximum if field.maximum is not None else 1e12
        return DataValidation(type="whole" if field.type == "integer" else "decimal", operator="between",
                              formula1=f"{low:g}", formula2=f"{high:g}", allow_blank=not field.required,
                              showErrorMessage=True, errorTitle="Di luar rentang",
                              error=f"{name}: angka {low:g} sampai {high:g}.", promptTitle=name,
                              prompt=field.help_id[:250], showInputMessage=True)
    return None


GENERAL = (
    "Isi lembar Data mulai baris 2; baris 1 berisi nama kolom dan jangan diubah (kolom merah wajib diisi).",
    "Kode wilayah: kode Kemendagri, bertitik (35.01.01) atau tanpa titik (350101); daftar lengkap di lembar Kode Wilayah. Kode BPS 7 digit tidak diterima.",
    "Angka: koma atau titik desimal sama-sama diterima (0,8498 atau 0.8498); pemisah ribuan hanya bila keduanya dipakai (1.234,5).",
    "Tanggal: sel bertipe tanggal, atau teks YYYY-MM-DD (2021-11-07). Periode: tahun (2024) atau bulan (2024-03).",
    "Jangan menulis rumus: teks yang diawali tanda sama dengan, plus, minus atau @ ditolak (angka negatif boleh). Tag HTML (tanda < diikuti huruf) juga ditolak.",
    "Baris dengan kunci yang sama dua kali dalam satu berkas ditolak. Data terbit dengan kunci sama diganti, dan jumlahnya dilaporkan (replaced N).",
    "Bila ada satu kesalahan saja, tidak ada yang berubah: laporan kesalahan (CSV dan XLSX) menyebut lembar, baris (seperti di Excel), kolom, nilai dan masalahnya.",
    "Mengimpor berkas yang sama dua kali tidak mengubah apa pun. Simpan sebagai .xlsx (bukan .xls) atau CSV.",
)


def _write_guide(ws, spec: Spec) -> None:
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 9
    ws.column_dimensions["C"].width = 90
    ws.column_dimensions["D"].width = 28
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.append([f"Templat impor {spec.kind}: Dasbor Kecamatan CETTAR"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([f"Lembar Data: {spec.grain_id}."])
    ws.append([])
    for text in GENERAL:
        ws.append(["", "", text])
        ws.cell(row=ws.max_row, column=3).alignment = wrap
    ws.append([])
    ws.append(["Perintah impor:", "", spec.command])
    ws.append([])
    ws.append(["Kolom", "Wajib", "Keterangan", "Contoh"])
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)
    for field in spec.fields:
        ws.append([field.name, "wajib" if field.required else "", field.help_id, field.example])
        for c in ws[ws.max_row]:
            c.alignment = wrap
            if c.value is not None:
                c.data_type = "s"  # examples such as -20 stay text
