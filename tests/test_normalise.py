"""Normalisation for matching: numbers, months, case, Unicode, possessives and plurals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.normalise import content_norms, tokenize


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
