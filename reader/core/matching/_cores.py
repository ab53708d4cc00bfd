"""Passage features made on several cores: the documents are split into groups of about as many
passages, and each group but the first is read by a forked copy of this process, which sends its
features back through a pipe. The features are the same as ``extract_features`` makes in one
process; a copy that fails has its group read again here.

Only for a one-shot command (``reader match``) on a large input: forking is cheap on Linux (the
copy shares this process's memory until it writes), but a process with threads (the
workstation) must never fork, and on a small input the copy costs more than it saves.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from reader.core.documents.document import Document
from reader.core.matching._features import PassageFeatures, extract_features

# Below this many passages, forking and sending the features back costs more than it saves
# (about 10 ms against about 30 microseconds a passage).
MIN_PASSAGES = 2_000
MAX_PROCESSES = 4

# What a copy sends back for each passage: PassageFeatures' fields, as a tuple (pickled
# dataclasses take three times as long).
_Row = tuple[int, int, int, int, frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def features_on_cores(
    documents: Sequence[Document], processes: int, min_passages: int | None = None
) -> list[PassageFeatures]:
    """``extract_features(documents)``, the documents split across up to ``processes`` processes
    where forking is safe and the input has at least ``min_passages`` (MIN_PASSAGES)."""
    passages = sum(len(document.passages) for document in documents)
    min_passages = MIN_PASSAGES if min_passages is None else min_passages
    processes = min(processes, MAX_PROCESSES, len(documents))
    # A process with threads must not fork: a copy would inherit locks that no thread of it
    # will ever release.
    alone = threading.active_count() == 1
    if processes < 2 or passages < min_passages or sys.platform != "linux" or not alone:
        return extract_features(documents)
    first, *others = _groups(documents, processes)
    running: dict[range, tuple[int, int]] = {}  # a group's copy: its pid and pipe
    try:
        for group in others:
            copy = _fork(documents, group)
            if copy is not None:
                running[group] = copy
        found = _features(documents, first)
        for group in others:
            rows = _collect(*running.pop(group)) if group in running else None
            found.extend(
                _features(documents, group) if rows is None else [PassageFeatures(*r) for r in rows]
            )
    finally:
        # Interrupted (Ctrl+C): no copy outlives this process.
        for pid, pipe in running.values():
            _end(pid, pipe)
    return found


def _groups(documents: Sequence[Document], processes: int) -> list[range]:
    """The documents' indices cut into up to ``processes`` runs of about as many passages (what
    making features costs; a text's length misleads where it is mostly white space)."""
    total = sum(len(document.passages) for document in documents)
    cuts = [0]
    done = 0
    for index, document in enumerate(documents):
        # A run ends before the document whose middle passes its share of the passages.
        middle = done + len(document.passages) / 2
        if index > cuts[-1] and len(cuts) < processes and middle >= total * len(cuts) / processes:
            cuts.append(index)
        done += len(document.passages)
    cuts.append(len(documents))
    return [range(start, end) for start, end in pairwise(cuts)]


def _features(documents: Sequence[Document], group: range) -> list[PassageFeatures]:
    """The features of a run of the documents, with their indices among all of them."""
    found = extract_features(documents[group.start : group.stop])
    if not group.start:
        return found
    return [replace(feature, doc=feature.doc + group.start) for feature in found]


def _fork(documents: Sequence[Document], group: range) -> tuple[int, int] | None:
    """Start a copy of this process that writes the group's features to a pipe: its pid and the
    pipe's end to read; None if the system refuses a pipe or a process (the group is read
    here)."""
    try:
        read, write = os.pipe()
    except OSError:  # out of file descriptors
        return None
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:  # out of processes or memory
        os.close(read)
        os.close(write)
        return None
    if pid:
        os.close(write)
        return pid, read
    # The copy: nothing of the parent's may run here (no cleanup, no buffered output), so
    # every way out is os._exit.
    status = 1
    try:
        os.close(read)
        _leave_with(parent)
        rows = [
            (
                feature.doc + group.start,
                feature.passage,
                feature.start,
                feature.end,
                feature.content,
                feature.ordered,
                feature.numbers,
                feature.names,
            )
            for feature in extract_features(documents[group.start : group.stop])
        ]
        data = pickle.dumps(rows, pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as pipe:
            # Its length first: the parent can tell a whole message from a cut one without
            # the copy's exit status (not to be had where SIGCHLD is ignored).
            pipe.write(len(data).to_bytes(_LENGTH, "big") + data)
        status = 0
    finally:
        os._exit(status)


_LENGTH = 8  # bytes of the length before a copy's message
_PR_SET_PDEATHSIG = 1


def _leave_with(parent: int) -> None:
    """Make the copy end with its parent, however the parent ends (SIGKILL included), and
    hold no terminal or pipe of the parent's: a pipeline ends when the parent does."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C ends the copy quietly
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the copy asked to follow it
        os._exit(1)
    quiet = os.open(os.devnull, os.O_RDWR)
    for stream in (0, 1, 2):
        os.dup2(quiet, stream)
    os.close(quiet)


def _collect(pid: int, pipe: int) -> list[_Row] | None:
    """What a copy sent, or None if it failed or sent less than all."""
    try:
        with os.fdopen(pipe, "rb") as reading:
            data = reading.read()
    except BaseException:
        # Interrupted while the copy works: stop it rather than wait for it.
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _reap(pid)
        raise
    status = _reap(pid)
    if status is not None and (not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0):
        return None
    if len(data) < _LENGTH or int.from_bytes(data[:_LENGTH], "big") != len(data) - _LENGTH:
        return None
    try:
        rows: list[_Row] = pickle.loads(data[_LENGTH:])
    except Exception:  # a message that does not read is one not sent
        return None
    return rows


def _reap(pid: int) -> int | None:
    """Wait for a copy to end: its exit status, or None where the system reaped it already
    (SIGCHLD ignored by whoever started this process)."""
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None


def _end(pid: int, pipe: int) -> None:
    """Stop a copy that was not collected, and reap it."""
    os.close(pipe)
    with contextlib.suppress(ProcessLookupError):  # already gone
        os.kill(pid, signal.SIGKILL)
    _reap(pid)
