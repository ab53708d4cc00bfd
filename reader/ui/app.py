"""The reader workstation app."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.actions import parse
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from reader import PROGRAM
from reader.core.documents.document import Document
from reader.core.documents.text_policy import sanitize_line
from reader.store.notes import NotesStore
from reader.ui import paste
from reader.ui.screens.readiness import hold
from reader.ui.screens.workstation import Workstation


class ReaderApp(App[None]):
    """The reading workstation for cross-source verification."""

    TITLE = PROGRAM
    # Absolute: Textual reads a relative CSS_PATH beside the module of the class that runs,
    # which for a subclass (a test's, a benchmark's) is not this one.
    CSS_PATH = Path(__file__).parent / "reader.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (notes are already saved)"),
        Binding("question_mark", "help", "Keys", id="app.help", tooltip="Show every key"),
    ]

    def __init__(
        self,
        documents: Sequence[Document],
        store: NotesStore | None = None,
        keymap: dict[str, str] | None = None,
        notices: Sequence[str] = (),
    ) -> None:
        super().__init__()
        paste.install()  # a paste holding an escape byte arrives as one paste (paste.py)
        self.documents = list(documents)
        self.notices = list(notices)  # said when the app opens (files of a folder left out)
        self.store = store
        if keymap:
            self.set_keymap(keymap)
        if store is not None:
            mode = " (read-only)" if store.read_only else ""
            self.sub_title = sanitize_line(f"notes: {store.name}{mode}")
        self.workstation = Workstation(self.documents, self.store)

    def get_default_screen(self) -> Screen[Any]:
        """The workstation is the first screen: no key is read before it exists."""
        return self.workstation

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes that come before the workstation's panes are ready wait for them
        (readiness.py)."""
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            screen = self.screen_stack[-1] if self.screen_stack else None
            if isinstance(screen, Workstation) and not screen.ready:
                hold(screen, event)
                return
        await super().on_event(event)

    def on_mount(self) -> None:
        """Show any notice about the notes file, and the files of a folder left out."""
        if self.store is not None and self.store.notice:
            self.notify(self.store.notice, severity="warning", timeout=10)
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=10)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification, from any screen or widget, as plain text on one line.

        Messages carry file names, notes and errors, which can hold ``[markup]`` and terminal
        escape sequences: they are never parsed as markup and never reach the terminal raw.
        """
        super().notify(
            sanitize_line(message),
            title=sanitize_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    async def action_quit(self) -> None:
        """Quit; with changes that could not be saved, first say so, and quit on a second q."""
        writer, notes = self.workstation.writer, self.workstation.notes
        if not writer.failing or notes.quit_warned:
            self.exit()
            return
        notes.quit_warned = True
        writer.retry()
        self.notify(
            f"{writer.failing} change(s) are NOT saved ({writer.last_error}). They are "
            "retried every few seconds. Press q again to quit anyway: they will be "
            "printed when reader ends, so that nothing is lost silently.",
            severity="error",
            timeout=20,
        )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own commands, plus every workstation action that applies now."""
        yield from super().get_system_commands(screen)
        if not isinstance(screen, Workstation):
            return
        seen: set[str] = set()
        for binding in screen.BINDINGS:
            if not isinstance(binding, Binding) or binding.action in seen:
                continue
            seen.add(binding.action)
            name, parameters = _split_action(binding.action)
            if screen.check_action(name, parameters) is not True:
                continue
            keys = self.get_key_display(binding)
            yield SystemCommand(
                f"{binding.description} ({keys})",
                binding.tooltip or binding.description,
                partial(self.call_later, self.run_action, binding.action, screen),
            )

    def action_help(self) -> None:
        """Toggle the panel that lists every key of the focused widget and screen."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()


def _split_action(action: str) -> tuple[str, tuple[object, ...]]:
    _, name, parameters = parse(action)
    return name, tuple(parameters)
