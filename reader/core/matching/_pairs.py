"""Passage pairs of one story scored in bulk: the inverted index of the tokens specific enough to
make a match, the upper-bound filter and the exact weighted overlap, as array operations.

Every step runs in a fixed order (tokens in sorted order, passages in document order), so the
sums, and with them the matches, are the same on every run.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from reader.core.matching._features import PassageFeatures, is_quantity

if TYPE_CHECKING:
    # numpy.typing costs 10 ms to import, and only type checking needs it.
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]
    Floats = NDArray[np.float64]
    Bools = NDArray[np.bool_]

# A score computed for arrays of pairs in bulk, or for one pair (_context.py).
Score = TypeVar("Score", float, "Floats")

# Candidate pairs generated at once: bounds the memory of a block (about 60 bytes a pair).
BLOCK_PAIRS = 50_000


@dataclass(frozen=True)
class Scoring:
    """What a pair's score depends on, besides the two passages' tokens."""

    min_score: float
    min_shared: int  # shared informative tokens for full weight
    single_word_factor: float  # what the score of a pair with fewer is multiplied by
    # The story's lift: the share of the distance to 100 added to a pair's own score.
    prior: float = 0.0


@dataclass(frozen=True)
class Scored:
    """Pairs of passage positions that reach the threshold, in (a, b) order."""

    a: list[int]
    b: list[int]
    lifted: list[float]  # the score with the story's lift, rounded to 0.1
    score: list[float]  # the passages' own agreement


class PairIndex:
    """The passages' content tokens as arrays: an inverted index of the tokens rare enough to
    make a match (a match needs one: the candidates are every pair that can match), and a
    passage-by-token table of the common ones."""

    def __init__(
        self,
        features: Sequence[PassageFeatures],
        weights: dict[str, float],
        informative: frozenset[str],
        limit: int,
    ) -> None:
        vocabulary = sorted(weights)  # the order of ``PassageFeatures.ordered``
        ids = {token: index for index, token in enumerate(vocabulary)}
        ordered = [f.ordered for f in features]
        lengths = np.fromiter(map(len, ordered), np.int64, len(features))
        tokens = np.fromiter(
            map(ids.__getitem__, chain.from_iterable(ordered)), np.int64, int(lengths.sum())
        )
        passages = np.repeat(np.arange(len(features), dtype=np.int64), lengths)
        self.count = len(features)
        self.docs: Ints = np.fromiter((f.doc for f in features), np.int64, len(features))
        self.weight: Floats = np.array([weights[token] for token in vocabulary], np.float64)
        self.informative: Bools = np.array([t in informative for t in vocabulary], np.bool_)
        # Numbers and dates are evidence only beside a shared word (is_quantity).
        self.word: Bools = self.informative & ~np.array(
            [is_quantity(t) for t in vocabulary], np.bool_
        )
        frequency = np.bincount(tokens, minlength=len(vocabulary))
        indexed = frequency[tokens] <= limit
        # Token-major entries; the sort is stable, so each token's passages stay ascending.
        order = np.argsort(tokens[indexed], kind="stable")
        self.tokens: Ints = tokens[indexed][order]
        self.passages: Ints = passages[indexed][order]
        # An entry's partners are the same token's entries in later documents: from the end
        # of its (token, document) run to the end of its token's run.
        self.partners_from = _run_ends(self.tokens, self.docs[self.passages])
        self.partners_to = _run_ends(self.tokens)
        # Tokens too common to index: few, and looked up per candidate pair instead.
        common = np.flatnonzero(frequency > limit)
        column = np.full(len(vocabulary), -1, np.int64)
        column[common] = np.arange(len(common))
        self.common: Bools = np.zeros((len(features), len(common)), np.bool_)
        in_common = column[tokens] >= 0
        self.common[passages[in_common], column[tokens[in_common]]] = True
        self.common_weight: Floats = self.weight[common]
        self.common_informative: Bools = self.informative[common]
        self.common_word: Bools = self.word[common]
        # Each passage's weight, and the weight of its common tokens: what candidate
        # generation cannot see, and so the most a candidate's score can gain beyond it.
        # math.fsum is exact, so the sums do not depend on the order a set iterates in,
        # which changes with the interpreter's hash seed.
        weight_of = weights.__getitem__
        common_tokens = frozenset(vocabulary[i] for i in common.tolist())
        self.totals: Floats = np.array([math.fsum(map(weight_of, f.content)) for f in features])
        self.unseen: Floats = np.array(
            [math.fsum(map(weight_of, f.content & common_tokens)) for f in features]
        )

    def blocks(self) -> Iterator[tuple[int, int]]:
        """Ranges of passage positions whose candidate pairs number about BLOCK_PAIRS."""
        per_entry = self.partners_to - self.partners_from
        per_passage = np.bincount(self.passages, weights=per_entry, minlength=self.count)
        cumulative = np.cumsum(per_passage)
        start = 0
        while start < self.count:
            before = cumulative[start - 1] if start else 0.0
            end = int(np.searchsorted(cumulative, before + BLOCK_PAIRS, side="right"))
            end = min(max(end, start + 1), self.count)
            yield start, end
            start = end

    def candidates(self, start: int, end: int) -> tuple[Ints, Ints, Floats, Floats, Floats]:
        """Pairs (a, b) with a in [start, end) and b in a later document that share indexed
        tokens, with the shared weight and the numbers of shared informative tokens and words;
        by (a, b)."""
        left = np.flatnonzero((self.passages >= start) & (self.passages < end))
        counts = self.partners_to[left] - self.partners_from[left]
        left, counts = left[counts > 0], counts[counts > 0]
        total = int(counts.sum())
        firsts = np.repeat(self.partners_from[left], counts)
        steps = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
        right = firsts + steps
        entries = np.repeat(left, counts)
        a, b = self.passages[entries], self.passages[right]
        token = self.tokens[entries]
        keys, inverse = np.unique((a - start) * self.count + b, return_inverse=True)
        # bincount adds in input order, which is token order within each pair: fixed sums.
        seen = np.bincount(inverse, weights=self.weight[token], minlength=len(keys))
        shared = np.bincount(inverse, weights=self.informative[token], minlength=len(keys))
        words = np.bincount(inverse, weights=self.word[token], minlength=len(keys))
        first: Ints = np.asarray(keys // self.count + start, np.int64)
        second: Ints = np.asarray(keys % self.count, np.int64)
        return (
            first,
            second,
            np.asarray(seen, np.float64),
            np.asarray(shared, np.float64),
            np.asarray(words, np.float64),
        )

    def common_overlap(self, a: Ints, b: Ints) -> tuple[Floats, Ints, Ints]:
        """Shared weight, informative tokens and words of the pairs, over the common tokens."""
        both = self.common[a] & self.common[b]
        weight = np.zeros(len(a), np.float64)
        for column, value in enumerate(self.common_weight.tolist()):
            weight += np.where(both[:, column], value, 0.0)  # token order, one at a time
        informative = (both & self.common_informative).sum(axis=1, dtype=np.int64)
        words = (both & self.common_word).sum(axis=1, dtype=np.int64)
        return weight, informative, words


def score_pairs(
    index: PairIndex,
    scoring: Scoring,
    on_block: Callable[[int], None] | None = None,
) -> Iterator[Scored]:
    """The pairs of each block that reach the threshold; ``on_block`` hears each block's end
    before it is scored (for progress and cancelling)."""
    prior = scoring.prior
    for start, end in index.blocks():
        if on_block is not None:
            on_block(end)
        a, b, seen, shared, words = index.candidates(start, end)
        total_a, total_b = index.totals[a], index.totals[b]
        smaller = np.minimum(total_a, total_b)
        # Even sharing every unseen token, can the pair reach the threshold? Exact: no pair
        # that can match is dropped here.
        bound = overlap_score(
            seen + np.minimum(index.unseen[a], index.unseen[b]), total_a, total_b, smaller
        )
        floor = scoring.min_score - 0.05
        keep = lift_score(bound, prior) >= floor
        a, b, seen, shared, words = a[keep], b[keep], seen[keep], shared[keep], words[keep]
        total_a, total_b, smaller = total_a[keep], total_b[keep], smaller[keep]
        common_weight, common_shared, common_words = index.common_overlap(a, b)
        evidence = shared.astype(np.int64) + common_shared
        # Numbers and dates are evidence only beside a shared word: two datelines or two
        # scores share numbers and nothing else.
        evidence = np.where(words.astype(np.int64) + common_words > 0, evidence, 0)
        score = overlap_score(seen + common_weight, total_a, total_b, smaller)
        # One shared word ("sent", "casualties") is weak evidence of the same claim on its own.
        score = np.where(evidence < scoring.min_shared, score * scoring.single_word_factor, score)
        lifted = _round_tenths(lift_score(score, prior))
        keep = (evidence > 0) & (lifted >= scoring.min_score)
        yield Scored(
            a=a[keep].tolist(),
            b=b[keep].tolist(),
            lifted=lifted[keep].tolist(),
            score=score[keep].tolist(),
        )


def lift_score(score: Score, prior: float) -> Score:
    """A story's lift: ``prior`` of the distance from the passages' own score to 100, so the
    lifted score stays on the 0-100 scale and never passes a higher own score's lift."""
    return score + (100.0 - score) * prior if prior else score


