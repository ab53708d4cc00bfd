"""Child process of ``bench.ui_speed``: open an app headless and report when it has painted.

``python -m bench.ui_probe import`` imports Textual only; ``hello`` paints a one-widget Textual
app; ``reader ARGS...`` runs the ``reader`` command line as installed, headless;
``reader-match ARGS...`` also waits for matching to finish. Each event is printed as
``<label> <unix time>`` on stdout, for the parent to subtract its own start time.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

SIZE = (160, 45)


def report(label: str) -> None:
    """Print a labelled timestamp straight to the file descriptor (Textual captures print)."""
    os.write(1, f"{label} {time.time():.6f}\n".encode())


def hello() -> None:
    """The smallest Textual app: the floor for any app's first paint."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Hello(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello")

        def on_ready(self) -> None:
            report("painted")
            self.exit()

    Hello().run(headless=True, size=SIZE)


def reader(args: list[str], wait_for_matches: bool) -> int:
    """Run ``reader ARGS`` with an app that reports its first frame (and end of matching)."""
    from reader import cli
    from reader.ui import app as app_module
    from reader.ui.screens.workstation import Workstation

    class ProbeApp(app_module.ReaderApp):
        def on_ready(self) -> None:
            report("painted")
            if wait_for_matches:
                self.set_interval(0.005, self.check_matching)
            else:
                self.exit()

        def check_matching(self) -> None:
            screen = self.screen
            if isinstance(screen, Workstation) and not screen.matching:
                report("matched")
                self.exit()

        def run(self, *args: Any, **kwargs: Any) -> None:
            super().run(headless=True, size=SIZE)

    app_module.ReaderApp = ProbeApp  # type: ignore[misc]
    return cli.main(args)


def main(argv: list[str]) -> int:
    """Dispatch on the mode."""
    mode, *args = argv
    if mode == "import":
        import textual.app  # noqa: F401

        report("imported")
        return 0
    if mode == "hello":
        hello()
        return 0
    return reader(args, wait_for_matches=mode == "reader-match")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
