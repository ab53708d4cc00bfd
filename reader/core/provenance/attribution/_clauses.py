"""Speakers found around a clause: after an inverted verb ("said Fogels"), as the subject a
participle hangs on, and phrases with an apposed name."""

from __future__ import annotations

from reader.core.provenance.attribution._phrases import Phrase, phrase, scan_forward
from reader.core.provenance.attribution._tokens import (
    ADVERBS,
    BE,
    NP_PREPOSITIONS,
    OTHER_PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    Token,
    is_time,
)


def inverted_subject(tokens: list[Token], verb: int) -> Phrase | None:
    """The speaker after the verb in "“...,” said the district attorney Jane Doe."."""
    start = verb + 1
    if start >= len(tokens) or not tokens[start].is_word:
        return None
    low = tokens[start].low
    if low in SUBJECT_PRONOUNS or low in ("that", "it", "this", "there", "what") or low in BE:
        return None
    if is_time(tokens, start) or low in ("in", "on", "at", "during", "to", "by"):
        return None
    end = scan_forward(tokens, start)
    if end == start or not terminates(tokens, end):
        return None
    found = phrase(tokens, start, end)
    # Only a speaker is put after the verb ("said Fogels", "said a local farmer"); "...,
    # acknowledged Mr. Gigante's craftiness" has its object there.
    if found is None or (found.name is None and found.kind is None):
        return None
    return found


def terminates(tokens: list[Token], index: int) -> bool:
    """A phrase ending here is a whole speaker: the sentence, clause or quote ends, or an
    adjunct ("in a statement", "on Monday", "to the Associated Press") follows."""
    if index >= len(tokens):
        return True
    token = tokens[index]
    if not token.is_word:
        return token.text in ",.;:!?—–--()" or token.is_quote
    return token.low in (
        "in on at during to who which as after before when while adding according citing "
        "noting saying last earlier this".split()
    ) or is_time(tokens, index)


def clause_subject(tokens: list[Token], end: int, *, nearest: bool = False) -> Phrase | None:
    """The subject of the clause a participle ("..., saying ...") hangs on: the first phrase of
    the sentence, past an opening adverbial that a comma closes; with ``nearest``, of the
    clause just before ("after the rival flashed signs and said ...")."""
    start = 0
    for index in range(end - 1, -1, -1):
        token = tokens[index]
        opens = nearest and token.low in SUBORDINATORS and token.low not in ("and", "but")
        if token.text in (";", ":") or token.is_quote or opens:
            start = index + 1
            break
    if start >= end:
        return None
    first = tokens[start].low
    preposition = first in NP_PREPOSITIONS or first in OTHER_PREPOSITIONS
    if preposition or first in ADVERBS or is_time(tokens, start):
        comma = next((i for i in range(start, end) if tokens[i].text == ","), None)
        if comma is not None:
            start = comma + 1
        elif preposition:
            start = scan_forward(tokens, start + 1)  # "In Parliament the party said"
    while start < end and tokens[start].low in ("but", "and", "so", "yet"):
        start += 1
    stop = scan_forward(tokens, start)
    if stop >= end or stop == start:
        return None
    after = tokens[stop]
    if not (after.is_word and after.text.islower()):
        return None
    return phrase(tokens, start, stop, sentence_start=0)


def coordinated(tokens: list[Token], start: int) -> bool:
    """The clause starting at ``start`` is joined by "and"/"but": its source is a second one."""
    index = start - 1
    return index >= 0 and tokens[index].low in _COORDINATORS


def phrase_after(tokens: list[Token], start: int, sentence_start: int = -1) -> Phrase | None:
    """A phrase starting at ``start``, with an apposed name ("her publicist, Jack Ketsoyan")."""
    end = scan_forward(tokens, start)
    found = phrase(tokens, start, end, sentence_start=sentence_start)
    if found is None or end + 1 >= len(tokens) or tokens[end].text != ",":
        return found
    after = end + 1
    close = scan_forward(tokens, after)
    apposed = phrase(tokens, after, close, sentence_start=-1)
    if (
        apposed is not None
        and apposed.name
        and not found.name
        and close > after
        and all(t.is_capital for t in tokens[after:close] if t.is_word)
        and terminates(tokens, close)
    ):
        return Phrase(start, close, apposed.name, apposed.head, found.kind or apposed.kind)
    return found


_COORDINATORS = frozenset("and but while whereas yet".split())
