"""Links between passages of documents that tell different stories, made only on strong,
specific evidence: two stories of one kind (two earthquakes, two football games) share the
kind's words and numbers, and those must not link them."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from reader.core.matching._cooccurrence import pair_sums
from reader.core.matching._features import PassageFeatures, is_quantity
from reader.core.matching._weights import TokenWeights

# A word in at most this many passages of the whole set is specific to a few of them.
CROSS_RARE = 20
# A link across stories needs this many shared specific words...
CROSS_MIN_RARE = 2
# ...and this own score, with the whole set's weights.
CROSS_MIN_SCORE = 40.0


def cross_story_pairs(
    features: Sequence[PassageFeatures],
    stories: Sequence[int],
    weights: TokenWeights,
    min_shared: int,
    single_word_factor: float,
    step: Callable[[], None] | None = None,
) -> list[tuple[int, int, float, float]]:
    """Pairs of passage positions in documents of different stories that share CROSS_MIN_RARE
    specific words and score CROSS_MIN_SCORE on their own: (a, b, score, score), a < b."""
    frequencies = weights.frequencies
    specific = sorted(
        token
        for token, count in frequencies.items()
        if 2 <= count <= CROSS_RARE and not is_quantity(token)
    )
    ids = {token: index for index, token in enumerate(specific)}
    entries = [
        (ids[token], position)
        for position, feature in enumerate(features)
        for token in feature.ordered
        if token in ids
    ]
    if not entries:
        return []
    table = np.array(sorted(entries), np.int64)
    first, second, shared = pair_sums(
        table[:, 0], table[:, 1], np.ones(len(table)), len(features), step
    )
    story_of = np.array([stories[feature.doc] for feature in features], np.int64)
    keep = (shared >= CROSS_MIN_RARE) & (story_of[first] != story_of[second])
    weight = weights.weights
    informative = weights.informative
    found: list[tuple[int, int, float, float]] = []
    for number, (a, b) in enumerate(zip(first[keep].tolist(), second[keep].tolist(), strict=True)):
        if step is not None and number % 1024 == 1023:
            step()
        score = own_score(
            features[a], features[b], weight, informative, min_shared, single_word_factor
        )
        if score >= CROSS_MIN_SCORE:
            found.append((a, b, score, score))
    return found


def own_score(
    a: PassageFeatures,
    b: PassageFeatures,
    weights: dict[str, float],
    informative: frozenset[str],
    min_shared: int,
    single_word_factor: float,
) -> float:
    """The passages' own agreement on the 0-100 scale, rounded to 0.1, pair by pair: the rule
    that ``pairs.score_pairs`` applies in bulk."""
    shared = a.content & b.content
    evidence = [token for token in shared if token in informative]
    if not any(not is_quantity(token) for token in evidence):
        return 0.0
    total_a = math.fsum(weights[token] for token in a.content)
    total_b = math.fsum(weights[token] for token in b.content)
    overlap = math.fsum(weights[token] for token in shared)
    score = 50 * overlap * (2 / (total_a + total_b) + 1 / min(total_a, total_b))
    if len(evidence) < min_shared:
        score *= single_word_factor
    return round(score, 1)
