"""What the command line reports as one line, not a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; reported as one line on stderr."""
