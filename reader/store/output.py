"""Writing an export to a file a user named: atomically, only to a regular file or a new
name, never over a device, a pipe, a folder, a read-only file (unless forced) or the notes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.store.storage import remove_stale_temporaries, write_atomically
from reader.store.store_error import StoreError


def output_path(path: Path, force: bool = False) -> Path:
    """The file an export may be written to, or StoreError saying why not.

    A symlink is followed (its target is written, the link stays); only a regular file or a
    new name in an existing folder is written; a device, a FIFO or a folder is refused, and
    a read-only file is replaced only when forced.
    """
    target = Path(os.path.realpath(path))
    if not target.parent.is_dir():
        raise StoreError(f"{path}: the folder {target.parent} does not exist")
    try:
        info = target.stat()
    except FileNotFoundError:
        return target
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path}: is a folder; name a file to write")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path}: not a regular file (a device or a pipe); name a file to write")
    if _holds_notes(target):
        raise StoreError(f"{path}: is a reader notes file (or its backup); choose another name")
    # The mode bits, not os.access: to root every file is writable, but 0444 still says "keep".
    read_only = not info.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK)
    if read_only and not force:
        raise StoreError(f"{path}: the file is read-only (use --force to replace it)")
    return target


def _holds_notes(path: Path) -> bool:
    """Whether a file is a reader notes database or a backup of one: an export must never
    replace the notes it was made from. Only its head and tail are read: the ``meta`` table
    that marks it is written first, or in older files last."""
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
            handle.seek(max(0, path.stat().st_size - 65536))
            tail = handle.read()
    except OSError:
        return False
    marker = b'"app": "reader"'
    return head.lstrip().startswith(b"{") and (marker in head or marker in tail)


def write_output(path: Path, payload: bytes, force: bool = False) -> Path:
    """Write an export to path atomically under ``output_path``'s rules; return the file."""
    target = output_path(path, force)
    remove_stale_temporaries(target, only_dead_writers=True)
    try:
        write_atomically(target, payload)
    except OSError as error:
        raise StoreError(f"{path}: could not write ({error.strerror or error})") from error
    return target
