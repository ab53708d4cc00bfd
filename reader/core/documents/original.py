"""Where a document comes from: a URL or a saved page or PDF, read as bytes, then extracted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.core.documents.article import Article
from reader.core.documents.decoding import DEFAULT_MAX_BYTES, read_bytes
from reader.core.documents.document_error import DocumentError
from reader.core.documents.fetching import DEFAULT_TIMEOUT, fetch
from reader.core.documents.pdf import extract_pdf
from reader.core.documents.web import extract_web

# Saved files by suffix: what each holds.
ORIGINAL_KINDS = {".html": "html", ".htm": "html", ".pdf": "pdf"}

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True)
class Original:
    """The original bytes of a page or PDF, what kind it is and where it came from."""

    data: bytes
    kind: str
    name: str
    url: str | None = None
    charset: str | None = None


def is_url(spec: str) -> bool:
    """Whether a command-line argument is an address (any scheme) rather than a path."""
    return _URL.match(spec) is not None


def read_original(
    spec: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT
) -> Original:
    """Fetch a URL or read a saved ``.html``, ``.htm`` or ``.pdf`` file."""
    if is_url(spec):
        fetched = fetch(spec, timeout=timeout, max_bytes=max_bytes)
        return Original(fetched.data, fetched.kind, spec, fetched.url, fetched.charset)
    path = Path(spec)
    kind = ORIGINAL_KINDS.get(path.suffix.lower())
    if kind is None:
        raise DocumentError(f"{spec}: not an http(s) address, nor a .html, .htm or .pdf file")
    return Original(read_bytes(path, max_bytes), kind, spec)


def extract(source: Original, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Extract the article of a page or PDF."""
    if source.kind == "pdf":
        return extract_pdf(source.data, url=source.url, name=source.name, max_bytes=max_bytes)
    return extract_web(
        source.data,
        url=source.url,
        charset=source.charset,
        name=source.name,
        max_bytes=max_bytes,
    )
