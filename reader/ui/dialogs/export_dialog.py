"""The export dialog: choose a format and a path."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select

from reader.core.export.formats import FORMATS

SUFFIXES = {"md": ".md", "csv": ".csv", "json": ".json", "jsonld": ".jsonld"}
LABELS = {
    "md": "Markdown memo",
    "csv": "CSV (spreadsheet)",
    "json": "JSON (lossless, re-importable)",
    "jsonld": "W3C Web Annotations (JSON-LD)",
}


# Exports go into a folder of their own inside the case folder: a folder opens the documents
# directly inside it, so a memo written there is not read as a report on the next start.
EXPORTS = "exports"


@dataclass(frozen=True)
class ExportChoice:
    """What the user chose to export and where."""

    format: str
    path: Path


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Pick a format and a file; enter exports, escape cancels."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 70; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "Cancel", id="export.cancel", tooltip="Close without exporting"
        ),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        """Format, path, and a hint."""
        with Vertical():
            yield Label("Export notes")
            yield Select(
                [(LABELS[f], f) for f in FORMATS], value="md", allow_blank=False, id="format"
            )
            yield Input(
                str(self.folder / EXPORTS / "reader-memo.md"), id="path", select_on_focus=False
            )
            yield Label("enter: export · escape: cancel", classes="hint")

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#path", Input).focus()

    @on(Select.Changed, "#format")
    def format_changed(self, event: Select.Changed) -> None:
        """Keep the file's suffix in step with the format."""
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value)
        path_input.value = str(path.with_suffix(SUFFIXES[str(event.value)]))

    @on(Input.Submitted, "#path")
    def submitted(self) -> None:
        """Export to the chosen path."""
        fmt = str(self.query_one("#format", Select).value)
        path = Path(self.query_one("#path", Input).value).expanduser()
        if path.parent == self.folder / EXPORTS:
            # Made on first use; if it cannot be, the export says why.
            with contextlib.suppress(OSError):
                path.parent.mkdir(exist_ok=True)
        self.dismiss(ExportChoice(fmt, path))

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
