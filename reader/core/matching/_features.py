"""What the matcher knows about each passage: content tokens, numbers, names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.documents.boilerplate import is_boilerplate
from reader.core.documents.document import Document
from reader.core.matching._datelines import is_dateline
from reader.core.matching._forms import word_forms
from reader.core.matching.words import MONTH_NAMES

# Boilerplate that news pages carry around the article text.
MIN_CONTENT_TOKENS = 3


@dataclass(frozen=True, slots=True)
class PassageFeatures:
    """A passage reduced to what matching compares."""

    doc: int
    passage: int
    start: int
    end: int
    content: frozenset[str]
    ordered: tuple[str, ...]  # the content tokens sorted: a fixed order to add weights in
    numbers: frozenset[str]
    names: frozenset[str]


def extract_features(
    documents: Sequence[Document], step: Callable[[int], None] | None = None
) -> list[PassageFeatures]:
    """Features of every passage that can carry a claim; boilerplate, datelines and bylines, and
    fragments are left out.

    ``step`` hears how many passages are done, every 1,024 (for progress and cancelling).
    """
    features: list[PassageFeatures] = []
    done = 0
    for doc_index, document in enumerate(documents):
        for passage in document.passages:
            done += 1
            if step is not None and done % 1024 == 0:
                step(done)
            if is_boilerplate(passage.text) or is_dateline(passage.text):
                continue
            forms = word_forms(passage.text)
            if len(forms.content) < MIN_CONTENT_TOKENS:
                continue
            # In a passage written in capitals, capitals do not tell names from words.
            names = frozenset() if _in_capitals(passage.text) else forms.names
            features.append(
                PassageFeatures(
                    doc=doc_index,
                    passage=passage.index,
                    start=passage.start,
                    end=passage.end,
                    content=forms.content,
                    ordered=tuple(sorted(forms.content)),
                    numbers=forms.numbers,
                    names=names,
                )
            )
    return features


# A token is a name where it is written capitalised (not as a sentence's first word) in at
# least this share of the passages that hold it: "Director" in a headline is the word
# "director". Stories weigh names (stories.py); spelling variants are sought among them
# (_variants.py).
NAME_SHARE = 0.5


def names_among(capitalised: Counter[str], held: Counter[str]) -> frozenset[str]:
    """The tokens of ``capitalised`` (the passages that hold each one capitalised) that are
    names, ``held`` counting the passages that hold each token at all."""
    return frozenset(
        token for token, count in capitalised.items() if count >= NAME_SHARE * held[token]
    )


def is_quantity(token: str) -> bool:
    """Whether a normalised token is a number or a month: part of a quantity or a date."""
    return token[:1].isdigit() or token in MONTH_NAMES


# A passage with at least this share of its letters in capitals is written in capitals.
CAPITALS_SHARE = 0.8


def _in_capitals(text: str) -> bool:
    """Whether a passage is written in capitals ("POLICE ARREST MAN AFTER FIRE")."""
    if text[1:24].islower():
        return False  # the usual sentence: its first words in lower case after the first letter
    if text.isascii():  # most text: counted by bytes.translate, not letter by letter
        data = text.encode("ascii")
        upper = len(data) - len(data.translate(None, _UPPER))
        lower = len(data) - len(data.translate(None, _LOWER))
    else:
        upper, lower = sum(map(str.isupper, text)), sum(map(str.islower, text))
    return upper + lower >= 12 and upper >= CAPITALS_SHARE * (upper + lower)


_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_LOWER = bytes(range(ord("a"), ord("z") + 1))
