"""Outlets: names of publications and broadcasters, and the outlet a speaker "told"."""

from __future__ import annotations

import re

from reader.core.provenance.attribution._nouns import MEDIUM, noun_class
from reader.core.provenance.attribution._tokens import (
    ADVERBS,
    DETERMINERS,
    JOIN_BEFORE_NOUN,
    NAME_JOINERS,
    RELATIVES,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    Token,
)

# The last word of a publication's or broadcaster's name.
_MEDIA_TAILS = frozenset(
    "times post news journal herald tribune telegraph guardian independent gazette sun mirror "
    "express observer chronicle standard inquirer courier press record register daily weekly "
    "magazine tv radio network channel wire agency today bulletin dispatch examiner globe mail "
    "sentinel review reporter monitor insider online fm broadcasting television live tonight".split()
)

# Outlets known by a one-word name; a capitalised common noun after "told" is a title ("People").
_OUTLETS = frozenset(
    "reuters bloomberg ap afp cnn bbc nbc abc cbs npr pbs msnbc cnbc itv cbc fox sky xinhua "
    "yonhap interfax tass ria irna kcna dpa ansa efe kyodo politico axios newsweek variety "
    "people time forbes fortune billboard deadline tmz ukrinform".split()
)

_CALL_SIGN = re.compile(r"^[KW][A-Z]{2,3}(?:-(?:TV|FM|AM))?$")  # US broadcasters: WCCO-TV

# Hearers that publish nothing: "told reporters", "told local media".
_AUDIENCES = frozenset("media press reporters journalists".split())


def _modified_by(token: Token) -> bool:
    """A lower-case content word: the noun before it was a modifier, not the head."""
    low = token.low
    if not token.is_word or not token.text.islower() or low.endswith("ly"):
        return False
    closed = SUBORDINATORS | RELATIVES | SUBJECT_PRONOUNS | ADVERBS | JOIN_BEFORE_NOUN
    return low not in closed and low not in ("during", "last", "this", "about", "exclusively")


def is_outlet_name(name: str) -> bool:
    """A publication's or broadcaster's name ("The Kyiv Independent", "dpa", "5News")."""
    words = name.replace("-", " ").split()
    if not words:
        return False
    last = words[-1].casefold().strip(".”“\"'")
    if len(words) == 1 and (name.casefold() in _OUTLETS or _CALL_SIGN.match(name)):
        return True
    if any(c.isdigit() for c in name) and any(c.isalpha() for c in name):
        return True
    return len(words) > 1 and last in _MEDIA_TAILS


def outlet_after(tokens: list[Token], start: int) -> int | None:
    """Where an outlet named at ``start`` ends ("the Times", "CNN's “Larry King Live”", "the
    magazine", "5News"); None when the words there name no outlet."""
    index = start + 1 if start < len(tokens) and tokens[start].low in DETERMINERS else start
    end = index
    while end < len(tokens):
        token = tokens[end]
        joined = (
            token.low in NAME_JOINERS
            and end > index
            and end + 1 < len(tokens)
            and tokens[end + 1].is_capital
        )
        if (
            token.is_capital
            or joined
            or (end > index and (token.is_quote or token.low in ("'s", "’s")))
        ):
            end += 1
        else:
            break
    if end > index:
        chunks = " ".join(t.text if t.is_word else "|" for t in tokens[index:end]).split("|")
        if any(is_outlet_name(chunk.strip()) for chunk in chunks if chunk.strip()):
            return end
        # "the Times", "The News": a title that is a newspaper's word.
        if index > start and end - index == 1 and tokens[index].low in _MEDIA_TAILS:
            return end
        return None
    # "told the magazine", "told the French newspaper": an outlet described.
    for probe in range(index, min(index + 3, len(tokens))):
        low = tokens[probe].low
        if not tokens[probe].is_word:
            break
        if low in _OUTLETS or (any(c.isdigit() for c in low) and any(c.isalpha() for c in low)):
            return probe + 1
        if noun_class(low) == MEDIUM and low not in _AUDIENCES and probe > start:
            following = tokens[probe + 1] if probe + 1 < len(tokens) else None
            if following is not None and _modified_by(following):
                return None  # "a news conference": the medium word only modifies the head
            return probe + 1
    return None
