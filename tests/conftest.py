"""Shared fixtures. The full database is built once per test session into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cettar import build
from cettar.paths import SHARED

SHARED_REASON = "../shared is absent (a user's fresh clone); CI always has it"


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """A database built by the real build (official regions, compiled facts, demo values).

    Read-only use only: tests that change data take a copy with `fresh_db`.
    """
    path = tmp_path_factory.mktemp("db") / "cettar.duckdb"
    build.build(path)
    return path


@pytest.fixture
def fresh_db(built_db, tmp_path) -> Path:
    """A private copy of the built database that a test may change (imports, damage)."""
    path = tmp_path / "cettar.duckdb"
    shutil.copyfile(built_db, path)
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (real data read by tests, never copied into the project)."""
    if not (SHARED / "realdata").is_dir():
        pytest.skip(SHARED_REASON)
    return SHARED


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    """The small fixture database of tests/fixture.py."""
    from tests.fixture import make_fixture_db

    return make_fixture_db(tmp_path_factory.mktemp("fixture"))
