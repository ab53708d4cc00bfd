"""The array scoring against the matching rules applied pair by pair, on small document sets."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.core.documents.document import Block, Document, Passage
from reader.core.matching import _pairs as pairs
from reader.core.matching._features import PassageFeatures
from reader.core.matching._pairs import _round_tenths
from reader.core.matching.matcher import (
    MIN_SHARED,
    SINGLE_WORD_FACTOR,
    MatchSettings,
    match_documents,
    set_statistics,
)

# Few words, so that sentences share some of them, and some words are in many sentences.
_WORDS = st.sampled_from(
    "soldiers deserted front border Korean troops governor curfew bridge flood police fire "
    "bank rate eighteen 18 Seoul Kyiv reported officials".split()
)
_SENTENCE = st.lists(_WORDS, min_size=3, max_size=8).map(lambda words: " ".join(words) + ".")
_DOCUMENT = st.lists(_SENTENCE, min_size=1, max_size=8)


def _document(index: int, sentences: list[str]) -> Document:
    passages: list[Passage] = []
    position = 0
    for number, sentence in enumerate(sentences):
        passages.append(Passage(number, position, position + len(sentence), sentence, 0))
        position += len(sentence) + 1
    text = " ".join(sentences)
    return Document(
        id=str(index),
        path=Path(f"{index}.txt"),
        title=str(index),
        text=text,
        blocks=(Block("paragraph", 0, len(text)),),
        passages=tuple(passages),
    )


def _expected(
    documents: list[Document], options: MatchSettings, limit: int
) -> dict[tuple[int, int, int, int], tuple[float, str]]:
    """Every pair of passages checked by the rules: candidates share a token in at most
    ``limit`` passages, each passage keeps its best candidates by the shared weight of such
    tokens, and a kept pair matches when its rounded score reaches the threshold."""
    corpus = set_statistics(documents)
    features, frequencies, weights = corpus.features, corpus.frequencies, corpus.weights
    informative, affinity = corpus.informative, corpus.affinity

    def weight(tokens: frozenset[str]) -> float:
        return math.fsum(weights[token] for token in tokens)

    expected: dict[tuple[int, int, int, int], tuple[float, str]] = {}
    for a in features:
        candidates: list[tuple[float, int, PassageFeatures]] = []
        for position, b in enumerate(features):
            indexed = {t for t in a.content & b.content if frequencies[t] <= limit}
            if b.doc > a.doc and indexed:
                candidates.append((-weight(frozenset(indexed)), position, b))
        for _, _, b in sorted(candidates)[: options.candidates_per_passage]:
            shared = a.content & b.content
            evidence = len(shared & informative)
            if not evidence:
                continue
            total_a, total_b = weight(a.content), weight(b.content)
            dice = 2 * weight(shared) / (total_a + total_b)
            containment = weight(shared) / min(total_a, total_b)
            score = 100 * (dice + containment) / 2
            if evidence < MIN_SHARED:
                score *= SINGLE_WORD_FACTOR
            lifted = round(score + affinity[a.doc][b.doc], 1)
            if lifted >= options.min_score:
                strength = "strong" if score >= options.strong_score else "partial"
                expected[(a.doc, a.passage, b.doc, b.passage)] = (lifted, strength)
    return expected


def _found(
    documents: list[Document], options: MatchSettings
) -> dict[tuple[int, int, int, int], tuple[float, str]]:
    result = match_documents(documents, options)
    return {
        (m.a.doc, m.a_passage, m.b.doc, m.b_passage): (m.score, m.strength) for m in result.matches
    }


# Derandomized: the same examples on every run, so CI cannot meet a new one by chance;
# run with more examples by hand when the scoring changes (1,500 passed).
@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    st.lists(_DOCUMENT, min_size=2, max_size=6),
    st.integers(min_value=1, max_value=6),
    st.integers(min_value=1, max_value=8),
)
# Found by hypothesis: two candidates whose shared weights are equal but summed in another
# order differed in the last bit, and the cut kept the later one.
@example(
    texts=[
        [
            "soldiers Korean troops.",
            "deserted front bridge.",
            "deserted border governor.",
            "deserted border governor.",
            "deserted border flood.",
            "front troops bridge.",
            "soldiers front Korean troops curfew bridge.",
        ],
        [
            "soldiers deserted border.",
            "soldiers troops bridge.",
            "deserted front troops.",
            "deserted border Korean.",
            "deserted border curfew.",
            "deserted border flood.",
            "front Korean bridge.",
            "soldiers front Korean troops.",
        ],
    ],
    limit=6,
    candidates=3,
)
def test_array_scoring_follows_the_rules(
    texts: list[list[str]], limit: int, candidates: int
) -> None:
    documents = [_document(index, sentences) for index, sentences in enumerate(texts)]
    # A low blocking limit puts common tokens beside the indexed ones; few candidates per
    # passage make the cut matter.
    options = MatchSettings(
        min_score=10,
        candidates_per_passage=candidates,
        blocking_floor=limit,
        blocking_share=0.0,
        blocking_per_document=0,
    )
    assert _found(documents, options) == _expected(documents, options, limit)


def test_matches_come_sorted_by_position() -> None:
    sentences = [
        "Eighteen soldiers deserted the front near the border.",
        "The governor declared a curfew after the flood.",
        "Police said the fire at the bank spread overnight.",
    ]
    documents = [_document(0, sentences), _document(1, sentences[::-1]), _document(2, sentences)]
    matches = match_documents(documents).matches
    keys = [(m.a.doc, m.a.start, m.b.doc, m.b.start) for m in matches]
    assert keys == sorted(keys)
    assert len(matches) == 9


@given(st.lists(st.floats(min_value=0, max_value=300, allow_nan=False), max_size=50))
def test_scores_round_as_python_rounds(values: list[float]) -> None:
    halves = [15.95, 0.05, 0.15, 2.675, 16.05, 29.95, 100.25]
    values = values + halves + [v + 1e-12 for v in halves] + [v - 1e-12 for v in halves]
    assert _round_tenths(np.array(values)).tolist() == [round(v, 1) for v in values]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(_DOCUMENT, min_size=2, max_size=5), st.integers(min_value=1, max_value=20))
def test_blocks_of_any_size_give_the_same_matches(texts: list[list[str]], block_pairs: int) -> None:
    documents = [_document(index, sentences) for index, sentences in enumerate(texts)]
    options = MatchSettings(min_score=10, candidates_per_passage=3)
    whole = match_documents(documents, options).matches
    default = pairs.BLOCK_PAIRS
    pairs.BLOCK_PAIRS = block_pairs  # many small blocks: each passage's pairs stay together
    try:
        assert match_documents(documents, options).matches == whole
    finally:
        pairs.BLOCK_PAIRS = default
