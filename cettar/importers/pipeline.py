"""One import, start to end: limits, no-op check, validate, publish atomically, audit, replay.

Each kind registers a loader ``load(con, path, options, limits) -> Loaded`` with ``@kind(name)``.
A loader reads the file, validates every row against the database it is given, and applies
the rows, raising ImportFailed (with every problem found) instead of applying anything when
the file has errors. The same loader runs for a fresh import (on a staging copy, through
``publish.changes``) and for a replay inside ``cettar build``, so both give the same result.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import duckdb
import pyarrow as pa

from cettar import build, derive, publish, sql
from cettar import db as database
from cettar.importers.common import (
    NO_LIMITS,
    ImportFailed,
    Limits,
    Problem,
    Regions,
    check_size,
    text_problem,
    write_report,
)
from cettar.paths import database_path


@dataclass
class Loaded:
    """What a loader did to the database."""

    rows_added: int
    rows_replaced: int
    source_id: str
    messages: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


Loader = Callable[[duckdb.DuckDBPyConnection, Path, dict, Limits], Loaded]
LOADERS: dict[str, Loader] = {}


def kind(name: str):
    """Register a loader for one import kind, and its replayer for `cettar build`."""

    def register(loader: Loader) -> Loader:
        LOADERS[name] = loader

        @publish.replayer(name)
        def replay(con, kept: Path, options: dict) -> Loaded:
            try:
                return loader(con, kept, options, NO_LIMITS)
            except ImportFailed as exc:
                lines = [f"  row {p.row} {p.column}: {p.problem}" for p in exc.errors[:10]]
                raise build.BuildError(f"replaying the {name} import of {kept.name} failed: {exc}\n" + "\n".join(lines))

        return loader

    return register


# --- running SQL from queries/imports ----------------------------------------------------------


def query(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> list[tuple]:
    return con.execute(sql.load(f"imports/{name}"), params or {}).fetchall()


def script(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> None:
    build.run_script(con, f"imports/{name}", params or {})


def stage(con: duckdb.DuckDBPyConnection, rows: list[dict], schema: pa.Schema, name: str = "staged") -> None:
    """Register rows as the relation the import SQL reads (typed by an Arrow schema)."""
    con.register(name, pa.Table.from_pylist(rows, schema=schema))


def regions(con: duckdb.DuckDBPyConnection) -> Regions:
    return Regions(query(con, "regions"))


# --- data sources ------------------------------------------------------------------------------

SOURCE_ID = re.compile(r"[a-z][a-z0-9_]{1,63}")
STATUSES = ("official", "compiled", "demo")

def reserved_sources() -> set[str]:
    """Sources that imported values never use: the generated demo values, and the derived tables
    (cettar.derive deletes and rewrites their rows on every publish)."""
    return {"demo", *derive.SOURCE_IDS}

OFFICIAL_LICENCE = "Data pemerintah terbuka; lisensi tidak dinyatakan sumber / government open data, licence not stated"


def source_options(source_id: str | None, defaults: dict | None = None, **given) -> dict:
    """The data_source row an import declares: given options over the kind's defaults."""
    row = dict(defaults or {})
    if source_id:
        if defaults and source_id != defaults.get("source_id"):
            row = {}  # a different source: the kind's defaults describe another publisher
        row["source_id"] = source_id
    row.update({k: v for k, v in given.items() if v not in (None, "")})
    row.setdefault("status", "official")
    row.setdefault("retrieved", dt.date.today().isoformat())
    row.setdefault("title_id", row.get("source_id", ""))
    row.setdefault("title_en", row["title_id"])
    return row


def check_source(con: duckdb.DuckDBPyConnection, source: dict, problems: list[Problem], sheet: str) -> dict | None:
    """Check the declared source; returns the row to insert when it is new, else None."""

    def bad(column: str, value, message: str) -> None:
        problems.append(Problem(sheet, None, f"opsi --{column}", value, message))

    source_id = source.get("source_id")
    if not source_id:
        bad("source-id", "", "sumber data wajib: beri --source-id (a data source is required)")
        return None
    if not SOURCE_ID.fullmatch(source_id):
        bad("source-id", source_id, "source-id: huruf kecil, angka, garis bawah; diawali huruf (lower-case id)")
        return None
    if source_id in reserved_sources():
        bad("source-id", source_id, f"sumber {source_id} khusus data bangkitan/turunan dasbor, bukan untuk impor (reserved source)")
        return None
    existing = query(con, "source_status", {"source_id": source_id})
    if existing and existing[0][0] == "demo" and source.get("status") != "demo":
        bad("source-id", source_id, f"sumber {source_id} berstatus demo; data impor tidak pernah demo kecuali dinyatakan --status demo")
    if existing:
        return None
    if source.get("status") not in STATUSES:
        bad("status", source.get("status"), "status harus official, compiled atau demo")
    for key in ("publisher", "licence"):
        if not source.get(key):
            bad(key, "", f"sumber baru {source_id}: --{key} wajib diisi (new source needs --{key})")
    for key, value in source.items():
        problem = text_problem(str(value)) if value is not None else None
        if problem:
            bad(key.replace("_", "-"), value, problem)
    url = source.get("url")
    if url and not re.match(r"https?://", url):
        bad("url", url, "URL harus diawali http:// atau https://")
    return {k: source.get(k) for k in ("source_id", "title_id", "title_en", "publisher", "url", "licence", "retrieved", "status", "note")}


