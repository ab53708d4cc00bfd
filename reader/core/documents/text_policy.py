"""The one policy for text from documents, notes, titles, file names and messages on screen:
terminal control characters become visible placeholders, one for one, so offsets do not move
and no escape sequence reaches the terminal."""

from __future__ import annotations

# Characters that would reach the terminal as commands: C0 except tab and newline, DEL, C1.
_CONTROL_MAP: dict[int, str] = {
    **{code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)},
    0x7F: "\u2421",
    **{code: "\ufffd" for code in range(0x80, 0xA0)},
}


def sanitize(text: str) -> str:
    """Replace terminal control characters one for one with visible placeholders."""
    return text.translate(_CONTROL_MAP)


# One line of a status bar, a title or a message: line breaks shown, not obeyed.
_LINE_MAP: dict[int, str] = {**_CONTROL_MAP, 0x0A: "\u2424", 0x09: " "}


def sanitize_line(text: str) -> str:
    """Like ``sanitize``, for text shown on one line (names, paths, titles, messages)."""
    return text.translate(_LINE_MAP)


def excerpt(text: str, limit: int) -> str:
    """At most ``limit`` characters of a text, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"
