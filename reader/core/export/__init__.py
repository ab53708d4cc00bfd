"""Writing the notes out: typed records of documents and notes in, text in one of four
formats out (a Markdown memo, CSV, lossless JSON, W3C Web Annotations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.export.formats import (
        FORMATS,
        ExportFormat,
        UnknownFormat,
        export,
        export_format,
    )
    from reader.core.export.json_export import EXPORT_FORMAT, EXPORT_VERSION
    from reader.core.export.json_text import json_text
    from reader.core.export.records import (
        EvidenceQuote,
        NoteRecord,
        NotesExport,
        Quote,
        SourceDocument,
    )

_HOME = {
    "EXPORT_FORMAT": "reader.core.export.json_export",
    "EXPORT_VERSION": "reader.core.export.json_export",
    "EvidenceQuote": "reader.core.export.records",
    "ExportFormat": "reader.core.export.formats",
    "FORMATS": "reader.core.export.formats",
    "NoteRecord": "reader.core.export.records",
    "NotesExport": "reader.core.export.records",
    "Quote": "reader.core.export.records",
    "SourceDocument": "reader.core.export.records",
    "UnknownFormat": "reader.core.export.formats",
    "export": "reader.core.export.formats",
    "export_format": "reader.core.export.formats",
    "json_text": "reader.core.export.json_text",
}

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


__getattr__ = lazy_exports(__name__, _HOME)
