"""Every workstation command, defined once: its keys, its words, when it applies and what it
does. The key bindings (and so the footer, the help panel and the command palette) are
derived from this table.

Every binding is a priority binding, so the app runs it the moment the key is read. A key that
is not a priority binding first travels through the focused widget and its parents, each a
message queue of its own, while a priority key behind it runs at once: ``c j j`` typed fast
would tag the claim two below the one under the cursor when ``c`` was pressed. The screen's
``check_action`` lets a key through to the search box, the note editor or the matrix where it
belongs there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from reader.ui.screens.workstation import Workstation

Run = Callable[["Workstation"], None]
Applies = Callable[["Workstation"], bool | None]


@dataclass(frozen=True)
class Command:
    """One thing the workstation does from a key.

    ``writes``: it changes notes, so it needs a writable notes file; ``store``: it needs a
    notes file; ``in_matrix``: it also applies while the matrix has focus; ``applies``: when
    else it is offered (None: greyed out, False: hidden); ``unavailable``: why not, said when
    its key is pressed where it does not apply.
    """

    id: str
    keys: str
    description: str
    tooltip: str
    run: Run
    show: bool = True
    writes: bool = False
    store: bool = False
    in_matrix: bool = False
    applies: Applies | None = None
    # What its key says when pressed where the command does not apply (else it is silent).
    unavailable: Callable[[Workstation], str] | None = None


COMMANDS: tuple[Command, ...] = (
    Command("claim.next", "j,down", "Next", "Next claim", lambda w: w.reading.move(1)),
    Command("claim.previous", "k,up", "Prev", "Previous claim", lambda w: w.reading.move(-1)),
    Command("claim.next_match", "right_square_bracket", "Next match",
            "Next claim that has a match", lambda w: w.reading.next_match(1)),
    Command("claim.previous_match", "left_square_bracket", "Prev match",
            "Previous claim that has a match", lambda w: w.reading.next_match(-1), show=False),
    Command("pane.other", "tab,shift+tab", "Other pane", "Focus the other pane",
            lambda w: w.reading.other_pane()),
    Command("claim.counterpart", "enter", "Counterpart",
            "Jump to the counterpart in the other pane (again: the next one)",
            lambda w: w.reading.counterpart()),
    Command("tag.corroborated", "c", "Corroborated", "Tag the claim corroborated",
            lambda w: w.notes.tag("corroborated"), writes=True, in_matrix=True),
    Command("tag.contested", "x", "Contested", "Tag the claim contested",
            lambda w: w.notes.tag("contested"), writes=True, in_matrix=True),
    Command("tag.clear", "u", "Clear", "Clear the claim's tag",
            lambda w: w.notes.untag(), writes=True, in_matrix=True),
    # Not "writes": with the notes read-only it opens the note to read (the keys typed after
    # n are the note's, whether or not it can be saved).
    Command("tag.note", "n", "Note", "Add or edit a note on the claim",
            lambda w: w.notes.note(), in_matrix=True),
    Command("tag.next_version", "v", "Next version",
            "Show and edit the claim's next annotation (when it has several)",
            lambda w: w.notes.next_version(), show=False, writes=True, in_matrix=True,
            applies=lambda w: len(w.book.versions(w.cursor_key())) > 1),
    Command("tag.undo", "z", "Undo", "Undo the last tag or note change",
            lambda w: w.notes.undo(), writes=True, in_matrix=True),
    Command("notes.export", "E", "Export", "Export the notes to a file",
            lambda w: w.notes.export(), store=True, in_matrix=True),
    Command("document.add", "a", "Add", "Add a document: a URL or a file",
            lambda w: w.reading.add_document()),
    Command("search.open", "slash", "Search", "Search the focused document",
            lambda w: w.reading.search()),
    Command("search.next", "ctrl+n", "Next hit", "Next search hit",
            lambda w: w.reading.search_step(1), show=False,
            applies=lambda w: w.reading.has_search_hits),
    Command("search.previous", "ctrl+b", "Previous hit", "Previous search hit",
            lambda w: w.reading.search_step(-1), show=False,
            applies=lambda w: w.reading.has_search_hits),
    Command("panes.choose", "o", "Panes", "Choose the documents in the panes",
            lambda w: w.reading.choose_panes(), applies=lambda w: len(w.documents) > 2,
            unavailable=lambda w: "both documents are in the panes already; press a to add another"),
    Command("matrix.toggle", "m", "Matrix",
            "Each claim of the focused document against every other (3+ documents)",
            lambda w: w.notes.toggle_matrix(), in_matrix=True,
            applies=lambda w: len(w.documents) >= 3 and (None if w.matching else True),
            unavailable=lambda w: "the matrix opens when matching has finished"
            if len(w.documents) >= 3
            else "the matrix compares three or more documents; press a to add another"),
    Command("notes.orphans", "O", "Review", "List the orphaned notes and the notes to confirm",
            lambda w: w.notes.review(), show=False,
            applies=lambda w: bool(w.book.orphans or w.book.needs_review())),
    Command("search.close", "escape", "Close search", "Close the search box",
            lambda w: w.reading.close_search(), show=False,
            applies=lambda w: w.reading.search_is_open),
)  # fmt: skip

BY_ID: dict[str, Command] = {command.id: command for command in COMMANDS}

# While the matrix has focus, its own keys (j, k, arrows) move the grid, and these reach the
# matrix panel after them, in the order typed (not priority: a priority x would run before
# the j typed ahead of it had moved the grid).
MATRIX_BINDINGS: list[BindingType] = [
    Binding(c.keys, f"command({c.id!r})", c.description, show=c.show, id=c.id, tooltip=c.tooltip)
    for c in COMMANDS
    if c.in_matrix
]

WORKSTATION_BINDINGS: list[BindingType] = [
    Binding(
        c.keys,
        f"run({c.id!r})",
        c.description,
        show=c.show,
        id=c.id,
        tooltip=c.tooltip,
        priority=True,
    )
    for c in COMMANDS
]
