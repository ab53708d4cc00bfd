"""Deciding whether an existing file is a reader notes database before touching it."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.store.errors import CorruptStore

APP = "reader"


def inspect(path: Path) -> dict[str, Any] | None:
    """The parsed database at path, None if there is no file; CorruptStore if it is not ours.

    A file that is empty, not JSON, or JSON of another program is copied aside (never moved or
    overwritten) and reported, so nothing the user had is lost.
    """
    if not path.exists():
        return None
    problem = _problem(path)
    if problem is None:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data
    copy = path.with_name(f"{path.name}.unreadable-{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}")
    shutil.copy2(path, copy)
    raise CorruptStore(
        f"{path}: {problem}; it was left as it is and a copy saved as {copy.name} "
        "(use --db to choose another notes file)"
    )


def _problem(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "not a notes file (not UTF-8 text)"
    if not text.strip():
        return "the notes file is empty"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return f"the notes file is damaged (invalid JSON at line {error.lineno})"
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return "not a reader notes file (not a TinyDB database)"
    meta = data.get("meta", {})
    if not any(isinstance(r, dict) and r.get("app") == APP for r in meta.values()):
        return "not a reader notes file (another program's TinyDB database)"
    return None
