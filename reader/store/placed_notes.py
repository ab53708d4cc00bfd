"""The notes placed on the open documents' claims: annotations by (document, passage), the
orphans, and how each quote was found in the current text."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.store.anchoring import Anchor
from reader.store.annotation import Annotation

Key = tuple[int, int]  # (document index, passage index)


@dataclass
class PlacedNotes:
    """The annotations of the open documents, by (document index, passage).

    A claim can hold several annotations: an import that conflicted, or two colleagues who
    tagged the same claim. Every one is kept and shown; the first is the one the keys edit,
    and ``cycle`` brings the next one forward.
    """

    by_passage: dict[Key, list[Annotation]] = field(default_factory=dict)
    orphans: list[Annotation] = field(default_factory=list)
    # How each placed note's quote was found in the current text (by annotation id).
    anchors: dict[str, Anchor] = field(default_factory=dict)

    def active(self, key: Key) -> Annotation | None:
        """The annotation the keys act on for this claim, if it has one."""
        found = self.by_passage.get(key)
        return found[0] if found else None

    def versions(self, key: Key) -> list[Annotation]:
        """Every annotation on this claim, the active one first."""
        return list(self.by_passage.get(key, ()))

    def place(self, key: Key, annotation: Annotation, anchor: Anchor | None = None) -> None:
        """Add a loaded annotation to its claim, after any already there."""
        self.by_passage.setdefault(key, []).append(annotation)
        if anchor is not None:
            self.anchors[annotation.id] = anchor

    def replace(self, key: Key, before: Annotation | None, after: Annotation | None) -> None:
        """Put ``after`` where ``before`` was (None: remove it; no ``before``: in front)."""
        found = self.by_passage.setdefault(key, [])
        position = next((i for i, a in enumerate(found) if before and a.id == before.id), None)
        if position is not None:
            del found[position]
        if after is not None:
            found.insert(0 if position is None else position, after)
            if before is None or after.target != before.target:
                self.anchors.pop(after.id, None)  # written on the current text: confirmed
        if not found:
            del self.by_passage[key]

    def cycle(self, key: Key) -> bool:
        """Make the claim's next annotation the active one; False if it has only one."""
        found = self.by_passage.get(key, [])
        if len(found) < 2:
            return False
        found.append(found.pop(0))
        return True

    def tags(self, doc: int) -> dict[int, str]:
        """Status by passage for one document (the active annotation's)."""
        tags: dict[int, str] = {}
        for (d, passage), found in self.by_passage.items():
            if d == doc and found and found[0].status:
                tags[passage] = found[0].status
        return tags

    def all_placed(self) -> list[Annotation]:
        """Every annotation placed on a claim, every version."""
        return [a for found in self.by_passage.values() for a in found]

    def needs_review(self) -> list[Annotation]:
        """Placed notes whose quote was found only approximately: the text was edited."""
        return [a for a in self.all_placed() if self.review_reason(a) is not None]

    def review_reason(self, annotation: Annotation) -> str | None:
        """Why a note should be confirmed by the user, or None when its quote was found as is."""
        anchor = self.anchors.get(annotation.id)
        if anchor is None or anchor.status != "fuzzy":
            return None
        return f"the claim's text changed since it was tagged ({anchor.score:.0f}% alike)"
