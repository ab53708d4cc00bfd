"""Noun phrases that name a source: where they end, their name, their head, whether an outlet."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.provenance.attribution._nouns import (
    BODY,
    DOCUMENT,
    GROUP,
    MEDIUM,
    PERSON,
    listed_class,
    noun_class,
)
from reader.core.provenance.attribution._outlets import is_outlet_name
from reader.core.provenance.attribution._tokens import (
    ADVERBS,
    AUXILIARIES,
    BE,
    DETERMINERS,
    IRREGULAR_PAST,
    JOIN_BEFORE_NOUN,
    NAME_JOINERS,
    NEGATIONS,
    NP_PREPOSITIONS,
    OTHER_PREPOSITIONS,
    RELATIVES,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    Token,
    is_time,
)
from reader.core.provenance.attribution._verbs import VERB_FORMS

MAX_WORDS = 12
_PARTICIPLE = re.compile(r"^[a-z]+(?:ed|ing)$")
# Titles and job words written before a name ("Prime Minister", "Chief Executive", "Sen.").
_TITLE_WORDS = frozenset(
    "mr. mrs. ms. dr. sen. rep. gov. msgr. prof. rev. lt. gen. col. sgt. capt. det. atty. "
    "president minister chief executive officer spokesman spokeswoman spokesperson secretary "
    "senator governor mayor general judge attorney director chairman chairwoman commissioner "
    "superintendent sheriff lieutenant sergeant captain colonel detective inspector professor "
    "doctor ambassador leader coach manager publicist rep agent lawyer deputy constable "
    "corporal admiral commander premier chancellor dean editor".split()
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """Tokens ``start`` to ``end`` (exclusive) of a sentence, read as a noun phrase."""

    start: int
    end: int
    name: str | None  # the proper name it ends in, without titles ("Dmitry Peskov")
    head: str  # the noun it is about ("spokesman", or the name's last word)
    kind: str | None  # PERSON, GROUP, BODY, MEDIUM, DOCUMENT, or None when unknown
    pronoun: bool = False


def scan_forward(tokens: list[Token], start: int) -> int:
    """Where a noun phrase starting at ``start`` ends (exclusive)."""
    index, words = start, 0
    if start < len(tokens) and tokens[start].low in SUBJECT_PRONOUNS:
        return start + 1  # "He took her captive": the pronoun is the whole phrase
    while index < len(tokens) and words < MAX_WORDS:
        token = tokens[index]
        if not token.is_word:
            if token.low in ("'s", "’s") or token.text in "&":
                index += 1
                continue
            break
        low = token.low
        if index > start and _ends_forward(tokens, index, start):
            break
        if low in ("'s", "’s"):
            index += 1
            continue
        index += 1
        words += 1
    return index


def _ends_forward(tokens: list[Token], index: int, start: int) -> bool:
    token, previous = tokens[index], tokens[index - 1]
    low = token.low
    if low in SUBORDINATORS or low in RELATIVES or low in AUXILIARIES or low in BE:
        return True
    if low in SUBJECT_PRONOUNS and low != "i":
        return True  # a pronoun starts the next clause ("told the court he was ...")
    if low in ADVERBS and not token.is_capital:
        return True  # "he also confirmed", "the company later said"
    if low in NEGATIONS or low in IRREGULAR_PAST:
        return True
    if low in VERB_FORMS and not token.is_capital:
        # A verb ends the phrase; after "a", "the", "of" the same word is a noun ("a report").
        return previous.low not in DETERMINERS and previous.low not in JOIN_BEFORE_NOUN
    if is_time(tokens, index) or low in ("last", "earlier", "this", "later", "yesterday"):
        return True
    if low in ("and", "or", "&"):
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        return (
            after is None
            or not after.is_word
            or after.low in VERB_FORMS
            or (after.low in AUXILIARIES or after.low in BE or after.low in SUBJECT_PRONOUNS)
        )
    if (previous.is_capital or noun_class(previous.low)) and verb_like(token):
        return True  # "Jamal Williams faces ...", "the statement expresses ...": the verb
    if not token.is_capital and low not in DETERMINERS and len(low) > 2 and low.isalpha():
        if low in ("in", "on", "to", "during", "about", "over", "after", "before"):
            return True
        if _PARTICIPLE.match(low) and _nounish(previous):
            return True  # "officials speaking on condition of anonymity"
    if low in ("in", "on", "to") or (low == "by" and noun_class(previous.low) != DOCUMENT):
        return True  # but "a report by the Associated Press" names its issuer
    prior = previous.low
    # A second determiner after a noun starts a new phrase ("according to police the man").
    return low in DETERMINERS and prior not in DETERMINERS and prior not in JOIN_BEFORE_NOUN


_FUNCTION_WORDS = (
    DETERMINERS
    | SUBORDINATORS
    | SUBJECT_PRONOUNS
    | NP_PREPOSITIONS
    | OTHER_PREPOSITIONS
    | frozenset("then now so still yet here there also instead meanwhile however".split())
)


def phrase(tokens: list[Token], start: int, end: int, *, sentence_start: int = 0) -> Phrase | None:
    """Read tokens ``start:end`` as a source: its name, head and kind; None if no noun phrase."""
    words = [t for t in tokens[start:end] if t.is_word]
    if not words:
        return None
    if len(words) == 1 and words[0].low in SUBJECT_PRONOUNS | {"one"}:
        return Phrase(start, end, None, words[0].low, None, pronoun=True)
    core_end = _core_end(tokens, start, end)
    core = tokens[start:core_end]
    core_words = [t for t in core if t.is_word and t.low not in ("'s", "’s")]
    if not core_words or core_words[-1].low in DETERMINERS | SUBJECT_PRONOUNS:
        return None
    last = core_words[-1]
    if last.low in ("who", "which", "what", "this", "that", "there", "here", "nobody", "none"):
        return None
    if not last.is_capital and (_PARTICIPLE.match(last.low) or last.low.endswith("ly")):
        return None
    name = _name(core, sentence_start == start)
    head = name.split()[-1] if name else last.low
    kind = _name_kind(core, name) if name else noun_class(last.low)
    return Phrase(start, end, name, head, kind)


def verb_like(token: Token) -> bool:
    """A lower-case verb form: an irregular past ("ran"), or an "-s" or "-ed" word that is no
    known noun ("faces", "pulled")."""
    low = token.low
    if not token.text.islower():
        return False
    if low in IRREGULAR_PAST:
        return True
    if not low.endswith(("s", "ed")) or low.endswith("ss"):
        return False
    return noun_class(low) is None and low not in JOIN_BEFORE_NOUN


def _core_end(tokens: list[Token], start: int, end: int) -> int:
    """Where the pre-modified head ends: before "of/from/at ..." unless between capitals."""
    for index in range(start + 1, end):
        token = tokens[index]
        low = token.low
        joined = (
            low in NAME_JOINERS
            and tokens[index - 1].is_capital
            and index + 1 < end
            and tokens[index + 1].is_capital
        )
        if joined:
            continue
        if low in ("of", "from", "at", "for", "with", "in", "on", "acting", "who", "which"):
            return index
        if not token.is_capital and _PARTICIPLE.match(low) and _nounish(tokens[index - 1]):
            return index  # "the lawyer acting for the officer"
    return end


def _nounish(token: Token) -> bool:
    """A word that can end a noun phrase: a capitalised word or a noun, not a determiner."""
    if token.low in DETERMINERS or not token.is_word:
        return False
    return token.is_capital or noun_class(token.low) is not None


def _name(core: list[Token], at_sentence_start: bool) -> str | None:
    """The capitalised run that ends the phrase, titles and a leading "The" left out; of
    sources joined by "and" ("Zadan and Meron"), the first."""
    joined = [i for i, t in enumerate(core) if t.low == "and" and 0 < i < len(core) - 1]
    # "Zadan and Meron" are two; "Trade and Industry Ministry" is one body.
    one_body = listed_class(core[-1].low) in (BODY, GROUP, MEDIUM)
    if joined and core[joined[0] - 1].is_capital and core[joined[0] + 1].is_capital:
        core = core if one_body else core[: joined[0]]
    run: list[Token] = []
    for token in reversed(core):
        if token.is_capital or (run and token.low in NAME_JOINERS and token.low != "and"):
            run.append(token)
        elif token.is_quote and not run:
            continue
        else:
            break
    run.reverse()
    while run and run[0].low in NAME_JOINERS:
        run.pop(0)
    if not run or run[-1].low in _TITLE_WORDS:
        return None  # "Defense Minister" is a post, not a name
    # A sentence-initial capital on a common word ("Reports", "Deputies", "Then") is no name.
    common = noun_class(run[0].low) is not None or run[0].low in _FUNCTION_WORDS
    if len(run) == 1 and core[0] is run[0] and at_sentence_start and common:
        return None
    # Titles and job words before the name go ("Troy Police Chief Charles Craft").
    cut = 0
    for position, token in enumerate(run[:-1]):
        if token.low in _TITLE_WORDS:
            cut = position + 1
    run = run[cut:]
    if run and run[0].low == "the" and len(run) > 1:
        run = run[1:]
    text = " ".join(t.text for t in run) if run else None
    if text and len(run) == 1 and run[0].low in ("police", "authorities"):
        return None
    return text


def _name_kind(core: list[Token], name: str) -> str | None:
    """What a name is, from the noun before it ("broadcaster Suspilne") or its last word."""
    last = name.split()[-1]
    if is_outlet_name(name):
        return MEDIUM
    before = [t for t in core if t.is_word and not t.is_capital and t.low not in ("'s", "’s")]
    described = noun_class(before[-1].low) if before else None
    if described is not None:
        return described
    own = noun_class(last)
    if own in (BODY, GROUP, MEDIUM) or (last.isupper() and len(last) > 1):
        return own or BODY
    if any(t.low in _TITLE_WORDS for t in core):
        return PERSON
    return None
