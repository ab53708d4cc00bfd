"""An article extracted from a web page or a PDF, and the text policy applied to it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from reader.core.documents.decoding import BIDI_CONTROLS, too_large
from reader.core.documents.document_error import FileTooLarge, NoArticleText
from reader.core.documents.markup import NestedTooDeeply, markdown_blocks, plain_blocks
from reader.core.documents.text_policy import placeholders, sanitize

# Fewer words than this and the text is likely a paywall stub or a teaser, not the article.
STUB_WORDS = 80
# Fewer than this is no article at all: a menu entry or a caption the extractor fell back on.
MIN_WORDS = 5

NO_ARTICLE_TEXT = "no article text found; save the text and open it as .txt"

_WORD = re.compile(r"\w+")
# The placeholders of the text policy for C0 controls and DEL (decoding._CONTROL_MAP).
_PLACEHOLDERS = re.compile("[\u2400-\u241f\u2421]")
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


@dataclass(frozen=True)
class Article:
    """The text of a web page or PDF as Markdown, with the source's metadata and notes.

    ``metadata`` holds ``title``, ``outlet``, ``author``, ``date``, ``url``, ``language``,
    ``extractor`` and, for a PDF, ``pages`` (see ``page_at``); empty values are left out.
    """

    markdown: str
    metadata: Mapping[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()

    @cached_property
    def blocks(self) -> tuple[tuple[str, str], ...]:
        """The ``(kind, text)`` blocks, read from the Markdown as a saved copy is read."""
        try:
            return tuple(markdown_blocks(self.markdown))
        except NestedTooDeeply:  # lists nested past the parser: keep every word as plain text
            return tuple(
                ("paragraph", self.markdown[b.start : b.end]) for b in plain_blocks(self.markdown)
            )

    @property
    def words(self) -> int:
        """How many words the article's text holds."""
        return sum(len(_WORD.findall(text)) for _, text in self.blocks)


def finish_article(
    name: str,
    markdown: str,
    metadata: Mapping[str, str],
    *,
    encoding: str,
    max_bytes: int,
    warnings: Iterable[str] = (),
) -> Article:
    """Apply the text policy to extracted Markdown and metadata and note what it found.

    Controls become placeholders one for one (offsets do not move), bidirectional overrides
    are counted, text over the size limit is refused and a short text is flagged.
    """
    markdown = placeholders(markdown)
    size = len(markdown.encode("utf-8"))
    if size > max_bytes:
        # A compressed PDF or page can hold far more text than its own size.
        raise FileTooLarge(f"{name}: extracted text is {too_large(size, max_bytes)}")
    article = Article(
        markdown,
        {key: " ".join(sanitize(value).split()) for key, value in metadata.items() if value},
        encoding,
    )
    if article.words < MIN_WORDS:
        raise NoArticleText(f"{name}: {NO_ARTICLE_TEXT}")
    notes = list(warnings)
    controls = len(_PLACEHOLDERS.findall(markdown))
    if controls:
        plural = "s" if controls != 1 else ""
        notes.append(f"{controls} control character{plural} shown as placeholders")
    bidi = len(_BIDI.findall(markdown))
    if bidi:
        notes.append(f"{bidi} bidirectional override characters")
    if article.words < STUB_WORDS:
        notes.append(f"only {article.words} words: it may be a paywall stub or a teaser")
    return Article(markdown, article.metadata, encoding, tuple(notes))


def page_at(metadata: Mapping[str, str], offset: int) -> int | None:
    """The page (from 1) holding a character offset of a PDF's text, from its ``pages`` map.

    ``pages`` lists the offset in the document's text where each page starts, space-separated;
    a page with no text starts where the next one does.
    """
    starts = [int(value) for value in metadata.get("pages", "").split() if value.isdigit()]
    if not starts:
        return None
    return max(1, bisect_right(starts, offset))
