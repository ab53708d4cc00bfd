"""JSON as reader writes it for people and programs: strict, readable, terminal-safe."""

from __future__ import annotations

import json
import re

# C1 controls (among them a one-character escape sequence introducer) and lone surrogates
# (the bytes of a file name not in UTF-8): ``ensure_ascii=False`` writes both raw.
_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")


def json_text(payload: object) -> str:
    """JSON as reader writes it: strict (no NaN), readable, and safe to print to a terminal."""
    return _escaped(json.dumps(payload, ensure_ascii=False, indent=1, allow_nan=False)) + "\n"


def json_line(payload: object) -> str:
    """The same, on one line (``reader match --json``), without the final newline."""
    return _escaped(json.dumps(payload, ensure_ascii=False, allow_nan=False))


def _escaped(text: str) -> str:
    """Escape what JSON allows escaped and a terminal or an encoder would trip on; no value
    changes (a surrogate escape reads back as the same character)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
