"""Joining lines of PDF text, and words hyphenated across a line end.

A line that ends in "gov-" before "ernment" is one word broken by the typesetter, but
"state-" before "owned" is a compound that keeps its hyphen. With no dictionary, the document
itself decides: the joined word used elsewhere in it means join; the hyphenated form used
elsewhere, or both halves used as words of their own, means a compound; otherwise join.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BROKEN_END = re.compile(r"([^\W\d_]+)-$")
_LEADING_WORD = re.compile(r"[^\W\d_]+")
_BROKEN_LINE = re.compile(r"[^\W\d_][-\u00ad]$")
_DASHES = ("-", "\u2010", "\u2013", "\u2014")
# glue() looks at this much of the text before: a word broken at a line end is shorter.
_TAIL = 64


class Vocabulary:
    """The words and hyphenated compounds a document uses away from line ends."""

    def __init__(self, lines: Iterable[str]) -> None:
        """Collect the words of the lines, leaving out the pieces of words broken at line ends."""
        self.words: set[str] = set()
        self.compounds: set[str] = set()
        broken_before = False
        for line in lines:
            tokens = _WORD.findall(line.lower())
            broken_here = bool(_BROKEN_LINE.search(line.rstrip()))
            if broken_before and tokens:
                tokens = tokens[1:]
            if broken_here and tokens:
                tokens = tokens[:-1]
            for token in tokens:
                if "-" in token:
                    self.compounds.add(token)
                    self.words.update(token.split("-"))
                else:
                    self.words.add(token)
            broken_before = broken_here

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """Whether "left-" at a line end before "right" is a compound rather than a broken word."""
        left, right = left.lower(), right.lower()
        if left + right in self.words:
            return False
        if f"{left}-{right}" in self.compounds:
            return True
        return len(left) > 1 and len(right) > 1 and left in self.words and right in self.words


def glue(before: str, after: str, vocabulary: Vocabulary) -> str:
    """Join the next line (or box) of text to the text before it."""
    if not before:
        return after
    if not after:
        return before
    if before.endswith("\u00ad"):  # a soft hyphen marks a break the typesetter chose
        return before[:-1] + after
    broken = _BROKEN_END.search(before[-_TAIL:])
    leading = _LEADING_WORD.match(after)
    if broken and leading and after[0].islower():
        if vocabulary.keeps_hyphen(broken.group(1), leading.group(0)):
            return before + after
        return before[:-1] + after
    if before.endswith(_DASHES) and not before[-2:-1].isspace():
        return before + after  # "COVID-" before "19", "word—" before "word"
    return before + " " + after
