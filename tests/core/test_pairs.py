"""The candidate step and the array scoring against every pair of passages scored by the rules."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.documents.document import Block, Document, Passage
from reader.core.matching import _pairs as pairs
from reader.core.matching._pairs import _round_tenths
from reader.core.matching.matcher import MatchSettings, match_documents
from tests.support.reference import exhaustive, found

# Few words, so that sentences share some of them, and some words are in many sentences.
_WORDS = st.sampled_from(
    "soldiers deserted front border Korean troops governor curfew bridge flood police fire "
    "bank rate eighteen 18 Seoul Kyiv reported officials 2012 December".split()
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


def assert_complete(documents: list[Document], options: MatchSettings) -> None:
    """The matches are exactly the pairs the rules accept, scored alike; pairs within
    rounding of a limit may fall either way."""
    result = match_documents(documents, options)
    ours = found(result)
    expected, borderline = exhaustive(result, options, documents)
    assert {k: v for k, v in ours.items() if k not in borderline} == {
        k: v for k, v in expected.items() if k not in borderline
    }


# Derandomized: the same examples on every run, so CI cannot meet a new one by chance;
# run with more examples by hand when the scoring changes.
@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    st.lists(_DOCUMENT, min_size=2, max_size=7),
    st.integers(min_value=1, max_value=8),
    st.sampled_from([10.0, 16.0, 25.0, 40.0]),
)
def test_array_scoring_follows_the_rules(texts: list[list[str]], limit: int, least: float) -> None:
    documents = [_document(index, sentences) for index, sentences in enumerate(texts)]
    # A low blocking limit puts common tokens beside the indexed ones.
    options = MatchSettings(
        min_score=least, blocking_floor=limit, blocking_share=0.0, blocking_per_document=0
    )
    assert_complete(documents, options)


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
    options = MatchSettings(min_score=10)
    whole = match_documents(documents, options).matches
    default = pairs.BLOCK_PAIRS
    pairs.BLOCK_PAIRS = block_pairs  # many small blocks: each passage's pairs stay together
    try:
        assert match_documents(documents, options).matches == whole
    finally:
        pairs.BLOCK_PAIRS = default
