"""Reporting events in a sentence: each reporting verb, "according to", "citing" and "told X",
with the phrases that name who reported, who published it and whom they cited."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.provenance.attribution._clauses import (
    clause_subject,
    coordinated,
    inverted_subject,
    phrase_after,
)
from reader.core.provenance.attribution._complements import (
    by_agent,
    by_follows,
    hearer_end,
    outlet_spoken_to,
    past_adverbs,
    tags,
    takes_clause,
    tells_a_report,
    verb_at,
)
from reader.core.provenance.attribution._nouns import BODY, DOCUMENT, MEDIUM, is_plural, noun_class
from reader.core.provenance.attribution._phrases import Phrase, phrase
from reader.core.provenance.attribution._subjects import apposed_subject, skip_back, subject_before
from reader.core.provenance.attribution._tokens import (
    AUXILIARIES,
    DETERMINERS,
    NP_PREPOSITIONS,
    OTHER_PREPOSITIONS,
    QUOTES,
    RELATIVES,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    Token,
)
from reader.core.provenance.attribution._verbs import NOUN_LIKE, REPORTED_BY, VERB_FORMS, VerbForm

RELAY, SPEAKER, CITED = "relay", "speaker", "cited"
_PARTICIPLE_LEADS = frozenset(
    {",", ";", ":", "—", "–", "--", "-", "while", "after", "before", "when"}
)


@dataclass
class Event:
    """One act of reporting: its links outermost first and how its clause sits."""

    position: int
    links: list[tuple[str, Phrase]]
    tag: bool = False  # it tags words said before it ("..., police said.")
    independent: bool = False  # a clause of its own after "and"/"but", a second source
    according: bool = False
    cited: list[tuple[str, Phrase]] = field(default_factory=list)


def find_events(tokens: list[Token]) -> list[Event]:
    """Every reporting event of the sentence, in text order."""
    quoted = _inside_quotes(tokens)
    events: list[Event] = []
    cited: list[tuple[int, Phrase]] = []
    for index, token in enumerate(tokens):
        low = token.low
        event: Event | None = None
        if low == "according" and index + 1 < len(tokens) and tokens[index + 1].low == "to":
            event = _according(tokens, index)
        elif low in ("citing", "quoting") or (
            low in ("cited", "quoted") and index and tokens[index - 1].low in ("which", "who")
        ):
            found = phrase_after(tokens, index + 1)
            if found is not None and not found.pronoun:
                cited.append((index, found))
        elif low in VERB_FORMS and token.text[0].islower():
            event = _verb_event(tokens, index, VERB_FORMS[low])
        if event is None:
            continue
        speaker = event.links[-1][1]
        if speaker.pronoun and speaker.head in ("i", "we", "you") and quoted[index]:
            continue  # the quoted speaker talking of themselves
        events.append(event)
    for index, found in cited:
        before = [e for e in events if e.position < index]
        owner = before[-1] if before else next(iter(events), None)
        if owner is not None:
            owner.cited.append((CITED, found))
    return events


def _inside_quotes(tokens: list[Token]) -> list[bool]:
    inside, state = [], False
    for token in tokens:
        if token.text in QUOTES and token.text not in "‘’'`":
            state = not state
        inside.append(state)
    return inside


def _according(tokens: list[Token], index: int) -> Event | None:
    found = phrase_after(tokens, index + 2)
    if found is None or found.pronoun:
        return None
    return Event(index, [(RELAY, found)], according=True)


def _verb_event(tokens: list[Token], verb: int, form: VerbForm) -> Event | None:
    if form.form == "ing":
        return _participle_event(tokens, verb, form)
    before, negated, passive = skip_back(tokens, verb)
    if negated:
        return None
    reduced = by_follows(tokens, verb) and (
        before < 0 or tokens[before].low == "as" or tokens[before].text == ","
    )  # ", as reported by the AP"; not "an article written by her lawyer"
    if form.form in ("past", "participle") and (passive or reduced):
        # "was reported by the AP"; agentless ("Three were reported missing"): no source.
        agent = by_agent(tokens, verb) if form.lemma in REPORTED_BY else None
        return Event(verb, [(SPEAKER, agent)]) if agent is not None else None
    previous = tokens[before].low if before >= 0 else ""
    noun_like = form.lemma in _NOUN_LIKE_LEMMAS and form.form in ("base", "s")
    following = tokens[verb + 1] if verb + 1 < len(tokens) else None
    compound = (
        form.form == "base"
        and following is not None
        and following.text.islower()
        and noun_class(following.low) is not None
    )  # "state television"; but "The Times reports police said ..." is a verb
    if noun_like and (compound or (before >= 0 and not _can_be_subject(tokens[before]))):
        # "the televised show", "mounting reports", "handed down charges", "state television":
        # next to a word that is no noun, or before a bare noun, the form is itself a noun.
        return None
    if (previous in DETERMINERS and previous != "that") or previous in ("'s", "’s"):
        return None  # "the reported offers", "an estimated 200"
    if previous in NP_PREPOSITIONS or previous in OTHER_PREPOSITIONS:
        return None  # "on state loans", "to admit": no verb follows a preposition with its subject
    return _finite_event(tokens, verb, form, before)


def _finite_event(tokens: list[Token], verb: int, form: VerbForm, before: int) -> Event | None:
    subject: Phrase | None = None
    relay: Phrase | None = None
    inverted = False
    # "told" always has its hearer after it: "X, 37, told the court" is never inverted.
    mark = before < 0 or not tokens[before].is_word
    if mark and form.lemma != "tell":
        subject = inverted_subject(tokens, verb)
        inverted = subject is not None
    if subject is None and before >= 0:
        token = tokens[before]
        if token.text in (",", "—", "–", "--"):
            subject = apposed_subject(tokens, before)
        elif token.low in ("and", "but"):
            # "He denied the charges but said ...": the verb shares the clause's subject.
            subject = clause_subject(tokens, before, nearest=True)
        elif token.low in RELATIVES:
            # "reports that said ...", "a report which concluded ...": the antecedent reports.
            end = before - 1 if before and tokens[before - 1].text != "," else before - 2
            subject, relay = subject_before(tokens, end)
        elif token.is_word or token.low in ("'s", "’s"):
            subject, relay = subject_before(tokens, before)
    if subject is None or not _fits(subject, form):
        return None
    if not inverted and subject.start > 0 and tokens[subject.start - 1].low in AUXILIARIES:
        return None  # "Did I say that right?": a question reports nothing
    after = subject.end if inverted else verb + 1
    # A tag follows what it reports: "..., police said", not "The Jays answered, as ...".
    reported_before = subject.start > 0 and (
        tokens[subject.start - 1].text in (",", "—", "–", "--")
        or tokens[subject.start - 1].is_quote
    )
    tag = inverted or (reported_before and tags(tokens, verb, form, after))
    if form.clausal and not tag and not takes_clause(tokens, verb, form):
        return None
    if form.lemma in _NOUN_LIKE_LEMMAS and form.form in ("base", "s") and not tag:
        following = past_adverbs(tokens, verb + 1)
        ends = following >= len(tokens) or tokens[following].text in (".", ";", ")", "?", "!")
        if ends or verb_at(tokens, following):
            return None  # "faces DUI charges.", "the Soviet state has seen": the noun
    if form.lemma == "tell" and not tells_a_report(tokens, hearer_end(tokens, verb)):
        return None
    links: list[tuple[str, Phrase]] = [(SPEAKER, subject)]
    if relay is not None:
        links.insert(0, (RELAY, relay))
    outlet = outlet_spoken_to(tokens, verb, form, after, subject)
    if outlet is not None:
        links.insert(0, (RELAY, outlet))
    independent = not inverted and coordinated(tokens, subject.start)
    return Event(verb, links, tag=tag, independent=independent)


def _can_be_subject(token: Token) -> bool:
    """A word that can end a subject: a capital, a pronoun, a noun or a relative pronoun."""
    if not token.is_word or token.is_capital or token.low in SUBJECT_PRONOUNS:
        return True
    return noun_class(token.low) is not None or token.low in RELATIVES


def _fits(subject: Phrase, form: VerbForm) -> bool:
    """Whether this subject can be a source of this verb."""
    if subject.pronoun:
        return subject.head != "it" or not form.evidential
    if form.evidential and subject.name is None and subject.kind is None:
        return False  # "the move indicates ..."
    if form.form == "s" and form.lemma in _NOUN_LIKE_LEMMAS:
        # "mounting reports that ...": as a verb it needs a singular named or body subject.
        return subject.name is not None or (
            subject.kind in (BODY, MEDIUM, DOCUMENT) and not is_plural(subject.head)
        )
    return True


_NOUN_LIKE_LEMMAS = frozenset(VERB_FORMS[word].lemma for word in NOUN_LIKE)


def _participle_event(tokens: list[Token], verb: int, form: VerbForm) -> Event | None:
    """ "..., saying ...", "X was quoted as saying ...", "is saying"."""
    before, negated, progressive = skip_back(tokens, verb)
    if negated or before < 0:
        return None
    if progressive:  # "witnesses are saying ..."
        return _finite_event(tokens, verb, form, before)
    lead = tokens[before]
    absolute = _with_subject(tokens, verb)
    if absolute is not None:  # "..., with the minister, Kim, warning that ..."
        return Event(verb, [(SPEAKER, absolute)]) if _fits(absolute, form) else None
    if lead.low == "as":
        quoting = _quoting_verb(tokens, before)
        return _quoted_as(tokens, quoting, before) if quoting is not None else None
    if lead.text not in _PARTICIPLE_LEADS and lead.low not in _PARTICIPLE_LEADS:
        return None
    if form.clausal and not takes_clause(tokens, verb, form):
        return None
    subject = clause_subject(tokens, before)
    if subject is None or not _fits(subject, form):
        return None
    return Event(verb, [(SPEAKER, subject)])


def _with_subject(tokens: list[Token], verb: int) -> Phrase | None:
    """The subject of "with X saying ...": the phrase after a "with" that ends at the verb."""
    for index in range(verb - 1, max(-1, verb - 12), -1):
        low = tokens[index].low
        if low in (";", ":") or tokens[index].is_quote or low in SUBORDINATORS:
            return None
        if low == "with":
            # ", with the minister warning ...": only after a mark; "associated with the
            # Mafia, asserting ..." has its subject elsewhere.
            if index and tokens[index - 1].text not in (",", "—", "–", "--"):
                return None
            found = phrase_after(tokens, index + 1)
            if found is None or found.pronoun or (found.name is None and found.kind is None):
                return None
            end = found.end + (1 if found.end < verb and tokens[found.end].text == "," else 0)
            return found if end == verb else None
    return None


def _quoting_verb(tokens: list[Token], as_index: int) -> int | None:
    """The "quoted" of "quoted [X | by Y] as saying", a few words back, no mark between."""
    for index in range(as_index - 1, max(-1, as_index - 16), -1):
        if tokens[index].is_quote or tokens[index].text in (";", ":", "."):
            return None  # commas may set off the quoted one's apposition
        if tokens[index].low in ("quoted", "reported", "cited"):
            return index
    return None


def _quoted_as(tokens: list[Token], verb: int, as_index: int) -> Event | None:
    """ "Hefner was quoted [by Y] as saying": (Y ←) Hefner; "the AP quoted Hefner as saying":
    AP ← Hefner."""
    before, negated, passive = skip_back(tokens, verb)
    if negated or before < 0:
        return None
    if passive:
        subject, _ = subject_before(tokens, before)
        if subject is None:
            return None
        links: list[tuple[str, Phrase]] = [(SPEAKER, subject)]
        agent = by_agent(tokens, verb)
        if agent is not None and agent.end <= as_index:
            links.insert(0, (RELAY, agent))
        return Event(verb, links)
    speaker = phrase(tokens, verb + 1, as_index, sentence_start=-1)
    outlet, _ = subject_before(tokens, before)
    if speaker is None:
        return None
    links = [(SPEAKER, speaker)]
    if outlet is not None:
        links.insert(0, (RELAY, outlet))
    return Event(verb, links)
