"""Helpers shared by the importer tests: run the CLI, read a database, write input files, read
an error report."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import duckdb

from cettar.cli import main


def cli(db: Path, *args: str) -> int:
    """`cettar --db DB ARGS...`; returns the exit code."""
    return main(["--db", str(db), *args])


def rows(db: Path, query: str, params: dict | None = None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query, params or {}).fetchall()


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def write_csv(path: Path, lines: list[list], delimiter: str = ",") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(lines)
    return path


def report(folder: Path) -> list[dict]:
    """The rows of the one error report (CSV) an import wrote into folder."""
    (path,) = folder.glob("*-errors.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))
