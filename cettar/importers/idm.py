"""`cettar import idm`: the Indeks Desa Membangun per desa, and its kecamatan/kab/kota/province aggregates.

Accepts the open-data CSV (kode_desa, nilai_idm, iks, ike, ikl, status_idm, tahun) and the
ministry's Excel layout (title rows above the table, headers such as KODE DESA, NILAI IDM 2024,
STATUS IDM 2024, decimal commas). Stored per desa: idm, iks, ike, ikl for the period. The status
is not stored: it follows from idm by the catalog thresholds (indicator idm is a status
indicator), so the file's status column is only checked against them and disagreements are
reported as warnings. Aggregates (mean of the four indices, desa count per status, share
Mandiri) are recomputed from every desa value of the period in the database, so a file that
covers one kabupaten still gives correct province totals.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import duckdb

from cettar.importers import pipeline
from cettar.importers.common import (
    CellError,
    Field,
    ImportFailed,
    Limits,
    Problem,
    cell,
    hostile,
    is_blank,
    normalise_header,
    parse_period,
    read_sheet,
    resolve_columns,
    slug,
)
from cettar.importers.indicators import Catalog, upsert_values

INDICES = ("idm", "iks", "ike", "ikl")
ALIASES = {
    "code": ("kode_desa_dotted", "kode_desa", "kode_kemendagri", "kode_wilayah", "kode", "region_code", "kode_desa_kelurahan"),
    "idm": ("nilai_idm", "idm", "skor_idm", "indeks_desa_membangun"),
    "iks": ("iks", "nilai_iks", "skor_iks"),
    "ike": ("ike", "nilai_ike", "skor_ike"),
    "ikl": ("ikl", "nilai_ikl", "skor_ikl"),
    "status": ("status_idm", "status", "status_desa"),
    "year": ("tahun", "tahun_idm", "period", "periode"),
}
# Headers that carry the year, as in the ministry's Excel: NILAI IDM 2024, IKS 2024, STATUS IDM 2024.
YEAR_HEADER = {
    "idm": re.compile(r"(?:nilai_|skor_)?idm_((?:19|20)\d{2})"),
    "iks": re.compile(r"(?:nilai_|skor_)?iks_((?:19|20)\d{2})"),
    "ike": re.compile(r"(?:nilai_|skor_)?ike_((?:19|20)\d{2})"),
    "ikl": re.compile(r"(?:nilai_|skor_)?ikl_((?:19|20)\d{2})"),
    "status": re.compile(r"status_(?:idm_)?((?:19|20)\d{2})"),
}
MEAN_TOLERANCE = 0.0002  # IDM = (IKS + IKE + IKL) / 3, up to rounding to four decimals
DEFAULT_SOURCE = {
    "source_id": "kemendesa_idm",
    "title_id": "Indeks Desa Membangun (IDM) per desa",
    "title_en": "Village Development Index (IDM) per village",
    "publisher": "Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi (Kemendesa PDTT)",
    "licence": pipeline.OFFICIAL_LICENCE,
    "note": "Dataset Indeks Desa Membangun per tahun (Satu Data Indonesia, data.go.id); status desa diturunkan dari nilai IDM.",
}

# For templates and docs.
FIELDS = (
    Field("kode_desa", "code", True, ALIASES["code"], ("desa",), help_id="Kode desa Kemendagri: 10 digit (3501012001) atau bertitik (35.01.01.2001).", example="35.01.01.2001"),
    Field("nilai_idm", "number", True, ALIASES["idm"], minimum=0, maximum=1, help_id="Nilai IDM 0-1; koma atau titik desimal.", example="0,8498"),
    Field("iks", "number", False, ALIASES["iks"], minimum=0, maximum=1, help_id="Indeks Ketahanan Sosial 0-1.", example="0,7829"),
    Field("ike", "number", False, ALIASES["ike"], minimum=0, maximum=1, help_id="Indeks Ketahanan Ekonomi 0-1.", example="0,7667"),
    Field("ikl", "number", False, ALIASES["ikl"], minimum=0, maximum=1, help_id="Indeks Ketahanan Lingkungan 0-1.", example="1"),
    Field("status_idm", "choice", False, ALIASES["status"], help_id="Status IDM (diperiksa terhadap ambang resmi; tidak disimpan terpisah).", example="MANDIRI"),
    Field("tahun", "period", False, ALIASES["year"], help_id="Tahun IDM, mis. 2024 (atau beri --period, atau judul kolom NILAI IDM 2024).", example="2024"),
)


def thresholds(catalog: Catalog) -> list[tuple[float, str]]:
    """[(upper bound, label), ...] ascending, from the catalog's idm thresholds."""
    text = catalog.rows["idm"][6]
    pairs = [part.split(":", 1) for part in text.split("|")]
    return [(float(bound), label.strip()) for bound, label in pairs]


