"""Deciding, when a notes file is opened, whether this reader may write it: the lock, and the
files that must only be read (another reader holds them, or writing would break them)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from reader.store.backups import backup_in_progress, backup_paths


@dataclass(frozen=True)
class Access:
    """Whether a notes file is to be only read, and why, in a few words and in full."""

    read_only: bool
    reason: str | None = None  # "the file is read-only", "open in another reader", ...
    notice: str | None = None  # the sentence for the user, naming the file


def take_lock(path: Path, read_only: bool) -> tuple[FileLock, Access]:
    """The notes file's lock (held unless opened read-only), and whether it is to be read only,
    and why."""
    lock = FileLock(str(path) + ".lock")
    if read_only or _special(path):
        # A FIFO, a device or a folder is refused when it is read (validation.py): no lock
        # file is left beside it.
        return lock, Access(True)
    reason = _must_only_read(path)
    if reason is None:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            reason = "open in another reader"
            return lock, Access(True, reason, f"{path} is {reason}: opened read-only")
        except OSError as error:  # a read-only folder: no lock file can be made there
            reason = f"cannot lock the notes file ({error.strerror})"
    if reason is not None:
        return lock, Access(
            True, reason, f"{path}: {reason}: opened read-only, tags cannot be saved"
        )
    return lock, Access(False)


def _special(path: Path) -> bool:
    """The path exists and is not a regular file."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _must_only_read(path: Path) -> str | None:
    """Why an existing notes file must not be written, or None.

    A file marked read-only (no write permission for its owner) is kept as it is, as ``export``
    keeps one. A file with other hard links would be split from them: every save replaces the
    file (atomically), and another reader could lock and write the other name meanwhile.
    """
    try:
        info = path.stat()
    except OSError:
        return None
    if not info.st_mode & stat.S_IWUSR:
        return "the file is read-only"
    # The newest backup is a hard link to the file until the next save, and so is the link
    # that becomes it, should a save be killed just then (storage.py): only links under other
    # names count.
    names = [*backup_paths(path), backup_in_progress(path)]
    ours = sum(1 for name in names if _same_inode(name, info))
    others = info.st_nlink - 1 - ours
    if others > 0:
        return f"the file has {others} other hard link(s), which a save would break"
    return None


def _same_inode(path: Path, info: os.stat_result) -> bool:
    try:
        other = path.stat()
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino)
