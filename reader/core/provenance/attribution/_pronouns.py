"""Whom "he said" and "the broadcaster" stand for: the nearest earlier name that can be meant."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.provenance.attribution._chain import Link, Mention, mentions
from reader.core.provenance.attribution._nouns import BODY, DOCUMENT, GROUP, MEDIUM, PERSON

_SPEAKING = frozenset({PERSON, None})
_THINGS = frozenset({BODY, MEDIUM, DOCUMENT})


def referent(link: Link, context: Sequence[str], named: bool = False) -> str | None:
    """The name a pronoun or anaphoric link stands for, from the sentences before it (nearest
    last); None when no earlier name agrees with it. ``named``: only a mention by name, for
    whose a source is ("her rep" is Tara Reid's, not "the American Pie star's")."""
    for sentence in reversed(context):
        for mention in mentions(sentence):
            if (mention.named or not named) and _agrees(link, mention):
                return mention.name
    return None


def _agrees(link: Link, mention: Mention) -> bool:
    """Number, gender and kind agree: "he" a man or an unknown person, "they" people, "it" a
    body, outlet or text, "the broadcaster" a named outlet, "the company" a named body."""
    if link.anaphor is not None:
        if not mention.named or mention.plural or mention.uncertain:
            return False
        if link.anaphor == MEDIUM:
            return mention.kind == MEDIUM
        return mention.kind in (BODY, None) and mention.gender is None
    pronoun = link.pronoun
    if pronoun in ("he", "she"):
        wanted = "male" if pronoun == "he" else "female"
        return (
            not mention.plural
            and mention.kind in _SPEAKING
            and mention.gender in (wanted, None)
            and (mention.named or mention.kind == PERSON)
        )
    if pronoun == "they":
        return mention.plural and mention.kind in (PERSON, GROUP, BODY, None)
    if pronoun == "it":
        return (
            not mention.plural
            and mention.named
            and (mention.kind in _THINGS or (mention.kind is None and " " not in mention.name))
        )
    return False
