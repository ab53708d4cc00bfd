"""Rare names that the reports of one story spell differently, found by rapidfuzz similarity
("Zelensky", "Zelenskyy", "Zelenskiy"; "al-Qaeda", "al Qaida"), and a people's name folded to
its place's ("Ukrainian" to "Ukraine")."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from reader.core.matching._features import PassageFeatures
from reader.core.matching.words import normal_word

# Spelling variants: rapidfuzz's normalised Indel similarity (fuzz.ratio) of two rare names of
# one story, both at least this long, sharing their first letter, never both in one document
# (an outlet spells a name one way). Measured on the ECB+ dev stories (docs/matching.md).
VARIANT_SCORE = 88.0
VARIANT_LENGTH = 5
# Transliterations differ by more than a letter in a short name ("Qaeda" / "Qaida": 80): a
# lower similarity is enough when both follow the same word inside a name ("al", "Ilene"), the
# context that tells a spelling of one name from another name ("Clark" / "Clerk": 80).
CONTEXT_VARIANT_SCORE = 75.0
# A name is capitalised wherever it is written: at least this share of the passages that hold
# the token hold it capitalised ("Director" in a headline is the word "director").
VARIANT_CAPITALISED = 0.5
# The particles of transliterated names, written in lower case before the name they belong to.
_PARTICLES = "al|el|ad|an|ar|as|at|bin|ibn|abu|abd|bint|van|von|de|da|di|du|del|della|der|la|le"
# A capitalised word after another word of its name: "Jong Un", "al-Qaeda", "Ilene Wolff".
_IN_NAME = re.compile(rf"\b([A-Z][\w'’]*|(?:{_PARTICLES}))[ -]([A-Z][\w'’]+)")
# A people's name made from its place's, as (ending, what the place's name ends with instead):
# Ukrain-ian / Ukrain-e, Canad-ian / Canad-a, Iran-ian / Iran, Korea-n, Yemen-i, Chin-ese / -a.
_DEMONYM_ENDINGS = (
    ("ian", "a"),
    ("ian", "e"),
    ("ian", ""),
    ("an", "a"),
    ("i", ""),
    ("ese", ""),
    ("ese", "a"),
)
# A place's name this short is too often a word ("Sea" and "Sean", "War" and "Warn").
DEMONYM_PLACE_LENGTH = 4
_NONE: frozenset[str] = frozenset()


def spelling_variants(
    features: Sequence[PassageFeatures],
    written: Counter[str] | None = None,
    contexts: dict[str, frozenset[str]] | None = None,
) -> dict[str, str]:
    """Rare names of one story that are spellings of one another, each to the most used one;
    ``written`` counts the passages that hold each token, if known, and ``contexts`` are the
    words each name follows inside a name (``name_contexts``)."""
    uses: Counter[str] = Counter()
    if written is None:
        written = Counter()
        for feature in features:
            written.update(feature.content)
    documents: defaultdict[str, set[int]] = defaultdict(set)
    for feature in features:
        for name in feature.names:
            if len(name) >= VARIANT_LENGTH and name.isalpha():
                uses[name] += 1
                documents[name].add(feature.doc)
    by_letter: defaultdict[str, list[str]] = defaultdict(list)
    for name in sorted(uses):
        if uses[name] >= VARIANT_CAPITALISED * written[name]:
            by_letter[name[0]].append(name)
    contexts = contexts or {}
    cutoff = CONTEXT_VARIANT_SCORE if contexts else VARIANT_SCORE
    kept: dict[str, str] = {}
    for names in by_letter.values():
        if len(names) < 2:
            continue
        scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=cutoff)
        for i, j in zip(*scores.nonzero(), strict=True):
            a, b = names[int(i)], names[int(j)]
            if a >= b or documents[a] & documents[b] or _other_word(a, b):
                continue
            if scores[i, j] < VARIANT_SCORE and not (
                contexts.get(a, _NONE) & contexts.get(b, _NONE)
            ):
                continue
            # The more used spelling stays; on a tie, the first in alphabetical order.
            keep, drop = (a, b) if (-uses[a], a) <= (-uses[b], b) else (b, a)
            kept.setdefault(drop, keep)
    # Chains (a -> b -> c) end at the last spelling kept.
    for drop in list(kept):
        seen = {drop}
        while kept[drop] in kept and kept[drop] not in seen:
            seen.add(kept[drop])
            kept[drop] = kept[kept[drop]]
    return kept


def name_contexts(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """The words each capitalised word follows inside a name, normalised: "qaeda" -> {"al"}."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    for text in texts:
        for match in _IN_NAME.finditer(text):
            found[normal_word(match.group(2))].add(normal_word(match.group(1)))
    return {word: frozenset(before) for word, before in found.items()}


def demonyms(features: Sequence[PassageFeatures]) -> dict[str, str]:
    """A people's name to its place's, where the story writes both as names: "ukrainian" ->
    "ukraine", "korean" -> "korea". "Russian forces" and "Russia's forces" are one claim."""
    names: set[str] = set()
    for feature in features:
        names.update(feature.names)
    found: dict[str, str] = {}
    for name in sorted(names):
        for ending, place_ending in _DEMONYM_ENDINGS:
            if not name.endswith(ending):
                continue
            place = name[: -len(ending)] + place_ending
            if len(place) >= DEMONYM_PLACE_LENGTH and place != name and place in names:
                found[name] = place
                break
    return found


def _other_word(a: str, b: str) -> bool:
    """Whether the longer of two names only adds an ending to the shorter one ("Harris" /
    "Harrison", "Somali" / "Somalia"): another word, unless it doubles the last letter."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long != short + short[-1]
