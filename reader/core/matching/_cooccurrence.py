"""Pairs of items that share tokens, with the sum over shared tokens of their values' products:
the sparse product of an item-by-token table with itself, from an inverted index."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]
    Floats = NDArray[np.float64]

# Entry pairs generated at once: bounds the memory of one block (about 50 bytes a pair).
BLOCK = 2_000_000


def pair_sums(
    tokens: Ints,
    items: Ints,
    values: Floats,
    count: int,
    step: Callable[[], None] | None = None,
) -> tuple[Ints, Ints, Floats]:
    """Every pair (first, second) of the ``count`` items, first < second, that shares a token,
    with the sum of value products over its shared tokens.

    Entries come token-major, items ascending within a token. The sums add in token order, so
    they are the same on every run; ``step`` hears each block (for cancelling).
    """
    if not len(tokens):
        empty = np.zeros(0, np.int64)
        return empty, empty, np.zeros(0, np.float64)
    starts = np.flatnonzero(np.r_[True, tokens[1:] != tokens[:-1]])
    ends = np.r_[starts[1:], len(tokens)]
    # Each entry pairs with the later entries of its token.
    partners = np.repeat(ends, ends - starts) - np.arange(len(tokens)) - 1
    cumulative = np.cumsum(partners)
    key_blocks: list[Ints] = []
    sum_blocks: list[Floats] = []
    first = 0
    while first < len(tokens):
        if step is not None:
            step()
        before = cumulative[first - 1] if first else 0
        last = int(np.searchsorted(cumulative, before + BLOCK, side="right"))
        last = min(max(last, first + 1), len(tokens))
        counts = partners[first:last]
        entries = np.repeat(np.arange(first, last), counts)
        offsets = np.arange(len(entries)) - np.repeat(np.cumsum(counts) - counts, counts)
        others = entries + 1 + offsets
        keys = items[entries] * count + items[others]
        unique, inverse = np.unique(keys, return_inverse=True)
        key_blocks.append(unique)
        block = np.bincount(inverse, values[entries] * values[others], len(unique))
        sum_blocks.append(np.asarray(block, np.float64))
        first = last
    if len(key_blocks) == 1:
        return _split_keys(key_blocks[0], sum_blocks[0], count)
    unique, inverse = np.unique(np.concatenate(key_blocks), return_inverse=True)
    total = np.bincount(inverse, np.concatenate(sum_blocks), len(unique))
    return _split_keys(unique, np.asarray(total, np.float64), count)


def _split_keys(keys: Ints, sums: Floats, count: int) -> tuple[Ints, Ints, Floats]:
    return keys // count, keys % count, sums
