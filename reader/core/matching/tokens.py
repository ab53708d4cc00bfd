"""Tokens for matching: words in their normal form (words.py), numbers folded from digits,
number words and scales, and complex prepositions marked as function words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

from reader.core.documents.text_policy import ESCAPE_SHOWN
from reader.core.matching._stopwords import ATTRIBUTION_WORDS, COMPLEX_PREPOSITIONS, STOP_WORDS
from reader.core.matching.words import NUMBER_WORDS, normal_word


class Token(NamedTuple):
    """A normalised word or number with its offsets in the text it came from."""

    norm: str
    start: int
    end: int
    is_number: bool = False

    @property
    def is_content(self) -> bool:
        """Whether the token carries meaning (a number or a word that is not a stop word)."""
        return self.is_number or self.norm not in IGNORED


# Combining marks: text with its accents written apart ("Erdog\u0306an", as some PDFs and
# macOS file names have it) holds them inside words; \w does not match them.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_HAS_MARK = re.compile(rf"[{_MARKS}]")


def _token_pattern(letters: str) -> re.Pattern[str]:
    return re.compile(
        r"(?P<acronym>(?:[^\W\d_]\.){2,}|[A-Z](?:-[A-Z])+\b)"
        r"|(?P<number>\d+(?:[.,]\d+)*(?:[a-zA-Z]{1,2}\b)?)"
        rf"|(?P<word>{letters}(?:['’]{letters})?)"
    )


_TOKEN = _token_pattern(r"[^\W\d_]+")
# Slower, and only for the few chunks that hold combining marks.
_TOKEN_MARKS = _token_pattern(rf"(?:[^\W\d_][{_MARKS}]*)+")
_GROUPED_COMMAS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_GROUPED_DOTS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion"})
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "s"})


def tokenize(text: str) -> list[Token]:
    """Split text into normalised tokens, folding number words, scales and units into numbers."""
    text = blank_escapes(text)
    raw: list[Token] = []
    append = raw.append
    make = tuple.__new__  # Token's own constructor is Python code; this runs for every word
    has_numbers = False
    for chunk in CHUNK.finditer(text):
        pieces, numeric = chunk_pieces(chunk.group())
        has_numbers = has_numbers or numeric
        base = chunk.start()
        for norm, start, end, is_number in pieces:
            append(make(Token, (norm, base + start, base + end, is_number)))
    tokens = _fold_numbers(raw) if has_numbers else raw
    if PHRASE_CORES.keys().isdisjoint([token[0] for token in tokens]):
        return tokens
    return _mark_phrases(tokens)


# Terminal escape sequences ("\x1b[31m") in a document are not its words or numbers ("31m" is
# no 31 million): blanked, the offsets of the rest kept. A loaded document holds them with the
# escape shown as its placeholder ("\u241b[31m", text_policy.py).
_ESCAPE = re.compile(
    r"[\x1b\u241b](?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b\u2407\u241b]*(?:[\x07\u2407]|[\x1b\u241b]\\)?|.)"
)


def blank_escapes(text: str) -> str:
    """The text with each terminal escape sequence replaced by as many spaces (the text itself
    when it has none: most text, checked without the regular expression)."""
    if ESCAPE_SHOWN not in text and "\x1b" not in text:
        return text
    return _ESCAPE.sub(lambda match: " " * len(match.group()), text)


# Runs of word characters joined by the separators a token can hold ("U.S.", "10,000",
# "Korea's"), from a letter or digit: every chunk holds a token. No token crosses a chunk's
# edge, so each distinct chunk is split only once.
# Single capitals joined by hyphens are one initialism ("H-P" for Hewlett-Packard).
CHUNK = re.compile(rf"[A-Z](?:-[A-Z])+\b(?!-)|[^\W_][\w{_MARKS}]*(?:[.,'’][\w{_MARKS}]+)*\.?")
_Piece = tuple[str, int, int, bool]


@lru_cache(maxsize=200_000)
def chunk_pieces(chunk: str) -> tuple[tuple[_Piece, ...], bool]:
    """The tokens of one chunk, with offsets into it, and whether any of them is a number."""
    if chunk.isalpha():
        # Most chunks are one plain word, the whole chunk.
        norm = normal_word(chunk)
        return ((norm, 0, len(chunk), False),), norm in NUMBER_WORDS
    return _pieces_of(chunk)


def _pieces_of(chunk: str) -> tuple[tuple[_Piece, ...], bool]:
    pieces: list[_Piece] = []
    numeric = False
    pattern = _TOKEN_MARKS if _HAS_MARK.search(chunk) else _TOKEN
    for match in pattern.finditer(chunk):
        kind = match.lastgroup
        if kind == "word":
            norm = normal_word(match.group())
            numeric = numeric or norm in NUMBER_WORDS
            pieces.append((norm, match.start(), match.end(), False))
        elif kind == "number":
            numeric = True
            pieces.append(_number_token(match.group(), match.start(), match.end()))
        else:
            acronym = match.group().replace(".", "").replace("-", "").casefold()
            pieces.append((acronym, match.start(), match.end(), False))
    return tuple(pieces), numeric


def surface_words(
    text: str, norms: Sequence[str], spellings: Mapping[str, str] | None = None
) -> list[str]:
    """How the normalised words appear in the text ("bord" -> "border"), in the given order,
    or a spelling the text holds of a word ``spellings`` made one ("Ukrainian" for "ukraine");
    a word the text does not hold stays as it is."""
    first: dict[str, str] = {}
    spelled: dict[str, str] = {}
    for token in tokenize(text):
        first.setdefault(token.norm, text[token.start : token.end])
        if spellings and token.norm in spellings:
            spelled.setdefault(spellings[token.norm], text[token.start : token.end])
    return [first.get(norm) or spelled.get(norm, norm) for norm in norms]


def content_norms(tokens: list[Token]) -> list[str]:
    """The normalised forms of the tokens that carry meaning."""
    return [token.norm for token in tokens if token.is_content]


def _number_token(text: str, start: int, end: int) -> Token:
    digits = text.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    suffix = text[len(digits) :].lower()
    value = _parse_number(digits)
    if value is None:
        return Token(text.casefold(), start, end, is_number=True)
    if suffix in _SCALES:
        value *= _SCALES[suffix]
    elif suffix and suffix not in _ORDINAL_SUFFIXES:
        return Token(text.casefold(), start, end, is_number=True)
    return Token(_format_number(value), start, end, is_number=True)


def _parse_number(digits: str) -> float | None:
    # "10,000" and "10.000.000" group thousands; "3.5" and "2,5" are decimals.
    if _GROUPED_COMMAS.fullmatch(digits):
        return float(digits.replace(",", ""))
    if _GROUPED_DOTS.fullmatch(digits):
        return float(digits.replace(".", ""))
    if _DECIMAL.fullmatch(digits):
        return float(digits.replace(",", "."))
    return None  # dates like 2.2013.1 and version strings stay as written


def _format_number(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _fold_numbers(tokens: list[Token]) -> list[Token]:
    """Join number-word runs ("twenty one") and scale words ("400 million") into numbers."""
    folded: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.is_number:
            nxt = tokens[index + 1] if index + 1 < len(tokens) else None
            if nxt is not None and nxt.norm in _SCALE_WORDS and _numeric(token.norm):
                value = float(token.norm) * _SCALES[nxt.norm]
                folded.append(Token(_format_number(value), token.start, nxt.end, True))
                index += 2
                continue
            folded.append(token)
            index += 1
            continue
        run_end = index
        while run_end < len(tokens) and tokens[run_end].norm in NUMBER_WORDS:
            run_end += 1
        run = tokens[index:run_end]
        if run and not (len(run) == 1 and run[0].norm == "one"):
            value_text = _words_value(" ".join(t.norm for t in run))
            if value_text is not None:
                folded.append(Token(value_text, run[0].start, run[-1].end, True))
                index = run_end
                continue
        folded.append(token)
        index += 1
    return folded


@lru_cache(maxsize=10_000)
def _words_value(words: str) -> str | None:
    try:
        return str(text2num(words, "en"))
    except ValueError:
        return None


def _numeric(norm: str) -> bool:
    try:
        float(norm)
    except ValueError:
        return False
    return True


def _mark_phrases(tokens: list[Token]) -> list[Token]:
    """Give the content word of each complex preposition the whole phrase as its norm ("in
    support of"), a function word: the word itself elsewhere in the text still counts."""
    marked = list(tokens)
    for index in range(len(tokens) - 1):
        if tokens[index].norm not in PHRASE_CORES or tokens[index + 1].norm not in PHRASE_FINALS:
            continue
        for lead in range(_LONGEST - 2, -1, -1):
            window = tuple(token.norm for token in tokens[max(index - lead, 0) : index + 2])
            if len(window) == lead + 2 and window in _PHRASES:
                marked[index] = tokens[index]._replace(norm=_PHRASES[window])
                break
    return marked


def _phrase_cores(phrases: Iterable[tuple[str, ...]]) -> dict[str, frozenset[str] | None]:
    leads: dict[str, set[str]] = {}
    starts: set[str] = set()
    for words in phrases:
        if len(words) == 2:
            starts.add(words[0])
        else:
            leads.setdefault(words[-2], set()).add(words[-3])
    return {
        core: None if core in starts else frozenset(leads[core]) for core in starts | set(leads)
    }


# Each complex preposition as normalised tokens, and the norm its content word takes.
_PHRASES = {
    tuple(normal_word(word) for word in phrase.split()): phrase for phrase in COMPLEX_PREPOSITIONS
}
# The content word of each phrase (the word before its final preposition), with the words
# that can stand just before it, or None where a phrase starts with it ("due to").
PHRASE_CORES = _phrase_cores(_PHRASES)
PHRASE_FINALS = frozenset(words[-1] for words in _PHRASES)
_LONGEST = max(map(len, _PHRASES))
# Stop and attribution words and complex prepositions, normalised like the tokens they are
# compared with.
IGNORED = frozenset(normal_word(word) for word in STOP_WORDS | ATTRIBUTION_WORDS).union(
    _PHRASES.values()
)
