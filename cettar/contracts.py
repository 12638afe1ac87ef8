"""Data contracts: queries/contracts/*.sql each return the rows that break a rule."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from cettar import db, sql

COLUMNS = ["contract", "table_name", "row_key", "problem"]


def check_connection(con) -> pd.DataFrame:
    """Every contract violation in an open database, one row each (empty when all pass)."""
    frames = []
    # The region list first: when it is wrong, most other violations follow from it.
    for name in sorted(sql.names("contracts"), key=lambda n: (n != "contracts/region", n)):
        try:
            found = con.execute(sql.load(name)).df()
        except duckdb.Error as exc:  # a missing table or column is itself a broken contract
            found = pd.DataFrame([{"table_name": "(schema)", "row_key": "", "problem": str(exc).splitlines()[0]}])
        found.insert(0, "contract", name.split("/", 1)[1])
        frames.append(found)
    result = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    return result[COLUMNS]


def check(path: str | Path) -> pd.DataFrame:
    """Check a database file, opened read-only."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no database at {path}")
    with db.connect_readonly(path) as con:
        return check_connection(con)


def report(problems: pd.DataFrame, limit_per_contract: int = 20) -> str:
    """Plain-text report: table, key and problem per line, at most limit_per_contract each."""
    if problems.empty:
        return "all contracts pass"
    lines = [f"{len(problems)} contract violation(s):"]
    for contract, group in problems.groupby("contract", sort=False):
        for row in group.head(limit_per_contract).itertuples():
            lines.append(f"  [{contract}] {row.table_name} {row.row_key}: {row.problem}")
        if len(group) > limit_per_contract:
            lines.append(f"  [{contract}] ... and {len(group) - limit_per_contract} more")
    return "\n".join(lines)
