"""Boundary import (to be written: see issue 3)."""


def register(sub) -> None:
    """Add the `geodata` subcommands to the CLI."""
