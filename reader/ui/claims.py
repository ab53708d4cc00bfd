"""What the workstation knows about tags: annotations by (document, passage), and orphans."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.store.model import Annotation

Key = tuple[int, int]  # (document index, passage index)


@dataclass
class TagBook:
    """The annotations of the open documents, by (document index, passage)."""

    by_passage: dict[Key, Annotation] = field(default_factory=dict)
    orphans: list[Annotation] = field(default_factory=list)

    def tags(self, doc: int) -> dict[int, str]:
        """Status by passage for one document."""
        return {p: a.status for (d, p), a in self.by_passage.items() if d == doc and a.status}
