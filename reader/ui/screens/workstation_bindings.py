"""The workstation's keys: each with an id (remappable by ``--keys``) and a tooltip.

Every one is a priority binding, so the app runs it the moment the key is read. A key that is
not a priority binding first travels through the focused widget and its parents, each a
message queue of its own, while a priority key behind it runs at once: ``c j j`` typed fast
would tag the claim two below the one under the cursor when ``c`` was pressed. ``check_action``
lets a key through to the search box, the note editor or the matrix where it belongs there.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType


def _key(
    keys: str, action: str, description: str, id: str, tooltip: str, show: bool = True
) -> Binding:
    return Binding(keys, action, description, show=show, id=id, tooltip=tooltip, priority=True)


WORKSTATION_BINDINGS: list[BindingType] = [
    _key("j,down", "move(1)", "Next", "claim.next", "Next claim"),
    _key("k,up", "move(-1)", "Prev", "claim.previous", "Previous claim"),
    _key(
        "right_square_bracket",
        "next_match(1)",
        "Next match",
        "claim.next_match",
        "Next claim that has a match",
    ),
    _key(
        "left_square_bracket",
        "next_match(-1)",
        "Prev match",
        "claim.previous_match",
        "Previous claim that has a match",
        show=False,
    ),
    _key("tab", "other_pane", "Other pane", "pane.other", "Focus the other pane"),
    _key(
        "enter",
        "counterpart",
        "Counterpart",
        "claim.counterpart",
        "Jump to the counterpart in the other pane (again: the next one)",
    ),
    _key(
        "c",
        "tag('corroborated')",
        "Corroborated",
        "tag.corroborated",
        "Tag the claim corroborated",
    ),
    _key("x", "tag('contested')", "Contested", "tag.contested", "Tag the claim contested"),
    _key("u", "untag", "Clear", "tag.clear", "Clear the claim's tag"),
    _key("n", "note", "Note", "tag.note", "Add or edit a note on the claim"),
    _key(
        "v",
        "next_version",
        "Next version",
        "tag.next_version",
        "Show and edit the claim's next annotation (when it has several)",
        show=False,
    ),
    _key("z", "undo", "Undo", "tag.undo", "Undo the last tag or note change"),
    _key("E", "export", "Export", "notes.export", "Export the notes to a file"),
    _key("slash", "search", "Search", "search.open", "Search the focused document"),
    _key("ctrl+n", "search_step(1)", "Next hit", "search.next", "Next search hit", show=False),
    _key(
        "ctrl+b",
        "search_step(-1)",
        "Previous hit",
        "search.previous",
        "Previous search hit",
        show=False,
    ),
    _key("o", "choose_panes", "Panes", "panes.choose", "Choose the documents in the panes"),
    _key(
        "m",
        "matrix",
        "Matrix",
        "matrix.toggle",
        "Each claim of the focused document against every other (3+ documents)",
    ),
    _key(
        "O",
        "orphans",
        "Orphans",
        "notes.orphans",
        "List the notes whose text is no longer found",
        show=False,
    ),
    _key("escape", "close_search", "Close search", "search.close", "Close the search box", False),
]
