"""The workstation's keys: each with an id (remappable by ``--keys``) and a tooltip."""

from __future__ import annotations

from textual.binding import Binding, BindingType

WORKSTATION_BINDINGS: list[BindingType] = [
    # Priority: the panes scroll on up/down by themselves, but here these walk the claims.
    Binding("j,down", "move(1)", "Next", id="claim.next", tooltip="Next claim", priority=True),
    Binding(
        "k,up", "move(-1)", "Prev", id="claim.previous", tooltip="Previous claim", priority=True
    ),
    Binding(
        "right_square_bracket",
        "next_match(1)",
        "Next match",
        id="claim.next_match",
        tooltip="Next claim that has a match",
    ),
    Binding(
        "left_square_bracket",
        "next_match(-1)",
        "Prev match",
        id="claim.previous_match",
        tooltip="Previous claim that has a match",
        show=False,
    ),
    Binding(
        "tab",
        "other_pane",
        "Other pane",
        id="pane.other",
        tooltip="Focus the other pane",
        priority=True,
    ),
    Binding(
        "enter",
        "counterpart",
        "Counterpart",
        id="claim.counterpart",
        tooltip="Jump to the counterpart in the other pane (again: the next one)",
    ),
    Binding(
        "c",
        "tag('corroborated')",
        "Corroborated",
        id="tag.corroborated",
        tooltip="Tag the claim corroborated",
    ),
    Binding(
        "x",
        "tag('contested')",
        "Contested",
        id="tag.contested",
        tooltip="Tag the claim contested",
    ),
    Binding("u", "untag", "Clear", id="tag.clear", tooltip="Clear the claim's tag"),
    Binding("n", "note", "Note", id="tag.note", tooltip="Add or edit a note on the claim"),
    Binding("z", "undo", "Undo", id="tag.undo", tooltip="Undo the last tag or note change"),
    Binding("E", "export", "Export", id="notes.export", tooltip="Export the notes to a file"),
    Binding("slash", "search", "Search", id="search.open", tooltip="Search the focused document"),
    Binding(
        "ctrl+n",
        "search_step(1)",
        "Next hit",
        id="search.next",
        show=False,
        tooltip="Next search hit",
    ),
    Binding(
        "ctrl+b",
        "search_step(-1)",
        "Previous hit",
        id="search.previous",
        show=False,
        tooltip="Previous search hit",
    ),
    Binding(
        "o",
        "choose_panes",
        "Panes",
        id="panes.choose",
        tooltip="Choose the documents in the panes",
    ),
    Binding(
        "m",
        "matrix",
        "Matrix",
        id="matrix.toggle",
        tooltip="Each claim of the focused document against every other (3+ documents)",
    ),
    Binding(
        "O",
        "orphans",
        "Orphans",
        id="notes.orphans",
        show=False,
        tooltip="List the notes whose text is no longer found",
    ),
    Binding(
        "escape",
        "close_search",
        "Close search",
        id="search.close",
        show=False,
        tooltip="Close the search box",
    ),
]
