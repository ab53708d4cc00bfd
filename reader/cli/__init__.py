"""The command line: one module per command family, none of which imports the UI until the
workstation opens. ``run`` is the ``reader`` command; ``main`` returns its exit code.

Every error a user can fix is one line on stderr (exit code 1), through the same placeholder
policy as the screen, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from reader import PROGRAM
from reader.cli.user_error import UserError
from reader.core.documents.document_error import DocumentError
from reader.core.documents.text_policy import sanitize_line
from reader.store.store_error import StoreError

__all__ = ["UserError", "main", "run"]

# reader does no linear algebra: numpy's BLAS need not start a thread per core when it loads.
# (Started, the threads fail under a low process limit, and BLAS then raises SIGINT; and a
# process forked for matching (_cores.py) is safest without them.)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before any command imports numpy


def run() -> None:
    """The ``reader`` command: ``main``, and after ``reader match`` an exit that skips the
    interpreter's teardown, as mypy does: freeing the documents', features' and matches'
    objects one by one is 0.04 s of a 0.8 s run, and a match leaves nothing to clean up."""
    args = sys.argv[1:]
    code = main(args)
    if args and args[0] == "match" and sys.stdout is not None:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # the reader of our output went away
            code = code or 141
        os._exit(code)
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if sys.stderr is None:  # started with 2>&-: notes must not join the output
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - the process's own
    if sys.stdout is None:  # started with >&-
        print(f"{PROGRAM}: error: standard output is closed", file=sys.stderr)
        return 1
    try:
        command = _commands().get(args[0]) if args else None
        if command is not None:
            return command(args[1:])
        from reader.cli.workstation import open_command

        return open_command(args)
    except (DocumentError, StoreError, UserError) as error:
        print(f"{PROGRAM}: error: {sanitize_line(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        print(f"{PROGRAM}: error: out of memory", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader of our output (``| head``) went away: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as error:  # what no check foresaw: still one line, not a traceback
        where = f"{error.filename}: " if error.filename else ""
        reason = error.strerror or str(error)
        print(sanitize_line(f"{PROGRAM}: error: {where}{reason}"), file=sys.stderr)
        return 1


def _commands() -> dict[str, Callable[[list[str]], int]]:
    """The commands by name; each module is imported only when its command runs."""

    def add(argv: list[str]) -> int:
        from reader.cli.add import add_command

        return add_command(argv)

    def attribution(argv: list[str]) -> int:
        from reader.cli.attribution import attribution_command

        return attribution_command(argv)

    def match(argv: list[str]) -> int:
        from reader.cli.match import match_command

        return match_command(argv)

    def notes(name: str) -> Callable[[list[str]], int]:
        def command(argv: list[str]) -> int:
            from reader.cli import notes as module

            run: Callable[[list[str]], int] = getattr(module, f"{name}_command")
            return run(argv)

        return command

    return {
        "add": add,
        "match": match,
        "attribution": attribution,
        "export": notes("export"),
        "import": notes("import"),
        "restore": notes("restore"),
    }
