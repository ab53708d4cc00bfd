"""One row per note for a spreadsheet, with no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

from reader.core.documents.text_policy import sanitize
from reader.core.export.records import NotesExport

CSV_COLUMNS = (
    "id", "status", "document_title", "document_path", "claim", "start", "end", "note",
    "counterpart_count", "counterpart_sources", "created", "updated", "orphaned",
    "attribution", "independence", "conflicts", "document_url", "document_retrieved", "anchor",
    "page",
)  # fmt: skip


def to_csv(export: NotesExport) -> str:
    """One row per note, with the documented columns, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for note in export.notes:
        document = export.document(note.document_id)
        found = note.view.counterparts
        writer.writerow(
            [
                _cell(note.id),
                note.status or "",
                _cell(document.title if document else ""),
                _cell(document.path if document else ""),
                _cell(note.claim),
                note.target.start,
                note.target.end,
                _cell(note.note),
                len(note.evidence),
                _cell("; ".join(export.label(e.target.document_id) for e in note.evidence)),
                _cell(note.created),
                _cell(note.updated),
                "yes" if note.orphaned else "no",
                _cell(note.view.attributed_to()),
                _cell("; ".join(p.independence() for p in found)),
                _cell("; ".join(c.describe() for p in found for c in p.conflicts)),
                _cell(document.url if document else ""),
                _cell(document.retrieved if document else ""),
                note.anchor,
                export.page(note.target) or "",
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """A CSV text cell: terminal controls as placeholders, and no formula.

    A cell starting with = + - @, or a tab, or white space before one of those (which some
    spreadsheets skip), is a formula to a spreadsheet; a leading quote disarms it.
    """
    text = sanitize(text)  # a carriage return becomes a placeholder: no "\r=" is left
    formula = text.lstrip(" \t\n")[:1] in ("=", "+", "-", "@") or text.startswith("\t")
    return "'" + text if formula else text
