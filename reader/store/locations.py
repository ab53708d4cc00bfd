"""Where notes live: the only module that looks at the user's home or environment."""

from __future__ import annotations

import glob
import hashlib
import os
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

NOTES_NAME = "reader-notes.json"


def user_data_folder() -> Path:
    """The per-user data folder of reader (XDG or the platform's equivalent)."""
    import platformdirs  # here: `reader match` never needs it, and it costs 6 ms to import

    return Path(platformdirs.user_data_dir("reader", appauthor=False))


def default_notes_path(
    documents: Sequence[Path], fallback: Path | None = None
) -> tuple[Path, str | None]:
    """The notes file for these documents, and a notice if it is not beside them.

    It is ``reader-notes.json`` in the documents' common folder; if that folder is not
    writable, a file named after the folder in the user data folder.
    """
    folders = [str(path.resolve().parent) for path in documents] or [os.getcwd()]
    common = Path(os.path.commonpath(folders))
    if os.access(common, os.W_OK):
        return common / NOTES_NAME, None
    if (common / NOTES_NAME).exists():  # someone's notes, in a folder we cannot write: read them
        return common / NOTES_NAME, f"{common} is not writable: its notes file opens read-only"
    digest = hashlib.sha256(str(common).encode("utf-8")).hexdigest()[:12]
    path = (fallback or user_data_folder()) / f"notes-{common.name or 'root'}-{digest}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path, f"{common} is not writable: notes are kept in {path}"


_FRESH_STAMP = "%Y%m%d-%H%M%S"
_FRESH_NAME = re.compile(r"-(\d{8}-\d{6})\.json")


def fresh_notes_path(damaged: Path, now: datetime | None = None) -> Path:
    """The name of a fresh notes file started because ``damaged`` could not be read."""
    stamp = (now or datetime.now(UTC)).strftime(_FRESH_STAMP)
    return damaged.with_name(f"{damaged.stem}-{stamp}.json")


def fresh_notes_files(damaged: Path) -> list[Path]:
    """The fresh notes files started after ``damaged`` was found damaged, newest first: the
    next start takes up the newest, so the last session's notes are not left behind."""
    found = [
        path
        for path in damaged.parent.glob(f"{glob.escape(damaged.stem)}-*.json")
        if _FRESH_NAME.fullmatch(path.name[len(damaged.stem) :])
    ]
    return sorted(found, key=lambda path: path.name, reverse=True)


def find_notes(folder: Path, fallback: Path | None = None) -> tuple[Path, str | None]:
    """The notes file that belongs to a folder, as the workstation finds it, and a notice when
    it is not the folder's own ``reader-notes.json``; ``(the folder's name, None)`` if none is
    found yet."""
    own = folder / NOTES_NAME
    if own.exists():
        return own, None
    path, notice = default_notes_path([folder / NOTES_NAME], fallback)
    if path != own and path.exists():
        return path, notice
    return own, None


def keys_path() -> Path:
    """The user's keys file (TOML), used when it exists."""
    import platformdirs

    return Path(platformdirs.user_config_dir("reader", appauthor=False)) / "keys.toml"
