"""What follows a reporting verb: a clause, a quote, a hearer, an outlet, or nothing (a tag)."""

from __future__ import annotations

from reader.core.provenance.attribution._clauses import phrase_after
from reader.core.provenance.attribution._nouns import MEDIUM, noun_class
from reader.core.provenance.attribution._nouns import singular as singular_of
from reader.core.provenance.attribution._outlets import outlet_after
from reader.core.provenance.attribution._phrases import Phrase, phrase, scan_forward
from reader.core.provenance.attribution._tokens import (
    ADVERBS,
    AUXILIARIES,
    BE,
    DETERMINERS,
    IRREGULAR_PAST,
    NP_PREPOSITIONS,
    OTHER_PREPOSITIONS,
    RELATIVES,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    Token,
    is_time,
)
from reader.core.provenance.attribution._verbs import VerbForm

# Nouns for what was said: "denied allegations" reports a denial, "denied the motions" does not.
_CLAIM_NOUNS = frozenset(
    "allegation allegations report reports claim claims accusation accusations charge charges "
    "rumour rumours rumor rumors suggestion suggestions speculation wrongdoing".split()
)

# What can be granted or refused: "deny" with one of these means refuse, not contradict.
_GRANTABLE = frozenset(
    "motion request bail access entry permission visa application appeal license licence "
    "tenure parole petition bid plea claim right opportunity chance service treatment "
    "witness benefit loan asylum".split()
)

_WH = frozenset("that what whether how why when where who if".split())


def by_follows(tokens: list[Token], verb: int) -> bool:
    """ "by" right after the verb: "figures reported by the ministry"."""
    return verb + 1 < len(tokens) and tokens[verb + 1].low == "by"


def by_agent(tokens: list[Token], verb: int) -> Phrase | None:
    """Who did it, in "was reported (first) by the AP": a phrase that can be a source."""
    index = past_adverbs(tokens, verb + 1)
    if index + 1 < len(tokens) and tokens[index].low == "by":
        found = phrase_after(tokens, index + 1)
        if found is None or found.pronoun or (found.name is None and found.kind is None):
            return None
        return found
    return None


def tags(tokens: list[Token], verb: int, form: VerbForm, after: int) -> bool:
    """The verb's complement is empty: it tags words said before it."""
    index = after
    if form.lemma == "tell":
        index = hearer_end(tokens, verb)
    first = index
    while index < len(tokens) and tokens[index].is_word:
        low = tokens[index].low
        if low in ("that", *SUBJECT_PRONOUNS) or index - first > 8:
            return False
        index += 1
    if index > first:
        low = tokens[first].low
        adjunct = low in ("in", "on", "at", "during", "to", "after", "before", "with", "for")
        if not (adjunct or is_time(tokens, first) or low in ADVERBS or low.endswith("ly")):
            return False
    return index >= len(tokens) or tokens[index].text != ":"


def takes_clause(tokens: list[Token], verb: int, form: VerbForm) -> bool:
    """A verb with a second sense reports only with a clause, quote or claim noun after it."""
    index = past_adverbs(tokens, verb + 1)
    while index < len(tokens) and tokens[index].low in ("in", "on"):
        index = scan_forward(tokens, index + 1)  # "wrote on Facebook that ..."
    if index >= len(tokens) or tokens[index].low == "to":
        return False  # nothing reported, or "estimated to have caused"
    token = tokens[index]
    if not token.is_word:
        quote_next = index + 1 < len(tokens) and tokens[index + 1].is_quote
        return token.text == ":" or token.is_quote or (token.text == "," and quote_next)
    if token.low in _WH or token.low in SUBJECT_PRONOUNS or token.low == "there":
        return True
    end = scan_forward(tokens, index)
    objects = [t.low for t in tokens[index:end] if t.is_word]
    if form.lemma == "deny":
        # "denied the motion" refuses a grant; "denied any involvement" says it is untrue.
        return not any(singular_of(word) in _GRANTABLE for word in objects)
    if form.lemma == "claim" and any(word in _CLAIM_NOUNS for word in objects):
        return True
    return end > index and verb_at(tokens, end)


def verb_at(tokens: list[Token], index: int) -> bool:
    """A finite verb seems to stand here: an auxiliary, an irregular past, or a lower-case
    "-ed" or "-s" word."""
    if index >= len(tokens) or is_time(tokens, index):
        return False
    token = tokens[index]
    if token.low in AUXILIARIES or token.low in BE or token.low in IRREGULAR_PAST:
        return True
    return token.text.islower() and token.low.isalpha() and token.low.endswith(("ed", "s"))


def past_adverbs(tokens: list[Token], index: int) -> int:
    """The first token at or after ``index`` that is no adverb ("also", "exclusively")."""
    while index < len(tokens) and (
        tokens[index].low in ADVERBS
        or (tokens[index].text.islower() and tokens[index].low.endswith("ly"))
    ):
        index += 1
    return index


def hearer_end(tokens: list[Token], verb: int) -> int:
    """Where the hearer after "told" ends: the outlet's name, else the phrase."""
    outlet = outlet_after(tokens, verb + 1)
    return outlet if outlet is not None else scan_forward(tokens, verb + 1)


def tells_a_report(tokens: list[Token], index: int) -> bool:
    """After "told X": a clause, a quote or nothing; "told us her story" tells no claim."""
    index = past_adverbs(tokens, index)
    if index >= len(tokens) or not tokens[index].is_word:
        return True
    low = tokens[index].low
    if low in _WH or low in SUBJECT_PRONOUNS or low == "there" or is_time(tokens, index):
        return True
    if low in ("in", "on", "at", "during", "for", "with", "last", "this") or low in SUBORDINATORS:
        return True
    if verb_at(tokens, scan_forward(tokens, index)):
        return True
    # "told police the man ran off": a noun and then a verb, regular or not.
    for position in range(index + 1, min(index + 6, len(tokens))):
        before = tokens[position - 1]
        if not before.is_word:
            return False
        if _open_class(tokens[position]) and (before.is_capital or noun_class(before.low)):
            return True
    return False


def _open_class(token: Token) -> bool:
    """A lower-case word of no closed class and no known noun: most likely a verb."""
    low = token.low
    if not token.text.islower() or not low.isalpha() or noun_class(low) is not None:
        return False
    closed = DETERMINERS | SUBORDINATORS | RELATIVES | NP_PREPOSITIONS | OTHER_PREPOSITIONS
    return low not in closed and low not in ("and", "or", "to")


def outlet_spoken_to(
    tokens: list[Token], verb: int, form: VerbForm, after: int, subject: Phrase
) -> Phrase | None:
    """The outlet told ("told the Times"), spoken to ("said ... to the Associated Press") or
    interviewed by ("in an interview with the BBC, X said")."""
    starts = []
    if form.lemma == "tell":
        starts.append(verb + 1)
    if after < len(tokens) and tokens[after].low == "to":
        starts.append(after + 1)
    for index in range(max(0, subject.start - 10), min(len(tokens) - 2, after + 8)):
        if tokens[index].low == "interview" and tokens[index + 1].low == "with":
            starts.append(index + 2)
    for start in starts:
        end = outlet_after(tokens, start)
        if end is not None:
            found = phrase(tokens, start, end, sentence_start=-1)
            if found is not None:
                return Phrase(found.start, found.end, found.name, found.head, MEDIUM)
    return None
