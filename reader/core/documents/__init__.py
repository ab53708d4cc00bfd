"""Documents: a file's bytes in, a ``Document`` out.

Text is decoded under one policy (control characters as placeholders, bidi flagged, a size
limit), Markdown parsed into blocks, blocks segmented into passages with exact offsets, and a
document's id taken from its text. Web pages and PDFs, read from a saved file or fetched over
http(s) (``fetch``, ``read_original``), are extracted into an ``Article``: Markdown text with
its metadata (title, outlet, author, date, URL, extractor, a PDF's page map for ``page_at``);
``save_copy`` keeps it in a case folder beside the original bytes. trafilatura, pdfminer.six
and httpx are imported only when something is extracted or fetched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.documents.article import (
        MIN_WORDS,
        NO_ARTICLE_TEXT,
        STUB_WORDS,
        Article,
        finish_article,
        page_at,
    )
    from reader.core.documents.boilerplate import is_boilerplate
    from reader.core.documents.decoding import DEFAULT_MAX_BYTES
    from reader.core.documents.document import Block, Document, Passage, document_label
    from reader.core.documents.document_error import (
        BinaryFile,
        DocumentError,
        EmptyDocument,
        FetchFailed,
        FileTooLarge,
        MissingFile,
        NoArticleText,
        NoDocuments,
        UndecodableFile,
        UnreadablePdf,
    )
    from reader.core.documents.fetching import DEFAULT_TIMEOUT, Fetched, fetch
    from reader.core.documents.loading import document_id, expand_paths, load_document
    from reader.core.documents.original import (
        ORIGINAL_KINDS,
        Original,
        extract,
        is_url,
        read_original,
    )
    from reader.core.documents.pdf import NO_TEXT_LAYER, extract_pdf
    from reader.core.documents.saved_copy import SavedCopy, find_copy, save_copy, sha256_of
    from reader.core.documents.search import find_passages
    from reader.core.documents.text_policy import excerpt, sanitize, sanitize_line
    from reader.core.documents.web import extract_web

_HOME = {
    "Article": "reader.core.documents.article",
    "BinaryFile": "reader.core.documents.document_error",
    "Block": "reader.core.documents.document",
    "DEFAULT_MAX_BYTES": "reader.core.documents.decoding",
    "DEFAULT_TIMEOUT": "reader.core.documents.fetching",
    "Document": "reader.core.documents.document",
    "DocumentError": "reader.core.documents.document_error",
    "EmptyDocument": "reader.core.documents.document_error",
    "FetchFailed": "reader.core.documents.document_error",
    "Fetched": "reader.core.documents.fetching",
    "FileTooLarge": "reader.core.documents.document_error",
    "MIN_WORDS": "reader.core.documents.article",
    "MissingFile": "reader.core.documents.document_error",
    "NO_ARTICLE_TEXT": "reader.core.documents.article",
    "NO_TEXT_LAYER": "reader.core.documents.pdf",
    "NoArticleText": "reader.core.documents.document_error",
    "NoDocuments": "reader.core.documents.document_error",
    "ORIGINAL_KINDS": "reader.core.documents.original",
    "Original": "reader.core.documents.original",
    "Passage": "reader.core.documents.document",
    "STUB_WORDS": "reader.core.documents.article",
    "SavedCopy": "reader.core.documents.saved_copy",
    "UndecodableFile": "reader.core.documents.document_error",
    "UnreadablePdf": "reader.core.documents.document_error",
    "document_id": "reader.core.documents.loading",
    "document_label": "reader.core.documents.document",
    "excerpt": "reader.core.documents.text_policy",
    "expand_paths": "reader.core.documents.loading",
    "extract": "reader.core.documents.original",
    "extract_pdf": "reader.core.documents.pdf",
    "extract_web": "reader.core.documents.web",
    "fetch": "reader.core.documents.fetching",
    "find_copy": "reader.core.documents.saved_copy",
    "find_passages": "reader.core.documents.search",
    "finish_article": "reader.core.documents.article",
    "is_boilerplate": "reader.core.documents.boilerplate",
    "is_url": "reader.core.documents.original",
    "load_document": "reader.core.documents.loading",
    "page_at": "reader.core.documents.article",
    "read_original": "reader.core.documents.original",
    "sanitize": "reader.core.documents.text_policy",
    "sanitize_line": "reader.core.documents.text_policy",
    "save_copy": "reader.core.documents.saved_copy",
    "sha256_of": "reader.core.documents.saved_copy",
}

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "MIN_WORDS",
    "NO_ARTICLE_TEXT",
    "NO_TEXT_LAYER",
    "ORIGINAL_KINDS",
    "STUB_WORDS",
    "Article",
    "BinaryFile",
    "Block",
    "Document",
    "DocumentError",
    "EmptyDocument",
    "FetchFailed",
    "Fetched",
    "FileTooLarge",
    "MissingFile",
    "NoArticleText",
    "NoDocuments",
    "Original",
    "Passage",
    "SavedCopy",
    "UndecodableFile",
    "UnreadablePdf",
    "document_id",
    "document_label",
    "excerpt",
    "expand_paths",
    "extract",
    "extract_pdf",
    "extract_web",
    "fetch",
    "find_copy",
    "find_passages",
    "finish_article",
    "is_boilerplate",
    "is_url",
    "load_document",
    "page_at",
    "read_original",
    "sanitize",
    "sanitize_line",
    "save_copy",
    "sha256_of",
]


__getattr__ = lazy_exports(__name__, _HOME)
