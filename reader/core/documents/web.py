"""A web page's bytes to its article: main text as Markdown blocks, and who published it when.

Trafilatura finds the main text (boilerplate, navigation and comments left out) and the
metadata (title, site name, author, date, canonical URL); this module decodes the page in its
declared charset first and keeps the text policy: control characters become placeholders before
parsing, so a page that holds them is still read and they stay visible.
"""

from __future__ import annotations

import logging
import re
from importlib.metadata import version
from typing import TYPE_CHECKING

from reader.core.documents import markdown_text as md
from reader.core.documents._charset import decode_html
from reader.core.documents._page_markdown import page_markdown
from reader.core.documents.article import NO_ARTICLE_TEXT, Article, finish_article
from reader.core.documents.decoding import DEFAULT_MAX_BYTES, too_large
from reader.core.documents.document_error import FileTooLarge, NoArticleText

if TYPE_CHECKING:
    from trafilatura.settings import Document as Extracted

# A numeric reference to a C0 control ("&#27;", "&#x1b"): lxml refuses the whole page over one,
# so it is rewritten to the reference of the placeholder the text policy shows for it.
_CONTROL_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,2})|0*([0-9]{1,3}))(?![0-9a-fA-F]);?")
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_KEPT_WHITESPACE = frozenset({0x09, 0x0A, 0x0D})


def extract_web(
    data: bytes,
    *,
    url: str | None = None,
    charset: str | None = None,
    name: str = "<page>",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Extract the article of a web page from its bytes, with the URL it came from if known."""
    if len(data) > max_bytes:
        raise FileTooLarge(f"{name}: page is {too_large(len(data), max_bytes)}")
    decoded, declared = decode_html(data, charset, name)
    html = _CONTROL_REFERENCE.sub(_placeholder_reference, decoded.text)
    extracted = _trafilatura(html, url)
    if extracted is None or extracted.body is None:
        raise NoArticleText(f"{name}: {NO_ARTICLE_TEXT}")
    markdown = md.join(page_markdown(extracted.body))
    lang = _HTML_LANG.search(html[:8192])
    metadata = {
        "title": extracted.title or "",
        "outlet": extracted.sitename or extracted.hostname or "",
        "author": extracted.author or "",
        "date": extracted.date or "",
        "url": url or extracted.url or "",
        "language": lang.group(1).lower() if lang else "",
        "extractor": f"trafilatura {version('trafilatura')}",
    }
    warnings = [] if declared or decoded.encoding == "utf-8" else [f"decoded as {decoded.encoding}"]
    return finish_article(
        name, markdown, metadata, encoding=decoded.encoding, max_bytes=max_bytes, warnings=warnings
    )


def _trafilatura(html: str, url: str | None) -> Extracted | None:
    # Imported here: trafilatura and lxml take a quarter of a second to import, which opening
    # .txt and .md files and `reader match` must not pay.
    import trafilatura

    for library in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        _quiet(library)
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            # Readers' comments are not the outlet's claims (and F1 0.953 -> 0.959 without).
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            with_metadata=True,
        )
    except Exception:  # a parser bug on a strange page must not become a traceback
        return None
    if result is None or isinstance(result, dict):
        return None
    return result


def _quiet(library: str) -> None:
    # With no handler anywhere, Python prints a library's warnings to stderr; a command's
    # output is its own lines. An application that sets up logging still gets the records.
    logger = logging.getLogger(library)
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


def _placeholder_reference(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    if (code < 0x20 and code not in _KEPT_WHITESPACE) or code == 0x7F:
        return f"&#{0x2421 if code == 0x7F else 0x2400 + code};"
    return match.group(0)
