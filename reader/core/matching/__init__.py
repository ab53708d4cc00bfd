"""Matching: documents in, the passage pairs that tell the same claim out, each with a score
(0-100) and a strength. Documents are first grouped into stories (stories.py); passages are
weighed and scored within their story, and never linked across stories. Also here: tokens
and their normal forms (number-aware), aliases and the news lexicon, candidate pairs and their
scores, an index of counterparts by claim, and the word alignment of a pair."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.matching.alignment import WordMark, align_words
    from reader.core.matching.counterparts import (
        Counterpart,
        CounterpartIndex,
        strongest,
        top_matches,
    )
    from reader.core.matching.explanation import Explanation
    from reader.core.matching.matcher import (
        Match,
        MatchCancelled,
        MatchResult,
        MatchSettings,
        Span,
        Strength,
        match_documents,
    )
    from reader.core.matching.tokens import Token, surface_words, tokenize

_HOME = {
    "Counterpart": "reader.core.matching.counterparts",
    "CounterpartIndex": "reader.core.matching.counterparts",
    "Explanation": "reader.core.matching.explanation",
    "Match": "reader.core.matching.matcher",
    "MatchCancelled": "reader.core.matching.matcher",
    "MatchResult": "reader.core.matching.matcher",
    "MatchSettings": "reader.core.matching.matcher",
    "Span": "reader.core.matching.matcher",
    "Strength": "reader.core.matching.matcher",
    "Token": "reader.core.matching.tokens",
    "WordMark": "reader.core.matching.alignment",
    "align_words": "reader.core.matching.alignment",
    "match_documents": "reader.core.matching.matcher",
    "strongest": "reader.core.matching.counterparts",
    "surface_words": "reader.core.matching.tokens",
    "tokenize": "reader.core.matching.tokens",
    "top_matches": "reader.core.matching.counterparts",
}

__all__ = [
    "Counterpart",
    "CounterpartIndex",
    "Explanation",
    "Match",
    "MatchCancelled",
    "MatchResult",
    "MatchSettings",
    "Span",
    "Strength",
    "Token",
    "WordMark",
    "align_words",
    "match_documents",
    "strongest",
    "surface_words",
    "tokenize",
    "top_matches",
]


__getattr__ = lazy_exports(__name__, _HOME)
