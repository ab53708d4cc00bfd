"""A sentence read for attribution: its chain of links and the names it offers later pronouns."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from reader.core.provenance.attribution._anaphors import POSSESSIVES, anaphor_kind
from reader.core.provenance.attribution._clauses import clause_subject, phrase_after
from reader.core.provenance.attribution._events import Event, find_events
from reader.core.provenance.attribution._model import Source
from reader.core.provenance.attribution._nouns import (
    BODY,
    GROUP,
    MEDIUM,
    PERSON,
    is_plural,
    listed_class,
    noun_class,
)
from reader.core.provenance.attribution._phrases import Phrase, phrase
from reader.core.provenance.attribution._tokens import DETERMINERS, Token, is_time, tokenize
from reader.core.provenance.attribution._verbs import VERB_FORMS

# A sentence with none of these words reports nothing; a set lookup per word is 20 times faster
# than one pattern of every verb form.
_CUES = frozenset(VERB_FORMS) | {"according", "citing", "quoting", "cited", "quoted"}
_LOWER_WORD = re.compile(r"[a-z]+")
_FEMALE = frozenset(
    "spokeswoman woman actress mother wife daughter sister chairwoman congresswoman "
    "businesswoman mrs. ms. miss girl queen princess widow aunt grandmother girlfriend "
    "fiancée mum mom lady she".split()
)
_MALE = frozenset(
    "spokesman man father husband son brother chairman congressman businessman mr. boy king "
    "prince widower uncle grandfather boyfriend dad he".split()
)
_WORD = re.compile(r"[A-Za-z]{4,}")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    """One link as read from its sentence, with what resolving it needs."""

    role: str
    text: str
    name: str | None
    pronoun: str | None  # "he", "she", "they", "it", ... when the link is one
    anaphor: str | None  # MEDIUM or BODY: "the broadcaster", "the company" point back
    kind: str | None = None
    plural: bool = False
    # "he", "she", "it" or "they" when a possessive names whose the source is: "her rep".
    possessor: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A name a sentence offers to the pronouns and descriptions after it."""

    name: str
    kind: str | None
    plural: bool
    gender: str | None
    named: bool = True
    # A lone capitalised word opening the sentence may be a common noun ("Gunfire erupted"):
    # a pronoun may take it, a description that needs a body or an outlet may not.
    uncertain: bool = False


@lru_cache(maxsize=16384)
def read_links(text: str) -> tuple[Link, ...]:
    """The chain of links a sentence states, outermost first."""
    if _CUES.isdisjoint(_LOWER_WORD.findall(text.lower())) or _headline(text):
        return ()
    tokens = tokenize(text)
    chain: list[Link] = []
    keys: set[str] = set()
    for event in _ordered(find_events(tokens)):
        for role, found in [*event.links, *event.cited]:
            link = _link(text, tokens, role, found)
            key = Source(link.text, link.name, role).key
            if link.text and key not in keys:
                keys.add(key)
                chain.append(link)
    return tuple(chain)


def _ordered(events: list[Event]) -> list[Event]:
    """Outermost first: "according to" relays, then the clause that tags the sentence (else the
    first), then the reports inside what it reports. A clause of its own after "and" or "but"
    is a second, separate source: left out, as the first in text order speaks for the claim."""
    according = [e for e in events if e.according]
    verbs = [e for e in events if not e.according]
    if not verbs:
        return according
    tags = [e for e in verbs if e.tag]
    matrix = tags[-1] if tags else verbs[0]
    rest = [e for e in verbs if e is not matrix and not e.independent]
    return [*according, matrix, *rest]


