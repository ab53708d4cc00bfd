"""What matching compares of a passage: its content words and numbers, numbers and names,
built from cached per-chunk sets so that no Python work is done per word."""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from operator import attrgetter, not_
from typing import NamedTuple

from reader.core.matching.tokens import (
    CHUNK,
    IGNORED,
    PHRASE_CORES,
    PHRASE_FINALS,
    Token,
    blank_escapes,
    chunk_pieces,
    tokenize,
)
from reader.core.matching.words import NUMBER_WORDS, normal_word


class Forms(NamedTuple):
    """What matching compares of a text: its content words and numbers, numbers and names."""

    content: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]


def word_forms(text: str) -> Forms:
    """The forms of ``tokenize(text)``: content tokens, numbers, and names (capitalised words
    after the first that are not stop words).

    Built from cached per-chunk sets, with no Python work per word: this runs for every
    sentence of every open document. Only runs of chunks with numbers in them are tokenized
    again, to fold "twenty one" or "400 million" across chunks.
    """
    text = blank_escapes(text)
    chunks = CHUNK.findall(text)
    summaries = list(map(_chunk_summary, chunks))
    if not summaries:
        return _NO_FORMS
    plain = summaries
    if not all(map(_USUAL, summaries)):
        if any(map(_CORE, summaries)) and _may_hold_phrase(chunks, summaries):
            # A complex preposition ("in support of") turns a word into a function word: rare
            # enough to take the tokens one by one.
            return _forms_of(tokenize(text), text)
        if any(map(_NUMERIC, summaries)):
            plain = list(compress(summaries, map(not_, map(_NUMERIC, summaries))))
    content: frozenset[str] = _NOTHING.union(*map(_CONTENT, plain))
    if summaries[0].numeric:
        names = _NOTHING.union(*map(_NAMES, plain))
    else:
        # The first token is not a name for being capitalised.
        names = summaries[0].later_names.union(*map(_NAMES, plain[1:]))
    if plain is summaries:
        return Forms(content, _NOTHING, names)
    # Runs of adjacent chunks with numbers, each folded as one text.
    runs: list[Forms] = []
    run: list[str] = []
    previous = -2
    for index in compress(range(len(chunks)), map(_NUMERIC, summaries)):
        if index != previous + 1 and run:
            runs.append(_number_run_forms(" ".join(run), previous + 1 == len(run)))
            run = []
        run.append(chunks[index])
        previous = index
    runs.append(_number_run_forms(" ".join(run), previous + 1 == len(run)))
    return Forms(
        content.union(*map(_CONTENT, runs)),
        _NOTHING.union(*map(_NUMBERS, runs)),
        names.union(*map(_NAMES, runs)),
    )


@lru_cache(maxsize=50_000)
def _number_run_forms(run: str, first: bool) -> Forms:
    """Forms of adjacent chunks with numbers, joined by spaces: no token crosses a chunk's edge,
    and number folding looks only at the tokens, so the run folds as it does in its text."""
    return _forms_of(tokenize(run), run, names_from=1 if first else 0)


def _may_hold_phrase(chunks: list[str], summaries: list[_Summary]) -> bool:
    """Whether a complex preposition may be among the tokens: its content word stands between
    the word that leads it and the final preposition. A chunk of more tokens may hold it all."""
    for index in compress(range(len(chunks)), map(_CORE, summaries)):
        core = _chunk_norms(chunks[index])
        if core is None or len(core) > 1:
            return True
        following = _chunk_norms(chunks[index + 1]) if index + 1 < len(chunks) else ("",)
        if following is not None and following[0] not in PHRASE_FINALS:
            continue
        leads = PHRASE_CORES[core[0]]
        if leads is None:
            return True
        preceding = _chunk_norms(chunks[index - 1]) if index else ("",)
        if preceding is None or preceding[-1] in leads:
            return True
    return False


def _chunk_norms(chunk: str) -> tuple[str, ...] | None:
    """The norms of a chunk's tokens, or None for a chunk without any."""
    return tuple(piece[0] for piece in chunk_pieces(chunk)[0]) or None


class _Summary(NamedTuple):
    numeric: bool
    content: frozenset[str]
    names: frozenset[str]
    later_names: frozenset[str]  # the names after the chunk's first token
    core: bool  # holds the content word of a complex preposition
    usual: bool  # neither a number nor a phrase's word: the common case


@lru_cache(maxsize=200_000)
def _chunk_summary(chunk: str) -> _Summary:
    if chunk.isalpha():
        # Most chunks are one plain word, the whole chunk.
        norm = normal_word(chunk)
        if norm not in NUMBER_WORDS:
            content = _NOTHING if norm in IGNORED else frozenset((norm,))
            names = content if chunk[0].isupper() else _NOTHING
            core = norm in PHRASE_CORES
            return _Summary(False, content, names, _NOTHING, core, not core)
    pieces, numeric = chunk_pieces(chunk)
    tokens = [Token(*piece) for piece in pieces]
    forms = _forms_of(tokens, chunk)
    names = _forms_of(tokens, chunk, names_from=0).names
    core = any(token.norm in PHRASE_CORES for token in tokens)
    return _Summary(numeric, forms.content, names, forms.names, core, not (core or numeric))


def _forms_of(tokens: list[Token], text: str, names_from: int = 1) -> Forms:
    content: list[str] = []
    numbers: list[str] = []
    names: list[str] = []
    for position, (norm, start, _, is_number) in enumerate(tokens):
        if is_number:
            content.append(norm)
            numbers.append(norm)
        elif norm not in IGNORED:
            content.append(norm)
            # Capitalised words after the first are names or titles.
            if position >= names_from and text[start].isupper():
                names.append(norm)
    return Forms(frozenset(content), frozenset(numbers), frozenset(names))


_NOTHING: frozenset[str] = frozenset()
_NO_FORMS = Forms(_NOTHING, _NOTHING, _NOTHING)
_NUMERIC = attrgetter("numeric")
_CORE = attrgetter("core")
_USUAL = attrgetter("usual")
_CONTENT = attrgetter("content")
_NAMES = attrgetter("names")
_NUMBERS = attrgetter("numbers")
