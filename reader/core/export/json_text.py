"""JSON as reader writes it for people and programs: strict, readable, terminal-safe."""

from __future__ import annotations

import json
import re

_C1 = re.compile("[\x7f-\x9f]")


def json_text(payload: object) -> str:
    """JSON as reader writes it: strict (no NaN), readable, and safe to print to a terminal.

    ``ensure_ascii=False`` escapes C0 controls but writes C1 controls (U+0080-U+009F, among
    them a one-character escape sequence introducer) raw; they are escaped here too, which
    JSON allows and which changes no value.
    """
    text = json.dumps(payload, ensure_ascii=False, indent=1, allow_nan=False)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