def overlap_score(shared: Score, total_a: Score, total_b: Score, smaller: Score) -> Score:
    """0-100 from the shared weight: half weighted Dice, which rewards the same claim told at
    the same length, half containment, a sentence that one longer sentence covers whole."""
    return 50 * shared * (2 / (total_a + total_b) + 1 / smaller)


def _round_tenths(values: Floats) -> Floats:
    """Round to 0.1 as Python's round() does: to the nearest, so that a score of 15.95 in
    binary (a little under) stays 15.9. Scaling by ten can cross a half, so values near one
    are rounded by round() itself."""
    rounded = np.round(values, 1)
    tenths = values * 10
    near_half = np.flatnonzero(np.abs(tenths - np.floor(tenths) - 0.5) < 1e-6)
    rounded[near_half] = [round(value, 1) for value in values[near_half].tolist()]
    return rounded


def _run_ends(*keys: Ints) -> Ints:
    """For each element, the index just past the run of equal keys it belongs to."""
    size = len(keys[0])
    if not size:
        return np.zeros(0, np.int64)
    change = np.zeros(size, np.bool_)
    change[0] = True
    for key in keys:
        change[1:] |= key[1:] != key[:-1]
    starts = np.flatnonzero(change)
    ends = np.append(starts[1:], size)
    return np.asarray(ends[np.cumsum(change) - 1], np.int64)
