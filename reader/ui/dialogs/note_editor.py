"""A modal editor for a claim's note: ctrl+s saves, escape cancels; escape after a change asks
first, and a second escape discards. (One key should not throw away a long note; and a paste
that holds an escape byte reaches the app as an escape key, which closed the editor and ran the
rest of the paste as commands.)

Typed characters wait in the text area's own message queue. A save key that went through that
queue too would reach the editor's binding only after the text area had taken the keys typed
behind it ("n hello ctrl+s j c" saved "hellojc"); a save key that ran at once would miss the
characters still queued. So ctrl+s and escape are priority keys that queue a request behind
the characters already typed: the note is exactly what was typed before the key, and the keys
typed after it are handed back, in order, to the workstation once the editor has closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from reader.core.documents.text_policy import sanitize, sanitize_line


class NoteText(TextArea):
    """The note's text area: it finishes, when asked, after the keys typed before the ask."""

    @dataclass
    class Finished(Message):
        """The text as it stood when the save (or cancel) key was pressed (None: cancelled),
        and the keys typed after it, for whoever has them next."""

        text: str | None
        later: list[events.Key]

    @dataclass
    class Discarding(Message):
        """Cancelling would lose a change: whether the next cancel will discard it."""

        asking: bool

    @dataclass
    class _Finish(Message):
        keep: bool

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(text, id=id, soft_wrap=True)
        self.finished = False
        self.original = text
        self.asked: str | None = None  # the text when a cancel asked whether to discard it
        self._kept: str | None = None
        self._later: list[events.Key] = []

    def finish(self, keep: bool) -> None:
        """Finish once the keys already queued are typed: keep the text, or not (a change is
        discarded only by a second cancel)."""
        self.post_message(self._Finish(keep))

    @on(TextArea.Changed)
    def _changed(self) -> None:
        # Typed on after the question: a cancel asks again. (Changes made before the question
        # can be told only now: their messages come after it.)
        if self.asked is not None and self.text != self.asked:
            self.asked = None
            self.post_message(self.Discarding(asking=False))

    @on(_Finish)
    def _finish(self, message: _Finish) -> None:
        if self.finished:
            return
        if not message.keep and self.text != self.original and self.text != self.asked:
            self.asked = self.text
            self.post_message(self.Discarding(asking=True))
            return
        self.finished = True
        self._kept = self.text if message.keep else None
        # After the keys already queued behind the save key: they are kept, not typed.
        self.call_later(self._announce)

    def _announce(self) -> None:
        self.post_message(self.Finished(self._kept, self._later))

    async def _on_key(self, event: events.Key) -> None:
        if self.finished:  # typed after the save key, before the editor closed
            event.stop()
            event.prevent_default()
            self._later.append(events.Key(event.key, event.character))
            return
        await super()._on_key(event)


class NoteEditor(ModalScreen[str | None]):
    """Edit a note; dismisses with the new text, or None when cancelled."""

    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
    }
    NoteEditor > Vertical {
        width: 80%;
        height: 60%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    NoteEditor .hint { color: $text-muted; }
    NoteEditor .hint.-asking { color: $warning; text-style: bold; }
    NoteEditor TextArea {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "save", "Save note", id="note.save", tooltip="Save the note", priority=True
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="note.cancel",
            tooltip="Close without saving",
            priority=True,
        ),
    ]

    def __init__(self, claim: str, note: str, *, read_only: str | None = None) -> None:
        """``read_only``: why the note cannot be saved, if it cannot (it is shown to read, and
        the keys typed into it change nothing)."""
        super().__init__()
        self.claim = claim
        self.note = note
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        """A label with the claim, and the text area."""
        with Vertical():
            yield Label(sanitize(self.claim), markup=False)
            text = NoteText(self.note, id="note-text")
            text.read_only = self.read_only is not None
            yield text
            hint = _HINT if self.read_only is None else f"{self.read_only} · escape: close"
            yield Label(sanitize_line(hint), classes="hint", id="note-hint")

    def on_mount(self) -> None:
        """Start typing at once, after the note's last character."""
        text = self.query_one(NoteText)
        text.focus()
        text.move_cursor(text.document.end)

    def action_save(self) -> None:
        """Close with the note as typed before this key."""
        self.query_one(NoteText).finish(keep=True)

    def action_cancel(self) -> None:
        """Close without changing the note."""
        self.query_one(NoteText).finish(keep=False)

    @on(NoteText.Discarding)
    def discarding(self, message: NoteText.Discarding) -> None:
        """Say that a second escape discards the change, or no longer."""
        hint = self.query_one("#note-hint", Label)
        hint.update(_ASKING if message.asking else _HINT)
        hint.set_class(message.asking, "-asking")

    @on(NoteText.Finished)
    def finished(self, message: NoteText.Finished) -> None:
        """Close with the text (None when cancelled); hand back the keys typed after."""
        app = self.app
        self.dismiss(None if self.read_only is not None else message.text)
        for key in message.later:
            app.post_message(key)


_HINT = "ctrl+s: save · escape: cancel"
_ASKING = "escape again: discard your change · ctrl+s: save it · or go on typing"