def add_source(con: duckdb.DuckDBPyConnection, row: dict | None) -> list[str]:
    if row is None:
        return []
    query(con, "source_insert", row)
    return [f"new data source {row['source_id']} ({row['status']})"]


def fail_if(problems: list[Problem]) -> list[Problem]:
    """Raise ImportFailed when any problem is an error; return the warnings otherwise."""
    if any(p.severity == "error" for p in problems):
        raise ImportFailed(problems)
    return problems


# --- one import from the command line ----------------------------------------------------------


@dataclass
class Outcome:
    kind: str
    file: Path
    sha256: str
    noop: bool = False
    dry_run: bool = False
    loaded: Loaded | None = None
    previous: tuple | None = None  # (import_id, imported_at, imported_by) of the identical import
    report_paths: tuple[Path, Path] | None = None

    def summary(self) -> str:
        if self.noop:
            import_id, at, by = self.previous
            return (f"{self.file.name} was already imported as {self.kind} (import {import_id}, {at:%Y-%m-%d %H:%M}, by {by}): "
                    "nothing changed (sudah pernah diimpor; tidak ada perubahan)")
        loaded = self.loaded
        verb = "checked (dry run, nothing published)" if self.dry_run else "imported"
        lines = [f"{verb} {self.kind} from {self.file.name}: added {loaded.rows_added}, replaced {loaded.rows_replaced} "
                 f"(source {loaded.source_id})"]
        lines += [f"  {m}" for m in loaded.messages]
        if loaded.warnings:
            lines.append(f"  {len(loaded.warnings)} warning(s)")
        return "\n".join(lines)


class _DryRun(Exception):
    def __init__(self, loaded: Loaded):
        self.loaded = loaded


class _Duplicate(Exception):
    def __init__(self, previous: tuple):
        self.previous = previous


def default_report_dir(db) -> Path:
    return database_path(db).parent / "import_reports"


def previous_import(con: duckdb.DuckDBPyConnection, kind_name: str, sha: str) -> tuple | None:
    if not publish.already_imported(con, kind_name, sha):
        return None
    return tuple(query(con, "previous_import", {"kind": kind_name, "sha": sha})[0])


def run(
    kind_name: str,
    path: str | Path,
    options: dict,
    db: str | Path | None = None,
    by: str | None = None,
    limits: Limits | None = None,
    report_dir: str | Path | None = None,
    dry_run: bool = False,
) -> Outcome:
    """Import one file: validate it, then publish atomically; on errors write the report and raise.

    Raises ImportFailed (report_paths set) when the file has errors or the result would break a
    data contract; the published database is then unchanged.
    """
    loader = LOADERS[kind_name]
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    target = database_path(db)
    if not target.exists():
        raise FileNotFoundError(f"no published database at {target} (run `cettar build` first)")
    limits = limits or Limits.from_env()
    folder = Path(report_dir) if report_dir else default_report_dir(db)
    stem = f"{dt.datetime.now():%Y%m%d-%H%M%S}-{kind_name}-{path.stem[:40]}"
    outcome = Outcome(kind_name, path, "")
    try:
        check_size(path, limits)  # before reading a byte of it
        outcome.sha256 = publish.sha256_of(path)
        with publish.exclusive(target):
            with database.connect_readonly(target) as con:
                outcome.previous = previous_import(con, kind_name, outcome.sha256)
            if outcome.previous:
                outcome.noop = True
                return outcome
            kept = publish.store_dir(target) / f"{outcome.sha256}{''.join(path.suffixes[-2:])}"
            kept_before = kept.exists()
            try:
                with publish.changes(target) as con:
                    previous = previous_import(con, kind_name, outcome.sha256)
                    if previous:
                        raise _Duplicate(previous)
                    loaded = loader(con, path, options, limits)
                    if dry_run:
                        raise _DryRun(loaded)
                    publish.keep_original(path, target)  # before the rename: a rebuild can always replay
                    record = publish.ImportRecord(
                        kind=kind_name, file_name=path.name, sha256=outcome.sha256, rows_added=loaded.rows_added,
                        rows_replaced=loaded.rows_replaced, source_id=loaded.source_id, options=options,
                        imported_by=by or publish.current_user(),
                    )
                    publish.log_import(con, record)
            except _Duplicate as dup:
                outcome.noop, outcome.previous = True, dup.previous
                return outcome
            except _DryRun as done:
                outcome.dry_run, loaded = True, done.loaded
            except BaseException:
                if not kept_before:
                    kept.unlink(missing_ok=True)
                raise
        outcome.loaded = loaded
        if loaded.warnings:
            outcome.report_paths = write_report(loaded.warnings, folder, stem + "-warnings")
        return outcome
    except ImportFailed as exc:
        exc.report_paths = write_report(exc.problems, folder, stem + "-errors")
        raise
    except publish.PublishError as exc:
        # The rows were valid, but the result breaks a data contract (one line per violation).
        lines = str(exc).splitlines()[1:] or [str(exc)]
        failed = ImportFailed([Problem("(kontrak data)", None, "", "", line.strip()) for line in lines],
                              "the import would break a data contract; nothing was published")
        failed.report_paths = write_report(failed.problems, folder, stem + "-errors")
        raise failed from exc
