"""Entry point for ``python -m reader``."""

from reader.cli import run

run()
