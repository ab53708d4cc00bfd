"""The export formats, in one table: each with its writer, file suffix and label, used by the
command line and the export dialog alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.core.export.csv_table import to_csv
from reader.core.export.json_export import to_json
from reader.core.export.markdown_memo import to_markdown
from reader.core.export.records import NotesExport
from reader.core.export.web_annotation import to_jsonld


@dataclass(frozen=True)
class ExportFormat:
    """One way to write the notes out."""

    name: str
    label: str
    suffix: str
    write: Callable[[NotesExport], str]


class UnknownFormat(ValueError):
    """An export format reader does not write; the message names the ones it does."""


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("md", "Markdown memo", ".md", to_markdown),
        ExportFormat("csv", "CSV (spreadsheet)", ".csv", to_csv),
        ExportFormat("json", "JSON (lossless, re-importable)", ".json", to_json),
        ExportFormat("jsonld", "W3C Web Annotations (JSON-LD)", ".jsonld", to_jsonld),
    )
}


def export_format(name: str) -> ExportFormat:
    """The format called ``name``, or UnknownFormat naming the valid ones."""
    try:
        return FORMATS[name]
    except KeyError:
        valid = ", ".join(FORMATS)
        raise UnknownFormat(f"unknown export format {name!r}; the formats are {valid}") from None


def export(notes: NotesExport, name: str, status: str | None = None) -> str:
    """The notes in one format, optionally only those with one status."""
    return export_format(name).write(notes.with_status(status))
