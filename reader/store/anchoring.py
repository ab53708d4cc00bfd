"""Re-attaching a note to a document's text after the document changed."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from rapidfuzz import fuzz, process

from reader.core.documents.document import Passage
from reader.core.documents.markup import plain_blocks
from reader.core.documents.segmentation import segment
from reader.core.matching.tokens import tokenize
from reader.store.annotation import Target

AnchorStatus = Literal["exact", "moved", "fuzzy", "orphan"]
FUZZY_THRESHOLD = 80.0
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Anchor:
    """Where a note's quote stands in the current text, and how sure that is.

    ``exact``: at the stored position; ``moved``: the same quote elsewhere (or differing only in
    whitespace or Unicode form); ``fuzzy``: a close but edited quote, for the user to confirm;
    ``orphan``: not found, the note is kept and listed.
    """

    status: AnchorStatus
    start: int = -1
    end: int = -1
    score: float = 0.0


def anchor(target: Target, text: str) -> Anchor:
    """Find the target's quote in text: by position, then exact quote, then fuzzily."""
    exact = target.quote.exact
    start, end = target.position.start, target.position.end
    if 0 <= start <= end <= len(text) and text[start:end] == exact:
        return Anchor("exact", start, end, 100.0)
    if exact:
        found = _exact_occurrences(text, exact)
        if found:
            best = max(found, key=lambda s: _context_score(target, text, s, s + len(exact)))
            return Anchor("moved", best, best + len(exact), 100.0)
        normal = _normalised_find(target, text)
        if normal is not None:
            return Anchor("moved", normal[0], normal[1], 100.0)
        fuzzy = _fuzzy_find(exact, text)
        if fuzzy is not None:
            return fuzzy
    return Anchor("orphan")


def within_claim(found: Anchor, passages: Sequence[Passage]) -> Anchor:
    """The anchor, or, when its quote is only part of a longer passage, the same span marked
    fuzzy: a sentence that quotes the claim ("an earlier version said that ...") is another
    claim, for the user to confirm."""
    if found.status not in ("exact", "moved"):
        return found
    index = bisect_right([p.start for p in passages], found.start) - 1
    holder = passages[index] if 0 <= index < len(passages) else None
    if holder is None or holder.end <= found.start:
        return found  # between passages (white space): nothing else claims it
    if holder.start >= found.start and holder.end <= found.end:
        return found  # the quote is the passage (or spans it and its neighbours)
    share = 100.0 * (found.end - found.start) / max(1, holder.end - holder.start)
    return Anchor("fuzzy", found.start, found.end, round(min(share, 99.0), 1))


def _exact_occurrences(text: str, exact: str) -> list[int]:
    found: list[int] = []
    position = text.find(exact)
    while position != -1:
        found.append(position)
        position = text.find(exact, position + 1)
    return found


def _context_score(target: Target, text: str, start: int, end: int) -> float:
    prefix = text[max(0, start - len(target.quote.prefix)) : start]
    suffix = text[end : end + len(target.quote.suffix)]
    closeness = 1.0 / (1.0 + abs(start - target.position.start))
    return (
        fuzz.ratio(prefix, target.quote.prefix)
        + fuzz.ratio(suffix, target.quote.suffix)
        + closeness
    )


def _normal_with_map(text: str) -> tuple[str, list[int], list[int]]:
    """NFC text with whitespace runs folded, and each character's source start and end."""
    characters: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    previous_space = False
    index = 0
    while index < len(text):
        cluster_end = index + 1
        while cluster_end < len(text) and unicodedata.combining(text[cluster_end]):
            cluster_end += 1
        for piece in unicodedata.normalize("NFC", text[index:cluster_end]):
            if piece.isspace():
                if previous_space:
                    ends[-1] = cluster_end
                    continue
                piece, previous_space = " ", True
            else:
                previous_space = False
            characters.append(piece)
            starts.append(index)
            ends.append(cluster_end)
        index = cluster_end
    return "".join(characters), starts, ends


def _normalised_find(target: Target, text: str) -> tuple[int, int] | None:
    quote = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", target.quote.exact)).strip()
    if not quote:
        return None
    normal, starts, ends = _normal_with_map(text)
    position = normal.find(quote)
    if position == -1:
        return None
    return starts[position], ends[position + len(quote) - 1]


def _fuzzy_find(exact: str, text: str) -> Anchor | None:
    """The sentence (or two) of text closest to the quote, if close and with the same numbers."""
    passages = segment(text, plain_blocks(text))
    spans = [(p.start, p.end) for p in passages]
    spans += [(a.start, b.end) for a, b in pairwise(passages)]
    if not spans:
        return None
    best = process.extractOne(
        exact, [text[a:b] for a, b in spans], scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD
    )
    if best is None:
        return None
    _, score, index = best
    start, end = spans[index]
    # A sentence of the same shape with other numbers is another claim, not an edit of this one.
    if _numbers(exact) != _numbers(text[start:end]):
        return None
    return Anchor("fuzzy", start, end, round(score, 1))


def _numbers(text: str) -> list[str]:
    return [token.norm for token in tokenize(text) if token.is_number]
