"""The status line: where the notes go and whether they are saved, matching, tag counts."""

from __future__ import annotations

from textual.widgets import Static

from reader.core.documents.text_policy import sanitize_line
from reader.core.matching.matcher import MatchResult
from reader.store.notes import NotesStore
from reader.store.placed_notes import PlacedNotes


class StatusLine(Static):
    """One line of state under the panes; document text never reaches it as markup."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(
        self,
        *,
        store: NotesStore | None,
        unsaved: int,
        failing: int,
        last_error: str | None,
        progress: float | None,
        result: MatchResult | None,
        book: PlacedNotes,
    ) -> None:
        """Show the state; ``progress`` is None once matching is done."""
        parts: list[str] = []
        if store is None:
            parts.append("notes: not saved (read without notes)")
        else:
            mode = " (read-only)" if store.read_only else ""
            parts.append(sanitize_line(f"notes: {store.name}{mode}"))
            if failing and last_error:
                parts.append(sanitize_line(f"{failing} NOT SAVED, retrying: {last_error}"))
            else:
                parts.append(f"saving {unsaved}…" if unsaved else "all saved")
        if progress is not None:
            parts.append(f"matching {progress:.0%}")
        elif result is not None:
            strong = sum(1 for m in result.matches if m.strength == "strong")
            parts.append(f"{len(result.matches)} matches ({strong} strong)")
        tags = [a.status for a in book.all_placed()]
        parts.append(f"✓ {tags.count('corroborated')}  ✗ {tags.count('contested')}")
        if book.orphans:
            parts.append(f"{len(book.orphans)} orphaned notes")
        review = len(book.needs_review())
        if review:
            parts.append(f"{review} to confirm (O)")
        self.update(" · ".join(parts))
