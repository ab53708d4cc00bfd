"""Passage matching across documents: corpus-weighted, number-aware and order-free."""

from __future__ import annotations

import math
import statistics
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.core.features import PassageFeatures, extract_features
from reader.core.model import Document

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

# Chosen on ECB+ dev (see bench/quality.py and the README): best F1 with precision above baseline.
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


@dataclass(frozen=True)
class Match:
    """Two passages of different documents that tell the same claim."""

    a: Span
    b: Span
    a_passage: int
    b_passage: int
    score: float
    strength: str


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
    settings = settings or MatchSettings()
    features = extract_features(documents)
    weights = idf_weights(features)
    informative = informative_tokens(features, weights)
    affinity = document_affinity(features, len(documents), weights)
    postings = _postings(features, weights, settings)
    # Sums over sets use math.fsum: exact, so they do not depend on the order a set iterates
    # in, which changes with the interpreter's hash seed. Matches are the same on every run.
    totals = [math.fsum(weights[token] for token in feature.content) for feature in features]
    # Weight of each passage's tokens too common to be in the postings: what candidate
    # generation cannot see, and so the most a candidate's score can gain beyond it.
    unseen = [
        math.fsum(weights[token] for token in feature.content if token not in postings)
        for feature in features
    ]
    docs = [feature.doc for feature in features]
    # The first position of each document's successor: where later documents begin.
    ends = {doc: position + 1 for position, doc in enumerate(docs)}
    total = len(features)
    # One Span per passage, shared by all of its matches.
    spans = [Span(feature.doc, feature.start, feature.end) for feature in features]
    matches: list[Match] = []
    floor = settings.min_score - 0.05
    weight_of = weights.__getitem__
    for position, feature in enumerate(features):
        if cancelled is not None and position % 64 == 0 and cancelled():
            raise MatchCancelled
        lifts = affinity[feature.doc]
        total_a, unseen_a, content_a = totals[position], unseen[position], feature.content
        span = spans[position]
        # Candidates come in position order, which is (document, offset) order: the matches
        # are built sorted.
        for other_position, seen in _candidates(
            feature, ends[feature.doc], postings, weights, settings
        ):
            total_b = totals[other_position]
            lift = lifts[docs[other_position]]
            unseen_b = unseen[other_position]
            bound = seen + (unseen_a if unseen_a < unseen_b else unseen_b)
            smaller = total_a if total_a < total_b else total_b
            if 100 * bound * (1 / (total_a + total_b) + 0.5 / smaller) + lift < floor:
                continue  # even sharing every unseen token could not reach the threshold
            other = features[other_position]
            shared = content_a & other.content
            evidence = len(shared & informative)
            if not evidence:
                continue
            shared_weight = math.fsum(map(weight_of, shared))
            # Dice rewards the same claim told at the same length; containment, a sentence
            # that one longer sentence in the other article covers whole.
            score = 50 * shared_weight * (2 / (total_a + total_b) + 1 / smaller)
            if evidence < MIN_SHARED:
                # One shared word ("sent", "casualties") is weak evidence on its own.
                score *= SINGLE_WORD_FACTOR
            lifted = round(score + lift, 1)
            if lifted >= settings.min_score:
                # Strength is the passages' own agreement: a lift from close documents
                # never makes "strong".
                strength = "strong" if score >= settings.strong_score else "partial"
                matches.append(
                    Match(
                        span,
                        spans[other_position],
                        feature.passage,
                        other.passage,
                        lifted,
                        strength,
                    )
                )
        if progress is not None and (position % 256 == 0 or position == total - 1):
            progress(position + 1, total)
    by_key = {(feature.doc, feature.passage): feature for feature in features}
    return MatchResult(matches, by_key, weights, informative)


def idf_weights(features: Sequence[PassageFeatures]) -> dict[str, float]:
    """Inverse passage frequency over the whole article set, so shared topic words weigh little."""
    counts: Counter[str] = Counter()
    for feature in features:
        counts.update(feature.content)
    total = max(len(features), 2)
    # Squared so that the set's topic words ("North Korean", "Russia") count for almost nothing.
    return {token: math.log((total + 1) / (count + 0.5)) ** 2 for token, count in counts.items()}


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


def informative_tokens(
    features: Sequence[PassageFeatures], weights: dict[str, float]
) -> frozenset[str]:
    """Tokens that can carry a match: not the set's topic words, or found in two passages only."""
    counts: Counter[str] = Counter()
    for feature in features:
        counts.update(feature.content)
    return frozenset(
        token
        for token, count in counts.items()
        if count <= 2 or weights[token] >= INFORMATIVE_WEIGHT
    )


def _postings(
    features: Sequence[PassageFeatures], weights: dict[str, float], settings: MatchSettings
) -> dict[str, list[int]]:
    documents = len({feature.doc for feature in features})
    limit = max(
        settings.blocking_floor,
        int(settings.blocking_share * len(features)),
        settings.blocking_per_document * documents,
    )
    postings: dict[str, list[int]] = defaultdict(list)
    for position, feature in enumerate(features):
        for token in feature.content:
            postings[token].append(position)
    return {token: found for token, found in postings.items() if len(found) <= limit}


def _candidates(
    feature: PassageFeatures,
    later: int,
    postings: dict[str, list[int]],
    weights: dict[str, float],
    settings: MatchSettings,
) -> list[tuple[int, float]]:
    """Passages of later documents that share postings tokens, with the shared weight.

    Features are in document order and postings lists ascending, so the passages of later
    documents are the tail of each list from ``later``, the first position past this document.
    """
    overlap: dict[int, float] = {}
    get = overlap.get
    for token in feature.ordered:
        found = postings.get(token)
        if found is None or found[-1] < later:
            continue
        weight = weights[token]
        for other in found[bisect_left(found, later) :]:
            overlap[other] = get(other, 0.0) + weight
    limit = settings.candidates_per_passage
    if len(overlap) <= limit:
        return sorted(overlap.items())
    # The best by shared weight, ties to the earlier passage, in position order.
    least = sorted(overlap.values(), reverse=True)[limit - 1]
    best = [item for item in overlap.items() if item[1] > least]
    ties = sorted(other for other, weight in overlap.items() if weight == least)
    best.extend((other, least) for other in ties[: limit - len(best)])
    best.sort()
    return best


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
