"""Passage matching across documents: corpus-weighted, number-aware and order-free."""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from reader.core.documents.document import Document
from reader.core.matching._features import PassageFeatures, extract_features

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

# Chosen on ECB+ dev (bench/quality.py prints the sweep): F1 is flat from 10 to 16 (0.725-0.730)
# and falls after; 16 is the precise end of that plateau, as a false link misleads a reader
# more than a missed one.
DEFAULT_MIN_SCORE = 16.0
DEFAULT_STRONG_SCORE = 30.0
# How much a pair of documents that share more rare vocabulary than is usual in the set lifts
# (or, below usual, lowers) the scores of their passage pairs. What is usual needs a few pairs
# to tell: with fewer documents open there is no lift, so one unrelated article opened beside
# two reports of an event does not loosen the matching between those two.
AFFINITY_WEIGHT = 2.0
AFFINITY_MIN_DOCUMENTS = 5
# A match needs this many shared tokens that are not the set's topic words (weight: idf squared).
MIN_SHARED = 2
INFORMATIVE_WEIGHT = 1.0
SINGLE_WORD_FACTOR = 0.5


class MatchCancelled(Exception):
    """Matching was cancelled before it finished."""


@dataclass(frozen=True, slots=True)
class Span:
    """A passage's place: document index and character offsets into that document's text."""

    doc: int
    start: int
    end: int


@dataclass(frozen=True)
class Explanation:
    """Why two passages match and where they differ."""

    shared_words: tuple[str, ...] = ()
    agreeing_numbers: tuple[str, ...] = ()
    numbers_only_a: tuple[str, ...] = ()
    numbers_only_b: tuple[str, ...] = ()
    names_only_a: tuple[str, ...] = ()
    names_only_b: tuple[str, ...] = ()


Strength = Literal["strong", "partial"]


class Match(NamedTuple):
    """Two passages of different documents that tell the same claim.

    A named tuple, not a dataclass: a long pair of documents makes tens of thousands.
    """

    a: Span
    b: Span
    a_passage: int
    b_passage: int
    score: float
    strength: Strength


@dataclass(frozen=True)
class MatchResult:
    """The matches of a document set, with what is needed to explain each of them."""

    matches: list[Match]
    features: dict[tuple[int, int], PassageFeatures] = field(repr=False)
    weights: dict[str, float] = field(repr=False)
    informative: frozenset[str] = field(repr=False)

    def explain(self, match: Match) -> Explanation:
        """Why two passages match: shared rare words, agreeing and differing numbers and names."""
        a = self.features[(match.a.doc, match.a_passage)]
        b = self.features[(match.b.doc, match.b_passage)]
        return explain(a, b, self.weights)


@dataclass(frozen=True)
class MatchSettings:
    """Thresholds and limits of the matcher."""

    min_score: float = DEFAULT_MIN_SCORE
    strong_score: float = DEFAULT_STRONG_SCORE
    candidates_per_passage: int = 100
    # Tokens in more than this share of passages do not generate candidates (they still score).
    blocking_share: float = 0.02
    blocking_floor: int = 40
    # An event word recurs about once in each article, so the limit grows with the article count.
    blocking_per_document: int = 8


