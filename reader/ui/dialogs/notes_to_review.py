"""The panel of notes to look at: orphaned notes (their text is no longer found, kept and
shown) and notes whose claim's text changed since they were made (to confirm)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.core.documents.text_policy import excerpt, sanitize, sanitize_line
from reader.store.annotation import Annotation


class NotesToReview(ModalScreen[None]):
    """Lists every orphaned note, and every note to confirm, with claim, tag and note."""

    DEFAULT_CSS = """
    NotesToReview { align: center middle; }
    NotesToReview > VerticalScroll {
        width: 90%; height: 80%; border: round $warning; background: $surface; padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,O", "close", "Close", id="orphans.close", tooltip="Close the panel"),
    ]

    def __init__(
        self, orphans: list[Annotation], review: list[tuple[Annotation, str]] | None = None
    ) -> None:
        super().__init__()
        self.orphans = orphans
        self.review = review or []

    def compose(self) -> ComposeResult:
        """One entry per note; every text from notes and documents is shown as plain text."""
        with VerticalScroll():
            if self.orphans:
                title = (
                    f"{len(self.orphans)} orphaned notes: their text is no longer in the documents"
                )
                yield Static(Content.styled(title, "bold"))
                for orphan in self.orphans:
                    yield Static(_entry(orphan))
            if self.review:
                title = f"{len(self.review)} notes on text that changed: confirm with c, x or u"
                yield Static(Content.styled(("\n" if self.orphans else "") + title, "bold"))
                for annotation, reason in self.review:
                    yield Static(_entry(annotation, reason))
            yield Static(Content.styled("\nescape or O: close", "dim"))

    def action_close(self) -> None:
        """Back to the workstation."""
        self.dismiss(None)


def _entry(annotation: Annotation, reason: str = "") -> Content:
    parts: list[Content | tuple[str, str] | str] = [("\n“", "dim"), sanitize(annotation.claim)]
    parts.append(("”", "dim"))
    if reason:
        parts.append((f"\n⚠ {reason}", "bold"))
    if annotation.status:
        parts.append((f"\n{annotation.status}", "bold"))
    if annotation.note:
        parts.extend([("\nnote: ", "bold"), sanitize(excerpt(annotation.note, 2000))])
    stamp = sanitize_line(f"saved {annotation.updated} · {annotation.id}")
    parts.append((f"\n{stamp}", "dim"))
    return Content.assemble(*parts)
