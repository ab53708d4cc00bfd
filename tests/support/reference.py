"""Every pair of passages of one story scored one by one by the matching rules: the reference
that the candidate step and the array scoring must agree with (nothing the rules accept is
dropped). Passages of different stories never match."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import combinations

from reader.core.documents.document import Document
from reader.core.matching import matcher as matching
from reader.core.matching._context import context_pairs
from reader.core.matching._features import PassageFeatures, is_quantity
from reader.core.matching._weights import TokenWeights
from reader.core.matching.matcher import MatchResult, MatchSettings

Key = tuple[int, int, int, int]  # doc and passage of a, doc and passage of b
Found = dict[Key, tuple[float, str]]


def found(result: MatchResult) -> Found:
    """A result's matches by passage pair."""
    return {
        (m.a.doc, m.a_passage, m.b.doc, m.b_passage): (m.score, m.strength) for m in result.matches
    }


def exhaustive(
    result: MatchResult, settings: MatchSettings, documents: Sequence[Document]
) -> tuple[Found, set[Key]]:
    """Every passage pair of the result's documents scored by the rules, with the result's
    stories, weights and aliases, and the sentences beside strong pairs (_context.py); and the
    pairs whose score lies within rounding of a limit (their sums in another order may round
    the other way)."""
    features = sorted(result.features.values(), key=lambda f: (f.doc, f.passage))
    expected: Found = {}
    borderline: set[Key] = set()
    by_story: dict[int, list[PassageFeatures]] = {}
    for feature in features:
        by_story.setdefault(result.stories[feature.doc], []).append(feature)
    for story, part in by_story.items():
        told = len({f.doc for f in part})
        if told < 2:
            continue
        weights = result.story_weights[story]
        aliases = result.aliases.get(story)
        counted = weights.informative - aliases.followers if aliases else weights.informative
        told_often = told >= matching.STORY_LIFT_DOCUMENTS
        limit = matching.blocking_limit(part, settings, told_often)
        prior = matching.STORY_LIFT if told_often else 0.0
        scored: list[tuple[int, int, float, float]] = []
        for (i, a), (j, b) in combinations(enumerate(part), 2):
            if a.doc == b.doc:
                continue
            shared = a.content & b.content
            # The rule the index relies on: a match shares a token specific to few passages.
            if not any(weights.frequencies[t] <= limit for t in shared):
                continue
            score = _score(a, b, weights, counted)
            if score is None:
                continue
            lifted = score + (100 - score) * prior
            key = (a.doc, a.passage, b.doc, b.passage)
            if _near_limit(lifted, settings.min_score):
                borderline.add(key)
            if round(lifted, 1) >= settings.min_score:
                strength = "strong" if score >= settings.strong_score else "partial"
                expected[key] = (round(lifted, 1), strength)
                scored.append((i, j, round(lifted, 1), score))
        strong = settings.strong_score
        for i, j, own in context_pairs(part, scored, documents, weights.weights, counted, strong):
            lifted = round(own + (100 - own) * prior, 1)
            if lifted >= settings.min_score:
                a, b = part[i], part[j]
                expected[(a.doc, a.passage, b.doc, b.passage)] = (lifted, "partial")
    return expected, borderline


def _score(
    a: PassageFeatures, b: PassageFeatures, weights: TokenWeights, counted: frozenset[str]
) -> float | None:
    shared = a.content & b.content
    evidence = [t for t in shared if t in counted]
    if not any(not is_quantity(t) for t in evidence):
        return None
    total_a = math.fsum(weights.weights[t] for t in a.content)
    total_b = math.fsum(weights.weights[t] for t in b.content)
    overlap = math.fsum(weights.weights[t] for t in shared)
    score = 50 * overlap * (2 / (total_a + total_b) + 1 / min(total_a, total_b))
    if len(evidence) < matching.MIN_SHARED:
        score *= matching.SINGLE_WORD_FACTOR
    return score


def _near_limit(value: float, limit: float) -> bool:
    """Whether a value is within rounding error of rounding to the limit or of a half tenth."""
    tenths = value * 10
    return abs(value - (limit - 0.05)) < 1e-6 or abs(tenths - math.floor(tenths) - 0.5) < 1e-6
