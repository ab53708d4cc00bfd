"""Names that the reports of one story write differently, made one token each: acronyms defined
in the text ("Advanced Micro Devices (AMD)"), initialisms of names in the story ("HP" or "H-P"
for "Hewlett-Packard"), and spelling or transliteration variants of rare names (_variants.py)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from reader.core.matching._features import PassageFeatures
from reader.core.matching._forms import word_forms
from reader.core.matching._variants import spelling_variants
from reader.core.matching._weights import passage_counts
from reader.core.matching.tokens import IGNORED, tokenize
from reader.core.matching.words import normal_word

# "Long Form (LF)": the acronym in brackets after the words it abbreviates.
_DEFINED = re.compile(r"\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
# A capital that starts a word: "\b[A-Z]" written so that the pattern starts with the capital,
# which lets the regular expression engine skip to the next capital (twice as fast on long texts).
_WORD_CAPITAL = r"[A-Z](?<!\w[A-Z])"
# Runs of capitalised words, joined by spaces or hyphens ("Hewlett-Packard", "Kim Jong Un").
_RUN = re.compile(_WORD_CAPITAL + r"[\w'’]*(?:[ \t-]+(?:(?:of|and|for|the|&)[ \t]+)?[A-Z][\w'’]*)+")
_WORD = re.compile(r"[^\W\d_][\w'’]*")
_JOINERS = frozenset({"of", "and", "for", "the", "&"})
# Written all in capitals, two to five letters, maybe with dots or hyphens ("FBI", "U.S.A.",
# "H-P"). Two letters are too many things at once ("AM", "PM", "AP", "DA") to stand for any name:
# only for a name of two capitalised words joined by a hyphen ("HP" for "Hewlett-Packard", not
# "AP" for any "Associated Press" of the story), or where the text defines them. (Dotted ones,
# "U.S." for "United States", were tried: the first run with those initials can be another name,
# "United Steelworkers" or "Upper Nile"; docs/matching.md.)
_INITIALISM = re.compile(_WORD_CAPITAL + r"(?:[.-]?[A-Z]){1,4}\b\.?")


@dataclass(frozen=True)
class Aliases:
    """Tokens to rewrite: long forms to their acronym, variants to one spelling."""

    expansions: dict[str, frozenset[str]] = field(default_factory=dict)  # acronym -> words
    spellings: dict[str, str] = field(default_factory=dict)  # variant -> kept spelling
    # The later words of names of several words ("Jong", "Un" of "Kim Jong Un"): a name shared
    # is one piece of evidence, however many words it has.
    followers: frozenset[str] = frozenset()
    labels: dict[str, str] = field(default_factory=dict)  # token -> "AMD = Advanced Micro Devices"

    def __bool__(self) -> bool:
        return bool(self.expansions or self.spellings or self.followers)

    def apply(self, feature: PassageFeatures) -> PassageFeatures:
        """The passage with its long forms and variants written as one token each."""
        content, names = feature.content, feature.names
        for acronym, words in self.expansions.items():
            if words <= content:
                content = (content - words) | {acronym}
                names = (names - words) | {acronym} if words & names else names
        if self.spellings and not self.spellings.keys().isdisjoint(content):
            content = frozenset(self.spellings.get(token, token) for token in content)
            names = frozenset(self.spellings.get(token, token) for token in names)
        if content is feature.content and names is feature.names:
            return feature
        return replace(feature, content=content, ordered=tuple(sorted(content)), names=names)


def find_aliases(
    texts: Iterable[str], features: Sequence[PassageFeatures], held: Counter[str] | None = None
) -> Aliases:
    """The aliases of one story: its documents' texts and its passages' features; ``held``
    counts the passages that hold each token (``passage_counts``), if known."""
    expansions: dict[str, frozenset[str]] = {}
    labels: dict[str, str] = {}
    written: dict[str, str] = {}  # initialisms written in capitals, by token
    following: Counter[str] = Counter()
    texts = list(texts)
    for text in texts:
        _count_followers(text, following)
        for acronym, long_form in defined_acronyms(text):
            _add(expansions, labels, acronym, long_form)
        for match in _INITIALISM.finditer(text):
            letters = match.group().replace(".", "").replace("-", "").lower()
            shown = match.group()
            if "." not in shown[:-1]:
                shown = shown.rstrip(".")  # "FBI." ends a sentence; "U.S." keeps its dot
            # "IS", "IT", "US" in a headline in capitals are words, not initialisms.
            if letters not in IGNORED:
                written.setdefault(letters, shown)
    runs = _long_forms(texts, written) if written else {}
    for letters, shown in sorted(written.items()):
        if letters in runs and letters not in expansions:
            _add(expansions, labels, (shown, letters), runs[letters])
    if held is None:
        held = passage_counts(features)
    spellings = spelling_variants(features, held, texts)
    for variant, kept in spellings.items():
        labels[variant] = f"{variant} = {kept}"
    # Uses as a later word of a name, against the passages that hold the word at all.
    followers = frozenset(
        token for token, count in following.items() if count >= FOLLOWER_SHARE * held[token]
    )
    return Aliases(expansions, spellings, followers, labels)


def _long_forms(texts: Iterable[str], written: dict[str, str]) -> dict[str, str]:
    """Capitalised runs of two words or more, by their initials, for the initialisms written."""
    runs: dict[str, str] = {}
    for text in texts:
        for match in _RUN.finditer(text):
            run = match.group()
            # Most runs spell no initialism of the story: find that out from the words alone.
            names = [word for word in _WORD.findall(run) if word.lower() not in _JOINERS]
            firsts = "".join(word[0].lower() for word in names)
            if not any(
                firsts[start:end] in written
                for start in range(len(names) - 1)
                for end in range(start + 2, min(start + 5, len(names)) + 1)
            ):
                continue
            words = [w for w in _WORD.finditer(run) if w.group().lower() not in _JOINERS]
            # Every stretch of two to five words of the run that spells an initialism written
            # in the story: "Former FBI Director" holds none, "Federal Bureau of Investigation"
            # one.
            for start in range(len(words)):
                for end in range(start + 2, min(start + 5, len(words)) + 1):
                    if firsts[start:end] not in written or firsts[start:end] in runs:
                        continue
                    shown = run[words[start].start() : words[end - 1].end()]
                    # An initialism is no long form of itself ("H-P" is a run of two).
                    if all(len(word.group()) == 1 for word in words[start:end]):
                        continue
                    if end - start > 2 or re.fullmatch(r"[^\W\d_]+-[^\W\d_]+", shown):
                        runs[firsts[start:end]] = shown
    return runs


# A word is a later word of a name when its uses after another capitalised word of a name are
# at least this share of the passages that hold it.
FOLLOWER_SHARE = 0.9
# Capitalised words joined by a space or a hyphen: a name's later words follow its first.
_FOLLOWED = re.compile(r"[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)+")
_SEPARATOR = re.compile(r"[ -]")


def _count_followers(text: str, following: Counter[str]) -> None:
    """Count each word's uses as a later word of a capitalised run."""
    later: Counter[str] = Counter()
    for run in _FOLLOWED.findall(text):
        words = _SEPARATOR.split(run)
        # "In Slovakia, ...": a capitalised word opening a sentence is not a name's first.
        start = 1 if normal_word(words[0]) in IGNORED else 0
        later.update(words[start + 1 :])
    for word, count in later.items():
        following[normal_word(word)] += count


