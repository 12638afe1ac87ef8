"""`cettar import indicators`: indicator values in long or wide form, from CSV or XLSX.

Layouts (chosen automatically, or with --layout):
- long: one row per region x indicator x period, columns region_code, indicator_id, period, value;
- wide-indicator: region_code (+ period, or --period) and one column per indicator id (or name);
- wide-period: region_code (+ indicator_id, or --indicator) and one column per period.
Blank cells in the wide layouts are missing values and are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from cettar.importers import pipeline
from cettar.importers.common import (
    LEVEL_RANK,
    LEVELS,
    CellError,
    Field,
    ImportFailed,
    Limits,
    Problem,
    cell,
    hostile,
    is_blank,
    normalise_header,
    parse_number,
    parse_period,
    read_sheet,
    resolve_columns,
)

REGION_ALIASES = ("region_code", "kode_wilayah", "kode", "kode_kemendagri", "kode_desa", "kode_kelurahan",
                  "kode_desa_kelurahan", "kode_kecamatan", "kode_kec", "kode_kabkota", "kode_kab_kota", "kode_kab",
                  "kode_kabupaten", "kode_kabupaten_kota", "kode_prov", "kode_provinsi")
BASE = {
    "region_code": REGION_ALIASES,
    "indicator_id": ("indicator_id", "indikator", "kode_indikator", "id_indikator", "indicator"),
    "period": ("period", "periode", "tahun", "bulan", "year"),
    "value": ("value", "nilai"),
}
LAYOUTS = ("auto", "long", "wide-indicator", "wide-period")
# Descriptive columns that wide files usually carry: ignored without a warning.
DESCRIPTIVE = ("no", "nomor", "nama", "keterangan", "catatan", "kabupaten", "kecamatan", "desa", "provinsi", "wilayah")

# The long layout, for templates and docs.
FIELDS = (
    Field("region_code", "code", True, BASE["region_code"][1:], help_id="Kode wilayah Kemendagri (provinsi, kab/kota, kecamatan atau desa), bertitik atau tanpa titik.", example="35.01.01"),
    Field("indicator_id", "choice", True, BASE["indicator_id"][1:], help_id="Kode indikator dari katalog (lembar Daftar).", example="kepuasan_masyarakat"),
    Field("period", "period", True, BASE["period"][1:], help_id="Tahun (2024) atau bulan (2024-03).", example="2024"),
    Field("value", "number", True, BASE["value"][1:], help_id="Nilai angka; koma atau titik desimal (0,85 atau 0.85), dalam rentang katalog.", example="82,5"),
)


@dataclass
class Catalog:
    """The indicator catalog: ids, names, levels and ranges."""

    rows: dict[str, tuple]
    derived: set[str]  # computed by the dashboard, never imported

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> "Catalog":
        return cls({r[0]: r for r in pipeline.query(con, "catalog")}, derived_indicator_ids())

    def find(self, text) -> str | None:
        """An indicator id from its id or its Indonesian name, as a header or cell spells it."""
        key = normalise_header(text)
        if key in self.rows:
            return key
        for indicator_id, row in self.rows.items():
            if normalise_header(row[1]) == key:
                return indicator_id
        return None

    def importable(self, text) -> str:
        """The indicator id a cell names; raises CellError for unknown or derived indicators."""
        indicator_id = self.find(text)
        if indicator_id is None:
            raise CellError(f"indikator {text!s} tidak ada di katalog data/indicators.csv (indicator not in the catalog)")
        if indicator_id in self.derived:
            raise CellError(f"{indicator_id} dihitung dasbor dari indikator lain, tidak diimpor (derived indicator)")
        return indicator_id

    def levels(self, indicator_id: str) -> tuple[str, ...]:
        """Levels a value may be given at: the indicator's own level or above."""
        return LEVELS[LEVEL_RANK[self.rows[indicator_id][2]]:]

    def check_value(self, indicator_id: str, raw) -> float:
        value = parse_number(raw)
        low, high = self.rows[indicator_id][4], self.rows[indicator_id][5]
        if (low is not None and value < low) or (high is not None and value > high):
            raise CellError(f"di luar rentang katalog {low:g}..{high:g} untuk {indicator_id} (outside the catalog range)")
        return value


