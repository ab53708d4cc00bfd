"""Documents: a file's bytes in, a ``Document`` out: text decoded under one policy (control
characters as placeholders, bidi flagged, a size limit), Markdown parsed into blocks, blocks
segmented into passages with exact offsets, and an id from the text itself."""

from reader.core.documents.boilerplate import is_boilerplate
from reader.core.documents.decoding import DEFAULT_MAX_BYTES
from reader.core.documents.document import Block, Document, Passage, document_label
from reader.core.documents.document_error import (
    BinaryFile,
    DocumentError,
    EmptyDocument,
    FileTooLarge,
    MissingFile,
    NoDocuments,
    UndecodableFile,
)
from reader.core.documents.loading import document_id, expand_paths, load_document
from reader.core.documents.search import find_passages
from reader.core.documents.text_policy import excerpt, sanitize, sanitize_line

__all__ = [
    "DEFAULT_MAX_BYTES",
    "BinaryFile",
    "Block",
    "Document",
    "DocumentError",
    "EmptyDocument",
    "FileTooLarge",
    "MissingFile",
    "NoDocuments",
    "Passage",
    "UndecodableFile",
    "document_id",
    "document_label",
    "excerpt",
    "expand_paths",
    "find_passages",
    "is_boilerplate",
    "load_document",
    "sanitize",
    "sanitize_line",
]
