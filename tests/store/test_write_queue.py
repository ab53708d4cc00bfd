"""The notes store's write queue: one thread, batches, and no caller left waiting."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import Any

import pytest

from reader.store.write_queue import WriteQueue


def test_what_is_queued_during_a_write_goes_in_one_batch() -> None:
    batches: list[list[int]] = []
    writing, release = threading.Event(), threading.Event()

    def write(batch: list[tuple[int, Future[Any]]]) -> None:
        batches.append([item for item, _ in batch])
        writing.set()
        release.wait(10)
        for item, future in batch:
            future.set_result(item * 10)

    writes: WriteQueue[int] = WriteQueue(write, "test-writer")
    assert not writes.started
    first = writes.put(1)
    assert writing.wait(10)
    later = [writes.put(n) for n in (2, 3, 4)]
    release.set()
    assert [f.result(10) for f in (first, *later)] == [10, 20, 30, 40]
    writes.stop()
    assert batches == [[1], [2, 3, 4]]


def test_a_failing_write_fails_every_future_of_its_batch_and_the_thread_goes_on() -> None:
    def write(batch: list[tuple[str, Future[Any]]]) -> None:
        if any(item == "bad" for item, _ in batch):
            raise OSError("disk gone")
        for item, future in batch:
            future.set_result(item)

    writes: WriteQueue[str] = WriteQueue(write, "test-writer")
    with pytest.raises(OSError, match="disk gone"):
        writes.put("bad").result(10)
    assert writes.put("good").result(10) == "good"
    writes.stop()


def test_stop_writes_what_is_queued_first() -> None:
    done: list[int] = []

    def write(batch: list[tuple[int, Future[Any]]]) -> None:
        for item, future in batch:
            done.append(item)
            future.set_result(None)

    writes: WriteQueue[int] = WriteQueue(write, "test-writer")
    futures = [writes.put(n) for n in range(50)]
    writes.stop()
    assert done == list(range(50))
    assert all(f.done() for f in futures)
