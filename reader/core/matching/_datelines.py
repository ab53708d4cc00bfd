"""Datelines, bylines, credits and timestamp lines: the lines that date or sign an article, not
claims.

"Posted on: 3:35 pm, December 23, 2012", "8 / 2 / 13 at 1:30 PM", "PUBLISHED: 22:07 GMT, 7 July
2012", "By JOHN SMITH, Associated Press Writer", "Reporting by Sarah Young; Editing by Kate
Holton", "Associated Press writer Jill Lawless contributed to this report." Two of them share
numbers, month names, time zones or an agency's staff with other articles' and nothing else, so
they must never match, nor tie two stories together.
"""

from __future__ import annotations

import re

from reader.core.matching.words import MONTH_NAMES

_PIECE = re.compile(r"[^\W\d_]+|\d+")
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_WEEKDAYS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    sat sun
    """.split()
)
# Clock words and the time zones news sites print after a time.
_CLOCK = frozenset(
    """
    am pm a p m hrs hr h gmt utc et est edt ct cst cdt mt mst mdt pt pst pdt akst akdt hst bst
    cet cest eet eest ist aest aedt acst awst jst kst msk wib sgt hkt nzst nzdt st nd rd th
    """.split()
)
# What a site writes around its stamp.
_STAMP = frozenset(
    """
    posted published publish updated update last modified created story release released time
    date dated on at by in and of the first
    """.split()
)
_STAMP_WORDS = _CLOCK | _STAMP | _WEEKDAYS | _MONTH_ABBREVIATIONS | MONTH_NAMES
# A byline's words besides the names it signs.
_BYLINE = frozenset(
    """
    by and the of staff writer writers reporter reporters correspondent correspondents editor
    editors contributor contributing senior chief special news wire service services press
    associated reuters agency france presse afp ap upi bureau online desk team report with
    from for in
    """.split()
)
_LONGEST_BYLINE = 12
# The longest stamp seen in the ECB+ articles has 71 characters; a sentence is longer.
_LONGEST_LINE = 160


# Who reported, wrote, edited or helped: "Additional reporting by ...", "(Editing by ...)".
_CREDIT = re.compile(
    r"^[\s(\[]*(?i:(?:additional\s+)?(?:reporting|writing|editing|research|compiled|translated|"
    r"produced|written|edited|graphics|photographs?|photos?|video)\s+by)\s+[A-Z]"
)
# "Associated Press writer Jill Lawless contributed to this report.", "... contributed reporting."
_CONTRIBUTED = re.compile(
    r"\bcontributed\s+(?:reporting\b[^.]*|to\s+this\s+(?:report|story|article))\s*\.?\s*$",
    re.IGNORECASE,
)
# A credit names people; a sentence that starts like one says something: "Reporting by The
# Times showed that ...".
_SENTENCE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|showed|shows|shown|revealed|reveals|found|finds|said|"
    r"says|suggests?|suggested|indicates?|indicated|led|prompted|helped)\b",
    re.IGNORECASE,
)
# What an outlet prints under every article: where to follow it, where to send tips, that the
# article was corrected. Never a claim about the event.
_FURNITURE = re.compile(
    r"^follow\s+.{1,60}?\bon\s+(?:facebook|twitter|x|instagram|tiktok|youtube|threads|bluesky|"
    r"linkedin)\b|\bsend\s+(?:us\s+)?your\s+(?:story\s+ideas|stories|tips|news\s+tips)\b|"
    r"^this\s+(?:article|story)\s+(?:was|has\s+been)\s+(?:amended|updated|corrected)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_SIGNED = re.compile(r"[\W_]*(?:by|posted|written)\b", re.IGNORECASE)
# A credit line names several people and desks: longer than a stamp, shorter than a paragraph.
_LONGEST_CREDIT = 300


def is_dateline(text: str) -> bool:
    """Whether a passage only dates or signs the article: a timestamp, a byline, a credit or
    the outlet's own lines under it."""
    if len(text) <= _LONGEST_CREDIT and _credit_or_furniture(text):
        return True
    if len(text) > _LONGEST_LINE:
        return False
    if not _DIGIT.search(text) and not _SIGNED.match(text):
        return False  # a stamp has digits, a byline starts "By", "Posted by", "Written by"
    pieces = _PIECE.findall(text)
    if not pieces:
        return False
    words = [piece.lower() for piece in pieces if not piece[0].isdigit()]
    digits = len(pieces) - len(words)
    if digits and all(word in _STAMP_WORDS for word in words):
        # Some digits, and every word a date's, a clock's or a stamp's.
        return digits >= 2 or any(
            word in MONTH_NAMES or word in _MONTH_ABBREVIATIONS for word in words
        )
    return _is_byline(pieces, words)


def _credit_or_furniture(text: str) -> bool:
    """A credit ("Reporting by ...") or the outlet's own line under an article."""
    if _CREDIT.match(text):
        return not _SENTENCE_VERB.search(text)
    lowered = text.lower()
    # Most passages hold none of these words: the searches through the text are skipped.
    if "contributed" in lowered and _CONTRIBUTED.search(text):
        return True
    return (lowered.startswith(("follow", "this")) or "send" in lowered) and bool(
        _FURNITURE.search(text)
    )


def _is_byline(pieces: list[str], words: list[str]) -> bool:
    """ "By" and names, with a byline's titles and agencies, and perhaps a stamp."""
    if not words or words[0] not in ("by", "posted", "written") or len(pieces) > _LONGEST_BYLINE:
        return False
    if words[0] != "by" and (len(words) < 2 or words[1] != "by"):
        return False
    named = False
    for piece in pieces:
        lower = piece.lower()
        if piece[0].isdigit() or lower in _BYLINE or lower in _STAMP_WORDS:
            continue
        if not piece[0].isupper():
            return False  # a lower-case word that is neither a title nor a stamp: a sentence
        named = True
    return named
