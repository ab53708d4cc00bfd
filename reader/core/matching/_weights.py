"""How much each token of a set of passages says: inverse passage frequency, squared, and which
tokens are informative enough to carry a match."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.matching._features import PassageFeatures

# Weight (idf squared) from which a token is not one of the set's topic words.
INFORMATIVE_WEIGHT = 1.0
# The passages a set is weighed against include this many that hold none of its words: two
# short reports are a small part of all news, and a word in 4 of their 10 sentences is not a
# topic word of the news (ECB+ 396 two-article sets: F1 0.590 -> 0.667, README).
BACKGROUND_PASSAGES = 10
# But a word in more than this share of the set's passages is its topic, however few they are.
TOPIC_SHARE = 0.5


@dataclass(frozen=True)
class TokenWeights:
    """The weights of a set of passages' tokens and its informative tokens."""

    weights: dict[str, float]
    informative: frozenset[str]
    frequencies: Counter[str]  # passages holding each token
    passages: int

    @classmethod
    def of(
        cls,
        features: Iterable[PassageFeatures],
        informative_weight: float = INFORMATIVE_WEIGHT,
        topic_share: float = TOPIC_SHARE,
    ) -> TokenWeights:
        """Weights over these passages; informative from ``informative_weight`` and
        ``topic_share`` (see ``informative_tokens``)."""
        features = list(features)
        return cls.of_counts(
            passage_counts(features), len(features), informative_weight, topic_share
        )

    @classmethod
    def of_counts(
        cls,
        frequencies: Counter[str],
        passages: int,
        informative_weight: float = INFORMATIVE_WEIGHT,
        topic_share: float = TOPIC_SHARE,
    ) -> TokenWeights:
        """The same from the passages that hold each token (``passage_counts``) and their
        number."""
        weights = idf_weights(frequencies, passages)
        informative = informative_tokens(
            frequencies, weights, informative_weight, topic_share * passages
        )
        return cls(weights, informative, frequencies, passages)


def passage_counts(features: Iterable[PassageFeatures]) -> Counter[str]:
    """How many of the passages hold each token."""
    counts: Counter[str] = Counter()
    for feature in features:
        counts.update(feature.content)
    return counts


def recounted(
    counts: Counter[str],
    before: Iterable[PassageFeatures],
    after: Iterable[PassageFeatures],
) -> Counter[str]:
    """``counts`` of the passages ``before``, for the same passages rewritten as ``after``
    (names made one): only the rewritten ones are counted again."""
    counts = counts.copy()
    for old, new in zip(before, after, strict=True):
        if new is not old:
            counts.subtract(old.content)
            counts.update(new.content)
    return Counter({token: count for token, count in counts.items() if count > 0})


def idf_weights(frequencies: Counter[str], passages: int) -> dict[str, float]:
    """Inverse passage frequency over a set of passages, so shared topic words weigh little."""
    total = max(passages, 2) + BACKGROUND_PASSAGES
    # Squared so that the set's topic words ("North Korean", "Russia") count for almost nothing.
    return {
        token: math.log((total + 1) / (count + 0.5)) ** 2 for token, count in frequencies.items()
    }


def informative_tokens(
    frequencies: Counter[str],
    weights: dict[str, float],
    least: float = INFORMATIVE_WEIGHT,
    most: float = float("inf"),
) -> frozenset[str]:
    """Tokens that can carry a match: found in two passages only, or not the set's topic words
    (weight under ``least``, or in more than ``most`` passages)."""
    return frozenset(
        token
        for token, count in frequencies.items()
        if count <= 2 or (weights[token] >= least and count <= most)
    )
