"""The status line: where the notes go and whether they are saved, matching, tag counts."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from reader.core.documents.text_policy import sanitize_line
from reader.core.matching.matcher import MatchResult
from reader.store.notes import NotesStore
from reader.store.placed_notes import PlacedNotes


class StatusLine(Widget):
    """One line of state under the panes; document text never reaches it as markup."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._state = ""
        self._notes = ""

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
            reason = store.read_only_reason
            parts.append(sanitize_line(f"read-only: {reason}") if reason else "read-only")
        else:
            parts.append(f"saving {unsaved}…" if unsaved else "all saved")
        if progress is not None:
            parts.append(f"matching {progress:.0%}")
        elif result is not None:
            strong = sum(1 for m in result.matches if m.strength == "strong")
            # Passages of different stories never match: say that there are several.
            told = f" in {result.story_count} stories" if result.story_count > 1 else ""
            parts.append(f"{len(result.matches)} matches ({strong} strong){told}")
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
        self._state = " · ".join(parts)
        self._notes = sanitize_line(str(store.name)) if store is not None else ""
        self.refresh()

    def render(self) -> Content:
        """The state, then as much of the notes file's path as fits (its end, at least)."""
        if not self._notes:
            return Content(self._state)
        # Measured in terminal cells: a CJK character takes two, a combining accent none.
        room = self.content_size.width - cell_len(self._state) - cell_len(" · notes: ")
        path = self._notes
        if cell_len(path) > max(room, 0):
            name = Path(path).name
            if room < cell_len(name):
                return Content(self._state)  # no room even for the file's name: left out whole
            path = "…" + _last_cells(path, room - 1) if room - 1 > cell_len(name) else name
        return Content(f"{self._state} · notes: {path}")


def _last_cells(text: str, cells: int) -> str:
    """The longest end of ``text`` that fits in ``cells`` terminal cells."""
    start = len(text)
    while start > 0 and cell_len(text[start - 1 :]) <= cells:
        start -= 1
    return text[start:]
