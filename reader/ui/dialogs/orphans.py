"""The panel of orphaned notes: notes whose text is no longer found, kept and shown."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.store.model import Annotation


class OrphansPanel(ModalScreen[None]):
    """Lists every orphaned note with its claim, tag and note; escape closes."""

    DEFAULT_CSS = """
    OrphansPanel { align: center middle; }
    OrphansPanel > VerticalScroll {
        width: 90%; height: 80%; border: round $warning; background: $surface; padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,O", "close", "Close", id="orphans.close", tooltip="Close the panel"),
    ]

    def __init__(self, orphans: list[Annotation]) -> None:
        super().__init__()
        self.orphans = orphans

    def compose(self) -> ComposeResult:
        """One entry per orphaned note (document text shown as plain text)."""
        with VerticalScroll():
            title = f"{len(self.orphans)} orphaned notes: their text is no longer in the documents"
            yield Static(Content.styled(title, "bold"))
            for orphan in self.orphans:
                parts: list[Content | tuple[str, str] | str] = [("\n“", "dim"), orphan.claim]
                parts.append(("”", "dim"))
                if orphan.status:
                    parts.append((f"\n{orphan.status}", "bold"))
                if orphan.note:
                    parts.extend([("\nnote: ", "bold"), orphan.note])
                parts.append((f"\nsaved {orphan.updated} · {orphan.id}", "dim"))
                yield Static(Content.assemble(*parts))

    def action_close(self) -> None:
        """Back to the workstation."""
        self.dismiss(None)
