"""Rare names that the reports of one story spell differently, found by rapidfuzz similarity:
"Zelensky", "Zelenskyy", "Zelenskiy"; "al-Qaeda", "al Qaida"."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from reader.core.matching._features import PassageFeatures, names_among
from reader.core.matching._weights import passage_counts
from reader.core.matching.words import normal_word

# Spelling variants: rapidfuzz's normalised Indel similarity (fuzz.ratio) of two rare names of
# one story, both at least this long, sharing their first letter, never both in one document
# (an outlet spells a name one way). Measured on the ECB+ dev stories (docs/matching.md).
VARIANT_SCORE = 88.0
VARIANT_LENGTH = 5
# Transliterations differ by more than a letter in a short name ("Qaeda" / "Qaida": 80): that
# is enough after the same particle of a transliterated name ("al-Qaeda" / "al Qaida"). Not after
# any capitalised word: "Santa Clara" / "Santa Clarita", "Ayatollah Khomeini" / "Khamenei" and
# "In Slovakia" / "In Slovenia" are other places and people (docs/matching.md).
CONTEXT_VARIANT_SCORE = 80.0
# The particles of transliterated Arabic names, before the name they belong to: "al-Qaeda",
# "Al Qaida", "bin Laden", "Abu Sayyaf".
# ("an", "as", "at" are English too: "at Stanford" / "at Stamford" are two places.)
_PARTICLES = "al|el|bin|ibn|abu|abd|bint"
_AFTER_PARTICLE = re.compile(rf"\b((?i:{_PARTICLES}))[ -]([A-Z][\w'’]+)")
_NONE: frozenset[str] = frozenset()


def spelling_variants(
    features: Sequence[PassageFeatures],
    written: Counter[str] | None = None,
    texts: Sequence[str] = (),
) -> dict[str, str]:
    """Rare names of one story that are spellings of one another, each to the most used one;
    ``written`` counts the passages that hold each token, if known; ``texts``, the texts of
    the features' documents in document order, tell the particles each name follows (read only
    where a pair needs them)."""
    uses: Counter[str] = Counter()
    if written is None:
        written = passage_counts(features)
    documents: defaultdict[str, set[int]] = defaultdict(set)
    for feature in features:
        for name in feature.names:
            if len(name) >= VARIANT_LENGTH and name.isalpha():
                uses[name] += 1
                documents[name].add(feature.doc)
    by_letter: defaultdict[str, list[str]] = defaultdict(list)
    # Only names: tokens capitalised wherever they are written (_features.names_among).
    for name in sorted(names_among(uses, written)):
        by_letter[name[0]].append(name)
    cutoff = CONTEXT_VARIANT_SCORE if texts else VARIANT_SCORE
    text_of: dict[int, str] = {}  # by document, made when a pair first needs its passages
    holding: dict[str, list[int]] = {}  # made when a pair first needs its passages
    kept: dict[str, str] = {}
    for names in by_letter.values():
        if len(names) < 2:
            continue
        scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=cutoff)
        for i, j in zip(*scores.nonzero(), strict=True):
            a, b = names[int(i)], names[int(j)]
            if a >= b or documents[a] & documents[b] or _other_word(a, b):
                continue
            if scores[i, j] < VARIANT_SCORE:
                if not text_of:
                    told = sorted({feature.doc for feature in features})
                    text_of = dict(zip(told, texts, strict=True))
                    holding = _holders(features, by_letter.values())
                # Only the passages that hold either name: a pass through the texts costs.
                held = [
                    features[position]
                    for position in sorted({*holding.get(a, ()), *holding.get(b, ())})
                ]
                contexts = name_contexts(text_of[f.doc][f.start : f.end] for f in held)
                if not contexts.get(a, _NONE) & contexts.get(b, _NONE):
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


def _holders(
    features: Sequence[PassageFeatures], groups: Iterable[list[str]]
) -> defaultdict[str, list[int]]:
    """The positions of the passages that hold each name of a group of two or more."""
    similar = {name for group in groups if len(group) > 1 for name in group}
    holding: defaultdict[str, list[int]] = defaultdict(list)
    for position, feature in enumerate(features):
        for name in feature.content & similar:
            holding[name].append(position)
    return holding


def name_contexts(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """The particles each capitalised word follows, normalised: "qaeda" -> {"al"}."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    for text in texts:
        for match in _AFTER_PARTICLE.finditer(text):
            found[normal_word(match.group(2))].add(match.group(1).lower())
    return {word: frozenset(before) for word, before in found.items()}


def _other_word(a: str, b: str) -> bool:
    """Whether the longer of two names only adds an ending to the shorter one ("Harris" /
    "Harrison", "Somali" / "Somalia"): another word, unless it doubles the last letter."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long != short + short[-1]
