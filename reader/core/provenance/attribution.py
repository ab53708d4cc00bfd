"""Who a passage says its claim comes from: rules over the text, keeping the chain of relays.

"Around 18 North Koreans left their stations, according to public broadcaster Suspilne, which
cited unnamed intelligence officials" is attributed to Suspilne, relaying unnamed intelligence
officials. Outermost first: the outlet that published it, then who spoke, then whom they cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_VERBS = (
    "said|says|told|tells|reported|reports|claimed|claims|confirmed|confirms|stated|states|"
    "announced|announces|indicated|indicates|revealed|reveals|reveal|warned|warns|denied|"
    "denies|alleged|alleges|wrote|added|insisted|insists|estimated|estimates"
)
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
# A phrase runs to the next clause boundary; a period inside a word ("U.S.") does not end it.
_PHRASE = r"(?:[^,.;:“”\"()—]|\.(?=\w))+?"
_END = rf"(?=\s+(?:{_VERBS}|that|who|which|for|in|on|at|during|earlier|last)\b|\s*[,.;:“”\"()—]|$)"
_APPOSITIVE = r"(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*(?=\s*[.,;]|$)(?!,\s*which))?"
_ACCORDING = re.compile(rf"\baccording to\s+(?P<source>{_PHRASE}{_END}{_APPOSITIVE})")
_CITING = re.compile(rf"\b(?:citing|which cited|who cited|quoting)\s+(?P<source>{_PHRASE}{_END})")
_CITED_BY = re.compile(rf"\b(?:cited|quoted) by\s+(?P<source>{_PHRASE}{_END})")
_TOLD = re.compile(r"\btold\s+(?P<source>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")
# Where a speaker's phrase starts: after a clause mark, a closing quote or "that".
_SUBJECT_START = re.compile(r"(?:[,;:“”\"()—]|\bthat\b|\bwhile\b|\band\b)\s*")
# Words after a speaker's name that say when, not who ("earlier this month", "in July").
_STOP_WORDS = frozenset(
    "earlier later last this on in at during yesterday today also has have had previously "
    "recently once again then had".split()
)
_PRONOUNS = frozenset("he she they it we i you which who this that there".split())
_SOURCE_NOUNS = re.compile(
    r"\b(?:officials?|sources?|spokes(?:man|woman|person)|radio|broadcaster|newspaper|agency|"
    r"outlet|reports?|intelligence|diplomats?|ministers?|ministry|president|police|government|"
    r"military|analysts?|witness(?:es)?|residents?|statement|media|army|commanders?|adviser|"
    r"department|office|authorities|experts?|observers?)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
_GENERIC_TAILS = frozenset("news post times press service network council committee".split())
_NOT_NAMES = frozenset("the a an this that these those".split())
# A capitalised run after these is what the source is about, not who it is ("from Ukraine").
_PREPOSITIONS = frozenset("from in of on about over at for".split())
_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
MAX_SPEAKER_WORDS = 8


@dataclass(frozen=True, slots=True)
class Source:
    """One link of an attribution: the phrase as written, and its name if it has one."""

    text: str
    name: str | None
    role: str  # "relay" (published or carried it), "speaker" or "cited"

    @property
    def vague(self) -> bool:
        """An unnamed source ("unnamed intelligence officials", "a Western diplomat")."""
        return self.name is None

    @property
    def key(self) -> str:
        """What two sources are compared by: the name's last word ("Peskov" for "Dmitry Peskov",
        "Suspilne"), two when that is a generic noun ("State Department"); else the phrase
        without its article."""
        if self.name is None:
            return _ARTICLES.sub("", self.text).casefold()
        words = self.name.casefold().split()
        keep = 2 if _SOURCE_NOUNS.fullmatch(words[-1]) or words[-1] in _GENERIC_TAILS else 1
        return " ".join(words[-keep:])

    @property
    def label(self) -> str:
        """How the source is shown: the name, else the phrase."""
        return self.name or self.text


@dataclass(frozen=True)
class Attribution:
    """The chain of sources a passage names, outermost first; empty when it names none."""

    sources: tuple[Source, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sources)

    @property
    def names(self) -> frozenset[str]:
        """Keys of the sources, named and vague."""
        return frozenset(source.key for source in self.sources)

    def describe(self) -> str:
        """ "Suspilne ← unnamed intelligence officials"; empty when there is no attribution."""
        return " ← ".join(source.label for source in self.sources)


# Cached: the detail panel, the matrix and paragraph_attribution ask again and again about the
# same sentences (a claim against each of its counterparts, each sentence of a paragraph for
# each of its claims). The result is immutable.
@lru_cache(maxsize=8192)
def attribute(text: str) -> Attribution:
    """The sources a passage names, from rules over its wording."""
    relays: list[Source] = []
    speakers: list[Source] = []
    cited: list[Source] = []
    for pattern in (_ACCORDING, _TOLD, _CITED_BY):
        for match in pattern.finditer(text):
            relays.append(_source(match.group("source"), "relay"))
    for match in _CITING.finditer(text):
        cited.append(_source(match.group("source"), "cited"))
    for match in _VERB.finditer(text):
        speaker = _speaker(text[: match.start()])
        if speaker is not None:
            speakers.append(speaker)
    # Outermost first: who published it, who said it, whom they cited.
    chain: list[Source] = []
    for source in [*relays, *speakers, *cited]:
        if source.text and all(source.key != seen.key for seen in chain):
            chain.append(source)
    return Attribution(tuple(chain))


def _speaker(before: str) -> Source | None:
    """The phrase right before a reporting verb, when it names who spoke."""
    starts = [match.end() for match in _SUBJECT_START.finditer(before)]
    phrase = before[starts[-1] if starts else 0 :].strip()
    phrase = phrase.split(" cited by ")[0].split(" quoted by ")[0]
    words: list[str] = []
    for word in phrase.split():
        if words and word.casefold() in _STOP_WORDS:
            break
        words.append(word)
    if not words or len(words) > MAX_SPEAKER_WORDS or words[0].casefold() in _PRONOUNS:
        return None
    if all(word.casefold() in _NOT_NAMES for word in words):
        return None
    phrase = " ".join(words)
    source = _source(phrase, "speaker")
    if source.name is None and not _SOURCE_NOUNS.search(phrase):
        return None  # "the soldiers reported ..." is not a source
    return source


def _source(phrase: str, role: str) -> Source:
    phrase = " ".join(phrase.split()).strip(" ,.;:")
    return Source(phrase, _name_of(phrase), role)


def _name_of(phrase: str) -> str | None:
    """The run of capitalised words that ends the phrase ("public broadcaster Suspilne")."""
    words = phrase.replace(",", " ").split()
    run: list[str] = []
    for word in reversed(words):
        if not _NAME_WORD.fullmatch(word):
            break
        run.append(word)
    if not run or (len(run) == len(words) == 1 and _is_generic(words[0])):
        return None
    if len(run) < len(words) and words[-len(run) - 1].casefold() in _PREPOSITIONS:
        return None
    run.reverse()
    # A sentence-initial capital alone ("Unnamed", "Reports") is not a name.
    if len(run) == len(words) and len(run) == 1 and not phrase[0].isupper():
        return None
    return " ".join(run).rstrip(".")


def _is_generic(word: str) -> bool:
    folded = word.casefold()
    return _SOURCE_NOUNS.fullmatch(word) is not None or folded in _PRONOUNS or folded in _NOT_NAMES
