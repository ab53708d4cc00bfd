"""Remapping keys: a TOML file that maps binding ids to keys, checked before it is used."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

from textual.keys import Keys, _character_to_key

MAX_KEYS_FILE = 64 * 1024  # a keys file is a few lines; a device or a huge file is refused
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


class KeymapError(Exception):
    """The keys file cannot be used; the message is one line for the user."""


def binding_ids() -> set[str]:
    """Every binding id a keys file may remap: the app's, the workstation's, the dialogs'."""
    return {binding_id for binding_id, _ in _bindings()}


def load_keymap(path: Path) -> dict[str, str]:
    """Read ``[keys]`` from a TOML file: ``"tag.corroborated" = "C"``, ``"claim.next" = "j,down"``.

    An id that no binding has, a key Textual does not know, and a key given to two commands
    of the workstation are errors, not silently ignored: each would leave a key that does
    nothing or does the wrong thing.
    """
    keys = _read(path)
    unknown = sorted(set(keys) - binding_ids())
    if unknown:
        valid = ", ".join(sorted(binding_ids()))
        raise KeymapError(f"{path}: no key has the binding id {unknown[0]!r}; the ids are: {valid}")
    for binding_id, value in keys.items():
        for key in _split(value):
            if not _known_key(key):
                raise KeymapError(
                    f"{path}: {binding_id!r}: {key!r} is not a key name "
                    "(examples: j, J, ctrl+s, f2, down, question_mark)"
                )
    _check_clashes(path, keys)
    return dict(keys)


def _read(path: Path) -> dict[str, str]:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise KeymapError(f"{path}: no such keys file") from None
    except OSError as error:
        raise KeymapError(f"{path}: cannot read the keys file ({error.strerror})") from None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_KEYS_FILE:
        raise KeymapError(f"{path}: not a keys file (a regular TOML file of a few lines)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise KeymapError(f"{path}: cannot read the keys file ({error.strerror})") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KeymapError(f"{path}: not a valid TOML keys file ({error})") from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keys.items()
    ):
        raise KeymapError(
            f'{path}: [keys] must map binding ids to key strings, e.g. "tag.note" = "N"'
        )
    return keys


def _split(value: str) -> list[str]:
    return [key.strip() for key in value.split(",")]


def _known_key(key: str) -> bool:
    """Whether Textual can bind this key: modifiers, then one character or a key's name."""
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    if not base or any(m not in MODIFIERS for m in modifiers):
        return False
    if len(base) == 1:
        return base.isprintable()
    return base in _KEY_NAMES


def _check_clashes(path: Path, keymap: dict[str, str]) -> None:
    """Refuse a key bound to two commands that apply at once (the workstation and the app)."""
    taken: dict[str, str] = {}
    for binding_id, keys in _bindings(scope="workstation"):
        for key in _split(keymap.get(binding_id, keys)):
            name = _character_to_key(key) if len(key) == 1 else key
            if name in taken and taken[name] != binding_id:
                raise KeymapError(
                    f"{path}: the key {key!r} is given to both {taken[name]!r} and "
                    f"{binding_id!r}; give one of them another key"
                )
            taken[name] = binding_id


def _bindings(scope: str | None = None) -> list[tuple[str, str]]:
    """(binding id, keys) of the app, the workstation and, without a scope, the dialogs."""
    from textual.binding import Binding

    from reader.ui.app import ReaderApp
    from reader.ui.dialogs.add_document import AddDocument
    from reader.ui.dialogs.export_dialog import ExportDialog
    from reader.ui.dialogs.note_editor import NoteEditor
    from reader.ui.dialogs.notes_to_review import NotesToReview
    from reader.ui.dialogs.pane_chooser import PaneChooser
    from reader.ui.screens.workstation import Workstation
    from reader.ui.widgets.matrix_panel import MatrixPanel

    owners: list[type] = [ReaderApp, Workstation]
    if scope is None:
        owners += [MatrixPanel, NoteEditor, ExportDialog, PaneChooser, NotesToReview, AddDocument]
    found = [b for owner in owners for b in getattr(owner, "BINDINGS", [])]
    return [(b.id, b.key) for b in found if isinstance(b, Binding) and b.id]


_KEY_NAMES = frozenset(
    {k.value for k in Keys}
    | {_character_to_key(chr(code)) for code in range(33, 127)}
    | {"space", "enter", "tab", "escape", "backspace", "delete"}
)
