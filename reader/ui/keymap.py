"""Remapping keys: a TOML file that maps binding ids to keys."""

from __future__ import annotations

import tomllib
from pathlib import Path


class KeymapError(Exception):
    """The keys file cannot be used; the message is one line for the user."""


def binding_ids() -> set[str]:
    """Every binding id a keys file may remap: the app's, the workstation's, the dialogs'."""
    from textual.binding import Binding

    from reader.ui.app import ReaderApp
    from reader.ui.dialogs.export_dialog import ExportDialog
    from reader.ui.dialogs.note_editor import NoteEditor
    from reader.ui.dialogs.notes_to_review import NotesToReview
    from reader.ui.dialogs.pane_chooser import PaneChooser
    from reader.ui.screens.workstation import Workstation
    from reader.ui.widgets.matrix_panel import MatrixPanel

    owners = (ReaderApp, Workstation, MatrixPanel, NoteEditor, ExportDialog, PaneChooser)
    bindings = [b for owner in (*owners, NotesToReview) for b in owner.BINDINGS]
    return {b.id for b in bindings if isinstance(b, Binding) and b.id}


def load_keymap(path: Path) -> dict[str, str]:
    """Read ``[keys]`` from a TOML file: ``"tag.corroborated" = "C"``, ``"claim.next" = "j,down"``.

    An id that no binding has is an error, not silently ignored: it is most often a typo.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeymapError(f"{path}: no such keys file") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KeymapError(f"{path}: not a valid TOML keys file ({error})") from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keys.items()
    ):
        raise KeymapError(
            f'{path}: [keys] must map binding ids to key strings, e.g. "tag.note" = "N"'
        )
    unknown = sorted(set(keys) - binding_ids())
    if unknown:
        raise KeymapError(
            f"{path}: no key has the binding id {unknown[0]!r}; the ids are: "
            + ", ".join(sorted(binding_ids()))
        )
    return dict(keys)
