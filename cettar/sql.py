"""All SQL lives in queries/; this loads it by name (the file name is the query name)."""

from __future__ import annotations

import re
from functools import lru_cache

from cettar.paths import QUERIES


@lru_cache(maxsize=None)
def load(name: str) -> str:
    """Text of queries/<name>.sql, e.g. load("overview/counts")."""
    path = (QUERIES / f"{name}.sql").resolve()
    if QUERIES.resolve() not in path.parents:
        raise ValueError(f"query name outside queries/: {name!r}")
    return path.read_text(encoding="utf-8")


def names(folder: str) -> list[str]:
    """Query names in one folder of queries/, sorted."""
    return sorted(f"{folder}/{p.stem}" for p in (QUERIES / folder).glob("*.sql"))


_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@lru_cache(maxsize=None)
def parameters(text: str) -> frozenset[str]:
    """The $names a SQL text uses (comment lines ignored)."""
    code = "\n".join(line for line in text.splitlines() if not line.strip().startswith("--"))
    return frozenset(_PARAM.findall(code))


def bind(text: str, params: dict, name: str = "query") -> dict:
    """The parameters a query uses, taken from params; a missing one is an error."""
    wanted = parameters(text)
    missing = wanted - params.keys()
    if missing:
        raise KeyError(f"{name}: no value for parameter(s) {sorted(missing)}")
    return {k: params[k] for k in wanted}