def classify(value: float, bounds: list[tuple[float, str]]) -> str:
    for upper, label in bounds:
        if value <= upper:
            return label
    return bounds[-1][1]


def _columns(headers: list[str], mapping: dict, period_option: str | None) -> tuple[dict[str, int], str | None]:
    """Our columns among the headers, and the year the headers carry (NILAI IDM 2024)."""
    normalised = [normalise_header(h) for h in headers]
    years = sorted({m[1] for h in normalised if (m := YEAR_HEADER["idm"].fullmatch(h))})
    year = period_option if period_option in years else (years[-1] if years else None)
    wanted = {}
    for name, aliases in ALIASES.items():
        dated = [h for h in normalised if name in YEAR_HEADER and (m := YEAR_HEADER[name].fullmatch(h)) and m[1] == year]
        wanted[name] = tuple(dated) + aliases
    found, _ = resolve_columns(headers, wanted, mapping)
    return found, year


def _header_finder(mapping: dict):
    def looks_like_header(normalised: list[str]) -> bool:
        found, _ = _columns(normalised, mapping, None)
        return "code" in found and "idm" in found

    return looks_like_header


@pipeline.kind("idm")
def load(con: duckdb.DuckDBPyConnection, path: Path, options: dict, limits: Limits) -> pipeline.Loaded:
    mapping = {k: _our_name(v) for k, v in (options.get("map") or {}).items()}
    sheet = read_sheet(path, limits, _header_finder(mapping), options.get("sheet"), options.get("header_row"), options.get("delimiter"))
    catalog = Catalog.load(con)
    regions = pipeline.regions(con)
    bounds = thresholds(catalog)
    labels = {slug(label): label for _, label in bounds}
    problems: list[Problem] = []
    source = options.get("source") or {}
    source_row = pipeline.check_source(con, source, problems, sheet.name)

    found, header_year = _columns(sheet.headers, mapping, options.get("period"))
    for name in ("code", "idm"):
        if name not in found:
            problems.append(Problem(sheet.name, sheet.header_row, FIELDS[0 if name == "code" else 1].name, "", "kolom wajib tidak ada (required column missing)"))
    if "year" not in found and not header_year and not options.get("period"):
        problems.append(Problem(sheet.name, sheet.header_row, "tahun", "", "tahun IDM tidak diketahui: beri kolom tahun, judul NILAI IDM 2024, atau --period (period unknown)"))
    pipeline.fail_if(problems)
    default_period = options.get("period") or header_year
    name_of = {key: sheet.headers[index] for key, index in found.items()}

    values, seen, status_counts = [], {}, Counter()
    disagreements = 0
    for number, cells in sheet.rows:
        row_problems = len(problems)

        def bad(key, error, severity="error"):
            problems.append(Problem(sheet.name, number, name_of.get(key, key), cell(cells, found.get(key)), str(error), severity))

        for key, index in found.items():
            problem = hostile(cell(cells, index))
            if problem:
                bad(key, problem)
        if len(problems) > row_problems:
            continue
        try:
            code = regions.check(cell(cells, found["code"]), ("desa",))
        except CellError as exc:
            bad("code", exc)
        try:
            raw_year = cell(cells, found.get("year"))
            period = parse_period(raw_year) if not is_blank(raw_year) else default_period
            if period is None or len(period) != 4:
                raise CellError("tahun harus empat angka, mis. 2024 (year must be YYYY)")
            if default_period and period != default_period:
                raise CellError(f"tahun {period} berbeda dengan {default_period} dari judul kolom atau --period (year conflict)")
        except CellError as exc:
            bad("year", exc)
        scores = {}
        for index_id in INDICES:
            raw = cell(cells, found.get(index_id))
            if index_id != "idm" and (index_id not in found or is_blank(raw)):
                continue
            try:
                if is_blank(raw):
                    raise CellError("wajib diisi (required value is empty)")
                scores[index_id] = catalog.check_value(index_id, raw)
            except CellError as exc:
                bad(index_id, exc)
        if len(problems) > row_problems:
            continue
        key = (code, period)
        if key in seen:
            bad("code", f"duplikat baris {seen[key]}: desa {code} tahun {period} sudah ada di berkas (duplicate in file)")
            continue
        seen[key] = number
        derived = classify(scores["idm"], bounds)
        status_counts[derived] += 1
        raw_status = cell(cells, found.get("status"))
        if not is_blank(raw_status):
            stated = labels.get(slug(str(raw_status)))
            if stated is None:
                bad("status", f"status tidak dikenal; pilihan: {', '.join(labels.values())} (unknown status)", "warning")
            elif stated != derived:
                disagreements += 1
                bad("status", f"status di berkas {stated}, tetapi IDM {scores['idm']:.4f} menurut ambang resmi = {derived} "
                              "(status disagrees with the thresholds; the value decides)", "warning")
        if {"iks", "ike", "ikl"} <= scores.keys():
            mean = (scores["iks"] + scores["ike"] + scores["ikl"]) / 3
            if abs(mean - scores["idm"]) > MEAN_TOLERANCE:
                bad("idm", f"IDM {scores['idm']:.4f} berbeda dari (IKS+IKE+IKL)/3 = {mean:.4f} (IDM is not the mean of its parts)", "warning")
        for index_id, value in scores.items():
            values.append({"region_code": code, "indicator_id": index_id, "period": period, "value": value, "source_id": source["source_id"]})
    warnings = pipeline.fail_if(problems)
    if not values:
        raise ImportFailed([Problem(sheet.name, None, "", "", "tidak ada data desa untuk diimpor (no rows)")])

    messages = pipeline.add_source(con, source_row)
    added, replaced, replaced_demo = upsert_values(con, values)
    n_desa = len(seen)
    messages.append(f"desa: {n_desa} desa, {len(values)} values (idm, iks, ike, ikl); replaced {replaced}")
    messages.append("status by the thresholds: " + ", ".join(f"{label} {status_counts[label]:,}" for _, label in reversed(bounds)))
    if "status" in found:
        messages.append(f"status column: {disagreements} disagreement(s) with the thresholds" + (" (see warnings)" if disagreements else ""))
    for period in sorted({p for _, p in seen}):
        a_added, a_replaced, areas = aggregate(con, catalog, bounds, period, source["source_id"])
        added, replaced = added + a_added, replaced + a_replaced
        messages.append(f"aggregates {period}: {areas}; added {a_added}, replaced {a_replaced}")
    return pipeline.Loaded(added, replaced, source["source_id"], messages, warnings)