def derived_indicator_ids() -> set[str]:
    """Indicators the dashboard computes itself at every build and publish (cettar.derive)."""
    from cettar import index

    return set(index.DERIVED_IDS)


STAGED = pa.schema([("region_code", pa.string()), ("indicator_id", pa.string()), ("period", pa.string()),
                    ("value", pa.float64()), ("source_id", pa.string())])


def upsert_values(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> tuple[int, int, int]:
    """Write indicator values, replacing the same region x indicator x period: (added, replaced, demo replaced)."""
    pipeline.stage(con, rows, STAGED)
    replaced, replaced_demo = pipeline.query(con, "indicator_value_matches")[0]
    pipeline.script(con, "indicator_value_apply")
    con.unregister("staged")
    return len(rows) - replaced, replaced, replaced_demo


def _header_finder(mapping: dict[str, str]):
    region_keys = set(BASE["region_code"]) | {k for k, v in mapping.items() if normalise_header(v) == "region_code"}
    return lambda headers: bool(region_keys & set(headers))


@pipeline.kind("indicators")
def load(con: duckdb.DuckDBPyConnection, path: Path, options: dict, limits: Limits) -> pipeline.Loaded:
    mapping = options.get("map") or {}
    sheet = read_sheet(path, limits, _header_finder(mapping), options.get("sheet"), options.get("header_row"), options.get("delimiter"))
    catalog = Catalog.load(con)
    regions = pipeline.regions(con)
    problems: list[Problem] = []
    source_row = pipeline.check_source(con, options.get("source") or {}, problems, sheet.name)
    source_id = (options.get("source") or {}).get("source_id")

    found, unused = resolve_columns(sheet.headers, BASE, mapping)
    for key in unused:
        problems.append(Problem(sheet.name, sheet.header_row, key, "", "pemetaan --map tidak dipakai: kolom ini tidak ada (mapping unused)", "warning"))
    layout, wide = _layout(sheet, found, mapping, catalog, options, problems)
    # A wide file may take its period (or indicator) from --period (or --indicator) instead.
    needed = {"long": ("region_code", "indicator_id", "period", "value"), "wide-indicator": ("region_code", "period"),
              "wide-period": ("region_code", "indicator_id")}[layout]
    given = {"period": options.get("period"), "indicator_id": options.get("indicator")} if layout != "long" else {}
    for name in [c for c in needed if c not in found and not given.get(c)]:
        problems.append(Problem(sheet.name, sheet.header_row, name, "", "kolom wajib tidak ada; ganti nama kolom atau pakai --map (required column missing)"))
    pipeline.fail_if(problems)

    values: list[dict] = []
    seen: dict[tuple, int] = {}
    for number, cells in sheet.rows:
        for item in _cells(sheet, number, cells, layout, found, wide, options, catalog, regions, problems):
            header, region_code, indicator_id, period, value = item
            key = (region_code, indicator_id, period)
            if key in seen:
                problems.append(Problem(sheet.name, number, header, value, f"duplikat baris {seen[key]}: {' / '.join(key)} sudah ada di berkas (duplicate in file)"))
                continue
            seen[key] = number
            values.append({"region_code": region_code, "indicator_id": indicator_id, "period": period, "value": value, "source_id": source_id})
    warnings = pipeline.fail_if(problems)
    if not values:
        raise ImportFailed([Problem(sheet.name, None, "", "", "tidak ada nilai untuk diimpor (no values in the file)")])

    messages = pipeline.add_source(con, source_row)
    added, replaced, replaced_demo = upsert_values(con, values)
    indicators = sorted({v["indicator_id"] for v in values})
    periods = sorted({v["period"] for v in values})
    messages.append(f"layout {layout}: {len(values)} values of {len(indicators)} indicator(s) ({', '.join(indicators[:5])}"
                    f"{', ...' if len(indicators) > 5 else ''}), periods {periods[0]}..{periods[-1]}")
    messages.append(f"replaced {replaced} published value(s)" + (f", of which {replaced_demo} demo" if replaced_demo else ""))
    return pipeline.Loaded(added, replaced, source_id, messages, warnings)


def _layout(sheet, found, mapping, catalog: Catalog, options, problems) -> tuple[str, dict[int, str]]:
    """The layout, and for the wide ones {column index: indicator id or period}."""
    layout = options.get("layout") or "auto"
    if layout == "long" or (layout == "auto" and "value" in found):
        return "long", {}
    base = set(found.values())
    by_indicator, by_period, ignored = {}, {}, []
    for index, header in enumerate(sheet.headers):
        if index in base or not header:
            continue
        target = mapping.get(normalise_header(header), header)
        indicator_id = catalog.find(target)
        try:
            period = parse_period(target)
        except CellError:
            period = None
        if indicator_id in catalog.derived:
            problems.append(Problem(sheet.name, sheet.header_row, header, "", f"{indicator_id} dihitung dasbor, tidak diimpor; hapus kolom ini (derived indicator)"))
        elif indicator_id:
            by_indicator[index] = indicator_id
        elif period:
            by_period[index] = period
        elif not normalise_header(header).startswith(DESCRIPTIVE):
            ignored.append(header)
    if layout == "auto":
        layout = "wide-indicator" if by_indicator else "wide-period" if by_period else "long"
    wide = by_indicator if layout == "wide-indicator" else by_period if layout == "wide-period" else {}
    if layout != "long" and not wide:
        problems.append(Problem(sheet.name, sheet.header_row, "", "", f"tata letak {layout}: tidak ada kolom indikator/periode yang dikenali (no value columns)"))
    for header in ignored if layout != "long" else []:
        problems.append(Problem(sheet.name, sheet.header_row, header, "", "kolom tidak dikenali sebagai indikator/periode; diabaikan (column ignored)", "warning"))
    return layout, wide


def _cells(sheet, number, cells, layout, found, wide, options, catalog: Catalog, regions, problems):
    """(header, region, indicator, period, value) for each value in one row; problems recorded."""
    name = sheet.name

    def header(index):
        return sheet.headers[index] if index is not None else ""

    def bad(index, value, error):
        problems.append(Problem(name, number, header(index) if isinstance(index, int) else index, value, str(error)))

    for index in [found.get(k) for k in ("region_code", "indicator_id", "period", "value")] + list(wide):
        problem = hostile(cell(cells, index))
        if problem:
            bad(index, cell(cells, index), problem)
            return
    raw_region = cell(cells, found["region_code"])
    try:
        region_code = regions.check(raw_region, LEVELS)
    except CellError as exc:
        bad(found["region_code"], raw_region, exc)
        return
    region_level = regions.levels[region_code][0]

    def fixed(key, option):
        """The row's indicator or period: from its column, else from the option."""
        index = found.get(key)
        raw = cell(cells, index) if index is not None else options.get(option)
        if is_blank(raw):
            raise CellError("wajib diisi (required value is empty)")
        if key == "period":
            return parse_period(raw)
        return catalog.importable(raw)

    def in_level(indicator_id):
        if region_level not in catalog.levels(indicator_id):
            raise CellError(f"wilayah tingkat {region_level}; {indicator_id} dicatat di tingkat {catalog.rows[indicator_id][2]} ke atas (region level too low)")

    items = []
    if layout == "long":
        for key, option in (("indicator_id", "indicator"), ("period", "period")):
            try:
                items.append(fixed(key, option))
            except CellError as exc:
                bad(found.get(key), cell(cells, found.get(key)), exc)
                return
        indicator_id, period = items
        raw = cell(cells, found["value"])
        try:
            in_level(indicator_id)
        except CellError as exc:
            bad(found["region_code"], raw_region, exc)
            return
        try:
            yield header(found["value"]), region_code, indicator_id, period, catalog.check_value(indicator_id, raw)
        except CellError as exc:
            bad(found["value"], raw, exc)
        return
    key, option = ("period", "period") if layout == "wide-indicator" else ("indicator_id", "indicator")
    try:
        shared = fixed(key, option)
    except CellError as exc:
        bad(found.get(key, f"--{option}"), cell(cells, found.get(key)) if key in found else options.get(option), exc)
        return
    for index, target in wide.items():
        raw = cell(cells, index)
        if is_blank(raw):
            continue
        indicator_id, period = (target, shared) if layout == "wide-indicator" else (shared, target)
        try:
            in_level(indicator_id)
            yield header(index), region_code, indicator_id, period, catalog.check_value(indicator_id, raw)
        except CellError as exc:
            bad(index, raw, exc)
