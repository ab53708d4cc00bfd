"""Writing the notes out: typed records of documents and notes in, text in one of four
formats out (a Markdown memo, CSV, lossless JSON, W3C Web Annotations)."""

from reader.core.export.formats import FORMATS, ExportFormat, UnknownFormat, export, export_format
from reader.core.export.json_export import EXPORT_FORMAT, EXPORT_VERSION
from reader.core.export.json_text import json_text
from reader.core.export.records import (
    EvidenceQuote,
    NoteRecord,
    NotesExport,
    Quote,
    SourceDocument,
)

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "FORMATS",
    "EvidenceQuote",
    "ExportFormat",
    "NoteRecord",
    "NotesExport",
    "Quote",
    "SourceDocument",
    "UnknownFormat",
    "export",
    "export_format",
    "json_text",
]
