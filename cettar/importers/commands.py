"""CLI subcommands of the importers: `cettar import KIND FILE ...` and `cettar template KIND`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cettar.importers import idm, pipeline, tables, templates
from cettar.importers.common import ENV_MAX_BYTES, ENV_MAX_ROWS, ImportFailed, Limits, parse_mapping
from cettar.importers.indicators import LAYOUTS

SHOWN_PROBLEMS = 20

HELP = {
    "indicators": "indicator values, long or wide form (needs --source-id)",
    "idm": "Indeks Desa Membangun per desa (+ kecamatan/kab/kota/province aggregates)",
    "awards": "awards (schema columns or the compiled layout of data/facts; needs --source-id)",
    "innovations": "innovations (needs --source-id)",
    "coordination": "kecamatan coordination records (needs --source-id)",
    "ppkm": "PPKM levels per Inmendagri and kab/kota (schema or compiled layout; needs --source-id)",
    "risk-zones": "weekly COVID-19 risk zones per kab/kota",
    "covid-cases": "daily COVID-19 cases, deaths, recoveries",
    "replications": "where registered innovations were replicated (needs --source-id)",
    "authority": "authority delegated to the camat per kecamatan and evaluation year (needs --source-id)",
    "paten": "PATEN status per kecamatan and year (needs --source-id)",
    "training": "training events and their participant groups per kecamatan and role (needs --source-id)",
    "services": "basic-service demand and supply per desa and year (needs --source-id)",
}
DEFAULT_SOURCES = {"idm": idm.DEFAULT_SOURCE} | {k: s.default_source for k, s in tables.KINDS.items() if s.default_source}


def register(sub) -> None:
    """Add the `import` and `template` subcommands to the CLI."""
    imp = sub.add_parser("import", help="import official data from CSV/XLSX: validate, then publish all or nothing",
                         description="Validate a file, then publish it atomically; on any error nothing changes and an error report is written.")
    kinds = imp.add_subparsers(dest="kind", required=True, metavar="KIND")
    for kind, text in HELP.items():
        p = kinds.add_parser(kind, help=text, description=text)
        p.add_argument("file", help="CSV or XLSX file")
        _file_options(p)
        if kind == "indicators":
            p.add_argument("--layout", choices=LAYOUTS, default="auto", help="long, wide-indicator or wide-period (default: detect)")
            p.add_argument("--period", help="period for every row (wide-indicator files without a period column)")
            p.add_argument("--indicator", help="indicator id for every row (wide-period files without an indicator column)")
        if kind == "idm":
            p.add_argument("--period", help="IDM year, when the file has no tahun column and no NILAI IDM <year> header")
        _source_options(p, DEFAULT_SOURCES.get(kind))
        p.set_defaults(func=cmd_import, import_kind=kind)

    t = sub.add_parser("template", help="write an XLSX template (Indonesian instructions, region codes, drop-downs)")
    t.add_argument("template_kind", metavar="KIND", choices=templates.KINDS, help=" | ".join(templates.KINDS))
    t.add_argument("-o", "--output", help="output file (default: templat_<kind>.xlsx in the current folder)")
    t.set_defaults(func=cmd_template)


def _file_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("reading the file")
    g.add_argument("--sheet", help="sheet name (default: 'Data' when present, else the first sheet)")
    g.add_argument("--header-row", type=int, help="row number of the column headers (default: found in the first 30 rows)")
    g.add_argument("--delimiter", help="CSV delimiter (default: detected among , ; tab |)")
    g.add_argument("--map", action="append", default=[], metavar="'HEADER=column'",
                   help="map a header of the file to one of ours, e.g. --map 'Kode Wilayah=region_code' (repeatable)")
    g.add_argument("--map-file", help="file of HEADER=column lines (or a CSV with columns source,target)")
    g.add_argument("--max-bytes", type=int, help=f"refuse larger files (default: ${ENV_MAX_BYTES} or 50 MB)")
    g.add_argument("--max-rows", type=int, help=f"refuse sheets with more rows (default: ${ENV_MAX_ROWS} or 500,000)")
    g.add_argument("--report-dir", help="folder for error reports (default: import_reports/ beside the database)")
    g.add_argument("--by", help="who imports, for the audit log (default: the OS user)")
    g.add_argument("--dry-run", action="store_true", help="validate and report only; publish nothing")


def _source_options(p: argparse.ArgumentParser, default: dict | None) -> None:
    g = p.add_argument_group("data source (a new source id creates a data_source row)")
    shown = f" (default: {default['source_id']})" if default else " (required)"
    g.add_argument("--source-id", help="id of the data source" + shown)
    g.add_argument("--title", help="title in Indonesian")
    g.add_argument("--title-en", help="title in English (default: the Indonesian title)")
    g.add_argument("--publisher", help="publisher (required for a new source)")
    g.add_argument("--licence", help="licence or terms of use (required for a new source)")
    g.add_argument("--url", help="URL of the source")
    g.add_argument("--status", choices=pipeline.STATUSES, help="official (default), compiled or demo")
    g.add_argument("--retrieved", help="date or version retrieved (default: today)")
    g.add_argument("--note", help="note about the source")


def options_from(args: argparse.Namespace) -> dict:
    """The options that define the import (kept in the audit log and used to replay it)."""
    options = {
        "sheet": args.sheet,
        "header_row": args.header_row,
        "delimiter": args.delimiter,
        "map": parse_mapping(args.map, args.map_file),
        "layout": getattr(args, "layout", None) if getattr(args, "layout", "auto") != "auto" else None,
        "period": getattr(args, "period", None),
        "indicator": getattr(args, "indicator", None),
        "source": pipeline.source_options(
            args.source_id, DEFAULT_SOURCES.get(args.import_kind), title_id=args.title, title_en=args.title_en,
            publisher=args.publisher, licence=args.licence, url=args.url, status=args.status,
            retrieved=args.retrieved, note=args.note,
        ),
    }
    return {k: v for k, v in options.items() if v not in (None, {}, "")}


def cmd_import(args: argparse.Namespace) -> int:
    try:
        options = options_from(args)
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not options["source"].get("source_id"):
        print(f"error: `cettar import {args.import_kind}` needs --source-id (and --publisher, --licence for a new source)", file=sys.stderr)
        return 2
    try:
        limits = Limits.from_env(args.max_bytes, args.max_rows)
    except ValueError as exc:
        print(f"error: limits must be whole numbers: {exc}", file=sys.stderr)
        return 2
    try:
        outcome = pipeline.run(args.import_kind, args.file, options, db=args.db, by=args.by, limits=limits,
                               report_dir=args.report_dir, dry_run=args.dry_run)
    except ImportFailed as exc:
        errors = exc.errors
        print(f"error: {Path(args.file).name}: {exc}; the published database is unchanged (tidak ada yang diimpor).", file=sys.stderr)
        for p in errors[:SHOWN_PROBLEMS]:
            where = ", ".join(x for x in (p.sheet, f"row {p.row}" if p.row else "", p.column) if x)
            print(f"  {where}: {p.problem}" + (f" [{p.value}]" if p.value not in (None, "") else ""), file=sys.stderr)
        if len(errors) > SHOWN_PROBLEMS:
            print(f"  ... and {len(errors) - SHOWN_PROBLEMS} more", file=sys.stderr)
        if exc.report_paths:
            print(f"error report: {exc.report_paths[0]}\n              {exc.report_paths[1]}", file=sys.stderr)
        return 1
    print(outcome.summary())
    if outcome.report_paths:
        print(f"warnings: {outcome.report_paths[0]}\n          {outcome.report_paths[1]}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    output = args.output or f"templat_{args.template_kind.replace('-', '_')}.xlsx"
    path = templates.write(args.template_kind, output, args.db)
    print(f"template written: {path}")
    return 0
