"""Changing published data safely: copy, change, check, rename; and the import store.

Every change to the published database (an import, a boundary load) goes through
``changes()``: the published file is copied, the change is applied to the copy, the data
contracts run on the copy, and only a copy that passes is renamed over the published file.
Readers see the old file or the new one, never a mix; a failure leaves the published file
byte-for-byte as it was.

Imported originals are kept in the import store (``<db folder>/imports/<sha256><suffix>``),
and the audit log (table ``import_log``) records the options of each import, so that
``cettar build`` can rebuild from shipped data and replay every import in order.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import getpass
import hashlib
import json
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import duckdb

from cettar import contracts, derive
from cettar.paths import database_path


class PublishError(RuntimeError):
    """The change would break a data contract; nothing was published."""


def store_dir(db: str | Path | None = None) -> Path:
    return database_path(db).parent / "imports"


def sha256_of(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def keep_original(path: str | Path, db: str | Path | None = None) -> Path:
    """Copy an imported file into the store under its sha256 (idempotent)."""
    path = Path(path)
    target = store_dir(db) / f"{sha256_of(path)}{''.join(path.suffixes[-2:]) or ''}"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        tmp = target.with_name(target.name + ".part")
        shutil.copyfile(path, tmp)
        os.replace(tmp, target)
    return target


_held = threading.local()  # per thread: target -> depth


@contextlib.contextmanager
def exclusive(db: str | Path | None = None) -> Iterator[None]:
    """One writer at a time per published database, across processes (a file lock).

    Two copy-and-rename changes running together would lose one of them, so every build,
    import and boundary load holds this lock. Re-entrant within a thread, so an importer can
    hold it around its "already imported?" check and the publish that follows. (flock locks
    belong to an open file, so two threads of one process also take turns.)
    """
    target = database_path(db).resolve()
    depths = _held.__dict__.setdefault("depths", {})
    if depths.get(target):
        depths[target] += 1
        try:
            yield
        finally:
            depths[target] -= 1
        return
    depths[target] = 1
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = target.with_name(f".{target.name}.lock")
    try:
        with open(lock, "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
    finally:
        del depths[target]


@contextlib.contextmanager
def changes(db: str | Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a writable connection to a copy of the published database; publish it on success.

    Raises PublishError (and publishes nothing) when the copy fails its contracts; any other
    exception inside the block also leaves the published file untouched.
    """
    target = database_path(db)
    if not target.exists():
        raise FileNotFoundError(f"no published database at {target} (run `cettar build` first)")
    staging = target.with_name(f".{target.name}.{os.getpid()}.staging")
    with exclusive(target):
        shutil.copyfile(target, staging)
        try:
            with duckdb.connect(str(staging)) as con:
                yield con
                derive.refresh(con)
                problems = contracts.check_connection(con)
                if not problems.empty:
                    raise PublishError(contracts.report(problems))
                con.execute("CHECKPOINT")
            os.replace(staging, target)
        finally:
            staging.unlink(missing_ok=True)


@dataclass
class ImportRecord:
    """What one import did, for the audit log."""

    kind: str
    file_name: str
    sha256: str
    rows_added: int
    rows_replaced: int
    source_id: str
    options: dict = field(default_factory=dict)
    imported_by: str = ""


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return f"uid {os.getuid()}"


def already_imported(con: duckdb.DuckDBPyConnection, kind: str, sha256: str) -> bool:
    return bool(
        con.execute("SELECT count(*) FROM import_log WHERE kind = $kind AND sha256 = $sha", {"kind": kind, "sha": sha256}).fetchone()[0]
    )


def log_import(con: duckdb.DuckDBPyConnection, record: ImportRecord, when: dt.datetime | None = None) -> None:
    con.execute(
        """INSERT INTO import_log
           SELECT coalesce(max(import_id), 0) + 1, $at, $by, $kind, $file, $sha, $added, $replaced, $source, $options
           FROM import_log""",
        {
            "at": when or dt.datetime.now(),
            "by": record.imported_by or current_user(),
            "kind": record.kind,
            "file": record.file_name,
            "sha": record.sha256,
            "added": record.rows_added,
            "replaced": record.rows_replaced,
            "source": record.source_id,
            "options": json.dumps(record.options, sort_keys=True),
        },
    )


# kind -> function(con, kept_file, options) that re-applies an import inside a build.
REPLAYERS: dict[str, Callable[[duckdb.DuckDBPyConnection, Path, dict], object]] = {}


def replayer(kind: str):
    """Register the function that re-applies imports of one kind during a rebuild."""

    def register(func):
        REPLAYERS[kind] = func
        return func

    return register
