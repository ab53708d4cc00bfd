"""Writes done on one thread, in batches, each acknowledged by a Future."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")


class WriteQueue(Generic[Item]):
    """Items handed to ``write`` on one thread of their own, in batches.

    Everything queued while a batch is being written goes into the next one, so a burst of
    changes costs one write. ``write`` completes each item's Future; if it raises, every
    Future of the batch not yet done fails with that error, so no caller waits for ever.
    """

    def __init__(self, write: Callable[[list[tuple[Item, Future[Any]]]], None], name: str) -> None:
        self._write = write
        self._name = name
        self._queue: queue.Queue[tuple[Item, Future[Any]] | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    @property
    def started(self) -> bool:
        """Whether anything was ever queued (the thread starts with the first item)."""
        return self._thread is not None

    def put(self, item: Item) -> Future[Any]:
        """Queue an item; its Future is done when its batch is written."""
        future: Future[Any] = Future()
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
            self._thread.start()
        self._queue.put((item, future))
        return future

    def stop(self) -> None:
        """Write what is queued, then end the thread."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            batch = [item]
            stop = False
            while not self._queue.empty():  # everything queued meanwhile goes in one write
                more = self._queue.get_nowait()
                if more is None:
                    stop = True
                    break
                batch.append(more)
            try:
                self._write(batch)
            except BaseException as error:  # never leave a caller waiting for ever
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
            if stop:
                return
