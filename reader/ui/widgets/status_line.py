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
        """Show the state; ``progress`` is None once matching is done.

        What needs the user comes first (a change not saved, notes to confirm) and the notes
        file's path last: a narrow terminal cuts the end of the line, not the warning.
        """
        parts: list[str] = []
        if store is None:
            parts.append("read without notes (not saved)")
        elif failing and last_error:
            parts.append(sanitize_line(f"{failing} NOT SAVED, retrying: {last_error}"))
        elif store.read_only:
            parts.append("read-only")
        else:
            parts.append(f"saving {unsaved}…" if unsaved else "all saved")
        if progress is not None:
            parts.append(f"matching {progress:.0%}")
        elif result is not None:
            strong = sum(1 for m in result.matches if m.strength == "strong")
            parts.append(f"{len(result.matches)} matches ({strong} strong)")
        # Claims, as the panes' borders count them; other versions of a claim's note apart.
        tags = [found[0].status for found in book.by_passage.values() if found]
        parts.append(f"✓ {tags.count('corroborated')}  ✗ {tags.count('contested')}")
        versions = len(book.all_placed()) - len(book.by_passage)
        if versions:
            parts.append(f"{versions} other version(s) (v)")
        if book.orphans:
            parts.append(f"{len(book.orphans)} orphaned notes")
        review = len(book.needs_review())
        if review:
            parts.append(f"{review} to confirm (O)")
        if store is not None:
            parts.append(sanitize_line(f"notes: {store.name}"))
        self.update(" · ".join(parts))
