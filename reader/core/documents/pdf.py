"""A PDF's bytes to its article: paragraphs in reading order, page by page, citable by page.

Lines come from pdfminer.six in reading order (two columns read one after the other). Running
headers, footers and page numbers are dropped; lines are joined into paragraphs, words broken
at line ends are mended (see ``_hyphens``), a paragraph that runs on into the next column or
page is kept whole, and larger type becomes a heading. The ``pages`` metadata records where
each page starts in the text, so ``page_at`` can cite a passage by page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from itertools import pairwise
from urllib.parse import urlsplit

from reader.core.documents import markdown_text as md
from reader.core.documents._furniture import running_lines
from reader.core.documents._hyphens import Vocabulary, glue
from reader.core.documents._pdf_layout import Layout, Line, read_layout
from reader.core.documents.article import MIN_WORDS, Article, finish_article
from reader.core.documents.decoding import DEFAULT_MAX_BYTES, too_large
from reader.core.documents.document_error import FileTooLarge, UnreadablePdf
from reader.core.documents.markup import join_blocks

NO_TEXT_LAYER = "no text layer; OCR is not supported"

# Type this much larger than the body's is a heading, if it is short.
_HEADING_SCALE = 1.15
_HEADING_WORDS = 20
# A line this much narrower than its box, ending a sentence, ends a paragraph.
_SHORT_LINE = 0.85
_WORD = re.compile(r"\w+")
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]]*$")
# Titles that PDF producers fill in from the file name.
_FILE_TITLE = re.compile(r"^(microsoft \w+ - |untitled)|\.(docx?|pdf|tex|indd|odt|rtf)$", re.I)


@dataclass
class _Block:
    kind: str
    text: str


def extract_pdf(
    data: bytes, *, url: str | None = None, name: str = "<pdf>", max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Extract a PDF's text as paragraphs with a page map, refusing one with no text layer."""
    if len(data) > max_bytes:
        raise FileTooLarge(f"{name}: PDF is {too_large(len(data), max_bytes)}")
    layout = read_layout(data, name)
    if not any(_clean(line.text) for page in layout.pages for line in page.lines()):
        raise UnreadablePdf(f"{name}: {NO_TEXT_LAYER}")
    blocks, page_starts = _assemble(layout)
    if sum(len(_WORD.findall(block.text)) for block in blocks) < MIN_WORDS:
        # A scan often carries a stray word or two of text: a stamp, a page number.
        raise UnreadablePdf(f"{name}: {NO_TEXT_LAYER}")
    markdown = md.join(
        md.heading(block.text) if block.kind == "heading" else md.paragraph(block.text)
        for block in blocks
    )
    headings = [block.text for block in blocks if block.kind == "heading"]
    title = layout.title if layout.title and not _FILE_TITLE.search(layout.title) else ""
    host = (urlsplit(url).hostname or "") if url else ""
    metadata = {
        "title": title or (headings[0] if headings else ""),
        "outlet": host.removeprefix("www."),
        "author": layout.author,
        "date": layout.date,
        "url": url or "",
        "extractor": f"pdfminer.six {version('pdfminer.six')}",
        "pages": _page_map(blocks, page_starts),
    }
    return finish_article(name, markdown, metadata, encoding="utf-8", max_bytes=max_bytes)


def _assemble(layout: Layout) -> tuple[list[_Block], list[tuple[int, int] | None]]:
    """Paragraphs in reading order, and where each page's first line landed in them."""
    dropped = running_lines(layout.pages)
    kept = [
        [
            [line for line in box if id(line) not in dropped and _clean(line.text)]
            for box in page.boxes
        ]
        for page in layout.pages
    ]
    vocabulary = Vocabulary(_clean(line.text) for page in kept for box in page for line in box)
    body = _body_size(layout)
    blocks: list[_Block] = []
    page_starts: list[tuple[int, int] | None] = []
    for page in kept:
        start: tuple[int, int] | None = None
        for box in page:
            for kind, lines in _paragraphs(box, body):
                first = _clean(lines[0].text)
                previous = blocks[-1] if blocks else None
                if not (kind == "paragraph" and previous and _runs_on(previous, first)):
                    blocks.append(_Block(kind, ""))
                block = blocks[-1]
                for line in lines:
                    text = _clean(line.text)
                    block.text = glue(block.text, text, vocabulary)
                    if start is None:
                        start = (len(blocks) - 1, len(block.text) - len(text))
        page_starts.append(start)
    for block in blocks:
        block.text = block.text.rstrip("\u00ad")
    return blocks, page_starts


def _paragraphs(box: Sequence[Line], body: float) -> list[tuple[str, list[Line]]]:
    """Split a box's lines at paragraph ends and type size changes; name headings."""
    if not box:
        return []
    left, right = min(line.x0 for line in box), max(line.x1 for line in box)
    groups: list[list[Line]] = [[box[0]]]
    for previous, line in pairwise(box):
        short = (previous.x1 - previous.x0) < _SHORT_LINE * (right - left)
        ends = short and _SENTENCE_END.search(previous.text.rstrip()) is not None
        resized = abs(previous.size - line.size) > 0.1 * max(body, 1)
        if ends or resized:
            groups.append([])
        groups[-1].append(line)
    return [(_kind(group, body), group) for group in groups]


def _kind(lines: list[Line], body: float) -> str:
    size = sum(line.size for line in lines) / len(lines)
    words = sum(len(line.text.split()) for line in lines)
    if body and size >= _HEADING_SCALE * body and words <= _HEADING_WORDS and len(lines) <= 3:
        return "heading"
    return "paragraph"


def _runs_on(previous: _Block, first: str) -> bool:
    """Whether a paragraph continues from the last column or page (no sentence end before)."""
    if previous.kind != "paragraph" or not first or not first[0].islower():
        return False
    return _SENTENCE_END.search(previous.text) is None


def _body_size(layout: Layout) -> float:
    """The type size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for page in layout.pages:
        for line in page.lines():
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _clean(text: str) -> str:
    """A line with whitespace folded and soft hyphens removed, but one ending it kept."""
    # pdfminer writes "(cid:13)" for a glyph its font does not map to a character.
    folded = " ".join(_UNMAPPED_GLYPH.sub("\ufffd", text).split())
    soft = folded.endswith("\u00ad")
    return folded.replace("\u00ad", "") + ("\u00ad" if soft else "")


def _page_map(blocks: list[_Block], starts: list[tuple[int, int] | None]) -> str:
    """Each page's start as an offset into the loaded text; an empty page starts where the next does."""
    _, spans = join_blocks((block.kind, block.text) for block in blocks)
    end = spans[-1].end if spans else 0
    offsets: list[int] = []
    for start in reversed(starts):
        if start is None:
            offsets.append(offsets[-1] if offsets else end)
        else:
            offsets.append(spans[start[0]].start + start[1])
    return " ".join(str(offset) for offset in reversed(offsets))
