"""CLI subcommands of the importers (to be written: see issue 4)."""


def register(sub) -> None:
    """Add the `import` and `template` subcommands to the CLI."""
