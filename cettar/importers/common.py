"""Reading, parsing and checking import files, and the error report.

Everything here is pure Python (no database): read a CSV or XLSX sheet into rows numbered as
the user sees them in Excel (header = row 1 unless title rows sit above it), map headers to our
column names, parse cells (numbers with decimal commas, dates, Kemendagri codes, periods), refuse
hostile text, and write the report of problems as CSV and XLSX.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_ROWS = 500_000
ENV_MAX_BYTES = "CETTAR_MAX_IMPORT_BYTES"
ENV_MAX_ROWS = "CETTAR_MAX_IMPORT_ROWS"
HEADER_SEARCH_ROWS = 30  # title rows allowed above the header (ministry Excel files have a few)
XLSX_INFLATION = 25  # an xlsx may unpack to at most this many times max_bytes (zip-bomb guard)
MAX_TEXT_LENGTH = 2000

LEVELS = ("desa", "kecamatan", "kabkota", "provinsi")  # lowest first
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}


# --- problems and the error report -------------------------------------------------------------


@dataclass
class Problem:
    """One thing wrong with a file: where (sheet, Excel row, column), the value, and why."""

    sheet: str
    row: int | None
    column: str
    value: object
    problem: str
    severity: str = "error"  # error | warning


class ImportFailed(Exception):
    """The file has errors; nothing was published. Carries the problems (and warnings)."""

    def __init__(self, problems: list[Problem], summary: str = ""):
        self.problems = problems
        self.report_paths: tuple[Path, Path] | None = None
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(summary or f"{len(errors)} error(s) in the file; nothing was imported")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


REPORT_COLUMNS = ["severity", "sheet", "row", "column", "value", "problem"]


def report_value(value) -> str:
    """A cell value as report text (short; dates ISO; no trailing .0 on whole numbers)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.isoformat()
    text = str(value)
    return text if len(text) <= 200 else text[:197] + "..."


def _inert(text: str) -> str:
    """Text that a spreadsheet will not run as a formula (OWASP: prefix an apostrophe)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_report(problems: Sequence[Problem], folder: Path, stem: str) -> tuple[Path, Path]:
    """Write the problems as <stem>.csv and <stem>.xlsx in folder; return both paths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    folder.mkdir(parents=True, exist_ok=True)
    rows = sorted(problems, key=lambda p: (p.severity != "error", p.sheet, p.row or 0, p.column))
    records = [[p.severity, p.sheet, "" if p.row is None else p.row, p.column, report_value(p.value), p.problem] for p in rows]
    csv_path = folder / f"{stem}.csv"
    with open(csv_path, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(REPORT_COLUMNS)
        for record in records:
            writer.writerow([_inert(str(v)) for v in record])
    wb = Workbook()
    ws = wb.active
    ws.title = "Laporan"
    ws.append(REPORT_COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, record in enumerate(records, start=2):
        for c, value in enumerate(record, start=1):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, int):
                cell.value = value
            else:
                cell.value = str(value)
                cell.data_type = "s"  # never a formula, whatever the text starts with
                cell.quotePrefix = str(value)[:1] in ("=", "+", "-", "@")
    for letter, width in zip("ABCDEF", (9, 22, 7, 22, 30, 80)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    xlsx_path = folder / f"{stem}.xlsx"
    wb.save(xlsx_path)
    return csv_path, xlsx_path


# --- limits and reading ------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    max_bytes: int | None = DEFAULT_MAX_BYTES
    max_rows: int | None = DEFAULT_MAX_ROWS

    @classmethod
    def from_env(cls, max_bytes: int | None = None, max_rows: int | None = None) -> "Limits":
        return cls(
            max_bytes if max_bytes is not None else int(os.environ.get(ENV_MAX_BYTES, DEFAULT_MAX_BYTES)),
            max_rows if max_rows is not None else int(os.environ.get(ENV_MAX_ROWS, DEFAULT_MAX_ROWS)),
        )


NO_LIMITS = Limits(None, None)  # replay during a rebuild: the file was accepted once already


@dataclass
class Sheet:
    """The table found in a file: header cells and data rows, each with its Excel row number."""

    name: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list]]


def file_problem(path: Path, message: str) -> ImportFailed:
    return ImportFailed([Problem(path.name, None, "", "", message)], message)


