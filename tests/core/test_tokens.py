"""Normalisation for matching: numbers, months, case, Unicode, possessives and plurals."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reader.core.matching._forms import Forms, word_forms
from reader.core.matching.tokens import _pieces_of, chunk_pieces, content_norms, tokenize


def norms(text: str) -> list[str]:
    return content_norms(tokenize(text))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Eighteen soldiers", "18 soldiers"),
        ("six officers", "6 officers"),
        ("on Oct. 3", "on October 3"),
        ("10,000 troops", "10000 troops"),
        ("ten thousand troops", "10,000 troops"),
        ("$400 million", "$400m"),
        ("2.5 billion", "2.5bn"),
        ("twenty-one people", "21 people"),
        ("North Koreans", "North Korean"),
        ("Russia’s military", "Russia's military"),
        ("RUSSIA", "russia"),
        ("the 3rd time", "the 3 time"),
        ("Café", "cafe"),
        ("deserted", "deserters"),
        ("U.S. officials", "US officials"),
        ("three others injured", "three others wounded"),
        ("injuries", "wounds"),
        ("two died", "two dead"),
        ("deaths", "dies"),
    ],
)
def test_equivalent_forms_normalise_alike(left: str, right: str) -> None:
    assert norms(left) == norms(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("six officers", "seven officers"),
        ("thousands of troops", "1000 troops"),
        ("$400 million", "$400 billion"),
        ("October 3", "October 13"),
    ],
)
def test_different_facts_stay_different(left: str, right: str) -> None:
    assert norms(left) != norms(right)


def test_stop_words_and_attributions_are_not_content() -> None:
    assert norms("according to the report, he said that it was") == []


def test_odd_digit_strings_do_not_crash() -> None:
    assert norms("version 2.2013.1 and 1,2,3") == ["version", "2.2013.1", "1,2,3"]


def test_token_offsets_point_into_the_text() -> None:
    text = "Around 18 North Koreans, twenty-one of them."
    for token in tokenize(text):
        assert text[token.start : token.end].strip()
    assert [text[t.start : t.end] for t in tokenize(text) if t.is_number] == ["18", "twenty-one"]


@given(st.text(max_size=300))
def test_tokens_are_ordered_and_inside_the_text(text: str) -> None:
    previous = 0
    for token in tokenize(text):
        assert previous <= token.start < token.end <= len(text)
        previous = token.end


def _forms_from_tokens(text: str) -> Forms:
    """The reference: word_forms as the docstring defines it, from the tokens one by one."""
    tokens = tokenize(text)
    content = frozenset(content_norms(tokens))
    numbers = frozenset(t.norm for t in tokens if t.is_number)
    names = frozenset(
        t.norm for t in tokens[1:] if t.is_content and not t.is_number and text[t.start].isupper()
    )
    return Forms(content, numbers, names)


# Words, numbers, number words, acronyms, separators and odd characters, so chunks of every
# kind meet: "twenty-one", "U.S.", "10,000", "Korea's", "_", "²", combining accents.
_PIECES = st.sampled_from(
    [
        "Eighteen", "soldiers", "twenty", "one", "million", "400", "10,000", "3.5", "5m", "U.S.",
        "Korea's", "Paris", "the", "The", "_", "²", "é", "e\u0301", "-", " ", ". ", ", ", "'",
        "’", "\n", "Oct", "May", "2nd", "thousands", "in", "In", "support", "Support", "of",
        "due", "to", "wake", "as", "a", "result", "thanks", "for",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=25).map("".join))
@example("thanks_to")  # one chunk holding a whole phrase
@example("In support of")
@example("prices rose due to rain")  # a phrase that starts with its content word
def test_word_forms_are_the_forms_of_the_tokens(text: str) -> None:
    assert word_forms(text) == _forms_from_tokens(text)


def test_word_forms_on_real_sentences() -> None:
    for text in (
        "Eighteen North Korean soldiers deserted, according to Suspilne.",
        "Around 18 North Koreans left their posts on Oct. 3, sources said.",
        "The $400 million deal, worth twenty-one billion won, was signed in the U.S. on Monday.",
        "__init__ is not a name; neither is ² or e\u0301té.",
        "Troops were sent in support of Moscow, and support for Kyiv grew in the wake of it.",
        "Due to rain, In Support Of was cancelled; thanks to 2 sponsors.",
    ):
        assert word_forms(text) == _forms_from_tokens(text)


def test_a_complex_preposition_is_a_function_word() -> None:
    assert "support" not in norms("troops sent in support of Moscow's invasion")
    assert "support" in norms("both nations pledging to support each other")
    assert norms("in the wake of the quake, due to rain") == ["quake", "rain"]
    assert norms("as a result of the war") == ["war"]
    # The same word outside a phrase still counts, and a phrase needs all of its words.
    assert norms("in support of Kyiv and support for Kyiv").count("support") == 1
    assert "result" in norms("the result of the vote")
    assert "support" in norms("support of the bill")


def test_a_complex_preposition_keeps_its_offsets() -> None:
    text = "sent In Support Of Moscow"
    marked = [t for t in tokenize(text) if t.norm == "in support of"]
    assert [text[t.start : t.end] for t in marked] == ["Support"]


@given(st.text(st.characters(categories=["L", "M"]), min_size=1, max_size=12))
@example("Eighteen")
@example("ǅ")  # a title-case letter
def test_a_one_word_chunk_splits_as_the_pattern_splits_it(word: str) -> None:
    if word.isalpha():
        assert chunk_pieces(word) == _pieces_of(word)
