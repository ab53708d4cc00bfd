"""What an export is written from: typed records of the documents and the notes, each note
with its claim's view (attribution and counterparts' provenance) already decided."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from reader.core.documents.article import page_at
from reader.core.documents.document import document_label
from reader.core.matching.matcher import Strength
from reader.core.provenance.claim_view import ClaimView


@dataclass(frozen=True)
class SourceDocument:
    """A document the notes are about: its content id, path, title and metadata."""

    id: str
    path: str
    title: str
    metadata: Mapping[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """Its outlet, else its title, else its id: the one label of a document."""
        return document_label(self.metadata, self.title, self.id)

    @property
    def url(self) -> str:
        """The address it was fetched from (``reader add``), or empty."""
        return self.metadata.get("url", "")

    @property
    def retrieved(self) -> str:
        """When it was fetched (UTC), or empty."""
        return self.metadata.get("retrieved", "")

    def to_data(self) -> dict[str, Any]:
        """As the JSON export writes it."""
        return {"id": self.id, "path": self.path, "title": self.title, "metadata": self.metadata}


@dataclass(frozen=True)
class Quote:
    """A span of a document told by quote (with context) and by position (W3C selectors)."""

    document_id: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def to_data(self) -> dict[str, Any]:
        """As the notes file and the JSON export write a target."""
        return {
            "document_id": self.document_id,
            "quote": {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix},
            "position": {"start": self.start, "end": self.end},
        }


@dataclass(frozen=True)
class EvidenceQuote:
    """A counterpart stored as a tag's evidence, with the score and strength of its match."""

    target: Quote
    score: float
    strength: Strength

    def to_data(self) -> dict[str, Any]:
        """As the notes file and the JSON export write it."""
        return {"target": self.target.to_data(), "score": self.score, "strength": self.strength}


@dataclass(frozen=True)
class NoteRecord:
    """One note as exported: the stored annotation, where it stands now, and its claim view.

    ``anchor`` says how its quote was found in the current text (exact, moved, fuzzy: to be
    confirmed, or orphan); ``view`` is ``view_claim`` of its claim and evidence.
    """

    id: str
    schema: int
    status: str | None
    note: str
    target: Quote
    evidence: tuple[EvidenceQuote, ...]
    created: str
    updated: str
    orphaned: bool
    anchor: str
    view: ClaimView

    @property
    def document_id(self) -> str:
        """The document the claim is in."""
        return self.target.document_id

    @property
    def claim(self) -> str:
        """The claim's text as it was when tagged."""
        return self.target.exact

    def to_data(self) -> dict[str, Any]:
        """As the JSON export writes it (what ``reader import`` reads back)."""
        return {
            "id": self.id,
            "schema": self.schema,
            "document_id": self.document_id,
            "status": self.status,
            "note": self.note,
            "claim": self.claim,
            "target": self.target.to_data(),
            "evidence": [item.to_data() for item in self.evidence],
            "created": self.created,
            "updated": self.updated,
            "orphaned": self.orphaned,
            "anchor": self.anchor,
        }


@dataclass(frozen=True)
class NotesExport:
    """The documents and notes of one notes file, ready to be written in any format."""

    documents: tuple[SourceDocument, ...]
    notes: tuple[NoteRecord, ...]

    def document(self, document_id: str) -> SourceDocument | None:
        """The document with this id, if the notes file knows it."""
        return self._by_id.get(document_id)

    @cached_property
    def _by_id(self) -> dict[str, SourceDocument]:
        # The first record of an id wins, as a search from the start would find it.
        found: dict[str, SourceDocument] = {}
        for document in self.documents:
            found.setdefault(document.id, document)
        return found

    def page(self, quote: Quote) -> int | None:
        """The page a quote starts on, for a document read from a PDF (None for others)."""
        found = self.document(quote.document_id)
        return page_at(found.metadata, quote.start) if found is not None else None

    def cited(self, quote: Quote) -> str:
        """A document's label with the page a quote is on, when known: "Gazette, p. 3"."""
        page = self.page(quote)
        label = self.label(quote.document_id)
        return f"{label}, p. {page}" if page is not None else label

    def label(self, document_id: str) -> str:
        """The label of a document by id ("unknown" when the notes file does not know it)."""
        found = self.document(document_id)
        return found.label if found is not None else "unknown"

    def with_status(self, status: str | None) -> NotesExport:
        """Only the notes with this status (all of them for None)."""
        if status is None:
            return self
        return replace(self, notes=tuple(n for n in self.notes if n.status == status))
