"""A pytest plugin for TinyDB's own test suite: every JSONStorage it makes is ours."""

import tinydb
import tinydb.storages

from reader.store.storage import AtomicJSONStorage

tinydb.JSONStorage = AtomicJSONStorage  # type: ignore[misc, assignment]
tinydb.storages.JSONStorage = AtomicJSONStorage  # type: ignore[misc, assignment]
