"""The document model: documents, their blocks and their passages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.documents.text_policy import sanitize_line


def document_label(metadata: Mapping[str, str], title: str, fallback: str) -> str:
    """The one label of a document wherever it is shown: its outlet, else its title, else
    ``fallback`` (its file name, or in an export its id)."""
    return metadata.get("outlet") or title or fallback


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph, list item, quote, cell or code block, as offsets into the text."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """One claim-sized unit of a document (a sentence or a headline) with exact offsets."""

    index: int
    start: int
    end: int
    text: str
    block: int


@dataclass(frozen=True)
class Document:
    """A loaded document: stable id, source path, metadata, plain text, blocks and passages."""

    id: str
    path: Path
    title: str
    text: str
    blocks: tuple[Block, ...]
    passages: tuple[Passage, ...]
    metadata: Mapping[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The short label for this document: its outlet or title, else its file name, on
        one line with controls as placeholders (a file name can hold anything)."""
        return sanitize_line(document_label(self.metadata, self.title, self.path.name))

    @property
    def short_label(self) -> str:
        """The label where space is short (a matrix column): its outlet, else its file stem."""
        return sanitize_line(self.metadata.get("outlet") or self.path.stem)

    def passage_at(self, offset: int) -> Passage | None:
        """Return the passage containing a character offset, if any."""
        low, high = 0, len(self.passages)
        while low < high:
            middle = (low + high) // 2
            passage = self.passages[middle]
            if offset < passage.start:
                high = middle
            elif offset >= passage.end:
                low = middle + 1
            else:
                return passage
        return None
