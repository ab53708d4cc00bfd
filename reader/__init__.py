"""reader: a terminal reading workstation for cross-source verification."""

__version__ = "0.2.0"
PROGRAM = "reader"  # the command's name, in usage lines and error messages
