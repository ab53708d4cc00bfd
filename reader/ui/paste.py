"""Pastes that hold an escape byte arrive whole, as text.

A terminal in bracketed paste mode sends a paste between ``ESC [200~`` and ``ESC [201~``.
Textual 8's input parser reads an escape byte inside a paste as the start of a key sequence:
the escape key, and the paste's next characters as keys. A log line pasted with its colour
codes closed the note editor, and "some copied text ESC jjc" tagged a claim in the workstation.
Here the input is read before the parser: inside a paste, each escape byte becomes its visible
placeholder (U+241B, as in documents and notes), so the paste reaches the app as one paste.
Outside a paste nothing changes; only the start of a paste marker cut at the end of a long
read (a burst) is held for the next read, never a key typed alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual._xterm_parser import XTermParser

from reader.core.documents.text_policy import ESCAPE_SHOWN

if TYPE_CHECKING:
    from textual.message import Message

# A read this long is part of a burst (a paste, held keys), never one key typed alone.
LONG_READ = 1024
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


class PasteFilter:
    """Input text with the escape bytes inside bracketed pastes as placeholders."""

    def __init__(self) -> None:
        self.pasting = False
        self._held = ""  # the end of a read that may begin the paste's end marker

    def __call__(self, data: str) -> str:
        read = len(data)
        data, self._held = self._held + data, ""
        out: list[str] = []
        position = 0
        while position < len(data):
            if not self.pasting:
                start = data.find(PASTE_START, position)
                if start < 0:
                    # A start marker cut between two reads: at the end of a long read (a
                    # burst, more to come at once), hold what could begin it. Not after a
                    # short one: an escape or alt+[ typed alone must not wait for the next key.
                    keep = _marker_start(data, position, PASTE_START)
                    if read < LONG_READ:
                        keep = len(data)
                    out.append(data[position:keep])
                    self._held = data[keep:]
                    break
                out.append(data[position : start + len(PASTE_START)])
                position = start + len(PASTE_START)
                self.pasting = True
                continue
            end = data.find(PASTE_END, position)
            if end < 0:
                # The marker may be cut between two reads: hold what could begin it.
                keep = _marker_start(data, position, PASTE_END)
                out.append(data[position:keep].replace("\x1b", ESCAPE_SHOWN))
                self._held = data[keep:]
                break
            out.append(data[position:end].replace("\x1b", ESCAPE_SHOWN) + PASTE_END)
            position = end + len(PASTE_END)
            self.pasting = False
        return "".join(out)


def _marker_start(data: str, position: int, marker: str) -> int:
    """Where a cut ``marker`` may begin at the end of ``data`` (its length if nowhere)."""
    for length in range(min(len(marker) - 1, len(data) - position), 0, -1):
        if marker.startswith(data[len(data) - length :]):
            return len(data) - length
    return len(data)


class PasteSafeParser(XTermParser):
    """Textual's parser, reading the input through a ``PasteFilter``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._paste_filter = PasteFilter()

    def feed(self, data: str) -> Iterable[Message]:
        """Parse the input, escape bytes inside pastes as placeholders ("" ends the input)."""
        if not data:
            return super().feed(data)
        filtered = self._paste_filter(data)
        # All of it held (a cut marker): nothing to parse yet; "" would end the input.
        return super().feed(filtered) if filtered else ()


def install() -> None:
    """Make Textual's Linux and macOS driver read input with ``PasteSafeParser``."""
    from textual.drivers import linux_driver

    if getattr(linux_driver, "XTermParser", None) is XTermParser:
        setattr(linux_driver, "XTermParser", PasteSafeParser)  # noqa: B010 - not exported