def _link(text: str, tokens: list[Token], role: str, found: Phrase) -> Link:
    end = found.end
    while end - 1 > found.start and (not tokens[end - 1].is_word or is_time(tokens, end - 1)):
        end -= 1  # trailing marks and time words ("reports last week")
    written = text[tokens[found.start].start : tokens[end - 1].end].strip(" ,;:“”\"'‘’")
    if found.pronoun:
        return Link(role, written, None, found.head, None)
    plural = found.name is None and is_plural(found.head)
    possessor = POSSESSIVES.get(written.split(" ", 1)[0].casefold()) if found.name is None else None
    return Link(
        role, written, found.name, None, anaphor_kind(tokens, found), found.kind, plural, possessor
    )


@lru_cache(maxsize=16384)
def mentions(text: str) -> tuple[Mention, ...]:
    """Named sources of the sentence, then its subject and the subject's possessor."""
    found: list[Mention] = []
    tokens = tokenize(text)
    for link in read_links(text):
        if link.pronoun is not None or link.anaphor is not None:
            continue  # it stands for a name told before, which is nearer to hand there
        kind = link.kind
        if link.role == "relay" and not (link.name and _is_body_name(link.name)):
            kind = MEDIUM
        found.append(_mention(link.name or link.text, kind, link.text, link.plural, link.name))
    subject = _subject(tokens)
    if subject is not None and not subject.pronoun:
        written = text[tokens[subject.start].start : tokens[subject.end - 1].end]
        plural = subject.name is None and is_plural(subject.head)
        if subject.name or subject.kind in (PERSON, GROUP):
            name = subject.name or written
            mention = _mention(name, subject.kind, written, plural, subject.name)
            if subject.start == 0 and subject.end == 1 and subject.kind is None:
                mention = replace(mention, uncertain=True)
            found.append(mention)
        found.extend(_possessors(tokens, subject))
    return tuple(found)


def _is_body_name(name: str) -> bool:
    return listed_class(name.split()[-1]) in (BODY, GROUP)


def _subject(tokens: list[Token]) -> Phrase | None:
    """The sentence's subject: its first phrase (with an apposed name), when a verb follows."""
    if not tokens:
        return None
    run = 0
    while run < len(tokens) and tokens[run].is_capital:
        run += 1
    # "Ana Ruiz spoke ...": the name, then its verb (not "Bank of ...", "the ...").
    follows = tokens[run] if 0 < run < len(tokens) else None
    if follows is not None and _verb_after_name(follows):
        return phrase(tokens, 0, run)
    found = phrase_after(tokens, 0, sentence_start=0)
    end = found.end if found is not None else 0
    end += 1 if end < len(tokens) and tokens[end].text == "," and found and found.name else 0
    if found is not None and end < len(tokens):
        after = tokens[end]
        if after.is_word and after.text.islower() and after.low not in DETERMINERS:
            return found
    return clause_subject(tokens, len(tokens))


def _verb_after_name(token: Token) -> bool:
    if not token.text.islower() or noun_class(token.low) is not None:
        return False
    return token.low not in DETERMINERS and token.low not in ("of", "and", "&", "for")


def _possessors(tokens: list[Token], subject: Phrase) -> list[Mention]:
    """ "Microsoft's Fix It patch": Microsoft is there to be referred to."""
    found = []
    for index in range(subject.start + 1, subject.end):
        if tokens[index].low in ("'s", "’s") and tokens[index - 1].is_capital:
            found.append(Mention(tokens[index - 1].text, None, False, None))
    return found


def _mention(name: str, kind: str | None, written: str, plural: bool, named: str | None) -> Mention:
    # A capitalised word is part of a name ("Larry King"), not a word for a man or a woman.
    words = {w.casefold() for w in written.split() if w.islower() or w.endswith(".")}
    gender = "female" if words & _FEMALE else "male" if words & _MALE else None
    plural = plural or kind == GROUP or " and " in name or " & " in name
    if kind is None and gender is not None:
        kind = PERSON
    return Mention(_ARTICLE.sub("", name), kind, plural, gender, named is not None)


def _headline(text: str) -> bool:
    """A headline capitalises nearly every word: it states, it does not attribute."""
    words = _WORD.findall(text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)
