"""Who a reporting verb's subject is: the phrase before it, past appositions, relative clauses,
parentheses and adverbs, or the phrase after it when the tag is inverted ("..., said Fogels")."""

from __future__ import annotations

from reader.core.provenance.attribution._nouns import MEDIUM, noun_class
from reader.core.provenance.attribution._phrases import Phrase, phrase, verb_like
from reader.core.provenance.attribution._tokens import (
    ADVERBS,
    AUXILIARIES,
    BE,
    DETERMINERS,
    NEGATIONS,
    NP_PREPOSITIONS,
    OTHER_PREPOSITIONS,
    RELATIVES,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    Token,
    is_time,
)
from reader.core.provenance.attribution._verbs import NOUN_LIKE, VERB_FORMS

MAX_SUBJECT_WORDS = 12
# A word before a comma-bounded aside that is no phrase of its own ("Smith, however, said").
_ASIDE_WORDS = frozenset("however too meanwhile though also instead separately".split())
# Adjectives that follow their noun with a complement: "sources close to the inquiry".
_POSTNOMINAL_ADJECTIVES = frozenset(
    "close familiar loyal near opposed linked connected related aligned sympathetic".split()
)


def skip_back(tokens: list[Token], verb: int) -> tuple[int, bool, bool]:
    """The index before a verb's auxiliaries, adverbs and time words; whether they negate it
    and whether they make it passive ("were reported")."""
    index, negated, passive = verb - 1, False, False
    while index >= 0:
        token, low = tokens[index], tokens[index].low
        if low in BE or (
            low in ("'s", "’s") and index and tokens[index - 1].low in SUBJECT_PRONOUNS
        ):
            passive = True
        elif low in NEGATIONS:
            negated = True
        elif token.text == ")":
            opening = _opening(tokens, index)
            if opening is None:
                break
            index = opening
        elif not (
            low in AUXILIARIES
            or low in ADVERBS
            or low in ("both", "all", "each")  # "the mayor and the governor both said"
            or (token.text.islower() and low.endswith("ly") and len(low) > 4)
            or is_time(tokens, index)
            or low in ("last", "this", "earlier", "later", "next")
            or (
                low in ("in", "on", "at", "during")
                and index + 1 < verb
                and is_time(tokens, index + 1)
            )
        ):
            break
        index -= 1
    return index, negated, passive


def _opening(tokens: list[Token], closing: int) -> int | None:
    for index in range(closing - 1, max(-1, closing - 12), -1):
        if tokens[index].text == "(":
            return index
    return None


def subject_before(tokens: list[Token], end: int) -> tuple[Phrase | None, Phrase | None]:
    """The subject phrase ending at token ``end`` (inclusive), and the outlet it was "cited
    by" or "quoted by" if the phrase says so."""
    index = end
    while index >= 0:
        token, low = tokens[index], tokens[index].low
        if token.text == ")":
            opening = _opening(tokens, index)
            if opening is None:
                break
            index = opening - 1
            continue
        if not token.is_word and low not in ("'s", "’s", "&"):
            break
        if low in RELATIVES and index < end and _relative_clause(tokens, index):
            # "A woman who lives across the street told ...": the antecedent spoke.
            return subject_before(tokens, index - 1)
        if low in SUBORDINATORS or low in RELATIVES or low in AUXILIARIES or low in BE:
            break
        if low in NEGATIONS or (
            low in VERB_FORMS and low not in NOUN_LIKE and token.text.islower()
        ):
            break
        if low in SUBJECT_PRONOUNS and index < end:
            index += 1  # "she heard someone say": the pronoun and its verb are another clause
            break
        if low in ("and", "or") and not _joins_names(tokens, index):
            break
        if low in OTHER_PREPOSITIONS:
            participle = tokens[index - 1] if index else None
            if low == "by" and participle is not None and participle.low.endswith("ed"):
                # "sources cited by the broadcaster", "a report obtained by the Herald": the
                # phrase before is the subject; an outlet after "by" carried it.
                agent = _clean(tokens, index + 1, end)
                inner, _ = subject_before(tokens, index - 2)
                carried = participle.low in ("cited", "quoted") or (
                    agent is not None and agent.kind == MEDIUM
                )
                return inner, agent if carried else None
            if index and tokens[index - 1].low in _POSTNOMINAL_ADJECTIVES:
                index -= 2  # "sources close to the investigation"
                continue
            relative = _relative_before(tokens, index)
            if relative is not None:
                return subject_before(tokens, relative - 1)
            break
        index -= 1
    if index >= 0 and tokens[index].text == "," and _coordinated_list(tokens, index + 1, end):
        index = _list_start(tokens, index)
    return _clean(tokens, index + 1, end), None


def _coordinated_list(tokens: list[Token], start: int, end: int) -> bool:
    """The phrase is the last items of a list ("Ann Wu and Raj Patel" after "Tom Hale,")."""
    return any(t.low in ("and", "or") for t in tokens[start : end + 1])


def _list_start(tokens: list[Token], comma: int) -> int:
    """Back over the list's earlier items, each a short name or noun phrase after a comma."""
    while comma >= 0 and tokens[comma].text == ",":
        index = comma - 1
        while index >= 0 and tokens[index].is_word and comma - index <= 4:
            index -= 1
        item = tokens[index + 1 : comma]
        if not item or not (item[0].is_capital or item[0].low in DETERMINERS):
            return comma
        if index >= 0 and tokens[index].is_word:
            return comma  # a longer stretch: a clause, not a list item
        comma = index
    return comma


