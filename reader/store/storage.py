"""A TinyDB storage that never leaves a half-written file and never overwrites a changed one."""

from __future__ import annotations

import contextlib
import glob
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from reader.store.backups import BACKUPS, backup_in_progress, backup_paths
from reader.store.store_error import ExternalChange, WriteFailed

Tables = dict[str, dict[str, Any]]
FaultHook = Callable[[str], None]

TEMP_MARK = ".tmp-"


def temp_prefix(path: Path) -> str:
    """The name prefix of temporary files written for path (so cleaning finds only its own)."""
    return f".{path.name}{TEMP_MARK}"


def remove_stale_temporaries(path: Path, only_dead_writers: bool = False) -> list[Path]:
    """Delete temporary files a killed writer left beside path.

    Holding path's lock, every one is stale. Without a lock (an export), only those whose
    writer process (its id is in the name) is no longer running.
    """
    removed: list[Path] = []
    prefix = temp_prefix(path)
    for stale in path.parent.glob(glob.escape(prefix) + "*"):
        if only_dead_writers and _writer_alive(stale.name[len(prefix) :]):
            continue
        with contextlib.suppress(OSError):
            stale.unlink()
            removed.append(stale)
    return removed


def _writer_alive(suffix: str) -> bool:
    pid, _, _ = suffix.partition("-")
    if not pid.isdigit():
        return True  # not named by us: leave it
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what the umask gives a new file (mkstemp uses 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def fsync_folder(folder: Path) -> None:
    """Make a rename in a folder durable (a no-op where folders cannot be opened)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_atomically(
    path: Path,
    payload: bytes,
    fault: FaultHook | None = None,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write bytes to path so that a crash at any moment leaves the old or the new content.

    ``before_replace`` runs once the new content is safely on disk and before it replaces the
    old: a write that fails (a full disk) never gets that far, so nothing else changes.
    """
    # The writer's process id in the name: a later export can tell a killed writer's leftover.
    prefix = f"{temp_prefix(path)}{os.getpid()}-"
    descriptor, temp_name = tempfile.mkstemp(prefix=prefix, dir=path.parent)
    temp = Path(temp_name)
    try:
        os.fchmod(descriptor, _mode_for(path))
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            if fault:
                fault("written")
            handle.flush()
            os.fsync(handle.fileno())
        if fault:
            fault("synced")
        if before_replace:
            before_replace()
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if fault:
        fault("replaced")
    fsync_folder(path.parent)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogates_escaped(text: str) -> str:
    """JSON text that encodes as UTF-8: a file name that is not UTF-8 reaches Python with
    lone surrogates standing for its bytes (``os.fsdecode``); JSON writes each as a ``\\u``
    escape, which reads back as the same character, so the name survives the round trip.
    Outside strings JSON is ASCII, so only string content is touched."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class AtomicJSONStorage(Storage):
    """JSON storage: atomic replace, fsync, rotating backups, and detection of outside changes.

    ``read`` serves an in-memory copy of what is on disk, so TinyDB's read-modify-write cycle
    costs no disk read; ``write`` goes to disk at once, or at the end of a ``batch()``.
    """

    def __init__(self, path: str | Path, backups: int = BACKUPS, fault: FaultHook | None = None):
        self.path = Path(path)
        self.backups = backups
        self.fault = fault
        self._signature: tuple[int, int, int] | None = None
        self._data: Tables | None = None
        self._in_batch = False
        self._dirty = False
        self._load()

    def read(self) -> Tables | None:
        """The current state, tables copied (records are shared: a failed write reloads)."""
        if self._data is None:
            return None
        return {name: dict(table) for name, table in self._data.items()}

    def write(self, data: Tables) -> None:
        """Record a new state and write it to disk, or at the end of the open batch."""
        if self._in_batch:
            self._data = data
            self._dirty = True
            return
        try:
            self._commit(data)
        except ExternalChange:
            raise  # keep refusing until reopened: never build on a file someone else wrote
        except BaseException:
            self._reload()
            raise

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several TinyDB operations into one atomic write; on failure, none happened."""
        if self._in_batch:
            yield
            return
        self._in_batch, self._dirty = True, False
        try:
            yield
            if self._dirty and self._data is not None:
                self._commit(self._data)
        except ExternalChange:
            raise
        except BaseException:
            self._reload()
            raise
        finally:
            self._in_batch = False

    def check_unchanged(self) -> None:
        """Raise ExternalChange if the file is no longer the one reader last read or wrote."""
        current = self._stat()
        if current != self._signature:
            raise ExternalChange(
                f"{self.path}: the notes file was changed or replaced by another program; "
                "reader did not overwrite it"
            )

    def _commit(self, data: Tables) -> None:
        self.check_unchanged()
        payload = _lone_surrogates_escaped(json.dumps(data, ensure_ascii=False)).encode("utf-8")
        try:
            write_atomically(self.path, payload, self.fault, before_replace=self._rotate_backups)
        except ExternalChange:
            raise
        except OSError as error:
            reason = error.strerror or str(error)
            raise WriteFailed(f"{self.path}: could not save notes ({reason})") from error
        self._data = data
        self._signature = self._stat()

    def replace_file(self, payload: bytes) -> None:
        """Put other content in place of the file (a restored backup), keeping it as a backup."""
        self.check_unchanged()
        write_atomically(self.path, payload, before_replace=self._rotate_backups)

    def _rotate_backups(self) -> None:
        """Keep the current file as the newest backup, shifting the older ones down.

        The newest backup is made first: if that fails (no space for a copy), no backup moves.
        """
        if not self.backups or self._signature is None:
            return
        paths = backup_paths(self.path, self.backups)
        newest = backup_in_progress(self.path)
        with contextlib.suppress(FileNotFoundError):
            newest.unlink()
        try:
            os.link(self.path, newest)  # the old version stays reachable, at no copying cost
        except OSError:
            write_atomically(newest, self.path.read_bytes())
        for older, newer in zip(reversed(paths[1:]), reversed(paths[:-1]), strict=True):
            if newer.exists():
                os.replace(newer, older)
        os.replace(newest, paths[0])

    def _reload(self) -> None:
        """Forget what memory holds beyond the file: after a failed write, disk is the truth."""
        self._data = None
        self._signature = None
        self._load()

    def _load(self) -> None:
        signature = self._stat()
        if signature is None:
            self._data = None
            self._signature = None
            return
        text = self.path.read_text(encoding="utf-8")
        self._data = json.loads(text) if text.strip() else None
        self._signature = signature

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return None
        return (info.st_ino, info.st_size, info.st_mtime_ns)