def check_size(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if limits.max_bytes is not None and size > limits.max_bytes:
        raise file_problem(
            path,
            f"berkas terlalu besar: {size:,} byte, batas {limits.max_bytes:,} byte "
            f"(file too large; raise --max-bytes or {ENV_MAX_BYTES})",
        )


def is_xlsx(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def read_sheet(
    path: Path,
    limits: Limits,
    looks_like_header: Callable[[list[str]], bool],
    sheet: str | None = None,
    header_row: int | None = None,
    delimiter: str | None = None,
) -> Sheet:
    """Read the table of a CSV or XLSX file, refusing oversized files before loading them.

    The header is the first of the top rows for which looks_like_header(normalised cells) holds
    (or the row given). Rows are numbered as Excel shows them.
    """
    path = Path(path)
    check_size(path, limits)
    if is_xlsx(path):
        name, raw_rows = _xlsx_rows(path, limits, sheet)
    else:
        with open(path, "rb") as fh:
            head = fh.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise file_problem(path, "format .xls lama tidak didukung; simpan sebagai .xlsx (old .xls: save as .xlsx)")
        name, raw_rows = path.name, _csv_rows(path, limits, delimiter)
    if header_row is None:
        for number, cells in raw_rows[:HEADER_SEARCH_ROWS]:
            if looks_like_header([normalise_header(c) for c in cells]):
                header_row = number
                break
        else:
            raise ImportFailed(
                [Problem(name, 1, "", "", "baris judul kolom tidak ditemukan di 30 baris pertama; lihat kolom wajib di docs/IMPORTING.md "
                         "(header row not found; use --map or --header-row)")]
            )
    header_cells = next((cells for number, cells in raw_rows if number == header_row), None)
    if header_cells is None:
        raise ImportFailed([Problem(name, header_row, "", "", "baris judul kolom kosong (header row is empty)")])
    headers = [header_text(c) for c in header_cells]
    rows = [(number, cells) for number, cells in raw_rows if number > header_row and any(not is_blank(c) for c in cells)]
    return Sheet(name, header_row, headers, rows)


def _too_many_rows(name: str, found: int, limits: Limits) -> ImportFailed:
    message = (f"lembar terlalu panjang: lebih dari {limits.max_rows:,} baris ({found:,}+) "
               f"(too many rows; raise --max-rows or {ENV_MAX_ROWS})")
    return ImportFailed([Problem(name, None, "", "", message)], message)


def _xlsx_rows(path: Path, limits: Limits, sheet: str | None) -> tuple[str, list[tuple[int, list]]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as zf:
            unpacked = sum(info.file_size for info in zf.infolist())
    except zipfile.BadZipFile:
        raise file_problem(path, "berkas .xlsx rusak (not a readable xlsx file)")
    if limits.max_bytes is not None and unpacked > XLSX_INFLATION * limits.max_bytes:
        raise file_problem(path, f"isi .xlsx terlalu besar setelah dibuka ({unpacked:,} byte) (xlsx unpacks too large)")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise file_problem(path, f"berkas .xlsx tidak dapat dibaca (cannot read xlsx): {exc}")
    try:
        if sheet is not None:
            if sheet not in wb.sheetnames:
                raise file_problem(path, f"lembar {sheet!r} tidak ada; ada: {', '.join(wb.sheetnames)} (sheet not found)")
            ws = wb[sheet]
        else:
            ws = wb["Data"] if "Data" in wb.sheetnames else wb.worksheets[0]
        # The dimension recorded in the file gives the size before anything is loaded.
        if limits.max_rows is not None and ws.max_row is not None and ws.max_row > limits.max_rows:
            raise _too_many_rows(ws.title, ws.max_row, limits)
        ws.reset_dimensions()  # some writers record a wrong (too small) dimension: read every row
        rows = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if limits.max_rows is not None and number > limits.max_rows:
                raise _too_many_rows(ws.title, number, limits)
            if values and any(not is_blank(v) for v in values):
                rows.append((number, list(values)))
        return ws.title, rows
    finally:
        wb.close()


def _csv_rows(path: Path, limits: Limits, delimiter: str | None) -> list[tuple[int, list]]:
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            with open(path, encoding=encoding, newline="") as fh:
                sample = fh.read(64 * 1024)
                fh.seek(0)
                reader = csv.reader(fh, delimiter=delimiter or sniff_delimiter(sample))
                rows = []
                for number, cells in enumerate(reader, start=1):
                    if limits.max_rows is not None and number > limits.max_rows:
                        raise _too_many_rows(path.name, number, limits)
                    if any(c.strip() for c in cells):
                        rows.append((number, cells))
                return rows
        except UnicodeDecodeError:
            continue
        except csv.Error as exc:
            raise file_problem(path, f"CSV tidak dapat dibaca (cannot parse CSV): {exc}")
    raise file_problem(path, "pengodean teks tidak dikenali (unknown text encoding)")


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the first lines into the most consistent, widest table."""
    lines = [l for l in sample.splitlines()[:40] if l.strip()]
    best, best_score = ",", (-1, -1)
    for candidate in (",", ";", "\t", "|"):
        counts = [len(r) for r in csv.reader(io.StringIO("\n".join(lines)), delimiter=candidate)]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        modal = max(set(wide), key=wide.count)
        score = (wide.count(modal), modal)
        if score > best_score:
            best, best_score = candidate, score
    return best


# --- headers and columns -----------------------------------------------------------------------


def header_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m")
    return str(value).strip()


def normalise_header(value) -> str:
    """'KODE DESA' -> 'kode_desa', 'Nilai IDM 2024' -> 'nilai_idm_2024'."""
    return re.sub(r"[^0-9a-z]+", "_", header_text(value).lower()).strip("_")


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_mapping(pairs: Iterable[str] = (), mapping_file: str | Path | None = None) -> dict[str, str]:
    """'Kode Wilayah=region_code' pairs (and lines of a mapping file) as {normalised header: target}.

    A mapping file holds one pair a line (`Header=target`), or a CSV with columns source,target.
    """
    lines = list(pairs)
    if mapping_file:
        text = Path(mapping_file).read_text(encoding="utf-8-sig")
        if "=" not in text and "," in text:
            rows = list(csv.reader(io.StringIO(text)))
            if rows and [normalise_header(c) for c in rows[0][:2]] == ["source", "target"]:
                rows = rows[1:]
            lines += [f"{r[0]}={r[1]}" for r in rows if len(r) >= 2]
        else:
            lines += [l for l in text.splitlines() if l.strip() and not l.lstrip().startswith("#")]
    mapping = {}
    for line in lines:
        if "=" not in line:
            raise ValueError(f"mapping {line!r} must look like 'Header in file=our_column'")
        source, target = line.rsplit("=", 1)
        if not normalise_header(source) or not target.strip():
            raise ValueError(f"mapping {line!r} has an empty side")
        mapping[normalise_header(source)] = target.strip()
    return mapping


def resolve_columns(
    headers: list[str], wanted: dict[str, Sequence[str]], mapping: dict[str, str]
) -> tuple[dict[str, int], list[str]]:
    """Find our columns among the file's headers: {our name: index}, and the unused mapping keys.

    wanted gives each of our names its accepted header spellings (normalised), best first; an
    explicit mapping (normalised file header -> our name) wins over those.
    """
    normalised = [normalise_header(h) for h in headers]
    found: dict[str, int] = {}
    unused = []
    for source, target in mapping.items():
        target_norm = normalise_header(target)
        if source in normalised and target_norm in wanted:
            found[target_norm] = normalised.index(source)
        elif source not in normalised:
            unused.append(source)
    taken = set(found.values())
    for name, aliases in wanted.items():
        if name in found:
            continue
        for alias in aliases:
            matches = [i for i, h in enumerate(normalised) if h == alias and i not in taken]
            if matches:
                found[name] = matches[0]
                taken.add(matches[0])
                break
    return found, unused


def cell(cells: list, index: int | None):
    if index is None or index >= len(cells):
        return None
    return cells[index]


# --- parsing cells -----------------------------------------------------------------------------


class CellError(ValueError):
    """A cell that cannot be read; the message says why, for the report."""


_DIGITS = re.compile(r"\d+")
_GROUPED = {".": re.compile(r"\d{1,3}(\.\d{3})+"), ",": re.compile(r"\d{1,3}(,\d{3})+")}


def parse_number(value) -> float:
    """A number from a cell: 0,8498 | 1.234,5 | 1,234.5 | 1234.5 | 1.234.567 | -2310 | 1e-4.

    One separator alone is the decimal mark (0,8498 and 0.8498 alike); both together mean the
    last one is the decimal mark and the other groups thousands.
    """
    if isinstance(value, bool):
        raise CellError("bukan angka (not a number)")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value or "").strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("\u2212", "-")
        if not text:
            raise CellError("wajib diisi (empty)")
        sign = -1.0 if text[0] == "-" else 1.0
        body = text[1:] if text[0] in "+-" else text
        number = _unsigned(body)
        if number is None:
            raise CellError("bukan angka; contoh yang diterima: 0,8498 | 1.234,5 | 1234.5 (not a number)")
        number *= sign
    if math.isnan(number) or math.isinf(number):
        raise CellError("bukan angka hingga (not a finite number)")
    return number


def _unsigned(body: str) -> float | None:
    if _DIGITS.fullmatch(body):
        return float(body)
    if re.fullmatch(r"(\d+\.?\d*|\.\d+)[eE][+-]?\d+", body):
        return float(body)
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "," if body.rfind(",") > body.rfind(".") else "."
        group = "." if decimal == "," else ","
        whole, frac = body.rsplit(decimal, 1)
        if _GROUPED[group].fullmatch(whole) and _DIGITS.fullmatch(frac):
            return float(whole.replace(group, "") + "." + frac)
        return None
    for mark, count in ((",", commas), (".", dots)):
        if count == 1 and re.fullmatch(rf"\d*\{mark}\d+", body):
            return float(body.replace(mark, "."))
        if count > 1 and _GROUPED[mark].fullmatch(body):
            return float(body.replace(mark, ""))
    return None


def parse_integer(value) -> int:
    number = parse_number(value)
    if not number.is_integer():
        raise CellError("harus bilangan bulat (must be a whole number)")
    return int(number)


MONTHS = {
    name: number
    for number, names in enumerate(
        [("januari", "january", "jan"), ("februari", "february", "feb"), ("maret", "march", "mar"), ("april", "apr"),
         ("mei", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"), ("agustus", "august", "agu", "aug"),
         ("september", "sep", "sept"), ("oktober", "october", "okt", "oct"), ("november", "nov"),
         ("desember", "december", "des", "dec")],
        start=1,
    )
    for name in names
}


def parse_date(value) -> dt.date:
    """A date: an Excel date, 2021-11-07, 07/11/2021 (day first), 7 November 2021, 7 Nov 2021."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise CellError("tanggal berupa angka; format sel sebagai tanggal atau tulis YYYY-MM-DD (date as a number)")
    text = str(value or "").strip()
    if not text:
        raise CellError("wajib diisi (empty)")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if (m := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", text)) and m[2].lower() in MONTHS:
            return dt.date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    except ValueError:
        raise CellError("tanggal tidak ada di kalender (no such date)")
    raise CellError("tanggal tidak dikenali; tulis YYYY-MM-DD, mis. 2021-11-07 (date not recognised)")


PERIOD = re.compile(r"(19|20)\d{2}(-(0[1-9]|1[0-2]))?")


def parse_period(value) -> str:
    """'2024' (year) or '2024-03' (month), from 2024, 2024.0, '2024-3', '03/2024', 'Maret 2024' or a date."""
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value if value is not None else "").strip()
    if not text:
        raise CellError("wajib diisi (empty)")
    year = month = None
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
    elif m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})", text):
        year, month = int(m[1]), int(m[2])
    elif m := re.fullmatch(r"(\d{1,2})[-/.](\d{4})", text):
        year, month = int(m[2]), int(m[1])
    elif (m := re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{4})", text)) and m[1].lower() in MONTHS:
        year, month = int(m[2]), MONTHS[m[1].lower()]
    period = None if year is None else (f"{year:04d}" if month is None else f"{year:04d}-{month:02d}")
    if period is None or not PERIOD.fullmatch(period):
        raise CellError("periode harus tahun (2024) atau bulan (2024-03) (period must be YYYY or YYYY-MM)")
    return period


def kemendagri_code(value) -> str | None:
    """A dotted Kemendagri code from '3501012001', 3501012001, '35.01.01.2001', '3501'; else None."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value if value is not None else "").strip()
    if re.fullmatch(r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?", text):
        return text
    if re.fullmatch(r"\d{2}|\d{4}|\d{6}|\d{10}", text):
        parts = [text[0:2], text[2:4], text[4:6], text[6:10]]
        return ".".join(p for p in parts if p)
    return None


class Regions:
    """The official region list: code -> (level, type), for validating codes in a file."""

    def __init__(self, rows: Iterable[tuple[str, str, str]]):
        self.levels = {code: (level, kind) for code, level, kind in rows}

    def check(self, value, levels: Sequence[str]) -> str:
        """The dotted code of value, which must exist at one of levels; raises CellError."""
        if is_blank(value):
            raise CellError("wajib diisi (required value is empty)")
        code = kemendagri_code(value)
        if code is None:
            digits = re.sub(r"\D", "", str(value or ""))
            hint = " (kode BPS 7 digit tidak didukung; pakai kode Kemendagri)" if len(digits) == 7 else ""
            raise CellError(f"bukan kode wilayah Kemendagri, mis. 35.01.01.2001 atau 3501012001{hint} (not a Kemendagri code)")
        found = self.levels.get(code)
        if found is None:
            raise CellError(f"kode {code} tidak ada dalam daftar wilayah resmi (code not in the official region list)")
        if found[0] not in levels:
            raise CellError(f"kode {code} adalah {found[0]}, seharusnya {' atau '.join(levels)} (wrong region level)")
        return code


# --- hostile text ------------------------------------------------------------------------------

_SAFE_AFTER_SIGN = re.compile(r"[\d\s.,]*")  # -2310, +62 812 3456 7890, "-" alone
_FORMULA_CHARS = re.compile(r"[(|!=@\"]")
_TAG = re.compile(r"<[A-Za-z/!?]")
_SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text_problem(text: str) -> str | None:
    """Why a text cell is refused, or None. Refused: spreadsheet formulas (formula injection) and
    HTML tags / script URLs (we refuse rather than store escaped text; see docs/IMPORTING.md)."""
    if _CONTROL.search(text):
        return "berisi karakter kontrol (control character)"
    formula = "berisi rumus spreadsheet, ditolak demi keamanan; hapus tanda = + - @ di awal (formula injection)"
    # Leading blanks are stripped when stored, so look past them (this also covers tab/CR).
    start = text.lstrip(" \t\r\n\u00a0")
    first = start[:1]
    if first in ("=", "@") or (first and first != text[:1] and text[:1] in "\t\r" and first in "+-"):
        return formula
    if first in ("+", "-"):
        rest = start[1:]
        if not _SAFE_AFTER_SIGN.fullmatch(rest) and not (rest[:1].isspace() and not _FORMULA_CHARS.search(rest)):
            return formula
    if _TAG.search(text):
        return "berisi tag HTML/skrip, ditolak; hapus tanda < (HTML or script tag)"
    if _SCRIPT_URL.search(text):
        return "berisi URL skrip, ditolak (script URL)"
    if len(text) > MAX_TEXT_LENGTH:
        return f"teks lebih dari {MAX_TEXT_LENGTH} karakter (text too long)"
    return None


def clean_text(value) -> str | None:
    """A text cell as stored: stripped, None when blank; raises CellError for hostile text."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.isoformat()[:10]
    text = str(value)
    problem = text_problem(text)
    if problem:
        raise CellError(problem)
    text = text.strip()
    return text or None


def hostile(value) -> str | None:
    """The problem with a raw cell when it is text and hostile, else None (any column)."""
    return text_problem(value) if isinstance(value, str) else None


def slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")


# --- typed fields, for the table kinds and templates -------------------------------------------


@dataclass(frozen=True)
class Field:
    """One column of an import: our name, how to read it, and how to explain it (Indonesian)."""

    name: str
    type: str = "text"  # text | integer | number | date | code | choice | period
    required: bool = False
    aliases: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()  # for codes: levels the region may have
    choices: dict[str, str] = field(default_factory=dict)  # normalised label -> stored value
    minimum: float | None = None
    maximum: float | None = None
    help_id: str = ""
    example: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def allowed(self) -> list[str]:
        """Stored values of a choice field, in order, once each."""
        return list(dict.fromkeys(self.choices.values()))

    def parse(self, value, regions: Regions | None = None):
        """The stored value of a cell, None for a blank optional cell; raises CellError."""
        problem = hostile(value)
        if problem:
            raise CellError(problem)
        if is_blank(value):
            if self.required:
                raise CellError("wajib diisi (required value is empty)")
            return None
        if self.type == "text":
            return clean_text(value)
        if self.type == "code":
            return regions.check(value, self.levels or LEVELS)
        if self.type == "date":
            return parse_date(value)
        if self.type == "period":
            return parse_period(value)
        if self.type == "choice":
            key = slug(str(value))
            if key not in self.choices:
                raise CellError(f"tidak dikenali; pilihan: {', '.join(self.allowed)} (not an allowed value)")
            return self.choices[key]
        number = parse_integer(value) if self.type == "integer" else parse_number(value)
        if (self.minimum is not None and number < self.minimum) or (self.maximum is not None and number > self.maximum):
            low = "" if self.minimum is None else f"{self.minimum:g}"
            high = "" if self.maximum is None else f"{self.maximum:g}"
            raise CellError(f"di luar rentang {low}..{high} (out of range)")
        return number
