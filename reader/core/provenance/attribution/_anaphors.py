"""Descriptions that point back ("the broadcaster", "the company") rather than name."""

from __future__ import annotations

from functools import lru_cache

from reader.core.provenance.attribution._nouns import BODY, MEDIUM, is_plural, listed_class
from reader.core.provenance.attribution._phrases import Phrase, phrase
from reader.core.provenance.attribution._tokens import Token, tokenize

# Definite descriptions that name one institution of their own ("the government", "the
# police"), not a body named before.
_INSTITUTIONS = frozenset(
    "government military army navy police authorities administration court parliament "
    "congress senate cabinet kremlin pentagon state city county media press".split()
)


def anaphor_kind(tokens: list[Token], found: Phrase) -> str | None:
    """MEDIUM or BODY when the phrase is "the" + a noun for an outlet or a body and names
    none ("the broadcaster", "the French firm"): it stands for one named before."""
    if found.name is not None or found.pronoun or tokens[found.start].low not in ("the", "this"):
        return None
    kind = listed_class(found.head)
    if kind not in (MEDIUM, BODY) or found.head in _INSTITUTIONS or is_plural(found.head):
        return None
    words = [t.low for t in tokens[found.start : found.end]]
    if any(w in ("of", "from", "at", "for", "with", "'s", "’s") for w in words):
        return None  # "the sheriff's department" says whose it is
    return kind


# Possessive determiners, by the pronoun whose referent owns the source ("her rep").
POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}


@lru_cache(maxsize=4096)
def stands_for_another(text: str) -> bool:
    """The words are a pronoun, a description like "the company" that points back, or a source
    owned by one ("her rep")."""
    if text.split(" ", 1)[0].casefold() in POSSESSIVES:
        return True  # "her rep": whose, the sentences before say
    tokens = tokenize(text)
    found = phrase(tokens, 0, len(tokens), sentence_start=-1)
    return found is not None and (found.pronoun or anaphor_kind(tokens, found) is not None)
