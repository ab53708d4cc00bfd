"""Partial matches from a paragraph's context: a sentence beside one that strongly matches another
report's sentence, in the same paragraph, that shares two specific words with that sentence and
has no match of its own in that report.

A news paragraph develops one claim. In the seeds' Newsweek report, "Eighteen North Korean
soldiers have reportedly deserted ..., according to ... Suspilne" and "The soldiers were
stationed in Russia's Kursk and Bryansk regions ..." are followed by "Intelligence sources cited
by the broadcaster reveal that Russian commanders are now trying to keep the desertions hidden";
Stars and Stripes tells them in one sentence: "Around 18 North Koreans stationed four miles from
the Russia-Ukraine border left their stations, according to public broadcaster Suspilne, which
cited unnamed intelligence officials." The third sentence shares two specific words with it
(intelligence, broadcaster) and too little weight to match alone (11.1); beside a strong match
of it, it is part of the same claim.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from reader.core.documents.document import Document
from reader.core.matching._features import PassageFeatures, is_quantity
from reader.core.matching._pairs import overlap_score

# Specific words (informative, not numbers or dates) the sentence must share with the strongly
# matched sentence of the other report.
CONTEXT_SHARED = 2
# Its score: its own, moved this share of the way to the strong match's own score (the stronger
# of two beside it); never strong.
CONTEXT_SHARE = 0.5


def context_pairs(
    part: Sequence[PassageFeatures],
    pairs: Iterable[tuple[int, int, float, float]],
    documents: Sequence[Document],
    weights: dict[str, float],
    counted: frozenset[str],
    strong_score: float,
) -> list[tuple[int, int, float]]:
    """Pairs (a, b, own score) of positions in ``part`` beside the strong ``pairs`` (a, b,
    lifted, own), not among them, by the rule above; a < b as in ``pairs``."""
    placed: defaultdict[int, set[int]] = defaultdict(set)  # the documents each is matched in
    strong: defaultdict[int, list[tuple[int, float]]] = defaultdict(list)
    for a, b, _, own in pairs:
        placed[a].add(part[b].doc)
        placed[b].add(part[a].doc)
        if own >= strong_score:
            strong[a].append((b, own))
            strong[b].append((a, own))
    position = {(feature.doc, feature.passage): index for index, feature in enumerate(part)}
    found: dict[tuple[int, int], float] = {}
    # The passages beside a strongly matched one: "beside" is symmetric.
    for matched, partners in strong.items():
        for step in (-1, 1):
            mine = _neighbour(part[matched], step, position, documents)
            if mine is None:
                continue
            for other, own in partners:
                # Matched in that document already: the words alone placed it there.
                if part[other].doc in placed.get(mine, ()):
                    continue
                key = (min(mine, other), max(mine, other))
                first, second = part[key[0]], part[key[1]]
                shared = first.content & second.content
                specific = [t for t in shared if t in counted and not is_quantity(t)]
                if len(specific) < CONTEXT_SHARED:
                    continue
                score = _own_score(first, second, weights)
                # Beside two strong matches of it, the stronger one counts.
                score = min(score + (own - score) * CONTEXT_SHARE, strong_score - 0.1)
                found[key] = max(score, found.get(key, 0.0))
    return [(a, b, score) for (a, b), score in sorted(found.items())]


def _neighbour(
    feature: PassageFeatures,
    step: int,
    position: dict[tuple[int, int], int],
    documents: Sequence[Document],
) -> int | None:
    """The position of the passage beside ``feature`` in its paragraph, if it can match."""
    passages = documents[feature.doc].passages
    index = feature.passage + step
    if not 0 <= index < len(passages) or passages[index].block != passages[feature.passage].block:
        return None
    return position.get((feature.doc, index))


def _own_score(a: PassageFeatures, b: PassageFeatures, weights: dict[str, float]) -> float:
    """The two passages' weighted agreement, 0-100, as ``_pairs`` scores it before the rule on
    shared words."""
    total_a = math.fsum(weights[token] for token in a.content)
    total_b = math.fsum(weights[token] for token in b.content)
    if not total_a or not total_b:
        return 0.0
    shared = math.fsum(weights[token] for token in a.content & b.content)
    return overlap_score(shared, total_a, total_b, min(total_a, total_b))
