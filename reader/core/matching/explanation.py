"""Why two passages match: the rare words they share, the names and words that were made one
(aliases, news synonyms), and the numbers and names that differ."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reader.core.matching._aliases import Aliases
from reader.core.matching._features import PassageFeatures
from reader.core.matching.tokens import tokenize
from reader.core.matching.words import FAMILY_HEADS, unfolded_word

# How a match found beside a strong one is explained.
BESIDE = "beside a strong match in its paragraph, sharing two of its words"


@dataclass(frozen=True)
class Explanation:
    """Why two passages match and where they differ."""

    shared_words: tuple[str, ...] = ()
    agreeing_numbers: tuple[str, ...] = ()
    numbers_only_a: tuple[str, ...] = ()
    numbers_only_b: tuple[str, ...] = ()
    names_only_a: tuple[str, ...] = ()
    names_only_b: tuple[str, ...] = ()
    # Names written differently that count as one: "AMD = Advanced Micro Devices".
    aliases: tuple[str, ...] = ()
    # News words folded into one family: "bought = acquired".
    folds: tuple[str, ...] = ()
    # Found beside a strong match in its paragraph, not on its own words (_context.py).
    beside_strong: bool = False

    @property
    def reasons(self) -> tuple[str, ...]:
        """What joined the passages besides their shared words, a line each, as the panel and
        --explain say it: "same: Qaeda = Qaida", and that it sits beside a strong match."""
        same = self.aliases + self.folds
        return (("same: " + "; ".join(same),) if same else ()) + (
            (BESIDE,) if self.beside_strong else ()
        )


def explain(
    a: PassageFeatures,
    b: PassageFeatures,
    weights: dict[str, float],
    texts: tuple[str, str] | None = None,
    aliases: Aliases | None = None,
) -> Explanation:
    """The shared rare words, the agreeing numbers, the numbers and names that differ, and,
    given the passages' texts, the aliases and word families that joined them."""
    shared = sorted(a.content & b.content - a.numbers, key=lambda t: (-weights.get(t, 0.0), t))
    joined: tuple[str, ...] = ()
    folded: tuple[str, ...] = ()
    if texts is not None:
        words_a, words_b = _surfaces(texts[0]), _surfaces(texts[1])
        joined = tuple(_alias_labels(shared, words_a, words_b, aliases or Aliases()))
        folded = tuple(_fold_labels(shared, words_a, words_b))
    return Explanation(
        shared_words=tuple(shared[:8]),
        agreeing_numbers=tuple(sorted(a.numbers & b.numbers)),
        numbers_only_a=tuple(sorted(a.numbers - b.numbers)),
        numbers_only_b=tuple(sorted(b.numbers - a.numbers)),
        names_only_a=tuple(sorted(a.names - b.content)),
        names_only_b=tuple(sorted(b.names - a.content)),
        aliases=joined,
        folds=folded,
    )


def _surfaces(text: str) -> dict[str, str]:
    """Each token's first way of being written in the text, by its normal form."""
    first: dict[str, str] = {}
    for token in tokenize(text):
        first.setdefault(token.norm, text[token.start : token.end])
    return first


def _alias_labels(
    shared: list[str], words_a: dict[str, str], words_b: dict[str, str], aliases: Aliases
) -> Iterator[str]:
    variants: dict[str, list[str]] = {}
    for variant, kept in aliases.spellings.items():
        variants.setdefault(kept, []).append(variant)
    for token in shared:
        if token in aliases.expansions:
            # Only where one passage writes the short form and the other the long one, and as
            # that passage writes it: "HP = Hewlett-Packard", though the story also has "H-P".
            if (token in words_a) != (token in words_b):
                short = words_a.get(token) or words_b[token]
                yield f"{short} = {aliases.labels[token].split(' = ', 1)[1]}"
        elif token in variants:
            # Only where the two passages hold different spellings and none in common: "Korean"
            # in both is no alias at work, even if one also writes "Korea".
            forms = [token, *sorted(variants[token])]
            in_a = [form for form in forms if form in words_a]
            in_b = [form for form in forms if form in words_b]
            if in_a and in_b and not set(in_a) & set(in_b):
                yield f"{words_a[in_a[0]]} = {words_b[in_b[0]]}"


def _fold_labels(
    shared: list[str], words_a: dict[str, str], words_b: dict[str, str]
) -> Iterator[str]:
    for token in shared:
        if token in FAMILY_HEADS and token in words_a and token in words_b:
            written_a, written_b = words_a[token], words_b[token]
            if unfolded_word(written_a) != unfolded_word(written_b):
                yield f"{written_a} = {written_b}"
