"""Annotations as stored: a tagged claim, its note, W3C-style selectors and its evidence."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

from reader.core.matching.matcher import Strength

SCHEMA_VERSION = 1
CONTEXT = 32  # characters of prefix and suffix kept in a TextQuoteSelector

Status = Literal["corroborated", "contested"]
STATUSES: tuple[Status, ...] = ("corroborated", "contested")


def now() -> str:
    """The current time as an ISO 8601 UTC timestamp."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class TextQuoteSelector:
    """The quoted text with a little context either side (W3C Web Annotation)."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_text(cls, text: str, start: int, end: int) -> TextQuoteSelector:
        """Quote text[start:end] with up to 32 characters of context either side."""
        return cls(
            text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
        )


@dataclass(frozen=True)
class TextPositionSelector:
    """Character offsets into the document's text (W3C Web Annotation)."""

    start: int
    end: int


@dataclass(frozen=True)
class Target:
    """A span of one document, told by quote and by position."""

    document_id: str
    quote: TextQuoteSelector
    position: TextPositionSelector

    @classmethod
    def from_span(cls, document_id: str, text: str, start: int, end: int) -> Target:
        """The target for text[start:end] of the document with this id."""
        return cls(
            document_id,
            TextQuoteSelector.from_text(text, start, end),
            TextPositionSelector(start, end),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the database."""
        return {
            "document_id": self.document_id,
            "quote": {
                "exact": self.quote.exact,
                "prefix": self.quote.prefix,
                "suffix": self.quote.suffix,
            },
            "position": {"start": self.position.start, "end": self.position.end},
        }


@dataclass(frozen=True)
class Evidence:
    """A counterpart passage in another document that the matcher linked to the claim."""

    target: Target
    score: float
    strength: Strength

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the database."""
        return {"target": self.target.to_dict(), "score": self.score, "strength": self.strength}


@dataclass(frozen=True)
class Annotation:
    """A user's judgement of one claim: its status, note, where it is, and its evidence."""

    target: Target
    status: Status | None = None
    note: str = ""
    evidence: tuple[Evidence, ...] = ()
    id: str = field(default_factory=lambda: f"urn:uuid:{uuid.uuid4()}")
    created: str = field(default_factory=now)
    updated: str = field(default_factory=now)
    schema: int = SCHEMA_VERSION

    @property
    def claim(self) -> str:
        """The claim's text as it was when tagged."""
        return self.target.quote.exact

    def changed(self, **changes: Any) -> Annotation:
        """A copy with the changes applied and a fresh updated time."""
        return replace(self, **changes, updated=now())

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the database."""
        return {
            "id": self.id,
            "schema": self.schema,
            "document_id": self.target.document_id,
            "status": self.status,
            "note": self.note,
            "claim": self.claim,
            "target": self.target.to_dict(),
            "evidence": [item.to_dict() for item in self.evidence],
            "created": self.created,
            "updated": self.updated,
        }
