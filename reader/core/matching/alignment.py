"""Word-level alignment of two matched passages, for showing what is shared and what differs."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.matching.tokens import Token, tokenize


@dataclass(frozen=True, slots=True)
class WordMark:
    """A word of a passage, as offsets into that passage, marked shared or differing."""

    start: int
    end: int
    shared: bool
    is_number: bool


def align_words(text_a: str, text_b: str) -> tuple[list[WordMark], list[WordMark]]:
    """Mark each word of both passages as shared with the other or not, in reading order.

    Words are compared in normalised form ("Eighteen" = "18", "Koreans" = "Korean"); the
    alignment is rapidfuzz's Indel opcodes over the word sequences, and words that the
    sequence alignment leaves out but the other passage contains anywhere still count as
    shared, because matched claims are often told in another order.
    """
    # Here, not at the top: the matching package is imported by `reader match`, which never
    # aligns words and should not pay for rapidfuzz.
    from rapidfuzz.distance import Indel

    tokens_a, tokens_b = tokenize(text_a), tokenize(text_b)
    norms_a = [t.norm for t in tokens_a]
    norms_b = [t.norm for t in tokens_b]
    shared_a = [False] * len(tokens_a)
    shared_b = [False] * len(tokens_b)
    for opcode in Indel.opcodes(norms_a, norms_b):
        if opcode.tag == "equal":
            for index in range(opcode.src_start, opcode.src_end):
                shared_a[index] = True
            for index in range(opcode.dest_start, opcode.dest_end):
                shared_b[index] = True
    set_a, set_b = set(norms_a), set(norms_b)
    return _marks(tokens_a, shared_a, set_b), _marks(tokens_b, shared_b, set_a)


def _marks(tokens: list[Token], aligned: list[bool], other: set[str]) -> list[WordMark]:
    return [
        WordMark(token.start, token.end, aligned[i] or token.norm in other, token.is_number)
        for i, token in enumerate(tokens)
    ]