def match_documents(
    documents: Sequence[Document],
    settings: MatchSettings | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> MatchResult:
    """Find matching passages between every pair of different documents."""
    # Imported here: numpy takes a tenth of a second to load, and the workstation's first
    # frame need not wait for it.
    import numpy as np

    from reader.core.matching._pairs import PairIndex, Scoring, score_pairs

    settings = settings or MatchSettings()
    # Progress counts passages twice: once as their features are made, once as scored.
    count = sum(len(document.passages) for document in documents)
    total = 2 * count

    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise MatchCancelled
        if progress is not None:
            progress(done, total)

    corpus = set_statistics(documents, step)
    features, weights = corpus.features, corpus.weights
    informative, affinity = corpus.informative, corpus.affinity
    limit = _blocking_limit(features, settings)
    index = PairIndex(features, weights, informative, limit)
    scoring = Scoring(
        min_score=settings.min_score,
        candidates_per_passage=settings.candidates_per_passage,
        min_shared=MIN_SHARED,
        single_word_factor=SINGLE_WORD_FACTOR,
    )

    def on_block(end: int) -> None:
        step(count + end * count // max(len(features), 1))

    # One Span per passage, shared by all of its matches.
    spans = [Span(feature.doc, feature.start, feature.end) for feature in features]
    passages = [feature.passage for feature in features]
    strong = settings.strong_score
    matches: list[Match] = []
    append = matches.append
    for block in score_pairs(index, np.array(affinity), scoring, on_block):
        for a, b, lifted, score in zip(block.a, block.b, block.lifted, block.score, strict=True):
            # Strength is the passages' own agreement: a lift from close documents never
            # makes "strong".
            strength: Strength = "strong" if score >= strong else "partial"
            append(Match(spans[a], spans[b], passages[a], passages[b], lifted, strength))
    if progress is not None:
        progress(total, total)
    by_key = {(feature.doc, feature.passage): feature for feature in features}
    return MatchResult(matches, by_key, weights, informative)


@dataclass(frozen=True)
class SetStatistics:
    """What the whole set of open documents says about its passages and tokens."""

    features: list[PassageFeatures]
    frequencies: Counter[str]  # passages holding each token
    weights: dict[str, float]
    informative: frozenset[str]
    affinity: list[list[float]]  # score offsets by document pair


def set_statistics(
    documents: Sequence[Document], step: Callable[[int], None] | None = None
) -> SetStatistics:
    """Features, token frequencies and weights, informative tokens, document affinities;
    ``step`` hears how many passages have their features."""
    features = extract_features(documents, step)
    frequencies: Counter[str] = Counter()
    for feature in features:
        frequencies.update(feature.content)
    weights = idf_weights(frequencies, len(features))
    return SetStatistics(
        features,
        frequencies,
        weights,
        informative_tokens(frequencies, weights),
        document_affinity(features, len(documents), weights),
    )


def idf_weights(frequencies: Counter[str], passages: int) -> dict[str, float]:
    """Inverse passage frequency over the whole article set, so shared topic words weigh little."""
    total = max(passages, 2)
    # Squared so that the set's topic words ("North Korean", "Russia") count for almost nothing.
    return {
        token: math.log((total + 1) / (count + 0.5)) ** 2 for token, count in frequencies.items()
    }


def document_affinity(
    features: Sequence[PassageFeatures], count: int, weights: dict[str, float]
) -> list[list[float]]:
    """Score offsets per document pair: cosine of weighted vocabularies, minus the set's median."""
    if count < AFFINITY_MIN_DOCUMENTS:
        return [[0.0] * count for _ in range(count)]
    vectors: list[defaultdict[str, float]] = [defaultdict(float) for _ in range(count)]
    for feature in features:
        for token in feature.content:
            vectors[feature.doc][token] += weights[token]
    norms = [math.sqrt(math.fsum(v * v for v in vector.values())) or 1.0 for vector in vectors]
    cosine = [[0.0] * count for _ in range(count)]
    for i in range(count):
        for j in range(i + 1, count):
            small, large = sorted((vectors[i], vectors[j]), key=len)
            dot = math.fsum(value * large.get(token, 0.0) for token, value in small.items())
            cosine[i][j] = cosine[j][i] = dot / (norms[i] * norms[j])
    pairs = [cosine[i][j] for i in range(count) for j in range(i + 1, count)]
    median = statistics.median(pairs) if pairs else 0.0
    return [
        [AFFINITY_WEIGHT * 100 * (value - median) if i != j else 0.0 for j, value in enumerate(row)]
        for i, row in enumerate(cosine)
    ]


def informative_tokens(frequencies: Counter[str], weights: dict[str, float]) -> frozenset[str]:
    """Tokens that can carry a match: not the set's topic words, or found in two passages only."""
    return frozenset(
        token
        for token, count in frequencies.items()
        if count <= 2 or weights[token] >= INFORMATIVE_WEIGHT
    )


def _blocking_limit(features: Sequence[PassageFeatures], settings: MatchSettings) -> int:
    """Tokens in more passages than this do not generate candidates (they still score)."""
    documents = len({feature.doc for feature in features})
    return max(
        settings.blocking_floor,
        int(settings.blocking_share * len(features)),
        settings.blocking_per_document * documents,
    )


def explain(a: PassageFeatures, b: PassageFeatures, weights: dict[str, float]) -> Explanation:
    """The shared rare words, the agreeing numbers, and the numbers and names that differ."""
    shared = sorted(a.content & b.content - a.numbers, key=lambda t: (-weights.get(t, 0.0), t))
    return Explanation(
        shared_words=tuple(shared[:8]),
        agreeing_numbers=tuple(sorted(a.numbers & b.numbers)),
        numbers_only_a=tuple(sorted(a.numbers - b.numbers)),
        numbers_only_b=tuple(sorted(b.numbers - a.numbers)),
        names_only_a=tuple(sorted(a.names - b.content)),
        names_only_b=tuple(sorted(b.names - a.content)),
    )
