"""The "add a document" dialog: a URL or a path in, the document read (a URL fetched and kept
as a dated copy) in a worker that shows how far it got and can be cancelled."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.core.documents.text_policy import sanitize_line
from reader.ui.screens.jobs import AddOutcome, add_job


class AddDocument(ModalScreen[AddOutcome | None]):
    """Type a URL or a path; enter adds it, escape cancels (also while it is being read)."""

    DEFAULT_CSS = """
    AddDocument { align: center middle; }
    AddDocument > Vertical {
        width: 80; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    AddDocument .hint { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="add.cancel", tooltip="Close without adding"),
    ]

    @dataclass
    class Progress(Message):
        """How far the document has got: fetching, extracting, reading."""

        stage: str

    def __init__(self, folder: Path, max_bytes: int) -> None:
        super().__init__()
        self.folder = folder
        self.max_bytes = max_bytes

    def compose(self) -> ComposeResult:
        """The address field and a line that says what is happening."""
        with Vertical():
            yield Label("Add a document: an http(s) URL, or a .txt, .md, .html or .pdf path")
            yield Input(placeholder="https://… or a file path", id="source")
            yield Label(
                sanitize_line(f"a URL is kept as a dated copy in {self.folder}"),
                id="stage",
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        """Start in the address field."""
        self.query_one("#source", Input).focus()

    @on(Input.Submitted, "#source")
    def submitted(self, event: Input.Submitted) -> None:
        """Read the document in a worker."""
        spec = event.value.strip()
        if not spec:
            return
        event.input.disabled = True
        self._add(spec)

    @work(thread=True, exclusive=True, group="add")
    def _add(self, spec: str) -> None:
        outcome = add_job(spec, self.folder, self.max_bytes, self._say)
        self.app.call_from_thread(self._finish, outcome)

    def _say(self, stage: str) -> None:
        self.post_message(self.Progress(stage))  # from the worker's thread

    def on_add_document_progress(self, message: Progress) -> None:
        """Show the stage."""
        self.query_one("#stage", Label).update(message.stage)

    def _finish(self, outcome: AddOutcome) -> None:
        if self.is_current:  # not cancelled meanwhile
            self.dismiss(outcome)

    def action_cancel(self) -> None:
        """Stop reading (its result is dropped) and close."""
        self.workers.cancel_group(self, "add")
        self.dismiss(None)