def _our_name(target: str) -> str:
    """--map targets may use the template's names (kode_desa, nilai_idm) or ours (code, idm)."""
    key = normalise_header(target)
    for name, aliases in ALIASES.items():
        if key == name or key in aliases:
            return name
    return key


def aggregate(con: duckdb.DuckDBPyConnection, catalog: Catalog, bounds, period: str, source_id: str) -> tuple[int, int, str]:
    """Recompute the kecamatan, kab/kota and province aggregates of one period from the desa values."""
    classes, lower = [], -1.0
    for upper, label in bounds:
        classes.append({"indicator_id": f"idm_n_{slug(label)}", "lower_bound": lower, "upper_bound": upper})
        lower = upper
    top = classes[-1]["indicator_id"]
    share = f"idm_share_{slug(bounds[-1][1])}"
    needed = [c["indicator_id"] for c in classes] + ["idm_n_desa", share]
    missing = [i for i in needed if i not in catalog.rows]
    if missing:
        raise ImportFailed([Problem("", None, "", "", f"katalog belum punya indikator {', '.join(missing)} (data/indicators.csv)")])
    import pyarrow as pa

    con.register("idm_classes", pa.Table.from_pylist(classes))
    rows = pipeline.query(con, "idm_aggregates", {"period": period, "source_id": source_id, "top_class": top, "share_id": share})
    con.unregister("idm_classes")
    staged = [dict(zip(("region_code", "indicator_id", "period", "value", "source_id"), r)) for r in rows]
    added, replaced, _ = upsert_values(con, staged)
    levels = Counter(code.count(".") for code in {r["region_code"] for r in staged})
    areas = f"{levels[2]} kecamatan, {levels[1]} kab/kota, {levels[0]} provinsi"
    return added, replaced, areas
