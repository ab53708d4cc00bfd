"""Notes placed in a document's current text: each note's quote found again (anchoring.py),
notes made on earlier versions of the file included, orphans kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.documents.document import Passage
from reader.store.anchoring import Anchor, anchor, within_claim
from reader.store.annotation import Annotation
from reader.store.stored_document import same_file

if TYPE_CHECKING:
    from reader.store.notes import NotesStore


@dataclass(frozen=True)
class Attached:
    """A note, where it stands in the document's current text, and whether that text changed."""

    annotation: Annotation
    anchor: Anchor
    from_earlier_version: bool


def attach_notes(
    store: NotesStore,
    document_id: str,
    path: Path,
    text: str,
    passages: Sequence[Passage] | None = None,
) -> list[Attached]:
    """This document's notes with where each stands in its current text.

    Notes made on this exact text anchor at once. Notes made on an earlier version (another
    content id last seen at the same path) are re-anchored; those that cannot be found are
    returned as orphans, never dropped. Stored selectors are not changed. Given the text's
    ``passages``, a quote found inside a longer passage is to be confirmed: it is another
    claim quoting this one ("an earlier version said that ..."), not the claim itself.
    """
    attached: list[Attached] = []
    earlier = {
        d.id
        for d in store.documents()
        if d.id != document_id and same_file(store.document_path(d), path)
    }
    for item in store.annotations():
        owner = item.target.document_id
        if owner == document_id or owner in earlier:
            found = anchor(item.target, text)
            if passages is not None:
                found = within_claim(found, passages)
        else:
            continue
        attached.append(Attached(item, found, owner != document_id))
    return attached
