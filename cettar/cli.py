"""The `cettar` command line (also `python -m cettar`)."""

from __future__ import annotations

import argparse
import sys

from cettar import build as build_module
from cettar import contracts
from cettar.paths import database_path


def cmd_build(args: argparse.Namespace) -> int:
    path = build_module.build(args.db, with_demo=not args.no_demo)
    print(f"built and published {path}")
    print(build_module.table_counts(path).to_string(index=False))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    path = database_path(args.db_file or args.db)
    problems = contracts.check(path)
    print(f"{path}: {contracts.report(problems)}")
    return 0 if problems.empty else 1


def cmd_assets(args: argparse.Namespace) -> int:
    from cettar import assets

    for path in assets.install():
        print(f"installed {path}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cettar", description="Dasbor Kecamatan CETTAR: build, check and load data.")
    p.add_argument("--db", help="database file (default: $CETTAR_DB or var/cettar.duckdb)")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the database from the shipped data and publish it")
    b.add_argument("--no-demo", action="store_true", help="leave out the generated demo values")
    b.set_defaults(func=cmd_build)

    c = sub.add_parser("check", help="run the data contracts on a database file")
    c.add_argument("db_file", nargs="?", help="database to check (default: the published one)")
    c.set_defaults(func=cmd_check)

    a = sub.add_parser("assets", help="copy Leaflet and the world topojson from node_modules into static/vendor")
    a.set_defaults(func=cmd_assets)

    for register in _feature_commands():
        register(sub)
    return p


def _feature_commands():
    """Each feature module adds its own subcommands."""
    from cettar import geodata
    from cettar.importers import commands as import_commands

    return [geodata.register, import_commands.register]


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (build_module.BuildError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
