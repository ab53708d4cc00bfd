"""The one policy for text from documents, notes, titles, file names and messages on screen:
terminal control characters become visible placeholders, one for one, so offsets do not move
and no escape sequence reaches the terminal."""

from __future__ import annotations

import re

# Characters that would reach the terminal as commands: C0 except tab and newline, DEL, C1.
_CONTROL_MAP: dict[int, str] = {
    **{code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)},
    0x7F: "\u2421",
    **{code: "\ufffd" for code in range(0x80, 0xA0)},
}
# The escape character's placeholder ("\u241b", ␛): what a document or note holds for it.
ESCAPE_SHOWN = _CONTROL_MAP[0x1B]


def sanitize(text: str) -> str:
    """Replace terminal control characters one for one with visible placeholders (and
    bidirectional overrides and lone surrogates with U+FFFD): text for the screen or a memo."""
    return _SURROGATES.sub("\ufffd", text.translate(_SHOWN_MAP))


def placeholders(text: str) -> str:
    """Only the control characters as placeholders: the document text policy, which keeps
    bidirectional characters (they are counted and flagged) so a text's id never changes."""
    return text.translate(_CONTROL_MAP)


# What else is shown, not obeyed, in a note, a title or a file name on screen: the
# bidirectional formatting characters, which can show text in another order, and the lone
# surrogates that stand for the bytes of a file name not in UTF-8.
_SHOWN_MAP: dict[int, str] = {
    **_CONTROL_MAP,
    **{ord(c): "\ufffd" for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"},
}
_SURROGATES = re.compile("[\ud800-\udfff]")
# One line of a status bar, a title or a message: line breaks shown, not obeyed.
_LINE_MAP: dict[int, str] = {**_SHOWN_MAP, 0x0A: "\u2424", 0x09: " "}


def sanitize_line(text: str) -> str:
    """Like ``sanitize``, for text shown on one line (names, paths, titles, messages)."""
    return _SURROGATES.sub("\ufffd", text.translate(_LINE_MAP))


def excerpt(text: str, limit: int) -> str:
    """At most ``limit`` characters of a text, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"
