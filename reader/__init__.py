"""reader: a terminal reading workstation for cross-source verification."""

__version__ = "0.1.0"
