"""Passage features made on several cores: the same features as in one process, whatever happens
to the copies."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest

from reader.core.documents.document import Document
from reader.core.documents.loading import load_document
from reader.core.matching import _cores
from reader.core.matching._cores import features_on_cores
from reader.core.matching._features import extract_features
from reader.core.matching.matcher import MatchSettings, match_documents
from tests.support.paths import NEWSWEEK, STRIPES

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="features fork on Linux only")


@pytest.fixture(autouse=True)
def alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process counts as one without threads, as reader match is: tests that ran before
    may leave a notes store's idle writer thread, and the copies here touch none of its locks."""
    monkeypatch.setattr("reader.core.matching._cores.threading.active_count", lambda: 1)


def documents(tmp_path: Path) -> list[Document]:
    """The seeds and three more reports: five documents of different lengths."""
    found = [load_document(NEWSWEEK), load_document(STRIPES)]
    for number in range(3):
        path = tmp_path / f"extra-{number}.txt"
        sentences = [
            f"Report {number} says {count} soldiers crossed the river near Kursk at dawn."
            for count in range(40 * (number + 1))
        ]
        path.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
        found.append(load_document(path))
    return found


def raising(error: BaseException) -> Callable[..., NoReturn]:
    """A stand-in for a function, that raises ``error``."""

    def call(*_: object, **__: object) -> NoReturn:
        raise error

    return call


def no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("processes", [2, 3, 4])
def test_features_made_on_several_cores_are_the_same(tmp_path: Path, processes: int) -> None:
    docs = documents(tmp_path)
    assert features_on_cores(docs, processes, min_passages=0) == extract_features(docs)
    assert no_children_left()


def test_the_documents_are_cut_into_runs_of_about_as_many_passages(tmp_path: Path) -> None:
    docs = documents(tmp_path)
    groups = _cores._groups(docs, 2)
    assert len(groups) == 2
    assert [index for group in groups for index in group] == list(range(len(docs)))
    halves = [sum(len(docs[index].passages) for index in group) for group in groups]
    assert min(halves) > 0.25 * sum(halves)
    pair = [docs[0], docs[0]]
    assert _cores._groups(pair, 2) == [range(0, 1), range(1, 2)]
    assert _cores._groups(docs[:1], 2) == [range(0, 1)]
    # A text that is mostly white space is long, not costly: the passages decide.
    padded = tmp_path / "padded.txt"
    padded.write_text(" " * 2_000_000 + "\n\nOne sentence here about the river.\n")
    assert _cores._groups([load_document(padded), *docs], 2)[0] != range(0, 1)


def test_a_copy_that_fails_has_its_documents_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = documents(tmp_path)
    # Only a copy pickles what it found.
    monkeypatch.setattr("reader.core.matching._cores.pickle.dumps", raising(MemoryError()))
    assert features_on_cores(docs, 2, min_passages=0) == extract_features(docs)
    assert no_children_left()


def test_a_copy_the_system_refuses_has_its_documents_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = documents(tmp_path)
    refused = BlockingIOError(11, "Resource temporarily unavailable")  # ulimit -u reached
    monkeypatch.setattr("reader.core.matching._cores.os.fork", raising(refused))
    assert features_on_cores(docs, 3, min_passages=0) == extract_features(docs)
    no_pipe = OSError(24, "Too many open files")
    monkeypatch.setattr("reader.core.matching._cores.os.pipe", raising(no_pipe))
    assert features_on_cores(docs, 3, min_passages=0) == extract_features(docs)


def test_no_copy_outlives_an_interrupted_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = documents(tmp_path)
    # Ctrl+C while this process reads its own documents.
    monkeypatch.setattr(_cores, "_features", raising(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        features_on_cores(docs, 3, min_passages=0)
    assert no_children_left()


def test_a_process_with_threads_or_a_small_input_never_forks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = documents(tmp_path)
    monkeypatch.setattr("reader.core.matching._cores.os.fork", raising(AssertionError("forked")))
    assert features_on_cores(docs, 2) == extract_features(docs)  # under MIN_PASSAGES
    monkeypatch.undo()  # the threads counted as they are
    monkeypatch.setattr("reader.core.matching._cores.os.fork", raising(AssertionError("forked")))
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert features_on_cores(docs, 2, min_passages=0) == extract_features(docs)
    finally:
        stop.set()
        thread.join()


def test_matching_on_several_cores_gives_the_same_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = documents(tmp_path)
    monkeypatch.setattr(_cores, "MIN_PASSAGES", 0)
    forks = 0
    fork = os.fork

    def counted() -> int:
        nonlocal forks
        forks += 1
        return fork()

    monkeypatch.setattr("reader.core.matching._cores.os.fork", counted)
    one = match_documents(docs)
    several = match_documents(docs, MatchSettings(processes=2))
    assert forks == 1
    assert len(one.matches) > 10
    assert several.matches == one.matches
    assert several.stories == one.stories
    assert several.features == one.features


def test_the_features_come_back_where_sigchld_is_ignored(tmp_path: Path) -> None:
    # Whoever started reader may ignore SIGCHLD: the system then reaps the copies itself and
    # waitpid has no status to give ("reader: error: No child processes").
    docs = documents(tmp_path)
    before = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert features_on_cores(docs, 3, min_passages=0) == extract_features(docs)
        # A message cut short is told by its length, without the copy's exit status.
        read, write = os.pipe()
        pid = os.fork()
        if not pid:
            os.write(write, (100).to_bytes(8, "big") + b"cut short")
            os._exit(0)
        os.close(write)
        assert _cores._collect(pid, read) is None
    finally:
        signal.signal(signal.SIGCHLD, before)
