"""Words and marks of a sentence with their offsets, and the closed word classes the rules use."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 10,000
    r"|(?:[A-Za-z]\.){2,}"  # U.S., D.C., a.m.
    r"|[^\W_][\w&'’-]*(?:\.(?=\w))?[\w&'’-]*"  # words, with inner hyphens, apostrophes
    r"|['’]s\b"  # a possessive after "D.A."
    r"|--|\.\.\.|[^\w\s]"
)
_CONTRACTION = re.compile(r"(?i)(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m))$")
# A period after these is part of the word, not the end of the sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov lt gen col sgt capt st jr sr inc co corp ltd no msgr prof rev "
    "atty det supt insp cmdr adm maj pres jan feb mar apr aug sep sept oct nov dec vs etc".split()
)
QUOTES = frozenset("\"“”‘’'«»„`")

DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your some many several both each "
    "every all any no another other such".split()
)
SUBJECT_PRONOUNS = frozenset("he she they it we i you".split())
AUXILIARIES = frozenset(
    "has have had will would could should may might must can shall did does do 've 'd 'll "
    "’ve ’d ’ll".split()
)
BE = frozenset("is are was were be been being am 're 'm ’re ’m".split())
NEGATIONS = frozenset("not never n't n’t".split())
# Words that start a new clause: what comes after them has its own subject.
SUBORDINATORS = frozenset(
    "that when after before while as because since although though if unless until where "
    "whereas but so yet once whether than".split()
)
RELATIVES = frozenset("who which that whom".split())
# Prepositions that can join a post-modifier to a source ("a friend of the actress").
NP_PREPOSITIONS = frozenset("of from at for with in on".split())
# Prepositions that end a subject read backwards: what stands before them is another phrase.
OTHER_PREPOSITIONS = frozenset(
    "by to into about over against among between under without within despite amid like "
    "through across toward towards upon via per including than after before during since "
    "until amongst beyond".split()
)
# Irregular past tenses that are no noun or adjective as well ("rose", not "cut" or "left"):
# with the "-ed" words, what marks a finite verb after its subject.
IRREGULAR_PAST = frozenset(
    "rose fell ran went came took gave made saw knew thought found got began grew won lost "
    "fled led held kept met paid sold sent spent stood struck felt brought bought built caught "
    "fought taught drove wrote broke spoke chose froze stole rode rang sang sank swam threw flew "
    "drew blew wore tore swore hid bit slid dug hung stuck woke became forgot forgave withdrew "
    "arose overtook underwent sought".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. aug aug. sep sep. sept sept. oct oct. nov nov. dec "
    "dec.".split()
)
_BEFORE_MONTHS = frozenset("in on since by until last this next early late mid of".split())
TIME_NOUNS = frozenset(
    "week weekend month year morning afternoon evening night day days weeks months years "
    "today yesterday tonight tomorrow".split()
)
# Adverbs that sit between a subject and its verb ("police there have also said").
ADVERBS = frozenset(
    "also earlier later previously recently once again then now still already first initially "
    "originally too there just even further repeatedly often always separately similarly "
    "likewise meanwhile however reportedly long publicly privately".split()
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word or mark with its place in the sentence."""

    text: str
    start: int
    end: int
    low: str

    @property
    def is_word(self) -> bool:
        """A word, not a mark."""
        return self.text[0].isalnum()

    @property
    def is_capital(self) -> bool:
        """Starts with a capital or a digit followed by letters ("Suspilne", "5News")."""
        first = self.text[0]
        return first.isupper() or (first.isdigit() and any(c.isupper() for c in self.text))

    @property
    def is_quote(self) -> bool:
        """A quotation mark."""
        return self.text in QUOTES


def tokenize(text: str) -> list[Token]:
    """The sentence as tokens; contractions ("didn't", "Microsoft's") are split off."""
    tokens: list[Token] = []
    taken = 0
    for match in _TOKEN.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if start < taken:
            continue  # the period an abbreviation took
        if word[0].isalnum() and end < len(text) and text[end] == ".":
            folded = word.casefold()
            if folded in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                word, end = word + ".", end + 1
                taken = end
        dashed = _dash_split(word, start) if "-" in word else []
        if dashed:
            tokens.extend(dashed)
            continue
        apostrophe = "'" in word or "’" in word
        split = _CONTRACTION.match(word) if apostrophe and word[0].isalnum() else None
        if split and len(split.group(1)) > 0:
            cut = start + len(split.group(1))
            tokens.append(Token(split.group(1), start, cut, split.group(1).casefold()))
            tokens.append(Token(split.group(2), cut, end, split.group(2).casefold()))
            continue
        tokens.append(Token(word, start, end, word.casefold()))
    return _join_spaced_apostrophes(tokens)


def _join_spaced_apostrophes(tokens: list[Token]) -> list[Token]:
    """ "NYPD ’ s", "didn ’ t" (spaces some texts put around an apostrophe): "’s", "n't"."""
    joined: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        glued = bool(joined) and joined[-1].is_word and token.text in ("'", "’")
        if glued and after is not None and after.low in ("s", "t"):
            low = "'s" if after.low == "s" else "n't"
            joined.append(Token(token.text + after.text, token.start, after.end, low))
            index += 2
            continue
        joined.append(token)
        index += 1
    return joined


# A hyphen typed for a dash glues a clause to a word: "he added-but while", "2004-saying".
_DASHED = re.compile(r"^(.+?)-(saying|adding|noting|says|said|added|but|and|while|who|which)$")


def _dash_split(word: str, start: int) -> list[Token]:
    found = _DASHED.match(word)
    if not found or found.group(1).casefold() in ("so", "well", "un", "self", "ex"):
        return []
    left, right = found.group(1), found.group(2)
    middle = start + len(left)
    return [
        Token(left, start, middle, left.casefold()),
        Token("-", middle, middle + 1, "-"),
        Token(right, middle + 1, middle + 1 + len(right), right.casefold()),
    ]


def is_time(tokens: list[Token], index: int) -> bool:
    """The word says when ("Monday", "Oct.", "this week"), not who."""
    low = tokens[index].low
    if low.isdigit():  # a day after its month ("Oct. 10"), a year ("in 2006")
        return index > 0 and (tokens[index - 1].low in MONTHS or len(low) == 4)
    if low in MONTHS:  # "in May", "Oct. 3", not "Jan Novak" or "May said"
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        before = tokens[index - 1].low if index else ""
        return (after is not None and after.low[:1].isdigit()) or before in _BEFORE_MONTHS
    return low in WEEKDAYS or low in TIME_NOUNS


# Name-internal words between capitals ("Bank of America", "Fire & Rescue").
NAME_JOINERS = frozenset("of & and de del da van von bin al le la".split())

JOIN_BEFORE_NOUN = frozenset(
    "of from at for with and or & 's ’s both to by as in on about like than".split()
)
