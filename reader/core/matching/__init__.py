"""Matching: documents in, the passage pairs that tell the same claim out, each with a score
and a strength; tokens and their normal forms (number-aware), weights from the set, candidate
pairs and their scores, an index of counterparts by claim, and the word alignment of a pair."""

from reader.core.matching.alignment import WordMark, align_words
from reader.core.matching.counterparts import Counterpart, CounterpartIndex, strongest
from reader.core.matching.matcher import (
    Explanation,
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
]