def _relative_clause(tokens: list[Token], relative: int) -> bool:
    """ "who lives ...", "that runs ...": a relative clause, not a "that" before a subject."""
    after = tokens[relative + 1]
    if after.low in SUBJECT_PRONOUNS or after.low in DETERMINERS or after.is_capital:
        return False  # "the man who they say ...": the clause has a subject of its own
    if tokens[relative].low != "that":
        return True
    before = tokens[relative - 1] if relative else None
    if before is None or not before.is_word or before.low in VERB_FORMS or before.low in BE:
        return False  # "said that ...", ", that ...": a clause follows, with its own subject
    return after.text.islower() and after.low not in DETERMINERS and noun_class(after.low) is None


def _relative_before(tokens: list[Token], index: int) -> int | None:
    """The relative pronoun opening the clause that holds token ``index``, if no mark or
    clause word comes between ("who lives across the street" ending in a preposition)."""
    for position in range(index - 1, max(-1, index - 16), -1):
        token = tokens[position]
        if not token.is_word or token.low in SUBORDINATORS - RELATIVES:
            return None
        if token.low in RELATIVES:
            return position if position > 0 and _relative_clause(tokens, position) else None
    return None


def _joins_names(tokens: list[Token], index: int) -> bool:
    """An "and" inside a subject ("Locke and Salazar", "officials and witnesses")."""
    if index == 0 or index + 1 >= len(tokens):
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    noun_before = before.is_capital or (noun_class(before.low) is not None and before.is_word)
    noun_after = after.is_capital or after.low in DETERMINERS or noun_class(after.low) is not None
    return noun_before and noun_after and after.low not in SUBJECT_PRONOUNS


def _clean(tokens: list[Token], start: int, end: int) -> Phrase | None:
    """The noun phrase in tokens ``start..end``: leading time words and adverbs dropped, and
    a phrase restarted at a determiner that follows a noun ("Earlier this year the star")."""
    while start <= end and (
        tokens[start].low in ADVERBS
        or is_time(tokens, start)
        or tokens[start].low in ("last", "this", "earlier", "later", "in", "on", "at")
        or (tokens[start].text.islower() and tokens[start].low.endswith("ly"))
    ):
        start += 1
    for index in range(end, start, -1):
        low, before = tokens[index].low, tokens[index - 1].low
        if low in DETERMINERS and before not in _JOINING and before not in DETERMINERS:
            start = index
            break
        possessor = index + 1 <= end and tokens[index + 1].low in ("'s", "’s")
        after_noun = before not in _JOINING and before not in DETERMINERS
        if (
            possessor
            and after_noun
            and tokens[index].is_capital
            and tokens[index - 1].text.islower()
        ):
            start = index  # "the same day Gray's autopsy": the possessor opens a phrase
            break
    words = sum(1 for t in tokens[start : end + 1] if t.is_word)
    if start > end or words > MAX_SUBJECT_WORDS:
        return None
    if tokens[start].low in NP_PREPOSITIONS:
        return None
    return phrase(tokens, start, end + 1, sentence_start=0)


_JOINING = frozenset("of from at for with and or & 's ’s both by to in on".split())


def apposed_subject(tokens: list[Token], comma: int) -> Phrase | None:
    """The subject of "X, the company's chief executive, said", "X, who ..., said", "the
    chief, Tom Ross, said": the first comma-bounded piece that is a whole noun phrase (a piece
    ending a clause before it is not), or the name set beside it."""
    pieces: list[tuple[int, int]] = []
    end = comma
    while len(pieces) < 6:
        start = end - 1
        while start >= 0 and (tokens[start].is_word or tokens[start].low in ("'s", "’s", "&")):
            start -= 1
        if start + 1 >= end:
            return None
        pieces.insert(0, (start + 1, end))
        if start < 0 or tokens[start].text not in (",", "—", "–", "--"):
            break
        end = start
    for position, (start, end) in enumerate(pieces):
        head = None if _aside(tokens, start, end) else _whole_phrase(tokens, start, end)
        if head is None:
            continue
        for after_start, after_end in pieces[position + 1 :]:
            if _aside(tokens, after_start, after_end):
                continue
            apposed = phrase(tokens, after_start, after_end)
            if apposed is not None and apposed.name and not head.name:
                # "Her spokesman, Bill McAllister, said": the name, kept with its description.
                kind = head.kind or apposed.kind
                return Phrase(head.start, apposed.end, apposed.name, apposed.head, kind)
            break
        return head
    return None


def _aside(tokens: list[Token], start: int, end: int) -> bool:
    """A piece set off by commas that names no one: a relative clause, a prepositional or
    participle phrase, an age, an adverb ("who ...", "from the ministry", "37", "however")."""
    first = tokens[start]
    if first.low in RELATIVES or first.low in ("whose", "where"):
        return True
    if first.low in NP_PREPOSITIONS or first.low in OTHER_PREPOSITIONS:
        return True
    if first.text.islower() and first.low.endswith(("ing", "ed")) and noun_class(first.low) is None:
        return True  # "speaking at a news conference", "reached by phone"
    if all(t.low.isdigit() for t in tokens[start:end]):
        return True
    return end - start == 1 and (first.low in _ASIDE_WORDS or first.low in ADVERBS)


def _whole_phrase(tokens: list[Token], start: int, end: int) -> Phrase | None:
    """The piece read as one noun phrase, past an opening "But"; None when it ends a clause."""
    found, _ = subject_before(tokens, end - 1)
    if found is None:
        return None
    lead = tokens[start : found.start]
    if not all(t.low in ("but", "and", "so", "yet") or t.low in ADVERBS for t in lead):
        return None
    # "Rescuers pulled two people from the rubble" is a clause, not a phrase.
    if any(verb_like(tokens[i]) and tokens[i - 1].is_word for i in range(found.start + 1, end)):
        return None
    return found
