"""Running headers, footers and page numbers: lines at a page's edge that repeat page after page."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reader.core.documents._pdf_layout import Line, Page

# How many lines at the top and at the bottom of each page may be furniture.
_EDGE_LINES = 2
_DIGITS = re.compile(r"\d+")
_ROMAN = re.compile(r"\b[ivxlc]+\b")


def running_lines(pages: Sequence[Page]) -> set[int]:
    """The ids of the edge lines whose text, numbers aside, recurs on most pages.

    "Page 3 of 9", "- 4 -" and a journal's running title repeat with only their numbers
    changed; a line must recur on at least two pages and on half of them to go.
    """
    edges = [_edge_lines(page) for page in pages]
    seen: Counter[str] = Counter()
    for lines in edges:
        seen.update({_signature(line.text) for line in lines})
    needed = max(2, len(pages) // 2)
    return {id(line) for lines in edges for line in lines if seen[_signature(line.text)] >= needed}


def _edge_lines(page: Page) -> list[Line]:
    lines = [line for line in page.lines() if line.text.strip()]
    top = sorted(lines, key=lambda line: -line.y1)[:_EDGE_LINES]
    bottom = sorted(lines, key=lambda line: line.y0)[:_EDGE_LINES]
    unique = {id(line): line for line in [*top, *bottom]}
    return list(unique.values())


def _signature(text: str) -> str:
    folded = " ".join(text.lower().split())
    return _ROMAN.sub("#", _DIGITS.sub("#", folded))
