"""All SQL lives in queries/; this loads it by name (the file name is the query name)."""

from __future__ import annotations

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
