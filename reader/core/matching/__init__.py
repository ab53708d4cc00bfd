"""Matching: documents in, the passage pairs that tell the same claim out, each with a score
(0-100) and a strength. Documents are first grouped into stories (stories.py); passages are
weighed and scored within their story, and linked across stories only on strong, specific
evidence. Also here: tokens and their normal forms (number-aware), aliases and the news
lexicon, candidate pairs and their scores, an index of counterparts by claim, and the word
alignment of a pair."""

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