def defined_acronyms(text: str) -> list[tuple[str, str]]:
    """Acronyms defined in brackets after their long form: ("AMD", "Advanced Micro Devices")."""
    found: list[tuple[str, str]] = []
    for match in _DEFINED.finditer(text):
        acronym = match.group(1)
        # "Internet Service Providers (ISPs)": a plural's s is no initial.
        letters = re.sub(r"[^A-Za-z]", "", acronym.removesuffix("s")).lower()
        if len(letters) < 2 or not acronym[:2].isupper():
            continue
        before = _WORD.findall(text[max(0, match.start() - 120) : match.start()])
        # The shortest run of words just before the bracket whose initials spell the acronym.
        for length in range(len(letters), min(len(before), 2 * len(letters)) + 1):
            words = before[-length:]
            if _initials(words) == letters and words[0][0].isupper():
                found.append((acronym, " ".join(words)))
                break
    return found


def _initials(words: Sequence[str]) -> str:
    """The first letters of the words that are not joiners ("of", "and")."""
    return "".join(word[0].lower() for word in words if word.lower() not in _JOINERS)


def _add(
    expansions: dict[str, frozenset[str]],
    labels: dict[str, str],
    acronym: str | tuple[str, str],
    long_form: str,
) -> None:
    shown, letters = acronym if isinstance(acronym, tuple) else (acronym, "")
    tokens = tokenize(shown)
    token = tokens[0].norm if len(tokens) == 1 else letters
    words = word_forms(long_form).content
    if len(words) >= 2 and token not in words:
        expansions[token] = words
        labels[token] = f"{shown} = {long_form}"
